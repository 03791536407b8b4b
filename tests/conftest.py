"""Real parts for every test: a migrated SQLite file (and the same against PostgreSQL when
one is reachable), a real Flask app, a real index folder on disk.

Database-facing tests take the ``database_url`` fixture, which is parametrised over the
backends; migrating once per backend and copying (SQLite) or truncating (PostgreSQL) per
test keeps the suite fast.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from directory import create_app
from directory.db import Database
from directory.models import Base
from directory.schema import upgrade_database

SEED_DIR = Path(__file__).resolve().parent.parent / "seed_data"
PG_URL = os.environ.get("DIRECTORY_TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test")


def _postgres_reachable() -> bool:
    try:
        engine = create_engine(make_url(PG_URL).set(drivername="postgresql+psycopg"), connect_args={"connect_timeout": 2})
        with engine.connect():
            pass
        engine.dispose()
        return True
    except Exception:
        return False


POSTGRES_URL = str(make_url(PG_URL).set(drivername="postgresql+psycopg")) if _postgres_reachable() else None
BACKENDS = ["sqlite"] + (["postgresql"] if POSTGRES_URL else [])


@pytest.fixture(scope="session")
def postgres_database():
    """A database of our own on the PostgreSQL server for this test run (created and
    dropped here), so concurrent runs against one server never share tables."""
    name = f"signpost_test_{os.getpid()}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield str(make_url(POSTGRES_URL).set(database=name))
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _truncate_postgres(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        tables = ", ".join(f'"{table.name}"' for table in Base.metadata.sorted_tables)
        connection.execute(text(f"TRUNCATE {tables} CASCADE"))
    engine.dispose()


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request) -> str:
    return request.param


@pytest.fixture(scope="session")
def migrated_template(backend, tmp_path_factory, request) -> str:
    """A migrated, empty database per backend, made once per test session."""
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('template') / 'template.sqlite3'}"
    else:
        url = request.getfixturevalue("postgres_database")
    database = Database(url)
    upgrade_database(database)
    database.dispose()
    return url


@pytest.fixture
def database_url(backend, migrated_template, tmp_path) -> str:
    """A fresh, migrated, empty database for one test."""
    if backend == "sqlite":
        target = tmp_path / "directory.sqlite3"
        shutil.copyfile(make_url(migrated_template).database, target)
        return f"sqlite:///{target}"
    _truncate_postgres(migrated_template)
    return migrated_template


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
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def _seed(database: Database) -> None:
    from directory.seed import seed_directory

    with database.session() as session:
        seed_directory(session, SEED_DIR)


@pytest.fixture(scope="session")
def seeded_sqlite_template(migrated_template, backend, tmp_path_factory) -> str | None:
    """SQLite only: a migrated and seeded file, copied for each test that wants one."""
    if backend != "sqlite":
        return None
    path = tmp_path_factory.mktemp("seeded") / "seeded.sqlite3"
    shutil.copyfile(make_url(migrated_template).database, path)
    database = Database(f"sqlite:///{path}")
    _seed(database)
    with database.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.dispose()
    return str(path)


@pytest.fixture
def seeded_db(db, seeded_sqlite_template) -> Database:
    """The database loaded with the sample directory in seed_data/."""
    if seeded_sqlite_template:
        db.dispose()
        shutil.copyfile(seeded_sqlite_template, make_url(db.url).database)
    else:
        _seed(db)
    return db


@pytest.fixture(scope="session")
def seeded_index_template(tmp_path_factory) -> Path:
    """A search index of the sample directory, built once (from a seeded SQLite file) and
    copied for each test: the same seed gives the same documents on either backend."""
    from directory.search import IndexStore, rebuild_index

    folder = tmp_path_factory.mktemp("seeded-index")
    database = Database(f"sqlite:///{folder / 'seed.sqlite3'}")
    upgrade_database(database)
    _seed(database)
    rebuild_index(database, IndexStore(folder / "index"))
    database.dispose()
    return folder / "index"


@pytest.fixture
def indexed(app, seeded_db, seeded_index_template) -> Database:
    """The seeded database with its search index in place, as after `make run`."""
    shutil.copytree(seeded_index_template, app.config["INDEX_DIR"], symlinks=True, dirs_exist_ok=True)
    app.extensions["directory.search"].refresh()
    return seeded_db


# Modules whose subject is the database itself run on both backends; the rest (pages, API,
# browser, workflows) run on SQLite only, plus any test marked ``both_databases``. This keeps
# `make test` within its time budget while every query shape is still exercised on PostgreSQL.
DATABASE_FACING = ("tests/test_", "tests/search/test_engine.py")


def pytest_collection_modifyitems(config, items):
    kept, dropped = [], []
    for item in items:
        on_postgres = "[postgresql" in item.nodeid or "-postgresql" in item.nodeid
        wanted = (item.nodeid.startswith(DATABASE_FACING) or item.get_closest_marker("both_databases") is not None)
        (dropped if on_postgres and not wanted else kept).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept
