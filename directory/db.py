"""Engine and session factory — usable from the CLI, the search engine and the web app.

SQLite is the embedded default; PostgreSQL is production. Both get the same schema through
Alembic (``directory.migrations``).
"""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event, exc, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

from .changelog import ChangeRecorder

UNAVAILABLE = (exc.OperationalError, exc.InterfaceError, exc.DisconnectionError, exc.TimeoutError)
"""Errors that mean "the database cannot be reached just now" (server down, network cut,
pool exhausted, SQLite locked), as opposed to a bug: the site answers 503 and recovers by
itself — ``pool_pre_ping`` replaces dead pooled connections on the next checkout."""


def unavailable_reason(error: BaseException) -> str:
    """One line for the log: the driver's message, never the SQL or its parameters."""
    original = getattr(error, "orig", None) or error
    lines = str(original).strip().splitlines() or [""]
    return f"{type(original).__name__}: {lines[0][:200]}"


def reachable(url: str, timeout: int = 2) -> bool:
    """Whether a database server answers at ``url`` within ``timeout`` seconds: the tests
    and the benchmarks run on PostgreSQL only when one is there."""
    try:
        engine = create_engine(url, connect_args={"connect_timeout": timeout})
        try:
            with engine.connect():
                return True
        finally:
            engine.dispose()
    except Exception:
        return False


class Database:
    """One engine and its session factory for a database URL."""

    def __init__(self, url: str):
        self.url = url
        parsed = make_url(url)
        # Parameters (postcodes among them) never appear in error messages or logs.
        options: dict = {"hide_parameters": True}
        if parsed.get_backend_name() == "sqlite":
            if parsed.database and parsed.database != ":memory:":
                Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            options["connect_args"] = {"check_same_thread": False, "timeout": 30}
        else:
            options["pool_pre_ping"] = True  # recover from a restarted server without a restart
            # An unreachable server fails a request in seconds (a 503 page), not after minutes.
            options["connect_args"] = {"connect_timeout": 10}
        self.engine: Engine = create_engine(url, **options)
        if parsed.get_backend_name() == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self.sessionmaker = sessionmaker(self.engine, expire_on_commit=False)
        # Every change made through this factory's sessions lands in the change log in the
        # same transaction, whoever makes it (web, CLI, import, seed).
        self.changes = ChangeRecorder().install(self.sessionmaker)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def session(self):
        """A session that commits on success and rolls back on any error."""
        session: Session = self.sessionmaker()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def refresh_statistics(self) -> None:
        """Have PostgreSQL count the rows again after a bulk write (``ANALYZE``).

        Why: the planner picks an index or a full scan from row estimates that only ANALYZE
        gathers, and autovacuum may run it late or, where it is turned off, never. After an
        import of 50,000 listings with no statistics, loading a page of results' translations
        read the whole table (22 ms) instead of the index (under 1 ms). ANALYZE samples each
        table: ~2 s at that size. SQLite's planner uses its indexes without statistics."""
        if self.is_sqlite:
            return
        with self.engine.begin() as connection:
            connection.execute(text("ANALYZE"))

    def dispose(self) -> None:
        self.engine.dispose()


def _sqlite_pragmas(dbapi_connection, _record):
    """Foreign keys are off by default in SQLite; WAL lets searches read during writes."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
