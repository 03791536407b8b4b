"""ORUK service with its languages, costs and service areas, plus our extension fields.

The extension fields (gender, faith setting, food, how to join, listing status, last
verified, translations) answer the barriers DOMAIN.md lists; ORUK has no column for them.
"""
from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Integer, Numeric, String, Text, UniqueConstraint, and_
from sqlalchemy.orm import Mapped, foreign, mapped_column, relationship

from .base import Base, IdMixin
from .location import ServiceAtLocation
from .organization import Contact, Organization, Phone
from .schedule import InvalidSchedule, Schedule, Session
from .taxonomy import Attribute


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class ListingReading:
    """What a page reads of a listing, over plain attributes (locale, name, description,
    translations, cost_options, schedules, last_verified).

    Why a mixin: a result card is rendered from the ORM ``Service`` or from the copy the
    index keeps of it (``directory.card_facts``), a listing page from rows
    (``directory.listing_view``), and all must say the same, so they share this code.
    """

    def text_in(self, locale: str) -> tuple[str, str | None, str]:
        """(name, description, locale actually used) for a reader of ``locale``.

        Falls back to the original language, which the caller marks with a ``lang``
        attribute so screen readers pronounce it correctly.
        """
        if locale == self.locale:
            return self.name, self.description, self.locale
        for item in self.translations:
            if item.locale == locale:
                return item.name or self.name, item.description or self.description, locale
        return self.name, self.description, self.locale

    def texts_by_locale(self) -> dict[str, tuple[str, str | None]]:
        """Every locale the listing is written in, original first."""
        texts = {self.locale: (self.name, self.description)}
        for item in self.translations:
            texts.setdefault(item.locale, (item.name or self.name, item.description))
        return texts

    @property
    def is_free(self) -> bool:
        amounts = [option.amount for option in self.cost_options if option.amount is not None]
        return not amounts or all(amount == 0 for amount in amounts)

    def next_sessions(self, after: dt.datetime | None = None, count: int = 3) -> list[Session]:
        """The next ``count`` sessions over all the service's schedules, soonest first.

        A schedule whose rule cannot be expanded (an imported "9MO") gives no dates; the
        listing still shows its description."""
        after = after or dt.datetime.now()
        sessions = []
        for schedule in self.schedules:
            try:
                sessions += schedule.next_sessions(after, count)
            except InvalidSchedule:
                continue
        return sorted(sessions, key=lambda session: session.starts)[:count]

    def is_stale(self, today: dt.date, stale_after_days: int) -> bool:
        """Not confirmed by the group for too long (DOMAIN.md: stale listings are the
        commonest complaint about every directory)."""
        return self.last_verified is None or (today - self.last_verified).days > stale_after_days


