"""Turn ORUK 3.0 "full service" objects (plus our documented extensions) into models.

Used by ``directory seed`` and by imports. Everything is upserted by the source's id, so
loading the same file twice leaves the same directory. Text is NFC-normalised on the way
in: Gujarati typed on different keyboards can arrive decomposed, and two spellings of one
word must not become two index terms.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
import urllib.parse
import uuid
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
from ..models.schedule import MAX_COUNT, MAX_INTERVAL, check_rule, parse_byday, parse_bymonthday


class InvalidRecord(ValueError):
    """A field of an incoming record is missing or malformed; ``path`` names it."""

    def __init__(self, path: str, message: str):
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


class ValueNotes:
    """What to do with a value that cannot be used.

    Strict (forms, the seed files, submissions): raise ``InvalidRecord`` as before. Lenient
    (imports of other directories' feeds, "liberal in what it accepts"): drop the value,
    note a warning naming its path, and keep the record. Lenient reading also checks what a
    feed gets wrong and our own forms never write: malformed e-mail addresses and URLs, and
    placeholder text copied from a template (``"fees": "fees_description"``).
    """

    def __init__(self, strict: bool = True):
        self.strict = strict
        self.warnings: list[tuple[str, str]] = []

    def drop(self, path: str, message: str):
        if self.strict:
            raise InvalidRecord(path, message)
        self.warnings.append((path, message))
        return None


STRICT = ValueNotes(strict=True)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Unicode category Cc (C0 and C1 controls) except tab and newline: never text."""
_PLACEHOLDER = re.compile(r"^[a-z]+(?:_[a-z]+)+$")
"""A snake_case field name standing where text should be ("fees_description", "link_type")."""


def clean_text(value, path: str = "", max_length: int | None = None, notes: ValueNotes = STRICT) -> str | None:
    """NFC-normalised, stripped text with control characters removed; None for blanks."""
    if value is None:
        return None
    if not isinstance(value, (str, int, float)):
        return notes.drop(path, "must be text")
    text = value if isinstance(value, str) else str(value)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub("", text).strip()
    if max_length and len(text) > max_length:
        if notes.strict:
            raise InvalidRecord(path, f"is longer than {max_length} characters")
        notes.drop(path, f"is longer than {max_length} characters; cut to {max_length}")
        text = text[:max_length].strip()
    return text or None


def _text(data: dict, key: str, path: str, notes: ValueNotes, max_length: int | None = None) -> str | None:
    """An optional free-text field; in a lenient read a template placeholder is dropped."""
    text = clean_text(data.get(key), f"{path}.{key}", max_length, notes)
    if text and not notes.strict and (_PLACEHOLDER.match(text) or text.casefold() == key):
        return notes.drop(f"{path}.{key}", f"{text!r} looks like a template placeholder, not a value")
    return text


def _email(data: dict, key: str, path: str, notes: ValueNotes) -> str | None:
    text = clean_text(data.get(key), f"{path}.{key}", 255, notes)
    if text and not notes.strict and not _EMAIL.match(text):
        return notes.drop(f"{path}.{key}", f"{text!r} is not an e-mail address")
    return text


def _url(value, path: str, notes: ValueNotes) -> str | None:
    text = clean_text(value, path, 512, notes)
    if text and not notes.strict:
        parts = urllib.parse.urlsplit(text)
        if parts.scheme not in ("http", "https") or not parts.netloc or " " in text:
            return notes.drop(path, f"{text!r} is not a web address (http:// or https://)")
    return text


def _required(data: dict, key: str, path: str, max_length: int | None = 255, notes: ValueNotes = STRICT) -> str:
    text = clean_text(data.get(key), f"{path}.{key}", max_length, notes)
    if not text:
        raise InvalidRecord(f"{path}.{key}", "is required")
    return text


def _date(value, path: str, notes: ValueNotes = STRICT) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return notes.drop(path, f"{value!r} is not a date (YYYY-MM-DD)")


def _time(value, path: str, notes: ValueNotes = STRICT) -> dt.time | None:
    if value in (None, ""):
        return None
    try:
        return dt.time.fromisoformat(str(value))
    except ValueError:
        return notes.drop(path, f"{value!r} is not a time (HH:MM)")


def _int(value, path: str, notes: ValueNotes = STRICT) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError, OverflowError):
        return notes.drop(path, f"{value!r} is not a whole number")
    if not -2**31 <= number < 2**31:
        return notes.drop(path, f"{value!r} is out of range")
    return number


