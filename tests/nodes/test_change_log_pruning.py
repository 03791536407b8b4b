"""The change log is pruned (issue 14): never past what a live index still needs, and an
index that fell behind what was pruned rebuilds itself from the database."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from directory.changelog_pruning import PruningPolicy, node_name, prune_change_log, pruned_through, report_applied
from directory.models import ChangeLogEntry, IndexNode, Service
from directory.oruk.read import upsert_service
from directory.search import IndexStore, SearchEngine, SearchRequest, rebuild_index
from directory.search.applier import IndexApplier
from directory.seed import load_taxonomy

from ..listings import TAXONOMY, service

YOGA = service("yoga", {"name": "Chair yoga for over-50s", "description": "Gentle yoga on chairs."})
KNIT = service("knit", {"name": "Knit and natter", "description": "Bring your needles."})
LATER = dt.datetime.now(dt.UTC).replace(tzinfo=None) + dt.timedelta(days=30)  # every row is old by then
POLICY = PruningPolicy(keep_days=7, node_days=7)


@pytest.fixture
def loaded(app, db):
    with db.session() as session:
        load_taxonomy(session, TAXONOMY)
        upsert_service(session, YOGA)
        upsert_service(session, KNIT)
    rebuild_index(db, app.extensions["directory.search"].store)
    return db


def rename(db, name: str, listing: dict = YOGA) -> None:
    with db.session() as session:
        session.get(Service, listing["id"]).name = name


def seqs(db) -> list[int]:
    with db.session() as session:
        return list(session.scalars(select(ChangeLogEntry.seq).order_by(ChangeLogEntry.seq)))


def test_the_writer_reports_how_far_its_index_has_applied_the_log(app, loaded):
    rename(loaded, "Chair pilates")
    store = app.extensions["directory.search"].store
    with loaded.session() as session:
        row = session.get(IndexNode, node_name(store.root))
        assert row is not None and row.applied_seq == store.applied_seq() == seqs(loaded)[-1]


def test_pruning_stops_at_the_slowest_live_index_and_keeps_the_newest_row(loaded):
    for name in ("one", "two", "three", "four"):
        rename(loaded, f"Chair yoga {name}")
    logged = seqs(loaded)
    with loaded.session() as session:
        report_applied(session, "host-a:/index", logged[-1], now=LATER)
        report_applied(session, "host-b:/index", logged[2], now=LATER)  # slower
        assert prune_change_log(session, POLICY, now=LATER) == 3
    assert seqs(loaded) == logged[3:]
    with loaded.session() as session:
        report_applied(session, "host-b:/index", logged[-1], now=LATER)
        prune_change_log(session, POLICY, now=LATER)
        assert pruned_through(session) == logged[-2]
        assert session.scalar(select(func.max(ChangeLogEntry.seq))) == logged[-1]  # the latest seq stays readable
    assert seqs(loaded) == logged[-1:]


def test_nothing_recent_nothing_unreported_is_pruned(loaded):
    rename(loaded, "Chair pilates")
    logged = seqs(loaded)
    with loaded.session() as session:
        assert prune_change_log(session, POLICY, now=LATER) == 0       # no index has reported: keep all
        report_applied(session, "host-a:/index", logged[-1])
        assert prune_change_log(session, POLICY) == 0                   # every row is younger than a week
    assert seqs(loaded) == logged


def test_an_index_away_longer_than_the_log_was_kept_rebuilds_itself_and_is_in_step(app, loaded, tmp_path):
    away_store = IndexStore(tmp_path / "away-node")
    rebuild_index(loaded, away_store)
    away = IndexApplier(loaded, away_store)
    assert away.apply_pending()  # in step, and reported
    left_at = away_store.applied_seq()

    rename(loaded, "Crochet circle", KNIT)  # while that node is switched off: this row is pruned...
    rename(loaded, "Seated tai chi")        # ...this one, the newest, is kept
    here = app.extensions["directory.search"].store
    with loaded.session() as session:
        session.get(IndexNode, node_name(away_store.root)).seen_at = LATER - dt.timedelta(days=10)
        session.commit()
        report_applied(session, node_name(here.root), here.applied_seq(), now=LATER)
        assert prune_change_log(session, POLICY, now=LATER) > 0
        assert pruned_through(session) > left_at

    assert away.apply_pending()
    assert away_store.applied_seq() == seqs(loaded)[-1]
    engine = SearchEngine(away_store.root)
    assert [hit.service_id for hit in engine.search(SearchRequest(text="tai chi")).hits] == [YOGA["id"]]
    assert [hit.service_id for hit in engine.search(SearchRequest(text="crochet")).hits] == [KNIT["id"]]
