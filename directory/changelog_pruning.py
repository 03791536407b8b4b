"""Keep the change log short without leaving any index behind.

Every committed change appends rows to ``change_log`` (``directory.changelog``); each index
folder's writer applies them and remembers the last seq it applied. Left alone the log grows
for ever. Here each writer reports how far it has applied (``index_node``, one row per host
and index folder, refreshed at most once a minute while it is in step), and, at most once an
hour, deletes the rows that are both older than ``keep_days`` and applied by every node seen
in the last ``node_days``. The newest row is always kept: the log's latest seq is read from it.

A node that was away longer than ``node_days`` is no longer waited for. When it comes back,
its index may be older than what was deleted (``change_log_prune`` records how far each
pruning went); the applier then rebuilds that index from the database instead of catching
up, which is always correct because the database is the source of truth.
"""
from __future__ import annotations

import datetime as dt
import socket
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from .changelog import latest_seq
from .models import ChangeLogEntry, ChangeLogPrune, IndexNode

REPORT_EVERY_S = 60.0
PRUNE_EVERY_S = 3600.0


@dataclass(frozen=True)
class PruningPolicy:
    keep_days: int = 7    # a row is kept at least this long, whatever the nodes say
    node_days: int = 7    # a node not heard from for this long is no longer waited for


def node_name(index_root: str | Path) -> str:
    """Which index this is: one writer per folder, so the host and the folder name it."""
    return f"{socket.gethostname()}:{Path(index_root).resolve()}"[:512]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def report_applied(session: Session, node: str, applied_seq: int, now: dt.datetime | None = None) -> None:
    """Record (and commit) that ``node``'s index holds every change up to ``applied_seq``."""
    row = session.get(IndexNode, node)
    if row is None:
        session.add(IndexNode(node=node, applied_seq=applied_seq, seen_at=now or _now()))
    else:
        row.applied_seq, row.seen_at = applied_seq, now or _now()
    session.commit()


def pruned_through(session: Session) -> int:
    """The highest seq any pruning deleted (0 when the log was never pruned)."""
    return session.scalar(select(func.coalesce(func.max(ChangeLogPrune.pruned_through), 0)))


def prune_change_log(session: Session, policy: PruningPolicy = PruningPolicy(),
                     now: dt.datetime | None = None) -> int:
    """Delete what every live node has applied and what is old enough; commit; return the
    number of rows deleted. With no node heard from recently nothing is deleted: nobody
    has said what it still needs."""
    now = now or _now()
    oldest_applied = session.scalar(select(func.min(IndexNode.applied_seq))
                                    .where(IndexNode.seen_at >= now - dt.timedelta(days=policy.node_days)))
    if oldest_applied is None:
        return 0
    limit = min(oldest_applied, latest_seq(session) - 1)
    through = session.scalar(select(func.max(ChangeLogEntry.seq)).where(
        ChangeLogEntry.seq <= limit, ChangeLogEntry.changed_at < now - dt.timedelta(days=policy.keep_days)))
    if not through:
        return 0
    deleted = session.execute(delete(ChangeLogEntry).where(ChangeLogEntry.seq <= through)).rowcount
    session.add(ChangeLogPrune(pruned_through=through, rows=deleted, pruned_at=now))
    session.commit()
    return deleted


__all__ = ["PruningPolicy", "node_name", "prune_change_log", "pruned_through", "report_applied"]
