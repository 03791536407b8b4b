"""Find activities for one participant: locate them, search, merge, best first.

Uses ``discovery.locate`` and ``discovery.find_activities`` — the same search the public
pages and the API run — so a connector never sees different answers from a resident.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from ..discovery import FoundActivity, Located, find_activities, locate
from ..search import SearchEngine
from .needs import ParticipantNeeds, searches_for


@dataclass
class ParticipantResults:
    activities: list[FoundActivity]
    located: Located


def find_for_participant(session: Session, engine: SearchEngine, needs: ParticipantNeeds,
                         locale: str) -> ParticipantResults:
    """Suitable activities within the participant's reach, best first.

    Raises InvalidLocation for an unknown postcode, NeedsError when no place is given.
    """
    located = locate(session, needs.postcode, needs.latitude or None, needs.longitude or None)
    best: dict[str, FoundActivity] = {}
    for request in searches_for(needs, locale):
        for activity in find_activities(session, engine, request, located).activities:
            kept = best.get(activity.service.id)
            if kept is None or activity.hit.score > kept.hit.score:
                best[activity.service.id] = activity
    ordered = sorted(best.values(), key=lambda found: (-found.hit.score, found.hit.distance_m or 0.0))
    return ParticipantResults(ordered, located)
