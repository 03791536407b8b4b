"""Real parts for every test: a migrated SQLite file and the same on a real PostgreSQL server
(when one is reachable), a real Flask app, a real index folder on disk.

Which tests run on which database
---------------------------------
Every test that takes ``database_url`` (directly, or through ``app``, ``db``, ``client``,
``seeded_db``, ``indexed``, ``api_app`` …) runs once per backend: SQLite, and PostgreSQL
when ``DIRECTORY_TEST_DATABASE_URL`` (default ``postgresql://postgres@127.0.0.1:5432/test``)
answers. PostgreSQL is the production database, so nothing is left out there; tests that
touch no database (analysers, pure domain code, catalogues) run once. The only exception is
the real-browser tests (``tests/**/browser``): they check what a person sees, so they drive
Chromium against SQLite only, while the very same pages, forms and workflows run on both
backends through the Flask test client in tests/web, tests/submit, tests/moderate,
tests/connect and tests/api.

How each test gets its own database cheaply
-------------------------------------------
Migrating and seeding happen once per test process and backend, on first need:

* SQLite: a migrated file and a seeded file; each test gets a copy of one of them.
* PostgreSQL: two template databases of this process's own (``signpost_test_<pid>_migrated``
  and ``…_seeded``), each holding a snapshot of its tables in a schema the app never sees.
  Tests share one working database copied from a template, reset before each test to the
  snapshot it needs: other sessions ended, every table emptied and refilled, every sequence
  set back, in one transaction (~0.05 s, where seeding takes ~10 s, TRUNCATE ~1 s and a
  fresh ``CREATE DATABASE … TEMPLATE`` with its ``DROP`` 0.2–2 s). A test that changes the
  schema gets the working database copied afresh for the next one (see PostgresDatabases).

A test whose fixtures include ``seeded_db`` starts from the seeded snapshot; any other starts
empty. The search index of the sample directory is built once per backend (from that
backend's seeded template, so its change-log position is that database's own) and its
folder copied for each test that wants it. Module-scoped apps (tests/api) get a database of
their own, copied from the seeded template (``templates.new_database``/``release``).

The templates live as long as the test process, not as long as one ``backend`` parameter,
so nothing is seeded twice however pytest orders the parametrised tests. Under pytest-xdist
(``make test`` runs one worker per core, up to four) every worker is a process of its own, with
its own templates (the names carry its pid), working database, temporary folders, index and
Chromium; tests that share a module-scoped app stay on one worker (``--dist loadgroup``).
"""
from __future__ import annotations

import gc
import itertools
import os
import shutil
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from directory import create_app
from directory.db import Database, reachable
from directory.models import Base
from directory.schema import upgrade_database
from directory.seed import load_taxonomy

from .listings import TAXONOMY

SEED_DIR = Path(__file__).resolve().parent.parent / "seed_data"
PG_URL = os.environ.get("DIRECTORY_TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test")


_PSYCOPG_URL = make_url(PG_URL).set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
POSTGRES_URL = _PSYCOPG_URL if reachable(_PSYCOPG_URL) else None
BACKENDS = ["sqlite"] + (["postgresql"] if POSTGRES_URL else [])


def _seed(database: Database) -> None:
    from directory.seed import seed_directory

    with database.session() as session:
        seed_directory(session, SEED_DIR)


