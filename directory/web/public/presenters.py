"""Words for what the engine returns: facet labels and the "why suggested" line, translated.

The engine hands back codes (``step_free``, ``gu``, ``lunch-club``) and numbers; only here do
they become words in the reader's language.
"""
from __future__ import annotations

import functools

from flask import current_app
from flask_babel import force_locale, format_decimal, get_locale
from markupsafe import Markup, escape

from ... import vocabulary
from ...geography import format_distance
from ..listing_words import list_text
from ..template_gettext import gettext as _, lazy_gettext as _l, ngettext
from ...i18n.locales import babel_locale, display_language_name
from ...listings import TermName
from ...search import SearchHit

FACET_TITLES = {
    "category": _l("Category"),
    "language": _l("Language spoken"),
    "access": _l("Access"),
    "cost": _l("Cost"),
    "day": _l("Day"),
    "time": _l("Time of day"),
    "gender": _l("Who can come"),
    "faith": _l("Setting"),
    "food": _l("Food"),
    "join": _l("How to join"),
    "status": _l("Status"),
    "feature": _l("Help to take part"),
}
FACET_ORDER = ("category", "language", "access", "cost", "day", "time", "gender", "join", "feature", "food", "faith",
               "status")
DAY_NAMES = {"mo": _l("Monday"), "tu": _l("Tuesday"), "we": _l("Wednesday"), "th": _l("Thursday"),
             "fr": _l("Friday"), "sa": _l("Saturday"), "su": _l("Sunday")}
TIME_NAMES = {"morning": _l("Morning"), "afternoon": _l("Afternoon"), "evening": _l("Evening")}
NATURAL_ORDER = {"day": list(DAY_NAMES), "time": list(TIME_NAMES)}  # facets listed in this order, not by count
COST_NAMES = {"free": _l("Free"), "low": _l("Free or low cost (up to £3)")}
FEATURE_NAMES = {"transport_provided": _l("Transport provided"), "carers_welcome": _l("Carers welcome"),
                 "comes_to_you": _l("Comes to your home")}
VOCABULARY_FOR_FACET = {"access": vocabulary.ACCESSIBILITY, "gender": vocabulary.GENDER,
                        "faith": vocabulary.FAITH_SETTING, "food": vocabulary.FOOD, "join": vocabulary.HOW_TO_JOIN,
                        "status": vocabulary.LISTING_STATUS}


FACET_SHOWN = 6  # values of one facet shown at once; a long list is hard to scan, in large text above all


def facet_options(fieldname: str, counts: dict[str, int], chosen: list[str]) -> tuple[list[str], list[str]]:
    """One facet's values to show at once, and the rest, folded behind "Show N more".

    What the reader ticked is always shown; then the values most results have. Folding a
    single value would save nothing, so a facet with one value too many shows it.
    """
    values = list(dict.fromkeys([*counts, *chosen]))
    natural = NATURAL_ORDER.get(fieldname)
    if natural is not None:  # Monday to Sunday, morning to evening
        values.sort(key=lambda value: natural.index(value) if value in natural else len(natural))
    else:
        values.sort(key=lambda value: (value not in chosen, -counts.get(value, 0)))
    if len(values) <= FACET_SHOWN + 1:
        return values, []
    keep = [value for value in values if value in chosen]
    keep += [value for value in values if value not in chosen][:max(0, FACET_SHOWN - len(keep))]
    shown = [value for value in values if value in keep]
    return shown, [value for value in values if value not in keep]


def facet_label(fieldname: str, value: str, locale: str, terms: dict[str, TermName]) -> str:
    if fieldname == "category":
        term = terms.get(value)
        return term.name_in(locale) if term else value
    if fieldname == "language":
        return display_language_name(value, locale)
    return _vocabulary_label(fieldname, value, locale)


