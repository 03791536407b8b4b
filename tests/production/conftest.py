"""Production-shaped fixtures: a private, seeded PostgreSQL database per test (copied from a
template seeded once per run), a TCP proxy in front of PostgreSQL that a test can cut and
restore, and free loopback ports for real servers.

Without a reachable PostgreSQL server the tests that need one are skipped, saying why.
"""
from __future__ import annotations

import itertools
import os
import socket
import threading

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from directory.db import Database
from directory.schema import upgrade_database
from tests.conftest import POSTGRES_URL, SEED_DIR

_copies = itertools.count()


def _admin():
    if POSTGRES_URL is None:
        pytest.skip("PostgreSQL is not reachable (DIRECTORY_TEST_DATABASE_URL): production tests need it")
    return create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")


def _drop(admin, name: str) -> None:
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(scope="session")
def seeded_postgres_template():
    """The migrated sample directory in a database of this run's own, made once: the
    template the per-test copies are made from (CREATE DATABASE … TEMPLATE is a file copy)."""
    from directory.seed import seed_directory

    admin = _admin()
    name = f"signpost_prod_template_{os.getpid()}"
    _drop(admin, name)
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = str(make_url(POSTGRES_URL).set(database=name))
    database = Database(url)
    try:
        upgrade_database(database)
        with database.session() as session:
            seed_directory(session, SEED_DIR)
    finally:
        database.dispose()
    yield name
    _drop(admin, name)
    admin.dispose()


@pytest.fixture
def seeded_postgres(seeded_postgres_template) -> str:
    """A private copy of the seeded directory for one test; its URL."""
    admin = _admin()
    name = f"signpost_prod_{os.getpid()}_{next(_copies)}"
    _drop(admin, name)
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{seeded_postgres_template}"'))
    yield str(make_url(POSTGRES_URL).set(database=name))
    _drop(admin, name)
    admin.dispose()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class CuttableProxy:
    """A TCP forwarder 127.0.0.1:<port> → the database server, with a switch.

    ``cut()`` drops every open connection and refuses new ones (accepts and hangs up at
    once: what a dead server or a broken network looks like to the driver); ``restore()``
    forwards again. Threads only; everything stops on ``close()``.
    """

    def __init__(self, target: tuple[str, int]):
        self.target = target
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.forwarding = threading.Event()
        self.forwarding.set()
        self.lock = threading.Lock()
        self.open_sockets: set[socket.socket] = set()
        self.accepting = threading.Thread(target=self._accept, name="db-proxy", daemon=True)
        self.accepting.start()

    def url(self, database_url: str) -> str:
        return str(make_url(database_url).set(host="127.0.0.1", port=self.port))

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return  # closed
            if not self.forwarding.is_set():
                client.close()
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
                upstream.settimeout(None)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.open_sockets.update((client, upstream))
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while chunk := source.recv(65536):
                sink.sendall(chunk)
        except OSError:
            pass
        finally:
            self._hang_up(source, sink)

    def _hang_up(self, *sockets: socket.socket) -> None:
        for sock in sockets:
            with self.lock:
                self.open_sockets.discard(sock)
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()

    def cut(self) -> None:
        self.forwarding.clear()
        with self.lock:
            sockets = list(self.open_sockets)
        self._hang_up(*sockets)

    def restore(self) -> None:
        self.forwarding.set()

    def close(self) -> None:
        self.cut()
        try:
            self.listener.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept() on Linux
        except OSError:
            pass
        self.listener.close()
        self.accepting.join(timeout=5)


@pytest.fixture
def database_proxy():
    """A cuttable proxy in front of the PostgreSQL server the tests use."""
    if POSTGRES_URL is None:
        pytest.skip("PostgreSQL is not reachable (DIRECTORY_TEST_DATABASE_URL): production tests need it")
    parsed = make_url(POSTGRES_URL)
    proxy = CuttableProxy((parsed.host or "127.0.0.1", parsed.port or 5432))
    yield proxy
    proxy.close()
