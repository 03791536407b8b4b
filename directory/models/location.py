"""ORUK location, physical_address, accessibility and service_at_location."""
from __future__ import annotations

from sqlalchemy import Float, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, IdMixin


class LocationReading:
    """What a page reads of a place (its address, its access codes), over plain attributes
    (``physical_addresses``, ``accessibility``). Shared by the ORM ``Location`` and the copy
    a listing page is rendered from (``directory.listing_view``), so both say the same."""

    @property
    def address(self) -> "PhysicalAddress | None":
        return self.physical_addresses[0] if self.physical_addresses else None

    @property
    def accessibility_codes(self) -> list[str]:
        """The access features the filters know: a code given as such, or recognised in a
        publisher's free text (``access_features``)."""
        return list(dict.fromkeys(code for item in self.accessibility for code in item.feature_codes))


class AddressLines:
    """An address as printed (shared like ``LocationReading``)."""

    def lines(self) -> list[str]:
        """The address as printed on an envelope, blank parts left out."""
        parts = [self.attention, self.address_1, self.address_2, self.city, self.postal_code]
        return [part for part in parts if part]


class AccessibilityReading:
    """What an access feature means to the filters (shared like ``LocationReading``)."""

    @property
    def is_code(self) -> bool:
        from ..vocabulary import ACCESSIBILITY

        return self.description in ACCESSIBILITY

    @property
    def feature_codes(self) -> list[str]:
        if self.is_code:
            return [self.description]
        from ..access_features import recognise

        return recognise(self.description, self.details)


class Location(LocationReading, IdMixin, Base):
    """A place where a service happens (ORUK ``location``), with its WGS84 point."""

    __tablename__ = "location"
    __table_args__ = (Index("ix_location_lat_lon", "latitude", "longitude"),)

    location_type: Mapped[str] = mapped_column(String(32), default="physical")
    url: Mapped[str | None] = mapped_column(String(512))
    organization_id: Mapped[str | None] = mapped_column(ForeignKey("organization.id", ondelete="SET NULL"), index=True)
    name: Mapped[str | None] = mapped_column(String(255))
    alternate_name: Mapped[str | None] = mapped_column(String(255))
    description: Mapped[str | None] = mapped_column(Text)
    # Free text in ORUK; we keep bus routes and the nearest stop here for the printed sheet.
    transportation: Mapped[str | None] = mapped_column(Text)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    external_identifier: Mapped[str | None] = mapped_column(String(255))
    external_identifier_type: Mapped[str | None] = mapped_column(String(255))

    physical_addresses: Mapped[list["PhysicalAddress"]] = relationship(
        back_populates="location", cascade="all, delete-orphan", lazy="selectin")
    accessibility: Mapped[list["Accessibility"]] = relationship(
        back_populates="location", cascade="all, delete-orphan", lazy="selectin")
    service_at_locations: Mapped[list["ServiceAtLocation"]] = relationship(back_populates="location")


class PhysicalAddress(AddressLines, IdMixin, Base):
    """A postal address of a location (ORUK ``physical_address``)."""

    __tablename__ = "physical_address"

    location_id: Mapped[str] = mapped_column(ForeignKey("location.id", ondelete="CASCADE"), index=True)
    attention: Mapped[str | None] = mapped_column(String(255))
    address_1: Mapped[str] = mapped_column(String(255))
    address_2: Mapped[str | None] = mapped_column(String(255))
    city: Mapped[str] = mapped_column(String(255))
    region: Mapped[str | None] = mapped_column(String(255))
    state_province: Mapped[str | None] = mapped_column(String(255))
    postal_code: Mapped[str] = mapped_column(String(16), index=True)
    country: Mapped[str] = mapped_column(String(2), default="GB")

    location: Mapped[Location] = relationship(back_populates="physical_addresses")


class Accessibility(AccessibilityReading, IdMixin, Base):
    """One access feature of a location (ORUK ``accessibility``).

    ``description`` holds either a code from ``vocabulary.ACCESSIBILITY`` (what our own
    forms and seed files write) or, as ORUK allows, a publisher's free text ("The building
    is equipped with induction loops…"), kept verbatim; ``details`` holds more of the
    group's own words ("ramp at the side door"). ``feature_codes`` is what the filters use.
    """

    __tablename__ = "accessibility"

    location_id: Mapped[str] = mapped_column(ForeignKey("location.id", ondelete="CASCADE"), index=True)
    description: Mapped[str | None] = mapped_column(Text)
    details: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(String(512))

    location: Mapped[Location] = relationship(back_populates="accessibility")


class ServiceAtLocation(IdMixin, Base):
    """Links a service to a place it happens (ORUK ``service_at_location``)."""

    __tablename__ = "service_at_location"

    service_id: Mapped[str] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"), index=True)
    location_id: Mapped[str] = mapped_column(ForeignKey("location.id", ondelete="CASCADE"), index=True)
    description: Mapped[str | None] = mapped_column(Text)

    service: Mapped["Service"] = relationship(back_populates="service_at_locations")  # noqa: F821
    location: Mapped[Location] = relationship(back_populates="service_at_locations", lazy="selectin")
