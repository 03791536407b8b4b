"""Postcode import benchmark: `directory import-postcodes` on 100,000 synthetic rows.

Writes a synthetic GeoNames postal-code file (tab-separated, 12 columns) and an ONSPD-style
CSV (the real file's first columns, with pcds/lat/long) to a temporary folder, migrates a
scratch database with `directory init`, then runs `directory import-postcodes` as a child
process for each format and reports its wall time and peak RSS (the child's own rusage from
os.wait4, plus resource.getrusage(RUSAGE_CHILDREN) for the largest child so far).
Acceptance (issue): under 30 s and under 300 MB for 100,000 rows.

Also runs once against PostgreSQL when reachable (default
postgresql+psycopg://postgres@127.0.0.1:5432/test), inside a scratch schema that is dropped
afterwards, so no table of that database is touched.

Run:  .venv/bin/python bench/postcode_import_bench.py [--rows 100000] [--no-postgres]
Only loopback and local files are used; it stops by itself. Not run by the tests.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
AREAS = [("LE", "Leicester", 52.63, -1.13), ("NG", "Nottingham", 52.95, -1.15), ("DE", "Derby", 52.92, -1.47),
         ("B", "Birmingham", 52.48, -1.89), ("CV", "Coventry", 52.40, -1.51), ("NN", "Northampton", 52.24, -0.90),
         ("PE", "Peterborough", 52.57, -0.24), ("CB", "Cambridge", 52.20, 0.12), ("OX", "Oxford", 51.75, -1.25),
         ("MK", "Milton Keynes", 52.04, -0.76), ("S", "Sheffield", 53.38, -1.47), ("LN", "Lincoln", 53.23, -0.54)]
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


def synthetic_postcodes(rows: int, seed: int):
    """(postcode, place, lat, lon) — unique, valid UK-format postcodes, deterministic."""
    rng = random.Random(seed)
    seen = set()
    while len(seen) < rows:
        area, place, lat, lon = rng.choice(AREAS)
        postcode = f"{area}{rng.randint(1, 40)} {rng.randint(0, 9)}{rng.choice(INWARD_LETTERS)}{rng.choice(INWARD_LETTERS)}"
        if postcode in seen:
            continue
        seen.add(postcode)
        yield postcode, place, round(lat + rng.uniform(-0.15, 0.15), 6), round(lon + rng.uniform(-0.2, 0.2), 6)


def write_geonames(path: Path, rows: int, seed: int) -> None:
    with open(path, "w", encoding="utf-8", newline="") as out:
        for postcode, place, lat, lon in synthetic_postcodes(rows, seed):
            out.write(f"GB\t{postcode}\t{place}\tEngland\tENG\t{place}shire\t\t{place}\tE0600{len(place):04d}\t"
                      f"{lat}\t{lon}\t6\n")


def write_onspd(path: Path, rows: int, seed: int, marker: bool = False) -> None:
    """ONSPD-like: the real header's columns; ~1% rows with no grid reference, written with
    empty lat/long (or, with ``marker``, the real file's 99.999999/0.000000 marker)."""
    rng = random.Random(seed + 1)
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("pcd,pcd2,pcds,dointr,doterm,oscty,ced,oslaua,osward,parish,usertype,oseast1m,osnrth1m,"
                  "osgrdind,oshlthau,nhser,ctry,rgn,streg,pcon,eer,teclec,ttwa,pct,itl,statsward,oa01,casward,"
                  "park,lsoa01,msoa01,ur01ind,oac01,oa11,lsoa11,msoa11,wz11,sicbl,bua24,ru11ind,oac11,lat,long,"
                  "lep1,lep2,pfa,imd,calncv,icb,oa21,lsoa21,msoa21\n")
        for postcode, _place, lat, lon in synthetic_postcodes(rows, seed):
            terminated = rng.random() < 0.01
            lat_text, lon_text = (("99.999999", "0.000000") if marker else ("", "")) if terminated else (f"{lat:.6f}", f"{lon:.6f}")
            outward, inward = postcode.split(" ")
            out.write(f"{outward:<4}{inward},{outward:<5}{inward},{postcode},199901,{'202001' if terminated else ''},"
                      "E10000018,E58000001,E07000129,E05005400,E04000001,0,460000,300000,1,E16000001,E40000008,"
                      "E92000001,E12000004,0,E14000001,E15000004,E17000001,E30000226,E16000001,E06000016,31UBGA,"
                      "E00000001,00FNMA,E26000001,E01000001,E02000001,5,3A4,E00000001,E01000001,E02000001,"
                      f"E33000001,E38000001,E63000001,C1,7B1,{lat_text},{lon_text},E37000001,,E23000001,12345,"
                      "E56000001,E54000001,E00000001,E01000001,E02000001\n")


def run_child(args: list[str], env: dict) -> tuple[float, float, int, str]:
    """(wall seconds, peak RSS MB of this child, exit code, output)."""
    started = time.perf_counter()
    process = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=str(ROOT))
    output = process.stdout.read().decode("utf-8", "replace")
    _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - started, usage.ru_maxrss / 1024, process.returncode, output


