"""A group's answers (the submission form's fields) as an ORUK listing, and back again.

The form covers what a volunteer can tell us; the listing has more (extra contacts,
further schedules, service areas). Editing starts from the live listing's ORUK document
and overwrites only what the form covers, so ids and everything else survive an edit
and the moderator's diff shows just what the group changed.
"""
from __future__ import annotations

import copy
import datetime as dt

from ..geography import Point
from ..i18n.detect import corrected_locale
from ..models.base import new_id
from ..vocabulary import ACCESSIBILITY
from .schedules import builder_from_schedule, schedule_from_builder

TEXT_LOCALES = ("en", "gu", "pl", "zh_Hans", "zh_Hant", "ur")
"""Languages a listing's name and description can be written in (the site's locales)."""

SCHEDULE_KEYS = ("pattern", "weekday", "week_of_month", "opens_at", "closes_at", "starts_on", "term_time_only")


def new_listing_skeleton() -> dict:
    return {"id": new_id(), "listing_status": "active", "organization": {"id": new_id(), "phones": []},
            "service_at_locations": [], "schedules": [], "contacts": [], "languages": [], "cost_options": [],
            "attributes": [], "translations": {}, "phones": [], "service_areas": []}


def payload_from_draft(draft: dict, point: Point | None, today: dt.date, term_time_label: str,
                       base: dict | None = None) -> dict:
    """The ORUK document for ``draft`` (a new listing, or ``base`` with the group's changes)."""
    listing = copy.deepcopy(base) if base else new_listing_skeleton()
    listing.pop("last_modified", None)
    _apply_texts(listing, draft)
    listing["organization"] = dict(listing.get("organization") or {"id": new_id()},
                                   name=draft["organization_name"], website=draft.get("website") or None)
    listing["contacts"] = [_contact(draft, (listing.get("contacts") or [None])[0])] + (listing.get("contacts") or [])[1:]
    listing["attributes"] = _attributes(draft["category"], listing.get("attributes") or [])
    schedules = listing.get("schedules") or [{"id": new_id()}]
    choice = {key: draft.get(key) for key in SCHEDULE_KEYS} | {"notes": draft.get("schedule_notes")}
    listing["schedules"] = [schedule_from_builder(choice, today, term_time_label, schedules[0])] + schedules[1:]
    links = listing.get("service_at_locations") or [{"id": new_id(), "location": {"id": new_id()}}]
    links[0] = dict(links[0], location=_location(draft, point, links[0].get("location") or {"id": new_id()}))
    listing["service_at_locations"] = links
    old_languages = {item.get("code"): item for item in listing.get("languages") or []}
    listing["languages"] = [old_languages.get(code) or {"id": new_id(), "code": code} for code in draft.get("languages") or []]
    listing["cost_options"] = _cost_options(draft)
    listing["fees_description"] = draft.get("cost_details") or None
    listing.update({key: draft.get(key) for key in ("gender", "faith_setting", "how_to_join")})
    listing.update(food=list(draft.get("food") or []), minimum_age=draft.get("minimum_age"),
                   application_process=draft.get("join_details") or None,
                   carers_welcome=bool(draft.get("carers_welcome")), transport_provided=bool(draft.get("transport_provided")))
    return listing


def _apply_texts(listing: dict, draft: dict) -> None:
    # The language the group chose, unless its text is plainly in another one (they picked
    # English and wrote Gujarati): the listing is then stored, indexed and marked as what it is.
    locale = corrected_locale(draft["text_locale"], draft["name"], draft.get("description"))
    if locale not in TEXT_LOCALES or draft.get(f"name_{locale}"):
        locale = draft["text_locale"]  # a language the form cannot offer, or they wrote a translation in it
    listing.update(locale=locale, name=draft["name"], description=draft.get("description") or None)
    listing["translations"] = {
        code: {"name": draft[f"name_{code}"], "description": draft.get(f"description_{code}") or None}
        for code in TEXT_LOCALES if code != locale and draft.get(f"name_{code}")}


def _contact(draft: dict, old: dict | None) -> dict:
    old = old or {"id": new_id(), "phones": []}
    phones = old.get("phones") or []
    if draft.get("phone"):
        first = dict(phones[0] if phones else {"id": new_id()}, number=draft["phone"])
        phones = [first] + phones[1:]
    else:
        phones = []
    return dict(old, name=draft.get("contact_name") or None, email=draft.get("email") or None, phones=phones)


