"""Evaluate a text query tree over cached postings, only for the documents still in play.

Why not ``searcher.search``: Whoosh walks every posting of every term in the tree and only
then applies a filter, so a search for "yoga" near one postcode scored all the yoga classes
in the country. Here the location and filters are applied first (as a mask over document
numbers) and each term's BM25 scores are computed only for the survivors, as arrays. Scores are
Whoosh's own BM25F (same idf, same length normalisation, same treatment of boosts, sums
for Or and And, constant scores), so results rank exactly as they did through Whoosh.
"""
from __future__ import annotations

from typing import Protocol

import numpy as np
from whoosh import query as q

#: A query's matches: ascending unique document numbers and each one's score, aligned.
Scores = tuple[np.ndarray, np.ndarray]
NO_DOCS = np.empty(0, dtype=np.int64)
NO_MATCHES: Scores = (NO_DOCS, np.empty(0, dtype=np.float64))
DENSE_UNION_RATIO = 64
"""A union with more than 1/64 of the index's documents among its children's matches is
summed in arrays as long as the index (~0.04 ms at 50,000 listings, where sorting 12,000
matches took 0.6 ms); a smaller one is sorted. Text searches at 50k spent ~20% less in
the engine (in process, 300 text and filtered searches, alternating with sorting only)."""


class ScoreSource(Protocol):
    doc_count_all: int

    def term_scores(self, fieldname: str, text: str, among: np.ndarray | None = None) -> Scores: ...
    def contains(self, fieldname: str, text: str, docnums: np.ndarray) -> np.ndarray: ...
    def expand_fuzzy(self, fieldname: str, text: str, maxdist: int, prefixlength: int) -> list[str]: ...


def evaluate(query: q.Query, source: ScoreSource, among: np.ndarray | None) -> Scores:
    """The documents matching ``query`` among ``among`` (a boolean mask over document
    numbers; ``None``: every live document), with their scores. Array operations: a
    common word has thousands of postings in each of a dozen fields."""
    if isinstance(query, q.FuzzyTerm):
        words = source.expand_fuzzy(query.fieldname, query.text, query.maxdist, query.prefixlength)
        found = [source.term_scores(query.fieldname, word, among)[0] for word in words]
        docs = np.unique(np.concatenate(found)) if found else NO_DOCS
        return docs, np.full(len(docs), float(query.boost))  # Whoosh scores fuzzy matches as a constant
    if isinstance(query, q.Term):
        docs, scores = source.term_scores(query.fieldname, query.text, among)
        return (docs, scores * query.boost) if query.boost != 1 else (docs, scores)
    if isinstance(query, q.ConstantScoreQuery):
        docs, _scores = evaluate(query.child, source, among)
        return docs, np.full(len(docs), float(query.score))
    if isinstance(query, q.And):
        return _scaled(_intersection(query.subqueries, source, among), query.boost)
    if isinstance(query, q.Or):
        return _scaled(_union(query.subqueries, source, among), query.boost)
    if query is q.NullQuery or isinstance(query, q.NullQuery.__class__):
        return NO_MATCHES
    raise TypeError(f"query type {type(query).__name__} is not supported here")


def pruned(query: q.Query, source: ScoreSource) -> q.Query | None:
    """The query without the parts that match nothing anywhere in the index (``None``: it
    can match nothing), to evaluate instead of it with the same results and scores.

    Why: a text query is analysed for every language family, each family's words asked in
    each of its fields, so "lunch club" is a tree of ~300 nodes, most of them words a field
    does not have (English words in the Chinese fields), and evaluating a node costs a few
    µs of Python whether or not it finds anything. Exact: a leaf with no live document in
    the index has none among any mask; a union skips children that found nothing, and an
    intersection with a child that found nothing is empty, so dropping them changes neither
    the matches nor the order in which their scores are added."""
    if isinstance(query, q.FuzzyTerm):
        return query if len(evaluate(query, source, None)[0]) else None
    if isinstance(query, q.Term):
        return query if len(source.term_scores(query.fieldname, query.text)[0]) else None
    if isinstance(query, q.ConstantScoreQuery):
        child = pruned(query.child, source)
        return None if child is None else (query if child is query.child else q.ConstantScoreQuery(child, query.score))
    if isinstance(query, q.And):
        children = []
        for child in query.subqueries:
            kept = pruned(child, source)
            if kept is None:
                return None
            children.append(kept)
        return q.And(children, boost=query.boost)
    if isinstance(query, q.Or):
        children = [kept for kept in (pruned(child, source) for child in query.subqueries) if kept is not None]
        return q.Or(children, boost=query.boost, minmatch=query.minmatch, scale=query.scale) if children else None
    if query is q.NullQuery or isinstance(query, q.NullQuery.__class__):
        return None
    raise TypeError(f"query type {type(query).__name__} is not supported here")