def _truncate_postgres(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        tables = ", ".join(f'"{table.name}"' for table in Base.metadata.sorted_tables)
        connection.execute(text(f"TRUNCATE {tables} CASCADE"))
    engine.dispose()


def _sqlite_path(url: str) -> Path:
    return Path(make_url(url).database)


# What makes the public schema what it is (tables, columns and their types, indexes,
# sequences, constraints, functions, triggers): a test that changes any of it gets a fresh
# copy of the template for the next test instead of a reset.
_SCHEMA_FINGERPRINT = """
SELECT md5(coalesce(string_agg(part, ',' ORDER BY part), '')) FROM (
    SELECT concat_ws(':', c.relkind::text, c.relname::text, a.attname::text, a.atttypid::text, a.attnotnull::text) AS part
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    WHERE n.nspname = 'public'
    UNION ALL
    SELECT concat_ws(':', 'constraint', conname::text, pg_get_constraintdef(co.oid))
    FROM pg_constraint co JOIN pg_namespace n ON n.oid = co.connamespace WHERE n.nspname = 'public'
    UNION ALL
    SELECT concat_ws(':', 'function', proname::text) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'
    UNION ALL
    SELECT concat_ws(':', 'trigger', tgname::text) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND NOT t.tgisinternal
) parts
"""
_PRISTINE = {False: "pristine_migrated", True: "pristine_seeded"}


class PostgresDatabases:
    """This process's databases on the PostgreSQL test server.

    Two templates, made once each, on first need: ``signpost_test_<pid>_migrated`` (the
    migrations applied) and ``…_seeded`` (a copy of it with the sample directory loaded).
    Each keeps a snapshot of every table of ``public`` and the value of every sequence in
    a schema of its own (``pristine_migrated``, ``pristine_seeded``) that the app never
    sees. Tests share one working database copied from a template, and it is reset to the
    snapshot the test needs before each test: other sessions on it are ended, then every
    table is emptied and refilled from the snapshot and every sequence set back, in one
    transaction (~0.05 s; a fresh ``CREATE DATABASE … TEMPLATE`` for each test plus its
    ``DROP`` costs 0.2–2 s, because PostgreSQL 15 checkpoints on every drop, and TRUNCATE
    ~1 s). A test that changed the schema itself (caught by a catalogue fingerprint) gets
    the working database copied afresh for the next test instead.
    """

    def __init__(self):
        self.admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
        self.prefix = f"signpost_test_{os.getpid()}"
        self.work = f"{self.prefix}_work"
        self._numbers = itertools.count()
        self._made: list[str] = []
        self._templates: dict[bool, str] = {}
        self._scripts: dict[bool, str] = {}
        self._origin: dict[str, bool] = {}  # database name -> copied from the seeded template?
        self._fingerprint: str | None = None
        self._superuser = False
        self._work_engine = None

    def url(self, name: str) -> str:
        return str(make_url(POSTGRES_URL).set(database=name))

    def _execute(self, statement: str) -> None:
        with self.admin.connect() as connection:
            connection.execute(text(statement))

    def create(self, name: str, template: str | None = None) -> str:
        self.drop(name)
        self._execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        if name not in self._made:
            self._made.append(name)
        return self.url(name)

    def drop(self, name: str) -> None:
        self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    # -- the templates ----------------------------------------------------------------------

    def template(self, seeded: bool) -> str:
        if seeded not in self._templates:
            name = f"{self.prefix}_{'seeded' if seeded else 'migrated'}"
            database = Database(self.create(name, template=self.template(False) if seeded else None))
            try:
                if seeded:
                    _seed(database)
                else:
                    upgrade_database(database)
                    with database.engine.connect() as connection:
                        self._fingerprint = connection.exec_driver_sql(_SCHEMA_FINGERPRINT).scalar()
                        self._superuser = connection.exec_driver_sql(
                            "SELECT rolsuper FROM pg_roles WHERE rolname = current_user").scalar()
                self._snapshot(database, seeded)
            finally:
                database.dispose()  # nobody may stay connected to a template
            self._templates[seeded] = name
        return self._templates[seeded]

    def _snapshot(self, database: Database, seeded: bool) -> None:
        """Copy every table of ``public`` into a pristine schema and write the script that
        puts them (and the sequences) back."""
        schema = _PRISTINE[seeded]
        with database.engine.begin() as connection:
            tables = list(connection.execute(text(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")).scalars())
            sequences = list(connection.execute(text(
                "SELECT sequencename FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename")).scalars())
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
            for table in tables:
                connection.execute(text(f'CREATE TABLE "{schema}"."{table}" AS TABLE public."{table}"'))
            values = {sequence: connection.execute(text(f'SELECT last_value, is_called FROM public."{sequence}"')).one()
                      for sequence in sequences}
        if not self._superuser:  # foreign keys are checked: parents first (self-references are fine per statement)
            order = {table.name: number for number, table in enumerate(Base.metadata.sorted_tables)}
            tables.sort(key=lambda table: order.get(table, -1))
        self._scripts[seeded] = "".join([
            # A superuser skips the foreign-key triggers altogether: any order will do.
            "SET LOCAL session_replication_role = replica;" if self._superuser else "",
            *(f'DELETE FROM public."{table}";' for table in reversed(tables)),
            *(f'INSERT INTO public."{table}" SELECT * FROM "{schema}"."{table}";' for table in tables),
            *(f"SELECT setval('public.\"{sequence}\"', {last}, {str(called).lower()});"
              for sequence, (last, called) in values.items()),
        ])

    def _copy_into(self, name: str, seeded: bool) -> None:
        self.create(name, template=self.template(seeded))
        self._origin[name] = seeded

    # -- per-test databases -----------------------------------------------------------------

    def copy(self, seeded: bool) -> str:
        """A database of its own, copied from a template; drop it with ``drop``."""
        name = f"{self.prefix}_{next(self._numbers)}"
        self._copy_into(name, seeded)
        return self.url(name)

    def test_database(self, seeded: bool) -> str:
        """The shared working database, reset to the migrated or the seeded snapshot."""
        if self._work_engine is None:
            self._copy_into(self.work, seeded)
            self._work_engine = create_engine(self.url(self.work), poolclass=NullPool)
        else:
            self.reset(self.url(self.work), seeded)
        return self.url(self.work)

    def reset(self, url: str, seeded: bool) -> None:
        name = make_url(url).database
        if seeded and not self._origin.get(name):  # no seeded snapshot in there: copy afresh
            self._copy_into(name, seeded)
            return
        engine = self._work_engine if name == self.work else create_engine(url, poolclass=NullPool)
        with engine.begin() as connection:
            connection.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"))
            changed = connection.exec_driver_sql(_SCHEMA_FINGERPRINT).scalar() != self._fingerprint
            if not changed:
                connection.exec_driver_sql(self._scripts[seeded])
        if engine is not self._work_engine:
            engine.dispose()
        if changed:  # a test altered the schema: start again from a template
            self._copy_into(name, seeded)

    def close(self) -> None:
        if self._work_engine is not None:
            self._work_engine.dispose()
        for name in reversed(self._made):
            self.drop(name)
        self.admin.dispose()


class Templates:
    """The migrated and the seeded database of each backend, and the seeded search index,
    made once per test process on first use; and a fresh database for each test."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._postgres: PostgresDatabases | None = None
        self._made: dict[tuple[str, str], object] = {}

    def _once(self, key: tuple[str, str], make):
        if key not in self._made:
            self._made[key] = make()
        return self._made[key]

    @property
    def postgres(self) -> PostgresDatabases:
        if self._postgres is None:
            self._postgres = PostgresDatabases()
        return self._postgres

    # -- SQLite: files ----------------------------------------------------------------------

    def sqlite_file(self, seeded: bool) -> Path:
        return self._once(("sqlite", "seeded" if seeded else "migrated"), lambda: self._make_sqlite(seeded))

    def _make_sqlite(self, seeded: bool) -> Path:
        path = self.folder / ("seeded.sqlite3" if seeded else "migrated.sqlite3")
        if seeded:
            shutil.copyfile(self.sqlite_file(seeded=False), path)
        database = Database(f"sqlite:///{path}")
        try:
            _seed(database) if seeded else upgrade_database(database)
            with database.engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            database.dispose()
        return path

    # -- either backend ---------------------------------------------------------------------

    def new_database(self, backend: str, seeded: bool, folder: Path) -> str:
        """A database of its own (a copy of a template), for a module-scoped app: give it
        back with ``release``."""
        if backend == "sqlite":
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(self.sqlite_file(seeded), folder / "directory.sqlite3")
            return f"sqlite:///{folder / 'directory.sqlite3'}"
        return self.postgres.copy(seeded)

    def test_database(self, backend: str, seeded: bool, folder: Path) -> str:
        """A fresh database for one test (no need to give it back)."""
        if backend == "sqlite":
            return self.new_database(backend, seeded, folder)
        return self.postgres.test_database(seeded)

    def reset(self, url: str, seeded: bool) -> None:
        """Make the database at ``url`` a fresh copy of a template again (same URL)."""
        if make_url(url).get_backend_name() == "sqlite":
            path = _sqlite_path(url)
            for leftover in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                leftover.unlink(missing_ok=True)
            shutil.copyfile(self.sqlite_file(seeded), path)
        else:
            self.postgres.reset(url, seeded)

    def release(self, url: str) -> None:
        if make_url(url).get_backend_name() != "sqlite":
            self.postgres.drop(make_url(url).database)

    def seeded_index(self, backend: str) -> Path:
        """The search index of the seeded sample directory, built from a copy of this
        backend's seeded template (so it holds that database's change-log position)."""
        return self._once((backend, "index"), lambda: self._make_seeded_index(backend))

    def _make_seeded_index(self, backend: str) -> Path:
        from directory.search import IndexStore, rebuild_index

        folder = self.folder / f"seeded-index-{backend}"
        url = self.new_database(backend, seeded=True, folder=self.folder / f"index-source-{backend}")
        database = Database(url)
        try:
            rebuild_index(database, IndexStore(folder))
        finally:
            database.dispose()
            self.release(url)
        return folder

    def close(self) -> None:
        if self._postgres is not None:
            self._postgres.close()


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Under pytest-xdist (``--dist loadgroup``), keep together the tests that share a
    module-scoped fixture on one backend (an API app, an imported directory): spread over
    both workers, each worker would build it again. Every other test goes where there is room.

    First among the hooks, so the marks exist when xdist's own hook reads them; the group
    name holds no "]" (xdist takes a nodeid ending in "]" for a parameter, not a group)."""
    for item in items:
        definitions = getattr(item, "_fixtureinfo", None)
        shared = definitions and any(fixture.scope == "module" for name in item.fixturenames
                                     for fixture in definitions.name2fixturedefs.get(name, ()))
        if shared:
            backend = item.callspec.params.get("backend", "") if hasattr(item, "callspec") else ""
            item.add_marker(pytest.mark.xdist_group(f"{item.module.__name__}.{backend or 'any'}"))


@pytest.fixture(scope="session")
def templates(tmp_path_factory):
    made = Templates(tmp_path_factory.mktemp("templates"))
    yield made
    made.close()


@pytest.fixture(scope="session")
def postgres_database():
    """A database of our own on the PostgreSQL server for this test run (created and
    dropped here), so concurrent runs against one server never share tables. Tests may
    connect to it and change it at will (it is no template)."""
    name = f"signpost_test_{os.getpid()}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield str(make_url(POSTGRES_URL).set(database=name))
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request) -> str:
    return request.param


@pytest.fixture(scope="session")
def seeded_sqlite_template(backend, templates) -> str | None:
    """SQLite only: the path of the migrated and seeded file (None on PostgreSQL)."""
    return str(templates.sqlite_file(seeded=True)) if backend == "sqlite" else None


_SEEDED = pytest.StashKey[bool]()


@pytest.fixture
def database_url(backend, templates, request, tmp_path) -> str:
    """A fresh, migrated database of this test's own: the seeded sample directory already
    in it when the test (or a fixture it uses) asks for ``seeded_db``, empty otherwise."""
    seeded = "seeded_db" in request.fixturenames
    request.node.stash[_SEEDED] = seeded
    return templates.test_database(backend, seeded=seeded, folder=tmp_path)


@pytest.fixture
def app(database_url, tmp_path):
    app = create_app({"TESTING": True, "DATABASE_URL": database_url, "INDEX_DIR": str(tmp_path / "index"),
                      "SECRET_KEY": "test-secret", "INSTANCE_DIR": str(tmp_path)})
    yield app
    app.extensions["directory.db"].dispose()


@pytest.fixture
def db(app) -> Database:
    return app.extensions["directory.db"]


@pytest.fixture
def taxonomy_db(db) -> Database:
    """An empty directory with the small test taxonomy (tests/listings.py) loaded: what an
    import of the test listings needs to match their categories."""
    with db.session() as session:
        load_taxonomy(session, TAXONOMY)
    return db


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def seeded_db(db, templates, request) -> Database:
    """The database loaded with the sample directory in seed_data/."""
    if not request.node.stash.get(_SEEDED, False):  # requested late (getfixturevalue): copy it in now
        db.dispose()
        templates.reset(db.url, seeded=True)
        request.node.stash[_SEEDED] = True
    return db


@pytest.fixture(scope="session")
def seeded_index_template(backend, templates) -> Path:
    """The search index of the sample directory on this backend, built once per test
    process; copy it (``shutil.copytree``), never write into it."""
    return templates.seeded_index(backend)


@pytest.fixture
def indexed(app, seeded_db, seeded_index_template) -> Database:
    """The seeded database with its search index in place, as after `make run`."""
    shutil.copytree(seeded_index_template, app.config["INDEX_DIR"], symlinks=True, dirs_exist_ok=True)
    app.extensions["directory.search"].refresh()
    return seeded_db


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session, exitstatus):
    """Freeze what the worker holds before pytest's last garbage collection.

    A test worker ends holding millions of objects (the analysers' tables, every earlier
    test's caches): 1.2–1.5 million after a third of the suite, over which the full
    collection pytest runs at unconfigure took about a second, and it grows with the suite.
    Twice in a fresh-clone `make test`, a worker was still finishing 5 s after reporting its
    results, and pytest-xdist's execnet interrupted it with SIGINT: a KeyboardInterrupt inside
    hypothesis's gc callback, printed as a warning at the end of the run. Frozen, those
    objects are left out of that collection (0.00 s), as a warmed server leaves them out
    (directory/longlived.py); the process exits next anyway."""
    gc.freeze()
