"""The search engine: nearest suitable activities, best first, each with its reasons.

Works as a library (no Flask). One ``SearchEngine`` per process and index folder; it keeps
a searcher open and reopens it when the index changes (an incremental update or a swapped
rebuild). A query never walks every listing: the location's grid cells and the filters
intersect as Python sets of document numbers first, and only the survivors are scored
(matching.py, over postings cached per segment in segments.py), measured and ranked;
explanations are built only for the page shown.
"""
from __future__ import annotations

import bisect
import datetime as dt
import math
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from ..geography import SHARED_GEOMETRY_LOCK, Point, haversine_many_m
from whoosh import query as q

from .columns import DocColumns
from .geo import covering_cells, radius_is_global
from .indexer import IndexStore
from .matching import NO_DOCS, NO_MATCHES, Scores, evaluate, leaf_terms, matched_leaves, pruned
from .query import ALL_OF_FIELDS, PhraseBook, SearchRequest, TextQueries, build_text_queries
from .ranking import combined_scores, suitability_factors
from .schema import FACET_FIELDS
from .scripts import detect_query_languages, detect_script
from .segments import DocFacts, SegmentCache


# Spoken varieties whose speakers read the same written language (Cantonese and Mandarin
# speakers both read Chinese), for matching a searcher's language to a session's.
SAME_READERS = {"yue": "zh", "cmn": "zh"}
BM25_B, BM25_K1 = 0.75, 1.2   # Whoosh's BM25F defaults, which the scores reproduce
SCORE_CACHE_POSTINGS = 3_000_000  # whole-index score tables kept per searcher, 16 bytes a posting (absent: 1)
WEIGHT_CACHE_POSTINGS = 6_000_000  # merged term postings kept per searcher, 8 bytes each (absent terms count 1)
WARM_POSTINGS = 4_000_000          # of which warming at start may fill at most this many
QUERY_CACHE_SIZE = 512         # analysed query texts kept per engine (and their pruned trees per searcher)
BACKGROUND_REOPEN_DOCS = 20_000  # from this size, a rebuilt index is opened in the background


@dataclass
class Explanation:
    """Why a result was suggested, as parts a page or the API renders in any language."""

    matched: list[str] = field(default_factory=list)          # words of the query found
    matched_categories: list[str] = field(default_factory=list)  # taxonomy codes named by the query
    distance_m: float | None = None
    comes_to_you: bool = False
    languages: list[str] = field(default_factory=list)        # searcher's languages spoken there
    access: list[str] = field(default_factory=list)           # requested access features it has
    free: bool = False
    stale: bool = False
    status: str = "active"

    def as_dict(self) -> dict:
        return {key: value for key, value in self.__dict__.items() if value not in (None, [], False)} | {
            "status": self.status}


@dataclass
class SearchHit:
    service_id: str
    score: float
    distance_m: float | None
    explanation: Explanation
    version: int | None = None  # the listing's version in the index (see schema.py)
    card_facts: str | None = None  # what its card shows, as stored (directory/card_facts.py), if asked for


@dataclass
class SearchResults:
    hits: list[SearchHit]
    total: int
    page: int
    per_page: int
    facets: dict[str, dict[str, int]]
    used_fallback: bool = False

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


