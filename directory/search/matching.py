"""Evaluate a text query tree over cached postings, only for the documents still in play.

Why not ``searcher.search``: Whoosh walks every posting of every term in the tree and only
then applies a filter, so a search for "yoga" near one postcode scored all the yoga classes
in the country. Here the location and filters are applied first (as sets of document
numbers) and each term's BM25 scores are looked up only for the survivors. Scores are
Whoosh's own BM25F (same idf, same length normalisation, same treatment of boosts, sums
for Or and And, constant scores), so results rank exactly as they did through Whoosh.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from whoosh import query as q


class ScoreSource(Protocol):
    def term_scores(self, fieldname: str, text: str, among: frozenset[int] | None = None) -> dict[int, float]: ...
    def contains(self, fieldname: str, text: str, docnum: int) -> bool: ...
    def expand_fuzzy(self, fieldname: str, text: str, maxdist: int, prefixlength: int) -> list[str]: ...


def evaluate(query: q.Query, source: ScoreSource, candidates: frozenset[int] | None) -> dict[int, float]:
    """Document number -> score for the documents matching ``query`` among ``candidates``
    (``None``: every live document)."""
    if isinstance(query, q.FuzzyTerm):
        merged: dict[int, float] = {}
        for word in source.expand_fuzzy(query.fieldname, query.text, query.maxdist, query.prefixlength):
            for docnum in source.term_scores(query.fieldname, word, candidates):
                merged[docnum] = query.boost  # Whoosh scores fuzzy matches as a constant
        return merged
    if isinstance(query, q.Term):
        scores = source.term_scores(query.fieldname, query.text, candidates)
        return {docnum: score * query.boost for docnum, score in scores.items()} if query.boost != 1 else scores
    if isinstance(query, q.ConstantScoreQuery):
        return dict.fromkeys(evaluate(query.child, source, candidates), query.score)
    if isinstance(query, q.And):
        return _scaled(_intersection(query.subqueries, source, candidates), query.boost)
    if isinstance(query, q.Or):
        return _scaled(_union(query.subqueries, source, candidates), query.boost)
    if query is q.NullQuery or isinstance(query, q.NullQuery.__class__):
        return {}
    raise TypeError(f"query type {type(query).__name__} is not supported here")


def _union(children: Iterable[q.Query], source: ScoreSource, candidates) -> dict[int, float]:
    merged: dict[int, float] = {}
    for child in children:
        for docnum, score in evaluate(child, source, candidates).items():
            merged[docnum] = merged.get(docnum, 0.0) + score
    return merged


def _intersection(children: list[q.Query], source: ScoreSource, candidates) -> dict[int, float]:
    """Each child is evaluated only over the documents every earlier child matched."""
    total: dict[int, float] | None = None
    for child in children:
        scores = evaluate(child, source, candidates if total is None else frozenset(total))
        if total is None:
            total = scores
        else:
            total = {docnum: total[docnum] + score for docnum, score in scores.items()}
        if not total:
            return {}
    return total or {}


def _scaled(scores: dict[int, float], boost: float) -> dict[int, float]:
    return scores if boost == 1 else {docnum: score * boost for docnum, score in scores.items()}


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


def matched_leaves(leaves: list[tuple[str, str, q.Query]], docnum: int, source: ScoreSource) -> list[tuple[str, str]]:
    """The (field, typed text) leaves that match one document: what the explanation shows."""
    matched = []
    for fieldname, text, leaf in leaves:
        if isinstance(leaf, q.FuzzyTerm):
            words = source.expand_fuzzy(fieldname, text, leaf.maxdist, leaf.prefixlength)
            hit = any(source.contains(fieldname, word, docnum) for word in words)
        else:
            hit = source.contains(fieldname, text, docnum)
        if hit and (fieldname, text) not in matched:
            matched.append((fieldname, text))
    return matched
