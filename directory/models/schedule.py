"""ORUK schedule: iCalendar-style recurrence, expanded to the next real sessions.

A lunch club's "every Tuesday 10:00-12:00, not in August" is stored the ORUK way (freq,
interval, byday, bymonthday, dtstart, valid_from/valid_to, opens_at/closes_at) and turned into
dates with python-dateutil's rrule, the same rules an iCalendar client applies.
"""
from __future__ import annotations

import calendar
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


MAX_INTERVAL = 1000
"""A rule repeating less often than every thousand periods is not a schedule a person can
use; dateutil overflows a C int on the absurd values a feed can carry."""

MAX_COUNT = 1000
"""A course of more than a thousand sessions is a mistake in a feed, not a course (a daily
class for three years). A counted rule cannot move its start near today, so dateutil steps
through every session since it began: a count of 10^12 from the year 1 cost 7 s of CPU for
one listing card."""


def parse_byday(byday: str | None) -> list[rrule.weekday]:
    """Parse iCalendar BYDAY ("TU", "MO,TH", "1MO", "-1FR") into rrule weekdays.

    Ordinals are RFC 5545's: 1 to 53, or -53 to -1 (dateutil fails with an IndexError on
    others, and an imported feed may carry anything)."""
    days = []
    for part in (byday or "").replace(" ", "").split(","):
        if not part:
            continue
        code, ordinal = part[-2:].upper(), part[:-2]
        if code not in _RRULE_WEEKDAYS:
            raise InvalidSchedule(f"unknown weekday {part!r} in byday")
        try:
            number = int(ordinal) if ordinal else None
        except ValueError as error:
            raise InvalidSchedule(f"bad weekday ordinal {part!r} in byday") from error
        if number is not None and not 1 <= abs(number) <= 53:
            raise InvalidSchedule(f"bad weekday ordinal {part!r} in byday")
        days.append(_RRULE_WEEKDAYS[code](number) if number else _RRULE_WEEKDAYS[code])
    return days


def parse_bymonthday(bymonthday: str | None) -> list[int]:
    """Parse iCalendar BYMONTHDAY ("1,15", "-1") into days of the month (1 to 31, -31 to -1)."""
    days = []
    for part in (bymonthday or "").replace(" ", "").split(","):
        if not part:
            continue
        try:
            day = int(part)
        except ValueError as error:
            raise InvalidSchedule(f"bad day of the month {part!r} in bymonthday") from error
        if not 1 <= abs(day) <= 31:
            raise InvalidSchedule(f"bad day of the month {part!r} in bymonthday")
        days.append(day)
    return days


def _weekday_days(ordinal: int) -> range:
    """The days of a month the ``ordinal``-th weekday of it can fall on (1MO: 1-7; -1FR: 22-31)."""
    if ordinal > 0:
        return range(7 * ordinal - 6, 7 * ordinal + 1)
    return range(29 + 7 * ordinal, 39 + 7 * ordinal)  # the month's last day is the 28th to the 31st


def _monthday_days(day: int) -> range:
    """The days of a month BYMONTHDAY ``day`` can be (-1: the 28th to the 31st)."""
    return range(day, day + 1) if day > 0 else range(29 + day, 33 + day)


def check_rule(freq: str | None, interval: int | None, byday: str | None, bymonthday: str | None,
               count: int | None = None) -> tuple[list[rrule.weekday], list[int]]:
    """The rule's weekdays and days of the month, parsed; or raise InvalidSchedule for a rule
    dateutil cannot expand, or only at great cost: an unknown frequency, an interval or a count
    below 1 or over MAX_INTERVAL / MAX_COUNT, a bad weekday or day of the month, or a monthly
    ordinal past the fifth ("6MO": dateutil fails with an IndexError). An interval or count of
    0 is read as none, as it always was."""
    if freq and freq.upper() not in FREQUENCIES:
        raise InvalidSchedule(f"unknown freq {freq!r}")
    if interval is not None and not 0 <= interval <= MAX_INTERVAL:
        raise InvalidSchedule(f"interval {interval} is not 1 to {MAX_INTERVAL}")
    if count is not None and not 0 <= count <= MAX_COUNT:
        raise InvalidSchedule(f"count {count} is not 1 to {MAX_COUNT}")
    weekdays, monthdays = parse_byday(byday), parse_bymonthday(bymonthday)
    if (freq or "").upper() == "MONTHLY" and any(day.n and abs(day.n) > 5 for day in weekdays):
        raise InvalidSchedule(f"a month has no weekday {byday!r}")
    return weekdays, monthdays


