"""What we publish: ORUK 3.0 documents that pass the UK profile's JSON schemas.

``write.py`` renders the *faithful* document of a listing (every key, stored ids, stored
values: what submissions and moderation diff and read back). This module renders what
leaves the directory — the API under ``/api/`` and the ORUK JSON export — from the same
dicts, with the profile's rules applied (validated by tests/api/test_oruk_schemas.py
against the ORUK validator's V3.0-UK schemas):

* an absent value is omitted, never ``null`` (lists stay, empty or not);
* every id and reference to one is a UUID (``ids.oruk_id``; lookups accept it);
* ``email`` and ``uri`` values are valid or left out (``formats``);
* ``schedule.freq`` is WEEKLY or MONTHLY (DAILY becomes WEEKLY on every day);
* ``location_type``, ``address_type`` and ``status`` take the profile's values;
* a location's postal addresses are ORUK 3.0 ``addresses`` (``address_type`` physical);
* fields the profile requires but we do not know (an organization's or a taxonomy term's
  ``description``, an address's ``state_province``) are the empty string.

Our extension fields (``locale``, ``translations``, ``gender`` …) are kept: the schemas
allow additional properties. A published document imported again (``read.py``) and
published again is identical.
"""
from __future__ import annotations

from ..models import (
    Accessibility, Attribute, Contact, CostOption, Language, Location, Organization, Phone, PhysicalAddress, Schedule,
    Service, ServiceArea, ServiceAtLocation, Taxonomy, TaxonomyTerm,
)
from . import formats, write
from .formats import compact
from .ids import oruk_id


def _ids(data: dict, *keys: str) -> dict:
    for key in keys:
        if key in data:
            data[key] = oruk_id(data[key])
    return data


def _links(data: dict, *keys: str) -> dict:
    for key in keys:
        if key in data:
            data[key] = formats.uri(data[key])
    return data


def _required_text(data: dict, *keys: str) -> dict:
    for key in keys:
        data[key] = data.get(key) or ""
    return data


def _by_id(items):
    """In order of published id, so a re-imported copy (stored under those ids) lists alike."""
    return sorted(items, key=lambda item: oruk_id(item.id) or "")


def phone(item: Phone) -> dict:
    return compact(_ids(write.phone_to_oruk(item), "id"))


def organization(item: Organization, full: bool = True) -> dict:
    data = write.organization_to_oruk(item, full=False)
    data["email"] = formats.email(data["email"])
    data = compact(_required_text(_links(_ids(data, "id"), "website", "uri"), "description"))
    if full:
        data["phones"] = [phone(entry) for entry in _by_id(item.phones)]
    return data


def address(item: PhysicalAddress) -> dict:
    data = _ids(write.address_to_oruk(item), "id", "location_id")
    data["address_type"] = "physical"
    data["country"] = data["country"] or "GB"
    return compact(_required_text(data, "state_province"))


def accessibility(item: Accessibility) -> dict:
    return compact(_links(_ids(write.accessibility_to_oruk(item), "id", "location_id"), "url"))


def location(item: Location, full: bool = True) -> dict:
    data = _links(_ids(write.location_to_oruk(item, full=False), "id", "organization_id"), "url")
    data["location_type"] = formats.location_type(data["location_type"])
    data = compact(data)
    if full:
        data["addresses"] = [address(entry) for entry in _by_id(item.physical_addresses)]
        data["accessibility"] = [accessibility(entry) for entry in _by_id(item.accessibility)]
    return data


def schedule(item: Schedule) -> dict:
    data = _links(_ids(write.schedule_to_oruk(item), "id", "service_id"), "schedule_link")
    data.update(formats.recurrence(item.freq, item.interval, item.byday, item.bymonthday))
    return compact(data)


def cost_option(item: CostOption) -> dict:
    return compact(_ids(write.cost_option_to_oruk(item), "id", "service_id"))


def language(item: Language) -> dict:
    return compact(_ids(write.language_to_oruk(item), "id", "service_id"))


def contact(item: Contact) -> dict:
    data = _ids(write.contact_to_oruk(item), "id", "service_id")
    data["email"] = formats.email(data["email"])
    data["phones"] = [phone(entry) for entry in _by_id(item.phones)]
    return compact(data)


def service_area(item: ServiceArea) -> dict:
    return compact(_links(_ids(write.service_area_to_oruk(item), "id", "service_id"), "uri"))


def taxonomy(item: Taxonomy) -> dict:
    return compact(_required_text(_links(_ids(write.taxonomy_to_oruk(item), "id"), "uri"), "description"))


def term(item: TaxonomyTerm, locale: str | None = None, with_translations: bool = False) -> dict:
    data = write.term_to_oruk(item, locale, with_translations)
    data = _required_text(_links(_ids(data, "id", "parent_id", "taxonomy_id"), "term_uri"), "description")
    if with_translations:
        data["translations"] = {code: compact(text) for code, text in data["translations"].items()}
    return compact(data)


def attribute(item: Attribute, locale: str | None = None) -> dict:
    data = _ids(write.attribute_to_oruk(item, locale), "id", "link_id", "taxonomy_term_id")
    data["taxonomy_term"] = term(item.taxonomy_term, locale)
    return compact(data)


def service_summary(item: Service, locale: str | None = None) -> dict:
    """The one-to-one fields of a service (what ``/services`` lists), and our extensions."""
    data = _links(_ids(write.service_summary(item, locale), "id", "organization_id"), "url")
    data["email"] = formats.email(data["email"])
    data["status"] = formats.service_status(data["status"])
    data["translations"] = {code: compact(text) for code, text in data["translations"].items()}
    return compact(data)


def service_at_location(link: ServiceAtLocation) -> dict:
    """A place of a service, as nested in the service."""
    return compact({"id": oruk_id(link.id), "service_id": oruk_id(link.service_id),
                    "location_id": oruk_id(link.location_id), "description": link.description,
                    "location": location(link.location)})


def service(item: Service, locale: str | None = None) -> dict:
    """The fully nested service (``/services/{id}``, the ORUK JSON export)."""
    data = service_summary(item, locale)
    data.update({
        "organization": organization(item.organization),
        "service_at_locations": [service_at_location(link) for link in _by_id(item.service_at_locations)],
        "schedules": [schedule(entry) for entry in _by_id(item.schedules)],
        "languages": [language(entry) for entry in _by_id(item.languages)],
        "cost_options": [cost_option(entry) for entry in _by_id(item.cost_options)],
        "contacts": [contact(entry) for entry in _by_id(item.contacts)],
        "phones": [phone(entry) for entry in _by_id(item.phones)],
        "service_areas": [service_area(entry) for entry in _by_id(item.service_areas)],
        "attributes": [attribute(entry, locale) for entry in _by_id(item.attributes)],
    })
    return data


def service_at_location_with_service(link: ServiceAtLocation, locale: str | None = None, full: bool = False) -> dict:
    """A place of a service with that service (``/service_at_locations`` lists the summary,
    ``/service_at_locations/{id}`` the full service)."""
    data = service_at_location(link)
    data["service"] = service(link.service, locale) if full else service_summary(link.service, locale)
    return data


__all__ = ["attribute", "location", "organization", "service", "service_at_location",
           "service_at_location_with_service", "service_summary", "taxonomy", "term"]
