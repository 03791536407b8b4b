"""Evaluating text queries over postings (directory.search.matching): a union of term matches
sums the same scores whether it sorts the matches or adds them into an array as long as the
index, an intersection finds the same documents with the same sums as a plain one, a query
pruned of what the index lacks matches what the whole query matches, and facet values are
counted alike both ways."""
import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh import query as q

from directory.search import matching


class _Postings:
    """Each term's matches, given: what an index's postings would say."""

    def __init__(self, doc_count_all: int, matches: dict[str, tuple[np.ndarray, np.ndarray]]):
        self.doc_count_all = doc_count_all
        self.matches = matches

    def term_scores(self, fieldname, text, among=None):
        docs, scores = self.matches[text]
        if among is None:
            return docs, scores
        keep = among[docs]
        return docs[keep], scores[keep]


def _random_postings(doc_count: int, seed: int, terms: int) -> _Postings:
    """``terms`` terms, each in a random set of the documents with random scores."""
    rng = np.random.default_rng(seed)
    matches = {}
    for number in range(terms):
        docs = np.sort(rng.choice(doc_count, size=int(rng.integers(0, doc_count + 1)), replace=False)).astype(np.int64)
        matches[f"t{number}"] = (docs, rng.random(len(docs)) * 10)
    return _Postings(doc_count, matches)


@settings(max_examples=200, deadline=None)
@given(doc_count=st.integers(1, 3000), seed=st.integers(0, 2**32 - 1), terms=st.integers(1, 8))
def test_a_dense_union_sums_exactly_what_a_sorted_one_does(doc_count, seed, terms):
    source = _random_postings(doc_count, seed, terms)
    matches = source.matches
    query = q.Or([q.Term("body", text) for text in matches])
    results, kept = [], matching.DENSE_UNION_RATIO
    try:
        for ratio in (10**9, 0):  # every union dense; every union sorted
            matching.DENSE_UNION_RATIO = ratio
            results.append(matching.evaluate(query, source, None))
    finally:
        matching.DENSE_UNION_RATIO = kept
    (dense_docs, dense_scores), (sorted_docs, sorted_scores) = results
    assert dense_docs.tolist() == sorted_docs.tolist()
    assert dense_scores.tolist() == sorted_scores.tolist(), "bit for bit: the same additions in the same order"


def _plain_intersection(children, source) -> matching.Scores:
    """Every document all children match, each child's scores added in the children's
    order: the intersection written the obvious way, as the reference."""
    docs, scores = matching.evaluate(children[0], source, None)
    for child in children[1:]:
        theirs_docs, theirs_scores = matching.evaluate(child, source, None)
        _common, mine, theirs = np.intersect1d(docs, theirs_docs, assume_unique=True, return_indices=True)
        docs, scores = docs[mine], scores[mine] + theirs_scores[theirs]
    return docs, scores


@settings(max_examples=200, deadline=None)
@given(doc_count=st.integers(1, 3000), seed=st.integers(0, 2**32 - 1), terms=st.integers(1, 6))
def test_an_intersection_sums_exactly_what_a_plain_one_does(doc_count, seed, terms):
    source = _random_postings(doc_count, seed, terms)
    matches = source.matches
    children = [q.Term("body", text) for text in matches]
    docs, scores = matching.evaluate(q.And(children), source, None)
    expected_docs, expected_scores = _plain_intersection(children, source)
    assert docs.tolist() == expected_docs.tolist()
    assert scores.tolist() == expected_scores.tolist(), "bit for bit: the same additions in the same order"


def test_facet_counts_are_the_counts_of_each_documents_values(app, indexed):
    """``DocColumns.facet_counts`` gathers result documents' values from compressed rows:
    for any set of documents it must give what summing their rows of the 0/1
    documents × values matrix gives (the seeded index: every facet of 166 listings)."""
    from directory.search.columns import _matrix

    engine = app.extensions["directory.search"]
    state = engine._acquire()
    try:
        columns = state.columns()
        values, matrix = _matrix([(cache.columns(), offset) for cache, offset, _reader in state.leaves],
                                 "facet_values", "facet_rows", "facet_cols", state.doc_count_all)
        assert values == columns.facet_values
        rng = np.random.default_rng(11)
        for share in (1.0, 0.5, 0.05, 0.0):
            docs = np.flatnonzero(rng.random(state.doc_count_all) < share)
            sums = matrix[docs].sum(axis=0, dtype=np.int64)
            expected = {values[col]: int(sums[col]) for col in np.flatnonzero(sums)}
            assert columns.facet_counts(docs) == expected
        assert len(columns.facet_counts(np.arange(state.doc_count_all))) > 20, "the seed has many facet values"
    finally:
        engine._release(state)


# Searches in the seed's languages, some with words no field has, some fuzzy-corrected.
PRUNED_TEXTS = ["lunch club", "yoga for over 50s", "luncheon", "ભોજન", "ગરબા નૃત્ય", "joga dla seniorów",
                "obiad", "太极拳", "喝茶 聊天", "benefits advice", "zzzz nothing", "befrending", "computer help"]


def test_a_pruned_query_finds_the_same_documents_with_the_same_scores(app, indexed):
    """``matching.pruned`` drops what matches nothing anywhere: evaluated over the whole
    index and over masks (as a location or filter makes), it must give exactly what the
    whole tree gives, and be smaller."""
    engine = app.extensions["directory.search"]
    state = engine._acquire()
    try:
        rng = np.random.default_rng(7)
        masks = [None] + [rng.random(state.doc_count_all) < share for share in (0.5, 0.1)]
        smaller = 0
        for text in PRUNED_TEXTS:
            queries = engine._text_queries(text)
            for query in (queries.strict, queries.loose):
                if query is None:
                    continue
                kept = matching.pruned(query, state)
                smaller += kept is None or len(list(kept.leaves())) < len(list(query.leaves()))
                for mask in masks:
                    whole_docs, whole_scores = matching.evaluate(query, state, mask)
                    if kept is None:
                        assert not len(whole_docs), text
                        continue
                    docs, scores = matching.evaluate(kept, state, mask)
                    assert docs.tolist() == whole_docs.tolist(), text
                    assert scores.tolist() == whole_scores.tolist(), f"{text}: the same sums, bit for bit"
        assert smaller >= len(PRUNED_TEXTS), "every query has fields without its words"
    finally:
        engine._release(state)


def test_a_querys_explained_leaves_are_worked_out_once_per_searcher(app, indexed):
    """The words an explanation can name are kept per searcher and query: the same as
    walking the query's whole tree and keeping the leaves some document has, every time."""
    engine = app.extensions["directory.search"]
    state = engine._acquire()
    try:
        named = 0
        for text in PRUNED_TEXTS:
            query = engine._text_queries(text).strict or engine._text_queries(text).loose
            walked = [leaf for leaf in matching.leaf_terms(query)
                      if isinstance(leaf[2], q.FuzzyTerm) or len(state.term_weights(leaf[0], leaf[1])[1])]
            kept = state.explained_leaves(query)
            assert kept == walked, text
            assert state.explained_leaves(query) is kept, f"{text}: worked out again"
            named += bool(kept)
        assert named >= len(PRUNED_TEXTS) - 2, "nearly every text has words the index holds"
        assert engine._text_queries("lunch club") is engine._text_queries("lunch club"), "the key is the kept query"
    finally:
        engine._release(state)
