"""ORUK organization, contact and phone."""
from __future__ import annotations

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, IdMixin


class Organization(IdMixin, Base):
    """The group or body that runs one or more services (ORUK ``organization``)."""

    __tablename__ = "organization"

    name: Mapped[str] = mapped_column(String(255))
    alternate_name: Mapped[str | None] = mapped_column(String(255))
    description: Mapped[str | None] = mapped_column(Text)
    email: Mapped[str | None] = mapped_column(String(255))
    website: Mapped[str | None] = mapped_column(String(512))
    logo: Mapped[str | None] = mapped_column(String(512))
    uri: Mapped[str | None] = mapped_column(String(512))

    services: Mapped[list["Service"]] = relationship(back_populates="organization")  # noqa: F821
    phones: Mapped[list["Phone"]] = relationship(
        back_populates="organization", cascade="all, delete-orphan", lazy="selectin")


class Contact(IdMixin, Base):
    """A named person or role to speak to (ORUK ``contact``)."""

    __tablename__ = "contact"

    organization_id: Mapped[str | None] = mapped_column(ForeignKey("organization.id", ondelete="CASCADE"), index=True)
    service_id: Mapped[str | None] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"), index=True)
    service_at_location_id: Mapped[str | None] = mapped_column(
        ForeignKey("service_at_location.id", ondelete="CASCADE"), index=True)
    location_id: Mapped[str | None] = mapped_column(ForeignKey("location.id", ondelete="CASCADE"), index=True)
    name: Mapped[str | None] = mapped_column(String(255))
    title: Mapped[str | None] = mapped_column(String(255))
    department: Mapped[str | None] = mapped_column(String(255))
    email: Mapped[str | None] = mapped_column(String(255))

    service: Mapped["Service | None"] = relationship(back_populates="contacts")  # noqa: F821
    phones: Mapped[list["Phone"]] = relationship(
        back_populates="contact", cascade="all, delete-orphan", lazy="selectin")


class Phone(IdMixin, Base):
    """A telephone number (ORUK ``phone``): the main way many participants get in touch."""

    __tablename__ = "phone"

    location_id: Mapped[str | None] = mapped_column(ForeignKey("location.id", ondelete="CASCADE"), index=True)
    service_id: Mapped[str | None] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"), index=True)
    organization_id: Mapped[str | None] = mapped_column(ForeignKey("organization.id", ondelete="CASCADE"), index=True)
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"), index=True)
    service_at_location_id: Mapped[str | None] = mapped_column(
        ForeignKey("service_at_location.id", ondelete="CASCADE"), index=True)
    number: Mapped[str] = mapped_column(String(64))
    extension: Mapped[str | None] = mapped_column(String(32))
    type: Mapped[str | None] = mapped_column(String(32))
    description: Mapped[str | None] = mapped_column(Text)

    organization: Mapped[Organization | None] = relationship(back_populates="phones")
    contact: Mapped[Contact | None] = relationship(back_populates="phones")
