"""What a result card shows of a listing, as plain data the index keeps beside its document.

Why: at 50,000 listings, loading a results page's ten listings through the ORM (seven
queries and a few hundred objects) cost more CPU than the search that found them, and
with listings spread over a whole county a card is rarely shown twice before it drops out
of a worker's cache. The indexer already holds every listing's graph when it writes the
listing's documents, so it writes this summary too (``card_facts_json``), in a stored
field. A results page reads it back for the hits it shows (``CardListing.from_json``) and
renders the same card from it as from the ORM listing: the same templates, and the same
reading code (``ListingReading``, ``ScheduleRules``). It is as current as the document it
sits in, whose version the card cache is keyed by.

Left out: descriptions (a card shows none) and everything else a card does not read.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .models.schedule import ScheduleRules
from .models.service import ListingReading

FORMAT = 1
"""Bumped whenever the layout below changes: an index written in another layout is read
as having no card facts, and its cards are loaded through the ORM until it is rebuilt."""


@dataclass(frozen=True, slots=True)
class TranslationFacts:
    locale: str
    name: str | None
    description: str | None = None


@dataclass(frozen=True, slots=True)
class CostFacts:
    option: str | None
    currency: str | None
    amount: Decimal | None
    amount_description: str | None


@dataclass(frozen=True, slots=True)
class LocationFacts:
    latitude: float | None
    longitude: float | None
    accessibility_codes: tuple[str, ...]


@dataclass(frozen=True)
class ScheduleFacts(ScheduleRules):
    """The recurrence fields of a schedule; its arithmetic is ``ScheduleRules``'."""

    freq: str | None
    interval: int | None
    byday: str | None
    bymonthday: str | None
    count: int | None
    dtstart: dt.date | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    until: dt.date | None
    opens_at: dt.time | None
    closes_at: dt.time | None


_DATES = ("dtstart", "valid_from", "valid_to", "until")
_TIMES = ("opens_at", "closes_at")
_SCHEDULE_FIELDS = ("freq", "interval", "byday", "bymonthday", "count", *_DATES, *_TIMES)


@dataclass(frozen=True)
class CardListing(ListingReading):
    """A listing as a result card reads it, without the ORM (see the module's docstring)."""

    id: str
    locale: str
    name: str
    listing_status: str
    translations: tuple[TranslationFacts, ...]
    cost_options: tuple[CostFacts, ...]
    language_codes: tuple[str, ...]
    locations: tuple[LocationFacts, ...]
    schedules: tuple[ScheduleFacts, ...]
    description: None = None

    @classmethod
    def from_json(cls, text: str | None) -> "CardListing | None":
        """The card facts an index document carries; None when it carries none, or facts in
        another layout (the caller then loads the listing through the ORM)."""
        if not text:
            return None
        facts = json.loads(text)
        if facts.get("format") != FORMAT:
            return None
        return cls(
            id=facts["id"], locale=facts["locale"], name=facts["name"], listing_status=facts["status"],
            translations=tuple(TranslationFacts(locale, name) for locale, name in facts["translations"]),
            cost_options=tuple(CostFacts(option, currency, _decimal(amount), amount_description)
                               for option, currency, amount, amount_description in facts["costs"]),
            language_codes=tuple(facts["languages"]),
            locations=tuple(LocationFacts(latitude, longitude, tuple(access))
                            for latitude, longitude, access in facts["places"]),
            schedules=tuple(_schedule(values) for values in facts["schedules"]))


def card_facts_json(service) -> str:
    """The card facts of an ORM ``Service`` (with what a card reads loaded), as JSON."""
    return json.dumps({
        "format": FORMAT,
        "id": service.id,
        "locale": service.locale,
        "name": service.name,
        "status": service.listing_status,
        "translations": [[item.locale, item.name] for item in service.translations],
        "costs": [[option.option, option.currency, None if option.amount is None else str(option.amount),
                   option.amount_description] for option in service.cost_options],
        "languages": service.language_codes,
        "places": [[location.latitude, location.longitude, location.accessibility_codes]
                   for location in service.locations],
        "schedules": [[_plain(getattr(schedule, name)) for name in _SCHEDULE_FIELDS] for schedule in service.schedules],
    }, ensure_ascii=False, separators=(",", ":"))


def _plain(value):
    return value.isoformat() if isinstance(value, (dt.date, dt.time)) else value


def _schedule(values: list) -> ScheduleFacts:
    fields = dict(zip(_SCHEDULE_FIELDS, values))
    for name in _DATES:
        if fields[name] is not None:
            fields[name] = dt.date.fromisoformat(fields[name])
    for name in _TIMES:
        if fields[name] is not None:
            fields[name] = dt.time.fromisoformat(fields[name])
    return ScheduleFacts(**fields)


def _decimal(text: str | None) -> Decimal | None:
    if text is None:
        return None
    try:
        return Decimal(text)
    except InvalidOperation:  # never written by card_facts_json; an amount no card can show
        return None


__all__ = ["CardListing", "card_facts_json"]
