"""Words for what the audit log and the diff store as codes and field paths: a moderator reads
"Where · Postcode" and "Step-free access", not "location physical addresses postal code" and
``step_free`` (the same translations the public pages use, directory/web/listing_words.py)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from babel import Locale
from flask_babel import format_currency, get_locale, gettext as _, lazy_gettext as _l
from markupsafe import Markup, escape

from ...i18n.locales import display_language_name
from ...submissions.word_diff import is_prose, word_runs
from ..listing_words import FREQUENCIES, byday_text, list_of, vocabulary_label

ACTIONS = {
    "submitted": _l("New listing sent in"),
    "edit_submitted": _l("Changes sent in by the group"),
    "verified": _l("Confirmed as still running"),
    "status_changed": _l("Status changed"),
    "problem_reported": _l("Problem reported"),
    "approved": _l("Approved and published"),
    "rejected": _l("Rejected"),
    "report_resolved": _l("Problem report resolved"),
    "links_revoked": _l("Edit links revoked"),
    "link_issued": _l("New edit link issued"),
    "reminder_sent": _l("Reminder e-mailed"),
    "reminder_refused": _l("Reminder refused by the mail server"),
    "reminder_failed": _l("Reminder could not be sent"),
    "reminder_answered": _l("Reminder answered"),
    "keeper_set": _l("Address for reminders changed"),
}

ACTORS = {"group": _l("The group (edit link)"), "public": _l("A member of the public"),
          "group (reminder)": _l("The group (reminder e-mail)"), "reminder": _l("Reminder (automatic)")}

CALL_REASONS = {"no_address": _l("No e-mail address"), "refused": _l("E-mail address refused"),
                "failed": _l("Reminder could not be sent"), "no_answer": _l("No answer to the reminder")}

PROBLEMS = {"closed": _l("It has closed or stopped running"), "wrong_time": _l("The day or time is wrong"),
            "wrong_place": _l("The place or address is wrong"), "other": _l("Something else")}

FIELDS = {
    "name": _l("Name"), "description": _l("Description"), "locale": _l("Language written in"),
    "translations": _l("Translation"), "organization": _l("Group"), "contacts": _l("Contact"),
    "schedules": _l("When"), "service_at_locations": _l("Where"), "languages": _l("Languages spoken"),
    "cost_options": _l("Cost"), "fees_description": _l("Cost details"), "attributes": _l("Category"),
    "gender": _l("Who can come"), "faith_setting": _l("Faith setting"), "food": _l("Food"),
    "minimum_age": _l("Minimum age"), "how_to_join": _l("How to join"), "application_process": _l("Joining details"),
    "carers_welcome": _l("Carers welcome"), "transport_provided": _l("Transport provided"),
    "listing_status": _l("Status"), "last_verified": _l("Last checked"), "keeper": _l("E-mail address for reminders"),
}


# The last name in a field path ("…physical_addresses[0].postal_code"), as the form calls it.
DETAILS = {
    "name": _l("Name"), "description": _l("Description"), "postal_code": _l("Postcode"),
    "address_1": _l("Street address"), "address_2": _l("Address, second line"), "city": _l("Town or city"),
    "state_province": _l("County"), "country": _l("Country"), "latitude": _l("Latitude"),
    "longitude": _l("Longitude"), "transportation": _l("Getting there"), "accessibility": _l("Access"),
    "accessibility_details": _l("More about access"), "opens_at": _l("Starts at"), "closes_at": _l("Finishes at"),
    "byday": _l("Days"), "bymonthday": _l("Days of the month"), "freq": _l("How often"),
    "interval": _l("Every how many weeks or months"), "dtstart": _l("First date"), "valid_from": _l("From"),
    "valid_to": _l("Until"), "until": _l("Until"), "notes": _l("Notes"), "amount": _l("Amount"),
    "currency": _l("Currency"), "option": _l("What it is for"), "amount_description": _l("More about the amount"),
    "number": _l("Telephone number"), "email": _l("E-mail address"), "url": _l("Website"),
    "website": _l("Website"), "title": _l("Job title"), "code": _l("Language"),
}
VOCABULARY_OF = {"gender": "gender", "faith_setting": "faith_setting", "how_to_join": "how_to_join",
                 "listing_status": "listing_status", "food": "food", "accessibility": "accessibility"}
LISTS = {"food", "accessibility", "languages", "attributes", "accessibility_details"}  # stored joined by ", "
PART = re.compile(r"([a-zA-Z_]+)(?:\[(\d+)\])?")


def _parts(path: str) -> list[tuple[str, int | None]]:
    return [(name, int(index) if index else None) for name, index in PART.findall(path)]


def field_label(path: str) -> str:
    """'service_at_locations[0].location.physical_addresses[0].postal_code' → 'Where · Postcode':
    the section and the field as the form names them; a second item is numbered ("Cost 2")."""
    parts = _parts(path)
    if not parts:
        return path
    head, index = parts[0]
    label = str(FIELDS.get(head, head.replace("_", " ")))
    if index:
        label = f"{label} {index + 1}"
    if head == "translations" and len(parts) > 1:
        label = f"{label} · {display_language_name(parts[1][0], str(get_locale() or 'en'))}"
        parts = parts[1:]
    if len(parts) > 1:
        leaf = parts[-1][0]
        label = f"{label} · {DETAILS.get(leaf, leaf.replace('_', ' '))}"
    return label


def field_value(path: str, value, terms: dict | None = None):
    """A stored value as the reader's words: codes translated (``step_free``, ``WEEKLY``,
    ``TH``, ``GB``, ``True``), lists joined the reader's way; text and numbers as they are."""
    if value is None:
        return None
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    parts = _parts(path)
    head, leaf = (parts[0][0], parts[-1][0]) if parts else ("", "")
    if leaf in LISTS or head in LISTS:
        items = [item for item in str(value).split(", ") if item]
        return list_of([_one_value(head, leaf, item, terms) for item in items])
    return _one_value(head, leaf, value, terms)


