"""Nodes of one directory: several index folders (and processes) over one PostgreSQL database.

``pg_directory`` is a migrated private PostgreSQL database (the suite's own, from
``postgres_database``) emptied and loaded with ``LISTINGS`` small listings per test;
``make_node`` gives an app with its own index folder, as a second machine would have;
``spawn`` starts a real process (``node_process.py``) and kills what it started.
Every wait polls against a deadline: nothing here sleeps for a fixed time to be "safe".
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import text

from directory import create_app
from directory.db import Database
from directory.models import Base
from directory.oruk.read import upsert_service
from directory.schema import upgrade_database
from directory.search import SearchRequest
from directory.seed import load_taxonomy

from ..conftest import POSTGRES_URL
from ..listings import TAXONOMY, service

LISTINGS = 30
NODE_PROCESS = Path(__file__).with_name("node_process.py")
PROJECT_ROOT = Path(__file__).resolve().parents[2]


def listing(number: int) -> dict:
    return service(f"walk-{number}", {"name": f"Walking group {number}",
                                      "description": "A gentle walk round the park, then tea."},
                   latitude=52.65 + number / 10_000)


def listing_id(number: int) -> str:
    return listing(number)["id"]


def wait_for(predicate, timeout: float, what: str, interval: float = 0.02):
    """Poll ``predicate`` until it returns something truthy; fail after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout} s waiting for {what}")
        time.sleep(interval)


def another_process_writes(index_dir: Path) -> bool:
    """Is the index writer lock held elsewhere? (A probe that takes it gives it back.)"""
    from directory.search.applier import WriterLock

    probe = WriterLock(index_dir)
    if probe.acquire():
        probe.release()
        return False
    return True


@pytest.fixture(scope="session")
def nodes_database_url(request) -> str:
    if not POSTGRES_URL:
        pytest.skip("the node tests need PostgreSQL (DIRECTORY_TEST_DATABASE_URL)")
    url = request.getfixturevalue("postgres_database")
    database = Database(url)
    upgrade_database(database)
    database.dispose()
    return url


@pytest.fixture
def pg_directory(nodes_database_url) -> str:
    """The private PostgreSQL database, emptied (sequences too) and loaded afresh."""
    database = Database(nodes_database_url)
    with database.engine.begin() as connection:
        tables = ", ".join(f'"{table.name}"' for table in Base.metadata.sorted_tables)
        connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    with database.session() as session:
        load_taxonomy(session, TAXONOMY)
        for number in range(LISTINGS):
            upsert_service(session, listing(number))
    database.dispose()
    return nodes_database_url


@dataclass
class Node:
    app: object

    @property
    def engine(self):
        return self.app.extensions["directory.search"]

    @property
    def sync(self):
        return self.app.extensions["directory.index_sync"]

    @property
    def database(self):
        return self.app.extensions["directory.db"]

    @property
    def index_dir(self) -> Path:
        return Path(self.app.config["INDEX_DIR"])

    def search_ids(self, words: str) -> list[str]:
        return [hit.service_id for hit in self.engine.search(SearchRequest(text=words, per_page=100)).hits]

    def health(self) -> dict:
        return self.app.test_client().get("/healthz").get_json()


@pytest.fixture
def make_node(tmp_path):
    nodes = []

    def make(name: str, database_url: str) -> Node:
        app = create_app({"TESTING": True, "DATABASE_URL": database_url, "INDEX_DIR": str(tmp_path / name / "index"),
                          "SECRET_KEY": "test-secret", "INSTANCE_DIR": str(tmp_path / name)})
        app.extensions["directory.index_sync"].applier.poll = 0.05
        nodes.append(Node(app))
        return nodes[-1]

    yield make
    for node in nodes:
        node.sync.stop()
        node.engine.close()
        node.database.dispose()


def _drain(stream, path: Path) -> None:
    with open(path, "a") as log:
        for line in stream:
            log.write(line)
            log.flush()


@pytest.fixture
def spawn(tmp_path):
    """Start ``node_process.py ROLE ...`` with the given database and index folder. Its
    output is copied by this process into ``process.log_path`` (a pipe, not a file, for the
    child: a child under RLIMIT_FSIZE could not write a log file either)."""
    started: list[subprocess.Popen] = []

    def start(role: str, *args: str, database_url: str, index_dir: Path) -> subprocess.Popen:
        env = dict(os.environ, DIRECTORY_DATABASE_URL=database_url, DIRECTORY_INDEX_DIR=str(index_dir),
                   DIRECTORY_SECRET_KEY="test-secret", DIRECTORY_INDEX_FOLLOW="0", PYTHONUNBUFFERED="1")
        log_path = tmp_path / f"{role}-{len(started)}.log"
        process = subprocess.Popen([sys.executable, str(NODE_PROCESS), role, *args], env=env, cwd=PROJECT_ROOT,
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        process.log_path = log_path
        log_path.touch()
        threading.Thread(target=_drain, args=(process.stdout, log_path), daemon=True).start()
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
