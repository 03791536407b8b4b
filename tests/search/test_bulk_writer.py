"""A rebuild's bulk writer makes the index Whoosh's own writer makes, without forking.

The documents are the seeded directory plus the multilingual feed (Gujarati, Polish,
Simplified and Traditional Chinese, no locale given), imported as a council would.
"""
import json
import os
import threading
import warnings
from contextlib import contextmanager

import pytest
from sqlalchemy import select
from whoosh import index as whoosh_index
from whoosh.qparser import MultifieldParser, OrGroup

from directory.models import Service
from directory.oruk.importer import records_from_bytes, run_import
from directory.search import IndexStore, SearchEngine, SearchRequest, rebuild_index
from directory.search.bulk_writer import BulkSegmentWriter
from directory.search.documents import TermCatalogue, documents_for_service
from directory.search.rebuild_shares import PROCESSES_ENV, RebuildShareFailed, ShareHelpers
from directory.search.schema import build_schema
from directory.search.sync import iter_service_documents, load_catalogue

from ..multilingual_feed import CROSS_LINGUAL_QUERIES, FEED, NATIVE_QUERIES
from .test_engine import BELGRAVE

QUERIES = sorted({query for query, _lang, _slug in NATIVE_QUERIES + CROSS_LINGUAL_QUERIES}
                 | {"yoga", "lunch club", "ભોજન", "zajęcia", "太极", "wellbeng", "coffee morning", "chess"})


@pytest.fixture
def feed_db(seeded_db):
    report = run_import(seeded_db, records_from_bytes(json.dumps(FEED, ensure_ascii=False).encode(), "feed.json"))
    assert report.committed and report.imported == len(FEED)
    return seeded_db


def _documents(database) -> tuple[TermCatalogue, list[tuple[str, list[dict]]]]:
    with database.session() as session:
        catalogue = load_catalogue(session)
        return catalogue, list(iter_service_documents(session, catalogue))


def _build_incrementally(store: IndexStore, catalogue, documents, per_commit: int = 40) -> None:
    """An empty generation, then the services added a few dozen per Whoosh commit (several
    segments, merged as Whoosh's own writer chooses), as the change log would add them."""
    store.rebuild(iter([]), catalogue, applied_seq=0)
    for start in range(0, len(documents), per_commit):
        store.apply(store.current_path(), dict(documents[start:start + per_commit]), None, applied_seq=0)


def _whoosh_hits(index, text: str) -> dict[str, float]:
    """Whoosh's own parser, searcher and BM25F over every text field: key -> score."""
    fields = [name for name, field in index.schema.items() if field.scorable]
    query = MultifieldParser(fields, index.schema, group=OrGroup).parse(text)
    with index.searcher() as searcher:
        return {hit["key"]: hit.score for hit in searcher.search(query, limit=None)}


def _postings(reader, fieldname, text) -> list[tuple]:
    matcher = reader.postings(fieldname, text)
    found = []
    while matcher.is_active():
        found.append((matcher.id(), matcher.weight(), matcher.value(), matcher.block_max_weight(),
                      matcher.block_min_length(), matcher.block_max_length()))
        matcher.next()
    return found


