"""Fault tests for index sync across processes and nodes, on real PostgreSQL.

Each test starts real processes where the fault is a process's (kill -9, a full disk), and
waits by polling against a deadline, so each takes seconds and never depends on timing luck.
"""
from __future__ import annotations

import json
import os
import signal
import time

from directory.models import Service
from directory.search import rebuild_index
from directory.search.applier import WriterLock

from .conftest import LISTINGS, another_process_writes, listing_id, wait_for


def rename(node, number: int, name: str) -> None:
    with node.database.session() as session:
        session.get(Service, listing_id(number)).name = name


def committed_line(process) -> str | None:
    for line in process.log_path.read_text().splitlines():
        if line.startswith('{"committed_at"'):
            return line
    assert process.poll() in (None, 0), process.log_path.read_text()
    return None


def in_step(node) -> bool:
    health = node.health()
    return health["lag"] == 0 and health["in_step"]


def wait_in_step(node) -> None:
    """The index writes its applied seq just after the documents (IndexStore.apply), so a
    search can see an edit a moment before the health report counts it applied."""
    wait_for(lambda: in_step(node), 5, "the node to report itself in step")


def test_an_edit_in_one_worker_process_is_searchable_in_another_within_two_seconds(pg_directory, make_node, spawn):
    node = make_node("node", pg_directory)   # this process: its own engine, and the node's index writer
    rebuild_index(node.database, node.engine.store)
    node.sync.follow()
    wait_for(lambda: node.sync.applier.lock.held, 90, "this process to become the index writer")

    editor = spawn("edit", "--service-id", listing_id(3), "--name", "Chair pilates 3",
                   database_url=pg_directory, index_dir=node.index_dir)   # a worker that may not write
    line = wait_for(lambda: committed_line(editor), 60, "the edit to commit")
    committed_at = json.loads(line)["committed_at"]   # printed as soon as the commit returned

    wait_for(lambda: node.search_ids("pilates") == [listing_id(3)], committed_at + 2.0 - time.time(),
             "the edit to be searchable")
    assert time.time() - committed_at < 2.0
    assert editor.wait(timeout=30) == 0, editor.log_path.read_text()
    wait_in_step(node)


def test_a_reindex_killed_half_way_leaves_searches_answering_and_the_next_start_converges(
        pg_directory, make_node, spawn, tmp_path):
    node = make_node("node", pg_directory)
    rebuild_index(node.database, node.engine.store)
    before = node.search_ids("walking")
    assert len(before) == LISTINGS

    marker = tmp_path / "half-way"
    reindex = spawn("reindex", "--pause-after", str(LISTINGS // 2), "--marker", str(marker),
                    database_url=pg_directory, index_dir=node.index_dir)
    wait_for(lambda: marker.exists() or reindex.poll() is not None, 90, "the reindex to reach half-way")
    assert reindex.poll() is None, reindex.log_path.read_text()
    assert list(node.index_dir.glob("gen-*.building"))
    assert node.search_ids("walking") == before          # the old index answers during the rebuild

    # An edit commits while no one may write this index (as if the writer were busy or
    # gone): it waits in the change log.
    blocker = WriterLock(node.index_dir)
    assert blocker.acquire()
    rename(node, 5, "Chair pilates 5")
    assert node.health()["lag"] == 1
    blocker.release()

    os.kill(reindex.pid, signal.SIGKILL)
    reindex.wait(timeout=10)
    assert list(node.index_dir.glob("gen-*.building"))   # the unfinished build is still on disk
    assert node.search_ids("walking") == before          # and searches still answer from the old one

    node.sync.follow()                                    # the next start
    wait_for(lambda: not list(node.index_dir.glob("gen-*.building")), 5, "the unfinished build to be discarded")
    wait_for(lambda: node.search_ids("pilates") == [listing_id(5)], 5, "the node to catch up")
    wait_in_step(node)
    health = node.health()
    assert health["index"]["listings"] == health["database"]["active_listings"] == LISTINGS
    assert health["index"]["applied_seq"] == health["database"]["latest_seq"]


def test_a_stopped_node_catches_up_and_both_nodes_return_the_same_results(pg_directory, make_node):
    first, second = make_node("first", pg_directory), make_node("second", pg_directory)
    for node in (first, second):
        rebuild_index(node.database, node.engine.store)
        node.sync.follow()
    rename(first, 1, "Chair pilates 1")
    wait_for(lambda: second.search_ids("pilates") == [listing_id(1)], 2, "the second node to see the first edit")

    second.sync.stop()                                    # the second node goes down
    rename(first, 2, "Chair pilates 2")
    with first.database.session() as session:
        session.get(Service, listing_id(7)).listing_status = "closed"
    wait_for(lambda: len(first.search_ids("pilates")) == 2, 2, "the first node to index its edits")
    assert len(second.search_ids("pilates")) == 1 and second.health()["lag"] > 0

    second.sync.follow()                                  # and comes back
    wait_for(lambda: in_step(second), 5, "the second node to catch up")
    for words in ("pilates", "walking", "walking group 7", "park tea"):
        assert first.search_ids(words) == second.search_ids(words), words
    assert listing_id(7) not in second.search_ids("walking")
    assert first.health()["index"]["listings"] == second.health()["index"]["listings"] == LISTINGS - 1


def test_when_the_index_cannot_be_written_edits_still_commit_health_shows_lag_and_the_writer_recovers(
        pg_directory, make_node, spawn):
    node = make_node("node", pg_directory)
    rebuild_index(node.database, node.engine.store)
    writer = spawn("writer", "--file-size-limit", "0", database_url=pg_directory, index_dir=node.index_dir)
    wait_for(lambda: writer.log_path.read_text().startswith("ready"), 90, "the index writer to start")
    wait_for(lambda: another_process_writes(node.index_dir), 90, "the writer process to take the lock")

    for number in (4, 6, 8):                              # "disk full": every edit still commits
        rename(node, number, f"Chair pilates {number}")
    with node.database.session() as session:
        assert session.query(Service).filter(Service.name.like("Chair pilates%")).count() == 3
    health = wait_for(lambda: (h := node.health())["lag"] and "File too large" in writer.log_path.read_text() and h,
                      10, "the writer to fail for want of space")
    assert health["ok"] and health["lag"] == 3 and not health["in_step"]
    assert node.search_ids("pilates") == []               # searches answer from the last good index

    writer.send_signal(signal.SIGUSR1)                    # space returns
    wait_for(lambda: len(node.search_ids("pilates")) == 3, 5, "the writer to recover")
    wait_in_step(node)
    assert writer.poll() is None