class _SearcherState:
    """A searcher plus the in-memory views valid for exactly its view of the index.

    Document numbers here are the searcher's (segment offset + local number). Per-segment
    data (facts, postings) lives in ``SegmentCache`` objects the engine hands over from one
    state to the next; what depends on the whole index (liveness, idf, average lengths,
    merged score tables) is built here, lazily, and dropped with the state.
    """

    def __init__(self, index, path, segment_caches: dict[str, SegmentCache]):
        self.index = index
        self.path = path
        self.searcher = index.searcher()
        reader = self.searcher.reader()
        self.doc_count_all = reader.doc_count_all()
        self.leaves: list[tuple[SegmentCache, int, object]] = []
        self.offsets: list[int] = []
        self.live_mask = np.zeros(self.doc_count_all, dtype=np.bool_)  # False: deleted
        for subreader, offset in reader.leaf_readers():
            if subreader.segment() is None:  # an index with no documents yet (a fresh instance)
                continue
            segment_id = subreader.segment().segment_id()
            cache = segment_caches.get(segment_id)
            if cache is None or cache.doc_count_all != subreader.doc_count_all():
                cache = SegmentCache(subreader)
            self.leaves.append((cache, offset, subreader))
            self.offsets.append(offset)
            if subreader.has_deletions():
                self.live_mask[offset + np.fromiter(subreader.all_doc_ids(), dtype=np.int64)] = True
            else:
                self.live_mask[offset:offset + cache.doc_count_all] = True
        self.live_docs = np.flatnonzero(self.live_mask)
        self._keywords: dict[tuple[str, str], np.ndarray] = {}
        self._scores: OrderedDict[tuple[str, str], Scores] = OrderedDict()
        self._cached_scores = 0
        self._weights: OrderedDict[tuple[str, str], tuple[float, np.ndarray, np.ndarray]] = OrderedDict()
        self._cached_weights = 0
        self._lengths: dict[str, np.ndarray] = {}
        self._averages: dict[str, float] = {}
        self._fuzzy: dict[tuple, list[str]] = {}
        self._pruned: OrderedDict[int, tuple[q.Query, q.Query | None]] = OrderedDict()
        self._explained: OrderedDict[int, tuple[q.Query, list]] = OrderedDict()
        self._columns: DocColumns | None = None
        # Whoosh's readers seek and read one shared file object: two threads reading postings
        # at once get each other's bytes (zlib/unpickling errors, even crashes). Every read
        # goes through this lock; reads happen only on cache misses, so it is rarely held.
        self._read_lock = threading.Lock()
        self.users = 0          # searches running on this state (guarded by the engine's lock)
        self.retired = False    # replaced by a newer state: close when the last search ends
        self._lock = threading.Lock()

    def columns(self) -> DocColumns:
        """Every document's ranking facts as arrays, joined from the segments on first use."""
        if self._columns is None:
            with self._lock:
                if self._columns is None:
                    self._columns = DocColumns([(cache.columns(), offset) for cache, offset, _ in self.leaves],
                                               self.doc_count_all)
        return self._columns

    def segment_caches(self) -> dict[str, SegmentCache]:
        return {cache.segment_id: cache for cache, _offset, _reader in self.leaves}

    def facts(self, docnum: int) -> DocFacts:
        cache, offset, _reader = self.leaves[bisect.bisect_right(self.offsets, docnum) - 1]
        return cache.facts[docnum - offset]

    def card_facts(self, docnum: int) -> str | None:
        """The card facts stored with a document (None in a generation written before them)."""
        _cache, offset, reader = self.leaves[bisect.bisect_right(self.offsets, docnum) - 1]
        with self._read_lock:
            return reader.stored_fields(docnum - offset).get("card")

    def postings(self, fieldname: str, value: str) -> np.ndarray:
        """Live documents with this keyword (a facet value or a grid cell), ascending."""
        key = (fieldname, value)
        docs = self._keywords.get(key)
        if docs is None:
            parts = []
            for cache, offset, reader in self.leaves:
                with self._read_lock:
                    local = cache.keyword(reader, fieldname, value)
                parts.append(local + offset if offset else local)
            docs = np.concatenate(parts) if parts else NO_DOCS
            docs = self._keywords[key] = docs[self.live_mask[docs]]
        return docs

    def field_lengths(self, fieldname: str) -> np.ndarray:
        """Every document's length of one field (for BM25), by searcher document number."""
        lengths = self._lengths.get(fieldname)
        if lengths is None:
            parts = []
            for cache, _offset, reader in self.leaves:
                with self._read_lock:
                    parts.append(cache.field_lengths(reader, fieldname))
            average = (self.searcher.reader().field_length(fieldname) / (self.doc_count_all or 1)) or 1
            lengths = _joined(parts, np.float64)
            self._averages[fieldname] = average
            self._lengths[fieldname] = lengths
        return lengths

    def term_weights(self, fieldname: str, text: str) -> tuple[float, np.ndarray, np.ndarray]:
        """A term's idf, the documents containing it (ascending; deleted ones too: callers
        mask them) and its weight in each, merged from the segments' cached postings."""
        key = (fieldname, text)
        with self._lock:
            found = self._weights.get(key)
            if found is not None:
                self._weights.move_to_end(key)
                return found
        ids, weights = [], []
        for cache, offset, reader in self.leaves:
            with self._read_lock:
                postings = cache.term(reader, fieldname, text)
            if postings is not None:
                # Kept as the segments keep them (32-bit ids and weights: a one-segment
                # index shares their memory); widened only for the documents a search scores.
                local = np.frombuffer(postings.ids, dtype=np.int32)
                ids.append(local + np.int32(offset) if offset else local)
                weights.append(np.frombuffer(postings.weights, dtype=np.float32))
        docs = _joined(ids, np.int32)
        idf = math.log(max(self.doc_count_all, 1) / (len(docs) + 1)) + 1  # Whoosh's idf (an empty index: 1)
        found = (idf, docs, _joined(weights, np.float32))
        with self._lock:
            self._weights[key] = found
            self._cached_weights += len(docs) + 1
            while self._cached_weights > WEIGHT_CACHE_POSTINGS and len(self._weights) > 1:
                _key, (_idf, dropped, _weights) = self._weights.popitem(last=False)
                self._cached_weights -= len(dropped) + 1
        return found

    def contains(self, fieldname: str, text: str, docnums: np.ndarray) -> np.ndarray:
        """Which of ``docnums`` hold the term (a boolean per document)."""
        docs = self.term_weights(fieldname, text)[1]
        if not len(docs):
            return np.zeros(len(docnums), dtype=np.bool_)
        at = np.minimum(np.searchsorted(docs, docnums), len(docs) - 1)
        return docs[at] == docnums

    def term_scores(self, fieldname: str, text: str, among: np.ndarray | None = None) -> Scores:
        """BM25F scores of this term (Whoosh's formula and statistics) for the live documents
        containing it, or only for those ``among`` a mask.

        Why a whole-index table even for a masked search: a term's score in a document does
        not depend on the mask, so the table is computed once per searcher and a masked
        search picks its documents out of it (a gather instead of the arithmetic). Each
        element is computed by the same operations either way, so the scores are bit for bit
        those of computing them for the masked documents alone."""
        key = (fieldname, text)
        with self._lock:
            found = self._scores.get(key)
            if found is not None:
                self._scores.move_to_end(key)
        if found is None:
            found = self._bm25(fieldname, *self.term_weights(fieldname, text))
            with self._lock:
                if key not in self._scores:
                    self._scores[key] = found
                    self._cached_scores += len(found[0]) + 1
                while self._cached_scores > SCORE_CACHE_POSTINGS and len(self._scores) > 1:
                    _key, (dropped, _dropped_scores) = self._scores.popitem(last=False)
                    self._cached_scores -= len(dropped) + 1
        if among is None or not len(found[0]):
            return found
        keep = among[found[0]]
        return found[0][keep], found[1][keep]

    def _bm25(self, fieldname: str, idf: float, docs: np.ndarray, weights: np.ndarray) -> Scores:
        """The scores of a term's live documents."""
        if not len(docs):
            return NO_MATCHES
        keep = self.live_mask[docs]
        docs, weights = docs[keep].astype(np.int64), weights[keep].astype(np.float64)
        lengths = self.field_lengths(fieldname)[docs]
        k1, b = BM25_K1, BM25_B
        scale = k1 * b / self._averages[fieldname]
        return docs, idf * (k1 + 1) * weights / (weights + k1 * (1 - b) + scale * lengths)

    def pruned(self, query: q.Query) -> q.Query | None:
        """``matching.pruned`` of an analysed query, kept while this searcher lives."""
        return self._per_query(self._pruned, query, lambda: pruned(query, self))

    def explained_leaves(self, query: q.Query) -> list:
        """The query's distinct term leaves that some document has (most have none): the
        words a result's explanation can name. Kept while this searcher lives: walking the
        ~300 nodes of a text query and looking each leaf up cost ~0.3 ms a search."""
        return self._per_query(self._explained, query, lambda: [
            leaf for leaf in leaf_terms(query)
            if isinstance(leaf[2], q.FuzzyTerm) or len(self.term_weights(leaf[0], leaf[1])[1])])

    def _per_query(self, kept: OrderedDict, query: q.Query, work: Callable[[], object]):
        """``work()`` for an analysed query, done once while this searcher lives. The engine
        keeps each text's analysed query object, so that object (not only its id, which a
        dropped query's successor could reuse) is the key."""
        with self._lock:
            found = kept.get(id(query))
            if found is not None and found[0] is query:
                kept.move_to_end(id(query))
                return found[1]
        value = work()
        with self._lock:
            kept[id(query)] = (query, value)
            if len(kept) > 2 * QUERY_CACHE_SIZE:
                kept.popitem(last=False)
        return value

    def expand_fuzzy(self, fieldname: str, text: str, maxdist: int, prefixlength: int) -> list[str]:
        key = (fieldname, text, maxdist, prefixlength)
        words = self._fuzzy.get(key)
        if words is None:
            reader = self.searcher.reader()
            with self._read_lock:
                words = [word.decode("utf-8") if isinstance(word, bytes) else word
                         for word in reader.terms_within(fieldname, text, maxdist, prefix=prefixlength)]
            self._fuzzy[key] = words
        return words

    def close(self) -> None:
        self.searcher.close()

    def release(self) -> bool:
        """One search fewer on this state; True when it is retired and nobody uses it."""
        self.users -= 1
        return self.retired and self.users == 0