def test_the_bulk_writer_writes_the_segment_whooshs_own_writer_writes(feed_db, tmp_path):
    """Same documents in the same order: every term, posting, block statistic, stored field
    and field length read back through Whoosh is the same."""
    _catalogue, documents = _documents(feed_db)
    built = {}
    for name, make_writer in (("whoosh", lambda index: index.writer()), ("bulk", BulkSegmentWriter)):
        (tmp_path / name).mkdir()
        index = whoosh_index.create_in(str(tmp_path / name), build_schema())
        writer = make_writer(index)
        for _service_id, service_documents in documents:
            for document in service_documents:
                writer.add_document(**document, version=7)
        writer.commit()
        built[name] = index.reader()
    whoosh, bulk = built["whoosh"], built["bulk"]
    assert bulk.doc_count_all() == whoosh.doc_count_all() > len(FEED)
    assert list(bulk.all_stored_fields()) == list(whoosh.all_stored_fields())
    terms = list(whoosh.all_terms())
    assert list(bulk.all_terms()) == terms
    for fieldname, text in terms:
        expected, found = whoosh.term_info(fieldname, text), bulk.term_info(fieldname, text)
        assert [getattr(found, stat)() for stat in ("weight", "doc_frequency", "min_length", "max_length",
                                                     "max_weight", "min_id", "max_id")] == \
            [getattr(expected, stat)() for stat in ("weight", "doc_frequency", "min_length", "max_length",
                                                     "max_weight", "min_id", "max_id")], (fieldname, text)
        assert _postings(bulk, fieldname, text) == _postings(whoosh, fieldname, text), (fieldname, text)
    for fieldname in whoosh.schema.names():
        assert bulk.field_length(fieldname) == whoosh.field_length(fieldname)
        assert [bulk.doc_field_length(docnum, fieldname) for docnum in range(bulk.doc_count_all())] == \
            [whoosh.doc_field_length(docnum, fieldname) for docnum in range(whoosh.doc_count_all())]


def test_whooshs_searcher_and_ours_answer_alike_from_a_rebuilt_and_an_incrementally_built_index(feed_db, tmp_path):
    catalogue, documents = _documents(feed_db)
    rebuild_index(feed_db, IndexStore(tmp_path / "bulk"))
    _build_incrementally(IndexStore(tmp_path / "incremental"), catalogue, documents)
    bulk, incremental = SearchEngine(tmp_path / "bulk"), SearchEngine(tmp_path / "incremental")
    try:
        assert len(incremental._current().leaves) >= 2, "the incremental build should have made several segments"
        assert len(bulk._current().leaves) == 1
        _assert_same_answers(incremental, bulk)
    finally:
        bulk.close()
        incremental.close()


def test_a_rebuild_shared_between_processes_answers_as_a_one_process_rebuild(feed_db, tmp_path, monkeypatch):
    """Three processes each write a contiguous share as a segment: every document keeps its
    one-process number, so Whoosh's searcher and ours give the same hits, scores and facets.
    The helpers are fresh interpreters: nothing calls os.fork in a process running a thread."""
    monkeypatch.setenv(PROCESSES_ENV, "1")
    rebuild_index(feed_db, IndexStore(tmp_path / "one"))
    monkeypatch.setenv(PROCESSES_ENV, "3")
    monkeypatch.setattr(os, "fork", _refuse_fork)
    progressed = []
    with _a_running_thread(), warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        summary = rebuild_index(feed_db, IndexStore(tmp_path / "shared"), progress=progressed.append)
    one, shared = SearchEngine(tmp_path / "one"), SearchEngine(tmp_path / "shared")
    try:
        assert len(one._current().leaves) == 1
        assert len(shared._current().leaves) == 3
        assert summary.services == sum(progressed) == len(_documents(feed_db)[1])
        assert summary.documents == shared.document_count() == one.document_count()
        with one.store.open().reader() as expected, shared.store.open().reader() as found:
            assert list(found.all_stored_fields()) == list(expected.all_stored_fields())
        _assert_same_answers(one, shared)
    finally:
        one.close()
        shared.close()


