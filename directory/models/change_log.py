"""The change log: an outbox of committed changes to listings, in commit order.

Every transaction that changes a service, a location or the taxonomy appends rows here in
the same transaction (``directory.changelog``), so a commit and its log entry cannot part.
Each node's search index remembers the last ``seq`` it applied and catches up from there.

``seq`` is an identity column on PostgreSQL and an AUTOINCREMENT rowid on SQLite, so a
number is never handed out twice, even after old rows are deleted.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Boolean, DateTime, Identity, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import ID_LENGTH, Base
from .service import utcnow

# SQLite only auto-numbers an INTEGER PRIMARY KEY (an alias of the rowid), not a BIGINT one.
SEQ_TYPE = BigInteger().with_variant(Integer(), "sqlite")


class ChangeLogEntry(Base):
    """One changed thing: a service, a location (re-index the services held there) or the
    taxonomy (re-read the term catalogue)."""

    __tablename__ = "change_log"
    __table_args__ = {"sqlite_autoincrement": True}

    seq: Mapped[int] = mapped_column(SEQ_TYPE, Identity(), primary_key=True)
    service_id: Mapped[str | None] = mapped_column(String(ID_LENGTH))
    location_id: Mapped[str | None] = mapped_column(String(ID_LENGTH))
    taxonomy: Mapped[bool] = mapped_column(Boolean, default=False)
    changed_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class IndexNode(Base):
    """One index folder's writer, as the change log's pruning sees it: how far it has
    applied the log, and when it last said so. Pruning never passes the lowest
    ``applied_seq`` among the nodes seen recently (``directory.changelog_pruning``)."""

    __tablename__ = "index_node"

    node: Mapped[str] = mapped_column(String(512), primary_key=True)  # host and index folder
    applied_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    seen_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class ChangeLogPrune(Base):
    """One pruning of the change log: every row up to ``pruned_through`` was deleted. A node
    whose index is older than the highest of these cannot catch up and rebuilds instead."""

    __tablename__ = "change_log_prune"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    pruned_through: Mapped[int] = mapped_column(BigInteger)
    rows: Mapped[int] = mapped_column(Integer, default=0)
    pruned_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
