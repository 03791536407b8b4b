"""The search engine: nearest suitable activities, best first, each with its reasons.

Works as a library (no Flask). One ``SearchEngine`` per process and index folder; it keeps
a searcher open and reopens it when the index changes (an incremental update or a swapped
rebuild). Per-searcher caches (document facts, facet posting sets) are what keep a query
from touching every listing: filters and the location's grid cells intersect as Python
sets of document numbers, and only the survivors are scored and measured.
"""
from __future__ import annotations

import datetime as dt
import json
import threading
from dataclasses import dataclass, field

from whoosh import query as q

from ..geography import Point, haversine_m
from .geo import covering_cells, radius_is_global
from .indexer import IndexStore
from .query import ALL_OF_FIELDS, PhraseBook, SearchRequest, TextQueries, build_text_queries
from .ranking import Suitability, combined_score, is_stale
from .schema import FACET_FIELDS
from .scripts import detect_query_languages, detect_script


# Spoken varieties whose speakers read the same written language (Cantonese and Mandarin
# speakers both read Chinese), for matching a searcher's language to a session's.
SAME_READERS = {"yue": "zh", "cmn": "zh"}


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


@dataclass
class _DocFacts:
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


class _SearcherState:
    """A searcher plus caches that are valid for exactly its view of the index."""

    def __init__(self, index, path):
        self.index = index
        self.path = path
        self.searcher = index.searcher()
        self._facts: dict[int, _DocFacts] = {}
        self._postings: dict[tuple[str, str], frozenset[int]] = {}
        self._lock = threading.Lock()
        self._load_facts()

    def _load_facts(self) -> None:
        from ..geography import area_geometry

        reader = self.searcher.reader()
        for docnum, stored in reader.iter_docs():
            area = stored.get("area")
            self._facts[docnum] = _DocFacts(
                service_id=stored["service_id"], latitude=stored.get("latitude"), longitude=stored.get("longitude"),
                area=area_geometry(json.loads(area)) if area else None, verified=stored.get("verified") or 0,
                status=stored.get("status") or "active", languages=tuple(stored.get("languages") or ()),
                min_age=stored.get("min_age"), max_age=stored.get("max_age"),
                access=frozenset((stored.get("access") or "").split()), free="free" in (stored.get("cost") or "").split(),
                categories=frozenset((stored.get("category") or "").split()))

    def facts(self, docnum: int) -> _DocFacts:
        return self._facts[docnum]

    def all_docs(self) -> frozenset[int]:
        return frozenset(self._facts)

    def postings(self, fieldname: str, value: str) -> frozenset[int]:
        key = (fieldname, value)
        cached = self._postings.get(key)
        if cached is None:
            reader = self.searcher.reader()
            try:
                docs = frozenset(d for d in reader.postings(fieldname, value).all_ids() if d in self._facts)
            except Exception:  # whoosh raises TermNotFound for values nobody has
                docs = frozenset()
            with self._lock:
                self._postings[key] = cached = docs
        return cached

    def values(self, fieldname: str) -> list[str]:
        return [value.decode("utf-8") if isinstance(value, bytes) else value
                for value in self.searcher.reader().lexicon(fieldname)]

    def close(self) -> None:
        self.searcher.close()