def never_falls(freq: int, weekdays: list[rrule.weekday], monthdays: list[int]) -> bool:
    """True for a monthly rule no month can satisfy ("1MO" on the 15th).

    dateutil looks for such a rule's next date month by month up to the year 9999 (half a
    second of CPU for each listing card showing it); these are recognised first. Only
    certain cases are: a rule that is merely rare is left to dateutil."""
    if freq != rrule.MONTHLY or not weekdays or not monthdays or any(not day.n for day in weekdays):
        return False
    return not any(set(_weekday_days(day.n)) & set(_monthday_days(monthday))
                   for day in weekdays for monthday in monthdays)


class ScheduleRules:
    """The recurrence arithmetic of a schedule, over plain attributes (freq, interval, byday,
    bymonthday, count, dtstart, valid_from, valid_to, until, opens_at, closes_at).

    Why a mixin: the ORM ``Schedule`` and the prepared copy a result card is rendered from
    (``directory.card_facts``) must find the same next session, so they share this code.
    """

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
        weekdays, monthdays = check_rule(self.freq, self.interval, self.byday, self.bymonthday, self.count)
        freq, interval = FREQUENCIES[self.freq.upper()], self.interval or 1
        start = self.dtstart or self.valid_from or dt.date(2000, 1, 1)
        opens = self.opens_at or dt.time(0, 0)
        options = {
            "dtstart": dt.datetime.combine(start, opens),
            "interval": interval,
        }
        if self.byday:
            options["byweekday"] = weekdays
        if self.bymonthday:
            options["bymonthday"] = monthdays
        elif freq == rrule.MONTHLY and not self.byday:
            options["bymonthday"] = [start.day]  # what rrule would take from dtstart, which may move
        last_day = min((day for day in (self.until, self.valid_to) if day), default=None)
        if last_day:
            options["until"] = dt.datetime.combine(last_day, dt.time(23, 59))
        if self.count:
            options["count"] = self.count  # counted from the real start: it cannot move
        elif near is not None:
            options["dtstart"] = _moved_start(options["dtstart"], freq, options["interval"], near)
        try:
            return rrule.rrule(freq, **options)
        except (ValueError, OverflowError) as error:  # what dateutil says of a value it cannot use
            raise InvalidSchedule(str(error)) from error

    def next_sessions(self, after: dt.datetime, count: int = 3) -> list[Session]:
        """The next ``count`` sessions starting at or after ``after``, within valid dates.

        Raises InvalidSchedule for a rule that cannot be expanded (Service.next_sessions
        leaves such a schedule out)."""
        if self.freq and self.valid_from and after.date() < self.valid_from:
            # before the rule is made, so that it starts near valid_from, not near today
            # (a feed's valid_from in the year 9999 cost 1.4 s of CPU per card)
            after = dt.datetime.combine(self.valid_from, dt.time(0, 0))
        counted = _counted_sessions(self, after, count)
        if counted is not None:
            return counted
        rule = self.recurrence(near=after)
        if rule is None:
            return self._single_session(after)
        if never_falls(FREQUENCIES[self.freq.upper()], parse_byday(self.byday), parse_bymonthday(self.bymonthday)):
            return []
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



class Schedule(ScheduleRules, IdMixin, Base):
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


