"""`directory serve --prod`: gunicorn in front of PostgreSQL, as in production.

The fault test: 2,000 listings sent by 20 volunteers at once through two gunicorn workers
all arrive — exactly 2,000 submissions in the database and in the moderation queue, none
lost and none twice — and the access log holds no postcode.
"""
from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pytest
import requests
from sqlalchemy import func, select

from directory.cli import main
from directory.db import Database
from directory.models import Submission
from directory.serving import ProductionServer
from directory.submissions import moderation_queue
from tests.connect.test_privacy_and_gaps import PARTICIPANT_POSTCODE, traces
from tests.submit.support import POLISH_WALK
from tests.submit.test_concurrency import send_listings

from .conftest import free_port

CLIENTS, EACH = 20, 100
SECRET = "a-production-secret-for-tests-only-0123456789"


class GunicornServer:
    """`directory serve --prod` as a real child process on a free loopback port."""

    def __init__(self, workdir: Path, database_url: str, workers: int = 2, **env):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.access_log = workdir / "access.log"
        self.output = workdir / "server.log"
        self.command = [sys.executable, "-m", "directory.cli", "serve", "--prod", "--workers", str(workers),
                        "--bind", f"127.0.0.1:{self.port}", "--access-log", str(self.access_log)]
        self.env = dict(os.environ, DIRECTORY_DATABASE_URL=database_url, DIRECTORY_SECRET_KEY=SECRET,
                        DIRECTORY_INSTANCE_DIR=str(workdir), DIRECTORY_INDEX_DIR=str(workdir / "index"),
                        DIRECTORY_SECURE_COOKIES="0",  # plain HTTP on loopback: no TLS proxy in front
                        DIRECTORY_SUBMIT_RATE_LIMIT="100000 per hour",
                        # Warming each worker takes seconds on a loaded machine; these tests are
                        # about serving (tests/production/test_warm_start.py covers the warm-up).
                        DIRECTORY_WARM_UP=env.pop("DIRECTORY_WARM_UP", "0"), **env)
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> "GunicornServer":
        with self.output.open("wb") as output:
            self.process = subprocess.Popen(self.command, env=self.env, stdout=output, stderr=subprocess.STDOUT,
                                            start_new_session=True)  # its own group: workers die with it
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"gunicorn exited with {self.process.returncode}:\n{self.log()}")
            try:
                if requests.get(f"{self.url}/en/list-your-group/", timeout=5).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.2)
        self.__exit__()
        raise AssertionError(f"gunicorn did not answer within 180 s:\n{self.log()}")

    def __exit__(self, *_exc) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)  # graceful: finish requests, stop workers
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def log(self) -> str:
        return self.output.read_text(errors="replace")[-5000:]


def visit_and_send(base_url: str, client_number: int) -> list[int]:
    """A volunteer who first looks near a participant's home (the postcode in the query
    string, as the search form sends it), then sends their listings."""
    requests.get(f"{base_url}/en/search", params={"q": "yoga", "postcode": PARTICIPANT_POSTCODE}, timeout=30)
    return send_listings(base_url, client_number, EACH)


def test_2000_listings_from_20_clients_through_gunicorn_all_arrive_once(seeded_postgres, tmp_path):
    started = time.perf_counter()
    with GunicornServer(tmp_path, seeded_postgres) as server:
        booted = time.perf_counter()
        with ThreadPoolExecutor(CLIENTS) as pool:
            results = list(pool.map(lambda number: visit_and_send(server.url, number), range(CLIENTS)))
        sent = time.perf_counter()
        home = requests.get(f"{server.url}/en/", timeout=30)
    print(f"\ngunicorn ready in {booted - started:.1f} s; {CLIENTS * EACH} submissions in {sent - booted:.1f} s "
          f"({CLIENTS * EACH / (sent - booted):.0f}/s)")

    codes = [code for client in results for code in client]
    assert codes == [302] * (CLIENTS * EACH), {code: codes.count(code) for code in set(codes)}
    assert home.status_code == 200 and "Content-Security-Policy" in home.headers
    database = Database(seeded_postgres)
    try:
        with database.session() as session:
            rows = session.execute(select(Submission.listing_id, Submission.payload)).all()
            queue = moderation_queue(session, dt.date.today(), 183)
    finally:
        database.dispose()
    expected = {f"Spacer nr {c}-{n}" for c in range(CLIENTS) for n in range(EACH)}
    assert len(rows) == CLIENTS * EACH
    assert len({listing_id for listing_id, _payload in rows}) == CLIENTS * EACH
    assert sorted(payload["name"] for _id, payload in rows) == sorted(expected)  # none lost, none twice
    assert len(queue.new) == CLIENTS * EACH and {item.payload["name"] for item in queue.new} == expected

    logged = server.access_log.read_text()
    assert logged.count("POST /pl/list-your-group/ ") == CLIENTS * EACH
    assert logged.count("GET /en/search ") == CLIENTS
    for secret in traces(PARTICIPANT_POSTCODE) + traces(POLISH_WALK["postcode"]):
        assert secret not in logged, f"{secret!r} is in the access log"
    assert "?" not in logged


