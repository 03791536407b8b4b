"""Every document's ranking facts as NumPy columns, so ranking and facet counting run per
search in a few array operations instead of one Python step per matching document.

Why: a common word ("club", "help") matches thousands of listings at 50,000; measuring,
scoring, de-duplicating and facet-counting each of them in Python cost more than the whole
rest of a search page (50 + 19 ms of a 130 ms page under load). The columns are built once
per segment (``SegmentColumns``, kept with the segment's other caches) and joined once per
searcher (``DocColumns``); document numbers are the searcher's.

Places that come to the person (an area, not a point) are few: their distance is a
polygon test done in Python, for exactly those documents.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from .segments import DocFacts


@dataclass(frozen=True)
class SegmentColumns:
    """One segment's facts as arrays (local document numbers); vocabularies are local too."""

    service_ids: list[str]
    latitude: np.ndarray      # float64, NaN when the place has no point
    longitude: np.ndarray
    has_area: np.ndarray      # bool: the service comes to people inside an area
    verified: np.ndarray      # int64 ordinal of the last check (0: never)
    paused_or_full: np.ndarray  # bool: such listings are shown, ranked lower
    min_age: np.ndarray       # float64, NaN: no lower limit
    max_age: np.ndarray
    languages: list[str]
    language_rows: np.ndarray  # int64 document numbers, paired with language_cols
    language_cols: np.ndarray
    facet_values: list[tuple[str, str]]
    facet_rows: np.ndarray
    facet_cols: np.ndarray

    @classmethod
    def from_facts(cls, facts: list[DocFacts | None]) -> "SegmentColumns":
        def column(getter, dtype, missing):
            return np.fromiter((missing if fact is None or getter(fact) is None else getter(fact) for fact in facts),
                               dtype=dtype, count=len(facts))

        languages, language_pairs = _pairs(facts, lambda fact: fact.languages)
        facet_values, facet_pairs = _pairs(facts, lambda fact: fact.facet_values)
        return cls(
            service_ids=[fact.service_id if fact is not None else "" for fact in facts],
            latitude=column(lambda fact: fact.latitude, np.float64, np.nan),
            longitude=column(lambda fact: fact.longitude, np.float64, np.nan),
            has_area=column(lambda fact: fact.area is not None, np.bool_, False),
            verified=column(lambda fact: fact.verified, np.int64, 0),
            paused_or_full=column(lambda fact: fact.status in ("paused", "full"), np.bool_, False),
            min_age=column(lambda fact: fact.min_age, np.float64, np.nan),
            max_age=column(lambda fact: fact.max_age, np.float64, np.nan),
            languages=languages, language_rows=language_pairs[0], language_cols=language_pairs[1],
            facet_values=facet_values, facet_rows=facet_pairs[0], facet_cols=facet_pairs[1],
        )


def _pairs(facts, values_of) -> tuple[list, tuple[np.ndarray, np.ndarray]]:
    """A local vocabulary and the (document, value) pairs of a multi-valued fact."""
    vocabulary: dict = {}
    rows, cols = [], []
    for docnum, fact in enumerate(facts):
        if fact is None:
            continue
        for value in values_of(fact):
            rows.append(docnum)
            cols.append(vocabulary.setdefault(value, len(vocabulary)))
    return list(vocabulary), (np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64))


