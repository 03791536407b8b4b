"""What each answer to a reminder does, as domain functions in the caller's session.

"Still right" confirms the listing (``last_verified`` becomes today, so it ranks as fresh
again once the change log reaches the index); "We have stopped or paused" closes or
pauses it at once (a closed lunch club must stop being suggested before a moderator gets
to it); "Change something" opens the group's private edit form. Every answer goes into
the audit log. A link already used answers ``AlreadyAnswered`` and changes nothing, so a
second click (or a mail scanner's) is harmless.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from ..models import Reminder, ReminderToken, Service
from ..models.submission import utcnow
from ..submissions import audit
from ..submissions.tokens import issue_token
from ..submissions.workflow import ListingNotLive, confirm_still_running, live_listing, set_group_status

BY_REMINDER = "group (reminder)"
STOP_CHOICES = ("paused", "closed")


class AlreadyAnswered(Exception):
    """This link was used before; ``row.used_at`` says when."""

    def __init__(self, row: ReminderToken):
        super().__init__(row.id)
        self.row = row


def _use(row: ReminderToken, answer: str, paused_until: dt.date | None = None) -> Reminder:
    if row.used_at is not None:
        raise AlreadyAnswered(row)
    row.used_at = utcnow()
    reminder = row.reminder
    reminder.answer, reminder.answered_at, reminder.paused_until = answer, row.used_at, paused_until
    return reminder


def open_listing(session: Session, row: ReminderToken) -> Service:
    """The listing a link is about, while it is still in the directory and not closed."""
    service = live_listing(session, row.listing_id)
    if service.listing_status == "closed":
        raise ListingNotLive(row.listing_id)
    return service


def answer_confirm(session: Session, row: ReminderToken, today: dt.date) -> Service:
    open_listing(session, row)
    _use(row, "confirmed")
    return confirm_still_running(session, row.listing_id, today, actor=BY_REMINDER, note="reminder: still right")


def answer_stop(session: Session, row: ReminderToken, today: dt.date, choice: str, reason: str | None,
                paused_until: dt.date | None) -> Service:
    if choice not in STOP_CHOICES:
        raise ValueError(choice)
    open_listing(session, row)
    until = paused_until if choice == "paused" else None
    _use(row, choice, until)
    note = "; ".join(part for part in (reason, f"paused until {until.isoformat()}" if until else None) if part)
    return set_group_status(session, row.listing_id, choice, today, actor=BY_REMINDER, note=note or None)


def answer_edit(session: Session, row: ReminderToken, lifetime: dt.timedelta) -> str:
    """A fresh edit-link token beside the group's own (which keeps working). This link may
    be used more than once while it lasts: opening a form changes nothing."""
    open_listing(session, row)
    if row.used_at is None:
        _use(row, "edit")
        audit.record(session, row.listing_id, BY_REMINDER, "reminder_answered", note="change something")
    return issue_token(session, row.listing_id, lifetime, revoke_others=False)


def confirmed_by_phone(session: Session, listing_id: str, today: dt.date, moderator: str) -> Service:
    """A moderator rang the group: confirmed, and its latest unanswered reminder answered."""
    service = confirm_still_running(session, listing_id, today, actor=moderator, note="by phone")
    reminder = session.query(Reminder).filter(Reminder.listing_id == listing_id, Reminder.answer.is_(None)) \
        .order_by(Reminder.sent_at.desc()).first()
    if reminder is not None:
        reminder.answer, reminder.answered_at = "phone", utcnow()
    return service
