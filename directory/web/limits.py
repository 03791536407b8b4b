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

from flask import Flask, current_app, g, has_request_context
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
_COUNTED = "rate_limits_counted"  # flask.g: DatabaseStorage's upserts in this request


class DatabaseStorage(Storage):
    """Fixed-window counters in the ``rate_limit_counter`` table, one row per key.

    ``incr`` is one atomic upsert (PostgreSQL and SQLite both have ``INSERT … ON CONFLICT
    DO UPDATE … RETURNING``): a window that has ended starts again at ``amount``.

    A request that has just counted itself is then asked for the window's count and end
    (Flask-Limiter's ``X-RateLimit-*`` headers): two more SELECTs, each on a connection
    checked out and pinged, for numbers the upsert had just returned. So the upsert's answer
    is kept for the rest of that request (in ``flask.g``, never across requests) and read
    back instead; outside a request every read goes to the database."""

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
        }).returning(table.c.count, table.c.expires_at)
        with self.engine.begin() as connection:
            count, expires_at = connection.execute(statement).one()
        _counted_in_this_request()[key] = (int(count), float(expires_at))
        if random.random() < PURGE_CHANCE:  # now and then, some request clears ended windows
            self.purge_ended()
        return int(count)

    def _row(self, key: str) -> tuple[int, float] | None:
        """The window's (count, end): this request's own upsert's answer, else the table's."""
        counted = _counted_in_this_request().get(key)
        if counted is not None:
            return counted
        table = RateLimitCounter.__table__
        with self.engine.connect() as connection:
            row = connection.execute(select(table.c.count, table.c.expires_at).where(table.c.key == key)).first()
        return None if row is None else (int(row.count), float(row.expires_at))

    def get(self, key: str) -> int:
        row = self._row(key)
        return row[0] if row is not None and row[1] > time.time() else 0

    def get_expiry(self, key: str) -> float:
        row = self._row(key)
        return row[1] if row is not None and row[1] > time.time() else time.time()

    def check(self) -> bool:
        try:
            with self.engine.connect() as connection:
                connection.execute(select(1))
            return True
        except SQLAlchemyError:
            return False

    def reset(self) -> int | None:
        _counted_in_this_request().clear()
        with self.engine.begin() as connection:
            return connection.execute(delete(RateLimitCounter.__table__)).rowcount

    def clear(self, key: str) -> None:
        _counted_in_this_request().pop(key, None)
        with self.engine.begin() as connection:
            connection.execute(delete(RateLimitCounter.__table__).where(RateLimitCounter.__table__.c.key == key))

    def purge_ended(self) -> int:
        """Drop windows that have ended (any worker may call it now and then)."""
        with self.engine.begin() as connection:
            return connection.execute(delete(RateLimitCounter.__table__)
                                      .where(RateLimitCounter.__table__.c.expires_at <= time.time())).rowcount


def _counted_in_this_request() -> dict[str, tuple[int, float]]:
    """The windows this request has counted itself in: key -> (count, end). A fresh dict
    (kept nowhere) outside a request."""
    if not has_request_context():
        return {}
    return g.setdefault(_COUNTED, {})


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