def _vocab(name: str, value, path: str, default: str | None = None, notes: ValueNotes = STRICT) -> str | None:
    try:
        return vocabulary.check_term(name, value if value is not None else default)
    except vocabulary.UnknownVocabularyTerm as error:
        notes.drop(path, f"{error}" + (f"; {default!r} used" if default else ""))
        return default
    except TypeError:  # an unhashable value (a list or an object)
        notes.drop(path, f"{value!r} is not a known {name.replace('_', ' ')}")
        return default


def _id(data: dict, notes: ValueNotes = STRICT, path: str = "") -> str:
    return clean_text(data.get("id"), f"{path}.id" if path else "id", 36, notes) or new_id()


def _items(data: dict, key: str, path: str, notes: ValueNotes) -> list[tuple[int, dict]]:
    """The objects of a list field; a non-list, or a member that is not an object, is dropped."""
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        notes.drop(f"{path}.{key}", "must be a list")
        return []
    items = []
    for index, item in enumerate(value):
        if isinstance(item, dict):
            items.append((index, item))
        else:
            notes.drop(f"{path}.{key}[{index}]", "must be an object")
    return items


def _children(data: dict, key: str, path: str, notes: ValueNotes, read) -> list:
    """Read each object of a list field; a child that cannot be used is dropped (lenient)."""
    children = []
    for index, item in _items(data, key, path, notes):
        try:
            child = read(item, f"{path}.{key}[{index}]")
        except InvalidRecord as error:
            if notes.strict:
                raise
            notes.drop(error.path, f"{error.message}; this item was left out")
            continue
        if child is not None:
            children.append(child)
    return children


class Row(dict):
    """The column values of one row to be, with its children under relationship names.

    Reading builds these plain dicts rather than models: making a model costs tens of
    microseconds of ORM bookkeeping per object, a 50,000-service feed has about a million
    objects, and the bulk importer only needs the values. ``build`` makes models of a tree.
    """

    __slots__ = ("model",)

    @classmethod
    def of(cls, model, **values) -> "Row":
        row = cls(values)
        row.model = model
        return row


def build(row: Row):
    """The (transient) model graph of a row tree."""
    relationships = row.model.__mapper__.relationships
    values = {}
    for key, value in row.items():
        if key in relationships:
            value = [build(item) for item in value] if isinstance(value, list) else build(value)
        values[key] = value
    return row.model(**values)


def read_service(session: Session, data: dict, path: str = "service", notes: ValueNotes = STRICT) -> Service:
    """Build a (detached) Service graph from an ORUK dict; terms are resolved in ``session``."""
    return build(service_row(session, data, path, notes))


def read_location(data: dict, path: str, notes: ValueNotes = STRICT) -> Location:
    return build(location_row(data, path, notes))


def read_schedule(data: dict, path: str, notes: ValueNotes = STRICT) -> Schedule:
    return build(schedule_row(data, path, notes))


def read_organization(data: dict, path: str = "organization", notes: ValueNotes = STRICT) -> "Row":
    return Row.of(Organization, 
        id=_id(data, notes, path), name=_required(data, "name", path, notes=notes),
        alternate_name=_text(data, "alternate_name", path, notes, 255),
        description=_text(data, "description", path, notes), email=_email(data, "email", path, notes),
        website=_url(data.get("website") or data.get("url"), f"{path}.website", notes),
        logo=_url(data.get("logo"), f"{path}.logo", notes), uri=_url(data.get("uri"), f"{path}.uri", notes),
        phones=_children(data, "phones", path, notes, lambda item, where: read_phone(item, where, notes)),
    )


def read_phone(data: dict, path: str, notes: ValueNotes = STRICT) -> "Row":
    return Row.of(Phone, id=_id(data, notes, path), number=_required(data, "number", path, 64, notes),
                 extension=clean_text(data.get("extension"), f"{path}.extension", 32, notes),
                 type=clean_text(data.get("type"), f"{path}.type", 32, notes),
                 description=_text(data, "description", path, notes))


def _coordinates(data: dict, path: str, notes: ValueNotes) -> tuple[float | None, float | None]:
    latitude, longitude = data.get("latitude"), data.get("longitude")
    if latitude in (None, "") and longitude in (None, ""):
        return None, None
    try:
        point = Point.parse(latitude, longitude)
    except ValueError as error:
        field = "longitude" if "longitude" in str(error) and "latitude" not in str(error) else "latitude"
        notes.drop(f"{path}.{field}", f"{error}" + ("" if notes.strict else "; the place has no map position"))
        return None, None
    return point.latitude, point.longitude


