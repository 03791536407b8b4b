"""An API search of summaries loads only what a summary shows (issue 19).

``/api/services`` lists each service's own fields and its translations; the rest of a
listing (places, sessions, costs, languages) is in the full service only. A page of 20
listings not yet prepared used to be loaded as a result card is (eight queries over the
listing's tables); a summary needs the services and their translations, read in one query
that joins the two. Real app and database (both backends), real index; the whole bodies are
checked against the snapshot in ``test_ranking_snapshot.py``."""
from __future__ import annotations

import re
from contextlib import contextmanager

from tests.statements import recorded_statements

LISTING_TABLES = {"service", "service_translation", "service_at_location", "location", "accessibility",
                  "schedule", "language", "cost_option", "organization", "contact", "phone", "attribute"}


def tables_read(statements: list[str]) -> list[set[str]]:
    """The listing tables each SELECT read, in the order of the statements."""
    read = (set(re.findall(r"\b(?:FROM|JOIN)\s+\"?(\w+)", statement)) & LISTING_TABLES
            for statement in statements if statement.lstrip().upper().startswith("SELECT"))
    return [tables for tables in read if tables]


@contextmanager
def nothing_kept(app):
    """No prepared object and no kept answer: every listing is loaded afresh."""
    app.extensions.pop("directory.api_services", None)
    page_cache = app.config.get("PAGE_CACHE", True)
    app.config["PAGE_CACHE"] = False
    try:
        yield
    finally:
        app.extensions.pop("directory.api_services", None)
        app.config["PAGE_CACHE"] = page_cache


def test_a_page_of_summaries_reads_the_services_and_their_translations_only(api_app, api_db, api):
    with nothing_kept(api_app), recorded_statements(api_db.engine) as statements:
        answer = api.get("/api/services?lat=52.6350&lon=-1.1000&proximity=5000&per_page=20")
    read = tables_read(statements)
    assert answer.status_code == 200 and answer.get_json()["size"] > 5
    assert read == [{"service", "service_translation"}], read


def test_full_services_still_read_every_part_of_the_listing(api_app, api_db, api):
    with nothing_kept(api_app), recorded_statements(api_db.engine) as statements:
        answer = api.get("/api/services?lat=52.6350&lon=-1.1000&proximity=5000&per_page=20&full=true")
    read = tables_read(statements)
    assert answer.status_code == 200
    items = answer.get_json()["contents"]
    assert items and all("service_at_locations" in item and "schedules" in item for item in items)
    assert {"schedule", "cost_option", "language", "location"} <= set().union(*read), read
