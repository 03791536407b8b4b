"""Production load benchmark: gunicorn + PostgreSQL + the search index under a bounded mixed load.

Load mode (default):

1. creates a private PostgreSQL database ``signpost_load_<pid>`` on 127.0.0.1:5432 (dropped at
   the end unless ``--keep``), migrates it with ``directory init``, bulk-inserts N synthetic
   listings with ``search_bench.generate`` (English, Gujarati, Polish, Chinese; ~45 Midlands
   and South East towns), imports ``seed_data/postcodes.txt`` (Leicester only) and builds the
   index with ``directory reindex`` in a temporary folder — or reuses both
   (``--reuse-db NAME --reuse-index DIR``) so a rerun skips the slow part;
2. for each worker count starts ``directory serve --prod --workers W --threads T`` (gunicorn
   gthread; T = 4 by default like ``directory serve``, 1 = sync workers) on a free loopback
   port, waits until ``/en/`` answers, warms every worker up, then drives a fixed-duration mixed load from a SEPARATE PROCESS with a fixed
   number of keep-alive connections (``http.client``, one thread per connection) cycling through a
   pre-generated list of URLs:

   ====================  =====  ==================================================================
   kind                  share  request
   ====================  =====  ==================================================================
   text                  35%    ``/<lang>/search?q=…`` — en 40%, gu/pl/zh 20% each (zh-hans/hant)
   location              15%    ``/<lang>/search?lat=…&lon=…&distance=3`` (a town centre ± ~3 km)
   postcode              5%     ``/<lang>/search?postcode=LE…&distance=3`` (seeded Leicester table)
   filtered              20%    text + lat/lon + ``language=`` + one of access/cost
   listing               25%    ``/<lang>/services/<id>`` (a random open listing)
   ====================  =====  ==================================================================

   and reports per kind and overall: requests, req/s, p50/p95/p99 latency (client-side, wall
   clock, including the loopback round trip), non-2xx responses (must be zero). The load
   generator is Python: its CPU time competes with the server on a 2-core machine, so the
   report states how much CPU it used. It also reports the server's CPU per request (gunicorn
   master + workers and the PostgreSQL backends of our database, from /proc), which a busy
   machine disturbs far less than wall-clock latency; ``--profile S`` samples the workers
   with py-spy for S seconds afterwards (``PY_SPY=/path/to/py-spy`` if it isn't on PATH).

Growth mode (``--growth``): the same search mix engine-level (``SearchEngine.search``, no HTTP,
one process, like ``search_bench``) at 1k, 10k, 50k, 100k listings: p50/p95 per kind per size,
to show the cost curve rather than one point.

Run:
  .venv/bin/python bench/load.py --listings 50000 --workers 2,4 --duration 30 --keep
  .venv/bin/python bench/load.py --reuse-db signpost_load_123 --reuse-index /tmp/load-x/index
  .venv/bin/python bench/load.py --growth --sizes 1000,10000,50000,100000 --growth-dir /tmp/growth

Loopback and a temporary folder only; it stops by itself; it never runs in the test suite.
"""
from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import multiprocessing
import os
import platform
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlencode

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
sys.path.insert(0, str(BENCH_DIR))
sys.path.insert(0, str(ROOT))

import search_bench  # noqa: E402  (generate, query_pools, make_queries, percentile, TOWNS)
from search_bench import TOWNS, generate, percentile, query_pools  # noqa: E402

VENV_BIN = Path(sys.executable).parent
DIRECTORY = str(VENV_BIN / "directory")
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
KINDS = ("text", "location", "postcode", "filtered", "listing")
MIX = {"text": 35, "location": 15, "postcode": 5, "filtered": 20, "listing": 25}
SEARCH_KINDS = ("text", "location", "postcode", "filtered")
TARGETS = {"searches_per_s": 300.0, "p95_ms": 60.0}
# the reader's language -> the site's locale slugs that language is searched from
SLUGS = {"en": ["en"], "gu": ["gu"], "pl": ["pl"], "zh": ["zh-hans", "zh-hant"]}
SEARCH_LANGUAGE = {"en": "en", "gu": "gu", "pl": "pl", "zh": "zh"}


def loadavg() -> list[float]:
    return [round(value, 2) for value in os.getloadavg()]