def read_address(item: dict, path: str, notes: ValueNotes = STRICT) -> "Row":
    return Row.of(PhysicalAddress, 
        id=_id(item, notes, path), attention=clean_text(item.get("attention"), f"{path}.attention", 255, notes),
        address_1=_required(item, "address_1", path, notes=notes),
        address_2=clean_text(item.get("address_2"), f"{path}.address_2", 255, notes),
        city=_required(item, "city", path, notes=notes),
        region=clean_text(item.get("region"), f"{path}.region", 255, notes),
        state_province=clean_text(item.get("state_province"), f"{path}.state_province", 255, notes),
        postal_code=_required(item, "postal_code", path, 16, notes),
        country=_country(item.get("country"), f"{path}.country", notes))


def _country(value, path: str, notes: ValueNotes) -> str:
    text = clean_text(value, path, None, notes)
    if text and len(text) != 2:
        notes.drop(path, f"{text!r} is not a two-letter country code; GB used")
        return "GB"
    return text.upper() if text else "GB"


def read_accessibility(item: dict, path: str, notes: ValueNotes = STRICT) -> "Row | None":
    """ORUK ``accessibility``: ``description`` and ``details`` are free text, kept verbatim;
    a description that is one of our codes stays a code. The filters recognise features
    in the text (``Accessibility.feature_codes``)."""
    description = clean_text(item.get("description"), f"{path}.description", None, notes)
    details = clean_text(item.get("details"), f"{path}.details", None, notes)
    if not description and not details:
        return None
    return Row.of(Accessibility, id=_id(item, notes, path), description=description, details=details,
                         url=_url(item.get("url"), f"{path}.url", notes))


def location_row(data: dict, path: str, notes: ValueNotes = STRICT) -> "Row":
    latitude, longitude = _coordinates(data, path, notes)
    address_key = "physical_addresses" if data.get("physical_addresses") is not None else "addresses"
    return Row.of(Location, 
        id=_id(data, notes, path), location_type=clean_text(data.get("location_type"), f"{path}.location_type", 32,
                                                          notes) or "physical",
        name=clean_text(data.get("name"), f"{path}.name", 255, notes),
        alternate_name=_text(data, "alternate_name", path, notes, 255),
        description=_text(data, "description", path, notes), transportation=_text(data, "transportation", path, notes),
        url=_url(data.get("url"), f"{path}.url", notes), latitude=latitude, longitude=longitude,
        external_identifier=clean_text(data.get("external_identifier"), f"{path}.external_identifier", 255, notes),
        external_identifier_type=clean_text(data.get("external_identifier_type"), f"{path}.external_identifier_type",
                                            255, notes),
        physical_addresses=_children(data, address_key, path, notes,
                                     lambda item, where: read_address(item, where, notes)),
        accessibility=_children(data, "accessibility", path, notes,
                                lambda item, where: read_accessibility(item, where, notes)),
    )


FREQUENCIES = ("WEEKLY", "MONTHLY", "DAILY", "YEARLY")


def schedule_row(data: dict, path: str, notes: ValueNotes = STRICT) -> "Row":
    byday = clean_text(data.get("byday"), f"{path}.byday", 64, notes)
    try:
        parse_byday(byday)
    except ValueError as error:
        byday = notes.drop(f"{path}.byday", str(error))
    freq = clean_text(data.get("freq"), f"{path}.freq", 16, notes)
    if freq and freq.upper() not in FREQUENCIES:
        freq = notes.drop(f"{path}.freq", f"{freq!r} is not WEEKLY, MONTHLY, DAILY or YEARLY")
    interval = _int(data.get("interval"), f"{path}.interval", notes)
    if interval is not None and interval < 1 and not notes.strict:
        interval = notes.drop(f"{path}.interval", f"{interval} is not 1 or more")
    elif interval is not None and interval > MAX_INTERVAL:
        interval = notes.drop(f"{path}.interval", f"{interval} is more than {MAX_INTERVAL}")
    if freq and freq.upper() == "MONTHLY":
        try:
            check_rule(freq, None, byday, None)
        except ValueError as error:  # "6MO": no month has one
            byday = notes.drop(f"{path}.byday", str(error))
    return Row.of(Schedule, 
        id=_id(data, notes, path), freq=freq.upper() if freq else None, interval=interval,
        byday=byday, bymonthday=_bymonthday(data.get("bymonthday"), f"{path}.bymonthday", notes),
        byweekno=clean_text(data.get("byweekno"), f"{path}.byweekno", 64, notes),
        byyearday=clean_text(data.get("byyearday"), f"{path}.byyearday", 64, notes),
        dtstart=_date(data.get("dtstart"), f"{path}.dtstart", notes),
        valid_from=_date(data.get("valid_from"), f"{path}.valid_from", notes),
        valid_to=_date(data.get("valid_to"), f"{path}.valid_to", notes),
        until=_date(data.get("until"), f"{path}.until", notes), count=_count(data.get("count"), f"{path}.count", notes),
        wkst=_wkst(data.get("wkst"), f"{path}.wkst", notes),
        timezone=clean_text(data.get("timezone"), f"{path}.timezone", 64, notes),
        opens_at=_time(data.get("opens_at"), f"{path}.opens_at", notes),
        closes_at=_time(data.get("closes_at"), f"{path}.closes_at", notes),
        description=_text(data, "description", path, notes), notes=_text(data, "notes", path, notes),
        schedule_link=_url(data.get("schedule_link"), f"{path}.schedule_link", notes),
        attending_type=_text(data, "attending_type", path, notes, 64),
    )


