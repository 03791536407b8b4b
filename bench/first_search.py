"""The first search after a server starts (issue 19, "warm start"; figures in
docs/PERFORMANCE.md).

    python bench/first_search.py [--runs 3]

For each server (``directory serve``, and ``serve --prod`` with 2 workers) and each setting
of ``DIRECTORY_WARM_UP`` (0: the old lazy start, the baseline; 1: warmed before accepting),
starts the server on a private seeded instance, waits until it accepts connections, then
times the first search page in English and in Polish from two threads at once (so both prod
workers are asked), then the same searches again (warm). Prints each run and the medians.
"""
from __future__ import annotations

import argparse
import shutil
import signal
import statistics
import subprocess
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from stress import build_instance, free_port, start_server, wait_ready

SEARCHES = ["/en/search?q=yoga&postcode=LE4+5AA&distance=3", "/pl/search?q=kawa&postcode=LE4&distance=5"]


def timed(url: str) -> float:
    started = time.perf_counter()
    urllib.request.urlopen(url, timeout=300).read()
    return (time.perf_counter() - started) * 1000


def one_run(kind: str, warm: bool, env: dict, workdir: Path) -> tuple[float, list[float], list[float]]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    started = time.perf_counter()
    server = start_server(kind, dict(env, DIRECTORY_WARM_UP="1" if warm else "0"), port, 2,
                          workdir / f"{kind}-{int(warm)}.log", workdir)
    try:
        wait_ready(base, server, timeout=600)
        ready = time.perf_counter() - started
        first: list[float] = []
        threads = [threading.Thread(target=lambda path=path: first.append(timed(base + path))) for path in SEARCHES]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        again = [timed(base + path) for path in SEARCHES]
        return ready, first, again
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(60)
        except subprocess.TimeoutExpired:
            server.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="signpost-first-search-"))
    try:
        env = build_instance(workdir)
        for kind in ("dev", "prod"):
            for warm in (False, True):
                firsts, readies, agains = [], [], []
                for run in range(args.runs):
                    ready, first, again = one_run(kind, warm, env, workdir)
                    readies.append(ready)
                    firsts += first
                    agains += again
                    print(f"{kind:4} warm={int(warm)} run {run + 1}: ready after {ready:.1f} s; first searches "
                          f"{', '.join(f'{ms:.0f}' for ms in first)} ms; again {', '.join(f'{ms:.0f}' for ms in again)} ms",
                          flush=True)
                print(f"{kind:4} warm={int(warm)} MEDIAN: ready {statistics.median(readies):.1f} s, first search "
                      f"{statistics.median(firsts):.0f} ms (max {max(firsts):.0f}), again {statistics.median(agains):.0f} ms",
                      flush=True)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
