"""Anonymous counts of searches that found nothing suitable: the gaps in local provision.

DOMAIN.md: the product keeps no personal records, but it may count what was searched for
and not found so that commissioners can act. A row is a tally for one postcode district
(never a full postcode), one taxonomy category, one spoken language and one ISO week
(its Monday) — no free text, no time of day, nothing that could name a person.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base

ANY = ""
"""Stored for "no category chosen" or "no language chosen" (the whole row still counts)."""


class GapCount(Base):
    """How many connector searches in a district, week, category and language found nothing."""

    __tablename__ = "gap_count"
    __table_args__ = (UniqueConstraint("week", "district", "category", "language", name="uq_gap_count_cell"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    week: Mapped[dt.date] = mapped_column(Date, index=True)           # Monday of the ISO week
    district: Mapped[str] = mapped_column(String(4), index=True)      # "LE4"
    category: Mapped[str] = mapped_column(String(64), default=ANY)    # taxonomy code or ANY
    language: Mapped[str] = mapped_column(String(16), default=ANY)    # ISO 639 code or ANY
    count: Mapped[int] = mapped_column(Integer, default=0)
