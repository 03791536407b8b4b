"""The API against the real app: the seeded database (either backend) and a real index.

The API only reads, so one app with the sample directory serves a whole test module: its
database is a copy of the suite's seeded template for the backend (tests/conftest.py) and
its index folder a copy of the index built once from that template.
"""
import shutil

import pytest

from directory import create_app
from directory.db import Database


@pytest.fixture(scope="module")
def api_app(backend, templates, seeded_index_template, tmp_path_factory):
    """The app with the sample directory loaded and searchable, shared by a module's
    read-only tests."""
    folder = tmp_path_factory.mktemp("api")
    url = templates.new_database(backend, seeded=True, folder=folder)
    shutil.copytree(seeded_index_template, folder / "index", symlinks=True)
    app = create_app({"TESTING": True, "DATABASE_URL": url, "INDEX_DIR": str(folder / "index"),
                      "SECRET_KEY": "test-secret", "INSTANCE_DIR": str(folder),
                      # A module's many requests come from one address; the limit itself is tested in
                      # test_api_rate_limit.py.
                      "API_RATE_LIMIT": "100000 per minute"})
    yield app
    app.extensions["directory.search"].close()
    app.extensions["directory.db"].dispose()
    templates.release(url)


@pytest.fixture(scope="module")
def api_db(api_app) -> Database:
    return api_app.extensions["directory.db"]


@pytest.fixture
def api(api_app):
    return api_app.test_client()
