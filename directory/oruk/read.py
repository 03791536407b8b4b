"""Turn ORUK 3.0 "full service" objects (plus our documented extensions) into models.

Used by ``directory seed`` and by imports. Everything is upserted by the source's id, so
loading the same file twice leaves the same directory. Text is NFC-normalised on the way
in: Gujarati typed on different keyboards can arrive decomposed, and two spellings of one
word must not become two index terms.
"""
from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import vocabulary
from ..geography import Point
from ..i18n.detect import text_locale
from ..models import (
    Accessibility, Attribute, Contact, CostOption, Language, Location, Organization, Phone, PhysicalAddress,
    Schedule, Service, ServiceArea, ServiceAtLocation, ServiceTranslation, TaxonomyTerm,
)
from ..models.base import new_id
from ..models.schedule import parse_byday


class InvalidRecord(ValueError):
    """A field of an incoming record is missing or malformed; ``path`` names it."""

    def __init__(self, path: str, message: str):
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


def clean_text(value, path: str = "", max_length: int | None = None) -> str | None:
    """NFC-normalised, stripped text with control characters removed; None for blanks."""
    if value is None:
        return None
    if not isinstance(value, (str, int, float)):
        raise InvalidRecord(path, "must be text")
    text = unicodedata.normalize("NFC", str(value))
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc").strip()
    if max_length and len(text) > max_length:
        raise InvalidRecord(path, f"is longer than {max_length} characters")
    return text or None


def _required(data: dict, key: str, path: str, max_length: int | None = 255) -> str:
    text = clean_text(data.get(key), f"{path}.{key}", max_length)
    if not text:
        raise InvalidRecord(f"{path}.{key}", "is required")
    return text


