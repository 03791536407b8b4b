"""The submission domain on its own (no HTTP): the schedule builder, duplicate signals,
the diff, and drafts that survive a round trip through an ORUK document."""
from __future__ import annotations

import datetime as dt

from directory.submissions import diff, draft_from_payload, payload_from_draft
from directory.submissions.duplicates import names_match, phone_key
from directory.submissions.schedules import builder_from_schedule, schedule_from_builder
from directory.geography import Point

TUESDAY = dt.date(2026, 3, 3)
TERM_TIME = "Term time only"


def expand(schedule: dict, count: int = 3) -> list[dt.datetime]:
    from directory.oruk.read import read_schedule

    return [session.starts for session in read_schedule(schedule, "s").next_sessions(dt.datetime(2026, 3, 1), count)]


def test_weekly_on_tuesday_from_ten_till_twelve():
    schedule = schedule_from_builder({"pattern": "weekly", "weekday": "TU", "opens_at": "10:00", "closes_at": "12:00"},
                                     TUESDAY, TERM_TIME)
    assert expand(schedule) == [dt.datetime(2026, 3, d, 10) for d in (3, 10, 17)]


def test_fortnightly_starts_on_the_first_chosen_weekday_after_the_given_date():
    schedule = schedule_from_builder({"pattern": "fortnightly", "weekday": "TH", "opens_at": "14:00",
                                      "starts_on": dt.date(2026, 3, 2)}, TUESDAY, TERM_TIME)
    assert expand(schedule) == [dt.datetime(2026, 3, 5, 14), dt.datetime(2026, 3, 19, 14), dt.datetime(2026, 4, 2, 14)]


def test_first_monday_of_the_month_and_last_friday():
    first_monday = schedule_from_builder({"pattern": "monthly", "weekday": "MO", "week_of_month": "1",
                                          "opens_at": "13:30"}, TUESDAY, TERM_TIME)
    assert expand(first_monday, 2) == [dt.datetime(2026, 4, 6, 13, 30), dt.datetime(2026, 5, 4, 13, 30)]
    last_friday = schedule_from_builder({"pattern": "monthly", "weekday": "FR", "week_of_month": "-1",
                                         "opens_at": "18:00"}, TUESDAY, TERM_TIME)
    assert expand(last_friday, 1) == [dt.datetime(2026, 3, 27, 18)]


def test_term_time_only_is_written_in_the_listings_language_and_read_back():
    gujarati = "ફક્ત શાળાના સત્ર દરમિયાન"
    schedule = schedule_from_builder({"pattern": "weekly", "weekday": "WE", "opens_at": "10:00", "term_time_only": True,
                                      "notes": "ઓગસ્ટમાં બંધ"}, TUESDAY, gujarati)
    assert schedule["notes"].startswith(gujarati)
    choice = builder_from_schedule(schedule, {TERM_TIME, gujarati})
    assert choice["term_time_only"] and choice["notes"] == "ઓગસ્ટમાં બંધ" and choice["pattern"] == "weekly"


def test_the_same_phone_written_two_ways_is_the_same_number():
    assert phone_key("0116 496 0123") == phone_key("+44 (116) 496-0123") == "01164960123"
    assert phone_key("123") is None


def test_similar_names_match_across_word_order_and_case():
    assert names_match(["Belgrave Lunch Club"], ["lunch club, Belgrave"])
    assert names_match(["太極拳晨練"], ["太極拳晨練班"])
    assert not names_match(["Knit and natter"], ["Tai chi for beginners"])


def test_diff_lists_only_what_changed_and_ignores_ids():
    before = {"id": "a", "name": "Tai chi", "schedules": [{"id": "s1", "opens_at": "10:00", "byday": "TU"}]}
    after = {"id": "b", "name": "Tai chi", "schedules": [{"id": "s2", "opens_at": "14:00", "byday": "TU"}]}
    assert diff(before, after) == [["schedules[0].opens_at", "10:00", "14:00"]]
    assert diff({"cost_options": [{"amount": 2}]}, {"cost_options": [{"amount": 2.0}]}) == []


def test_a_draft_survives_the_round_trip_through_an_oruk_document():
    draft = {"organization_name": "Przyjaciele Parku", "contact_name": "Krystyna", "phone": "0116 496 0777", "email": None,
             "website": None, "text_locale": "pl", "name": "Spacer", "description": "Spacerujemy razem.",
             "name_en": "Walk", "description_en": "We walk.", "category": "walking-group", "pattern": "monthly",
             "weekday": "MO", "week_of_month": "1", "opens_at": "10:00", "closes_at": "12:00", "starts_on": None,
             "term_time_only": True, "schedule_notes": None, "venue_name": "Abbey Park", "address_1": "Abbey Park Road",
             "city": "Leicester", "postcode": "LE4 5AA", "latitude": 52.65, "longitude": -1.13, "cost": "paid",
             "amount": 2.5, "cost_details": "Herbata w cenie", "languages": ["pl", "en"], "access": ["step_free"],
             "access_details": "Rampa", "carers_welcome": True, "transport_provided": False, "gender": "women_only",
             "faith_setting": "none", "food": ["vegetarian"], "minimum_age": 50, "how_to_join": "ring_first",
             "join_details": None}
    payload = payload_from_draft(draft, Point(52.65, -1.13), TUESDAY, TERM_TIME)
    again = draft_from_payload(payload, {TERM_TIME})
    assert {key: again.get(key) for key in draft} == draft
    edited = payload_from_draft(dict(draft, opens_at="14:00"), Point(52.65, -1.13), TUESDAY, TERM_TIME, base=payload)
    assert diff(payload, edited) == [["schedules[0].opens_at", "10:00", "14:00"]], "an edit keeps every id"

