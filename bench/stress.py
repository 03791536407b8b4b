"""Crash hunt: mixed traffic from several threads against a real server until it falls over
or reaches its bound (issue 18; figures in docs/PERFORMANCE.md, "Stress").

    python bench/stress.py --server dev  --requests 100000 --threads 8
    python bench/stress.py --server prod --requests 100000 --threads 8 --workers 2

Builds a private instance (SQLite file, seeded, indexed, one connector account) in a temporary
folder, starts ``directory serve`` (a thread per request) or ``directory serve --prod``
(gunicorn) on a free loopback port with core dumps allowed, and sends the real mix: searches
in six languages with postcodes and filters, listing and large-print pages, home and category
pages, API searches and lookups, hostile API parameters, group submissions, staff sign-in and
the connector's sheet as HTML and PDF. Every request is bounded in count and time; traffic
goes to 127.0.0.1 only.

The server's fate is what counts: the dev server's exit status, gunicorn's "Worker … was sent
SIGSEGV" / "exited" lines, a core file, and the exit status of the master after SIGTERM
(must be 0), and any process of the server's session still running 10 s after it stopped
(render processes, a forkserver: killed, reported and counted as unclean). With
``--kernel-log`` the kernel's segfault lines for this run are shown too (``dmesg``; needs
permission). Exit status 0 only when nothing crashed, nothing answered 5xx and nothing was
left behind.
"""
from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import random
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

DIRECTORY = str(Path(sys.executable).with_name("directory"))
ROOT = Path(__file__).resolve().parent.parent
LANGS = ["en", "gu", "pl", "zh-hans", "zh-hant", "ur"]
WORDS = ["lunch", "yoga", "ભોજન", "યોગ", "kawa", "joga", "zajecia jogi", "太极", "太極", "茶聚", "کھانا", "coffee",
         "advice", "knitting", "chess", ""]
POSTCODES = ["LE4 5AA", "LE4 6LF", "LE5 4AB", "LE1 1AA", "LE2 0AA", "LE4", ""]
FILTERS = [{}, {"cost": "free"}, {"day": "TU"}, {"access": "step_free"}, {"language": "gu"}]
STAFF_EMAIL, STAFF_PASSWORD = "stress@example.org", "stress-test-password"
CRASH_LINES = re.compile(r"was sent SIG\w+|Worker \(pid:\d+\) exited|Segmentation fault|Fatal Python error")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def build_instance(workdir: Path) -> dict:
    """A seeded, indexed SQLite instance of its own, and one connector account."""
    env = dict(os.environ, DIRECTORY_INSTANCE_DIR=str(workdir),
               DIRECTORY_DATABASE_URL=f"sqlite:///{workdir / 'directory.sqlite3'}",
               DIRECTORY_INDEX_DIR=str(workdir / "index"), DIRECTORY_SECRET_KEY="stress-secret-key-" * 3,
               DIRECTORY_SECURE_COOKIES="0", DIRECTORY_SUBMIT_RATE_LIMIT="100000 per hour",
               DIRECTORY_API_RATE_LIMIT="1000000 per minute", PYTHONFAULTHANDLER="1")
    for command in (["init"], ["seed"], ["reindex"]):
        subprocess.run([DIRECTORY, *command], env=env, check=True, stdout=subprocess.DEVNULL)
    subprocess.run([DIRECTORY, "create-moderator", "--email", STAFF_EMAIL, "--role", "connector",
                    "--password", STAFF_PASSWORD], env=env, check=True, stdout=subprocess.DEVNULL)
    return env


def allow_core_dumps() -> None:
    resource.setrlimit(resource.RLIMIT_CORE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))


def start_server(kind: str, env: dict, port: int, workers: int, log: Path, cwd: Path) -> subprocess.Popen:
    if kind == "dev":
        command = [DIRECTORY, "serve", "--port", str(port)]
    else:
        command = [DIRECTORY, "serve", "--prod", "--workers", str(workers), "--bind", f"127.0.0.1:{port}"]
    return subprocess.Popen(command, env=env, cwd=cwd, stdout=log.open("wb"), stderr=subprocess.STDOUT,
                            preexec_fn=allow_core_dumps, start_new_session=True)


