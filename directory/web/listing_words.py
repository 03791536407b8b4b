"""A listing's structured values as words in the reader's language: lists joined the way the
reader's language joins them, weekdays, how often a group meets, what a cost option is for.

Shared by the public pages and the moderator's pages, so a moderator reads "Thursday",
"Every week" and "Step-free access", not ``TH``, ``WEEKLY`` and ``step_free``.
"""
from __future__ import annotations

import re

from babel import Locale
from babel.dates import get_day_names
from babel.lists import format_list
from flask_babel import get_locale
from markupsafe import Markup, escape

from .. import vocabulary
from ..models.schedule import InvalidSchedule, parse_byday
from .template_gettext import gettext as _, lazy_gettext as _l

ORDINALS = {1: _l("first"), 2: _l("second"), 3: _l("third"), 4: _l("fourth"), -1: _l("last")}
FREQUENCIES = {"DAILY": _l("Every day"), "WEEKLY": _l("Every week"), "MONTHLY": _l("Every month"),
               "YEARLY": _l("Every year")}

# What a cost option is for, in the words groups usually write (ORUK cost_option.option is
# free text): "Per session", "Concession", "Donation". Anything else keeps the group's words.
COST_OPTIONS = {
    "session": (re.compile(r"(per|each|a) (session|class|visit)|sessions?"), _l("per session")),
    "concession": (re.compile(r"concessions?|concessionary( rate)?"), _l("concessions")),
    "donation": (re.compile(r"(suggested )?donations?"), _l("donation")),
    "hour": (re.compile(r"per hour|hourly"), _l("per hour")),
    "week": (re.compile(r"per week|weekly"), _l("per week")),
    "month": (re.compile(r"per month|monthly"), _l("per month")),
    "term": (re.compile(r"per term|termly"), _l("per term")),
    "year": (re.compile(r"per year|yearly|annual"), _l("per year")),
    "free": (re.compile(r"free"), _l("free")),
}

def _babel_locale():
    return get_locale() or "en_GB"


def _joined(items: list[str], style: str) -> str:
    """CLDR's list pattern of the reader's language; ``style="comma"`` uses only its middle
    separator for every pair ("£3.00, concessions £2.00"; Urdu "،", Chinese "、"): CLDR's own
    "unit" style joins with nothing at all in Chinese."""
    locale = Locale.parse(_babel_locale())
    if style != "comma":
        return format_list(items, style=style, locale=locale)
    middle = locale.list_patterns["standard"]["middle"]
    joined = items[0]
    for item in items[1:]:
        joined = middle.format(joined, item)
    return joined


def list_text(items, style: str = "standard") -> str:
    """Plain-text items joined by the reader's language's list pattern (see ``list_of``)."""
    items = [str(item) for item in items if item is not None and str(item) != ""]
    return _joined(items, style) if items else ""


def list_of(items, style: str = "standard") -> Markup:
    """Items joined by the reader's language's own list pattern (CLDR, through Babel):
    "Gujarati, Hindi and English"; in Urdu with the Arabic comma "،". Each item is escaped
    unless it is already markup; ``style="comma"`` joins without "and" ("£3.00, £2.00")."""
    items = [escape(item) for item in items if item is not None and str(item) != ""]
    if not items:
        return Markup("")
    placeholders = [f"\x00{index}\x00" for index in range(len(items))]
    joined = str(escape(_joined(placeholders, style)))
    for placeholder, item in zip(placeholders, items):
        joined = joined.replace(placeholder, str(item))
    return Markup(joined)


def date_with_time(day, time=None) -> Markup:
    """A day and a time joined as the reader's language joins them (CLDR's date-time pattern):
    "Tuesday 8 December 2026, 12:00"; Chinese and Gujarati with a space, no comma."""
    if not time:
        return escape(day)
    pattern = str(Locale.parse(_babel_locale()).datetime_formats["medium"])
    return Markup(escape(pattern).replace("{1}", escape(day)).replace("{0}", escape(time)))


def vocabulary_label(code: str, vocabulary_name: str) -> str:
    """A code of one of our vocabularies ("drop_in" of "how_to_join") as the reader's words."""
    labels = vocabulary.VOCABULARIES.get(vocabulary_name, {})
    return _(labels[code]) if code in labels else code


def _day_phrase(day) -> str:
    name = get_day_names("wide", locale=_babel_locale())[day.weekday]
    if day.n and day.n in ORDINALS:
        return _("%(which)s %(day)s", which=ORDINALS[day.n], day=name)
    return name


def byday_text(byday: str | None) -> str:
    """An ORUK ``byday`` ("TU,TH", "1MO") as days in the reader's language ("Tuesday and Thursday")."""
    try:
        days = parse_byday(byday)
    except InvalidSchedule:
        return byday or ""
    return str(list_of([_day_phrase(day) for day in days]))


def schedule_summary(freq: str | None, interval: int | None, byday: str | None, bymonthday: str | None) -> str | None:
    """How often a group meets, in the reader's language ("Every Tuesday and Thursday"),
    from the ORUK schedule's rule; None when the rule says something these words cannot
    (every three weeks, a one-off date): the group's own description is shown instead."""
    freq, interval = (freq or "").upper(), interval or 1
    try:
        days = parse_byday(byday)
    except InvalidSchedule:
        return None
    if freq == "WEEKLY" and days and interval in (1, 2) and not any(day.n for day in days):
        names = list_of([_day_phrase(day) for day in days])
        return _("Every %(days)s", days=names) if interval == 1 else _("Every other %(days)s", days=names)
    if freq == "MONTHLY" and interval == 1:
        if days and all(day.n in ORDINALS for day in days):
            return _("Every month: %(days)s", days=list_of([_day_phrase(day) for day in days]))
        if bymonthday and not days:
            return _("Every month on day %(days)s", days=list_of([part.strip() for part in bymonthday.split(",")]))
    if freq == "DAILY" and interval == 1 and not days:
        return str(FREQUENCIES["DAILY"])
    return None


def cost_option_kind(option: str | None) -> str | None:
    """What a cost option is for, as a code ("session", "concession"), or None when the
    group wrote something other than the usual words ("Per hour (older people's groups)")."""
    text = " ".join((option or "").casefold().split())
    return next((kind for kind, (pattern, _label) in COST_OPTIONS.items() if pattern.fullmatch(text)), None)


def cost_option_label(option: str | None) -> str | None:
    """A cost option's usual name in the reader's language ("Concession" → "ulgowy"), or None."""
    kind = cost_option_kind(option)
    return str(COST_OPTIONS[kind][1]) if kind else None