def _descendants(pid: int) -> set[int]:
    found, frontier = set(), [pid]
    while frontier:
        parent = frontier.pop()
        for child in Path(f"/proc/{parent}/task/{parent}/children").read_text().split():
            found.add(int(child))
            frontier.append(int(child))
    return found


def test_sigterm_to_the_master_ends_every_process_cleanly(seeded_postgres, tmp_path):
    """Issue 18: stopping `serve --prod` ends the master with status 0, its workers and the
    index writer with it, within gunicorn's graceful timeout (30 s; past it the master kills
    workers by force). Warmed workers once spent 30 s in a last full garbage collection over
    the analysers' tables after "Worker exiting" (directory/longlived.py)."""
    server = GunicornServer(tmp_path, seeded_postgres, workers=2, DIRECTORY_WARM_UP="1")
    with server:
        assert requests.get(f"{server.url}/pl/", timeout=120).status_code == 200
        children = _descendants(server.process.pid)
        assert len(children) >= 3  # two workers and `directory sync-index`
        started = time.monotonic()
        server.process.send_signal(signal.SIGTERM)
        status = server.process.wait(timeout=120)
        stopped_in = time.monotonic() - started
    assert status == 0, server.log()
    assert stopped_in < 30, f"{stopped_in:.1f} s: gunicorn's graceful timeout ran out\n{server.log()}"
    assert not [pid for pid in children if Path(f"/proc/{pid}").exists()], "a child outlived the master"
    assert "SIGSEGV" not in server.log() and "Segmentation" not in server.log()


def test_production_mode_refuses_to_start_without_a_secret_key(tmp_path, monkeypatch):
    from click.testing import CliRunner

    monkeypatch.setenv("DIRECTORY_INSTANCE_DIR", str(tmp_path))
    monkeypatch.delenv("DIRECTORY_SECRET_KEY", raising=False)
    result = CliRunner().invoke(main, ["serve", "--prod", "--workers", "1"])
    assert result.exit_code != 0
    assert "DIRECTORY_SECRET_KEY is not set" in result.output

    monkeypatch.setenv("DIRECTORY_SECRET_KEY", "short")
    result = CliRunner().invoke(main, ["serve", "--prod"])
    assert result.exit_code != 0 and "too short" in result.output


def test_production_mode_refuses_the_debugger(tmp_path, monkeypatch):
    from click.testing import CliRunner

    monkeypatch.setenv("DIRECTORY_INSTANCE_DIR", str(tmp_path))
    monkeypatch.setenv("DIRECTORY_SECRET_KEY", SECRET)
    result = CliRunner().invoke(main, ["serve", "--prod", "--debug"])
    assert result.exit_code == 2 and "--debug cannot be used with --prod" in result.output


@pytest.mark.parametrize("given, configured", [("none", None), (os.devnull, None), ("-", "-"), ("/tmp/x.log", "/tmp/x.log")])
def test_access_log_none_turns_it_off_rather_than_writing_it_nowhere(given, configured):
    """gunicorn formats no access line when it has no access log (~3% of a worker's CPU)."""
    server = ProductionServer(lambda: None, bind=["127.0.0.1:0"], workers=1, access_log=given)
    assert server.cfg.accesslog == configured