def wait_ready(base: str, server: subprocess.Popen, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server exited while starting (status {server.returncode})")
        try:
            urllib.request.urlopen(base + "/api/", timeout=5).read()
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("the server did not answer within %d s" % timeout)


class Visitor:
    """One thread's browser: a cookie jar, and the CSRF token of the last form it read."""

    def __init__(self, base: str, rnd: random.Random, service_ids: list[str]):
        self.base, self.rnd, self.service_ids = base, rnd, service_ids
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.signed_in = False

    def fetch(self, path: str, form: dict | None = None) -> bytes:
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        with self.opener.open(self.base + path, data=data, timeout=60) as response:
            return response.read()

    def csrf(self, path: str) -> str:
        match = re.search(rb'name="csrf_token"[^>]*value="([^"]+)"', self.fetch(path))
        return match.group(1).decode() if match else ""

    def one(self) -> None:
        rnd, lang = self.rnd, self.rnd.choice(LANGS)
        kind = rnd.random()
        if kind < 0.35:
            params = {"q": rnd.choice(WORDS), "postcode": rnd.choice(POSTCODES), "distance": rnd.choice("135"),
                      **rnd.choice(FILTERS)}
            self.fetch(f"/{lang}/search?" + urllib.parse.urlencode(params))
        elif kind < 0.55:
            sid = rnd.choice(self.service_ids)
            self.fetch(rnd.choice([f"/{lang}/services/{sid}", f"/{lang}/services/{sid}/print",
                                   f"/api/services/{sid}"]))
        elif kind < 0.70:
            self.fetch("/api/services?" + urllib.parse.urlencode(
                {"text": rnd.choice(WORDS), "per_page": rnd.choice([5, 20, 50]),
                 **({"postcode": "LE4 5AA", "proximity": 5000} if rnd.random() < 0.5 else {})}))
        elif kind < 0.80:
            self.fetch(rnd.choice([f"/{lang}/", f"/{lang}/categories/lunch-club", "/api/taxonomy_terms"]))
        elif kind < 0.88:
            self.fetch("/api/services?" + urllib.parse.urlencode(
                {"text": rnd.choice(WORDS) + "\x00" * rnd.randint(0, 2), "lat": rnd.uniform(-91, 91),
                 "lon": rnd.uniform(-181, 181), "proximity": rnd.choice(["-1", "abc", "1e9", "500"]),
                 "page": rnd.choice(["0", "-3", "x", "99999"])}))
        elif kind < 0.93:
            token = self.csrf(f"/{lang}/list-your-group/")
            self.fetch(f"/{lang}/list-your-group/", {"csrf_token": token, "name": f"Stress club {rnd.random()}",
                                                    "description": "Tea, talk and chess on Tuesdays.",
                                                    "email": "club@example.org"})
        else:
            self.staff_visit(lang)

    def staff_visit(self, lang: str) -> None:
        if not self.signed_in:
            token = self.csrf(f"/{lang}/staff/login")
            self.fetch(f"/{lang}/staff/login", {"csrf_token": token, "email": STAFF_EMAIL,
                                                 "password": STAFF_PASSWORD})
            self.signed_in = True
        token = self.csrf(f"/{lang}/connect/")
        self.fetch(f"/{lang}/connect/shortlist/add", {"csrf_token": token,
                                                       "service_id": self.rnd.choice(self.service_ids)})
        fmt = "pdf" if self.rnd.random() < 0.3 else "html"
        self.fetch(f"/{lang}/connect/sheet", {"csrf_token": token, "sheet_locale": self.rnd.choice(["en", "gu", "ur"]),
                                               "format": fmt})


def drive(base: str, requests: int, threads: int, seconds: float, service_ids: list[str]) -> dict:
    """Send the mix until every thread has its quota, the time is up or Ctrl-C (SIGINT) asks
    to stop early: each thread then ends after its current request, and the run is reported
    as far as it went. A progress line goes to stderr every minute."""
    counts = {"done": 0, "5xx": 0, "4xx": 0, "timeout": 0, "refused": 0}
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    stop = threading.Event()

    def worker(seed: int, quota: int) -> None:
        visitor = Visitor(base, random.Random(seed), service_ids)
        for _ in range(quota):
            if time.monotonic() > deadline or stop.is_set():
                return
            outcome = "done"
            try:
                visitor.one()
            except urllib.error.HTTPError as error:
                outcome = "5xx" if error.code >= 500 else "4xx"
                if error.code == 403:  # an expired CSRF token or session: sign in again next time
                    visitor.signed_in = False
            except (TimeoutError, socket.timeout):  # slow (an overloaded machine), not dead
                outcome = "timeout"
            except urllib.error.URLError as error:
                outcome = "timeout" if isinstance(error.reason, TimeoutError) else "refused"
            except OSError:  # refused or reset: the server may be gone
                outcome = "refused"
            with lock:
                counts["done"] += 1
                if outcome != "done":
                    counts[outcome] += 1
                if counts["refused"] > 50:
                    return

    pool = [threading.Thread(target=worker, args=(seed, requests // threads)) for seed in range(threads)]
    started = time.monotonic()
    for thread in pool:
        thread.start()
    last_report = started
    while alive := [thread for thread in pool if thread.is_alive()]:
        try:
            alive[0].join(5)
        except KeyboardInterrupt:
            stop.set()
            print("stopping early: each thread ends after its current request", file=sys.stderr)
        if time.monotonic() - last_report >= 60:
            last_report = time.monotonic()
            with lock:
                print(f"  {time.strftime('%H:%M:%S')} {counts['done']} requests, 5xx {counts['5xx']}, "
                      f"timed out {counts['timeout']}, refused {counts['refused']}", file=sys.stderr, flush=True)
    counts["seconds"] = time.monotonic() - started
    return counts


def kernel_segfaults() -> list[str]:
    try:
        out = subprocess.run(["dmesg"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.TimeoutExpired):
        return ["(dmesg not readable here)"]
    return [line for line in out.splitlines() if "segfault" in line or "general protection" in line]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--server", choices=["dev", "prod"], default="dev")
    parser.add_argument("--requests", type=int, default=100_000)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=3600)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--kernel-log", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the instance folder (logs, cores)")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="signpost-stress-"))
    kernel_before = set(kernel_segfaults()) if args.kernel_log else set()
    env = build_instance(workdir)
    port, log = free_port(), workdir / "server.log"
    base = f"http://127.0.0.1:{port}"
    server = start_server(args.server, env, port, args.workers, log, workdir)
    try:
        wait_ready(base, server)
        # The first search warms the analysers and the index columns: slow on a loaded machine.
        page = json.loads(urllib.request.urlopen(base + "/api/services?per_page=100", timeout=300).read())
        ids = [item["id"] for item in page["contents"]]
        counts = drive(base, args.requests, args.threads, args.seconds, ids)
        alive = server.poll() is None
    finally:
        if server.poll() is None:
            os.kill(server.pid, signal.SIGTERM)
            try:
                server.wait(60)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
    leftovers = processes_left_behind(server.pid)
    text = log.read_text(errors="replace")
    crashes = CRASH_LINES.findall(text)
    cores = sorted(str(path) for path in workdir.rglob("core*") if path.is_file())
    print(f"stress ({args.server}{', %d workers' % args.workers if args.server == 'prod' else ''}, "
          f"{args.threads} threads, Python {sys.version.split()[0]}): {counts['done']} requests in "
          f"{counts['seconds']:.0f} s ({counts['done'] / max(counts['seconds'], 1e-9):.0f}/s), 5xx {counts['5xx']}, "
          f"4xx {counts['4xx']}, timed out {counts['timeout']}, refused {counts['refused']}")
    print(f"  server {'alive' if alive else 'DEAD'} at the end; exit status after SIGTERM {server.returncode}; "
          f"crash lines in its log {len(crashes)} {sorted(set(crashes))}; core files {len(cores)}")
    print(f"  processes of the server's session still running 10 s after it stopped: {len(leftovers)}"
          + "".join(f"\n    {line}" for line in leftovers[:10]))
    if args.kernel_log:
        new = [line for line in kernel_segfaults() if line not in kernel_before]
        print(f"  kernel log: {len(new)} new segfault lines" + "".join(f"\n    {line}" for line in new[:10]))
    if args.keep or crashes or cores:
        print(f"  instance, log and cores kept in {workdir}")
    else:
        shutil.rmtree(workdir, ignore_errors=True)
    # gunicorn's master must end with 0; the development server simply dies of the SIGTERM.
    stopped = server.returncode == 0 or (args.server == "dev" and server.returncode == -signal.SIGTERM)
    clean = alive and stopped and not crashes and not cores and not leftovers and counts["5xx"] == 0
    return 0 if clean else 1


def _session_members(session_id: int) -> dict[int, str]:
    """Running processes of a session (the server was started in its own), pid → command."""
    members = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(") ", 1)[1].split()
            if int(fields[3]) == session_id and fields[0] != "Z":
                members[int(stat.parent.name)] = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except (OSError, IndexError, ValueError):
            continue
    return members


def processes_left_behind(session_id: int, grace: float = 10.0) -> list[str]:
    """What of the server's session outlives it by ``grace`` seconds (render processes, a
    forkserver, the index writer), killed then so the next run starts clean."""
    deadline = time.monotonic() + grace
    while (members := _session_members(session_id)) and time.monotonic() < deadline:
        time.sleep(0.2)
    for pid in members:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    return [f"{pid} {command[:120]}" for pid, command in sorted(members.items())]


if __name__ == "__main__":
    sys.exit(main())
