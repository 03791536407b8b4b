"""What groups send in and what moderators decide: submissions, problem reports, edit
tokens and the audit log (extensions to ORUK; nothing here is published as-is).

Every row points at a listing by ``listing_id`` rather than ``service_id``: a new
submission names a service that does not exist yet, and the audit log must outlive a
deleted listing. (The name also keeps ``IndexSync`` from re-indexing a service whenever a
submission about it is saved; only approval touches the index.)
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import ID_LENGTH, Base, IdMixin


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


SUBMISSION_KINDS = ("new", "edit")
SUBMISSION_STATES = ("pending", "approved", "rejected", "superseded")
PROBLEM_KINDS = ("closed", "wrong_time", "wrong_place", "other")


class Submission(IdMixin, Base):
    """A new listing or a change to one, waiting for (or past) a moderator's decision.

    ``payload`` is an ORUK "full service" dict in the shape ``oruk.read`` reads, so
    approving is ``upsert_service(session, payload)``.
    """

    __tablename__ = "submission"

    kind: Mapped[str] = mapped_column(String(8))
    state: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    listing_id: Mapped[str] = mapped_column(String(ID_LENGTH), index=True)
    payload: Mapped[dict] = mapped_column(JSON)
    locale: Mapped[str] = mapped_column(String(16), default="en")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)
    decided_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    decided_by: Mapped[str | None] = mapped_column(String(255))
    reason: Mapped[str | None] = mapped_column(Text)


class ProblemReport(IdMixin, Base):
    """'Report a problem with this listing' from a member of the public (kept anonymous)."""

    __tablename__ = "problem_report"

    listing_id: Mapped[str] = mapped_column(String(ID_LENGTH), index=True)
    problem: Mapped[str] = mapped_column(String(16))
    details: Mapped[str | None] = mapped_column(Text)
    locale: Mapped[str] = mapped_column(String(16), default="en")
    state: Mapped[str] = mapped_column(String(16), default="open", index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    resolved_by: Mapped[str | None] = mapped_column(String(255))
    resolution: Mapped[str | None] = mapped_column(Text)


class EditToken(IdMixin, Base):
    """A group's private edit link. Only a SHA-256 of the random token is stored, so a
    leaked database cannot be turned back into working links."""

    __tablename__ = "edit_token"

    listing_id: Mapped[str] = mapped_column(String(ID_LENGTH), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    last_used_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    revoked_by: Mapped[str | None] = mapped_column(String(255))
    # Renewed on every use (see ``submissions.tokens``): a link nobody uses for a year dies.
    expires_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > utcnow())


class AuditEntry(Base):
    """One change to a listing: who, when, what (``changes`` is a list of
    ``[field path, before, after]``). Rows are only ever added."""

    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    listing_id: Mapped[str] = mapped_column(String(ID_LENGTH), index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(255))
    action: Mapped[str] = mapped_column(String(32))
    changes: Mapped[list] = mapped_column(JSON, default=list)
    note: Mapped[str | None] = mapped_column(Text)