class SearchEngine:
    """Search one index folder. Safe to share between threads."""

    def __init__(self, index_root, stale_after_days: int = 183, today=None):
        self.store = IndexStore(index_root)
        self.stale_after_days = stale_after_days
        self._today = today or dt.date.today
        self._state: _SearcherState | None = None
        self._phrases: PhraseBook | None = None
        self._catalogue_stamp = None
        self._lock = threading.Lock()

    # ---- searcher lifecycle ------------------------------------------------
    def _current(self) -> _SearcherState:
        with self._lock:
            state = self._state
            path = self.store.current_path()
            if (state is not None and state.path == path and state.searcher.up_to_date()
                    and self.store.catalogue_stamp() == self._catalogue_stamp):
                return state
            index = self.store.open()
            catalogue_stamp = self.store.catalogue_stamp()
            if self._phrases is None or catalogue_stamp != self._catalogue_stamp:
                self._phrases = PhraseBook(self.store.catalogue())
                self._catalogue_stamp = catalogue_stamp
            self._state = _SearcherState(index, path)
            if state is not None:
                state.close()
            return self._state

    def refresh(self) -> None:
        """Pick up index changes now rather than on the next search."""
        self._current()

    def close(self) -> None:
        with self._lock:
            if self._state is not None:
                self._state.close()
                self._state = None

    def document_count(self) -> int:
        return len(self._current().all_docs())

    # ---- searching ---------------------------------------------------------
    def search(self, request: SearchRequest) -> SearchResults:
        request = request.validated()
        state = self._current()
        candidates = self._candidates(state, request)
        queries = build_text_queries(request.text, self._phrases) if request.text else None
        used_fallback = False
        if queries is not None and queries.strict is not None:
            scored = self._text_hits(state, queries.strict, candidates)
            if not scored and queries.loose is not None:
                scored, used_fallback = self._text_hits(state, queries.loose, candidates), True
        elif queries is not None:
            scored = {}  # the text had no searchable word at all (only punctuation or emoji)
        else:
            scored = {docnum: (None, []) for docnum in candidates}
        best, best_docs = self._rank(state, request, scored, queries)
        ordered = sorted(best.values(), key=lambda hit: (-hit.score, hit.distance_m or 0.0, hit.service_id))
        start = (request.page - 1) * request.per_page
        facets = self._facets(state, best_docs) if request.with_facets else {}
        return SearchResults(ordered[start:start + request.per_page], len(ordered), request.page, request.per_page,
                             facets, used_fallback)

    def _candidates(self, state: _SearcherState, request: SearchRequest) -> frozenset[int]:
        docs = state.all_docs()
        if request.point is not None and not radius_is_global(request.radius_m):
            cells = covering_cells(request.point, request.radius_m)
            in_cells = set()
            for cell in cells:
                in_cells |= state.postings("cells", cell)
            docs = docs & in_cells
        for fieldname, values in request.filters.items():
            sets = [state.postings(fieldname, value) for value in values]
            if fieldname in ALL_OF_FIELDS:
                for matching in sets:
                    docs = docs & matching
            else:
                docs = docs & frozenset().union(*sets)
        return docs

    def _text_hits(self, state: _SearcherState, query, candidates: frozenset[int]) -> dict[int, tuple[float, list]]:
        if not candidates:
            return {}
        query = _prune(query, state.searcher.reader())
        if query is q.NullQuery:
            return {}
        results = state.searcher.search(query, filter=set(candidates), limit=None, terms=True)
        hits = {}
        for hit in results:
            hits[hit.docnum] = (hit.score, hit.matched_terms() if results.has_matched_terms() else [])
        return hits

    def _rank(self, state: _SearcherState, request: SearchRequest, scored: dict, queries: TextQueries | None):
        """Score each hit, keep each service's best place, drop what is out of reach."""
        today = self._today()
        wanted_languages = {code.split("_")[0].split("-")[0].lower() for code in request.languages}
        if not wanted_languages and request.text and detect_script(request.text) not in ("latin", "other"):
            # Someone typing in Gujarati or Chinese most likely wants sessions in it.
            wanted_languages = set(detect_query_languages(request.text)[:1])
        wanted_access = set(request.filters.get("access", []))
        best: dict[str, SearchHit] = {}
        best_docs: dict[str, int] = {}
        for docnum, (bm25, matched_terms) in scored.items():
            facts = state.facts(docnum)
            if request.age is not None and not _age_fits(facts, request.age):
                continue
            distance = comes_to_you = None
            if request.point is not None:
                distance, comes_to_you = _distance(facts, request.point)
                if distance is None or distance > request.radius_m:
                    continue
            spoken = [code for code in facts.languages if code in wanted_languages or
                      SAME_READERS.get(code, code) in wanted_languages]
            stale = is_stale(facts.verified, today, self.stale_after_days)
            suitability = Suitability(bool(spoken) if wanted_languages else None, stale, facts.status)
            score = combined_score(bm25, distance, suitability)
            previous = best.get(facts.service_id)
            if previous is not None and previous.score >= score:
                continue
            explanation = Explanation(
                matched=_matched_words(matched_terms, queries), distance_m=distance, comes_to_you=bool(comes_to_you),
                matched_categories=[code for code in queries.matched_terms if code in facts.categories] if queries else [],
                languages=spoken,
                access=sorted(wanted_access & facts.access), free=facts.free, stale=stale, status=facts.status)
            best[facts.service_id] = SearchHit(facts.service_id, round(score, 6), distance, explanation)
            best_docs[facts.service_id] = docnum
        return best, list(best_docs.values())

    def _facets(self, state: _SearcherState, docs: list[int]) -> dict[str, dict[str, int]]:
        """How many of the results have each filter value (one place per service)."""
        result_docs = frozenset(docs)
        facets = {}
        for fieldname in FACET_FIELDS:
            counts = {}
            for value in state.values(fieldname):
                count = len(result_docs & state.postings(fieldname, value))
                if count:
                    counts[value] = count
            facets[fieldname] = counts
        return facets


def _age_fits(facts: _DocFacts, age: int) -> bool:
    return (facts.min_age is None or age >= facts.min_age) and (facts.max_age is None or age <= facts.max_age)


def _distance(facts: _DocFacts, point: Point) -> tuple[float | None, bool]:
    if facts.area is not None:
        from shapely.geometry import Point as ShapelyPoint

        if facts.area.contains(ShapelyPoint(point.longitude, point.latitude)):
            return 0.0, True
        return None, False
    if facts.latitude is None or facts.longitude is None:
        return None, False
    return haversine_m(point, Point(facts.latitude, facts.longitude)), False


def _matched_words(matched_terms, queries: TextQueries | None) -> list[str]:
    if not queries:
        return []
    words = []
    for fieldname, token in matched_terms:
        token = token.decode("utf-8") if isinstance(token, bytes) else token
        word = queries.words_by_token.get((fieldname, token))
        if word and word not in words:
            words.append(word)
    return words


def _prune(query, reader):
    """Drop term leaves the index has never seen, then flatten.

    A query is built for six language families × three kinds of field, and most of those
    terms exist in no document; Whoosh would still build a matcher for each. Pruning first
    keeps the tree — and the time to match it — proportional to what can actually match.
    Scores do not change: a term with no postings contributes nothing.
    """
    if isinstance(query, q.Term):
        return query if (query.fieldname, query.text) in reader else q.NullQuery
    if isinstance(query, q.ConstantScoreQuery):
        child = _prune(query.child, reader)
        return q.NullQuery if child is q.NullQuery else query
    if isinstance(query, q.CompoundQuery):
        children = [_prune(child, reader) for child in query.subqueries]
        if isinstance(query, q.And) and any(child is q.NullQuery for child in children):
            return q.NullQuery
        children = [child for child in children if child is not q.NullQuery]
        if not children:
            return q.NullQuery
        return children[0] if len(children) == 1 and query.boost == 1 else query.__class__(children, boost=query.boost)
    return query
