"""Ready before the first visitor: load what the first requests of a fresh process would
otherwise pay for (issue 19, "warm start").

Loaded lazily, the analysers' tables (Stempel, jieba, OpenCC: 3–5 s then; ~1 s since
Stempel's table is read as lookups reach it), the search index's per-segment columns and
postings, the taxonomy cache, the compiled templates and each locale's message catalogue
made the first search after `directory serve` started take 8.8 s, and 0.6–0.8 s in each
gunicorn worker; on a loaded machine the stress bench's first API search timed out after
30 s. Both servers call ``warm_up_app`` before they accept a connection: it asks the app, in
process, for each locale's home page and a search there, the pages a visitor opens first,
then reads the postings of the taxonomy's words, which most searches name.
Public pages write nothing, so the warm-up leaves no trace.
"""
from __future__ import annotations

import logging
import time

from flask import Flask

from .i18n.locales import SITE_LOCALES
from .longlived import freeze_long_lived
from .search.analysis import warm_up as warm_up_analysers

log = logging.getLogger(__name__)
# A word in every script, and a postcode district, so text and distance paths both run.
_SEARCH = "/{slug}/search?q=lunch+%E0%AA%AD%E0%AB%8B%E0%AA%9C%E0%AA%A8+kawa+%E5%A4%AA%E6%A5%B5&postcode=LE4&distance=3"


def warm_up_app(app: Flask) -> float:
    """Warm ``app`` in this process; returns the seconds it took. Never raises: a page that
    fails here will fail, and be reported, when a visitor asks for it. ``WARM_UP = False``
    (``DIRECTORY_WARM_UP=0``) skips it."""
    if not app.config.get("WARM_UP", True):
        return 0.0
    started = time.perf_counter()
    warm_up_analysers()
    client = app.test_client()
    for locale in SITE_LOCALES:
        for path in (f"/{locale.slug}/", _SEARCH.format(slug=locale.slug)):
            try:
                client.get(path)
            except Exception:  # noqa: BLE001 - warming must not stop a server from starting
                log.warning("warming %s failed", path, exc_info=True)
    try:
        app.extensions["directory.search"].warm_taxonomy_postings()
    except Exception:  # noqa: BLE001 - warming must not stop a server from starting
        log.warning("warming the taxonomy's postings failed", exc_info=True)
    freeze_long_lived()
    seconds = time.perf_counter() - started
    log.info("warmed up in %.1f s", seconds)
    return seconds