# ---------------------------------------------------------------- database and index
def pg_url(name: str) -> str:
    return f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"


def pg_admin(statement: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as connection:
        connection.execute(statement)


def server_env(db_name: str, index_dir: Path, workdir: Path) -> dict:
    env = dict(os.environ)
    env.update({
        "DIRECTORY_DATABASE_URL": pg_url(db_name),
        "DIRECTORY_INDEX_DIR": str(index_dir),
        "DIRECTORY_INSTANCE_DIR": str(workdir / "instance"),
        "DIRECTORY_SECRET_KEY": "load-bench-" + "5" * 48,
        "DIRECTORY_SECURE_COOKIES": "0",
    })
    return env


def build_directory(db_name: str, workdir: Path, n: int, seed: int) -> tuple[Path, dict]:
    """Migrate, generate n listings, import the Leicester postcodes, build the index."""
    from directory.db import Database

    env = server_env(db_name, workdir / "index", workdir)
    timings = {}
    started = time.perf_counter()
    subprocess.run([DIRECTORY, "init"], env=env, check=True, stdout=subprocess.DEVNULL)
    database = Database(pg_url(db_name))
    facts = generate(database, n, seed, dense=False)
    database.dispose()
    timings["generate_s"] = time.perf_counter() - started
    subprocess.run([DIRECTORY, "import-postcodes", str(ROOT / "seed_data" / "postcodes.txt")], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    started = time.perf_counter()
    subprocess.run([DIRECTORY, "reindex"], env=env, check=True, stdout=subprocess.DEVNULL)
    timings["reindex_s"] = time.perf_counter() - started
    timings["rows"] = facts["rows"]
    print(f"built {n} listings ({facts['rows']} rows) in {timings['generate_s']:.0f} s, "
          f"index in {timings['reindex_s']:.0f} s (load average {loadavg()})", flush=True)
    return workdir / "index", timings


def open_listing_ids(db_name: str) -> list[str]:
    import psycopg

    with psycopg.connect(f"postgresql://postgres@127.0.0.1:5432/{db_name}") as connection:
        rows = connection.execute("SELECT id FROM service WHERE listing_status <> 'closed' ORDER BY id").fetchall()
    return [row[0] for row in rows]


def leicester_postcodes() -> list[str]:
    lines = (ROOT / "seed_data" / "postcodes.txt").read_text(encoding="utf-8").splitlines()
    return [line.split("\t")[1] for line in lines if line.count("\t") > 9]


# ---------------------------------------------------------------- the URL mix
def make_urls(listing_ids: list[str], count: int, seed: int) -> list[tuple[str, str]]:
    """(kind, path) pairs in the stated mix, shuffled; the same seed gives the same list."""
    rng = random.Random(seed)
    taxonomy = json.loads((ROOT / "seed_data" / "taxonomy.json").read_text(encoding="utf-8"))
    pools = query_pools(taxonomy, random.Random(seed + 1))
    languages = ["en"] * 4 + ["gu"] * 2 + ["pl"] * 2 + ["zh"] * 2
    weights = [town[3] for town in TOWNS]
    postcodes = leicester_postcodes()

    def language() -> tuple[str, str]:
        lang = rng.choice(languages)
        return lang, rng.choice(SLUGS[lang])

    def near() -> dict:
        _name, lat, lon, _w = rng.choices(TOWNS, weights)[0]
        return {"lat": f"{lat + rng.uniform(-0.03, 0.03):.5f}", "lon": f"{lon + rng.uniform(-0.045, 0.045):.5f}",
                "distance": "3"}

    def search(slug: str, params: list[tuple[str, str]]) -> str:
        return f"/{slug}/search?{urlencode(params, quote_via=quote)}"

    urls = []
    for kind, share in MIX.items():
        for _ in range(count * share // 100):
            lang, slug = language()
            if kind == "text":
                path = search(slug, [("q", rng.choice(pools[lang]))])
            elif kind == "location":
                path = search(slug, list(near().items()))
            elif kind == "postcode":
                path = search(slug, [("postcode", rng.choice(postcodes)), ("distance", "3")])
            elif kind == "filtered":
                second = rng.choice((("access", rng.choice(("step_free", "accessible_toilet", "hearing_loop",
                                                            "bus_route"))), ("cost", "free"), ("cost", "low")))
                path = search(slug, [("q", rng.choice(pools[lang])), *near().items(),
                                     ("language", SEARCH_LANGUAGE[lang]), second])
            else:
                path = f"/{slug}/services/{rng.choice(listing_ids)}"
            urls.append((kind, path))
    rng.shuffle(urls)
    return urls


# ---------------------------------------------------------------- the server
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(env: dict, workers: int, threads: int, port: int, log_path: Path) -> subprocess.Popen:
    log = open(log_path, "ab")
    return subprocess.Popen([DIRECTORY, "serve", "--prod", "--workers", str(workers), "--threads", str(threads),
                             "--bind", f"127.0.0.1:{port}",
                             "--access-log", "/dev/null"], env=env, stdout=log, stderr=log,
                            start_new_session=True)


def stop_server(process: subprocess.Popen | None) -> None:
    """SIGTERM the gunicorn master we started (its workers follow), SIGKILL after 20 s."""
    if process is None or process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def wait_ready(port: int, process: subprocess.Popen, timeout: float = 180) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("GET", "/en/")
            if connection.getresponse().status == 200:
                return time.perf_counter() - started
        except OSError:
            time.sleep(0.5)
    raise RuntimeError("gunicorn did not answer in time")


def _cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def server_cpu(master: int, db_name: str) -> dict:
    """CPU seconds used so far by gunicorn (master + workers) and by the PostgreSQL backends
    serving our database: busy-machine-proof cost per request (Linux /proc only)."""
    gunicorn, postgres = _cpu_seconds(master), 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if int(stat.rpartition(")")[2].split()[1]) == master:
            gunicorn += _cpu_seconds(int(entry.name))
        elif cmdline.startswith("postgres:") and f" {db_name} " in cmdline:
            postgres += _cpu_seconds(int(entry.name))
    return {"gunicorn": gunicorn, "postgres": postgres}


# ---------------------------------------------------------------- the load generator (child process)
def _drive(port: int, urls: list[tuple[str, str]], connections: int, duration: float, queue) -> None:
    """Runs in its own process: `connections` threads, each one keep-alive connection, each
    sending its next URL as soon as the previous answer is read, until `duration` is over."""
    deadline = time.perf_counter() + duration
    results: list[list] = [[] for _ in range(connections)]
    cpu_before = os.times()

    def worker(slot: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        index = slot * len(urls) // connections
        out = results[slot]
        while True:
            kind, path = urls[index % len(urls)]
            index += 1
            started = time.perf_counter()
            if started >= deadline:
                break
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                status = 0
            out.append((kind, status, (time.perf_counter() - started) * 1000, path if status // 100 != 2 else "", slot))
        connection.close()

    began = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(slot,)) for slot in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    cpu_after = os.times()
    cpu = (cpu_after.user - cpu_before.user) + (cpu_after.system - cpu_before.system)
    queue.put({"results": [row for rows in results for row in rows], "elapsed": elapsed, "cpu_s": cpu})


def drive(port: int, urls, connections: int, duration: float) -> dict:
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    process = context.Process(target=_drive, args=(port, urls, connections, duration, queue))
    process.start()
    try:
        outcome = queue.get(timeout=duration + 180)
    finally:
        process.join(timeout=30)
        if process.is_alive():
            process.kill()
    return outcome


def summarise(outcome: dict) -> dict:
    elapsed = outcome["elapsed"]
    by_kind = {}
    groups = {kind: [row for row in outcome["results"] if row[0] == kind] for kind in KINDS}
    groups["searches"] = [row for row in outcome["results"] if row[0] in SEARCH_KINDS]
    groups["all"] = outcome["results"]
    for kind, rows in groups.items():
        latencies = [row[2] for row in rows]
        errors = [row for row in rows if row[1] // 100 != 2]
        by_kind[kind] = {"requests": len(rows), "req_per_s": len(rows) / elapsed,
                         "p50_ms": percentile(latencies, 0.5), "p95_ms": percentile(latencies, 0.95),
                         "p99_ms": percentile(latencies, 0.99), "errors": len(errors),
                         "error_examples": sorted({f"{row[1]} {row[3]}" for row in errors})[:3]}
    return by_kind


def connection_spread(outcome: dict) -> dict:
    """How evenly the server shared its work between the load generator's connections.

    Why: a keep-alive connection stays with the gunicorn worker that accepted it, and the
    workers accept as they please; in one run at 50k, one worker took 14 of the 16
    connections (their median 144 ms) and the other two (5 and 22 ms). Both cores stayed
    busy, so throughput did not show it, but the p95 was that worker's queue."""
    by_connection: dict[int, list[float]] = {}
    for row in outcome["results"]:
        by_connection.setdefault(row[4], []).append(row[2])
    medians = sorted(percentile(latencies, 0.5) for latencies in by_connection.values())
    counts = sorted(len(latencies) for latencies in by_connection.values())
    return {"median_ms_min": medians[0], "median_ms_max": medians[-1], "requests_min": counts[0],
            "requests_max": counts[-1]} if medians else {}


def print_table(title: str, table: dict) -> None:
    print(f"\n{title}")
    print("| kind | requests | req/s | p50 ms | p95 ms | p99 ms | errors |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for kind, row in table.items():
        print(f"| {kind} | {row['requests']} | {row['req_per_s']:.1f} | {row['p50_ms']:.1f} | {row['p95_ms']:.1f} | "
              f"{row['p99_ms']:.1f} | {row['errors']} |")
        for example in row["error_examples"]:
            print(f"|   e.g. {example} |")


def variants(args) -> list[tuple[str, dict]]:
    """(label, environment changes) of each server measured, in the order they run: with
    ``--compare DIR`` (a checkout of the previous version) that version first, then this one
    with its page cache off, then this one as configured — the same URLs, one after another."""
    if not args.compare:
        return [("this version", {})]
    return [("previous version", {"PYTHONPATH": str(args.compare)}),
            ("this version, page cache off", {"DIRECTORY_PAGE_CACHE": "0"}),
            ("this version", {})]


def run_load(args, db_name: str, index_dir: Path, workdir: Path) -> None:
    env = server_env(db_name, index_dir, workdir)
    urls = make_urls(open_listing_ids(db_name), args.urls, args.seed)
    warm_urls = make_urls(open_listing_ids(db_name), 600, args.seed + 99)
    distinct = len(set(path for _kind, path in urls))
    print(f"{len(urls)} URLs in the cycle, {distinct} distinct: a URL asked again within its minute may be a "
          f"page-cache hit (in the worker that made it)", flush=True)
    profiled = int(args.workers.split(",")[0])
    runs = [(workers, label, changes) for workers in [int(part) for part in args.workers.split(",") if part.strip()]
            for label, changes in variants(args)]
    for workers, label, changes in runs:
        port = free_port()
        server = None
        try:
            log_path = Path(tempfile.gettempdir()) / f"load-gunicorn-{os.getpid()}-{workers}w{args.threads}t.log"
            server = start_server(dict(env, **changes), workers, args.threads, port, log_path)
            ready_s = wait_ready(port, server)
            # warm-up: every worker opens its searcher and loads its caches (a few seconds at 50k)
            warm = summarise(drive(port, warm_urls, args.connections, args.warmup))
            load_before, cpu_before = loadavg(), server_cpu(server.pid, db_name)
            outcome = drive(port, urls, args.connections, args.duration)
            load_after, cpu_after = loadavg(), server_cpu(server.pid, db_name)
            table = summarise(outcome)
            cpu = {key: cpu_after[key] - cpu_before[key] for key in cpu_before}
            served = table["all"]["requests"]
            cpu_ms = {key: 1000 * value / max(1, served) for key, value in cpu.items()}
            cpu_share = outcome["cpu_s"] / outcome["elapsed"]
            print_table(f"[{label}] {workers} workers × {args.threads} threads, {args.connections} connections, {args.duration:.0f} s, "
                        f"{args.listings_label} listings; load average before {load_before}, after {load_after}; "
                        f"load generator used {cpu_share:.2f} CPU (of {os.cpu_count()})", table)
            if table["all"]["errors"]:
                print(f"ERRORS: {table['all']['errors']} non-2xx answers; gunicorn's log: {log_path}")
            print(f"CPU per request: gunicorn {cpu_ms['gunicorn']:.1f} ms + PostgreSQL {cpu_ms['postgres']:.1f} ms "
                  f"(server processes used {cpu['gunicorn'] / outcome['elapsed']:.2f} + {cpu['postgres'] / outcome['elapsed']:.2f} "
                  f"CPU of {os.cpu_count()}); on {os.cpu_count()} idle cores at most "
                  f"{os.cpu_count() * 1000 / (cpu_ms['gunicorn'] + cpu_ms['postgres']):.0f} req/s of this mix")
            spread = connection_spread(outcome)
            if spread:
                print(f"connections: median latency {spread['median_ms_min']:.0f}–{spread['median_ms_max']:.0f} ms, "
                      f"{spread['requests_min']}–{spread['requests_max']} requests each (uneven: keep-alive connections "
                      f"stay with the worker that accepted them)")
            searches = table["searches"]
            print(f"targets: searches/s {searches['req_per_s']:.1f} (≥ {TARGETS['searches_per_s']:.0f}), "
                  f"search p95 {searches['p95_ms']:.1f} ms (< {TARGETS['p95_ms']:.0f}); "
                  f"ready after {ready_s:.1f} s, warm-up {warm['all']['requests']} requests")
            line = {"bench": "load", "variant": label, "urls": len(urls), "distinct_urls": distinct,
                    "listings": args.listings_label, "workers": workers, "threads": args.threads,
                    "connections": args.connections, "duration_s": args.duration, "mix": MIX,
                    "kinds": {k: {key: value for key, value in v.items() if key != "error_examples"}
                              for k, v in table.items()},
                    "generator_cpu": cpu_share, "connections_spread": spread, "cpu_ms_per_request": cpu_ms,
                    "loadavg_before": load_before, "loadavg_after": load_after,
                    "targets": TARGETS, "date": dt.date.today().isoformat(), "python": platform.python_version()}
            print("JSON " + json.dumps(line, default=float), flush=True)
            if args.profile and workers == profiled and label == runs[-1][1]:
                profile_workers(server, port, urls, args.connections, args.profile,
                                Path(tempfile.gettempdir()) / f"load-py-spy-{os.getpid()}-{workers}w.txt")
        finally:
            stop_server(server)


# ---------------------------------------------------------------- where the time goes (py-spy)
# Where a sample's innermost frame lives -> what to call that time; first match wins.
PROFILE_CATEGORIES = [
    ("whoosh/", "Whoosh (matching, scoring, reading postings)"),
    ("directory/search/", "our search code (query building, geo, ranking, facets)"),
    ("sqlalchemy/", "SQLAlchemy (ORM loading, SQL compilation)"),
    ("psycopg", "psycopg (PostgreSQL round trips)"),
    ("jinja2/", "Jinja2 runtime"), ("templates/", "templates (compiled Jinja2 code)"),
    ("babel/", "Babel / flask-babel (formatting, translations)"), ("flask_babel", "Babel / flask-babel (formatting, translations)"),
    ("directory/", "our other code (views, listings, i18n)"),
    ("werkzeug/", "Flask / Werkzeug / gunicorn (HTTP)"), ("flask/", "Flask / Werkzeug / gunicorn (HTTP)"),
    ("gunicorn/", "Flask / Werkzeug / gunicorn (HTTP)"),
]
# Frames whose inclusive share is worth knowing: (label, substring of "function (file")
PROFILE_FRAMES = [
    ("SearchEngine.search (whole engine call)", "search (directory/search/engine.py"),
    ("render_template (whole page rendering)", "render_template (flask/templating.py"),
    ("SQLAlchemy Session.execute / ORM loads", "execute (sqlalchemy/orm/session.py"),
    ("ORM lazy loads", "_load_for_state (sqlalchemy/orm/strategies.py"),
    ("psycopg execute (waiting on PostgreSQL)", "execute (psycopg/cursor.py"),
]


def profile_workers(server: subprocess.Popen, port: int, urls, connections: int, seconds: float,
                    out: Path) -> None:
    """Sample every gunicorn worker with py-spy (pip: py-spy, needs ptrace) under the same load;
    print what share of busy samples lands where. Only the thread holding the GIL is sampled
    (``--gil``): with four threads a worker, the others mostly wait for it, and counting them
    would show where threads queue rather than where the CPU goes. Skipped with a note when py-spy is missing."""
    py_spy = shutil.which("py-spy") or os.environ.get("PY_SPY")
    if not py_spy:
        print("profile: py-spy not found (pip install py-spy, or set PY_SPY=/path/to/py-spy); skipped")
        return
    recorder = subprocess.Popen([py_spy, "record", "--pid", str(server.pid), "--subprocesses", "--nonblocking", "--gil",
                                 "--rate", "100", "--duration", str(int(seconds)), "--format", "raw", "-o", str(out)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1)
        drive(port, urls, connections, seconds)
        recorder.wait(timeout=seconds + 60)
    finally:
        if recorder.poll() is None:
            recorder.kill()
    print_profile(out)


def print_profile(path: Path) -> None:
    if not path.exists():
        print(f"profile: py-spy wrote nothing to {path}")
        return
    total, leaf, inclusive = 0, {}, {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if not count.isdigit():
            continue
        samples = int(count)
        frames = stack.split(";")
        total += samples
        innermost = frames[-1]
        category = next((label for marker, label in PROFILE_CATEGORIES if marker in innermost), "other (stdlib, interpreter)")
        leaf[category] = leaf.get(category, 0) + samples
        for label, marker in PROFILE_FRAMES:
            if any(marker in frame for frame in frames):
                inclusive[label] = inclusive.get(label, 0) + samples
    if not total:
        print("profile: no samples")
        return
    print(f"\nprofile ({total} busy samples over all workers; {path}):")
    print("| self time in | share |\n|---|---:|")
    for category, samples in sorted(leaf.items(), key=lambda item: -item[1]):
        print(f"| {category} | {100 * samples / total:.0f}% |")
    print("| inside (inclusive) | share |\n|---|---:|")
    for label, _marker in PROFILE_FRAMES:
        print(f"| {label} | {100 * inclusive.get(label, 0) / total:.0f}% |")


# ---------------------------------------------------------------- growth (engine-level)
def growth_queries(facts: dict, count: int, seed: int) -> dict[str, list[dict]]:
    """search_bench's three kinds (text, location 5 km, text + location + 2 filters)."""
    return search_bench.make_queries(facts, count, seed, dense=False)


def run_growth(args) -> None:
    from directory.db import Database
    from directory.schema import upgrade_database
    from directory.search import IndexStore, SearchEngine
    from directory.search.analysis import warm_up
    from directory.search.sync import rebuild_index

    warm_up()
    reuse = dict(part.split("=", 1) for part in args.growth_reuse.split(",")) if args.growth_reuse else {}
    for n in [int(part) for part in args.sizes.split(",") if part.strip()]:
        workdir = Path(tempfile.mkdtemp(prefix=f"load-growth-{n}-"))
        try:
            started = time.perf_counter()
            kept = args.growth_dir / str(n) if args.growth_dir else None
            if str(n) in reuse or (kept and (kept / "built").exists()):
                # an index built earlier from search_bench.generate(n, seed): only the queries are timed
                index_dir = Path(reuse[str(n)]) if str(n) in reuse else kept / "index"
                built = "reused"
            else:
                if kept:
                    kept.mkdir(parents=True, exist_ok=True)
                url = f"sqlite:///{workdir / 'growth.sqlite3'}"
                database = Database(url)
                upgrade_database(database)
                generate(database, n, args.seed, dense=False)
                index_dir = (kept or workdir) / "index"
                rebuild_index(database, IndexStore(index_dir))
                database.dispose()
                built = f"built in {time.perf_counter() - started:.0f} s"
                if kept:
                    (kept / "built").write_text(built)
                print(f"{n:>7} listings: index {built} (load average {loadavg()})", flush=True)
            if args.build_only:
                continue
            # the query generator needs only the taxonomy and the town centres, not the rows
            taxonomy = json.loads((ROOT / "seed_data" / "taxonomy.json").read_text(encoding="utf-8"))
            facts = {"taxonomy": taxonomy, "centres": [(lat, lon) for _n, lat, lon, _w in TOWNS],
                     "town_weights": [town[3] for town in TOWNS]}
            queries = growth_queries(facts, args.queries, args.seed)
            engine = SearchEngine(index_dir)
            engine.refresh()
            row = {"n": n, "index": built}
            load_before = loadavg()
            for kind, query_list in queries.items():
                timings, hits = search_bench.time_queries(
                    lambda q: engine.search(search_bench.ours_request(q)).total, query_list)
                row[kind] = {"p50_ms": percentile(timings, 0.5), "p95_ms": percentile(timings, 0.95),
                             "mean_hits": hits}
            row["loadavg"] = [load_before, loadavg()]
            engine.close()
            print(f"{n:>7} listings ({built}): " + "; ".join(
                f"{kind} p50 {row[kind]['p50_ms']:.1f} / p95 {row[kind]['p95_ms']:.1f} ms ({row[kind]['mean_hits']:.0f} hits)"
                for kind in queries) + f"; load average {row['loadavg']}", flush=True)
            print("JSON " + json.dumps({"bench": "load-growth", **row, "date": dt.date.today().isoformat()},
                                       default=float), flush=True)
        finally:
            shutil.rmtree(workdir, ignore_errors=True)


# ---------------------------------------------------------------- main
def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--listings", type=int, default=50_000)
    parser.add_argument("--workers", default="2,4", help="comma-separated gunicorn worker counts")
    parser.add_argument("--threads", type=int, default=4,
                        help="gunicorn threads per worker (gthread; 1 = sync workers); 4 is `directory serve`'s default")
    parser.add_argument("--duration", type=float, default=30.0, help="seconds of measured load per worker count")
    parser.add_argument("--warmup", type=float, default=20.0, help="seconds of unmeasured load first")
    parser.add_argument("--connections", type=int, default=16, help="keep-alive connections of the load generator")
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--urls", type=int, default=6000,
                        help="URLs in the cycle (more: fewer repeats, so fewer page-cache hits)")
    parser.add_argument("--compare", type=Path, default=None,
                        help="a checkout of the previous version (git worktree or `git archive`), served from the same "
                             "database and index before this one: baseline and new figures from one run")
    parser.add_argument("--profile", type=float, default=0,
                        help="after the first worker count's run, sample its workers with py-spy for this many seconds")
    parser.add_argument("--keep", action="store_true", help="keep the database and index; print how to reuse them")
    parser.add_argument("--setup-only", action="store_true", help="build the database and index, then stop (implies --keep)")
    parser.add_argument("--reuse-db", default=None, help="an existing database built by this script")
    parser.add_argument("--reuse-index", type=Path, default=None, help="its index folder")
    parser.add_argument("--growth", action="store_true", help="engine-level search cost at several sizes instead")
    parser.add_argument("--sizes", default="1000,10000,50000,100000", help="sizes for --growth")
    parser.add_argument("--queries", type=int, default=200, help="queries per kind per size for --growth")
    parser.add_argument("--growth-dir", type=Path, default=None,
                        help="keep each size's index under DIR/<size> and reuse it when present")
    parser.add_argument("--build-only", action="store_true", help="--growth: build the missing indexes, time nothing")
    parser.add_argument("--growth-reuse", default="",
                        help="SIZE=INDEX_DIR,... indexes built earlier (same seed) to reuse in --growth")
    args = parser.parse_args()
    if bool(args.reuse_db) != bool(args.reuse_index) and not args.growth:
        parser.error("--reuse-db and --reuse-index go together")
    if args.growth:
        run_growth(args)
        return
    keep = args.keep or args.setup_only
    workdir = Path(tempfile.mkdtemp(prefix="load-bench-"))
    db_name = args.reuse_db or f"signpost_load_{os.getpid()}"
    created = False
    index_dir = args.reuse_index or workdir / "index"
    try:
        if args.reuse_db:
            args.listings_label = f"{len(open_listing_ids(db_name)):,} open"
        else:
            pg_admin(f'CREATE DATABASE "{db_name}"')
            created = True
            index_dir, _timings = build_directory(db_name, workdir, args.listings, args.seed)
            args.listings_label = f"{args.listings:,}"
        if not args.setup_only:
            run_load(args, db_name, index_dir, workdir)
    finally:
        if keep and created:
            print(f"kept: --reuse-db {db_name} --reuse-index {index_dir}")
        else:
            if created:
                pg_admin(f'DROP DATABASE IF EXISTS "{db_name}" WITH (FORCE)')
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
