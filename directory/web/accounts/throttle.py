"""Sign-in throttling per account, with a growing delay, and sign-in time that does not
tell whether an address has an account.

The per-address limit is Flask-Limiter's ("10 per minute" on the POST). Here, failures are
counted per e-mail address (known or not, so the answer never differs) in the limiter's
own storage — shared by every worker when it is Redis or the database. From the
``FREE_TRIES``-th failure within an hour on, the address is locked for a delay that
doubles with each further failure (30 s, 1 min, 2 min … at most 15 min).
"""
from __future__ import annotations

import hashlib
import math
import time

from werkzeug.security import check_password_hash, generate_password_hash

from ..limits import limiter

FREE_TRIES = 5
FIRST_DELAY = 30
MAX_DELAY = 15 * 60
WINDOW = 3600
_dummy_hash: str | None = None


def _key(kind: str, email: str) -> str:
    return f"signin-{kind}/{hashlib.sha256(email.encode('utf-8')).hexdigest()[:32]}"


def locked_for(email: str) -> int:
    """Seconds until ``email`` may try again (0: now)."""
    storage = limiter.storage
    if storage.get(_key("lock", email)) <= 0:
        return 0
    return max(1, math.ceil(storage.get_expiry(_key("lock", email)) - time.time()))


def record_failure(email: str) -> int:
    """Count a failed sign-in; returns the delay now imposed (0: none yet)."""
    storage = limiter.storage
    failures = storage.incr(_key("fail", email), WINDOW)
    if failures < FREE_TRIES:
        return 0
    delay = min(FIRST_DELAY * 2 ** (failures - FREE_TRIES), MAX_DELAY)
    storage.clear(_key("lock", email))
    storage.incr(_key("lock", email), delay)
    return delay


def record_success(email: str) -> None:
    limiter.storage.clear(_key("fail", email))
    limiter.storage.clear(_key("lock", email))


def spend_password_check(password: str) -> None:
    """Check ``password`` against a throwaway scrypt hash, so an unknown address costs as
    long as a known one (scrypt dominates a sign-in's time)."""
    global _dummy_hash
    if _dummy_hash is None:
        _dummy_hash = generate_password_hash("not a password of anyone's", method="scrypt")
    check_password_hash(_dummy_hash, password)
