"""The neighbourhood newsletter: a printable digest of the running activities in one area,
grouped by day of the week, as connectors go through it with people (004, Case Study 3:
"went through the LAT Newsletter to look at the different activities in the area").
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from ..models import Schedule, Service
from ..models.schedule import InvalidSchedule
from .areas import Area, active_services_in

WEEKDAYS = range(7)  # Monday = 0, as datetime and Schedule.weekdays count them


@dataclass
class NewsletterItem:
    """One activity on one weekday (a group meeting Tuesdays and Thursdays is in both)."""

    service: Service
    schedule: Schedule | None
    next_date: dt.date | None

    @property
    def sort_key(self) -> tuple:
        opens = self.schedule.opens_at if self.schedule and self.schedule.opens_at else dt.time(23, 59)
        return opens, self.service.name, self.service.id


@dataclass
class NewsletterDay:
    weekday: int | None          # None: no fixed day (ring to arrange, or comes to you)
    items: list[NewsletterItem] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"day-{self.weekday if self.weekday is not None else 'other'}"


@dataclass
class Newsletter:
    area: Area
    locale: str
    days: list[NewsletterDay]
    services: list[Service]
    made_on: dt.date


def _weekdays(schedule: Schedule) -> list[int]:
    try:
        days = schedule.weekdays
    except InvalidSchedule:
        return []
    if not days and (schedule.freq or "").upper() == "WEEKLY" and schedule.dtstart:
        days = [schedule.dtstart.weekday()]
    return days


def _next_on(schedule: Schedule, weekday: int, after: dt.datetime) -> dt.date | None:
    try:
        sessions = schedule.next_sessions(after, 14)
    except InvalidSchedule:
        return None
    return next((session.starts.date() for session in sessions if session.starts.weekday() == weekday), None)


def build_newsletter(session: Session, area: Area, locale: str, now: dt.datetime | None = None) -> Newsletter:
    """Every running listing in ``area`` under each weekday it meets, earliest first."""
    now = now or dt.datetime.now()
    services = active_services_in(session, area)
    days = {weekday: NewsletterDay(weekday) for weekday in WEEKDAYS}
    other = NewsletterDay(None)
    for service in services:
        placed = False
        for schedule in service.schedules:
            for weekday in _weekdays(schedule):
                days[weekday].items.append(NewsletterItem(service, schedule, _next_on(schedule, weekday, now)))
                placed = True
        if not placed:
            other.items.append(NewsletterItem(service, None, None))
    ordered = [day for day in days.values() if day.items] + ([other] if other.items else [])
    for day in ordered:
        day.items.sort(key=lambda item: item.sort_key)
    return Newsletter(area, locale, ordered, services, now.date())