def directory_command() -> list[str]:
    script = Path(sys.executable).parent / "directory"
    return [str(script)] if script.exists() else [sys.executable, "-c", "from directory.cli import main; main()"]


def measure(label: str, url: str, files: dict[str, Path], workdir: Path) -> list[dict]:
    env = dict(os.environ, DIRECTORY_DATABASE_URL=url, DIRECTORY_INDEX_DIR=str(workdir / "index"),
               DIRECTORY_INSTANCE_DIR=str(workdir / "instance"))
    wall, rss, code, output = run_child(directory_command() + ["init"], env)
    if code:
        raise SystemExit(f"directory init failed on {label}:\n{output}")
    results = []
    for fmt, path in files.items():
        wall, rss, code, output = run_child(directory_command() + ["import-postcodes", str(path)], env)
        summary = [line for line in output.splitlines() if line.startswith("Imported")]
        if code:
            raise SystemExit(f"import-postcodes ({fmt}) failed on {label}:\n{output}")
        results.append({"backend": label, "format": fmt, "rows_in_file": None, "wall_s": wall, "peak_rss_mb": rss,
                        "children_max_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
                        "cli_summary": summary[-1] if summary else output.strip().splitlines()[-1],
                        "ok_time": wall < 30, "ok_memory": rss < 300})
    return results


def postgres_schema_url(schema: str) -> str | None:
    """The PostgreSQL URL with search_path set to a fresh scratch schema, or None if unreachable."""
    try:
        from sqlalchemy import create_engine, text

        engine = create_engine(PG_URL, connect_args={"connect_timeout": 2})
        with engine.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        engine.dispose()
    except Exception as error:  # unreachable, no driver, no rights: skip PostgreSQL
        print(f"PostgreSQL not measured: {type(error).__name__}: {str(error).splitlines()[0]}")
        return None
    return f"{PG_URL}?options=-csearch_path%3D{schema}"


def drop_postgres_schema(schema: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(PG_URL, connect_args={"connect_timeout": 2})
    with engine.begin() as connection:
        connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--no-onspd", action="store_true", help="only the GeoNames file")
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--onspd-marker", action="store_true",
                        help="write no-grid-reference rows as ONSPD does (lat 99.999999, long 0.000000)")
    parser.add_argument("--keep-dir", action="store_true")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="postcode-bench-"))
    results = []
    try:
        files = {"geonames": workdir / "GB_full.txt"}
        write_geonames(files["geonames"], args.rows, args.seed)
        if not args.no_onspd:
            files["onspd"] = workdir / "ONSPD.csv"
            write_onspd(files["onspd"], args.rows, args.seed, args.onspd_marker)
        for fmt, path in files.items():
            print(f"{fmt}: {path.stat().st_size / 1e6:.1f} MB, {args.rows} rows")
        results += measure("sqlite", f"sqlite:///{workdir / 'postcodes.sqlite3'}", files, workdir / "sqlite")
        if not args.no_postgres:
            schema = f"bench_postcodes_{os.getpid()}"
            url = postgres_schema_url(schema)
            if url:
                try:
                    results += measure("postgresql", url, files, workdir / "postgresql")
                finally:
                    drop_postgres_schema(schema)
    finally:
        if args.keep_dir:
            print(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    print(f"\n{'backend':<12} {'format':<9} {'wall s':>8} {'peak RSS MB':>12} {'< 30 s':>7} {'< 300 MB':>9}")
    for row in results:
        row["rows_in_file"] = args.rows
        print(f"{row['backend']:<12} {row['format']:<9} {row['wall_s']:>8.1f} {row['peak_rss_mb']:>12.0f} "
              f"{'yes' if row['ok_time'] else 'NO':>7} {'yes' if row['ok_memory'] else 'NO':>9}   {row['cli_summary']}")
    print("JSON " + json.dumps({"bench": "postcode_import", "rows": args.rows, "results": results,
                                "python": platform.python_version()}))


if __name__ == "__main__":
    main()
