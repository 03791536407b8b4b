"""Server CPU per request, by page kind, in process: what a worker spends on each kind of the load mix.

bench/load.py measures throughput over HTTP, which a 2-core machine running its own load generator
disturbs; this one asks the same mix of URLs (``load.make_urls``) through Flask's test client in one
process, page cache off, and times each request's thread CPU (``time.thread_time``), so two versions can
be compared a few milliseconds apart on the same machine.

With ``--compare DIR`` (a ``git archive`` of the previous version with its catalogues compiled) it runs
this version and the previous one in two child processes, alternating rounds, and prints both: the
machine's drift falls on both alike.

Run (after ``bench/load.py --listings 50000 --setup-only``, which prints the database and index):
  .venv/bin/python bench/request_cpu.py --reuse-db signpost_load_123 --reuse-index /tmp/load-x/index \\
      --compare /tmp/previous --rounds 3

Loopback PostgreSQL and a temporary folder only; it never runs in the test suite.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent


def measure(args) -> None:
    """Child: build the app from the environment, ask the URLs, print one JSON line of CPU per kind.
    ``load`` is imported from the measured version's bench/ folder: it puts its checkout first
    on ``sys.path``, so the ``directory`` package imported next is that version's."""
    sys.path.insert(0, str(args.code / "bench"))
    import load  # noqa: E402  (make_urls, open_listing_ids)

    from directory import create_app

    app = create_app()
    imported = Path(sys.modules["directory"].__file__).resolve()
    assert imported.is_relative_to(args.code.resolve()), f"measuring {imported}, not {args.code}"
    client = app.test_client()
    urls = load.make_urls(load.open_listing_ids(args.reuse_db), args.warm + args.requests, args.seed)
    for _kind, path in urls[:args.warm]:
        client.get(path)
    spent: dict[str, list[float]] = {}
    for kind, path in urls[args.warm:args.warm + args.requests]:
        started = time.thread_time()
        response = client.get(path)
        spent.setdefault(kind, []).append(1000 * (time.thread_time() - started))
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
    print("JSON " + json.dumps({kind: statistics.fmean(values) for kind, values in spent.items()}), flush=True)


def child(args, code: Path) -> dict[str, float]:
    """One round of one version, in a process of its own: the load bench's server settings
    (``load.server_env``), page cache off, that version's package first on the path."""
    import load  # noqa: E402  (bench/ is on sys.path: main put it there)

    env = load.server_env(args.reuse_db, args.reuse_index, Path(tempfile.mkdtemp(prefix="request-cpu-")))
    env.update({"DIRECTORY_PAGE_CACHE": "0", "PYTHONPATH": str(code)})
    command = [sys.executable, __file__, "--child", "--code", str(code), "--reuse-db", args.reuse_db,
               "--reuse-index", str(args.reuse_index), "--requests", str(args.requests), "--warm", str(args.warm),
               "--seed", str(args.seed)]
    output = subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout
    return json.loads(next(line for line in output.splitlines() if line.startswith("JSON "))[5:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuse-db", required=True, help="a database built by bench/load.py")
    parser.add_argument("--reuse-index", type=Path, required=True, help="its index folder")
    parser.add_argument("--compare", type=Path, default=None, help="a checkout of the previous version")
    parser.add_argument("--rounds", type=int, default=2, help="rounds per version, alternating")
    parser.add_argument("--requests", type=int, default=1200, help="measured requests per round")
    parser.add_argument("--warm", type=int, default=200, help="unmeasured requests first")
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--code", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        measure(args)
        return
    sys.path.insert(0, str(BENCH_DIR))
    import load  # noqa: E402

    versions = [("this version", ROOT)] + ([("previous version", args.compare)] if args.compare else [])
    results: dict[str, list[dict[str, float]]] = {label: [] for label, _path in versions}
    for _round in range(args.rounds):
        for label, path in versions:
            results[label].append(child(args, path))
    print(f"thread CPU per request, ms (mean of {args.requests} requests a round, page cache off; "
          f"{args.rounds} rounds, alternating)")
    print(f"{'kind':<10} {'share':>5}  " + "  ".join(f"{label:>24}" for label in results))
    for kind in (*load.KINDS, "mix"):
        cells = []
        for runs in results.values():
            if kind == "mix":
                values = [sum(run[k] * load.MIX[k] for k in load.KINDS) / 100 for run in runs]
            else:
                values = [run[kind] for run in runs]
            cells.append(" / ".join(f"{value:.1f}" for value in values))
        share = f"{load.MIX[kind]}%" if kind in load.MIX else ""
        print(f"{kind:<10} {share:>5}  " + "  ".join(f"{cell:>24}" for cell in cells))


if __name__ == "__main__":
    main()
