"""Is this group already listed? Likely duplicates of a submitted listing.

A group often sends its listing twice (a new secretary, a second language) or finds it is
already there. Two signals catch most cases: a similar name at (almost) the same place,
and the same telephone number. Names are compared with rapidfuzz's token-set ratio, which
ignores word order and extra words ("Belgrave Lunch Club" ~ "Lunch Club, Belgrave").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..geography import Point, bounding_box, haversine_m
from ..models import Contact, Location, Phone, Service, ServiceAtLocation, Submission

NEARBY_M = 300
NAME_SIMILARITY = 80


@dataclass
class LikelyDuplicate:
    """A live listing (or a pending submission) that may be the same group."""

    listing_id: str
    name: str
    reasons: list[str] = field(default_factory=list)   # "similar_name_nearby", "same_phone"
    distance_m: float | None = None
    pending: bool = False


def phone_key(number: str | None) -> str | None:
    """Digits only, +44 written as 0: '0116 496 0123' == '+44 (116) 4960123'."""
    digits = re.sub(r"\D", "", number or "")
    if digits.startswith("44") and len(digits) > 10:
        digits = "0" + digits[2:]
    return digits if len(digits) >= 6 else None


def names_match(names: list[str], others: list[str]) -> bool:
    return any(fuzz.token_set_ratio(a.casefold(), b.casefold()) >= NAME_SIMILARITY
               for a in names if a for b in others if b)


def _nearby_services(session: Session, point: Point) -> dict[str, float]:
    """{service id: distance in metres} for services with a place within NEARBY_M."""
    min_lat, max_lat, min_lon, max_lon = bounding_box(point, NEARBY_M)
    rows = session.execute(
        select(ServiceAtLocation.service_id, Location.latitude, Location.longitude)
        .join(Location, Location.id == ServiceAtLocation.location_id)
        .where(Location.latitude.between(min_lat, max_lat), Location.longitude.between(min_lon, max_lon))).all()
    found: dict[str, float] = {}
    for service_id, lat, lon in rows:
        distance = haversine_m(point, Point(lat, lon))
        if distance <= NEARBY_M:
            found[service_id] = min(distance, found.get(service_id, distance))
    return found


def _services_with_phone(session: Session, keys: set[str]) -> set[str]:
    """Services whose own, contact or organisation phone has one of these numbers."""
    if not keys:
        return set()
    rows = session.execute(
        select(Phone.number, Phone.service_id, Contact.service_id, Phone.organization_id)
        .outerjoin(Contact, Contact.id == Phone.contact_id)).all()
    services, organizations = set(), set()
    for number, service_id, contact_service_id, organization_id in rows:
        if phone_key(number) in keys:
            services.update(item for item in (service_id, contact_service_id) if item)
            if organization_id:
                organizations.add(organization_id)
    if organizations:
        services.update(session.scalars(select(Service.id).where(Service.organization_id.in_(organizations))))
    return services


def find_duplicates(session: Session, payload: dict, exclude: str | None = None) -> list[LikelyDuplicate]:
    """Live listings and pending new submissions that look like the same group as ``payload``."""
    names, point, phones = listing_signals(payload)
    nearby = _nearby_services(session, point) if point else {}
    same_phone = _services_with_phone(session, phones)
    found: dict[str, LikelyDuplicate] = {}
    for service in session.scalars(select(Service).where(Service.id.in_(set(nearby) | same_phone))):
        if service.id == exclude:
            continue
        other_names = [text[0] for text in service.texts_by_locale().values()]
        reasons = (["similar_name_nearby"] if service.id in nearby and names_match(names, other_names) else []) + (
            ["same_phone"] if service.id in same_phone else [])
        if reasons:
            found[service.id] = LikelyDuplicate(service.id, service.name, reasons, nearby.get(service.id))
    for duplicate in _pending_duplicates(session, names, point, phones, exclude):
        found.setdefault(duplicate.listing_id, duplicate)
    return sorted(found.values(), key=lambda item: (item.pending, -len(item.reasons), item.distance_m or 0))


def _pending_duplicates(session, names, point, phones, exclude) -> list[LikelyDuplicate]:
    """The same group sent twice and not yet reviewed."""
    duplicates = []
    pending = session.scalars(select(Submission).where(Submission.state == "pending", Submission.kind == "new"))
    for submission in pending:
        if submission.listing_id == exclude:
            continue
        other_names, other_point, other_phones = listing_signals(submission.payload)
        distance = haversine_m(point, other_point) if point and other_point else None
        reasons = (["similar_name_nearby"] if distance is not None and distance <= NEARBY_M
                   and names_match(names, other_names) else []) + (["same_phone"] if phones & other_phones else [])
        if reasons:
            duplicates.append(LikelyDuplicate(submission.listing_id, submission.payload.get("name") or "", reasons,
                                              distance, pending=True))
    return duplicates


def listing_signals(payload: dict) -> tuple[list[str], Point | None, set[str]]:
    """(names in every language, first located point, phone keys) of an ORUK payload."""
    names = [payload.get("name") or ""] + [text.get("name") or "" for text in (payload.get("translations") or {}).values()]
    point = None
    for link in payload.get("service_at_locations") or []:
        location = link.get("location") or {}
        if location.get("latitude") is not None and location.get("longitude") is not None:
            point = Point(float(location["latitude"]), float(location["longitude"]))
            break
    numbers = [phone.get("number") for phone in payload.get("phones") or []]
    numbers += [phone.get("number") for contact in payload.get("contacts") or [] for phone in contact.get("phones") or []]
    numbers += [phone.get("number") for phone in (payload.get("organization") or {}).get("phones") or []]
    return names, point, {key for key in map(phone_key, numbers) if key}
