"""Does a home page stay fast while sheet PDFs render? (issue 16, finding 10)

Builds the sample directory in a temporary folder (SQLite, the seed data, the index), starts
``directory serve --prod --workers W --threads T`` on a free loopback port, signs a connector
in, shortlists three activities, then for ``--duration`` seconds keeps ``--pdfs`` sheet PDFs
rendering back to back (one thread each) while another client asks for the anonymous home
page every 100 ms. Prints the home page's p50/p95/max with and without the PDFs, and how
long each PDF took. Target: home page p95 < 200 ms while two PDFs render.

Run:
  .venv/bin/python bench/pdf_concurrency_bench.py --workers 2 --threads 1,4 --duration 20

Loopback and a temporary folder only; it stops by itself; never part of the test suite.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

SECRET = "pdf-concurrency-bench-secret-0123456789abcdef"
CONNECTOR = ("bench@example.org", "listening bench 2026")
TOKEN = re.compile(r'name="csrf_token"(?: type="hidden")? value="([^"]+)"')
PLAN = {"visit_date": "Tuesday 9 June", "visit_time": "11:45", "visit_place": "By the bench outside the library",
        "visit_people": "Meena and Hansaben"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def directory(env: dict, *args: str, stdin: str | None = None) -> None:
    subprocess.run([sys.executable, "-m", "directory.cli", *args], env=env, check=True, input=stdin, text=True,
                   stdout=subprocess.DEVNULL)


def prepare(folder: Path) -> dict:
    env = dict(os.environ, DIRECTORY_INSTANCE_DIR=str(folder), DIRECTORY_SECRET_KEY=SECRET,
               DIRECTORY_SECURE_COOKIES="0", DIRECTORY_BASE_URL="http://127.0.0.1")
    started = time.perf_counter()
    for command in (["init"], ["seed"], ["reindex"]):
        directory(env, *command)
    directory(env, "create-moderator", "--email", CONNECTOR[0], "--role", "connector", "--password", CONNECTOR[1])
    print(f"sample directory ready in {time.perf_counter() - started:.0f} s", flush=True)
    return env


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def signed_in_connector(url: str) -> requests.Session:
    browser = requests.Session()
    token = TOKEN.search(browser.get(f"{url}/en/staff/login", timeout=60).text).group(1)
    answer = browser.post(f"{url}/en/staff/login", data={"email": CONNECTOR[0], "password": CONNECTOR[1],
                                                          "csrf_token": token}, timeout=60)
    assert answer.ok, answer.status_code
    token = TOKEN.search(browser.get(f"{url}/en/connect/", timeout=60).text).group(1)
    found = browser.post(f"{url}/en/connect/find", data={"postcode": "LE4 5AA", "reach": "bus", "csrf_token": token},
                         timeout=60)
    ids = re.findall(r'data-result-id="([^"]+)"', found.text)[:3]
    for service_id in ids:
        browser.post(f"{url}/en/connect/shortlist/add", data={"service_id": service_id, "csrf_token": token},
                     timeout=60)
    browser.bench_token = token
    return browser


def home_page_latencies(url: str, seconds: float) -> list[float]:
    visitor = requests.Session()
    timings, deadline = [], time.monotonic() + seconds
    while time.monotonic() < deadline:
        started = time.perf_counter()
        assert visitor.get(f"{url}/en/", timeout=60).status_code == 200
        timings.append(time.perf_counter() - started)
        time.sleep(0.1)
    return timings


def warm_up_pdfs(url: str, workers: int) -> None:
    """A first PDF in each worker starts its render process (a fresh interpreter importing
    WeasyPrint): made before measuring, as a server that has been up a while has done."""
    started = time.perf_counter()
    browsers = [signed_in_connector(url) for _ in range(workers)]
    def make_one(browser):
        try:
            browser.post(f"{url}/en/connect/sheet", timeout=600,
                         data=dict(PLAN, sheet_locale="gu", format="pdf", csrf_token=browser.bench_token))
        except requests.RequestException as error:  # a sync worker past gunicorn's timeout is killed
            print(f"  warm-up PDF failed: {error}", flush=True)

    threads = [threading.Thread(target=make_one, args=(browser,)) for browser in browsers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"  warm-up: {workers} PDFs in {time.perf_counter() - started:.0f} s", flush=True)


def run(env: dict, workers: int, threads: int, pdfs: int, duration: float) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "directory.cli", "serve", "--prod", "--workers", str(workers),
                               "--threads", str(threads), "--bind", f"127.0.0.1:{port}", "--access-log", os.devnull],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                if requests.get(f"{url}/en/", timeout=5).ok:
                    break
            except requests.RequestException:
                time.sleep(0.3)
        warm_up_pdfs(url, workers)
        quiet = home_page_latencies(url, 10)
        stop = threading.Event()
        pdf_times: list[float] = []
        failures: list[int] = []

        def render_pdfs():
            browser = signed_in_connector(url)
            while not stop.is_set():
                started = time.perf_counter()
                try:
                    answer = browser.post(f"{url}/en/connect/sheet", timeout=120, allow_redirects=False,
                                          data=dict(PLAN, sheet_locale="gu", format="pdf",
                                                    csrf_token=browser.bench_token))
                except requests.RequestException:
                    failures.append(0)  # connection dropped: the worker was killed mid-render
                    continue
                if answer.headers.get("Content-Type") == "application/pdf":
                    pdf_times.append(time.perf_counter() - started)
                else:
                    failures.append(answer.status_code)

        renderers = [threading.Thread(target=render_pdfs) for _ in range(pdfs)]
        for renderer in renderers:
            renderer.start()
        time.sleep(3)  # the PDFs are under way
        busy = home_page_latencies(url, duration)
        stop.set()
        for renderer in renderers:
            renderer.join()
        print(f"workers={workers} threads={threads} ({'gthread' if threads > 1 else 'sync'}), {pdfs} sheet PDFs "
              f"rendering back to back for {duration:.0f} s:")
        for label, values in (("home page, quiet", quiet), (f"home page, {pdfs} PDFs rendering", busy)):
            print(f"  {label:32} n={len(values):4}  p50 {1000 * statistics.median(values):6.0f} ms  "
                  f"p95 {1000 * percentile(values, 0.95):6.0f} ms  max {1000 * max(values):6.0f} ms")
        if pdf_times:
            print(f"  sheet PDFs made: {len(pdf_times)}, each p50 {statistics.median(pdf_times):.1f} s, "
                  f"max {max(pdf_times):.1f} s; not made: {len(failures)} {sorted(set(failures))}")
        print(f"  load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", flush=True)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:  # a render still running past gunicorn's graceful timeout
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", default="1,4", help="comma-separated thread counts to compare")
    parser.add_argument("--pdfs", type=int, default=2)
    parser.add_argument("--duration", type=float, default=20)
    parser.add_argument("--keep", metavar="DIR", help="build the sample directory in DIR and keep it (reused if there)")
    args = parser.parse_args()
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="pdf-bench-"))
    try:
        if (folder / "directory.sqlite3").exists():
            env = dict(os.environ, DIRECTORY_INSTANCE_DIR=str(folder), DIRECTORY_SECRET_KEY=SECRET,
                       DIRECTORY_SECURE_COOKIES="0", DIRECTORY_BASE_URL="http://127.0.0.1")
        else:
            folder.mkdir(parents=True, exist_ok=True)
            env = prepare(folder)
        for threads in (int(value) for value in args.threads.split(",")):
            run(env, args.workers, threads, args.pdfs, args.duration)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
