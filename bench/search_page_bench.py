"""Server time of the public search page at the seeded size (issue: p95 < 60 ms).

Serves real requests through the Flask test client (routing, locale, search, template
rendering — everything but the socket) against the `make run` database and index, over a
mix of searches in all four languages, and prints median and p95 per kind with the
listing page as a baseline measured in the same process.

Each URL is asked twice in turn, with the page cache off and on (``web/page_cache.py``),
so both columns come from the same minutes of the same process; "on" after the first
round is a warm page: answered from the cache. CPU ms is the process's CPU per request.

    .venv/bin/python bench/search_page_bench.py [--rounds 20]
"""
from __future__ import annotations

import argparse
import os
import statistics
import time
from urllib.parse import quote

from directory import create_app

SEARCHES = {
    "text": ["/en/search?q=lunch+club", f"/gu/search?q={quote('ભોજન ક્લબ')}", "/pl/search?q=zajecia+jogi",
             f"/zh-hans/search?q={quote('太极')}", "/en/search?q=befriending"],
    "postcode": ["/en/search?postcode=LE4+5AA&distance=3", "/gu/search?postcode=LE5+3DE&distance=1",
                 "/pl/search?postcode=LE2+0QS&distance=5"],
    "text+postcode+filters": ["/en/search?q=yoga&postcode=LE4+5AA&distance=5&language=en&cost=low",
                              f"/gu/search?q={quote('યોગ')}&postcode=LE4+6AN&distance=3&access=step_free",
                              "/zh-hant/search?q=%E5%A4%AA%E6%A5%B5&postcode=LE1+5WW&distance=10&day=th"],
    "listing page (baseline)": ["/en/services/eeb39e88-ea4a-5e25-86ac-d5a5175c418b"],
}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    app = create_app()
    client = app.test_client()
    for urls in SEARCHES.values():  # warm up: analysers, caches, templates
        for url in urls:
            assert client.get(url).status_code == 200, url
    print(f"load average {os.getloadavg()[0]:.1f}")
    print(f"{'page':28} {'cache':>5} {'requests':>8} {'p50 ms':>8} {'p95 ms':>8} {'CPU ms':>8}")
    for kind, urls in SEARCHES.items():
        timings: dict[bool, list[float]] = {False: [], True: []}
        cpu: dict[bool, float] = {False: 0.0, True: 0.0}
        for _ in range(args.rounds):
            for url in urls:
                for cached in (False, True):
                    app.config["PAGE_CACHE"] = cached
                    started, cpu_started = time.perf_counter(), time.process_time()
                    client.get(url)
                    timings[cached].append((time.perf_counter() - started) * 1000)
                    cpu[cached] += time.process_time() - cpu_started
        for cached in (False, True):
            values = timings[cached]
            print(f"{kind:28} {'on' if cached else 'off':>5} {len(values):>8} {statistics.median(values):>8.1f} "
                  f"{percentile(values, 0.95):>8.1f} {1000 * cpu[cached] / len(values):>8.2f}")
    print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
