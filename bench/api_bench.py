"""API search latency over HTTP and server CPU per request by page kind, previous version
against this one, interleaved in one run (issue 19).

Serves one database and index (built by ``bench/load.py --setup-only``) from up to three
``directory serve --prod`` servers at once — the previous version (``--compare DIR``, a
checkout of it), this version with its page cache off, and this version — and asks each
URL of each server in turn, one request at a time, so a busy machine disturbs all three
alike.

1. **API**: ``GET /api/services?search=…&lat=…&lon=…&proximity=5000&per_page=20``, a third of
   the queries location-only, as in the issue. Pass 1 asks each URL for the first time (no
   page-cache hit is possible: this measures the prepared ORUK objects), then at once again
   (a page-cache hit: kept answers live for their minute). p50/p95 wall-clock per variant.
2. **CPU per request by page kind** (home, search, listing, category, API): CPU seconds of
   each server's processes (from /proc) over K distinct URLs of a kind, asked once and again.

    .venv/bin/python bench/api_bench.py --reuse-db signpost_load_123 --reuse-index /tmp/load-x/index \\
        --compare /tmp/previous-checkout [--queries 300]

Loopback only; it stops its servers; never part of the test suite.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import tempfile
import time
from pathlib import Path
from urllib.parse import quote, urlencode

from load import (TOWNS, free_port, leicester_postcodes, loadavg, open_listing_ids, percentile, query_pools,
                  server_cpu, server_env, start_server, stop_server, wait_ready)

ROOT = Path(__file__).resolve().parent.parent
SLUGS = ["en", "gu", "pl", "zh-hans", "zh-hant", "ur"]


LEICESTER = [("Leicester", 52.6369, -1.1398, 1)]  # the sample directory's wards
PLACES = TOWNS


def api_urls(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    taxonomy = json.loads((ROOT / "seed_data" / "taxonomy.json").read_text(encoding="utf-8"))
    pools = query_pools(taxonomy, random.Random(seed + 1))
    weights = [town[3] for town in PLACES]
    urls = []
    for number in range(count):
        _name, lat, lon, _weight = rng.choices(PLACES, weights)[0]
        params = [("lat", f"{lat + rng.uniform(-0.03, 0.03):.5f}"), ("lon", f"{lon + rng.uniform(-0.045, 0.045):.5f}"),
                  ("proximity", "5000"), ("per_page", "20")]
        if number % 3:
            params.insert(0, ("search", rng.choice(pools[rng.choice(["en", "en", "gu", "pl", "zh"])])))
        urls.append("/api/services?" + urlencode(params, quote_via=quote))
    return urls


def page_urls(listing_ids: list[str], count: int, seed: int) -> dict[str, list[str]]:
    """K distinct URLs of each page kind."""
    rng = random.Random(seed)
    taxonomy = json.loads((ROOT / "seed_data" / "taxonomy.json").read_text(encoding="utf-8"))
    pools = query_pools(taxonomy, random.Random(seed + 2))
    codes = _codes(taxonomy)
    postcodes = leicester_postcodes()
    searches = []
    while len(searches) < count:
        slug = rng.choice(SLUGS)
        params = [("q", rng.choice(pools["en"]))] if rng.random() < 0.5 else []
        params += [("postcode", rng.choice(postcodes)), ("distance", "3")]
        searches.append(f"/{slug}/search?" + urlencode(params, quote_via=quote))
    return {
        "home": [f"/{slug}/" for slug in SLUGS][:count],
        "search": searches,
        "listing": [f"/{rng.choice(SLUGS)}/services/{service_id}"
                    for service_id in rng.sample(listing_ids, min(count, len(listing_ids)))],
        "category": [f"/{rng.choice(SLUGS)}/categories/{code}" for code in rng.sample(codes, min(count, len(codes)))],
        "API": api_urls(count, seed + 3),
    }


def _codes(node) -> list[str]:
    """Every taxonomy code in seed_data/taxonomy.json, however it nests."""
    found = []
    if isinstance(node, dict):
        if isinstance(node.get("code"), str):
            found.append(node["code"])
        for value in node.values():
            found.extend(_codes(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_codes(value))
    return found


def listing_ids(args) -> list[str]:
    if not args.database_url:
        return open_listing_ids(args.reuse_db)
    from sqlalchemy import create_engine, text

    engine = create_engine(args.database_url)
    with engine.connect() as connection:
        ids = list(connection.execute(text("SELECT id FROM service WHERE listing_status <> 'closed' ORDER BY id")).scalars())
    engine.dispose()
    return ids


class Server:
    def __init__(self, label: str, env: dict, workers: int, threads: int):
        self.label, self.port = label, free_port()
        log = Path(tempfile.gettempdir()) / f"api-bench-{os.getpid()}-{self.port}.log"
        self.process = start_server(env, workers, threads, self.port, log)
        self.connection = None

    def ready(self) -> float:
        return wait_ready(self.port, self.process)

    def get(self, path: str) -> tuple[int, float]:
        """One request; a keep-alive connection gunicorn closed while idle is reopened."""
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            started = time.perf_counter()
            try:
                self.connection.request("GET", path)
                response = self.connection.getresponse()
                response.read()
                return response.status, (time.perf_counter() - started) * 1000
            except (http.client.RemoteDisconnected, ConnectionError):
                self.connection.close()
                self.connection = None
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def stop(self) -> None:
        if self.connection is not None:
            self.connection.close()
        stop_server(self.process)


def interleaved(servers: list[Server], urls: list[str]) -> dict[tuple[str, str], list[float]]:
    """Each URL on each server in turn, asked twice in a row: the first asking (no kept page
    can exist) and at once again (a kept page, within its minute); wall-clock ms."""
    timings: dict[tuple[str, str], list[float]] = {}
    for url in urls:
        for server in servers:
            for asked in ("first", "again"):
                status, elapsed = server.get(url)
                assert status == 200, (server.label, url, status)
                timings.setdefault((asked, server.label), []).append(elapsed)
    return timings


def cpu_per_request(servers: list[Server], urls: list[str], db_name: str) -> dict[tuple[str, str], float]:
    """Milliseconds of server CPU (gunicorn + PostgreSQL, /proc: 10 ms ticks, so a mean over
    many requests) per request, per (asked, server), asked twice in a row like ``interleaved``."""
    spent: dict[tuple[str, str], float] = {}
    for url in urls:
        for server in servers:
            for asked in ("first", "again"):
                before = server_cpu(server.process.pid, db_name)
                status, _elapsed = server.get(url)
                assert status == 200, (server.label, url, status)
                after = server_cpu(server.process.pid, db_name)
                spent[asked, server.label] = spent.get((asked, server.label), 0.0) + sum(after.values()) - sum(
                    before.values())
    return {key: 1000 * seconds / len(urls) for key, seconds in spent.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuse-db", default=None, help="a PostgreSQL database built by bench/load.py")
    parser.add_argument("--reuse-index", type=Path, required=True)
    parser.add_argument("--database-url", default=None,
                        help="instead of --reuse-db: e.g. the seeded SQLite of `make run` (searches around Leicester)")
    parser.add_argument("--compare", type=Path, default=None, help="a checkout of the previous version")
    parser.add_argument("--queries", type=int, default=300, help="API URLs (each asked twice per server)")
    parser.add_argument("--per-kind", type=int, default=40, help="URLs per page kind for the CPU table")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--seed", type=int, default=20261206)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="api-bench-"))
    global PLACES
    db_name = args.reuse_db or "-no-postgresql-database-"
    env = server_env(db_name, args.reuse_index, workdir)
    if args.database_url:
        env["DIRECTORY_DATABASE_URL"] = args.database_url
        PLACES = LEICESTER
    env["DIRECTORY_API_RATE_LIMIT"] = "1000000 per minute"
    variants = ([("previous version", {"PYTHONPATH": str(args.compare)})] if args.compare else []) + [
        ("page cache off", {"DIRECTORY_PAGE_CACHE": "0"}), ("this version", {})]
    servers = [Server(label, dict(env, **changes), args.workers, args.threads) for label, changes in variants]
    try:
        for server in servers:
            print(f"{server.label}: ready after {server.ready():.1f} s", flush=True)
        warm = api_urls(30, args.seed + 100)
        interleaved(servers, warm)  # searchers, analysers, columns
        urls = api_urls(args.queries, args.seed)
        print(f"load average before {loadavg()}", flush=True)
        timings = interleaved(servers, urls)
        for (asked, label), values in timings.items():
            print(f"API, asked {asked:6} {label:18} n={len(values):4} p50 {percentile(values, 0.5):6.1f} ms  "
                  f"p95 {percentile(values, 0.95):6.1f} ms", flush=True)
        print(f"load average after the API runs {loadavg()}", flush=True)
        kinds = page_urls(listing_ids(args), args.per_kind, args.seed + 7)
        interleaved(servers, [urls_[0] for urls_ in kinds.values()])  # templates
        print(f"\nserver CPU ms per request (gunicorn + PostgreSQL), up to {args.per_kind} URLs per kind")
        print(f"{'kind':10} {'asked':6} " + " ".join(f"{server.label:>18}" for server in servers))
        for kind, kind_urls in kinds.items():
            cost = cpu_per_request(servers, kind_urls, db_name)
            for asked in ("first", "again"):
                print(f"{kind:10} {asked:6} " + " ".join(f"{cost[asked, server.label]:>18.1f}" for server in servers),
                      flush=True)
        print(f"load average at the end {loadavg()}")
    finally:
        for server in servers:
            server.stop()


if __name__ == "__main__":
    main()
