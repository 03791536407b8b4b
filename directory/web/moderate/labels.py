"""Words for what the audit log and the diff store as codes and field paths."""
from __future__ import annotations

import re

from flask_babel import lazy_gettext as _l

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


def field_label(path: str) -> str:
    """'schedules[0].opens_at' → 'When · opens at' (the section in words, the detail as is)."""
    head = re.split(r"[.\[]", path, maxsplit=1)[0]
    rest = path[len(head):].lstrip(".")
    rest = re.sub(r"\[\d+\]\.?", " ", rest).replace("_", " ").replace(".", " ").strip()
    label = str(FIELDS.get(head, head.replace("_", " ")))
    return f"{label} · {rest}" if rest else label