_ONE_DAY = dt.timedelta(days=1)


def _counted_sessions(schedule: ScheduleRules, after: dt.datetime, count: int) -> list[Session] | None:
    """The next sessions of a weekly rule, or of a monthly rule by weekday ("1TU", "-1FR",
    "WE"), counted on the calendar; None for any other rule (dateutil expands it).

    Why: building a dateutil rrule and asking it for the next date cost ~110 µs, as much as
    the rest of a result card. Counting takes a few µs and gives dateutil's dates: each
    period is counted from the one holding the rule's start (weeks from Monday, as dateutil's
    default week start), a date before the start or after the last day is not one, and every
    session starts at the start's time to the second (tests/test_models.py compares the two
    on random rules)."""
    freq = (schedule.freq or "").upper()
    if freq not in ("WEEKLY", "MONTHLY") or schedule.count or schedule.bymonthday:
        return None
    weekdays, _monthdays = check_rule(schedule.freq, schedule.interval, schedule.byday, None, None)
    if freq == "MONTHLY" and not weekdays:
        return None  # the start's day of the month, which may not exist in every month
    interval = schedule.interval or 1
    first_day = schedule.dtstart or schedule.valid_from or dt.date(2000, 1, 1)
    opens = (schedule.opens_at or dt.time(0, 0)).replace(microsecond=0)
    first = dt.datetime.combine(first_day, opens)
    last_day = min((day for day in (schedule.until, schedule.valid_to) if day), default=None)
    last = dt.datetime.combine(last_day, dt.time(23, 59)) if last_day else None
    begin = max(after, first)
    found: list[Session] = []
    candidates = (_weekly_days(begin.date(), first_day, interval, {day.weekday for day in weekdays})
                  if freq == "WEEKLY" else _monthly_days(begin.date(), first_day, interval, weekdays))
    for day in candidates:
        starts = dt.datetime.combine(day, opens)
        if starts < begin:
            continue
        if (last is not None and starts > last) or len(found) == count:
            break
        found.append(Session(starts, schedule._end_for(starts)))
    return found


def _weekly_days(begin: dt.date, first_day: dt.date, interval: int, weekdays: set[int]):
    """Days from ``begin`` on, in the rule's weeks, on its weekdays (the start's, if none)."""
    weekdays = weekdays or {first_day.weekday()}
    first_monday = first_day - dt.timedelta(days=first_day.weekday())
    day = begin
    try:
        while True:
            if day.weekday() in weekdays and (day - first_monday).days // 7 % interval == 0:
                yield day
            day += _ONE_DAY
    except OverflowError:  # past the year 9999: no more dates, as with dateutil
        return


def _monthly_days(begin: dt.date, first_day: dt.date, interval: int, weekdays: list[rrule.weekday]):
    """Days from ``begin``'s month on, in the rule's months, that are one of its weekdays
    ("TU": every Tuesday; "2TU": the second; "-1TU": the last)."""
    first_month = first_day.year * 12 + first_day.month - 1
    month = begin.year * 12 + begin.month - 1
    month += (first_month - month) % interval
    while month < 10_000 * 12:
        year, month_index = divmod(month, 12)
        yield from _days_in_month(year, month_index + 1, weekdays)
        month += interval


def _days_in_month(year: int, month: int, weekdays: list[rrule.weekday]) -> list[dt.date]:
    first = dt.date(year, month, 1)
    length = calendar.monthrange(year, month)[1]
    days = set()
    for weekday in weekdays:
        matching = [number for number in range(1, length + 1) if (first.weekday() + number - 1) % 7 == weekday.weekday]
        if not weekday.n:
            days.update(matching)
        elif -len(matching) <= weekday.n <= len(matching):
            days.add(matching[weekday.n - 1] if weekday.n > 0 else matching[weekday.n])
    return [dt.date(year, month, number) for number in sorted(days)]

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
