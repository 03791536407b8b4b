"""Rate limits that hold across workers, and the storage they count in.

Flask-Limiter counts in its *storage*. The in-memory default counts per process, so under
``serve --prod`` with N workers every limit is really N times the advertised one. The
storage is chosen by ``DIRECTORY_RATELIMIT_STORAGE_URI``:

* ``memory://`` — one process only (the development server, tests);
* ``redis://host:6379`` — a Redis server, shared by every worker and node;
* ``database://`` — this site's own database (``rate_limit_counter``): shared by every
  worker and node with nothing more to run. ``serve --prod`` picks it when no storage is
  configured and refuses ``memory://`` with more than one worker.
"""
from __future__ import annotations

import random
import time

from flask import Flask, current_app
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from limits import parse
from limits.storage import Storage
from sqlalchemy import case, delete, select
from sqlalchemy.exc import SQLAlchemyError

from ..models import RateLimitCounter

limiter = Limiter(key_func=get_remote_address, default_limits=[], headers_enabled=True)
DATABASE_STORAGE = "database://"
DEFAULT_API_LIMIT = "300 per minute"
PURGE_CHANCE = 0.001
_ENGINES: dict = {}


class DatabaseStorage(Storage):
    """Fixed-window counters in the ``rate_limit_counter`` table, one row per key.

    ``incr`` is one atomic upsert (PostgreSQL and SQLite both have ``INSERT … ON CONFLICT
    DO UPDATE … RETURNING``): a window that has ended starts again at ``amount``."""

    STORAGE_SCHEME = ["database"]

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **options):
        super().__init__(uri, wrap_exceptions=wrap_exceptions)
        # ``database://<n>``: the engine registered by ``init_limits`` (an option passed
        # through Flask-Limiter would stick to the shared limiter for every later app).
        self.engine = _ENGINES[(uri or "").partition("://")[2]]

    @property
    def base_exceptions(self):
        return SQLAlchemyError

    def _insert(self):
        if self.engine.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        return insert

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        now = time.time()
        table = RateLimitCounter.__table__
        statement = self._insert()(table).values(key=key, count=amount, expires_at=now + expiry)
        ended = table.c.expires_at <= now
        statement = statement.on_conflict_do_update(index_elements=[table.c.key], set_={
            "count": case((ended, amount), else_=table.c.count + amount),
            "expires_at": case((ended, now + expiry), else_=table.c.expires_at),
        }).returning(table.c.count)
        with self.engine.begin() as connection:
            count = int(connection.execute(statement).scalar_one())
        if random.random() < PURGE_CHANCE:  # now and then, some request clears ended windows
            self.purge_ended()
        return count

    def _row(self, key: str):
        with self.engine.connect() as connection:
            return connection.execute(select(RateLimitCounter.__table__.c.count, RateLimitCounter.__table__.c.expires_at)
                                      .where(RateLimitCounter.__table__.c.key == key)).first()

    def get(self, key: str) -> int:
        row = self._row(key)
        return int(row.count) if row is not None and row.expires_at > time.time() else 0

    def get_expiry(self, key: str) -> float:
        row = self._row(key)
        return float(row.expires_at) if row is not None and row.expires_at > time.time() else time.time()

    def check(self) -> bool:
        try:
            with self.engine.connect() as connection:
                connection.execute(select(1))
            return True
        except SQLAlchemyError:
            return False

    def reset(self) -> int | None:
        with self.engine.begin() as connection:
            return connection.execute(delete(RateLimitCounter.__table__)).rowcount

    def clear(self, key: str) -> None:
        with self.engine.begin() as connection:
            connection.execute(delete(RateLimitCounter.__table__).where(RateLimitCounter.__table__.c.key == key))

    def purge_ended(self) -> int:
        """Drop windows that have ended (any worker may call it now and then)."""
        with self.engine.begin() as connection:
            return connection.execute(delete(RateLimitCounter.__table__)
                                      .where(RateLimitCounter.__table__.c.expires_at <= time.time())).rowcount


def api_limit() -> str:
    """Every API request counts, per client address (``DIRECTORY_API_RATE_LIMIT``)."""
    return current_app.config.get("API_RATE_LIMIT") or DEFAULT_API_LIMIT


def api_rate_limit():
    """Count this API request against its address's limit in the shared storage; past the
    limit, a 429 problem document with Retry-After (None: go on)."""
    if not limiter.enabled:
        return None
    from .api.problems import problem_response

    limit = parse(api_limit())
    key = ("api", get_remote_address())
    if limiter.limiter.hit(limit, *key):
        return None
    reset_at, _remaining = limiter.limiter.get_window_stats(limit, *key)
    wait = max(1, int(reset_at - time.time()))
    return problem_response(429, "Too Many Requests", f"at most {limit} per client address; retry in {wait} s",
                            {"Retry-After": str(wait)})


def storage_uri(app: Flask) -> str:
    return (app.config.get("RATELIMIT_STORAGE_URI") or "memory://").strip()


def init_limits(app: Flask) -> None:
    uri = storage_uri(app)
    if uri.startswith("database:"):
        engine = app.extensions["directory.db"].engine
        _ENGINES[str(id(engine))] = engine
        uri = f"database://{id(engine)}"
    app.config["RATELIMIT_STORAGE_URI"] = uri
    limiter.init_app(app)