def _count(value, path: str, notes: ValueNotes) -> int | None:
    count = _int(value, path, notes)
    if count is not None and not 0 <= count <= MAX_COUNT:
        return notes.drop(path, f"{count} is not 1 to {MAX_COUNT} sessions")
    return count


def _bymonthday(value, path: str, notes: ValueNotes) -> str | None:
    text = clean_text(value, path, 64, notes)
    try:
        parse_bymonthday(text)
    except ValueError:
        if not notes.strict:
            return notes.drop(path, f"{text!r} is not a list of days of the month")
    return text


def _wkst(value, path: str, notes: ValueNotes) -> str | None:
    text = clean_text(value, path, None, notes)
    if text and len(text) > 2:
        if notes.strict:
            raise InvalidRecord(path, "is longer than 2 characters")
        return notes.drop(path, f"{text!r} is not a weekday code (MO…SU)")
    return text


def read_cost_option(data: dict, path: str, notes: ValueNotes = STRICT) -> "Row":
    amount = data.get("amount")
    try:
        amount = Decimal(str(amount)) if amount not in (None, "") and not isinstance(amount, (dict, list)) else None
        if amount is not None and (not amount.is_finite() or amount < 0):
            amount = notes.drop(f"{path}.amount", "must be zero or more")
        elif amount is not None and amount >= Decimal("1e8"):
            amount = notes.drop(f"{path}.amount", f"{amount} is too large")
    except InvalidOperation:
        amount = notes.drop(f"{path}.amount", f"{data.get('amount')!r} is not a number")
    currency = clean_text(data.get("currency"), f"{path}.currency", None, notes)
    if currency and len(currency) != 3:
        currency = notes.drop(f"{path}.currency", f"{currency!r} is not a three-letter currency code")
    return Row.of(CostOption, id=_id(data, notes, path), option=_text(data, "option", path, notes, 255),
                      currency=currency or "GBP",
                      amount=amount, amount_description=_text(data, "amount_description", path, notes),
                      valid_from=_date(data.get("valid_from"), f"{path}.valid_from", notes),
                      valid_to=_date(data.get("valid_to"), f"{path}.valid_to", notes))


def _stand_in_organization(data: dict, path: str, notes: ValueNotes) -> dict:
    """A service published without its organisation (ORUK requires one; some feeds only give
    ``organization_id``): listed under an organisation of the same id, or named after it."""
    notes.drop(f"{path}.organization", "is missing; the service is listed under an organisation named after it")
    organization_id = data.get("organization_id") if isinstance(data.get("organization_id"), str) else None
    return {"id": organization_id or str(uuid.uuid5(uuid.NAMESPACE_URL, f"signpost:organization-for:{data.get('id')}")),
            "name": data.get("name")}


