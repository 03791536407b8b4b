"""Finding activities for a person: where they are, then what suits them nearby.

One function serves the public results page, the connector's workspace and the JSON API:
they differ only in how they render ``FoundActivities``.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, defaultload, joinedload, lazyload

from .geography import InvalidLocation, Point, normalise_postcode
from .models import Location, Service, ServiceAtLocation
from .postcodes import locate_postcode
from .search import SearchEngine, SearchHit, SearchRequest, SearchResults


@dataclass(frozen=True)
class Located:
    """Where a search is centred and how to say so ("LE4 5AA", "LE4", "your location").

    ``label`` is the postcode or district searched from, or a point's coordinates (for the
    API); pages put a point in words. ``unknown_postcode`` is a full postcode missing from
    the postcode table, whose district's centre stands in for it: the page must say so,
    or "5 results near LE5" answers a question the person did not ask.
    """

    point: Point
    label: str
    precise: bool  # False when only the postcode district was known
    kind: str = "postcode"  # "postcode", "district" or "point" (a map click or the device's location)
    unknown_postcode: str = ""


def locate(session: Session, postcode: str | None = None, latitude=None, longitude=None) -> Located | None:
    """A searcher's location from a postcode or coordinates (None when neither is given).

    Raises InvalidLocation for a malformed or unknown postcode or out-of-range numbers.
    Nothing is stored: searches are anonymous.
    """
    if postcode and str(postcode).strip():
        point, matched = locate_postcode(session, str(postcode)[:16])
        if " " in matched:
            return Located(point, matched, True)
        return Located(point, matched, False, "district", _full_postcode_or_blank(str(postcode)[:16]))
    if latitude not in (None, "") or longitude not in (None, ""):
        point = Point.parse(latitude, longitude)
        return Located(point, f"{point.latitude:.4f}, {point.longitude:.4f}", True, "point")
    return None


def _full_postcode_or_blank(text: str) -> str:
    """"LE5 3SH" for a full postcode, "" for a district typed on its own ("LE5")."""
    try:
        return normalise_postcode(text)
    except InvalidLocation:
        return ""


@dataclass
class FoundActivity:
    service: Service
    hit: SearchHit


@dataclass
class FoundActivities:
    activities: list[FoundActivity]
    results: SearchResults
    located: Located | None


# A result shows text, sessions, cost, languages, access and the place on a map: the rest
# of a listing (its organisation, contacts, phones, addresses, areas, categories) loads
# only if a caller reads it. Each eager load skipped is one query fewer per search, and so is
# each joined into the services' own query (translations: one row per service and locale).
_RESULT_CARD = (
    *(lazyload(getattr(Service, name)) for name in ("organization", "contacts", "phones", "service_areas",
                                                     "attributes")),
    joinedload(Service.translations),
    defaultload(Service.service_at_locations).defaultload(ServiceAtLocation.location)
    .lazyload(Location.physical_addresses),
)


def find_activities(session: Session, engine: SearchEngine, request: SearchRequest,
                    located: Located | None = None) -> FoundActivities:
    """Run the search and load each result's listing from the database (the truth)."""
    results = search_activities(engine, request, located)
    services = load_result_services(session, [hit.service_id for hit in results.hits])
    activities = [FoundActivity(services[hit.service_id], hit) for hit in results.hits if hit.service_id in services]
    return FoundActivities(activities, results, located)


def search_activities(engine: SearchEngine, request: SearchRequest, located: Located | None = None) -> SearchResults:
    """The search alone, for a caller that already holds some of the listings it shows."""
    if located is not None:
        request.point = located.point
    return engine.search(request)


# An ORUK service summary (what ``/api/services`` lists) is the service's own row and its
# translations: one query joining the two for a page of results (a second query for the
# translations was one more round trip, ~0.35 ms of 1.25 at 50k), where a result card needs seven.
_SUMMARY = (lazyload("*"), joinedload(Service.translations))


def load_result_services(session: Session, service_ids: list[str], summary_only: bool = False) -> dict[str, Service]:
    """The listings behind some results, with what a result card shows loaded eagerly (or,
    with ``summary_only``, only what an ORUK summary shows: the rest loads if read)."""
    if not service_ids:
        return {}
    options = _SUMMARY if summary_only else _RESULT_CARD
    statement = select(Service).where(Service.id.in_(service_ids)).options(*options)
    return {service.id: service for service in session.scalars(statement).unique()}


__all__ = ["FoundActivities", "FoundActivity", "InvalidLocation", "Located", "find_activities", "load_result_services",
           "locate", "search_activities"]
