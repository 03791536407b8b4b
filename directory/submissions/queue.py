"""The moderation queue: what is waiting for a moderator, and which listings are stale.

Stale means "not confirmed by the group for STALE_AFTER_DAYS" (DOMAIN.md: stale listings
are the commonest complaint about every directory); moderators ring those groups.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..models import ProblemReport, Service, Submission


@dataclass
class ModerationQueue:
    new: list[Submission]
    edits: list[Submission]
    reports: list[ProblemReport]
    stale: list[Service]

    @property
    def total(self) -> int:
        return len(self.new) + len(self.edits) + len(self.reports) + len(self.stale)


def pending_submissions(session: Session, kind: str) -> list[Submission]:
    return list(session.scalars(select(Submission).where(Submission.state == "pending", Submission.kind == kind)
                                .order_by(Submission.created_at, Submission.id)))


def open_reports(session: Session) -> list[ProblemReport]:
    return list(session.scalars(select(ProblemReport).where(ProblemReport.state == "open")
                                .order_by(ProblemReport.created_at, ProblemReport.id)))


def stale_listings(session: Session, today: dt.date, stale_after_days: int, limit: int = 200) -> list[Service]:
    """Listings still shown but unconfirmed for too long, longest-unconfirmed first."""
    cutoff = today - dt.timedelta(days=stale_after_days)
    return list(session.scalars(
        select(Service).where(Service.listing_status != "closed",
                              or_(Service.last_verified.is_(None), Service.last_verified < cutoff))
        .order_by(Service.last_verified.is_not(None), Service.last_verified, Service.name).limit(limit)))


def moderation_queue(session: Session, today: dt.date, stale_after_days: int) -> ModerationQueue:
    return ModerationQueue(new=pending_submissions(session, "new"), edits=pending_submissions(session, "edit"),
                           reports=open_reports(session), stale=stale_listings(session, today, stale_after_days))
