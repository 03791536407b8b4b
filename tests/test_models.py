"""The ORUK model: schedules expand to real dates, text falls back sensibly, areas contain points."""
import calendar
import datetime as dt
import json

import pytest
from dateutil import rrule
from hypothesis import given, settings
from hypothesis import strategies as st

from directory.models import InvalidSchedule, Schedule, Service, ServiceArea, ServiceTranslation
from directory.models.schedule import WEEKDAY_CODES as WEEKDAYS


def test_weekly_schedule_gives_the_next_three_tuesdays():
    schedule = Schedule(freq="WEEKLY", interval=1, byday="TU", dtstart=dt.date(2026, 1, 6),
                        opens_at=dt.time(10), closes_at=dt.time(12))
    sessions = schedule.next_sessions(dt.datetime(2026, 11, 25, 9, 0), 3)
    assert [s.starts for s in sessions] == [dt.datetime(2026, 12, d, 10) for d in (1, 8, 15)]
    assert sessions[0].ends == dt.datetime(2026, 12, 1, 12)


def test_fortnightly_schedule_keeps_its_rhythm_from_dtstart():
    schedule = Schedule(freq="WEEKLY", interval=2, byday="WE", dtstart=dt.date(2026, 11, 4), opens_at=dt.time(14))
    sessions = schedule.next_sessions(dt.datetime(2026, 11, 5), 2)
    assert [s.starts.date() for s in sessions] == [dt.date(2026, 11, 18), dt.date(2026, 12, 2)]


def test_first_monday_of_the_month():
    schedule = Schedule(freq="MONTHLY", byday="1MO", dtstart=dt.date(2026, 1, 1), opens_at=dt.time(18, 30))
    sessions = schedule.next_sessions(dt.datetime(2026, 11, 25), 2)
    assert [s.starts for s in sessions] == [dt.datetime(2026, 12, 7, 18, 30), dt.datetime(2027, 1, 4, 18, 30)]


def test_term_time_schedule_stops_at_valid_to_and_starts_at_valid_from():
    schedule = Schedule(freq="WEEKLY", byday="TH", dtstart=dt.date(2026, 1, 1), valid_from=dt.date(2027, 1, 7),
                        valid_to=dt.date(2027, 1, 21), opens_at=dt.time(10))
    sessions = schedule.next_sessions(dt.datetime(2026, 11, 25), 5)
    assert [s.starts.date() for s in sessions] == [dt.date(2027, 1, 7), dt.date(2027, 1, 14), dt.date(2027, 1, 21)]


@settings(max_examples=300, deadline=None)
@given(freq=st.sampled_from(["DAILY", "WEEKLY", "MONTHLY"]), interval=st.integers(1, 4),
       byday=st.sampled_from([None, "TU", "MO,TH", "1MO", "-1FR", "2WE,4WE"]),
       bymonthday=st.sampled_from([None, "1", "15", "31", "1,15"]),
       dtstart=st.dates(dt.date(1999, 1, 1), dt.date(2026, 12, 31)),
       opens=st.times(), after=st.datetimes(dt.datetime(1998, 6, 1), dt.datetime(2031, 1, 1)))
def test_next_sessions_are_the_rules_own_dates_after_moving_its_start(freq, interval, byday, bymonthday, dtstart,
                                                                     opens, after):
    """The next sessions come from a rule whose start has moved close to ``after``
    (so old weekly clubs cost no more than new ones); they must be exactly the sessions
    the schedule's own rule, started on its real first day, gives."""
    if freq != "MONTHLY" and byday and byday[0] in "-12":
        byday = "TU"  # ordinal weekdays only mean something monthly
    schedule = Schedule(freq=freq, interval=interval, byday=byday, bymonthday=bymonthday if freq == "MONTHLY" else None,
                        dtstart=dtstart, opens_at=opens.replace(microsecond=0))
    if freq == "MONTHLY" and byday and bymonthday and not _some_day_fits(byday, bymonthday):
        # dateutil would look month by month to the year 9999 for this rule's first date
        assert schedule.next_sessions(after, 3) == []
        return
    rule, sessions = schedule.recurrence(), []
    starts = rule.after(after, inc=True)
    while starts is not None and len(sessions) < 3:
        sessions.append(starts)
        starts = rule.after(starts, inc=False)
    assert [session.starts for session in schedule.next_sessions(after, 3)] == sessions


