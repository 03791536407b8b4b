"""ORUK schedule: iCalendar-style recurrence, expanded to the next real sessions.

A lunch club's "every Tuesday 10:00-12:00, not in August" is stored the ORUK way (freq,
interval, byday, bymonthday, dtstart, valid_from/valid_to, opens_at/closes_at) and turned into
dates with python-dateutil's rrule, the same rules an iCalendar client applies.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dateutil import rrule
from dateutil.relativedelta import relativedelta
from sqlalchemy import Date, ForeignKey, Integer, String, Text, Time
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, IdMixin

FREQUENCIES = {"WEEKLY": rrule.WEEKLY, "MONTHLY": rrule.MONTHLY, "DAILY": rrule.DAILY, "YEARLY": rrule.YEARLY}
WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_RRULE_WEEKDAYS = dict(zip(WEEKDAY_CODES, (rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU)))


class InvalidSchedule(ValueError):
    """A schedule whose recurrence cannot be expanded (bad byday code, unknown freq)."""


@dataclass(frozen=True)
class Session:
    """One occurrence of a schedule: a start and (when known) an end."""

    starts: dt.datetime
    ends: dt.datetime | None


def parse_byday(byday: str | None) -> list[rrule.weekday]:
    """Parse iCalendar BYDAY ("TU", "MO,TH", "1MO", "-1FR") into rrule weekdays."""
    days = []
    for part in (byday or "").replace(" ", "").split(","):
        if not part:
            continue
        code, ordinal = part[-2:].upper(), part[:-2]
        if code not in _RRULE_WEEKDAYS:
            raise InvalidSchedule(f"unknown weekday {part!r} in byday")
        try:
            days.append(_RRULE_WEEKDAYS[code](int(ordinal)) if ordinal else _RRULE_WEEKDAYS[code])
        except ValueError as error:
            raise InvalidSchedule(f"bad weekday ordinal {part!r} in byday") from error
    return days


class Schedule(IdMixin, Base):
    """When a service runs (ORUK ``schedule``, RFC 5545 recurrence fields)."""

    __tablename__ = "schedule"

    service_id: Mapped[str | None] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"), index=True)
    location_id: Mapped[str | None] = mapped_column(ForeignKey("location.id", ondelete="CASCADE"), index=True)
    service_at_location_id: Mapped[str | None] = mapped_column(
        ForeignKey("service_at_location.id", ondelete="CASCADE"), index=True)
    valid_from: Mapped[dt.date | None] = mapped_column(Date)
    valid_to: Mapped[dt.date | None] = mapped_column(Date)
    dtstart: Mapped[dt.date | None] = mapped_column(Date)
    timezone: Mapped[str | None] = mapped_column(String(64))
    until: Mapped[dt.date | None] = mapped_column(Date)
    count: Mapped[int | None] = mapped_column(Integer)
    wkst: Mapped[str | None] = mapped_column(String(2))
    freq: Mapped[str | None] = mapped_column(String(16))
    interval: Mapped[int | None] = mapped_column(Integer)
    byday: Mapped[str | None] = mapped_column(String(64))
    byweekno: Mapped[str | None] = mapped_column(String(64))
    bymonthday: Mapped[str | None] = mapped_column(String(64))
    byyearday: Mapped[str | None] = mapped_column(String(64))
    description: Mapped[str | None] = mapped_column(Text)
    opens_at: Mapped[dt.time | None] = mapped_column(Time)
    closes_at: Mapped[dt.time | None] = mapped_column(Time)
    schedule_link: Mapped[str | None] = mapped_column(String(512))
    attending_type: Mapped[str | None] = mapped_column(String(64))
    notes: Mapped[str | None] = mapped_column(Text)

    service: Mapped["Service | None"] = relationship(back_populates="schedules")  # noqa: F821

    @property
    def weekdays(self) -> list[int]:
        """Weekday numbers (Monday = 0) this schedule can fall on, for day-of-week filters."""
        return sorted({day.weekday for day in parse_byday(self.byday)})

    def recurrence(self, near: dt.datetime | None = None) -> rrule.rrule | None:
        """The dateutil rrule for this schedule, or None when it is not recurring.

        With ``near``, the rule starts whole periods later than the schedule (at least one
        period before ``near``): its dates from then on are the same, and finding the next
        session no longer steps through every week since the group began.
        """
        if not self.freq:
            return None
        freq = FREQUENCIES.get(self.freq.upper())
        if freq is None:
            raise InvalidSchedule(f"unknown freq {self.freq!r}")
        start = self.dtstart or self.valid_from or dt.date(2000, 1, 1)
        opens = self.opens_at or dt.time(0, 0)
        options = {
            "dtstart": dt.datetime.combine(start, opens),
            "interval": self.interval or 1,
        }
        if self.byday:
            options["byweekday"] = parse_byday(self.byday)
        if self.bymonthday:
            options["bymonthday"] = [int(day) for day in self.bymonthday.split(",") if day.strip()]
        elif freq == rrule.MONTHLY and not self.byday:
            options["bymonthday"] = [start.day]  # what rrule would take from dtstart, which may move
        last_day = min((day for day in (self.until, self.valid_to) if day), default=None)
        if last_day:
            options["until"] = dt.datetime.combine(last_day, dt.time(23, 59))
        if self.count:
            options["count"] = self.count  # counted from the real start: it cannot move
        elif near is not None:
            options["dtstart"] = _moved_start(options["dtstart"], freq, options["interval"], near)
        return rrule.rrule(freq, **options)

    def next_sessions(self, after: dt.datetime, count: int = 3) -> list[Session]:
        """The next ``count`` sessions starting at or after ``after``, within valid dates."""
        rule = self.recurrence(near=after)
        if rule is None:
            return self._single_session(after)
        if self.valid_from and after.date() < self.valid_from:
            after = dt.datetime.combine(self.valid_from, dt.time(0, 0))
        sessions = []
        starts = rule.after(after, inc=True)
        while starts is not None and len(sessions) < count:
            sessions.append(Session(starts, self._end_for(starts)))
            starts = rule.after(starts, inc=False)
        return sessions

    def _single_session(self, after: dt.datetime) -> list[Session]:
        if not self.dtstart:
            return []
        starts = dt.datetime.combine(self.dtstart, self.opens_at or dt.time(0, 0))
        return [Session(starts, self._end_for(starts))] if starts >= after else []

    def _end_for(self, starts: dt.datetime) -> dt.datetime | None:
        if self.closes_at is None:
            return None
        return dt.datetime.combine(starts.date(), self.closes_at)


def _moved_start(start: dt.datetime, freq: int, interval: int, near: dt.datetime) -> dt.datetime:
    """``start`` moved forward by whole periods of a rule, to at least one period before
    ``near`` (never backward): a weekly club that began in 2015 is 500 rrule steps from
    today otherwise."""
    if freq in (rrule.DAILY, rrule.WEEKLY):
        period = dt.timedelta(days=interval * (7 if freq == rrule.WEEKLY else 1))
        periods = (near - start) // period - 1
        return start + periods * period if periods > 0 else start
    if freq == rrule.MONTHLY:
        months = (near.year - start.year) * 12 + near.month - start.month
        periods = months // interval - 1
        return start + relativedelta(months=periods * interval) if periods > 0 else start
    return start
