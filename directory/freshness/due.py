"""Which listings are due for confirmation, and whose keeper was asked recently.

A listing is due ``days_before`` its last confirmation turns stale (and stays due once
stale) while it is not closed. A group that said it is paused until a date is not asked
before that date: it told us already.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..models import Reminder, Service

ASKED = ("sent", "refused")
"""Deliveries that count as asking: a refused address is not retried until the interval
has passed (the listing goes on the call list meanwhile); a failed one is retried next run."""


def due_listings(session: Session, today: dt.date, stale_after_days: int, days_before: int) -> list[Service]:
    cutoff = today - dt.timedelta(days=max(stale_after_days - days_before, 0))
    paused = select(Reminder.listing_id).where(Reminder.paused_until > today)
    return list(session.scalars(
        select(Service).where(Service.listing_status != "closed", Service.id.not_in(paused),
                              or_(Service.last_verified.is_(None), Service.last_verified <= cutoff))
        .order_by(Service.last_verified.is_not(None), Service.last_verified, Service.name)))


def recently_asked(session: Session, now: dt.datetime, interval_days: int) -> set[str]:
    since = now - dt.timedelta(days=interval_days)
    return set(session.scalars(select(Reminder.listing_id).where(Reminder.delivery.in_(ASKED),
                                                                 Reminder.sent_at >= since)))


def needs_asking(session: Session, today: dt.date, now: dt.datetime, stale_after_days: int, days_before: int,
                 interval_days: int) -> list[Service]:
    """Due listings whose keeper was not asked in the last ``interval_days``."""
    asked = recently_asked(session, now, interval_days)
    return [service for service in due_listings(session, today, stale_after_days, days_before)
            if service.id not in asked]


def latest_reminders(session: Session, listing_ids: set[str]) -> dict[str, Reminder]:
    """The most recent reminder of each listing (sent or not)."""
    latest: dict[str, Reminder] = {}
    if not listing_ids:
        return latest
    for reminder in session.scalars(select(Reminder).where(Reminder.listing_id.in_(listing_ids))
                                    .order_by(Reminder.sent_at)):
        latest[reminder.listing_id] = reminder
    return latest
