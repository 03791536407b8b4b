"""Property: whatever an ORUK V3.0-UK service looks like, the import never crashes and no
page breaks afterwards.

Hypothesis generates services from the validator's own schema (tests/oruk_strategies.py),
with the mistakes real feeds make mixed in. Each is imported or refused with a message —
never an exception — and after it every public page (home and search in all six
languages, the category pages of its terms, the listing, the print page) and the API
(/api/services, /api/services/<id>) answers 200.
"""
import os
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from sqlalchemy import select

from directory.models import Service, TaxonomyTerm
from directory.oruk.documents import Record
from directory.oruk.importer import run_import
from directory.search.indexer import IndexStore
from directory.search.sync import rebuild_index

from .oruk_strategies import services

LOCALE_SLUGS = ("en", "gu", "pl", "zh-hans", "zh-hant", "ur")


@pytest.fixture
def fresh_index(app, db):
    rebuild_index(db, IndexStore(app.config["INDEX_DIR"]))
    app.extensions["directory.search"].refresh()
    return db


def _answers(client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200, f"{path} answered {response.status_code}"


# The strategy is built from the whole ORUK service schema: its repr is ~47 kB, and Hypothesis
# warns that writing it out is expensive whenever it describes the strategy (seen once on CI).
@pytest.mark.filterwarnings("ignore:Generating overly large repr:hypothesis.errors.HypothesisWarning")
@settings(max_examples=int(os.environ.get("IMPORT_PROPERTY_EXAMPLES", 12)), deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(document=services())
def test_any_schema_shaped_service_is_imported_or_refused_and_every_page_still_answers(app, client, fresh_index,
                                                                                     document):
    report = run_import(fresh_index, [Record("record 1", document)])
    assert report.outcome in ("imported", "refused")
    if report.failed and os.environ.get("IMPORT_PROPERTY_DUMP"):
        import json
        with open(os.environ["IMPORT_PROPERTY_DUMP"], "a", encoding="utf-8") as dump:
            dump.write(json.dumps(document, ensure_ascii=False) + "\n")
    if report.outcome == "refused":  # errors naming record and path, or the database's own words
        assert (report.errors and all(problem.message for problem in report.errors)) or report.failed
    app.extensions["directory.search"].refresh()
    with fresh_index.session() as session:
        stored = session.get(Service, document["id"]) if isinstance(document.get("id"), str) and \
            len(document["id"]) <= 36 else None
        assert stored is not None or report.outcome == "refused"  # (an earlier example may have used the id)
        slugs = [term.url_code for term in session.scalars(select(TaxonomyTerm))]
        service_id = stored.id if stored is not None else None
    query = quote(str(document.get("name") or "x")[:40])
    for slug in LOCALE_SLUGS:
        _answers(client, f"/{slug}/")
        _answers(client, f"/{slug}/search?q={query}")
    _answers(client, "/en/categories/")
    for term_slug in slugs[:5]:
        _answers(client, f"/en/categories/{quote(term_slug, safe='')}")
    _answers(client, "/api/services")
    if service_id is not None:
        for path in (f"/en/services/{quote(service_id, safe='')}", f"/ur/services/{quote(service_id, safe='')}",
                     f"/en/services/{quote(service_id, safe='')}/print", f"/api/services/{quote(service_id, safe='')}"):
            _answers(client, path)
