"""What a listing page says about when, cost, who it is for and how to join: each fact once,
in the reader's language.

Why: a listing carries most facts twice, as ORUK structure and in the group's own words,
often in English on a Gujarati listing ("Every Tuesday and Thursday, 12:00 to 14:00",
"Just turn up"). The structured fact is shown translated; the group's words only when they
add something (``directory.repetition``), checked against the structured fact in English,
in the listing's language and in the reader's.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from flask_babel import force_locale, gettext as _

from ... import vocabulary
from ...repetition import says_more
from ..listing_words import cost_option_label, schedule_summary


@dataclass
class ScheduleFact:
    summary: str | None          # "Every Tuesday and Thursday", translated (None: the rule is unusual)
    opens_at: object = None
    closes_at: object = None
    their_words: list[str] = field(default_factory=list)  # description / notes that add something


@dataclass
class CostFact:
    amount: float | None
    currency: str
    label: str | None            # the option's usual name, translated ("concessions")
    their_label: str | None      # the group's own name for it when it is not a usual one
    their_details: str | None    # ORUK amount_description


@dataclass
class ListingFacts:
    schedules: list[ScheduleFact]
    costs: list[CostFact]
    fees_words: str | None       # fees_description, when it adds something
    who_for: list[str]           # translated parts: "Everyone welcome", "aged 50 and over"
    eligibility_words: str | None
    how_to_join: str
    join_words: str | None


def _in_locales(render, locales: tuple[str, ...]) -> list[str]:
    """``render()`` in each locale: what the reader, the group and an English reader would read."""
    texts = []
    for locale in dict.fromkeys(locales):
        with force_locale(locale):
            texts.append(render())
    return texts


def _schedule_fact(schedule, locales) -> ScheduleFact:
    def summary() -> str:
        return schedule_summary(schedule.freq, schedule.interval, schedule.byday, schedule.bymonthday) or ""

    said = _in_locales(summary, locales)
    said += [time.strftime("%H:%M") for time in (schedule.opens_at, schedule.closes_at) if time]
    words = [text for text in (schedule.description, schedule.notes) if says_more(text, *said)]
    return ScheduleFact(summary() or None, schedule.opens_at, schedule.closes_at, words)


def _cost_fact(option) -> CostFact:
    label = cost_option_label(option.option)
    return CostFact(float(option.amount) if option.amount is not None else None, option.currency or "GBP", label,
                    None if label else option.option, option.amount_description)


def _costs_said(service) -> str:
    parts = []
    for option in service.cost_options:
        if option.amount is not None:
            parts.append(f"£{float(option.amount):.2f}")
        parts += [option.option or "", cost_option_label(option.option) or "", option.amount_description or ""]
    if service.is_free:
        parts.append(_("Free"))
    return " ".join(parts)


def _who_for(service) -> list[str]:
    parts = [_(vocabulary.GENDER.get(service.gender, vocabulary.GENDER["mixed"]))]
    if service.minimum_age:
        parts.append(_("aged %(age)d and over", age=service.minimum_age))
    return parts


def listing_facts(service, page_locale: str) -> ListingFacts:
    locales = (page_locale, service.locale or "en", "en")
    costs = [_cost_fact(option) for option in service.cost_options]
    who_said = [" ".join(parts) for parts in _in_locales(lambda: _who_for(service), locales)]
    join_said = _in_locales(lambda: _(vocabulary.HOW_TO_JOIN.get(service.how_to_join, "")), locales)
    fees_said = _in_locales(lambda: _costs_said(service), locales)
    return ListingFacts(
        schedules=[_schedule_fact(schedule, locales) for schedule in service.schedules],
        costs=costs,
        fees_words=service.fees_description if says_more(service.fees_description, *fees_said) else None,
        who_for=_who_for(service),
        eligibility_words=(service.eligibility_description
                           if says_more(service.eligibility_description, *who_said) else None),
        how_to_join=_(vocabulary.HOW_TO_JOIN.get(service.how_to_join, "")),
        join_words=service.application_process if says_more(service.application_process, *join_said) else None,
    )