def _evaluated(state: _SearcherState, query: q.Query, candidates: np.ndarray | None) -> Scores:
    """The query's matches among the candidates, evaluated on the parts of it the index has."""
    kept = state.pruned(query)
    return NO_MATCHES if kept is None else evaluate(kept, state, candidates)


def _joined(parts: list[np.ndarray], dtype) -> np.ndarray:
    """The segments' arrays as one; a single segment's array itself, not a copy of it."""
    if len(parts) == 1:
        return parts[0]
    return np.concatenate(parts) if parts else np.empty(0, dtype=dtype)


class SearchEngine:
    """Search one index folder. Safe to share between threads."""

    def __init__(self, index_root, stale_after_days: int = 183, today=None):
        self.store = IndexStore(index_root)
        self.stale_after_days = stale_after_days
        self._today = today or dt.date.today
        self._state: _SearcherState | None = None
        self._phrases: PhraseBook | None = None
        self._catalogue_stamp = None
        self._queries: OrderedDict[str, TextQueries] = OrderedDict()
        self._lock = threading.Lock()            # guards the fields above
        self._refresh_lock = threading.Lock()    # one thread opens a new state at a time

    # ---- searcher lifecycle ------------------------------------------------
    def _is_fresh(self, state: _SearcherState | None) -> bool:
        return (state is not None and state.path == self.store.current_path() and state.searcher.up_to_date()
                and self.store.catalogue_stamp() == self._catalogue_stamp)

    def _current(self, wait: bool = False) -> _SearcherState:
        """The searcher state for the index as it is now.

        Opening a new state after a full rebuild reads every document's facts (seconds at
        50,000 listings), so on a large index a search that finds a rebuilt generation swapped
        in starts the reopen in the background and answers from the previous generation
        meanwhile (a small index reopens in line: it takes milliseconds). An
        incremental update only adds a small segment: that reopen is quick and happens in
        line, as does the very first one and ``refresh()`` (called after an edit).
        """
        state = self._state
        if self._is_fresh(state):
            return state
        if (state is not None and not wait and state.path != self.store.current_path()
                and len(state.live_docs) >= BACKGROUND_REOPEN_DOCS):
            if not self._refresh_lock.locked():
                threading.Thread(target=self._current, kwargs={"wait": True}, daemon=True,
                                 name="search-index-reopen").start()
            return state
        self._refresh_lock.acquire()
        try:
            state = self._state
            if self._is_fresh(state):
                return state
            path = self.store.current_path()
            index = self.store.open()
            catalogue_stamp = self.store.catalogue_stamp()
            if self._phrases is None or catalogue_stamp != self._catalogue_stamp:
                phrases = PhraseBook(self.store.catalogue())
                with self._lock:
                    self._phrases, self._catalogue_stamp = phrases, catalogue_stamp
                    self._queries.clear()
            reusable = state.segment_caches() if state is not None and state.path == path else {}
            fresh = _SearcherState(index, path, reusable)
            with self._lock:
                self._state = fresh
                idle = state is not None and state.users == 0
                if state is not None:
                    state.retired = True
            if idle:
                state.close()  # otherwise the last search still reading it closes it
            return fresh
        finally:
            self._refresh_lock.release()

    def warm_taxonomy_postings(self) -> int:
        """Read now the postings of every word a search naming a taxonomy term reads, and
        the document lengths of their fields; returns how many postings were read.

        Why: a search that names a category ("lunch club", "opieka") reads the postings of
        all that category's names and synonyms in every language, ~170 terms. At 50,000
        listings the first search to need a term paid ~110 µs a term a segment to read it,
        and that made the slowest twentieth of first searches 2–3× slower than the same
        searches asked again. Reading them at start takes ~1 s there (4 million postings,
        ~40 MB). At most ``WARM_POSTINGS``, two thirds of the merged-postings cache, are read,
        so warming leaves room for what searches read.
        """
        if not self.store.exists():
            return 0
        state = self._acquire()
        try:
            phrases = self._phrases
            if phrases is None:
                return 0
            budget, read = WARM_POSTINGS, 0
            pairs = phrases.postings_read()
            for fieldname in dict.fromkeys(fieldname for fieldname, _text in pairs):
                state.field_lengths(fieldname)
            for fieldname, text in pairs:
                read += len(state.term_weights(fieldname, text)[1])
                if read >= budget:
                    break
            return read
        finally:
            self._release(state)

    def refresh(self) -> None:
        """Pick up index changes now rather than on the next search."""
        self._current(wait=True)

    def close(self) -> None:
        with self._lock:
            if self._state is not None:
                self._state.close()
            self._state = None

    def __enter__(self) -> "SearchEngine":
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def _acquire(self) -> _SearcherState:
        """The current state, marked in use so a concurrent refresh does not close it."""
        while True:
            state = self._current()
            with self._lock:
                if not state.retired:
                    state.users += 1
                    return state

    def _release(self, state: _SearcherState) -> None:
        with self._lock:
            idle = state.release()
        if idle:
            state.close()

    def catalogue_stamp(self) -> tuple | None:
        """Changes whenever the taxonomy does (see ``IndexStore.catalogue_stamp``)."""
        return self.store.catalogue_stamp()

    def document_count(self) -> int:
        return len(self._current().live_docs)

    # ---- searching ---------------------------------------------------------
    def search(self, request: SearchRequest) -> SearchResults:
        request = request.validated()
        state = self._acquire()
        try:
            return self._search(state, request)
        finally:
            self._release(state)

    def _search(self, state: _SearcherState, request: SearchRequest) -> SearchResults:
        candidates = self._candidates(state, request)
        queries = self._text_queries(request.text) if request.text else None
        used_fallback = False
        if queries is not None:
            docs, bm25 = NO_MATCHES  # stays empty when the text had no searchable word (only punctuation or emoji)
            if queries.strict is not None:
                docs, bm25 = _evaluated(state, queries.strict, candidates)
                if not len(docs) and queries.loose is not None:
                    (docs, bm25), used_fallback = _evaluated(state, queries.loose, candidates), True
        else:
            docs = state.live_docs if candidates is None else np.flatnonzero(candidates & state.live_mask)
            bm25 = np.full(len(docs), np.nan)
        ranking = self._rank(state, request, docs, bm25)
        start = (request.page - 1) * request.per_page
        shown = [ranking.hit(state, position) for position in range(start, min(len(ranking), start + request.per_page))]
        matched = matched_leaves(_explained_leaves(state, queries), [ranked.docnum for ranked in shown], state)
        page = [self._hit(state, request, queries, ranked, leaves) for ranked, leaves in zip(shown, matched)]
        facets = self._facets(state, ranking.docs) if request.with_facets else {}
        return SearchResults(page, len(ranking), request.page, request.per_page, facets, used_fallback)

    def _text_queries(self, text: str) -> TextQueries:
        """Analysing a query in every language family and finding the taxonomy terms it
        names costs more than matching it: remember the last few hundred."""
        with self._lock:
            queries = self._queries.get(text)
            if queries is not None:
                self._queries.move_to_end(text)
                return queries
            phrases = self._phrases
        queries = build_text_queries(text, phrases)
        with self._lock:
            if phrases is self._phrases:
                self._queries[text] = queries
                if len(self._queries) > QUERY_CACHE_SIZE:
                    self._queries.popitem(last=False)
        return queries

    def _candidates(self, state: _SearcherState, request: SearchRequest) -> np.ndarray | None:
        """A mask of the documents within the location's grid cells that pass every filter
        (``None``: no location and no filter, i.e. every live document)."""
        mask = None
        if request.point is not None and not radius_is_global(request.radius_m):
            mask = np.zeros(state.doc_count_all, dtype=np.bool_)
            for cell in covering_cells(request.point, request.radius_m):
                mask[state.postings("cells", cell)] = True
        for fieldname, values in sorted(request.filters.items(), key=lambda item: item[0]):
            distinct = set(values)
            counts = np.zeros(state.doc_count_all, dtype=np.int32)
            for value in distinct:
                counts[state.postings(fieldname, value)] += 1
            matching = counts == len(distinct) if fieldname in ALL_OF_FIELDS else counts > 0
            mask = matching if mask is None else mask & matching
        return mask

    def _rank(self, state: _SearcherState, request: SearchRequest, docs: np.ndarray, bm25: np.ndarray) -> "_Ranking":
        """Score each hit, keep each service's best place, drop what is out of reach; best
        first. ``bm25`` is NaN where there was no text to match. Array operations over the
        documents' columns: a common word matches thousands of listings."""
        columns = state.columns()
        if request.age is not None:
            lowest, highest = columns.min_age[docs], columns.max_age[docs]
            fits = (np.isnan(lowest) | (request.age >= lowest)) & (np.isnan(highest) | (request.age <= highest))
            docs, bm25 = docs[fits], bm25[fits]
        distance = np.full(len(docs), np.nan)
        comes_to_you = np.zeros(len(docs), dtype=np.bool_)
        if request.point is not None:
            distance = haversine_many_m(request.point, columns.latitude[docs], columns.longitude[docs])
            for at in np.flatnonzero(columns.has_area[docs]):  # the few that come to you: a polygon test
                comes_to_you[at] = _area_contains(state.facts(int(docs[at])), request.point)
                distance[at] = 0.0 if comes_to_you[at] else np.nan
            within = distance <= request.radius_m  # NaN (nowhere to measure from) is never within
            docs, bm25, distance, comes_to_you = docs[within], bm25[within], distance[within], comes_to_you[within]
        wanted_languages = _wanted_languages(request)
        language_match = None
        if wanted_languages:
            wanted_columns = columns.language_columns(wanted_languages, SAME_READERS)
            language_match = (columns.language_matrix[docs[:, None], wanted_columns].any(axis=1)
                              if len(wanted_columns) else np.zeros(len(docs), dtype=np.bool_))
        verified = columns.verified[docs]
        stale = (verified == 0) | (self._today().toordinal() - verified > self.stale_after_days)
        suitability = suitability_factors(language_match, stale, columns.paused_or_full[docs])
        score = combined_scores(bm25, distance, suitability)
        services = columns.service_rank[docs]
        measured = np.nan_to_num(distance, nan=0.0)
        best = _best_place_of_each_service(services, score, measured, columns.shares_service[docs])
        order, ordered = _best_first(best, services, measured, score, request.page * request.per_page)
        return _Ranking(docs[order], score[order], distance[order], comes_to_you[order], stale[order],
                        wanted_languages, ordered)

    def _hit(self, state: _SearcherState, request: SearchRequest, queries: TextQueries | None, ranked: "_Ranked",
             leaves_matched: list[tuple[str, str]]) -> SearchHit:
        """A result with its explanation (built only for the page shown)."""
        facts = state.facts(ranked.docnum)
        matched, categories = [], []
        if queries is not None:
            matched = _matched_words(leaves_matched, queries)
            categories = [code for code in queries.matched_terms if code in facts.categories]
        explanation = Explanation(
            matched=matched, matched_categories=categories, distance_m=ranked.distance_m,
            comes_to_you=ranked.comes_to_you, languages=list(ranked.spoken),
            access=sorted(set(request.filters.get("access", [])) & facts.access), free=facts.free,
            stale=ranked.stale, status=facts.status)
        return SearchHit(ranked.service_id, ranked.score, ranked.distance_m, explanation, facts.version,
                         state.card_facts(ranked.docnum) if request.with_card_facts else None)

    def _facets(self, state: _SearcherState, docs: np.ndarray) -> dict[str, dict[str, int]]:
        """How many of the results have each filter value (one place per service)."""
        facets: dict[str, dict[str, int]] = {name: {} for name in FACET_FIELDS}
        for (fieldname, value), count in sorted(state.columns().facet_counts(docs).items()):
            facets[fieldname][value] = count
        return facets


