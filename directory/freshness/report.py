"""The moderators' view of freshness: how much of the directory the groups confirmed in
the last six months (by ward and by category), how reminders are doing, and the call list.

The call list is for the groups e-mail cannot reach: many have no address at all (DOMAIN.md:
no computer, telephone numbers on a leaflet), some addresses bounce, some never answer.
A listing is on it when it is due for confirmation and has no keeper address, or its last
reminder was refused or could not be sent, or nobody answered within ``NO_ANSWER_DAYS``.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session, lazyload, selectinload

from ..connect.areas import Area, Ward
from ..connect.sheet import contact_numbers
from ..models import Attribute, Reminder, Service, ServiceAtLocation
from ..submissions.keepers import keeper_address
from .due import due_listings, latest_reminders

SIX_MONTHS = dt.timedelta(days=183)
NO_ANSWER_DAYS = 14
ELSEWHERE = "elsewhere"


@dataclass
class Share:
    """Listings in a group (a ward, a category) and how many were confirmed recently."""

    key: str
    label: str
    total: int = 0
    confirmed: int = 0

    @property
    def percent(self) -> int:
        return round(100 * self.confirmed / self.total) if self.total else 0


@dataclass
class CallListEntry:
    service: Service
    reason: str          # "no_address", "refused", "failed", "no_answer"
    phones: list[str]
    reminded_at: dt.datetime | None = None


@dataclass
class FreshnessReport:
    overall: Share
    by_ward: list[Share]
    by_category: list[Share]
    reminders_sent: int
    reminders_answered: int
    reminders_undelivered: int
    call_list: list[CallListEntry] = field(default_factory=list)


def _shares(rows: dict[str, Share]) -> list[Share]:
    return sorted(rows.values(), key=lambda share: (share.key == ELSEWHERE, share.percent, share.label))


def freshness_report(session: Session, today: dt.date, now: dt.datetime, stale_after_days: int, days_before: int,
                     wards: dict[str, Ward], category_name, elsewhere_label: str) -> FreshnessReport:
    """Figures over listings that are not closed; ``category_name(term)`` names a category
    in the reader's language."""
    since = today - SIX_MONTHS
    # Only what the figures read: categories and places (the rest of a listing is not needed here).
    services = list(session.scalars(select(Service).where(Service.listing_status != "closed").options(
        lazyload("*"), selectinload(Service.attributes).selectinload(Attribute.taxonomy_term),
        selectinload(Service.service_at_locations).selectinload(ServiceAtLocation.location),
        selectinload(Service.service_areas))))
    overall = Share("all", "")
    by_ward: dict[str, Share] = {}
    by_category: dict[str, Share] = {}
    areas = [Area(ward.slug, ward.name, ward) for ward in wards.values()]
    for service in services:
        fresh = service.last_verified is not None and service.last_verified >= since
        in_wards = [area for area in areas if area.contains(service)] or [Area(ELSEWHERE, elsewhere_label)]
        groups = [by_ward.setdefault(area.key, Share(area.key, area.label)) for area in in_wards]
        groups += [by_category.setdefault(term.code, Share(term.code, category_name(term)))
                   for term in dict.fromkeys(service.taxonomy_terms)]
        for share in (overall, *groups):
            share.total += 1
            share.confirmed += fresh
    counts = dict(session.execute(select(Reminder.delivery, func.count()).where(Reminder.sent_at >= since)
                                  .group_by(Reminder.delivery)).all())
    answered = session.scalar(select(func.count()).select_from(Reminder).where(
        Reminder.sent_at >= since, Reminder.answer.is_not(None), Reminder.answer != "phone")) or 0
    return FreshnessReport(overall, _shares(by_ward), _shares(by_category), counts.get("sent", 0), answered,
                           counts.get("refused", 0) + counts.get("failed", 0),
                           call_list(session, today, now, stale_after_days, days_before))


def call_list(session: Session, today: dt.date, now: dt.datetime, stale_after_days: int,
              days_before: int) -> list[CallListEntry]:
    due = due_listings(session, today, stale_after_days, days_before)
    latest = latest_reminders(session, {service.id for service in due})
    entries = []
    for service in due:
        reminder = latest.get(service.id)
        reason = _call_reason(session, service, reminder, now)
        if reason:
            entries.append(CallListEntry(service, reason, contact_numbers(service),
                                         reminder.sent_at if reminder else None))
    return entries


def _call_reason(session: Session, service: Service, reminder: Reminder | None, now: dt.datetime) -> str | None:
    if reminder is not None and reminder.delivery in ("refused", "failed"):
        return reminder.delivery
    if reminder is None or reminder.answer is not None:
        return None if keeper_address(session, service) else "no_address"
    if now - reminder.sent_at >= dt.timedelta(days=NO_ANSWER_DAYS):
        return "no_answer"
    return None
