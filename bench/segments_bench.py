"""Engine time on two indexes of the same listings: what a rebuild shared between processes
(one segment per process) costs a search against a one-process rebuild (one segment).

Build both from one database, then compare them in one process, alternating per query so a
busy machine treats both alike (each engine is asked each query for its first time):

    DIRECTORY_REBUILD_PROCESSES=1 DIRECTORY_INDEX_DIR=/tmp/one/index directory reindex
    DIRECTORY_INDEX_DIR=/tmp/shared/index directory reindex
    .venv/bin/python bench/segments_bench.py /tmp/one/index /tmp/shared/index [--queries 400]

The queries are ``api_bench.api_urls``: text and location around the bench towns, a third
location-only, 5 km, 20 a page. Prints p50, p95 and mean per index. Not run by the tests.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import parse_qs, urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from api_bench import api_urls  # noqa: E402
from directory.geography import Point  # noqa: E402
from directory.search import SearchEngine, SearchRequest  # noqa: E402
from directory.search.analysis import warm_up  # noqa: E402


def request_for(url: str) -> SearchRequest:
    query = parse_qs(urlparse(url).query)
    return SearchRequest(text=query.get("search", [""])[0], point=Point(float(query["lat"][0]), float(query["lon"][0])),
                         radius_m=5000, per_page=20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("indexes", nargs=2, type=Path, help="two index folders (DIRECTORY_INDEX_DIR)")
    parser.add_argument("--queries", type=int, default=400)
    parser.add_argument("--seed", type=int, default=20261206)
    args = parser.parse_args()
    warm_up()
    engines = {str(path): SearchEngine(path) for path in args.indexes}
    for path, engine in engines.items():
        print(f"{path}: {len(engine._current().leaves)} segment(s), {engine.document_count()} documents")
        for url in api_urls(30, args.seed + 100):  # searchers, columns
            engine.search(request_for(url))
    spent: dict[str, list[float]] = {path: [] for path in engines}
    rng = random.Random(args.seed)
    for url in api_urls(args.queries, args.seed):
        request = request_for(url)
        order = list(engines.items())
        rng.shuffle(order)
        for path, engine in order:
            started = time.perf_counter()
            engine.search(request)
            spent[path].append(1000 * (time.perf_counter() - started))
    for path, values in spent.items():
        values.sort()
        print(f"{path}: p50 {statistics.median(values):.2f} ms  p95 {values[int(0.95 * len(values))]:.2f} ms  "
              f"mean {statistics.mean(values):.2f} ms  (n={len(values)})")
    for engine in engines.values():
        engine.close()


if __name__ == "__main__":
    main()
