"""How results are ordered: text relevance × distance decay × language match × freshness.

Each factor is in (0, 1], so a result's score is comparable across queries and the
distance factor alone bounds what a farther listing can reach. The explanation records
why a result was suggested, as structured parts the pages and the API render. Every
function takes arrays: a search scores all its matching documents at once.
"""
from __future__ import annotations

import numpy as np

DISTANCE_HALF_M = 1600.0    # about a mile: an older person's walk; the score halves there
TEXT_HALF = 8.0             # BM25 score at which text relevance is half-way to its maximum
STALE_FACTOR = 0.6          # listings the group has not confirmed for a long time sink
PAUSED_OR_FULL_FACTOR = 0.75
OTHER_LANGUAGE_FACTOR = 0.7  # when the searcher's languages are known and not spoken there


def text_factors(bm25: np.ndarray) -> np.ndarray:
    """Map unbounded BM25 scores into (0, 1]; 1.0 where there was no text to match (NaN)."""
    return np.where(np.isnan(bm25), 1.0, 0.25 + 0.75 * bm25 / (bm25 + TEXT_HALF))


def distance_factors(metres: np.ndarray) -> np.ndarray:
    """Halves at DISTANCE_HALF_M; 1.0 where there is no location to measure from (NaN)."""
    return np.where(np.isnan(metres), 1.0, 1.0 / (1.0 + metres / DISTANCE_HALF_M))


def suitability_factors(language_match: np.ndarray | None, stale: np.ndarray,
                        paused_or_full: np.ndarray) -> np.ndarray:
    """Language spoken (``None``: the searcher's languages are unknown), freshness, status."""
    factor = np.where(stale, STALE_FACTOR, 1.0) * np.where(paused_or_full, PAUSED_OR_FULL_FACTOR, 1.0)
    if language_match is not None:
        factor = factor * np.where(language_match, 1.0, OTHER_LANGUAGE_FACTOR)
    return factor


def combined_scores(bm25: np.ndarray, metres: np.ndarray, suitability: np.ndarray) -> np.ndarray:
    """Each result's score, rounded so that near-equal scores tie and nearer wins."""
    return np.round(text_factors(bm25) * distance_factors(metres) * suitability, 6)
