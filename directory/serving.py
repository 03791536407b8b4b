"""The production server: gunicorn, started from ``directory serve --prod``.

Each worker builds its own app with ``create_app`` after the fork (no preloading): a
SQLAlchemy engine's pooled connections and Whoosh's open index files must never be shared
between processes, and building the app per worker guarantees it. The analysers' tables,
which have neither, are loaded once in the master and shared by every worker.

The access log names the path only, never the query string or the Referer: search URLs
carry the reader's postcode (``/en/search?postcode=LE4+5QX``).
"""
from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable

from flask import Flask
from gunicorn.app.base import BaseApplication
from gunicorn.glogging import Logger

from .access_log import redact

# Remote address, time, method, path (no query string), protocol, status, bytes, milliseconds.
ACCESS_LOG_FORMAT = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
MIN_SECRET_KEY_LENGTH = 16


class SafeAccessLogger(Logger):
    """gunicorn's logger, with every value of an access-log line made safe: edit-link tokens
    replaced by ``<token>`` and control characters escaped (see ``access_log``)."""

    def atoms(self, resp, req, environ, request_time):
        return {name: redact(value) if isinstance(value, str) else value
                for name, value in super().atoms(resp, req, environ, request_time).items()}


class MissingSecretKey(RuntimeError):
    """Production refuses to start without a fixed secret: a random per-worker key would
    sign sessions and forms that the next worker (or the next restart) rejects."""


def production_secret_key(environ: dict | os._Environ = os.environ) -> str:
    key = (environ.get("DIRECTORY_SECRET_KEY") or "").strip()
    if not key:
        raise MissingSecretKey("DIRECTORY_SECRET_KEY is not set. Production mode needs a fixed secret key shared by "
                               "every worker, for example: export DIRECTORY_SECRET_KEY=$(python3 -c "
                               "'import secrets; print(secrets.token_hex(32))')")
    if len(key) < MIN_SECRET_KEY_LENGTH:
        raise MissingSecretKey(f"DIRECTORY_SECRET_KEY is too short ({len(key)} characters); "
                               f"use at least {MIN_SECRET_KEY_LENGTH}, ideally 64 random hex digits")
    return key


class UnsharedRateLimits(RuntimeError):
    """Several workers counting rate limits each in its own memory would allow N times
    every advertised limit (45 submissions got 40 through a limit of 20 with 2 workers)."""


def shared_limit_storage(workers: int, environ: dict | os._Environ = os.environ) -> str:
    """The rate-limit storage for ``workers`` processes: the configured one, the site's
    database when none is configured, and never per-process memory for more than one."""
    uri = (environ.get("DIRECTORY_RATELIMIT_STORAGE_URI") or "").strip()
    if not uri:
        return "database://" if workers > 1 else "memory://"
    if uri.startswith("memory:") and workers > 1:
        raise UnsharedRateLimits(
            f"DIRECTORY_RATELIMIT_STORAGE_URI={uri} counts rate limits per worker, so {workers} workers would allow "
            f"{workers} times every limit. Use redis://127.0.0.1:6379 or database:// (the site's own database), "
            "or --workers 1")
    return uri


def default_workers() -> int:
    """Gunicorn's rule of thumb: two per core, plus one."""
    return 2 * (os.cpu_count() or 1) + 1


NO_ACCESS_LOG = ("none", os.devnull)
"""``--access-log`` values that turn the access log off. gunicorn then formats no line at all:
writing each one to /dev/null cost ~3% of a worker's CPU under load."""


class ProductionServer(BaseApplication):
    """gunicorn's Python API: options in, one ``create_app()`` per worker out."""

    def __init__(self, app_factory: Callable[[], Flask], bind: list[str], workers: int, threads: int = 1,
                 timeout: int = 60, access_log: str = "-", **extra):
        self.app_factory = app_factory
        self.options = {
            "bind": bind, "workers": workers, "threads": threads,
            "worker_class": "gthread" if threads > 1 else "sync",
            "timeout": timeout, "graceful_timeout": 30, "preload_app": False,
            "accesslog": None if access_log in NO_ACCESS_LOG else access_log, "access_log_format": ACCESS_LOG_FORMAT,
            "errorlog": "-",
            "logger_class": "directory.serving.SafeAccessLogger",
            # X-Forwarded-* are trusted in one place only: DIRECTORY_PROXY_FIX (werkzeug's ProxyFix).
            "forwarded_allow_ips": "",
            "proc_name": "community-signpost",
            **extra,
        }
        super().__init__()

    def load_config(self) -> None:
        for name, value in self.options.items():
            self.cfg.set(name, value)
        if "control_socket_disable" in self.cfg.settings:  # gunicorn ≥ 25 would open ~/.gunicorn/gunicorn.ctl,
            self.cfg.set("control_socket_disable", True)   # one path that every instance on the host shares

    def load(self) -> Flask:
        """The worker's app, warmed before the worker accepts its first connection."""
        from .warm import warm_up_app

        app = self.app_factory()
        warm_up_app(app)
        return app

    def run(self) -> None:
        """Serve until stopped, with one index writer beside the workers.

        The workers only read the search index (each reopens it when its generation
        changes); ``directory sync-index``, started here as a child process, is the node's
        one writer applying the change log, so no worker spends request time on it and a
        worker restart never moves the writer lock.

        Workers are threaded (gthread, ``--threads 4``) by default: a sheet or newsletter
        PDF is made in a separate render process (``connect.render_pool``) while its request
        thread waits, and the worker's other threads keep answering pages. With sync workers
        (``--threads 1``) two PDFs held both workers and a home page waited 2.95 s (issue
        16). The SIGSEGVs once seen under threaded load were CPython 3.11's own heap
        corruption (docs/ARCHITECTURE.md, "The server crash"): 3.12 or newer is required.
        """
        # The analysers' tables (the Polish stemmer's, jieba's dictionary: seconds to load)
        # are plain Python objects with no open files or connections: loaded once here in
        # the master, every forked worker shares them instead of loading its own.
        from .search.analysis import warm_up

        from .longlived import freeze_long_lived

        os.environ["DIRECTORY_INDEX_FOLLOW"] = "0"  # read by create_app in every worker
        warm_up()
        freeze_long_lived()
        writer = subprocess.Popen([sys.executable, "-c", "from directory.cli import main; main()", "sync-index"])
        try:
            super().run()
        finally:
            writer.terminate()
            try:
                writer.wait(timeout=10)
            except subprocess.TimeoutExpired:
                writer.kill()