def service_row(session: Session, data: dict, path: str = "service", notes: ValueNotes = STRICT) -> "Row":
    """The rows of a service and its children (a tree of ``Row``) from an ORUK dict; terms
    are resolved in ``session``. ``read_service`` makes models of it; imports write it as is."""
    if not isinstance(data, dict):
        raise InvalidRecord(path, "must be an object")
    organization = data.get("organization")
    if not isinstance(organization, dict):
        if notes.strict:
            raise InvalidRecord(f"{path}.organization", "is required")
        organization = _stand_in_organization(data, path, notes)
    service = Row.of(
        Service, id=_id(data, notes, path), name=_required(data, "name", path, notes=notes),
        alternate_name=_text(data, "alternate_name", path, notes, 255),
        description=_text(data, "description", path, notes), url=_url(data.get("url"), f"{path}.url", notes),
        email=_email(data, "email", path, notes),
        status=_status(data.get("status"), f"{path}.status", notes),
        interpretation_services=_text(data, "interpretation_services", path, notes),
        application_process=_text(data, "application_process", path, notes),
        fees_description=_text(data, "fees_description", path, notes) if data.get("fees_description") is not None
        else _text(data, "fees", path, notes),
        eligibility_description=_text(data, "eligibility_description", path, notes),
        minimum_age=_int(data.get("minimum_age"), f"{path}.minimum_age", notes),
        maximum_age=_int(data.get("maximum_age"), f"{path}.maximum_age", notes),
        alert=_text(data, "alert", path, notes), assured_date=_date(data.get("assured_date"), f"{path}.assured_date", notes),
        locale=_locale(data.get("locale"), f"{path}.locale", notes, data),
        gender=_vocab("gender", data.get("gender"), f"{path}.gender", "mixed", notes),
        faith_setting=_vocab("faith_setting", data.get("faith_setting"), f"{path}.faith_setting", "none", notes),
        food=_food(data, path, notes),
        how_to_join=_vocab("how_to_join", data.get("how_to_join"), f"{path}.how_to_join", "drop_in", notes),
        transport_provided=bool(data.get("transport_provided")), carers_welcome=bool(data.get("carers_welcome")),
        listing_status=_vocab("listing_status", data.get("listing_status"), f"{path}.listing_status", "active", notes),
        last_verified=_date(data.get("last_verified"), f"{path}.last_verified", notes),
    )
    service["organization"] = read_organization(organization, f"{path}.organization", notes)
    service["translations"] = _translations(data, service["locale"], path, notes)
    service["service_at_locations"] = _children(
        data, "service_at_locations", path, notes, lambda item, where: _service_at_location(item, where, notes))
    service["schedules"] = _children(data, "schedules", path, notes, lambda item, where: schedule_row(item, where, notes))
    service["languages"] = _children(data, "languages", path, notes, lambda item, where: _language(item, where, notes))
    service["cost_options"] = _children(data, "cost_options", path, notes,
                                     lambda item, where: read_cost_option(item, where, notes))
    service["contacts"] = _children(data, "contacts", path, notes, lambda item, where: _contact(item, where, notes))
    service["phones"] = _children(data, "phones", path, notes, lambda item, where: read_phone(item, where, notes))
    service["service_areas"] = _children(data, "service_areas", path, notes,
                                      lambda item, where: _service_area(item, where, notes))
    service["attributes"] = _children(data, "attributes", path, notes,
                                   lambda item, where: _attribute(session, item, where, notes))
    for attribute in service["attributes"]:
        attribute["link_id"] = service["id"]
    return service


ORUK_STATUSES = ("active", "inactive", "defunct", "temporarily closed")


def _status(value, path: str, notes: ValueNotes) -> str:
    text = clean_text(value, path, 32, notes)
    if text and not notes.strict and text not in ORUK_STATUSES:
        notes.drop(path, f"{text!r} is not an ORUK status ({', '.join(ORUK_STATUSES)}); 'active' used")
        return "active"
    return text or "active"


def _locale(value, path: str, notes: ValueNotes, data: dict) -> str:
    """The feed's locale (our extension); ORUK has no such field, so when a feed is silent,
    or names one we do not support, the language is detected from the name and description."""
    text = clean_text(value, path, 16, notes)
    if text and not notes.strict and text not in vocabulary.LOCALES:
        detected = _detected_locale(data)
        notes.drop(path, f"{text!r} is not a supported locale ({', '.join(vocabulary.LOCALES)}); {detected!r} used")
        return detected
    return text or _detected_locale(data)


def _detected_locale(data: dict) -> str:
    texts = (data.get("name"), data.get("description"))
    return text_locale(*(text for text in texts if isinstance(text, str)))


def _food(data: dict, path: str, notes: ValueNotes) -> list[str]:
    food = data.get("food") or []
    if not isinstance(food, list):
        notes.drop(f"{path}.food", "must be a list")
        return []
    codes = [_vocab("food", item, f"{path}.food[{index}]", None, notes) for index, item in enumerate(food)]
    return list(dict.fromkeys(code for code in codes if code))


