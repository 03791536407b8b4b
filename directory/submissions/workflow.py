"""What groups, the public and moderators do to listings, as domain functions.

Each function works inside the caller's session and leaves committing to the caller, so
a submission, its edit token and its audit entry are saved in one transaction — before
anything else (e-mail, indexing) is attempted. Every change to a listing writes an audit
entry in that same transaction: no change without its record.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ..models import ProblemReport, Service, Submission
from ..models.submission import PROBLEM_KINDS, utcnow
from ..oruk.read import upsert_service
from ..oruk.write import service_to_oruk
from . import audit
from .keepers import remember_submitter
from .tokens import issue_token

GROUP = "group"
PUBLIC = "public"

GROUP_STATUSES = {
    # what the group chooses: (listing_status, how_to_join or None to keep it)
    "active": ("active", None),
    "paused": ("paused", None),
    "full": ("full", None),
    "waiting_list": ("full", "waiting_list"),
    "closed": ("closed", None),
}
"""A waiting list is "full, but you can join the waiting list": listing_status ``full``
with how_to_join ``waiting_list``, so lists and the search treat it as a full group."""


class AlreadyDecided(ValueError):
    """A moderator acted on a submission or report someone else has already decided."""


class ListingNotLive(LookupError):
    """The listing is not (or no longer) in the directory."""


@dataclass
class Receipt:
    """A saved submission and its edit link's token (shown to the group once)."""

    submission: Submission
    token: str


def submit_listing(session: Session, payload: dict, locale: str, link_lifetime: dt.timedelta | None = None) -> Receipt:
    """A new listing from a group: queued for moderation, with a private edit link."""
    submission = Submission(kind="new", listing_id=payload["id"], payload=payload, locale=locale)
    session.add(submission)
    token = issue_token(session, payload["id"], **({"lifetime": link_lifetime} if link_lifetime else {}))
    remember_submitter(session, payload["id"], payload)
    audit.record(session, payload["id"], GROUP, "submitted")
    return Receipt(submission, token)


def live_listing(session: Session, listing_id: str) -> Service:
    service = session.get(Service, listing_id)
    if service is None:
        raise ListingNotLive(listing_id)
    return service


def submit_edit(session: Session, listing_id: str, payload: dict, locale: str) -> Submission:
    """A group's change to its live listing: queued, replacing any earlier unreviewed change."""
    live = live_listing(session, listing_id)
    session.execute(update(Submission).where(Submission.listing_id == listing_id, Submission.kind == "edit",
                                             Submission.state == "pending").values(state="superseded"))
    payload = dict(payload, id=listing_id)
    submission = Submission(kind="edit", listing_id=listing_id, payload=payload, locale=locale)
    session.add(submission)
    audit.record(session, listing_id, GROUP, "edit_submitted", audit.diff(service_to_oruk(live), payload))
    return submission


def confirm_still_running(session: Session, listing_id: str, today: dt.date, actor: str = GROUP,
                          note: str | None = None) -> Service:
    """'Still running, nothing changed': only ``last_verified`` moves, no moderation needed."""
    service = live_listing(session, listing_id)
    before = service.last_verified.isoformat() if service.last_verified else None
    service.last_verified = today
    audit.record(session, listing_id, actor, "verified", [["last_verified", before, today.isoformat()]], note=note)
    return service


def set_group_status(session: Session, listing_id: str, choice: str, today: dt.date, actor: str = GROUP,
                     note: str | None = None) -> Service:
    """The group says it is running, paused, full, has a waiting list or has closed.

    Takes effect at once (a group that is full should not get more visitors while a
    moderator catches up) and counts as the group confirming the listing.
    """
    status, how_to_join = GROUP_STATUSES[choice]
    service = live_listing(session, listing_id)
    changes = [["listing_status", service.listing_status, status]]
    if how_to_join and how_to_join != service.how_to_join:
        changes.append(["how_to_join", service.how_to_join, how_to_join])
        service.how_to_join = how_to_join
    service.listing_status = status
    service.last_verified = today
    audit.record(session, listing_id, actor, "status_changed", changes, note=note)
    return service


def report_problem(session: Session, listing_id: str, problem: str, details: str | None, locale: str) -> ProblemReport:
    if problem not in PROBLEM_KINDS:
        raise ValueError(f"unknown problem {problem!r}")
    live_listing(session, listing_id)
    report = ProblemReport(listing_id=listing_id, problem=problem, details=details, locale=locale)
    session.add(report)
    audit.record(session, listing_id, PUBLIC, "problem_reported", note=problem)
    return report


def _decide(submission: Submission, moderator: str, state: str, reason: str | None = None) -> None:
    if submission.state != "pending":
        raise AlreadyDecided(submission.id)
    submission.state, submission.decided_by, submission.decided_at, submission.reason = state, moderator, utcnow(), reason


def approve(session: Session, submission: Submission, moderator: str, today: dt.date,
            payload: dict | None = None) -> Service:
    """Publish a submission (optionally as the moderator edited it). Approval counts as
    the listing being confirmed today."""
    _decide(submission, moderator, "approved")
    edited_by_moderator = payload is not None
    payload = dict(payload or submission.payload, id=submission.listing_id, last_verified=today.isoformat())
    live = session.get(Service, submission.listing_id)
    before = service_to_oruk(live) if live is not None else None
    changes = audit.diff(before, payload)
    service = upsert_service(session, payload)
    submission.payload = payload
    audit.record(session, submission.listing_id, moderator, "approved", changes,
                 note="edited by moderator" if edited_by_moderator else None)
    return service


def reject(session: Session, submission: Submission, moderator: str, reason: str) -> None:
    _decide(submission, moderator, "rejected", reason)
    audit.record(session, submission.listing_id, moderator, "rejected", note=reason)


def resolve_report(session: Session, report: ProblemReport, moderator: str, resolution: str | None) -> None:
    if report.state != "open":
        raise AlreadyDecided(report.id)
    report.state, report.resolved_by, report.resolved_at, report.resolution = "resolved", moderator, utcnow(), resolution
    audit.record(session, report.listing_id, moderator, "report_resolved", note=resolution)


def latest_submission(session: Session, listing_id: str) -> Submission | None:
    return session.scalar(select(Submission).where(Submission.listing_id == listing_id)
                          .order_by(Submission.created_at.desc()).limit(1))
