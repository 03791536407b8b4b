"""Settings from ``DIRECTORY_*`` environment variables, with embedded defaults.

The defaults make ``make run`` work on a fresh machine: a SQLite file and an index folder
under ``instance/`` in the working directory. Production sets the database URL and secret.
"""
from __future__ import annotations

import os
from pathlib import Path

from .package_data import data_folder


def _int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value and value.strip().isdigit() else default


def _flag(name: str, default: bool) -> bool:
    value = (os.environ.get(name) or "").strip().lower()
    return default if not value else value not in {"0", "false", "no", "off"}


def settings_from_environment() -> dict:
    """Read configuration once at app creation; nothing here is read at import time."""
    instance_dir = Path(os.environ.get("DIRECTORY_INSTANCE_DIR") or Path.cwd() / "instance")
    return {
        "INSTANCE_DIR": str(instance_dir),
        "DATABASE_URL": os.environ.get("DIRECTORY_DATABASE_URL")
        or f"sqlite:///{instance_dir / 'directory.sqlite3'}",
        "INDEX_DIR": os.environ.get("DIRECTORY_INDEX_DIR") or str(instance_dir / "index"),
        # Random per process when unset: fine for a laptop, refused by the production server.
        "SECRET_KEY": os.environ.get("DIRECTORY_SECRET_KEY") or os.urandom(32).hex(),
        # Whether the key is the operator's own: links signed by `directory remind` must verify in the server.
        "SECRET_KEY_FIXED": bool(os.environ.get("DIRECTORY_SECRET_KEY")),
        "STALE_AFTER_DAYS": _int("DIRECTORY_STALE_AFTER_DAYS", 183),
        "DEFAULT_LOCALE": os.environ.get("DIRECTORY_DEFAULT_LOCALE", "en"),
        "DISTANCE_UNIT": os.environ.get("DIRECTORY_DISTANCE_UNIT", "mi"),
        # Map tiles: any XYZ tile server; the pages stay usable when tiles cannot load.
        "TILE_URL": os.environ.get("DIRECTORY_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
        "TILE_ATTRIBUTION": os.environ.get("DIRECTORY_TILE_ATTRIBUTION", "© OpenStreetMap contributors"),
        # Flask-Limiter storage: memory:// (one process), redis://127.0.0.1:6379 or database:// (shared by
        # every worker). Unset: memory://, except that `serve --prod` with several workers uses database://.
        "RATELIMIT_STORAGE_URI": os.environ.get("DIRECTORY_RATELIMIT_STORAGE_URI") or "memory://",
        # Requests each client address may make to /api/ (Flask-Limiter syntax).
        "API_RATE_LIMIT": os.environ.get("DIRECTORY_API_RATE_LIMIT") or None,
        # Staff sessions end after this many minutes without a request.
        "STAFF_IDLE_MINUTES": _int("DIRECTORY_STAFF_IDLE_MINUTES", 30),
        # A group's private edit link stops working after this many days unused (each use renews it).
        "EDIT_LINK_DAYS": _int("DIRECTORY_EDIT_LINK_DAYS", 365),
        # The site's public address (https://signpost.example.org): absolute links (edit links, QR
        # codes, the API's own URLs) are built from it, never from the request's Host header.
        "BASE_URL": (os.environ.get("DIRECTORY_BASE_URL") or "").strip().rstrip("/") or None,
        # Group submissions allowed per address, e.g. "200 per hour" for a shared community centre line.
        "SUBMIT_RATE_LIMIT": os.environ.get("DIRECTORY_SUBMIT_RATE_LIMIT") or None,
        # Behind a TLS-terminating proxy: how many proxies' X-Forwarded-* headers to trust (0: none).
        # Needed for HSTS, secure redirects and per-visitor rate limits; never set it without a proxy.
        "PROXY_FIX": _int("DIRECTORY_PROXY_FIX", 0),
        # Session cookies marked Secure (HTTPS only) outside debug and tests; 0 for plain-HTTP trials.
        "SECURE_COOKIES": _flag("DIRECTORY_SECURE_COOKIES", True),
        # Apply other processes' and nodes' changes to this node's index in the background
        # (one writer per index folder, elected by a file lock); 0 for a read-only node.
        "INDEX_FOLLOW": _flag("DIRECTORY_INDEX_FOLLOW", True),
        # Load analysers, index columns, templates and catalogues before the server accepts its first
        # request (a few seconds at start-up per process); 0 to start at once and warm lazily.
        "WARM_UP": _flag("DIRECTORY_WARM_UP", True),
        # Anonymous public pages and API answers kept per URL, locale and index generation
        # (web/page_cache.py): in each process, or in Redis shared by every worker and node.
        "PAGE_CACHE": _flag("DIRECTORY_PAGE_CACHE", True),
        "CACHE_REDIS_URL": (os.environ.get("DIRECTORY_CACHE_REDIS_URL") or "").strip() or None,
        # The change log is pruned hourly: rows older than this many days that every index has applied.
        "CHANGE_LOG_KEEP_DAYS": _int("DIRECTORY_CHANGE_LOG_KEEP_DAYS", 7),
        # An index (node) not heard from for this many days is no longer waited for; if it comes back
        # behind what was pruned, it rebuilds itself from the database.
        "INDEX_NODE_DAYS": _int("DIRECTORY_INDEX_NODE_DAYS", 7),
        # PDFs (sheets, newsletters) are made in this many separate processes per server worker
        # (0: in the request's own thread), at most PDF_QUEUE more waiting, each stopped after
        # PDF_TIMEOUT seconds.
        "PDF_PROCESSES": _int("DIRECTORY_PDF_PROCESSES", 1),
        "PDF_QUEUE": _int("DIRECTORY_PDF_QUEUE", 4),
        "PDF_TIMEOUT": _int("DIRECTORY_PDF_TIMEOUT", 60),
        # Outgoing e-mail (reminders to groups, notes to moderators) through Flask-Mailman; nothing is
        # sent without MAIL_SERVER. MODERATION_EMAIL receives a note about each new submission.
        "MAIL_SERVER": os.environ.get("DIRECTORY_MAIL_SERVER") or None,
        "MAIL_PORT": _int("DIRECTORY_MAIL_PORT", 25),
        "MAIL_USERNAME": os.environ.get("DIRECTORY_MAIL_USERNAME") or None,
        "MAIL_PASSWORD": os.environ.get("DIRECTORY_MAIL_PASSWORD") or None,
        "MAIL_USE_TLS": _flag("DIRECTORY_MAIL_USE_TLS", False),
        "MAIL_FROM": os.environ.get("DIRECTORY_MAIL_FROM") or None,
        "MODERATION_EMAIL": os.environ.get("DIRECTORY_MODERATION_EMAIL") or None,
        # `directory remind` asks a listing's keeper this many days before it would turn stale,
        # at most once per REMINDER_INTERVAL_DAYS; its links work for REMINDER_LINK_DAYS.
        "REMINDER_DAYS_BEFORE": _int("DIRECTORY_REMINDER_DAYS_BEFORE", 30),
        "REMINDER_INTERVAL_DAYS": _int("DIRECTORY_REMINDER_INTERVAL_DAYS", 30),
        "REMINDER_LINK_DAYS": _int("DIRECTORY_REMINDER_LINK_DAYS", 60),
        "SEED_DIR": os.environ.get("DIRECTORY_SEED_DIR") or str(data_folder("seed_data")),
    }
