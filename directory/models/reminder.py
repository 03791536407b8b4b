"""Keeping listings true: who keeps each listing, the reminders sent to them and the
one-click links those reminders carry (extensions to ORUK; nothing here is published).

Like the submission tables, rows point at a listing by ``listing_id`` (not ``service_id``):
a reminder must outlive a deleted listing in the record, and writing one must not make the
search index re-read the listing (only an answer that changes the listing does that).
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import ID_LENGTH, Base, IdMixin
from .submission import utcnow

REMINDER_PURPOSES = ("confirm", "edit", "stop")
"""The three links of a reminder: "Still right", "Change something", "We have stopped or paused"."""
DELIVERY_STATES = ("sent", "refused", "failed")
"""``refused``: the mail server would not take the address (asking again will not help);
``failed``: the server could not be reached or broke off (the next run tries again)."""


class ListingKeeper(Base):
    """The address a moderator set (or the group gave when it submitted) for a listing's
    reminders. Without one, the listing's own e-mail addresses are used (see
    ``directory.freshness.keepers``)."""

    __tablename__ = "listing_keeper"

    listing_id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    email: Mapped[str | None] = mapped_column(String(255))
    set_by: Mapped[str] = mapped_column(String(255))
    set_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class Reminder(IdMixin, Base):
    """One attempt to ask a listing's keeper whether it is still right, and the answer."""

    __tablename__ = "reminder"

    listing_id: Mapped[str] = mapped_column(String(ID_LENGTH), index=True)
    recipient: Mapped[str] = mapped_column(String(255))
    locale: Mapped[str] = mapped_column(String(16))
    sent_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)
    delivery: Mapped[str] = mapped_column(String(16))
    error: Mapped[str | None] = mapped_column(Text)
    answered_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    answer: Mapped[str | None] = mapped_column(String(16))
    paused_until: Mapped[dt.date | None] = mapped_column(Date)

    tokens: Mapped[list["ReminderToken"]] = relationship(back_populates="reminder", cascade="all, delete-orphan")


class ReminderToken(IdMixin, Base):
    """A reminder link: signed with the site's secret, good for one purpose, for a limited
    time. Only a SHA-256 of the link's token is stored, as for edit links."""

    __tablename__ = "reminder_token"

    reminder_id: Mapped[str] = mapped_column(ForeignKey("reminder.id", ondelete="CASCADE"), index=True)
    listing_id: Mapped[str] = mapped_column(String(ID_LENGTH), index=True)
    purpose: Mapped[str] = mapped_column(String(8))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime)
    used_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    reminder: Mapped[Reminder] = relationship(back_populates="tokens")
