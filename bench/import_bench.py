"""ORUK import benchmark: `directory import` of one 50,000-service ORUK JSON file (~45 MB).

Generates a deterministic feed of full ORUK 3.0 services (organisation, one place with an
address and free-text accessibility, a weekly schedule, a price, a language, a category) in
a temporary folder, migrates a scratch database (`directory init`, plus the taxonomy from
seed_data/), then runs `directory import FILE` as a child process and reports its wall time,
its CPU time and peak RSS (os.wait4). On a loaded machine trust the CPU time: wall time
there includes waiting for a core. Each figure is the median of --repeats runs, each on a fresh
database. No search index exists during the runs, so the time is the import itself; the
time `directory reindex` then takes is reported once beside it.

The baseline is the importer as it was before streaming and batching (commit 5aa90eb,
taken with `git archive` into the temporary folder, never checked out here), run in the
same way on a --baseline-services slice (it refused files over 20 MB).

Also runs against PostgreSQL when reachable (default
postgresql+psycopg://postgres@127.0.0.1:5432/postgres as admin), in a scratch database that
is dropped afterwards. --postgres-before COMMIT imports the same feed there with the code of
an earlier commit too, so both are measured under the same load.

Run:  .venv/bin/python bench/import_bench.py [--services 50000] [--repeats 3] [--no-postgres]
Only loopback and local files are used; it stops by itself. Not run by the tests.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

from directory.db import reachable

ROOT = Path(__file__).resolve().parent.parent
PG_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
BASELINE_COMMIT = "5aa90eb"
NAMESPACE = uuid.UUID("7d1f5a52-8d8e-4f55-9d44-6c3a3c1b0a11")
ACTIVITIES = [("Lunch club", "lunch-club", "A hot meal and a chat every week; volunteers welcome you at the door."),
              ("Chair yoga", "yoga", "Gentle stretching on chairs for older people, led by a qualified teacher."),
              ("Coffee morning", "coffee-morning", "Tea, coffee and cake; come along and meet your neighbours."),
              ("Benefits advice", "benefits-advice", "Free, confidential help with forms, appeals and entitlement checks."),
              ("Walking group", "walking-group", "An easy walk round the park at your own pace, then a cuppa."),
              ("Computer class", "digital-skills", "Learn to use a tablet, e-mail and video calls with family.")]
ACCESS = ["Step-free access at the main entrance; accessible toilet on the ground floor.",
          "The hall has an induction loop for hearing aids. Wheelchair access via the side ramp.",
          "Free parking behind the building; seating available throughout."]
ACCESS_CODES = ["step_free", "hearing_loop", "parking"]  # the baseline refused free text
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA"]


def _id(*parts) -> str:
    return str(uuid.uuid5(NAMESPACE, ":".join(str(part) for part in parts)))


def synthetic_service(number: int, rng: random.Random, access_codes: bool = False) -> dict:
    name, category, description = rng.choice(ACTIVITIES)
    organization = number // 5  # five services per organisation
    place = number // 3          # three services per place
    lat, lon = 52.63 + rng.uniform(-0.08, 0.08), -1.13 + rng.uniform(-0.1, 0.1)
    hour = rng.randint(9, 18)
    return {
        "id": _id("service", number), "name": f"{name} {number}", "description": description,
        "url": f"https://example.org/groups/{number}", "email": f"group{number}@example.org", "status": "active",
        "organization": {"id": _id("organization", organization), "name": f"Community group {organization}",
                         "description": "A volunteer-run community group.", "website": "https://example.org"},
        "service_at_locations": [{"id": _id("link", number), "location": {
            "id": _id("location", place), "name": f"Community hall {place}", "latitude": round(lat, 6),
            "longitude": round(lon, 6),
            "physical_addresses": [{"id": _id("address", place), "address_1": f"{place % 200 + 1} High Street",
                                    "city": "Leicester", "postal_code": f"LE{place % 9 + 1} {place % 9}AA",
                                    "country": "GB"}],
            "accessibility": [{"id": _id("access", place),
                               "description": rng.choice(ACCESS_CODES if access_codes else ACCESS)}]}}],
        "schedules": [{"id": _id("schedule", number), "freq": "WEEKLY", "interval": 1, "byday": rng.choice(DAYS),
                       "opens_at": f"{hour:02d}:00", "closes_at": f"{hour + 1:02d}:30"}],
        "cost_options": [{"id": _id("cost", number), "amount": rng.choice([0, 2, 3.5]), "currency": "GBP"}],
        "languages": [{"id": _id("language", number), "code": "en", "name": "English"}],
        "attributes": [{"id": _id("attribute", number), "taxonomy_term": {"code": category}}],
    }


def write_feed(path: Path, services: int, seed: int = 13, access_codes: bool = False) -> int:
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as out:
        out.write('{"total_items": %d, "total_pages": 1, "page_number": 1, "contents": [\n' % services)
        for number in range(services):
            out.write(("," if number else "") + json.dumps(synthetic_service(number, rng, access_codes), ensure_ascii=False) + "\n")
        out.write("]}\n")
    return path.stat().st_size


class ServerCPU(threading.Thread):
    """CPU seconds of the PostgreSQL backends serving ``database`` (read from /proc every
    0.2 s while the import runs; a backend's last reading counts): the server's share of
    the work, which the child's own CPU time leaves out."""

    def __init__(self, database: str):
        super().__init__(daemon=True)
        self.marker, self.seconds_by_pid, self.done = f" {database} ".encode(), {}, threading.Event()

    def run(self) -> None:
        tick = os.sysconf("SC_CLK_TCK")
        while not self.done.wait(0.2):
            for entry in Path("/proc").iterdir():
                try:
                    if entry.name.isdigit() and self.marker in (entry / "cmdline").read_bytes().replace(b"\0", b" "):
                        fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                        self.seconds_by_pid[entry.name] = (int(fields[11]) + int(fields[12])) / tick
                except OSError:
                    continue

    @property
    def seconds(self) -> float:
        return sum(self.seconds_by_pid.values())


def _run(command: list[str], env: dict, server: ServerCPU | None = None) -> tuple[float, float, float, str]:
    """(wall seconds, CPU seconds, peak RSS MB, output) of a child process. The CPU time
    (user + system, from os.wait4: the child's own time.process_time) is the figure to
    trust on a loaded machine, where wall time includes waiting for a core; the database
    server's own work is measured beside it by ``server``."""
    started = time.perf_counter()
    if server:
        server.start()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=ROOT)
    output = process.stdout.read().decode("utf-8", "replace")
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if server:
        server.done.set()
        server.join()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{output[-3000:]}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, output


