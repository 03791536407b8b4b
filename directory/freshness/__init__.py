"""Listings that stay true: each group is asked, in its own language, to confirm its
listing before it goes stale (DOMAIN.md: a stale listing is the commonest complaint about
every directory; groups fold, move and pause without telling anyone).

The domain side (no Flask): who keeps a listing (``submissions.keepers``), which listings are due and
who was asked (``due``), the signed one-click links of a reminder (``links``), what an
answer does (``answers``) and the moderators' freshness figures and call list
(``report``). ``directory.web.reminders`` sends the mail and serves the links.
"""
from .answers import AlreadyAnswered, answer_confirm, answer_edit, answer_stop, confirmed_by_phone
from .due import due_listings, needs_asking
from ..submissions.keepers import keeper_address, set_keeper
from .links import ExpiredReminderLink, InvalidReminderLink, find_link, issue_links
from .report import CallListEntry, FreshnessReport, freshness_report

__all__ = [
    "AlreadyAnswered", "CallListEntry", "ExpiredReminderLink", "FreshnessReport", "InvalidReminderLink",
    "answer_confirm", "answer_edit", "answer_stop", "confirmed_by_phone", "due_listings", "find_link",
    "freshness_report", "issue_links", "keeper_address", "needs_asking", "set_keeper",
]