def _one_value(head: str, leaf: str, value, terms: dict | None):
    locale = str(get_locale() or "en")
    if leaf in VOCABULARY_OF:
        return vocabulary_label(str(value), VOCABULARY_OF[leaf])
    if head == "languages" or leaf == "locale" or head == "locale":
        return display_language_name(str(value), locale)
    if head == "attributes":
        term = (terms or {}).get(value)
        return term.name_in(locale) if term is not None else value
    if leaf == "freq":
        return str(FREQUENCIES.get(str(value).upper(), value))
    if leaf == "byday":
        return byday_text(str(value))
    if leaf == "country":
        return Locale.parse(locale).territories.get(str(value).upper(), value)
    if leaf == "amount" and isinstance(value, (int, float)):
        return format_currency(value, "GBP")
    return value


@dataclass
class ChangeRow:
    label: str
    before: Markup | None
    after: Markup | None


def change_rows(changes: list, terms: dict | None = None) -> list[ChangeRow]:
    """Each change as the table shows it: translated label and values; in text, only the
    words that changed are marked (<del> before, <ins> after)."""
    rows = []
    for path, before, after in changes:
        if is_prose(before) and is_prose(after):
            old, new = word_runs(before, after)
            rows.append(ChangeRow(field_label(path), _marked(old, "del"), _marked(new, "ins")))
            continue
        shown_before, shown_after = field_value(path, before, terms), field_value(path, after, terms)
        rows.append(ChangeRow(field_label(path),
                              None if shown_before is None else Markup("<del>%s</del>") % shown_before,
                              None if shown_after is None else Markup("<ins>%s</ins>") % shown_after))
    return rows


def _marked(runs: list[tuple[bool, str]], tag: str) -> Markup:
    return Markup("").join(Markup(f"<{tag}>%s</{tag}>") % text if changed else escape(text) for changed, text in runs)
