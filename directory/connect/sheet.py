"""The signposting sheet: what a participant takes home on paper.

Many participants have no computer, phone or transport (004, Case Study 3), so the sheet
must stand alone: what happens, the next dates, where and how to get there, cost, access,
how to join, who to ring — in the participant's language with English beside it, so a
group leader can read it too. The first-visit plan the connector types in is posted with
the request that prints the sheet and goes nowhere else.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from werkzeug.datastructures import MultiDict

from ..models import Location, Service
from ..models.schedule import Session as ScheduledSession

NEXT_DATES = 3
PLAN_FIELD_LIMITS = {"date": 40, "time": 20, "place": 160, "people": 160}
# The site locale a participant's spoken language is best read in (Cantonese speakers in
# Leicester mostly read Traditional characters; Mandarin speakers Simplified).
SHEET_LOCALE_FOR_LANGUAGE = {"gu": "gu", "pl": "pl", "zh": "zh_Hans", "cmn": "zh_Hans", "yue": "zh_Hant", "ur": "ur"}
SHEET_LOCALES = ("en", "gu", "pl", "zh_Hans", "zh_Hant", "ur")


@dataclass(frozen=True)
class FirstVisitPlan:
    """When and where the connector will meet the participant for the first visit."""

    date: str = ""
    time: str = ""
    place: str = ""
    people: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.date or self.time or self.place or self.people)

    @classmethod
    def from_form(cls, form: MultiDict) -> "FirstVisitPlan":
        values = {name: " ".join(str(form.get(f"visit_{name}", "") or "").split())[:limit]
                  for name, limit in PLAN_FIELD_LIMITS.items()}
        return cls(**values)


@dataclass
class SheetEntry:
    """One shortlisted activity, with what the sheet prints about it."""

    service: Service
    note: str = ""
    sessions: list[ScheduledSession] = field(default_factory=list)
    stale: bool = False  # not confirmed by the group for a while: the sheet says "ring first"

    def text(self, locale: str) -> tuple[str, str | None, str]:
        """The name and description for a reader of ``locale``; where the group wrote none in
        it, English before the original language: a Chinese reader with a Gujarati listing
        gets the English a helper can read out, not a third script."""
        found = self.service.text_in(locale)
        return found if found[2] == locale else self.service.text_in("en")

    @property
    def places(self) -> list[Location]:
        return self.service.locations

    @property
    def access_codes(self) -> list[str]:
        return list(dict.fromkeys(code for place in self.places for code in place.accessibility_codes))

    @property
    def phones(self) -> list[str]:
        return contact_numbers(self.service)


def contact_numbers(service: Service) -> list[str]:
    """Numbers to ring: the activity's contacts first, then the group's own."""
    numbers = [phone.number for contact in service.contacts for phone in contact.phones]
    numbers += [phone.number for phone in service.phones + service.organization.phones]
    return list(dict.fromkeys(number for number in numbers if number))


@dataclass
class SignpostingSheet:
    entries: list[SheetEntry]
    locale: str          # the participant's language: printed first
    plan: FirstVisitPlan
    printed_on: dt.date

    @property
    def bilingual(self) -> bool:
        return self.locale != "en"


def sheet_locale_for(languages: list[str]) -> str:
    """The language to print first for someone who speaks ``languages`` (in their order)."""
    for code in languages:
        if code in SHEET_LOCALE_FOR_LANGUAGE:
            return SHEET_LOCALE_FOR_LANGUAGE[code]
    return "en"


def build_sheet(services: list[Service], notes: dict[str, str], locale: str, plan: FirstVisitPlan,
                stale_after_days: int, now: dt.datetime | None = None) -> SignpostingSheet:
    """The sheet for these services, in the order given, each with its next dates and
    whether it is stale (not confirmed by the group for ``stale_after_days``)."""
    now = now or dt.datetime.now()
    entries = [SheetEntry(service, notes.get(service.id, ""), service.next_sessions(now, NEXT_DATES),
                          service.is_stale(now.date(), stale_after_days))
               for service in services]
    return SignpostingSheet(entries, locale if locale in SHEET_LOCALES else "en", plan, now.date())
