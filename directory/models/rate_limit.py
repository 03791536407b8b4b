"""Rate-limit counters kept in the database, so every worker and node counts together
without a Redis server (see ``directory.web.limits``)."""
from __future__ import annotations

from sqlalchemy import Float, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class RateLimitCounter(Base):
    """One fixed window of one limit: how many hits, and when (epoch seconds) it ends."""

    __tablename__ = "rate_limit_counter"

    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    count: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    expires_at: Mapped[float] = mapped_column(Float, index=True, nullable=False)
