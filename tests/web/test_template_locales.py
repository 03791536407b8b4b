"""Each locale's templates are compiled with their fixed texts translated in
(directory.web.template_locales), and every page reads exactly as it did when each text was
translated as the page was drawn: in every locale, for searches, listings, forms and errors.

Real app, real database (SQLite and PostgreSQL), real index, real HTTP through the test client."""
from __future__ import annotations

import re

import pytest
from flask import render_template, render_template_string
from jinja2 import ChoiceLoader, DictLoader
from sqlalchemy import select

from directory.models import Service
from directory.web import template_gettext
from tests.web.test_card_facts import SLUGS, _without_nonce

PAGES = ("/{slug}/", "/{slug}/search?q=lunch+club", "/{slug}/search?q=yoga&postcode=LE4&distance=20",
         "/{slug}/search?postcode=LE1&distance=5&cost=free", "/{slug}/search?q=zzzqqq", "/{slug}/search?distance=abc",
         "/{slug}/categories/", "/{slug}/categories/lunch-club", "/{slug}/list-your-group/", "/{slug}/staff/login",
         "/{slug}/no-such-page")


def _body(response) -> str:
    body = _without_nonce(response.get_data(as_text=True))
    return re.sub(r'name="csrf_token" (type="hidden" )?value="[^"]*"', "", body)


def _fixed_text_calls(app) -> list[str]:
    """The texts the templates' ``_`` is asked for with no variables, from now on."""
    asked: list[str] = []
    translate = app.jinja_env.globals["_"]

    def recording(context, string, **variables):
        if not variables:
            asked.append(string)
        return translate(context, string, **variables)

    recording.jinja_pass_arg = translate.jinja_pass_arg
    app.jinja_env.globals["_"] = recording
    return asked


def test_every_page_reads_the_same_with_its_texts_compiled_in(app, indexed):
    app.config["PAGE_CACHE"] = False
    paths = [page.format(slug=slug) for slug in SLUGS for page in PAGES]
    with indexed.session() as session:
        ids = sorted(session.scalars(select(Service.id)))
    paths += [f"/{slug}/services/{service_id}{suffix}" for slug in SLUGS for service_id in ids[::15]
              for suffix in ("", "/print")]
    client = app.test_client()
    folded = [(path, client.get(path)) for path in paths]
    app.jinja_env.fold_texts = False
    unfolded = [client.get(path) for path in paths]
    for (path, folded_response), unfolded_response in zip(folded, unfolded):
        assert folded_response.status_code == unfolded_response.status_code, path
        assert _body(folded_response) == _body(unfolded_response), path
    statuses = {response.status_code for _path, response in folded}
    assert statuses == {200, 400, 404}, statuses


def test_a_public_page_asks_for_none_of_its_own_fixed_texts_while_it_is_drawn(app, indexed):
    app.config["PAGE_CACHE"] = False
    app.jinja_env.bytecode_cache = None  # compiled here, whatever another test left in the process's cache
    asked = _fixed_text_calls(app)
    client = app.test_client()
    paths = ("/gu/", "/pl/search?q=joga", "/zh-hans/search?postcode=LE4&distance=20")
    for path in paths:
        assert client.get(path).status_code == 200, path
    folded = list(asked)
    asked.clear()
    app.jinja_env.fold_texts = False
    for path in paths:
        client.get(path)
    page_texts = {"Find something to do near you", "Skip to main content", "What are you looking for?",
                  "Narrow your search", "Why suggested:"}  # base.html, the search form and search.html
    assert page_texts <= set(asked)
    assert not page_texts & set(folded)
    assert len(folded) < len(asked) / 3  # what is left: macros.html's, translated as drawn (sheets need it)


def test_each_locale_has_its_own_compiled_templates(app, indexed):
    app.config["PAGE_CACHE"] = False
    client = app.test_client()
    for slug in ("gu", "pl"):
        with app.test_request_context(f"/{slug}/"):
            app.preprocess_request()
            tagline = template_gettext.gettext("Find something to do near you")
        assert tagline != "Find something to do near you"
        assert tagline in client.get(f"/{slug}/").get_data(as_text=True)
    gujarati_pages, polish_pages = app.jinja_env.locale_environment("gu"), app.jinja_env.locale_environment("pl")
    gujarati, polish = gujarati_pages.get_template("base.html"), polish_pages.get_template("base.html")
    assert gujarati is not polish and gujarati.environment is gujarati_pages


@pytest.fixture()
def folding_app(app):
    """The app with a few templates of this test's own, found before the site's."""
    app.jinja_env.loader = ChoiceLoader([DictLoader({
        "public/test-fixed.html": '<p title="{{ _(\'Search\') }}">{{ _("Search") }}</p>',
        "public/test-percent.html": "{{ _('100%% free') }}|{{ _('%s odd') }}",
        "public/test-variables.html": "{{ _('Hello %(name)s', name=who) }}",
        "public/test-dynamic.html": "{{ _(word) }}",
        "public/test-binds.html": "{% macro _(text) %}[{{ text }}]{% endmacro %}{{ _('Search') }}",
        "public/test-plain.txt": "{{ _('Search') }} & more",
    }), app.jinja_env.loader])
    return app


def _rendered(app, name: str, **variables) -> str:
    with app.test_request_context("/pl/"):
        app.preprocess_request()
        return render_template(name, **variables)


@pytest.mark.parametrize("name, variables", [
    ("public/test-fixed.html", {}), ("public/test-percent.html", {}),
    ("public/test-variables.html", {"who": "<b>Ana</b>"}), ("public/test-dynamic.html", {"word": "Search"}),
    ("public/test-binds.html", {}), ("public/test-plain.txt", {}),
])
def test_a_folded_template_writes_what_the_unfolded_one_wrote(folding_app, name, variables):
    folded = _rendered(folding_app, name, **variables)
    folding_app.jinja_env.fold_texts = False
    assert folded and folded == _rendered(folding_app, name, **variables)


def test_only_literal_texts_without_variables_are_folded(folding_app):
    asked = _fixed_text_calls(folding_app)
    assert _rendered(folding_app, "public/test-fixed.html") == '<p title="Szukaj">Szukaj</p>'
    # What "%"-formatting with no variables always made of them:
    assert _rendered(folding_app, "public/test-percent.html") == "100% free|{} odd"
    assert _rendered(folding_app, "public/test-variables.html", who="<b>Ana</b>") == \
        "Hello &lt;b&gt;Ana&lt;/b&gt;"
    assert _rendered(folding_app, "public/test-binds.html") == "[Search]"  # the template's own "_"
    assert asked == []
    assert _rendered(folding_app, "public/test-dynamic.html", word="Search") == "Szukaj"
    assert asked == ["Search"]  # not a literal: asked as the page is drawn
    with folding_app.test_request_context("/pl/"):
        folding_app.preprocess_request()
        assert render_template_string("{{ _('Search') }}") == "Szukaj"  # a string template: not a locale's
    assert asked == ["Search", "Search"]