@functools.lru_cache(maxsize=4096)
def _vocabulary_label(fieldname: str, value: str, locale: str) -> str:
    """A day, time, cost, feature or vocabulary value's label in ``locale``, kept: a results
    page shows about a hundred, and each gettext costs several µs. Bounded, because a chosen
    value comes from the query string."""
    with force_locale(babel_locale(locale)):
        names = {"day": DAY_NAMES, "time": TIME_NAMES, "cost": COST_NAMES, "feature": FEATURE_NAMES}.get(fieldname)
        if names is not None:
            return str(names.get(value, value))
        labels = VOCABULARY_FOR_FACET.get(fieldname, {})
        return _(labels[value]) if value in labels else value


def facet_checkboxes(fieldname: str, values: list[str], first_number: int, counts: dict[str, int], chosen: list[str],
                     locale: str, terms: dict[str, TermName]) -> Markup:
    """One facet's checkboxes, numbered from ``first_number`` + 1 (their ids).

    Why here and not a template macro: a results page has about a hundred, and a Jinja macro
    call with its escaping cost ~30 µs each, 15% of a results page's CPU."""
    field = escape(fieldname)
    boxes = []
    for number, value in enumerate(values, first_number + 1):
        box_id = f"f-{field}-{number}"
        boxes.append(
            f'<div class="checkbox">\n'
            f'          <input type="checkbox" id="{box_id}" name="{field}" value="{escape(value)}" '
            f'{"checked" if value in chosen else ""}>\n'
            f'          <label for="{box_id}">{escape(facet_label(fieldname, value, locale, terms))} '
            f'<span class="count">({counts.get(value, 0)})</span></label>\n'
            f'        </div>')
    return Markup("".join(boxes))


def distance_text(metres: float) -> str:
    """ "0.6 miles"; a place at the searched postcode itself (0 from its centre) reads
    "nearby": "0 miles" claimed a precision the postcode's centre does not have."""
    amount, unit = format_distance(metres, current_app.config["DISTANCE_UNIT"])
    if amount == 0:
        return _("nearby")
    if unit == "mi":
        return miles_text(amount)
    return _("%(distance)s km", distance=format_decimal(amount))


def miles_text(miles: float) -> str:
    """ "1 mile", "2 miles"; Polish "1 mila", "2 mile", "5 mil". A fraction takes CLDR's
    "other" form ("0,5 mili"), which gettext's whole-number plural rules cannot pick, so it
    has a message of its own.

    Remembered per locale: a results page says ~15 distances (its form's choices and its
    results'), mostly the same few, and each cost gettext and Babel ~25 µs."""
    return _miles_text_in(str(get_locale()), miles)


@functools.lru_cache(maxsize=4096)
def _miles_text_in(_locale: str, miles: float) -> str:
    # ``_locale`` is the caller's current one, which gettext and Babel read: hence the key.
    if miles != int(miles):
        return _("%(distance)s miles", distance=format_decimal(miles))
    return ngettext("%(distance)s mile", "%(distance)s miles", int(miles), distance=format_decimal(miles))


def why_suggested(hit: SearchHit, locale: str, terms: dict[str, TermName]) -> list[str]:
    """The short reasons shown under a result: "matched: yoga · 0.6 miles · in Gujarati"."""
    explanation = hit.explanation
    parts = []
    matched = list(explanation.matched)
    matched += [terms[code].name_in(locale) for code in explanation.matched_categories if code in terms]
    if matched:
        parts.append(_("matched: %(words)s", words=list_text(dict.fromkeys(matched))))
    if explanation.comes_to_you:
        parts.append(_("comes to you"))
    elif explanation.distance_m is not None:
        parts.append(distance_text(explanation.distance_m))
    for code in explanation.languages:
        parts.append(_("sessions in %(language)s", language=display_language_name(code, locale)))
    parts.extend(_(vocabulary.ACCESSIBILITY[code]) for code in explanation.access if code in vocabulary.ACCESSIBILITY)
    if explanation.free:
        parts.append(_("free"))
    return parts
