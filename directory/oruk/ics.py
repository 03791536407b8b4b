"""iCalendar export (RFC 5545, via the ``icalendar`` library): one VEVENT per schedule,
its recurrence as an RRULE, so a calendar app shows every future session."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Calendar, Event, vRecur

from ..models import Schedule, Service

DEFAULT_TIMEZONE = "Europe/London"
PRODID = "-//Community Signpost//Open Referral UK export//EN"


def _zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or DEFAULT_TIMEZONE)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_TIMEZONE)


def _rrule(schedule: Schedule) -> vRecur | None:
    if not schedule.freq:
        return None
    rule = {"FREQ": schedule.freq.upper()}
    if schedule.interval and schedule.interval != 1:
        rule["INTERVAL"] = schedule.interval
    if schedule.byday:
        rule["BYDAY"] = [part.strip().upper() for part in schedule.byday.split(",") if part.strip()]
    if schedule.bymonthday:
        rule["BYMONTHDAY"] = [int(part) for part in schedule.bymonthday.split(",") if part.strip()]
    last = min((day for day in (schedule.until, schedule.valid_to) if day), default=None)
    if last:
        rule["UNTIL"] = dt.datetime.combine(last, dt.time(23, 59, 59), tzinfo=dt.UTC)
    elif schedule.count:
        rule["COUNT"] = schedule.count
    return vRecur(rule)


def schedule_event(service: Service, schedule: Schedule) -> Event | None:
    """A VEVENT for the schedule, or None when it has no date to start from."""
    start_day = schedule.dtstart or schedule.valid_from
    if start_day is None and schedule.freq:
        start_day = dt.date(2000, 1, 1)
    if start_day is None:
        return None
    zone = _zone(schedule.timezone)
    event = Event()
    event.add("uid", f"{schedule.id}@community-signpost")
    event.add("dtstamp", (service.last_modified or dt.datetime(2000, 1, 1)).replace(tzinfo=dt.UTC))
    event.add("summary", service.name)
    if service.description:
        event.add("description", "\n\n".join(part for part in (service.description, schedule.description,
                                                                 schedule.notes) if part))
    if schedule.opens_at is not None:
        event.add("dtstart", dt.datetime.combine(start_day, schedule.opens_at, tzinfo=zone))
        if schedule.closes_at is not None and schedule.closes_at > schedule.opens_at:
            event.add("dtend", dt.datetime.combine(start_day, schedule.closes_at, tzinfo=zone))
    else:
        event.add("dtstart", start_day)
    rule = _rrule(schedule)
    if rule is not None:
        event.add("rrule", rule)
    location = next((link.location for link in sorted(service.service_at_locations, key=lambda item: item.id)), None)
    if location is not None:
        address = location.address
        event.add("location", ", ".join([part for part in [location.name] if part] + (address.lines() if address else [])))
        if location.latitude is not None and location.longitude is not None:
            event.add("geo", (location.latitude, location.longitude))
    if service.url:
        event.add("url", service.url)
    return event


def to_ics(services: Iterable[Service]) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Community Signpost")
    for service in services:
        for schedule in sorted(service.schedules, key=lambda item: item.id):
            event = schedule_event(service, schedule)
            if event is not None:
                calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
