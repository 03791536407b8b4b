"""Settings from ``DIRECTORY_*`` environment variables, with embedded defaults.

The defaults make ``make run`` work on a fresh machine: a SQLite file and an index folder
under ``instance/`` in the working directory. Production sets the database URL and secret.
"""
from __future__ import annotations

import os
from pathlib import Path



def _int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value and value.strip().isdigit() else default


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
        "STALE_AFTER_DAYS": _int("DIRECTORY_STALE_AFTER_DAYS", 183),
        "DEFAULT_LOCALE": os.environ.get("DIRECTORY_DEFAULT_LOCALE", "en"),
        "DISTANCE_UNIT": os.environ.get("DIRECTORY_DISTANCE_UNIT", "mi"),
        # Map tiles: any XYZ tile server; the pages stay usable when tiles cannot load.
        "TILE_URL": os.environ.get("DIRECTORY_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
        "TILE_ATTRIBUTION": os.environ.get("DIRECTORY_TILE_ATTRIBUTION", "© OpenStreetMap contributors"),
        # Flask-Limiter storage: in-memory by default, e.g. redis://127.0.0.1:6379 to share limits.
        "RATELIMIT_STORAGE_URI": os.environ.get("DIRECTORY_RATELIMIT_STORAGE_URI", "memory://"),
        "SEED_DIR": os.environ.get("DIRECTORY_SEED_DIR") or str(Path(__file__).resolve().parent.parent / "seed_data"),
    }