def _translations(data: dict, locale: str, path: str, notes: ValueNotes) -> list:
    texts = data.get("translations") or {}
    if not isinstance(texts, dict):
        notes.drop(f"{path}.translations", "must be an object of locale: {name, description}")
        return []
    translations = []
    for other, text in texts.items():
        where = f"{path}.translations.{other}"
        if other == locale:
            continue
        if not isinstance(text, dict) or (not notes.strict and other not in vocabulary.LOCALES):
            notes.drop(where, f"is not a translation into a supported locale ({', '.join(vocabulary.LOCALES)})")
            continue
        try:
            translations.append(Row.of(ServiceTranslation, locale=other, name=_required(text, "name", where, notes=notes),
                                                   description=clean_text(text.get("description"),
                                                                          f"{where}.description", None, notes)))
        except InvalidRecord as error:
            if notes.strict:
                raise
            notes.drop(error.path, f"{error.message}; this translation was left out")
    return translations


def _service_at_location(item: dict, path: str, notes: ValueNotes) -> "Row":
    location = item.get("location")
    if not isinstance(location, dict):
        if notes.strict:
            location = {}
        else:
            raise InvalidRecord(f"{path}.location", "is missing (a service_at_location needs its location)")
    return Row.of(ServiceAtLocation, id=_id(item, notes, path), description=_text(item, "description", path, notes),
                             location=location_row(location, f"{path}.location", notes))


def _language(item: dict, path: str, notes: ValueNotes) -> "Row":
    code = clean_text(item.get("code"), f"{path}.code", 16, notes)
    name = clean_text(item.get("name"), f"{path}.name", 64, notes)
    if not notes.strict and not code and not name:
        raise InvalidRecord(path, "has neither a code nor a name")
    return Row.of(Language, id=_id(item, notes, path), code=code, name=name, note=_text(item, "note", path, notes))


def _contact(item: dict, path: str, notes: ValueNotes) -> "Row":
    return Row.of(Contact, id=_id(item, notes, path), name=clean_text(item.get("name"), f"{path}.name", 255, notes),
                   title=clean_text(item.get("title"), f"{path}.title", 255, notes),
                   department=clean_text(item.get("department"), f"{path}.department", 255, notes),
                   email=_email(item, "email", path, notes),
                   phones=_children(item, "phones", path, notes, lambda phone, where: read_phone(phone, where, notes)))


def _service_area(item: dict, path: str, notes: ValueNotes) -> "Row":
    return Row.of(ServiceArea, id=_id(item, notes, path), name=clean_text(item.get("name"), f"{path}.name", 255, notes),
                       description=_text(item, "description", path, notes),
                       extent=_extent(item.get("extent"), f"{path}.extent", notes),
                       extent_type=clean_text(item.get("extent_type"), f"{path}.extent_type", 32, notes) or "geojson",
                       uri=_url(item.get("uri"), f"{path}.uri", notes))


def _attribute(session: Session, item: dict, path: str, notes: ValueNotes) -> "Row":
    return Row.of(Attribute, id=_id(item, notes, path), link_entity="service",
                     link_type=_text(item, "link_type", path, notes, 64),
                     taxonomy_term_id=resolve_term(session, item, path).id,
                     value=_text(item, "value", path, notes), label=_text(item, "label", path, notes, 255))


def _extent(value, path: str, notes: ValueNotes = STRICT) -> str | None:
    """Validate a service area's GeoJSON text by reading it with shapely."""
    import json

    from ..geography import area_geometry

    if value in (None, ""):
        return None
    try:
        geometry = area_geometry(json.loads(value) if isinstance(value, str) else value)
    except Exception as error:  # shapely and json raise many types for bad geometry
        return notes.drop(path, f"is not valid GeoJSON: {error}")
    if geometry.is_empty:
        return notes.drop(path, "is an empty area")
    return value if isinstance(value, str) else json.dumps(value)


def resolve_term(session: Session, data: dict, path: str) -> TaxonomyTerm:
    """Find the local taxonomy term an attribute names: by id, then code, then name."""
    term_data = data.get("taxonomy_term") if isinstance(data.get("taxonomy_term"), dict) else {}
    term_id = data.get("taxonomy_term_id") or term_data.get("id")
    term = session.get(TaxonomyTerm, term_id) if isinstance(term_id, str) and term_id else None
    if term is None and isinstance(term_data.get("code"), str) and term_data["code"]:
        term = session.scalar(select(TaxonomyTerm).where(TaxonomyTerm.code == term_data["code"]))
    if term is None and isinstance(term_data.get("name"), str) and term_data["name"]:
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
