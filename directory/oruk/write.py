"""Models to faithful ORUK 3.0 dicts: the exact shape ``oruk/read.py`` reads, plus our extensions.

``service_to_oruk(service)`` is a listing's *document*, as stored: its own ids and values,
every key present (``null`` or ``[]`` when empty), lists in a stable order. Submissions and
moderation diff it and read it back (``read.upsert_service``) into the same rows. What
leaves the directory (the API, the ORUK JSON export) is rendered from these dicts by
``publish.py``, which applies the UK profile's rules (no nulls, UUID ids, valid formats).

With ``locale`` the service's ``name`` and ``description`` are given in that locale where a
translation exists, and the extension field ``text_locale`` says which locale they are in;
``locale`` and ``translations`` always describe the stored original, so a localised
document still imports correctly only when ``locale`` is None (exports never localise).
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from .. import vocabulary
from ..models import (
    Accessibility, Attribute, Contact, CostOption, Language, Location, Organization, Phone, PhysicalAddress, Schedule,
    Service, ServiceArea, ServiceAtLocation, Taxonomy, TaxonomyTerm,
)

EXTENSION_FIELDS = ("locale", "translations", "gender", "faith_setting", "food", "how_to_join", "transport_provided",
                    "carers_welcome", "listing_status", "last_verified")
"""Community Signpost fields ORUK has no column for (see seed_data/README.md)."""


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _datetime(value: dt.datetime | None) -> str | None:
    if value is None:
        return None
    return value.replace(microsecond=(value.microsecond // 1000) * 1000).isoformat(timespec="milliseconds") + "Z"


def _time(value: dt.time | None) -> str | None:
    return value.strftime("%H:%M") if value is not None and not value.second else (value.isoformat() if value else None)


def _amount(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None


def _by_id(items):
    return sorted(items, key=lambda item: item.id or "")


def phone_to_oruk(phone: Phone) -> dict:
    return {"id": phone.id, "number": phone.number, "extension": phone.extension, "type": phone.type,
            "description": phone.description}


def organization_to_oruk(organization: Organization, full: bool = True) -> dict:
    data = {
        "id": organization.id, "name": organization.name, "alternate_name": organization.alternate_name,
        "description": organization.description, "email": organization.email, "website": organization.website,
        "logo": organization.logo, "uri": organization.uri,
    }
    if full:
        data["phones"] = [phone_to_oruk(phone) for phone in _by_id(organization.phones)]
    return data


def address_to_oruk(address: PhysicalAddress) -> dict:
    return {"id": address.id, "location_id": address.location_id, "attention": address.attention,
            "address_1": address.address_1, "address_2": address.address_2, "city": address.city,
            "region": address.region, "state_province": address.state_province, "postal_code": address.postal_code,
            "country": address.country}


def accessibility_to_oruk(item: Accessibility) -> dict:
    return {"id": item.id, "location_id": item.location_id, "description": item.description, "details": item.details,
            "url": item.url}


def location_to_oruk(location: Location, full: bool = True) -> dict:
    data = {
        "id": location.id, "location_type": location.location_type, "url": location.url,
        "organization_id": location.organization_id, "name": location.name,
        "alternate_name": location.alternate_name, "description": location.description,
        "transportation": location.transportation, "latitude": location.latitude, "longitude": location.longitude,
        "external_identifier": location.external_identifier,
        "external_identifier_type": location.external_identifier_type,
    }
    if full:
        data["physical_addresses"] = [address_to_oruk(item) for item in _by_id(location.physical_addresses)]
        data["accessibility"] = [accessibility_to_oruk(item) for item in _by_id(location.accessibility)]
    return data


def schedule_to_oruk(schedule: Schedule) -> dict:
    return {
        "id": schedule.id, "service_id": schedule.service_id, "valid_from": _date(schedule.valid_from),
        "valid_to": _date(schedule.valid_to), "dtstart": _date(schedule.dtstart), "timezone": schedule.timezone,
        "until": _date(schedule.until), "count": schedule.count, "wkst": schedule.wkst, "freq": schedule.freq,
        "interval": schedule.interval, "byday": schedule.byday, "byweekno": schedule.byweekno,
        "bymonthday": schedule.bymonthday, "byyearday": schedule.byyearday, "description": schedule.description,
        "opens_at": _time(schedule.opens_at), "closes_at": _time(schedule.closes_at),
        "schedule_link": schedule.schedule_link, "attending_type": schedule.attending_type, "notes": schedule.notes,
    }


def cost_option_to_oruk(option: CostOption) -> dict:
    return {"id": option.id, "service_id": option.service_id, "valid_from": _date(option.valid_from),
            "valid_to": _date(option.valid_to), "option": option.option, "currency": option.currency,
            "amount": _amount(option.amount), "amount_description": option.amount_description}


def language_to_oruk(language: Language) -> dict:
    return {"id": language.id, "service_id": language.service_id, "name": language.name, "code": language.code,
            "note": language.note}


def contact_to_oruk(contact: Contact) -> dict:
    return {"id": contact.id, "service_id": contact.service_id, "name": contact.name, "title": contact.title,
            "department": contact.department, "email": contact.email,
            "phones": [phone_to_oruk(phone) for phone in _by_id(contact.phones)]}


def service_area_to_oruk(area: ServiceArea) -> dict:
    return {"id": area.id, "service_id": area.service_id, "name": area.name, "description": area.description,
            "extent": area.extent, "extent_type": area.extent_type, "uri": area.uri}


def taxonomy_to_oruk(taxonomy: Taxonomy) -> dict:
    return {"id": taxonomy.id, "name": taxonomy.name, "description": taxonomy.description, "uri": taxonomy.uri,
            "version": taxonomy.version}


def term_to_oruk(term: TaxonomyTerm, locale: str | None = None, with_translations: bool = False) -> dict:
    """A taxonomy term; ``name`` in ``locale`` where a translation exists (ext)."""
    data = {
        "id": term.id, "code": term.code, "name": term.name_in(locale) if locale else term.name,
        "description": term.description, "parent_id": term.parent_id, "taxonomy": term.taxonomy,
        "taxonomy_id": term.taxonomy_id, "language": term.language, "term_uri": term.term_uri,
    }
    if with_translations:
        data["translations"] = {
            item.locale: {"name": item.name, "description": item.description, "synonyms": list(item.synonyms or [])}
            for item in sorted(term.translations, key=lambda item: item.locale)}
    return data


def attribute_to_oruk(attribute: Attribute, locale: str | None = None) -> dict:
    return {"id": attribute.id, "link_id": attribute.link_id, "link_type": attribute.link_type,
            "link_entity": attribute.link_entity, "taxonomy_term_id": attribute.taxonomy_term_id,
            "value": attribute.value, "label": attribute.label,
            "taxonomy_term": term_to_oruk(attribute.taxonomy_term, locale)}


def service_at_location_to_oruk(link: ServiceAtLocation) -> dict:
    return {"id": link.id, "service_id": link.service_id, "location_id": link.location_id,
            "description": link.description, "location": location_to_oruk(link.location)}


def localised_text(service: Service, locale: str | None) -> tuple[str, str | None, str]:
    """(name, description, locale used): a translation where one exists, else the original."""
    if not locale:
        return service.name, service.description, service.locale
    return service.text_in(locale)


def service_summary(service: Service, locale: str | None = None) -> dict:
    """The one-to-one fields of a service (what ORUK's paginated ``/services`` lists)."""
    name, description, used = localised_text(service, locale)
    data = {
        "id": service.id, "organization_id": service.organization_id, "name": name,
        "alternate_name": service.alternate_name, "description": description, "url": service.url,
        "email": service.email, "status": vocabulary.ORUK_STATUS_FOR_LISTING.get(service.listing_status, service.status),
        "interpretation_services": service.interpretation_services,
        "application_process": service.application_process, "fees_description": service.fees_description,
        "eligibility_description": service.eligibility_description, "minimum_age": service.minimum_age,
        "maximum_age": service.maximum_age, "alert": service.alert, "assured_date": _date(service.assured_date),
        "last_modified": _datetime(service.last_modified),
        # --- extensions ---
        "locale": service.locale,
        "translations": {item.locale: {"name": item.name, "description": item.description}
                         for item in sorted(service.translations, key=lambda item: item.locale)},
        "gender": service.gender, "faith_setting": service.faith_setting, "food": list(service.food or []),
        "how_to_join": service.how_to_join, "transport_provided": bool(service.transport_provided),
        "carers_welcome": bool(service.carers_welcome), "listing_status": service.listing_status,
        "last_verified": _date(service.last_verified),
    }
    if locale:
        data["text_locale"] = used
    return data


def service_to_oruk(service: Service, locale: str | None = None) -> dict:
    """The fully nested ORUK 3.0 service with our extension fields."""
    data = service_summary(service, locale)
    data.update({
        "organization": organization_to_oruk(service.organization),
        "service_at_locations": [service_at_location_to_oruk(link) for link in _by_id(service.service_at_locations)],
        "schedules": [schedule_to_oruk(item) for item in _by_id(service.schedules)],
        "languages": [language_to_oruk(item) for item in _by_id(service.languages)],
        "cost_options": [cost_option_to_oruk(item) for item in _by_id(service.cost_options)],
        "contacts": [contact_to_oruk(item) for item in _by_id(service.contacts)],
        "phones": [phone_to_oruk(item) for item in _by_id(service.phones)],
        "service_areas": [service_area_to_oruk(item) for item in _by_id(service.service_areas)],
        "attributes": [attribute_to_oruk(item, locale) for item in _by_id(service.attributes)],
    })
    return data


__all__ = ["EXTENSION_FIELDS", "attribute_to_oruk", "location_to_oruk", "organization_to_oruk", "service_summary",
           "service_at_location_to_oruk", "service_to_oruk", "taxonomy_to_oruk", "term_to_oruk"]
