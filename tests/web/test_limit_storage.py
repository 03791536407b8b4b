"""Limits counted where every worker sees them (issue 16, finding 6): two apps on one
storage — as two gunicorn workers are — share one count. ``database://`` always runs;
Redis only where a server answers on 127.0.0.1:6379 (nothing here starts one)."""
from __future__ import annotations

import socket
import uuid

import pytest

from directory import create_app


def redis_reachable() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


STORAGES = ["database://", pytest.param("redis://127.0.0.1:6379", marks=pytest.mark.skipif(
    not redis_reachable(), reason="no Redis server on 127.0.0.1:6379"))]


@pytest.mark.parametrize("storage", STORAGES)
def test_two_workers_on_one_storage_share_the_api_limit(database_url, db, tmp_path, storage):
    # A Redis server outlives the test: a fresh client address gives this run counts of its own.
    address = "10.%d.%d.%d" % tuple(uuid.uuid4().bytes[:3])
    config = {"TESTING": True, "DATABASE_URL": database_url, "INDEX_DIR": str(tmp_path / "index"),
              "SECRET_KEY": "test-secret", "INSTANCE_DIR": str(tmp_path), "RATELIMIT_STORAGE_URI": storage,
              "API_RATE_LIMIT": "4 per minute"}
    first, second = create_app(dict(config)), create_app(dict(config))
    try:
        codes = [app.test_client().get("/api/", environ_base={"REMOTE_ADDR": address}).status_code
                 for app in (first, second, first, second, first, second)]
        assert codes == [200, 200, 200, 200, 429, 429]
    finally:
        for app in (first, second):
            app.extensions["directory.db"].dispose()
