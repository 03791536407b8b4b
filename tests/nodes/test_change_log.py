"""The change log, the applier's start-up and ``/healthz`` on the single-process default
(SQLite, the Flask test client): what `make run` and every other test rely on."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from directory.models import ChangeLogEntry, Service
from directory.oruk.read import upsert_service
from directory.search import IndexStore, SearchRequest, rebuild_index
from directory.seed import load_taxonomy

from ..listings import TAXONOMY, service

YOGA = service("yoga", {"name": "Chair yoga for over-50s", "description": "Gentle yoga on chairs."})


@pytest.fixture
def loaded(app, db):
    with db.session() as session:
        load_taxonomy(session, TAXONOMY)
        upsert_service(session, YOGA)
    rebuild_index(db, app.extensions["directory.search"].store)
    return db


def logged(db) -> list[tuple]:
    with db.session() as session:
        return [(row.seq, row.service_id, row.taxonomy) for row in session.scalars(
            select(ChangeLogEntry).order_by(ChangeLogEntry.seq))]


def test_an_edit_and_its_change_log_entry_commit_together(loaded):
    before = logged(loaded)
    with loaded.session() as session:
        session.get(Service, YOGA["id"]).name = "Chair pilates"
    after = logged(loaded)
    assert len(after) == len(before) + 1 and after[-1][1] == YOGA["id"] and after[-1][0] > before[-1][0]


def test_a_rolled_back_edit_leaves_no_change_log_entry(loaded):
    before = logged(loaded)
    with pytest.raises(RuntimeError), loaded.session() as session:
        session.get(Service, YOGA["id"]).name = "Never saved"
        session.flush()
        raise RuntimeError("the request failed after the flush")
    assert logged(loaded) == before


def test_a_rebuild_records_the_latest_seq_and_an_edit_moves_it_on(app, loaded):
    store = app.extensions["directory.search"].store
    assert store.applied_seq() == logged(loaded)[-1][0]
    with loaded.session() as session:
        session.get(Service, YOGA["id"]).name = "Chair pilates"
    assert store.applied_seq() == logged(loaded)[-1][0]
    assert [hit.service_id for hit in app.extensions["directory.search"].search(SearchRequest(text="pilates")).hits] \
        == [YOGA["id"]]


def test_healthz_reports_database_lag_and_listing_counts_without_personal_data(client, loaded):
    response = client.get("/healthz")
    report = response.get_json()
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    assert report["ok"] and report["database"]["reachable"] and report["lag"] == 0 and report["in_step"]
    assert report["database"]["active_listings"] == report["index"]["listings"] == 1
    assert report["index"]["applied_seq"] == report["database"]["latest_seq"]
    assert YOGA["name"] not in response.get_data(as_text=True)


def test_healthz_is_503_when_the_database_cannot_be_reached(app, client, loaded, tmp_path):
    from directory.db import Database

    broken = Database(f"sqlite:///{tmp_path / 'gone' / 'directory.sqlite3'}")  # its folder is made here...
    (tmp_path / "gone").rmdir()                                                # ...and taken away: unreachable
    app.extensions["directory.index_sync"].database = broken
    response = client.get("/healthz")
    assert response.status_code == 503
    report = response.get_json()
    assert report["ok"] is False and report["database"]["reachable"] is False
    assert report["index"]["exists"] is True


def test_a_starting_writer_discards_an_unfinished_build_but_not_a_running_one(app, loaded):
    store: IndexStore = app.extensions["directory.search"].store
    applier = app.extensions["directory.index_sync"].applier
    unfinished = store.root / "gen-00000000000000000001.building"
    unfinished.mkdir()
    with store.rebuild_lock():              # a rebuild is running: its folder is alive
        assert applier.recover() == [] and unfinished.exists()
    assert applier.recover() == [unfinished] and not unfinished.exists()
    assert store.exists()


def test_a_writer_that_finds_no_index_builds_it(app, loaded, tmp_path):
    import shutil

    store: IndexStore = app.extensions["directory.search"].store
    shutil.rmtree(store.root)
    assert app.extensions["directory.index_sync"].applier.sync_once()
    assert store.exists() and store.applied_seq() == logged(loaded)[-1][0]
