"""The API against the real app: the seeded database (either backend) and a real index.

The API only reads, so one app with the sample directory serves a whole test module
(seeding PostgreSQL per test would cost ~20 s each). Building the index of the sample
directory takes seconds, so it is built once per test session (from a seeded SQLite file;
the index holds the same ids whatever the backend) and copied into each app's folder.
"""
import shutil

import pytest

from directory import create_app
from directory.db import Database
from directory.schema import upgrade_database
from directory.search import IndexStore, rebuild_index
from directory.seed import seed_directory

from ..conftest import SEED_DIR, _seed, _truncate_postgres


@pytest.fixture(scope="session")
def seeded_index(tmp_path_factory, seeded_sqlite_template) -> str:
    folder = tmp_path_factory.mktemp("seeded-index")
    database = Database(f"sqlite:///{folder / 'seed.sqlite3'}")
    if seeded_sqlite_template:  # the SQLite backend's seeded file: no need to seed again
        database.dispose()
        shutil.copyfile(seeded_sqlite_template, folder / "seed.sqlite3")
        database = Database(f"sqlite:///{folder / 'seed.sqlite3'}")
    else:
        upgrade_database(database)
        with database.session() as session:
            seed_directory(session, SEED_DIR)
    rebuild_index(database, IndexStore(folder / "index"))
    database.dispose()
    return str(folder / "index")


@pytest.fixture(scope="module")
def api_app(backend, migrated_template, seeded_sqlite_template, seeded_index, tmp_path_factory):
    """The app with the sample directory loaded and searchable, shared by a module's
    read-only tests."""
    folder = tmp_path_factory.mktemp("api")
    if backend == "sqlite":
        shutil.copyfile(seeded_sqlite_template, folder / "directory.sqlite3")
        url = f"sqlite:///{folder / 'directory.sqlite3'}"
    else:
        url = migrated_template
        _truncate_postgres(url)
        database = Database(url)
        _seed(database)
        database.dispose()
    shutil.copytree(seeded_index, folder / "index", symlinks=True)
    app = create_app({"TESTING": True, "DATABASE_URL": url, "INDEX_DIR": str(folder / "index"),
                      "SECRET_KEY": "test-secret", "INSTANCE_DIR": str(folder)})
    yield app
    app.extensions["directory.search"].close()
    app.extensions["directory.db"].dispose()


@pytest.fixture(scope="module")
def api_db(api_app) -> Database:
    return api_app.extensions["directory.db"]


@pytest.fixture
def api(api_app):
    return api_app.test_client()