_BYDAYS = [None, "TU", "MO,TH", "SU", "MO,TU,WE,TH,FR,SA,SU", "1MO", "-1FR", "2WE,4WE", "5TH", "-5SA", "TU,1MO", "3SU,-2SA"]


@settings(max_examples=1500, deadline=None)
@given(freq=st.sampled_from(["WEEKLY", "MONTHLY"]), interval=st.one_of(st.integers(1, 6), st.sampled_from([0, 12, 52])),
       byday=st.sampled_from(_BYDAYS), dtstart=st.one_of(st.none(), st.dates(dt.date(1995, 1, 1), dt.date(2030, 12, 31))),
       valid_from=st.one_of(st.none(), st.dates(dt.date(2020, 1, 1), dt.date(2029, 12, 31))),
       last=st.one_of(st.none(), st.dates(dt.date(2019, 1, 1), dt.date(2032, 12, 31))),
       last_field=st.sampled_from(["until", "valid_to"]), opens=st.one_of(st.none(), st.times()),
       after=st.datetimes(dt.datetime(1994, 6, 1), dt.datetime(2034, 1, 1)), count=st.integers(1, 4))
def test_counted_weekly_and_monthly_sessions_are_dateutils(freq, interval, byday, dtstart, valid_from, last, last_field,
                                                           opens, after, count):
    """Weekly rules and monthly ones by weekday are counted on the calendar, not expanded by
    dateutil (directory.models.schedule._counted_sessions): their sessions must be exactly
    the ones dateutil gives for the same rule, from its real start."""
    if freq == "MONTHLY" and byday == "TU,1MO":
        byday = "1MO,3TU"  # dateutil reads a mix of plain and numbered weekdays as "both at once" (see below)
    schedule = Schedule(freq=freq, interval=interval, byday=byday, dtstart=dtstart, valid_from=valid_from,
                        opens_at=opens, closes_at=dt.time(23, 0), **{last_field: last})
    if valid_from and after.date() < valid_from:
        after = dt.datetime.combine(valid_from, dt.time(0, 0))  # as next_sessions reads a rule not yet begun
    rule, expected = schedule.recurrence(), []
    starts = rule.after(after, inc=True)
    while starts is not None and len(expected) < count:
        expected.append(starts)
        starts = rule.after(starts, inc=False)
    sessions = schedule.next_sessions(after, count)
    assert [session.starts for session in sessions] == expected
    assert all(session.ends == dt.datetime.combine(session.starts.date(), dt.time(23, 0)) for session in sessions)


def test_a_monthly_rule_of_plain_and_numbered_weekdays_has_both_as_rfc_5545_says():
    """ "TU,1MO" monthly is every Tuesday and the first Monday (RFC 5545). dateutil reads it
    as days that are both, finds none, and looked month by month to the year 9999 for one."""
    schedule = Schedule(freq="MONTHLY", byday="TU,1MO", dtstart=dt.date(2026, 1, 1), opens_at=dt.time(10, 0))
    sessions = schedule.next_sessions(dt.datetime(2027, 2, 1), 4)
    assert [session.starts.date() for session in sessions] == [
        dt.date(2027, 2, 1), dt.date(2027, 2, 2), dt.date(2027, 2, 9), dt.date(2027, 2, 16)]


def _some_day_fits(byday: str, bymonthday: str) -> bool:
    """Whether any day of 28 years (every weekday on every day of every kind of month) is
    one of ``bymonthday`` and one of ``byday``'s ordinal weekdays of its month: the oracle
    for a monthly rule no month satisfies, worked out day by day."""
    wanted_days = [int(day) for day in bymonthday.split(",")]
    wanted_weekdays = [(WEEKDAYS.index(part[-2:]), int(part[:-2]) if part[:-2] else None) for part in byday.split(",")]
    day = dt.date(2000, 1, 1)
    while day.year < 2028:
        last = calendar.monthrange(day.year, day.month)[1]
        from_start, from_end = (day.day - 1) // 7 + 1, -((last - day.day) // 7 + 1)
        if (day.day in wanted_days or day.day - last - 1 in wanted_days) and any(
                day.weekday() == weekday and ordinal in (None, from_start, from_end) for weekday, ordinal in wanted_weekdays):
            return True
        day += dt.timedelta(days=1)
    return False


@pytest.mark.parametrize("fields", [
    {"freq": "MONTHLY", "byday": "9MO,1TU"}, {"freq": "YEARLY", "byday": "60MO"}, {"freq": "MONTHLY", "bymonthday": "40"},
    {"freq": "MONTHLY", "bymonthday": "0"}, {"freq": "MONTHLY", "bymonthday": "first"},
    {"freq": "WEEKLY", "byday": "TU", "interval": 1_000_000_000}, {"freq": "WEEKLY", "byday": "TU", "interval": -2},
    {"freq": "DAILY", "count": 10**12}, {"freq": "WEEKLY", "byday": "TU", "count": -1},
])
def test_a_rule_dateutil_cannot_expand_is_an_invalid_schedule_and_the_listing_shows_no_dates(fields):
    """What an imported feed can carry: dateutil fails on it with IndexError, OverflowError or
    ValueError, which reached the search page as a 500, or steps through it for seconds (a
    count of 10^12 from the year 1: 7 s of CPU for one card)."""
    schedule = Schedule(dtstart=dt.date(2026, 1, 6), opens_at=dt.time(10), **fields)
    with pytest.raises(InvalidSchedule):
        schedule.next_sessions(dt.datetime(2026, 12, 7), 3)
    weekly = Schedule(freq="WEEKLY", byday="TU", dtstart=dt.date(2026, 1, 6), opens_at=dt.time(10))
    listing = Service(name="Chess", schedules=[schedule, weekly])
    assert [session.starts.date() for session in listing.next_sessions(dt.datetime(2026, 12, 7), 2)] == [
        dt.date(2026, 12, 8), dt.date(2026, 12, 15)]


@pytest.mark.parametrize("byday, bymonthday", [("1MO", "15"), ("-1FR,2WE", "1,15"), ("2WE,4WE", "31")])
def test_a_monthly_rule_no_month_satisfies_has_no_next_session_without_asking_dateutil(byday, bymonthday, monkeypatch):
    """dateutil searched such a rule month by month to the year 9999: half a second of CPU for
    each card showing it. The answer is now known before dateutil is asked."""
    asked = []
    monkeypatch.setattr(rrule.rrule, "after", lambda *args, **kwargs: asked.append(args))
    schedule = Schedule(freq="MONTHLY", byday=byday, bymonthday=bymonthday, dtstart=dt.date(2020, 4, 1))
    assert not _some_day_fits(byday, bymonthday)
    assert schedule.next_sessions(dt.datetime(2026, 12, 7), 3) == [] and not asked


def test_a_rare_monthly_rule_still_gets_its_dates():
    """The last Friday that is also the month's last day: a few times a year."""
    schedule = Schedule(freq="MONTHLY", byday="-1FR", bymonthday="-1", dtstart=dt.date(2020, 4, 1), opens_at=dt.time(10))
    assert [session.starts.date() for session in schedule.next_sessions(dt.datetime(2026, 12, 7), 3)] == [
        dt.date(2027, 4, 30), dt.date(2027, 12, 31), dt.date(2028, 3, 31)]


def test_bad_weekday_code_is_a_schedule_error():
    with pytest.raises(InvalidSchedule):
        Schedule(freq="WEEKLY", byday="XX").next_sessions(dt.datetime(2026, 1, 1))


def test_listing_text_falls_back_to_its_original_language():
    service = Service(name="Zajęcia jogi dla seniorów", description="Spokojne zajęcia.", locale="pl",
                      translations=[ServiceTranslation(locale="en", name="Yoga for older people", description="Calm.")])
    assert service.text_in("en") == ("Yoga for older people", "Calm.", "en")
    assert service.text_in("gu") == ("Zajęcia jogi dla seniorów", "Spokojne zajęcia.", "pl")
    assert list(service.texts_by_locale()) == ["pl", "en"]


def test_service_area_polygon_and_radius_contain_points_inside_only():
    from shapely.geometry import Point as ShapelyPoint

    polygon = ServiceArea(extent=json.dumps({"type": "Polygon", "coordinates": [[
        [-1.14, 52.64], [-1.11, 52.64], [-1.11, 52.66], [-1.14, 52.66], [-1.14, 52.64]]]}))
    assert polygon.geometry().contains(ShapelyPoint(-1.128, 52.652))
    assert not polygon.geometry().contains(ShapelyPoint(-1.08, 52.62))
    radius = ServiceArea(extent=json.dumps({"type": "Feature", "geometry": {"type": "Point", "coordinates": [-1.13, 52.63]},
                                            "properties": {"radius": 1000}}))
    assert radius.geometry().contains(ShapelyPoint(-1.13, 52.637))      # ~780 m north
    assert not radius.geometry().contains(ShapelyPoint(-1.13, 52.6415))  # ~1.28 km north
