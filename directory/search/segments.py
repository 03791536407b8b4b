"""What the engine keeps in memory per Whoosh segment, reused for as long as the segment lives.

Why: Whoosh matches and scores in pure Python, one posting at a time, and reading a
document's stored fields means unpickling it. At 50,000 listings a filtered text search
spent nearly all its time in Whoosh's matchers walking postings of documents the filters
had already excluded, and every reopened searcher (after every edit) re-read the stored
fields of every document. Here each segment's document facts, keyword postings and term
postings are read once, a block at a time, and kept with the segment. An incremental update
adds one small segment (and marks deletions in old ones), so a reopen reads only the new
segment; a full rebuild makes new segments and the old caches are dropped with them.
"""
from __future__ import annotations

import json
import threading
from array import array
from collections import OrderedDict
from dataclasses import dataclass
from itertools import accumulate

import numpy as np
from whoosh.matching.wrappers import FilterMatcher
from whoosh.util.numeric import byte_to_length

from .columns import SegmentColumns
from .schema import FACET_FIELDS

TERM_CACHE_POSTINGS = 3_000_000  # postings kept per segment, 8 bytes each (least recently used terms dropped)
ABSENT_CACHE_SIZE = 200_000      # terms remembered as absent from a segment



@dataclass(frozen=True)
class DocFacts:
    """A document's stored fields, decoded once: what ranking, filters and facets read."""

    service_id: str
    latitude: float | None
    longitude: float | None
    area: object | None       # shapely geometry, for services that come to you
    verified: int
    status: str
    languages: tuple[str, ...]
    min_age: int | None
    max_age: int | None
    access: frozenset[str]
    free: bool
    categories: frozenset[str]
    facet_values: tuple[tuple[str, str], ...]  # (field, value) for every facet this document counts in
    version: int | None = None  # changes whenever the listing does (None: unknown, e.g. an older index)

    @classmethod
    def from_stored(cls, stored: dict) -> "DocFacts":
        from ..geography import area_geometry

        area = stored.get("area")
        facet_values = tuple((name, value) for name in FACET_FIELDS for value in (stored.get(name) or "").split())
        return cls(
            service_id=stored["service_id"], latitude=stored.get("latitude"), longitude=stored.get("longitude"),
            area=area_geometry(json.loads(area)) if area else None, verified=stored.get("verified") or 0,
            status=stored.get("status") or "active", languages=tuple(stored.get("languages") or ()),
            min_age=stored.get("min_age"), max_age=stored.get("max_age"),
            access=frozenset((stored.get("access") or "").split()), free="free" in (stored.get("cost") or "").split(),
            categories=frozenset((stored.get("category") or "").split()), facet_values=facet_values,
            version=stored.get("version"))


@dataclass(frozen=True)
class TermPostings:
    """One term's postings in one segment: local document numbers and weights (term
    frequency × field boost, as Whoosh stores it)."""

    ids: array
    weights: array


# Whoosh's byte-coded field lengths, decoded (a length of 0 counts as 1, as Whoosh scores).
_LENGTH_OF_BYTE = np.array([byte_to_length(value) or 1 for value in range(256)], dtype=np.float64)
_ONE = array("f", [1.0])


def read_field_lengths(reader, fieldname: str) -> np.ndarray:
    """Every document's length of one field in one segment, as Whoosh scores with it.

    Whoosh keeps one byte per document in a lengths column; the column is read in one piece
    and decoded through a table (one array operation), instead of one ``doc_field_length``
    call per posting. Falls back to the per-document call if the codec is not the one we know.
    """
    count = reader.doc_count_all()
    try:
        column = reader._perdoc._cached_reader(f"_{fieldname}_len", _lengths_column())
        if column is None:
            return np.ones(count)
        stored = min(column._count, count)
        raw = column._dbfile.get(column._basepos, stored) if stored else b""
        lengths = np.ones(count)
        lengths[:stored] = _LENGTH_OF_BYTE[np.frombuffer(raw, dtype=np.uint8)]
        return lengths
    except AttributeError:
        return np.array([reader.doc_field_length(docnum, fieldname, 1) or 1 for docnum in range(count)],
                        dtype=np.float64)


def _lengths_column():
    from whoosh.codec.whoosh3 import LENGTHS_COLUMN

    return LENGTHS_COLUMN