def _prepare(env: dict, python: str, code_root: Path) -> None:
    """Migrate and load the taxonomy (what `directory init` gives a real instance)."""
    script = ("import sys; sys.path.insert(0, %r)\n"
              "import json\n"
              "from pathlib import Path\n"
              "from directory import create_app\n"
              "from directory.schema import upgrade_database\n"
              "from directory.seed import load_taxonomy\n"
              "app = create_app(); database = app.extensions['directory.db']\n"
              "upgrade_database(database)\n"
              "with database.session() as session:\n"
              "    load_taxonomy(session, json.loads(Path(%r).read_text(encoding='utf-8')))\n") % (str(code_root), str(ROOT / "seed_data" / "taxonomy.json"))
    _run([python, "-c", script], env)


def _import(env: dict, python: str, code_root: Path, feed: Path,
            server: ServerCPU | None) -> tuple[float, float, float, str]:
    script = ("import sys; sys.path.insert(0, %r)\n"
              "from directory.cli import main\n"
              "sys.exit(main(['import', %r]))\n") % (str(code_root), str(feed))
    return _run([python, "-c", script], env, server)


def _database_urls(kind: str, folder: Path, name: str):
    if kind == "sqlite":
        return f"sqlite:///{folder / (name + '.sqlite3')}", None
    from sqlalchemy import create_engine, text

    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    database = f"import_bench_{os.getpid()}_{name}"
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{database}"'))

    def drop():
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        admin.dispose()
    return PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + database, drop


