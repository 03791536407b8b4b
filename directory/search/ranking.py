"""How results are ordered: text relevance × distance decay × language match × freshness.

Each factor is in (0, 1], so a result's score is comparable across queries and the
distance factor alone bounds what a farther listing can reach. The explanation records
why a result was suggested, as structured parts the pages and the API render.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

DISTANCE_HALF_M = 1600.0    # about a mile: an older person's walk; the score halves there
TEXT_HALF = 8.0             # BM25 score at which text relevance is half-way to its maximum
STALE_FACTOR = 0.6          # listings the group has not confirmed for a long time sink
PAUSED_OR_FULL_FACTOR = 0.75
OTHER_LANGUAGE_FACTOR = 0.7  # when the searcher's languages are known and not spoken there


def text_factor(bm25: float | None) -> float:
    """Map an unbounded BM25 score into (0, 1]; 1.0 when there was no text to match."""
    if bm25 is None:
        return 1.0
    return 0.25 + 0.75 * bm25 / (bm25 + TEXT_HALF)


def distance_factor(metres: float | None) -> float:
    if metres is None:
        return 1.0
    return 1.0 / (1.0 + metres / DISTANCE_HALF_M)


@dataclass(frozen=True)
class Suitability:
    language_match: bool | None   # None: the searcher's languages are unknown
    stale: bool
    status: str

    def factor(self) -> float:
        factor = 1.0
        if self.language_match is False:
            factor *= OTHER_LANGUAGE_FACTOR
        if self.stale:
            factor *= STALE_FACTOR
        if self.status in ("paused", "full"):
            factor *= PAUSED_OR_FULL_FACTOR
        return factor


def combined_score(bm25: float | None, metres: float | None, suitability: Suitability) -> float:
    return text_factor(bm25) * distance_factor(metres) * suitability.factor()


def is_stale(verified_ordinal: int, today: dt.date, stale_after_days: int) -> bool:
    return not verified_ordinal or today.toordinal() - verified_ordinal > stale_after_days