def read_postings(reader, fieldname: str, text: str) -> tuple[array, array] | None:
    """All (docnum, weight) postings of a term in one segment, deleted documents included.

    Whoosh's W3 matcher decodes a whole block of postings at once; reading the decoded
    block arrays (instead of calling ``id()``/``weight()``/``next()`` per posting) is what
    makes loading a term with thousands of postings take a millisecond, not tens.
    """
    try:
        matcher = reader.postings(fieldname, text)
    except Exception:  # whoosh raises TermNotFound (and KeyError for unknown fields)
        return None
    if isinstance(matcher, FilterMatcher):
        matcher = matcher.child  # the deleted-documents filter: liveness is applied by the caller
    ids, weights = array("i"), array("f")
    if not getattr(matcher, "_byteids", True) and all(
            hasattr(matcher, name) for name in ("_read_data", "_data", "_blocklength", "_next_block", "_atend")):
        while not matcher._atend and matcher.is_active():
            if matcher._data is None:
                matcher._read_data()
            # The block's (delta-coded ids, weights, values) as the codec pickled them,
            # decoded here in C (accumulate, array repetition) rather than by Whoosh's
            # per-posting generators: reading terms no search had asked for yet was most of
            # a slow first search at 50,000 listings.
            deltas, block_weights = matcher._data[0], matcher._data[1]
            ids.extend(accumulate(deltas))
            if block_weights is None:  # every weight 1.0
                weights.extend(_ONE * matcher._blocklength)
            elif isinstance(block_weights, float):  # every weight the same
                weights.extend(array("f", [block_weights]) * matcher._blocklength)
            else:
                weights.extend(block_weights)
            matcher._next_block()
    else:  # short posting lists are inlined in the term info and come as a plain list matcher
        while matcher.is_active():
            ids.append(matcher.id())
            weights.append(matcher.weight())
            matcher.next()
    return ids, weights


class SegmentCache:
    """Facts, keyword postings and term postings of one segment (local document numbers)."""

    def __init__(self, reader):
        self.segment_id = reader.segment().segment_id()
        self.doc_count_all = reader.doc_count_all()
        facts: list[DocFacts | None] = [None] * self.doc_count_all
        for docnum, stored in reader.iter_docs():
            facts[docnum] = DocFacts.from_stored(stored)
        self.facts = facts
        self._keywords: dict[tuple[str, str], np.ndarray] = {}
        self._terms: OrderedDict[tuple[str, str], TermPostings] = OrderedDict()
        self._cached_postings = 0
        self._absent: set[tuple[str, str]] = set()
        self._lengths: dict[str, np.ndarray] = {}
        self._columns = None
        self._lock = threading.Lock()

    def columns(self):
        """The facts as arrays (``columns.SegmentColumns``), built on first use."""
        if self._columns is None:
            self._columns = SegmentColumns.from_facts(self.facts)
        return self._columns

    def field_lengths(self, reader, fieldname: str) -> np.ndarray:
        lengths = self._lengths.get(fieldname)
        if lengths is None:
            lengths = self._lengths[fieldname] = read_field_lengths(reader, fieldname)
        return lengths

    def keyword(self, reader, fieldname: str, value: str) -> np.ndarray:
        """Local numbers of the documents with a keyword (deleted ones too), ascending."""
        key = (fieldname, value)
        docs = self._keywords.get(key)
        if docs is None:
            postings = read_postings(reader, fieldname, value)
            docs = np.frombuffer(postings[0], dtype=np.int32).astype(np.int64) if postings else np.empty(0, np.int64)
            self._keywords[key] = docs
        return docs

    def term(self, reader, fieldname: str, text: str) -> TermPostings | None:
        """A term's postings here, or None when the segment does not have it.

        A query names a few hundred (field, word) pairs, most of which no document has
        (every language family × field kind × taxonomy expansion); remembering both the
        present and the absent ones is what makes repeated words cost nothing. Present
        terms are bounded by their total postings, least recently used dropped first.
        """
        key = (fieldname, text)
        with self._lock:
            if key in self._absent:
                return None
            found = self._terms.get(key)
            if found is not None:
                self._terms.move_to_end(key)
                return found
        postings = read_postings(reader, fieldname, text)
        with self._lock:
            if postings is None or not postings[0]:
                if len(self._absent) >= ABSENT_CACHE_SIZE:
                    self._absent.clear()
                self._absent.add(key)
                return None
            found = self._terms[key] = TermPostings(*postings)
            self._cached_postings += len(found.ids)
            while self._cached_postings > TERM_CACHE_POSTINGS and len(self._terms) > 1:
                _key, dropped = self._terms.popitem(last=False)
                self._cached_postings -= len(dropped.ids)
        return found
