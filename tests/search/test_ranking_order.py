"""A ranking puts a page's results exactly where sorting every result would: one place per
service chosen among only the services with several places, and only the results that can
reach the page sorted (directory.search.engine._best_place_of_each_service, _best_first)."""
import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from directory.search.engine import _best_first, _best_place_of_each_service


def _sorted_the_plain_way(services, score, measured):
    """Every result sorted to find each service's best place, then every best place sorted."""
    by_service = np.lexsort((measured, -score, services))
    first = np.ones(len(by_service), dtype=np.bool_)
    first[1:] = services[by_service][1:] != services[by_service][:-1]
    best = by_service[first]
    return best[np.lexsort((services[best], measured[best], -score[best]))]


@settings(max_examples=300, deadline=None)
@given(results=st.integers(0, 600), service_count=st.integers(1, 700), seed=st.integers(0, 2**32 - 1),
       needed=st.integers(1, 60), distinct_scores=st.integers(1, 50), nan_share=st.sampled_from([0.0, 0.1, 0.9, 1.0]))
def test_the_first_positions_are_those_of_a_full_sort(results, service_count, seed, needed, distinct_scores, nan_share):
    rng = np.random.default_rng(seed)
    services = rng.integers(0, service_count, results)
    # Few distinct scores and distances: many ties, which the service id must break.
    score = np.round(rng.integers(0, distinct_scores, results) / distinct_scores, 6)
    score[rng.random(results) < nan_share] = np.nan
    measured = rng.integers(0, 4, results).astype(np.float64) * 500
    shared = np.bincount(services, minlength=service_count)[services] > 1
    shared |= rng.random(results) < 0.05  # a service with one live place and a deleted one is marked too
    expected = _sorted_the_plain_way(services, score, measured)
    best = _best_place_of_each_service(services, score, measured, shared)
    assert sorted(best.tolist()) == sorted(expected.tolist()), "the same place chosen for each service"
    order, ordered = _best_first(best, services, measured, score, needed)
    assert ordered >= min(needed, len(expected))
    assert order[:ordered].tolist() == expected[:ordered].tolist()
    assert sorted(order.tolist()) == sorted(expected.tolist()), "every result is still counted"