@dataclass(frozen=True)
class _Ranking:
    """Every result, best first, one place per service (arrays aligned by position)."""

    docs: np.ndarray
    score: np.ndarray
    distance_m: np.ndarray    # NaN: no location to measure from
    comes_to_you: np.ndarray
    stale: np.ndarray
    wanted_languages: set[str]
    ordered: int              # how many of the first positions are in ranking order (the rest follow unordered)

    def __len__(self) -> int:
        return len(self.docs)

    def hit(self, state: "_SearcherState", position: int) -> "_Ranked":
        if position >= self.ordered:
            raise IndexError(f"position {position} is past the {self.ordered} results put in order")
        docnum = int(self.docs[position])
        facts = state.facts(docnum)
        distance = float(self.distance_m[position])
        return _Ranked(float(self.score[position]), None if math.isnan(distance) else distance, facts.service_id,
                       docnum, bool(self.comes_to_you[position]), _spoken(facts, self.wanted_languages),
                       bool(self.stale[position]))


@dataclass(frozen=True)
class _Ranked:
    score: float
    distance_m: float | None
    service_id: str
    docnum: int
    comes_to_you: bool
    spoken: tuple[str, ...]
    stale: bool


def _best_place_of_each_service(services: np.ndarray, score: np.ndarray, measured: np.ndarray,
                                 shared: np.ndarray) -> np.ndarray:
    """Positions of each service's best place (highest score, then nearest; then the first).

    Why only the ``shared`` positions are sorted: most services have one place, so their
    document is their best; sorting every result to find the others was a third of ranking
    a text search. A stable sort of the shared ones in position order picks what sorting
    them all picked."""
    alone = np.flatnonzero(~shared)
    together = np.flatnonzero(shared)
    if not len(together):
        return alone
    by_service = together[np.lexsort((measured[together], -score[together], services[together]))]
    first = np.ones(len(by_service), dtype=np.bool_)
    first[1:] = services[by_service][1:] != services[by_service][:-1]
    return np.concatenate((alone, by_service[first]))