class Service(ListingReading, IdMixin, Base):
    """An activity or support offered to people (ORUK ``service``).

    ``name`` and ``description`` are written in ``locale`` (the listing's original
    language); ``translations`` holds the other locales.
    """

    __tablename__ = "service"

    organization_id: Mapped[str] = mapped_column(ForeignKey("organization.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(255))
    alternate_name: Mapped[str | None] = mapped_column(String(255))
    description: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(String(512))
    email: Mapped[str | None] = mapped_column(String(255))
    status: Mapped[str] = mapped_column(String(32), default="active")
    interpretation_services: Mapped[str | None] = mapped_column(Text)
    application_process: Mapped[str | None] = mapped_column(Text)
    fees_description: Mapped[str | None] = mapped_column(Text)
    eligibility_description: Mapped[str | None] = mapped_column(Text)
    minimum_age: Mapped[int | None] = mapped_column(Integer)
    maximum_age: Mapped[int | None] = mapped_column(Integer)
    alert: Mapped[str | None] = mapped_column(Text)
    assured_date: Mapped[dt.date | None] = mapped_column(Date)
    last_modified: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    # --- Community Signpost extensions (vocabularies in directory.vocabulary) ---
    locale: Mapped[str] = mapped_column(String(16), default="en")
    gender: Mapped[str] = mapped_column(String(16), default="mixed")
    faith_setting: Mapped[str] = mapped_column(String(16), default="none")
    food: Mapped[list[str]] = mapped_column(JSON, default=list)
    how_to_join: Mapped[str] = mapped_column(String(16), default="drop_in")
    transport_provided: Mapped[bool] = mapped_column(Boolean, default=False)
    carers_welcome: Mapped[bool] = mapped_column(Boolean, default=False)
    listing_status: Mapped[str] = mapped_column(String(16), default="active", index=True)
    last_verified: Mapped[dt.date | None] = mapped_column(Date)

    organization: Mapped[Organization] = relationship(back_populates="services", lazy="selectin")
    translations: Mapped[list["ServiceTranslation"]] = relationship(
        back_populates="service", cascade="all, delete-orphan", lazy="selectin")
    service_at_locations: Mapped[list[ServiceAtLocation]] = relationship(
        back_populates="service", cascade="all, delete-orphan", lazy="selectin")
    schedules: Mapped[list[Schedule]] = relationship(
        back_populates="service", cascade="all, delete-orphan", lazy="selectin")
    languages: Mapped[list["Language"]] = relationship(
        back_populates="service", cascade="all, delete-orphan", lazy="selectin")
    cost_options: Mapped[list["CostOption"]] = relationship(
        back_populates="service", cascade="all, delete-orphan", lazy="selectin")
    contacts: Mapped[list[Contact]] = relationship(
        back_populates="service", cascade="all, delete-orphan", lazy="selectin")
    phones: Mapped[list[Phone]] = relationship(
        primaryjoin="and_(Service.id == Phone.service_id, Phone.contact_id.is_(None))",
        cascade="all, delete-orphan", lazy="selectin", overlaps="phones")
    service_areas: Mapped[list["ServiceArea"]] = relationship(
        back_populates="service", cascade="all, delete-orphan", lazy="selectin")
    attributes: Mapped[list[Attribute]] = relationship(
        primaryjoin=lambda: and_(Service.id == foreign(Attribute.link_id), Attribute.link_entity == "service"),
        cascade="all, delete-orphan", lazy="selectin")

    # ---- reading helpers used by pages, the API and the index (and ListingReading's) ----
    @property
    def taxonomy_terms(self):
        return [attribute.taxonomy_term for attribute in self.attributes]

    @property
    def locations(self):
        return [link.location for link in self.service_at_locations]

    @property
    def language_codes(self) -> list[str]:
        return [language.code for language in self.languages if language.code]


class ServiceTranslation(Base):
    """A service's name and description in another locale (extension to ORUK)."""

    __tablename__ = "service_translation"
    __table_args__ = (UniqueConstraint("service_id", "locale"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    service_id: Mapped[str] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"), index=True)
    locale: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(255))
    description: Mapped[str | None] = mapped_column(Text)

    service: Mapped[Service] = relationship(back_populates="translations")


class Language(IdMixin, Base):
    """A language spoken **in the session** (ORUK ``language``), not just on a leaflet."""

    __tablename__ = "language"

    service_id: Mapped[str | None] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"), index=True)
    location_id: Mapped[str | None] = mapped_column(ForeignKey("location.id", ondelete="CASCADE"), index=True)
    phone_id: Mapped[str | None] = mapped_column(ForeignKey("phone.id", ondelete="CASCADE"), index=True)
    name: Mapped[str | None] = mapped_column(String(64))
    code: Mapped[str | None] = mapped_column(String(16), index=True)  # ISO 639
    note: Mapped[str | None] = mapped_column(Text)

    service: Mapped[Service | None] = relationship(back_populates="languages")


class CostOption(IdMixin, Base):
    """What it costs to take part (ORUK ``cost_option``); amount 0 means free."""

    __tablename__ = "cost_option"

    service_id: Mapped[str] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"), index=True)
    valid_from: Mapped[dt.date | None] = mapped_column(Date)
    valid_to: Mapped[dt.date | None] = mapped_column(Date)
    option: Mapped[str | None] = mapped_column(String(255))
    currency: Mapped[str | None] = mapped_column(String(3))
    amount: Mapped[Decimal | None] = mapped_column(Numeric(10, 2))
    amount_description: Mapped[str | None] = mapped_column(Text)

    service: Mapped[Service] = relationship(back_populates="cost_options")


class ServiceArea(IdMixin, Base):
    """The area a service covers when it comes to you (ORUK ``service_area``).

    ``extent`` is GeoJSON text: a Polygon/MultiPolygon (or a Feature holding one), or — a
    documented extension — a Point Feature with ``properties.radius`` in metres.
    """

    __tablename__ = "service_area"

    service_id: Mapped[str | None] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"), index=True)
    service_at_location_id: Mapped[str | None] = mapped_column(
        ForeignKey("service_at_location.id", ondelete="CASCADE"), index=True)
    name: Mapped[str | None] = mapped_column(String(255))
    description: Mapped[str | None] = mapped_column(Text)
    extent: Mapped[str | None] = mapped_column(Text)
    extent_type: Mapped[str | None] = mapped_column(String(32), default="geojson")
    uri: Mapped[str | None] = mapped_column(String(512))

    service: Mapped[Service | None] = relationship(back_populates="service_areas")

    def geometry(self):
        """The area as a shapely geometry in lon/lat (GeoJSON axis order), or None."""
        from ..geography import area_geometry  # shapely is only needed when areas are read

        return area_geometry(json.loads(self.extent)) if self.extent else None
