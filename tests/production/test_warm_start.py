"""Warm start (issue 19): a server warms its app before accepting its first connection, so
no visitor pays for loading the analysers, the index columns, the taxonomy, the templates or
a locale's catalogue — and the warm-up writes nothing."""
from __future__ import annotations

import gc

from sqlalchemy import func, select

from directory import listings
from directory.changelog import latest_seq
from directory.i18n.locales import SITE_LOCALES
from directory.models import Submission
from directory.search import segments
from directory.search.query import SearchRequest
from directory.warm import warm_up_app


def _rows(db) -> tuple:
    with db.session() as session:
        return latest_seq(session), session.scalar(select(func.count()).select_from(Submission))


def test_warming_opens_the_index_loads_the_taxonomy_and_compiles_the_pages(app, indexed):
    engine = app.extensions["directory.search"]
    engine.close()
    listings._taxonomies.clear()
    app.jinja_env.cache.clear()
    app.jinja_env.forget_locales()
    before = _rows(indexed)

    assert warm_up_app(app) > 0

    assert engine._state is not None                      # searcher and per-segment columns open
    assert str(indexed.engine.url) in listings._taxonomies  # the category tree's terms cached
    for locale in SITE_LOCALES:  # each locale's own compiled pages (directory/web/template_locales.py)
        cached = {key[1] for key in app.jinja_env.locale_environment(locale.babel_locale).cache.keys()}
        assert {"public/home.html", "public/search.html", "base.html"} <= cached, locale.code
    assert _rows(indexed) == before                        # nothing written, nothing logged
    assert gc.get_freeze_count() > 0  # what it loaded is out of the collector's way (directory/longlived.py)
    gc.unfreeze()  # the rest of this test process collects as before


def test_warming_can_be_turned_off(app, indexed):
    app.config["WARM_UP"] = False
    assert warm_up_app(app) == 0.0 and not app.jinja_env.cache
    assert all(app.jinja_env.locale_environment(locale.babel_locale) is None for locale in SITE_LOCALES)


def _text_postings_read(engine, monkeypatch, text: str, locale: str) -> list[tuple[str, str]]:
    """Which text-field postings a search reads from the index files (not from memory) and
    finds documents in. (A word that no document has costs a lookup of a few microseconds.)"""
    read, real = [], segments.read_postings

    def counted(reader, fieldname, term):
        postings = real(reader, fieldname, term)
        if fieldname != "cells" and postings and len(postings[0]):
            read.append((fieldname, term))
        return postings

    monkeypatch.setattr(segments, "read_postings", counted)
    engine.search(SearchRequest(text=text, locale=locale))
    monkeypatch.setattr(segments, "read_postings", real)
    return read


def test_warming_reads_the_postings_of_every_taxonomy_word(app, indexed, monkeypatch):
    """A search naming a category reads the postings of all its names and synonyms in every
    language; after the warm-up none of them comes from disk."""
    engine = app.extensions["directory.search"]
    engine.close()
    catalogue = engine.store.catalogue()
    words = [(locale, word) for code in sorted(catalogue.words) for locale, names in catalogue.words[code].items()
             if locale in ("pl", "gu") for word in names]
    (locale, word), (other_locale, other_word) = words[0], words[-1]

    assert _text_postings_read(engine, monkeypatch, word, locale)  # a cold engine reads them from disk

    assert engine.warm_taxonomy_postings() > 0
    assert _text_postings_read(engine, monkeypatch, other_word, other_locale) == []
