"""Rebuild benchmark: `directory reindex` listings/s, the bulk writer against the writer before it.

For each size N this script generates N listings with ``search_bench.generate`` (the same
synthetic, multilingual listings as the search bench) into a temporary SQLite database, then
times ``directory.search.sync.rebuild_index`` — read the database, make the documents,
write and swap in a new generation, exactly what ``directory reindex`` does — with

* ``new``: this checkout's ``rebuild_index``: the bulk writer (``bulk_writer.BulkSegmentWriter``)
  with the listings shared between processes from ``PARALLEL_MIN_LISTINGS`` on
  (``rebuild_shares.py``: one process per core, at most four);
* ``single``: the same in one process (``DIRECTORY_REBUILD_PROCESSES=1``), the rebuild before
  the shares;
* ``old``: ``directory/search/indexer.py`` as it was at ``--baseline`` (Whoosh's own writer,
  with Whoosh's MpWriter over ``DIRECTORY_INDEX_PROCS`` processes from 2,000 listings on),
  read with ``git show`` and loaded beside the package, never checked out. Both read the
  database and make documents with today's ``sync.py`` and ``documents.py``, so the
  difference is the writer (the spelling-word memo of ``documents.py`` is emptied before
  every run).

Runs alternate (old, new, new, old, ...) so a machine whose load changes treats both alike;
each figure is the median of --runs. Wall-clock listings/s and CPU seconds (this process
and its finished children, so the old writer's worker processes count) are printed with the
load average before and after, then one JSON line per size.

Run:  .venv/bin/python bench/rebuild_bench.py [--sizes 10000,50000] [--runs 3] [--baseline 2a3c2fd]
      [--writers old,single,new] [--database-dir DIR]  (keeps bench-N.sqlite3 there and reuses it)
Only local files and a temporary folder are used; it stops by itself. Not run by the tests.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from directory.db import Database  # noqa: E402
from directory.schema import upgrade_database  # noqa: E402
from directory.search import IndexStore  # noqa: E402
from directory.search.analysis import warm_up  # noqa: E402
from directory.search.documents import _spellable_words  # noqa: E402
from directory.search.rebuild_shares import PROCESSES_ENV  # noqa: E402
from directory.search.sync import rebuild_index  # noqa: E402
from search_bench import cpu_seconds, generate  # noqa: E402

BASELINE_COMMIT = "2a3c2fd"
SEED = 20240601


def baseline_store_class(commit: str):
    """``IndexStore`` from ``directory/search/indexer.py`` at ``commit``, imported as a
    sibling module of the package so its relative imports resolve to today's modules."""
    source = subprocess.run(["git", "-C", str(ROOT), "show", f"{commit}:directory/search/indexer.py"],
                            check=True, capture_output=True, text=True).stdout
    module = types.ModuleType("directory.search.indexer_baseline")
    module.__package__ = "directory.search"
    module.__file__ = f"<{commit}:directory/search/indexer.py>"
    sys.modules[module.__name__] = module
    exec(compile(source, module.__file__, "exec"), module.__dict__)

    class BaselineStore(module.IndexStore):
        def rebuild(self, *args, other_shares=None, **kwargs):  # it had no shares (run with "1")
            assert other_shares is None
            return super().rebuild(*args, **kwargs)

    return BaselineStore


def database_for(size: int, folder: Path) -> tuple[str, bool]:
    path = folder / f"bench-{size}.sqlite3"
    url = f"sqlite:///{path}"
    if path.exists():
        return url, False
    database = Database(url)
    upgrade_database(database)
    generate(database, size, SEED, dense=False)
    database.dispose()
    return url, True


