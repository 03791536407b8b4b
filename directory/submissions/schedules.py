"""The schedule builder: "weekly on Tuesday 10:00-12:00", "fortnightly", "first Monday of
the month", "term time only" — turned into an ORUK schedule (RFC 5545 fields) and back.

Groups think in patterns, not in RRULEs; this module is the only place that translates.
Fortnightly needs an anchor date (which Tuesday?), so ``dtstart`` is the first session on
or after the date the group gives (today when they give none).
"""
from __future__ import annotations

import datetime as dt

from ..models.schedule import WEEKDAY_CODES

PATTERNS = ("weekly", "fortnightly", "monthly")
WEEKS_OF_MONTH = ("1", "2", "3", "4", "-1")   # -1: the last one in the month


def first_on_or_after(day: dt.date, weekday_code: str) -> dt.date:
    """The first date on or after ``day`` that falls on ``weekday_code`` ("TU")."""
    target = WEEKDAY_CODES.index(weekday_code)
    return day + dt.timedelta(days=(target - day.weekday()) % 7)


def schedule_from_builder(choice: dict, today: dt.date, term_time_label: str, base: dict | None = None) -> dict:
    """An ORUK schedule dict from the builder's choices (keeps ``base``'s id and extras).

    ``choice`` keys: pattern, weekday, week_of_month, opens_at, closes_at (HH:MM text),
    starts_on (date or None), term_time_only (bool), notes (text or None).
    """
    schedule = dict(base or {})
    weekday = choice["weekday"]
    start = choice.get("starts_on") or today
    pattern = choice["pattern"]
    schedule.update({
        "freq": "MONTHLY" if pattern == "monthly" else "WEEKLY",
        "interval": 2 if pattern == "fortnightly" else 1,
        "byday": f"{choice.get('week_of_month') or '1'}{weekday}" if pattern == "monthly" else weekday,
        "bymonthday": None,
        "dtstart": (start if pattern == "monthly" else first_on_or_after(start, weekday)).isoformat(),
        "valid_from": choice["starts_on"].isoformat() if choice.get("starts_on") else None,
        "opens_at": choice.get("opens_at") or None,
        "closes_at": choice.get("closes_at") or None,
        "notes": _notes(choice, term_time_label),
    })
    return schedule


def _notes(choice: dict, term_time_label: str) -> str | None:
    parts = [term_time_label] if choice.get("term_time_only") else []
    if choice.get("notes"):
        parts.append(choice["notes"])
    return ". ".join(parts) or None


def builder_from_schedule(schedule: dict | None, term_time_labels: set[str]) -> dict:
    """The builder's choices for an existing ORUK schedule (the reverse of the above).

    ``term_time_labels`` are the "Term time only" phrase in every language, because the
    note was written in the listing's language when the group chose it.
    """
    schedule = schedule or {}
    byday = (schedule.get("byday") or "").split(",")[0].strip().upper()
    weekday = byday[-2:] if byday[-2:] in WEEKDAY_CODES else "MO"
    monthly = (schedule.get("freq") or "").upper() == "MONTHLY"
    notes, term_time = schedule.get("notes") or "", False
    for label in term_time_labels:
        if label and notes.startswith(label):
            term_time, notes = True, notes[len(label):].lstrip(". ").strip()
            break
    return {
        "pattern": "monthly" if monthly else ("fortnightly" if (schedule.get("interval") or 1) == 2 else "weekly"),
        "weekday": weekday,
        "week_of_month": (byday[:-2] or "1") if monthly else "1",
        "opens_at": (schedule.get("opens_at") or "")[:5],
        "closes_at": (schedule.get("closes_at") or "")[:5],
        "starts_on": dt.date.fromisoformat(schedule["valid_from"]) if schedule.get("valid_from") else None,
        "term_time_only": term_time,
        "notes": notes or None,
    }
