"""The bulk writer on each backend (COPY on PostgreSQL, executemany on SQLite): what goes in
comes out exactly, a refused batch takes the whole file with it, and the change log still
hears of every imported service and place.
"""
import json

import pytest
from sqlalchemy import func, select, text

from directory.models import Accessibility, ChangeLogEntry, Location, Phone, Service
from directory.oruk.importer import BATCH_SIZE, records_from_bytes, run_import

from .listings import CHINESE_TAI_CHI, GUJARATI_LUNCH_CLUB, POLISH_YOGA, service

TEXTS = [POLISH_YOGA, GUJARATI_LUNCH_CLUB, CHINESE_TAI_CHI]


def _import(db, document, **options):
    return run_import(db, records_from_bytes(json.dumps(document, ensure_ascii=False).encode(), "feed.json"),
                      **options)


def _count(db, model=Service) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(model))


def _changes(db) -> int:
    """Change-log entries for services (loading the taxonomy wrote one of its own)."""
    with db.session() as session:
        return session.scalar(select(func.count()).where(ChangeLogEntry.service_id.is_not(None)))


def _feed(count: int) -> list[dict]:
    return [service(f"bulk-{number}", TEXTS[number % 3]) for number in range(count)]


def test_a_bad_record_in_the_middle_of_a_batch_refuses_the_file_and_skip_invalid_keeps_the_good_ones(taxonomy_db):
    feed = _feed(BATCH_SIZE + 40)  # a full batch, then a second one holding the bad record
    feed.insert(BATCH_SIZE + 20, {"id": "no-name", "organization": {"id": "o", "name": "O"}})
    report = _import(taxonomy_db, feed)
    assert report.outcome == "refused" and "service.name: is required" in "\n".join(report.lines())
    assert _count(taxonomy_db) == 0 == _count(taxonomy_db, Location)
    report = _import(taxonomy_db, feed, skip_invalid=True)
    assert report.outcome == "partial" and report.imported == BATCH_SIZE + 40 == _count(taxonomy_db)
    assert _count(taxonomy_db, Location) == BATCH_SIZE + 40


def test_a_batch_the_database_refuses_rolls_back_the_batches_written_before_it(taxonomy_db):
    """A phone id used both by an organisation and by a service collides in the phone table:
    the second batch fails inside the database, after the first was written."""
    feed = _feed(BATCH_SIZE + 10)
    clash = feed[BATCH_SIZE + 5]
    clash["phones"] = [{"id": clash["organization"]["phones"][0]["id"], "number": "0116 496 0303"}]
    for options in ({}, {"skip_invalid": True}):
        report = _import(taxonomy_db, feed, **options)
        assert report.outcome == "refused" and report.failed, report.lines()
        assert report.lines()[-1] == f"Checked {BATCH_SIZE + 10} record(s): the database refused it — nothing was imported"
        assert _count(taxonomy_db) == 0 == _count(taxonomy_db, Phone) == _changes(taxonomy_db)


TRICKY = {
    "name": "Tab\there, a backslash \\ and \\N, 瑜伽 and યોગ",
    "description": "Line one\nline two\twith a tab\n\\.\nC:\\new\\table \\x41 — 每周四上午 / દર મંગળવારે",
}


def test_text_with_tabs_newlines_backslashes_and_any_script_comes_back_exactly(taxonomy_db):
    data = service("bulk-tricky", TRICKY, locale="gu", alert="\\N", email=None)
    access = data["service_at_locations"][0]["location"]["accessibility"][0]
    access.update(description="Rampa\tprzy wejściu\\boczne\n轮椅可以进入", details="વ્હીલચેર\n\\N")
    report = _import(taxonomy_db, [data])
    assert report.outcome == "imported", report.lines()
    with taxonomy_db.session() as session:
        stored = session.get(Service, data["id"])
        assert (stored.name, stored.description, stored.alert) == (TRICKY["name"], TRICKY["description"], "\\N")
        assert stored.email is None and stored.url is None  # NULL stays NULL, "\N" stays text
        entry = session.get(Accessibility, access["id"])
        assert (entry.description, entry.details) == (access["description"], access["details"])


def test_every_imported_service_and_place_is_in_the_change_log(taxonomy_db):
    feed = _feed(BATCH_SIZE + 3)
    assert _import(taxonomy_db, feed).outcome == "imported"
    with taxonomy_db.session() as session:
        services = set(session.scalars(select(ChangeLogEntry.service_id).where(ChangeLogEntry.service_id.is_not(None))))
        places = set(session.scalars(select(ChangeLogEntry.location_id).where(ChangeLogEntry.location_id.is_not(None))))
    assert services == {item["id"] for item in feed}
    assert places == {item["service_at_locations"][0]["location"]["id"] for item in feed}


def _last_analysed(db):
    """When ANALYZE last ran on the service table (PostgreSQL's clock), or None."""
    with db.engine.connect() as connection:
        return connection.execute(text("SELECT greatest(last_analyze, last_autoanalyze) FROM pg_stat_user_tables "
                                       "WHERE relname = 'service'")).scalar()


def _database_now(db):
    with db.engine.connect() as connection:
        return connection.execute(text("SELECT clock_timestamp()")).scalar()


def test_an_import_leaves_postgresql_with_statistics_for_its_planner(taxonomy_db):
    """Without them (autovacuum late or off) a page of results read whole tables: issue 19."""
    if taxonomy_db.is_sqlite:
        pytest.skip("SQLite's planner uses its indexes without statistics")
    before = _database_now(taxonomy_db)
    assert _import(taxonomy_db, _feed(30), dry_run=True).imported == 0
    assert (_last_analysed(taxonomy_db) or before) <= before, "a dry run writes nothing and counts nothing"
    assert _import(taxonomy_db, _feed(30)).imported == 30
    assert _last_analysed(taxonomy_db) > before