def timed_rebuild(url: str, store, processes: str | None) -> dict:
    """One ``rebuild_index`` into ``store``; every writer reads the documents through today's
    ``documents.py``, whose spelling-word memo is emptied first so no run inherits another's.
    ``processes`` is ``DIRECTORY_REBUILD_PROCESSES`` for the run (None: the default)."""
    _spellable_words.cache_clear()
    database = Database(url)
    before = os.environ.pop(PROCESSES_ENV, None)
    if processes:
        os.environ[PROCESSES_ENV] = processes
    started, cpu = time.perf_counter(), cpu_seconds()
    try:
        summary = rebuild_index(database, store)
    finally:
        os.environ.pop(PROCESSES_ENV, None)
        if before is not None:
            os.environ[PROCESSES_ENV] = before
    seconds, cpu_used = time.perf_counter() - started, cpu_seconds() - cpu
    database.dispose()
    return {"services": summary.services, "documents": summary.documents, "seconds": seconds, "cpu_s": cpu_used,
            "per_s": summary.services / seconds, "per_cpu_s": summary.services / cpu_used}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,50000")
    parser.add_argument("--runs", type=int, default=3, help="runs per writer and size (median reported)")
    parser.add_argument("--baseline", default=BASELINE_COMMIT, help="commit whose indexer.py is 'old'")
    parser.add_argument("--database-dir", type=Path, default=None, help="keep and reuse the generated databases here")
    parser.add_argument("--writers", default="old,new", help="which of old, single, new to time")
    args = parser.parse_args()
    warm_up()
    available = {"old": lambda: (baseline_store_class(args.baseline), "1"), "single": lambda: (IndexStore, "1"),
                 "new": lambda: (IndexStore, None)}
    writers = {name: available[name]() for name in args.writers.split(",")}
    scratch = Path(tempfile.mkdtemp(prefix="rebuild-bench-"))
    folder = args.database_dir or scratch
    folder.mkdir(parents=True, exist_ok=True)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, baseline {args.baseline}, "
          f"writers {', '.join(writers)}")
    try:
        for size in [int(part) for part in args.sizes.split(",") if part.strip()]:
            url, made = database_for(size, folder)
            print(f"\n{size} listings ({'generated' if made else 'reused'} {url})")
            load_before = os.getloadavg()
            results: dict[str, list[dict]] = {name: [] for name in writers}
            order = list(writers)
            for run in range(args.runs):
                for name in order if run % 2 == 0 else reversed(order):
                    index_dir = scratch / f"index-{name}-{size}-{run}"
                    store_class, processes = writers[name]
                    result = timed_rebuild(url, store_class(index_dir), processes)
                    shutil.rmtree(index_dir, ignore_errors=True)
                    result["load"] = os.getloadavg()[0]
                    results[name].append(result)
                    print(f"  run {run + 1} {name}: {result['per_s']:7.0f} listings/s  {result['seconds']:6.1f} s wall"
                          f"  {result['cpu_s']:6.1f} s CPU  ({result['documents']} documents, load {result['load']:.1f})")
                    sys.stdout.flush()
            load_after = os.getloadavg()
            summary = {"size": size, "load_before": load_before, "load_after": load_after}
            for name, runs in results.items():
                summary[name] = {key: statistics.median(run[key] for run in runs)
                                 for key in ("per_s", "per_cpu_s", "seconds", "cpu_s")}
                print(f"  median {name}: {summary[name]['per_s']:.0f} listings/s wall, "
                      f"{summary[name]['per_cpu_s']:.0f} listings per CPU-second")
            if "new" in results:
                for other in (name for name in results if name != "new"):
                    wall = summary[f"ratio_wall_{other}"] = summary["new"]["per_s"] / summary[other]["per_s"]
                    cpu = summary[f"ratio_cpu_{other}"] = summary["new"]["per_cpu_s"] / summary[other]["per_cpu_s"]
                    print(f"  new / {other}: {wall:.2f}x wall, {cpu:.2f}x per CPU-second")
            print(f"  load average before {load_before[0]:.1f}, after {load_after[0]:.1f}")
            print(json.dumps(summary))
            sys.stdout.flush()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
