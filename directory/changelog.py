"""Append every committed change to a listing to the change log, in the same transaction.

``ChangeRecorder`` listens to a session factory. After each flush it notes which services,
locations and taxonomy rows changed (in ``session.info``, so a nested savepoint or a second
session on the same thread never mixes change sets); just before the transaction commits it
writes them to ``change_log`` on the session's own connection. The log row and the change
commit or roll back together.

Why the PostgreSQL advisory lock: an identity column hands out numbers when a row is
inserted, not when its transaction commits, so two writers can commit out of order
(seq 10 visible, seq 9 still in flight). An applier that remembered "applied up to 10"
would then skip 9 for ever. Taking a transaction-level advisory lock just before the
INSERT makes number-allocation-to-commit a critical section: the lock is released only
after the commit is visible, so once any seq is visible every lower seq is committed or
rolled back for good, and "everything after my last applied seq" is exact. The lock is
held only from the final INSERT to COMMIT (the flush of the listing itself happens before
it), so concurrent edits serialise for one round trip, not for their whole transaction.
The alternatives were worse: re-reading a window behind the high-water mark only narrows
the hole, and tracking in-flight transaction ids is PostgreSQL-internal and subtle. SQLite
needs nothing: it has one writer at a time, from first write to commit.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import event, func, insert, select
from sqlalchemy.orm import Session, sessionmaker

from .models import ChangeLogEntry, Location, Service, ServiceAtLocation, TaxonomyTerm, TaxonomyTermTranslation

# An arbitrary application-wide key for pg_advisory_xact_lock ("Sign" in ASCII).
APPEND_LOCK_KEY = 0x5369676E
_PENDING = "directory.changes"
_LOGGED = "directory.changes_logged"


@dataclass
class ChangeSet:
    """What one transaction changed, as far as the search index cares."""

    services: set[str] = field(default_factory=set)
    locations: set[str] = field(default_factory=set)
    taxonomy: bool = False

    def __bool__(self) -> bool:
        return bool(self.services or self.locations or self.taxonomy)

    def note(self, obj) -> None:
        if isinstance(obj, Service):
            self.services.add(obj.id)
        elif isinstance(obj, (TaxonomyTerm, TaxonomyTermTranslation)):
            self.taxonomy = True
        elif isinstance(obj, Location):
            self.locations.add(obj.id)
        service_id = getattr(obj, "service_id", None)
        if service_id:
            self.services.add(service_id)
        location_id = getattr(obj, "location_id", None)
        if location_id and not isinstance(obj, ServiceAtLocation):
            self.locations.add(location_id)

    def update(self, other: "ChangeSet") -> None:
        self.services |= other.services
        self.locations |= other.locations
        self.taxonomy = self.taxonomy or other.taxonomy

    def rows(self, now: dt.datetime) -> list[dict]:
        rows = [{"service_id": sid, "location_id": None, "taxonomy": False, "changed_at": now}
                for sid in sorted(self.services)]
        rows += [{"service_id": None, "location_id": lid, "taxonomy": False, "changed_at": now}
                 for lid in sorted(self.locations)]
        if self.taxonomy:
            rows.append({"service_id": None, "location_id": None, "taxonomy": True, "changed_at": now})
        return rows


class ChangeRecorder:
    """Writes the change log for every session a factory makes; tells subscribers after a
    commit that added to it (so an in-process applier can index at once)."""

    def __init__(self):
        self._subscribers: list[Callable[[], None]] = []

    def install(self, factory: sessionmaker) -> "ChangeRecorder":
        event.listen(factory, "after_flush", self._collect)
        event.listen(factory, "before_commit", self._append)
        event.listen(factory, "after_commit", self._committed)
        event.listen(factory, "after_transaction_end", self._forget)
        return self

    def subscribe(self, callback: Callable[[], None]) -> None:
        self._subscribers.append(callback)

    def _collect(self, session: Session, _context) -> None:
        changes = session.info.setdefault(_PENDING, ChangeSet())
        for obj in [*session.new, *session.dirty, *session.deleted]:
            changes.note(obj)

    def _append(self, session: Session) -> None:
        session.flush()  # the final flush, so its changes are collected before we write
        changes: ChangeSet | None = session.info.pop(_PENDING, None)
        if not changes:
            return
        connection = session.connection()
        if connection.dialect.name == "postgresql":
            connection.execute(select(func.pg_advisory_xact_lock(APPEND_LOCK_KEY)))
        connection.execute(insert(ChangeLogEntry), changes.rows(dt.datetime.now(dt.UTC).replace(tzinfo=None)))
        session.info[_LOGGED] = True

    def _committed(self, session: Session) -> None:
        if session.info.pop(_LOGGED, False):
            for callback in list(self._subscribers):
                callback()

    def _forget(self, session: Session, transaction) -> None:
        """A top-level transaction ended (commit or rollback): its change set is spent."""
        if transaction.parent is None:
            session.info.pop(_PENDING, None)
            session.info.pop(_LOGGED, None)


def latest_seq(session_or_connection) -> int:
    """The highest committed seq (0 for an empty log)."""
    return session_or_connection.execute(select(func.coalesce(func.max(ChangeLogEntry.seq), 0))).scalar_one()


def changes_after(session: Session, seq: int, limit: int) -> tuple[ChangeSet, int]:
    """The changes logged after ``seq`` (at most ``limit`` rows) and the last seq read."""
    rows = session.execute(select(ChangeLogEntry.seq, ChangeLogEntry.service_id, ChangeLogEntry.location_id,
                                  ChangeLogEntry.taxonomy)
                           .where(ChangeLogEntry.seq > seq).order_by(ChangeLogEntry.seq).limit(limit)).all()
    changes = ChangeSet()
    for row in rows:
        if row.service_id:
            changes.services.add(row.service_id)
        if row.location_id:
            changes.locations.add(row.location_id)
        changes.taxonomy = changes.taxonomy or bool(row.taxonomy)
    return changes, (rows[-1].seq if rows else seq)


__all__ = ["APPEND_LOCK_KEY", "ChangeRecorder", "ChangeSet", "changes_after", "latest_seq"]