def _date(value, path: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError as error:
        raise InvalidRecord(path, f"{value!r} is not a date (YYYY-MM-DD)") from error


def _time(value, path: str) -> dt.time | None:
    if value in (None, ""):
        return None
    try:
        return dt.time.fromisoformat(str(value))
    except ValueError as error:
        raise InvalidRecord(path, f"{value!r} is not a time (HH:MM)") from error


def _int(value, path: str) -> int | None:
    if value in (None, ""):
        return None
    try:
        return int(value)
    except (TypeError, ValueError) as error:
        raise InvalidRecord(path, f"{value!r} is not a whole number") from error


def _vocab(name: str, value, path: str, default: str | None = None) -> str | None:
    try:
        return vocabulary.check_term(name, value if value is not None else default)
    except vocabulary.UnknownVocabularyTerm as error:
        raise InvalidRecord(path, str(error)) from error


def _id(data: dict) -> str:
    return clean_text(data.get("id"), "id", 36) or new_id()


def read_organization(data: dict, path: str = "organization") -> Organization:
    return Organization(
        id=_id(data), name=_required(data, "name", path), alternate_name=clean_text(data.get("alternate_name")),
        description=clean_text(data.get("description")), email=clean_text(data.get("email")),
        website=clean_text(data.get("website") or data.get("url")), logo=clean_text(data.get("logo")),
        uri=clean_text(data.get("uri")),
        phones=[read_phone(item, f"{path}.phones[{i}]") for i, item in enumerate(data.get("phones") or [])],
    )


def read_phone(data: dict, path: str) -> Phone:
    return Phone(id=_id(data), number=_required(data, "number", path, 64), extension=clean_text(data.get("extension")),
                 type=clean_text(data.get("type")), description=clean_text(data.get("description")))


def read_location(data: dict, path: str) -> Location:
    latitude, longitude = data.get("latitude"), data.get("longitude")
    if latitude is not None or longitude is not None:
        try:
            Point.parse(latitude, longitude)
        except ValueError as error:
            raise InvalidRecord(f"{path}.latitude", str(error)) from error
    return Location(
        id=_id(data), location_type=clean_text(data.get("location_type")) or "physical",
        name=clean_text(data.get("name")), alternate_name=clean_text(data.get("alternate_name")),
        description=clean_text(data.get("description")), transportation=clean_text(data.get("transportation")),
        url=clean_text(data.get("url")),
        latitude=float(latitude) if latitude is not None else None,
        longitude=float(longitude) if longitude is not None else None,
        external_identifier=clean_text(data.get("external_identifier")),
        external_identifier_type=clean_text(data.get("external_identifier_type")),
        physical_addresses=[
            PhysicalAddress(
                id=_id(item), attention=clean_text(item.get("attention")),
                address_1=_required(item, "address_1", f"{path}.physical_addresses[{i}]"),
                address_2=clean_text(item.get("address_2")), city=_required(item, "city", f"{path}.physical_addresses[{i}]"),
                region=clean_text(item.get("region")), state_province=clean_text(item.get("state_province")),
                postal_code=_required(item, "postal_code", f"{path}.physical_addresses[{i}]", 16),
                country=clean_text(item.get("country")) or "GB")
            for i, item in enumerate(data.get("addresses") or data.get("physical_addresses") or [])  # ORUK 3.0 name, HSDS 2 name
        ],
        accessibility=[
            Accessibility(id=_id(item), description=_vocab("accessibility", clean_text(item.get("description")),
                                                           f"{path}.accessibility[{i}].description"),
                          details=clean_text(item.get("details")), url=clean_text(item.get("url")))
            for i, item in enumerate(data.get("accessibility") or [])
        ],
    )


def read_schedule(data: dict, path: str) -> Schedule:
    byday = clean_text(data.get("byday"), f"{path}.byday", 64)
    try:
        parse_byday(byday)
    except ValueError as error:
        raise InvalidRecord(f"{path}.byday", str(error)) from error
    freq = clean_text(data.get("freq"), f"{path}.freq", 16)
    if freq and freq.upper() not in ("WEEKLY", "MONTHLY", "DAILY", "YEARLY"):
        raise InvalidRecord(f"{path}.freq", f"{freq!r} is not WEEKLY, MONTHLY, DAILY or YEARLY")
    return Schedule(
        id=_id(data), freq=freq.upper() if freq else None, interval=_int(data.get("interval"), f"{path}.interval"),
        byday=byday, bymonthday=clean_text(data.get("bymonthday"), f"{path}.bymonthday", 64),
        byweekno=clean_text(data.get("byweekno")), byyearday=clean_text(data.get("byyearday")),
        dtstart=_date(data.get("dtstart"), f"{path}.dtstart"), valid_from=_date(data.get("valid_from"), f"{path}.valid_from"),
        valid_to=_date(data.get("valid_to"), f"{path}.valid_to"), until=_date(data.get("until"), f"{path}.until"),
        count=_int(data.get("count"), f"{path}.count"), wkst=clean_text(data.get("wkst")),
        timezone=clean_text(data.get("timezone")),
        opens_at=_time(data.get("opens_at"), f"{path}.opens_at"), closes_at=_time(data.get("closes_at"), f"{path}.closes_at"),
        description=clean_text(data.get("description")), notes=clean_text(data.get("notes")),
        schedule_link=clean_text(data.get("schedule_link")), attending_type=clean_text(data.get("attending_type")),
    )


def read_cost_option(data: dict, path: str) -> CostOption:
    amount = data.get("amount")
    try:
        amount = Decimal(str(amount)) if amount not in (None, "") else None
    except InvalidOperation as error:
        raise InvalidRecord(f"{path}.amount", f"{amount!r} is not a number") from error
    if amount is not None and (amount < 0 or not amount.is_finite()):
        raise InvalidRecord(f"{path}.amount", "must be zero or more")
    return CostOption(id=_id(data), option=clean_text(data.get("option")), currency=clean_text(data.get("currency")) or "GBP",
                      amount=amount, amount_description=clean_text(data.get("amount_description")),
                      valid_from=_date(data.get("valid_from"), f"{path}.valid_from"),
                      valid_to=_date(data.get("valid_to"), f"{path}.valid_to"))


def read_service(session: Session, data: dict, path: str = "service") -> Service:
    """Build a (detached) Service graph from an ORUK dict; terms are resolved in ``session``."""
    if not isinstance(data, dict):
        raise InvalidRecord(path, "must be an object")
    organization = data.get("organization")
    if not isinstance(organization, dict):
        raise InvalidRecord(f"{path}.organization", "is required")
    service = Service(
        id=_id(data), name=_required(data, "name", path), alternate_name=clean_text(data.get("alternate_name")),
        description=clean_text(data.get("description")), url=clean_text(data.get("url")), email=clean_text(data.get("email")),
        status=clean_text(data.get("status")) or "active",
        interpretation_services=clean_text(data.get("interpretation_services")),
        application_process=clean_text(data.get("application_process")),
        fees_description=clean_text(data.get("fees_description")),
        eligibility_description=clean_text(data.get("eligibility_description")),
        minimum_age=_int(data.get("minimum_age"), f"{path}.minimum_age"),
        maximum_age=_int(data.get("maximum_age"), f"{path}.maximum_age"),
        alert=clean_text(data.get("alert")), assured_date=_date(data.get("assured_date"), f"{path}.assured_date"),
        # ORUK has no locale field: unless the feed says (our extension), detect it.
        locale=clean_text(data.get("locale")) or text_locale(clean_text(data.get("name")), clean_text(data.get("description"))),
        gender=_vocab("gender", data.get("gender"), f"{path}.gender", "mixed"),
        faith_setting=_vocab("faith_setting", data.get("faith_setting"), f"{path}.faith_setting", "none"),
        food=[_vocab("food", item, f"{path}.food") for item in data.get("food") or []],
        how_to_join=_vocab("how_to_join", data.get("how_to_join"), f"{path}.how_to_join", "drop_in"),
        transport_provided=bool(data.get("transport_provided")), carers_welcome=bool(data.get("carers_welcome")),
        listing_status=_vocab("listing_status", data.get("listing_status"), f"{path}.listing_status", "active"),
        last_verified=_date(data.get("last_verified"), f"{path}.last_verified"),
    )
    service.organization = read_organization(organization, f"{path}.organization")
    service.translations = [
        ServiceTranslation(locale=locale, name=_required(text, "name", f"{path}.translations.{locale}"),
                           description=clean_text(text.get("description")))
        for locale, text in (data.get("translations") or {}).items() if locale != service.locale
    ]
    service.service_at_locations = [
        ServiceAtLocation(id=_id(item), description=clean_text(item.get("description")),
                          location=read_location(item.get("location") or {}, f"{path}.service_at_locations[{i}].location"))
        for i, item in enumerate(data.get("service_at_locations") or [])
    ]
    service.schedules = [read_schedule(item, f"{path}.schedules[{i}]") for i, item in enumerate(data.get("schedules") or [])]
    service.languages = [
        Language(id=_id(item), code=clean_text(item.get("code"), f"{path}.languages[{i}].code", 16),
                 name=clean_text(item.get("name")), note=clean_text(item.get("note")))
        for i, item in enumerate(data.get("languages") or [])
    ]
    service.cost_options = [read_cost_option(item, f"{path}.cost_options[{i}]")
                            for i, item in enumerate(data.get("cost_options") or [])]
    service.contacts = [
        Contact(id=_id(item), name=clean_text(item.get("name")), title=clean_text(item.get("title")),
                department=clean_text(item.get("department")), email=clean_text(item.get("email")),
                phones=[read_phone(phone, f"{path}.contacts[{i}].phones[{j}]") for j, phone in enumerate(item.get("phones") or [])])
        for i, item in enumerate(data.get("contacts") or [])
    ]
    service.phones = [read_phone(item, f"{path}.phones[{i}]") for i, item in enumerate(data.get("phones") or [])]
    service.service_areas = [
        ServiceArea(id=_id(item), name=clean_text(item.get("name")), description=clean_text(item.get("description")),
                    extent=_extent(item.get("extent"), f"{path}.service_areas[{i}].extent"),
                    extent_type=clean_text(item.get("extent_type")) or "geojson", uri=clean_text(item.get("uri")))
        for i, item in enumerate(data.get("service_areas") or [])
    ]
    service.attributes = [
        Attribute(id=_id(item), link_entity="service", link_type=clean_text(item.get("link_type")),
                  taxonomy_term_id=resolve_term(session, item, f"{path}.attributes[{i}]").id,
                  value=clean_text(item.get("value")), label=clean_text(item.get("label")))
        for i, item in enumerate(data.get("attributes") or [])
    ]
    for attribute in service.attributes:
        attribute.link_id = service.id
    return service


def _extent(value, path: str) -> str | None:
    """Validate a service area's GeoJSON text by reading it with shapely."""
    import json

    from ..geography import area_geometry

    if value in (None, ""):
        return None
    try:
        geometry = area_geometry(json.loads(value) if isinstance(value, str) else value)
    except Exception as error:  # shapely and json raise many types for bad geometry
        raise InvalidRecord(path, f"is not valid GeoJSON: {error}") from error
    if geometry.is_empty:
        raise InvalidRecord(path, "is an empty area")
    return value if isinstance(value, str) else json.dumps(value)


def resolve_term(session: Session, data: dict, path: str) -> TaxonomyTerm:
    """Find the local taxonomy term an attribute names: by id, then code, then name."""
    term_data = data.get("taxonomy_term") or {}
    term_id = data.get("taxonomy_term_id") or term_data.get("id")
    term = session.get(TaxonomyTerm, term_id) if term_id else None
    if term is None and term_data.get("code"):
        term = session.scalar(select(TaxonomyTerm).where(TaxonomyTerm.code == term_data["code"]))
    if term is None and term_data.get("name"):
        term = session.scalar(select(TaxonomyTerm).where(TaxonomyTerm.name == term_data["name"]))
    if term is None:
        raise InvalidRecord(path, f"unknown taxonomy term {term_data or term_id!r}")
    return term


def upsert_service(session: Session, data: dict, path: str = "service") -> Service:
    """Insert or replace a service (and its children) by id; returns the persistent one.

    The old row is deleted first (its children cascade) rather than merged, so unique
    keys such as (service, locale) of translations never collide mid-flush; shared
    organizations and locations are merged by id and survive.
    """
    service = read_service(session, data, path)
    existing = session.get(Service, service.id)
    if existing is not None:
        session.delete(existing)
        session.flush()
    return session.merge(service)