def _union(children: list[q.Query], source: ScoreSource, among) -> Scores:
    """Every document any child matches; scores summed in the children's order."""
    found = [result for result in (evaluate(child, source, among) for child in children) if len(result[0])]
    if not found:
        return NO_MATCHES
    if len(found) == 1:
        return found[0]
    every = np.concatenate([docs for docs, _ in found])
    weights = np.concatenate([scores for _, scores in found])
    if len(every) * DENSE_UNION_RATIO > source.doc_count_all:
        # Many matches (a common word in a dozen fields): summed straight into one slot per
        # document rather than sorted. The same sums, added in the same order.
        present = np.zeros(source.doc_count_all, dtype=np.bool_)
        present[every] = True
        docs = np.flatnonzero(present)
        return docs, np.bincount(every, weights=weights, minlength=source.doc_count_all)[docs]
    docs, position = np.unique(every, return_inverse=True)
    return docs, np.bincount(position.reshape(-1), weights=weights, minlength=len(docs))


def _intersection(children: list[q.Query], source: ScoreSource, among) -> Scores:
    """Each child is evaluated only over the documents every earlier child matched."""
    total: Scores | None = None
    for child in children:
        if total is None:
            total = evaluate(child, source, among)
        else:
            narrowed = np.zeros(source.doc_count_all, dtype=np.bool_)
            narrowed[total[0]] = True
            docs, scores = evaluate(child, source, narrowed)
            # What a child finds among ``narrowed`` is a subset of what the earlier children
            # found, so each of its documents is found by a binary search of theirs (4× cheaper
            # than np.intersect1d's sort); the sums are the same additions in the same order.
            total = (docs, total[1][np.searchsorted(total[0], docs)] + scores)
        if not len(total[0]):
            return NO_MATCHES
    return total if total is not None else NO_MATCHES


def _scaled(scores: Scores, boost: float) -> Scores:
    return scores if boost == 1 else (scores[0], scores[1] * boost)


def leaf_terms(query: q.Query) -> list[tuple[str, str, q.Query]]:
    """Every distinct term leaf of a tree as (field, text, leaf), for explaining what matched."""
    leaves: dict[tuple[str, str, bool], tuple[str, str, q.Query]] = {}
    pending = [query]
    while pending:
        node = pending.pop()
        if isinstance(node, (q.Term, q.FuzzyTerm)):
            leaves.setdefault((node.fieldname, node.text, isinstance(node, q.FuzzyTerm)), (node.fieldname, node.text, node))
        elif isinstance(node, q.ConstantScoreQuery):
            pending.append(node.child)
        elif isinstance(node, q.CompoundQuery):
            pending.extend(reversed(node.subqueries))
    return list(leaves.values())


def matched_leaves(leaves: list[tuple[str, str, q.Query]], docnums: list[int],
                   source: ScoreSource) -> list[list[tuple[str, str]]]:
    """For each document of a page, the (field, typed text) leaves that match it: what its
    explanation shows. One array lookup per leaf for the whole page: asked one document at a
    time, a query's ~50 leaves (language families × fields × words, more with spellings) cost
    ~0.5 ms per result."""
    page = np.asarray(docnums, dtype=np.int64)
    matched: list[list[tuple[str, str]]] = [[] for _ in docnums]
    for fieldname, text, leaf in leaves:
        if isinstance(leaf, q.FuzzyTerm):
            words = source.expand_fuzzy(fieldname, text, leaf.maxdist, leaf.prefixlength)
        else:
            words = [text]
        hit = np.zeros(len(page), dtype=np.bool_)
        for word in words:
            hit |= source.contains(fieldname, word, page)
        for position in np.flatnonzero(hit):
            if (fieldname, text) not in matched[position]:
                matched[position].append((fieldname, text))
    return matched