def measure(kind: str, folder: Path, feed: Path, services: int, repeats: int, code_root: Path, label: str,
            reindex: bool = False) -> dict:
    python = sys.executable
    times, cpus, servers, peaks, reindex_s = [], [], [], [], None
    for run in range(repeats):
        url, drop = _database_urls(kind, folder, f"{label}{run}")
        env = dict(os.environ, DIRECTORY_DATABASE_URL=url, DIRECTORY_INDEX_DIR=str(folder / f"index-{label}{run}"),
                   DIRECTORY_INDEX_FOLLOW="0", PYTHONPATH=str(code_root))
        try:
            _prepare(env, python, code_root)
            server = ServerCPU(url.rsplit("/", 1)[1]) if drop else None
            seconds, cpu, peak, output = _import(env, python, code_root, feed, server)
            if f"Imported {services} service(s)" not in output:
                raise SystemExit(f"unexpected import output:\n{output[-2000:]}")
            times.append(seconds)
            cpus.append(cpu)
            servers.append(server.seconds if server else 0.0)
            peaks.append(peak)
            print(f"  {kind} {label} run {run + 1}: {seconds:.1f} s, {services / seconds:.0f} services/s, "
                  f"CPU {cpu:.1f} s ({services / cpu:.0f} services per CPU second)"
                  + (f", PostgreSQL server CPU {server.seconds:.1f} s" if server else "")
                  + f", peak {peak:.0f} MB, "
                  f"load average {os.getloadavg()[0]:.1f}", flush=True)
            if reindex and run == 0:
                reindex_s, _, _, _ = _run([python, "-m", "directory.cli", "reindex"], env)
        finally:
            if drop:
                drop()
            elif url.startswith("sqlite:///"):
                for suffix in ("", "-wal", "-shm"):
                    Path(url[len("sqlite:///"):] + suffix).unlink(missing_ok=True)
    median = statistics.median(times)
    return {"kind": kind, "label": label, "services": services, "seconds": median, "rate": services / median,
            "cpu_s": statistics.median(cpus), "server_cpu_s": statistics.median(servers),
            "peak_mb": statistics.median(peaks), "reindex_s": reindex_s}


def baseline_code(folder: Path, commit: str = BASELINE_COMMIT) -> Path:
    """The importer of ``commit``, unpacked beside the feed (the checkout is never touched)."""
    target = folder / f"code-{commit}"
    target.mkdir()
    archive = subprocess.run(["git", "archive", commit, "directory"], cwd=ROOT, check=True,
                             capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=50_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--pg-repeats", type=int, default=1)
    parser.add_argument("--baseline-services", type=int, default=2_000)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--baseline-only", action="store_true", help="only the baseline slice (old and new code)")
    parser.add_argument("--postgres-before", metavar="COMMIT",
                        help="also import the same feed into PostgreSQL with the code of COMMIT (same machine load)")
    parser.add_argument("--reindex", action="store_true", help="also time `directory reindex` after the first run")
    args = parser.parse_args()
    print(f"{platform.node()}: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
          f"load average {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory(prefix="import-bench-") as tmp:
        folder = Path(tmp)
        feed = folder / "feed.json"
        results = []
        if not args.baseline_only:
            size = write_feed(feed, args.services)
            print(f"feed: {args.services} services, {size / 1024 / 1024:.1f} MB")
            results.append(measure("sqlite", folder, feed, args.services, args.repeats, ROOT, "now",
                                   reindex=args.reindex))
        if not args.baseline_only and not args.no_postgres and reachable(PG_ADMIN_URL):
            results.append(measure("postgresql", folder, feed, args.services, args.pg_repeats, ROOT, "now"))
            if args.postgres_before:
                results.append(measure("postgresql", folder, feed, args.services, args.pg_repeats,
                                       baseline_code(folder, args.postgres_before), args.postgres_before))
        if not args.no_baseline:
            slice_feed = folder / "slice.json"
            write_feed(slice_feed, args.baseline_services, access_codes=True)
            results.append(measure("sqlite", folder, slice_feed, args.baseline_services, 1, ROOT, "now-slice"))
            results.append(measure("sqlite", folder, slice_feed, args.baseline_services, 1, baseline_code(folder),
                                   "baseline"))
        print(f"\nmedian figures (load average now {os.getloadavg()[0]:.1f}):")
        for result in results:
            extra = f"; then `directory reindex` {result['reindex_s']:.1f} s" if result["reindex_s"] else ""
            print(f"  {result['kind']:10} {result['label']:8} {result['services']:>6} services: "
                  f"{result['seconds']:.1f} s, {result['rate']:.0f} services/s, CPU {result['cpu_s']:.1f} s "
                  f"({result['services'] / result['cpu_s']:.0f}/CPU s), server CPU {result['server_cpu_s']:.1f} s, "
                  f"peak RSS {result['peak_mb']:.0f} MB"
                  f"{extra}")


if __name__ == "__main__":
    main()