def _assert_same_answers(expected_engine: SearchEngine, found_engine: SearchEngine) -> None:
    """Whoosh's own searcher and ours answer every query alike from both indexes."""
    assert found_engine.document_count() == expected_engine.document_count()
    expected_index, found_index = expected_engine.store.open(), found_engine.store.open()
    answered = 0
    for text in QUERIES:
        expected = _whoosh_hits(expected_index, text)
        answered += bool(expected)
        assert _whoosh_hits(found_index, text) == pytest.approx(expected, rel=1e-6), text
    assert answered >= len(QUERIES) - 2  # all but the typo (Whoosh's parser does not correct it)
    for text in ["", *QUERIES]:
        for point, radius in ((None, None), (BELGRAVE, 5000)):
            request = SearchRequest(text=text, point=point, radius_m=radius, per_page=100)
            expected, found = expected_engine.search(request), found_engine.search(request)
            assert [hit.service_id for hit in found.hits] == [hit.service_id for hit in expected.hits], request
            assert [hit.score for hit in found.hits] == pytest.approx([hit.score for hit in expected.hits],
                                                                     rel=1e-9), request
            assert found.facets == expected.facets, request


def _refuse_fork():
    raise AssertionError("a rebuild forked")


@contextmanager
def _a_running_thread():
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()


def test_a_large_rebuild_beside_a_running_thread_never_forks(tmp_path, monkeypatch):
    """Forking a process that runs threads can deadlock the child (Python warns about it);
    a server rebuilds with its threads running, so a rebuild never forks (its helpers, for a
    large directory, are fresh interpreters: rebuild_shares.py)."""
    monkeypatch.setattr(os, "fork", _refuse_fork)
    documents = ((f"s{number:05d}", [{"key": f"s{number:05d}", "service_id": f"s{number:05d}", "status": "active",
                                      "verified": 0, "name_en": f"walking group {number % 7}",
                                      "body_en": "A gentle walk round the park, then tea."}])
                 for number in range(2500))
    with _a_running_thread(), warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        summary = IndexStore(tmp_path / "index").rebuild(documents, TermCatalogue())
    assert summary.documents == 2500
    with whoosh_index.open_dir(str(summary.path)).searcher() as searcher:
        assert searcher.doc_frequency("name_en", "walk") == 2500


def test_the_bulk_writer_fills_only_an_empty_index(tmp_path):
    index = whoosh_index.create_in(str(tmp_path), build_schema())
    writer = index.writer()
    writer.add_document(key="a", service_id="a", status="active")
    writer.commit()
    with pytest.raises(ValueError, match="empty index"):
        BulkSegmentWriter(index)
    index.writer().cancel()  # the refused writer let go of the lock


def test_a_share_that_fails_fails_the_rebuild_and_leaves_the_live_generation_alone(feed_db, tmp_path):
    """A helper that cannot read its listings (here: a database nobody listens at) makes the
    rebuild raise its error; the half-built folder goes and searches keep the old one."""
    store = IndexStore(tmp_path / "index")
    rebuild_index(feed_db, store)
    live = store.current_path()
    catalogue, documents = _documents(feed_db)
    unreachable = "postgresql+psycopg://nobody@127.0.0.1:1/nothing"

    def helpers(index_dir):
        return ShareHelpers(unreachable, index_dir, [["s-1"]], catalogue.to_json(), applied_seq=None)

    with pytest.raises(RebuildShareFailed, match="OperationalError"):
        store.rebuild(iter(documents), catalogue, other_shares=helpers)
    assert store.current_path() == live
    assert [path.name for path in (tmp_path / "index").glob("gen-*")] == [live.name]


def test_a_listing_makes_the_same_documents_whatever_order_its_rows_arrive_in(seeded_db):
    """PostgreSQL returns a batch's related rows in whatever order its plan gives, and
    processes sharing a rebuild load different batches: the documents must not depend on it
    (a shared rebuild on PostgreSQL once stored "health-checks health-check" for one place)."""
    with seeded_db.session() as session:
        catalogue = load_catalogue(session)
        services = [service for service in session.scalars(select(Service))
                    if len(service.attributes) >= 2 or len(service.service_at_locations) >= 2]
        assert any(len(service.attributes) >= 2 for service in services)
        for service in services:
            before = documents_for_service(service, catalogue)
            service.attributes.reverse()
            service.service_at_locations.reverse()
            assert documents_for_service(service, catalogue) == before, service.name
        session.rollback()