class DocColumns:
    """The searcher's columns: its segments' joined, with one vocabulary per kind of value.

    ``service_rank`` is each document's service id's position in sorted order, so sorting
    by it sorts by service id (the last tie-break of a ranking) without comparing strings.
    """

    def __init__(self, segments: list[tuple[SegmentColumns, int]], doc_count_all: int):
        def joined(name, dtype, missing):
            out = np.full(doc_count_all, missing, dtype=dtype)
            for columns, offset in segments:
                values = getattr(columns, name)
                out[offset:offset + len(values)] = values
            return out

        self.latitude = joined("latitude", np.float64, np.nan)
        self.longitude = joined("longitude", np.float64, np.nan)
        self.has_area = joined("has_area", np.bool_, False)
        self.verified = joined("verified", np.int64, 0)
        self.paused_or_full = joined("paused_or_full", np.bool_, False)
        self.min_age = joined("min_age", np.float64, np.nan)
        self.max_age = joined("max_age", np.float64, np.nan)
        service_ids = [""] * doc_count_all
        for columns, offset in segments:
            service_ids[offset:offset + len(columns.service_ids)] = columns.service_ids
        _unique, inverse = np.unique(np.array(service_ids, dtype=object).astype(str), return_inverse=True)
        self.service_rank = inverse.astype(np.int64).reshape(-1)
        # Documents whose service has another document (another place, or a deleted older
        # version): only these need choosing between when a ranking keeps one per service.
        self.shares_service = np.bincount(self.service_rank)[self.service_rank] > 1
        self.languages, self.language_matrix = _matrix(segments, "languages", "language_rows", "language_cols",
                                                       doc_count_all)
        self.facet_values, self.facet_matrix = _matrix(segments, "facet_values", "facet_rows", "facet_cols",
                                                       doc_count_all)
        self.facet_bits = _bit_rows(self.facet_matrix)

    def language_columns(self, wanted: set[str], same_readers: dict[str, str]) -> np.ndarray:
        return np.array([col for col, code in enumerate(self.languages)
                         if code in wanted or same_readers.get(code, code) in wanted], dtype=np.int64)

    def facet_counts(self, docs: np.ndarray) -> dict[tuple[str, str], int]:
        """How many of ``docs`` have each facet value (values none of them has omitted)."""
        if not len(docs) or not self.facet_values:
            return {}
        if len(docs) * BITSET_RATIO > len(self.facet_matrix):
            counts = np.bitwise_count(self.facet_bits & _bits(docs, len(self.facet_matrix))).sum(axis=1)
        else:
            counts = self.facet_matrix[docs].sum(axis=0, dtype=np.uint32)
        return {self.facet_values[col]: int(counts[col]) for col in np.flatnonzero(counts)}


BITSET_RATIO = 16
"""Facet values are counted as bits when the documents are more than 1/16 of the index: a
text search's 12,000 results at 50,000 listings took 0.76 ms summing their rows of the
matrix, 0.14 ms ANDing and counting bits (each value's documents as 64-bit words). Below
that, summing rows is cheaper (1,000 documents: 0.05 ms)."""


def _bits(docs: np.ndarray, doc_count_all: int) -> np.ndarray:
    """A set of document numbers as 64-bit words, document n at bit n % 64 of word n // 64."""
    mask = np.zeros(-(-doc_count_all // 64) * 64, dtype=np.bool_)
    mask[docs] = True
    return np.packbits(mask, bitorder="little").view(np.uint64)


def _bit_rows(matrix: np.ndarray) -> np.ndarray:
    """Each column's (value's) documents as 64-bit words (see ``_bits``): values × words."""
    padded = np.zeros((matrix.shape[1], -(-matrix.shape[0] // 64) * 64), dtype=np.bool_)
    padded[:, :matrix.shape[0]] = matrix.T
    return np.ascontiguousarray(np.packbits(padded, axis=1, bitorder="little")).view(np.uint64)


def _matrix(segments, vocabulary_name: str, rows_name: str, cols_name: str, doc_count_all: int):
    """A documents × values 0/1 matrix from the segments' pairs, over the union vocabulary."""
    vocabulary: dict = {}
    remapped = []
    for columns, offset in segments:
        local = getattr(columns, vocabulary_name)
        mapping = np.array([vocabulary.setdefault(value, len(vocabulary)) for value in local], dtype=np.int64)
        rows, cols = getattr(columns, rows_name), getattr(columns, cols_name)
        remapped.append((rows + offset, mapping[cols] if len(cols) else cols))
    matrix = np.zeros((doc_count_all, max(1, len(vocabulary))), dtype=np.uint8)
    for rows, cols in remapped:
        matrix[rows, cols] = 1
    return list(vocabulary), matrix