def _attributes(category: str, old: list[dict]) -> list[dict]:
    """Keep the listing's categories when the chosen one is among them; otherwise the
    chosen one replaces the first (the form asks for the main category)."""
    codes = [(item.get("taxonomy_term") or {}).get("code") for item in old]
    if category in codes:
        return old
    return [{"id": new_id(), "taxonomy_term": {"code": category}}] + old[1:]


def _location(draft: dict, point: Point | None, old: dict) -> dict:
    addresses = old.get("physical_addresses") or [{"id": new_id()}]
    address = dict(addresses[0], address_1=draft["address_1"], city=draft.get("city") or "Leicester",
                   postal_code=draft["postcode"], country="GB")
    codes = list(draft.get("access") or [])
    details = draft.get("access_details") or None
    old_access = {item.get("description"): item for item in old.get("accessibility") or []}
    access = [dict(old_access.get(code) or {"id": new_id()}, description=code, details=None) for code in codes]
    if access:
        access[0]["details"] = details
    return dict(old, name=draft.get("venue_name") or None, physical_addresses=[address] + addresses[1:],
                accessibility=access + _publisher_words(old),
                description=old.get("description") if access or not details else details,
                latitude=point.latitude if point else None, longitude=point.longitude if point else None)


def _publisher_words(location: dict) -> list[dict]:
    """Accessibility in a publisher's own words (ORUK free text an import brought in): the
    form has boxes for our codes only, so these are kept as they were, never dropped by a
    group saving its listing."""
    return [item for item in location.get("accessibility") or [] if item.get("description") not in ACCESSIBILITY]


def _cost_options(draft: dict) -> list[dict]:
    if draft.get("cost") == "paid" and draft.get("amount") is not None:
        return [{"id": new_id(), "amount": float(draft["amount"]), "currency": "GBP"}]
    if draft.get("cost") == "donation":
        return [{"id": new_id(), "option": "donation", "amount": None, "currency": "GBP"}]
    return [{"id": new_id(), "amount": 0, "currency": "GBP"}]


def draft_from_payload(listing: dict, term_time_labels: set[str]) -> dict:
    """The form's fields filled from an ORUK document (to edit a listing or a submission)."""
    organization = listing.get("organization") or {}
    contact = (listing.get("contacts") or [{}])[0]
    location = ((listing.get("service_at_locations") or [{}])[0].get("location")) or {}
    address = (location.get("physical_addresses") or [{}])[0]
    access = [item for item in location.get("accessibility") or [] if item.get("description") in ACCESSIBILITY]
    draft = {
        "organization_name": organization.get("name"), "website": organization.get("website"),
        "contact_name": contact.get("name"), "email": contact.get("email"),
        "phone": ((contact.get("phones") or [{}])[0]).get("number"),
        "text_locale": listing.get("locale") or "en", "name": listing.get("name"), "description": listing.get("description"),
        "category": next(((item.get("taxonomy_term") or {}).get("code") for item in listing.get("attributes") or []), None),
        "venue_name": location.get("name"), "address_1": address.get("address_1"), "city": address.get("city"),
        "postcode": address.get("postal_code"), "latitude": location.get("latitude"), "longitude": location.get("longitude"),
        "languages": [item.get("code") for item in listing.get("languages") or [] if item.get("code")],
        "access": [item["description"] for item in access],
        "access_details": next((item.get("details") for item in access if item.get("details")), None)
        or (location.get("description") if not access else None),
        "cost": _cost_kind(listing.get("cost_options") or []), "cost_details": listing.get("fees_description"),
        "amount": next((item.get("amount") for item in listing.get("cost_options") or [] if item.get("amount")), None),
        "gender": listing.get("gender") or "mixed", "faith_setting": listing.get("faith_setting") or "none",
        "food": list(listing.get("food") or []), "minimum_age": listing.get("minimum_age"),
        "how_to_join": listing.get("how_to_join") or "drop_in", "join_details": listing.get("application_process"),
        "carers_welcome": bool(listing.get("carers_welcome")), "transport_provided": bool(listing.get("transport_provided")),
    }
    for code, text in (listing.get("translations") or {}).items():
        draft[f"name_{code}"], draft[f"description_{code}"] = text.get("name"), text.get("description")
    builder = builder_from_schedule((listing.get("schedules") or [None])[0], term_time_labels)
    draft.update({key: builder[key] for key in SCHEDULE_KEYS}, schedule_notes=builder["notes"])
    return draft


def _cost_kind(options: list[dict]) -> str:
    if any(item.get("option") == "donation" for item in options):
        return "donation"
    if any(item.get("amount") for item in options):
        return "paid"
    return "free"
