"""A listing as its page shows it, read as plain rows instead of ORM objects.

Why: loading one listing through the ORM (twelve queries building a few hundred instrumented
objects and their loader state) cost ~10 ms of CPU at 50,000 listings, three quarters of its
page. The same queries read as rows into the plain objects below cost a fraction of that.
They answer what the listing page's templates and ``listing_facts`` read, through the same
reading code as the ORM models (``ListingReading``, ``ScheduleRules``, ``LocationReading``,
``AddressLines``, ``AccessibilityReading``), so the page says the same: tests/web/
test_listing_view.py renders every listing's page both ways (in Gujarati; a sample in every
locale, and print pages) and compares.

Each query has the shape of one the ORM sent when the pages loaded a listing through it
(organisation, translations and places joined to the listing's row, each other collection
asked by the listing's id), so rows whose order SQL leaves open come back in the same order,
and a listing's places, sessions and contacts are listed as before. The four short lists
(languages, phone numbers, the organisation's, areas) are those four queries joined by
``UNION ALL`` into one, and the collections asked by one id ask ``= :id`` rather than
``IN (:id)``: at 50,000 listings each query cost ~0.2 ms of CPU in SQLAlchemy and psycopg,
and expanding a one-item ``IN`` list was a seventh of that.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import and_, bindparam, literal, select, union_all
from sqlalchemy.orm import Session

from .card_facts import CostFacts, ScheduleFacts, TranslationFacts
from .models import (Accessibility, Attribute, Contact, CostOption, Language, Location, Organization, Phone,
                     PhysicalAddress, Schedule, Service, ServiceArea, ServiceAtLocation, ServiceTranslation,
                     TaxonomyTerm)
from .models.location import AccessibilityReading, AddressLines, LocationReading
from .models.service import ListingReading


@dataclass(frozen=True, slots=True)
class PhoneView:
    number: str


@dataclass(frozen=True)
class OrganizationView:
    name: str
    phones: list[PhoneView]


@dataclass(frozen=True)
class ContactView:
    name: str | None
    title: str | None
    email: str | None
    phones: list[PhoneView]


@dataclass(frozen=True)
class AddressView(AddressLines):
    attention: str | None
    address_1: str | None
    address_2: str | None
    city: str | None
    postal_code: str | None


@dataclass(frozen=True)
class AccessibilityView(AccessibilityReading):
    description: str | None
    details: str | None


@dataclass(frozen=True)
class LocationView(LocationReading):
    id: str
    name: str | None
    transportation: str | None
    latitude: float | None
    longitude: float | None
    physical_addresses: list[AddressView] = field(default_factory=list)
    accessibility: list[AccessibilityView] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class AreaView:
    name: str | None


_SCHEDULE_COLUMNS = ("freq", "interval", "byday", "bymonthday", "count", "dtstart", "valid_from", "valid_to", "until",
                     "opens_at", "closes_at", "description", "notes")


@dataclass(frozen=True)
class ScheduleView(ScheduleFacts):
    """A card's schedule fields, and the group's own words about it."""

    description: str | None = None
    notes: str | None = None


_SERVICE_COLUMNS = ("id", "locale", "name", "description", "listing_status", "last_verified", "email",
                    "fees_description", "gender", "minimum_age", "eligibility_description", "how_to_join",
                    "application_process", "faith_setting", "food", "carers_welcome", "transport_provided")


@dataclass
class ListingView(ListingReading):
    """What a listing page reads of a listing (see the module's docstring)."""

    id: str
    locale: str
    name: str
    description: str | None
    listing_status: str
    last_verified: dt.date | None
    email: str | None
    fees_description: str | None
    gender: str
    minimum_age: int | None
    eligibility_description: str | None
    how_to_join: str
    application_process: str | None
    faith_setting: str
    food: list[str]
    carers_welcome: bool
    transport_provided: bool
    organization: OrganizationView | None = None
    translations: list[TranslationFacts] = field(default_factory=list)
    locations: list[LocationView] = field(default_factory=list)
    schedules: list[ScheduleView] = field(default_factory=list)
    language_codes: list[str] = field(default_factory=list)
    cost_options: list[CostFacts] = field(default_factory=list)
    contacts: list[ContactView] = field(default_factory=list)
    phones: list[PhoneView] = field(default_factory=list)
    service_areas: list[AreaView] = field(default_factory=list)
    taxonomy_terms: list = field(default_factory=list)  # listings.TermName: code (or id) and names


def _ids(name: str):
    return bindparam(name, expanding=True)


_ID = bindparam("id")
_service, _organization, _translation = Service.__table__, Organization.__table__, ServiceTranslation.__table__
_link, _location = ServiceAtLocation.__table__, Location.__table__
_HEAD = (select(*(_service.c[name] for name in _SERVICE_COLUMNS), _service.c.organization_id, _organization.c.name,
                _translation.c.id, _translation.c.locale, _translation.c.name, _translation.c.description,
                _link.c.id, _location.c.id, _location.c.name, _location.c.transportation, _location.c.latitude,
                _location.c.longitude)
         .select_from(_service.outerjoin(_organization, _organization.c.id == _service.c.organization_id)
                      .outerjoin(_translation, _translation.c.service_id == _service.c.id)
                      .outerjoin(_link, _link.c.service_id == _service.c.id)
                      .outerjoin(_location, _location.c.id == _link.c.location_id))
         .where(_service.c.id == _ID))
_SCHEDULES = select(*(Schedule.__table__.c[name] for name in _SCHEDULE_COLUMNS)).where(Schedule.service_id == _ID)
_COSTS = select(CostOption.option, CostOption.currency, CostOption.amount, CostOption.amount_description).where(
    CostOption.service_id == _ID)
_CONTACTS = select(Contact.id, Contact.name, Contact.title, Contact.email).where(Contact.service_id == _ID)
_CONTACT_PHONES = select(Phone.contact_id, Phone.number).where(Phone.contact_id.in_(_ids("ids")))
_ADDRESSES = select(PhysicalAddress.location_id, PhysicalAddress.attention, PhysicalAddress.address_1,
                    PhysicalAddress.address_2, PhysicalAddress.city, PhysicalAddress.postal_code).where(
    PhysicalAddress.location_id.in_(_ids("ids")))
_ACCESS = select(Accessibility.location_id, Accessibility.description, Accessibility.details).where(
    Accessibility.location_id.in_(_ids("ids")))
# The listing's short lists, one query: each part's rows come in the order its own query
# gave them, the parts one after another.
_WORDS = union_all(
    select(literal("language"), Language.code).where(Language.service_id == _ID),
    select(literal("phone"), Phone.number).where(and_(Phone.service_id == _ID, Phone.contact_id.is_(None))),
    select(literal("organization phone"), Phone.number).where(Phone.organization_id == bindparam("organization_id")),
    select(literal("area"), ServiceArea.name).where(ServiceArea.service_id == _ID))
_TERMS = (select(Attribute.taxonomy_term_id, Attribute.id, Attribute.link_id, TaxonomyTerm.id, TaxonomyTerm.code,
                 TaxonomyTerm.name).select_from(Attribute)
          .outerjoin(TaxonomyTerm, TaxonomyTerm.id == Attribute.taxonomy_term_id)
          .where(and_(Attribute.link_id == _ID, Attribute.link_entity == "service")))


def load_listing_view(session: Session, service_id: str, terms_by_id: dict) -> ListingView | None:
    """The listing, or None when there is none with that id. ``terms_by_id``: every taxonomy
    term's ``TermName`` by id (``listings.term_names_by_id``)."""
    connection = session.connection()
    rows = connection.execute(_HEAD, {"id": service_id}).all()
    if not rows:
        return None
    first = rows[0]
    listing = ListingView(*first[:len(_SERVICE_COLUMNS)])
    listing.food = list(listing.food or [])
    organization_id, organization_name = first[len(_SERVICE_COLUMNS)], first[len(_SERVICE_COLUMNS) + 1]
    translations, links, places = {}, {}, {}
    for row in rows:
        translation_id, locale, name, description, link_id, *place = row[len(_SERVICE_COLUMNS) + 2:]
        if translation_id is not None and translation_id not in translations:
            translations[translation_id] = TranslationFacts(locale, name, description)
        if link_id is not None and link_id not in links and place[0] is not None:
            links[link_id] = places.get(place[0]) or places.setdefault(place[0], LocationView(*place))
    listing.translations = list(translations.values())
    listing.locations = list(links.values())
    ids = {"id": service_id}
    listing.schedules = [ScheduleView(*row) for row in connection.execute(_SCHEDULES, ids)]
    words: dict[str, list[str]] = {"language": [], "phone": [], "organization phone": [], "area": []}
    for kind, word in connection.execute(_WORDS, {"id": service_id, "organization_id": organization_id}):
        words[kind].append(word)
    listing.language_codes = [code for code in words["language"] if code]
    listing.cost_options = [CostFacts(option, currency, Decimal(amount) if amount is not None else None, details)
                            for option, currency, amount, details in connection.execute(_COSTS, ids)]
    contacts = connection.execute(_CONTACTS, ids).all()
    contact_phones: dict[str, list[PhoneView]] = {contact_id: [] for contact_id, *_rest in contacts}
    if contacts:
        for contact_id, number in connection.execute(_CONTACT_PHONES, {"ids": list(contact_phones)}):
            contact_phones[contact_id].append(PhoneView(number))
    listing.contacts = [ContactView(name, title, email, contact_phones[contact_id])
                        for contact_id, name, title, email in contacts]
    listing.phones = [PhoneView(number) for number in words["phone"]]
    if organization_name is not None:
        listing.organization = OrganizationView(organization_name,
                                                [PhoneView(number) for number in words["organization phone"]])
    if places:
        for location_id, *address in connection.execute(_ADDRESSES, {"ids": list(places)}):
            places[location_id].physical_addresses.append(AddressView(*address))
        for location_id, description, details in connection.execute(_ACCESS, {"ids": list(places)}):
            places[location_id].accessibility.append(AccessibilityView(description, details))
    listing.service_areas = [AreaView(name) for name in words["area"]]
    listing.taxonomy_terms = [terms_by_id[term_id] for term_id, *_columns in connection.execute(_TERMS, ids)
                              if term_id in terms_by_id]
    return listing


__all__ = ["ListingView", "load_listing_view"]
