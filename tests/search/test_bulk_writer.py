"""A rebuild's bulk writer makes the index Whoosh's own writer makes, without forking.

The documents are the seeded directory plus the multilingual feed (Gujarati, Polish,
Simplified and Traditional Chinese, no locale given), imported as a council would.
"""
import json
import os
import threading
import warnings

import pytest
from whoosh import index as whoosh_index
from whoosh.qparser import MultifieldParser, OrGroup

from directory.oruk.importer import records_from_bytes, run_import
from directory.search import IndexStore, SearchEngine, SearchRequest, rebuild_index
from directory.search.bulk_writer import BulkSegmentWriter
from directory.search.documents import TermCatalogue
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
        assert bulk.document_count() == incremental.document_count()
        bulk_index, incremental_index = bulk.store.open(), incremental.store.open()
        answered = 0
        for text in QUERIES:
            expected = _whoosh_hits(incremental_index, text)
            answered += bool(expected)
            assert _whoosh_hits(bulk_index, text) == pytest.approx(expected, rel=1e-6), text
        assert answered >= len(QUERIES) - 2  # all but the typo (Whoosh's parser does not correct it)
        for text in ["", *QUERIES]:
            for point, radius in ((None, None), (BELGRAVE, 5000)):
                request = SearchRequest(text=text, point=point, radius_m=radius, per_page=100)
                expected, found = incremental.search(request), bulk.search(request)
                assert [hit.service_id for hit in found.hits] == [hit.service_id for hit in expected.hits], request
                assert [hit.score for hit in found.hits] == pytest.approx([hit.score for hit in expected.hits],
                                                                         rel=1e-9), request
                assert found.facets == expected.facets, request
    finally:
        bulk.close()
        incremental.close()


def test_a_large_rebuild_beside_a_running_thread_never_forks(tmp_path, monkeypatch):
    """Forking a process that runs threads can deadlock the child (Python warns about it);
    a server rebuilds with its threads running, so a rebuild stays in its own process."""
    def refuse_fork():
        raise AssertionError("a rebuild forked")

    monkeypatch.setattr(os, "fork", refuse_fork)
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, daemon=True)
    thread.start()
    documents = ((f"s{number:05d}", [{"key": f"s{number:05d}", "service_id": f"s{number:05d}", "status": "active",
                                      "verified": 0, "name_en": f"walking group {number % 7}",
                                      "body_en": "A gentle walk round the park, then tea."}])
                 for number in range(2500))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", DeprecationWarning)
            summary = IndexStore(tmp_path / "index").rebuild(documents, TermCatalogue())
    finally:
        stop.set()
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