def _best_first(best: np.ndarray, services: np.ndarray, measured: np.ndarray, score: np.ndarray,
                needed: int) -> tuple[np.ndarray, int]:
    """``best`` (one position per service) best first, ties nearer first, then by service id
    (its rank among sorted ids), and how many leading positions are in that order: at least
    ``needed``, the rest follow unordered.

    Why not sort them all: a page shows ten of up to tens of thousands of results. Every
    result scoring at least the ``needed``-th best score is sorted (ties included), which
    puts the first ``needed`` exactly where a full sort puts them."""
    if len(best) > 4 * needed + 64:
        negated = -score[best]
        threshold = np.partition(negated, needed - 1)[needed - 1]
        if not np.isnan(threshold):  # (NaN: fewer than ``needed`` scored results; sort them all)
            within = negated <= threshold
            top, rest = best[within], best[~within]
            top = top[np.lexsort((services[top], measured[top], -score[top]))]
            return np.concatenate((top, rest)), len(top)
    return best[np.lexsort((services[best], measured[best], -score[best]))], len(best)


def _explained_leaves(state: _SearcherState, queries: TextQueries | None) -> list:
    """The leaves of the query the results were found by that an explanation can name."""
    if queries is None:
        return []
    query = queries.loose if queries.strict is None else queries.strict
    return [] if query is None else state.explained_leaves(query)


def _wanted_languages(request: SearchRequest) -> set[str]:
    wanted = {code.split("_")[0].split("-")[0].lower() for code in request.languages}
    if not wanted and request.text and detect_script(request.text) not in ("latin", "other"):
        # Someone typing in Gujarati or Chinese most likely wants sessions in it.
        wanted = set(detect_query_languages(request.text)[:1])
    return wanted


def _spoken(facts: DocFacts, wanted_languages: set[str]) -> tuple[str, ...]:
    if not wanted_languages:
        return ()
    return tuple(code for code in facts.languages
                 if code in wanted_languages or SAME_READERS.get(code, code) in wanted_languages)


def _area_contains(facts: DocFacts, point: Point) -> bool:
    """Whether a service that comes to people covers the searcher's point."""
    from shapely.geometry import Point as ShapelyPoint

    with SHARED_GEOMETRY_LOCK:  # the area is shared by every search thread
        return bool(facts.area.contains(ShapelyPoint(point.longitude, point.latitude)))


def _matched_words(matched_terms, queries: TextQueries) -> list[str]:
    words = []
    for fieldname, token in matched_terms:
        word = queries.words_by_token.get((fieldname, token))
        if word and word not in words:
            words.append(word)
    return words
