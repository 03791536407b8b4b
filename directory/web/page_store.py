"""The page cache's store inside one process: Flask-Caching over ``cachetools.TTLCache``.

Why not Flask-Caching's SimpleCache: once it held its 2,000 entries, every new page made it
look at all of them for expired ones and then sort them all by age to drop the oldest
(cachelib's ``_prune``). Under load, where most pages are new, that was 11% of a worker's
CPU. ``TTLCache`` drops the least recently used entry, and expired ones as they come due,
without looking at the rest.

Every entry lives the store's one timeout (``CACHE_DEFAULT_TIMEOUT``): the page cache sets
no other.
"""
from __future__ import annotations

import threading
import time

from cachetools import TTLCache
from flask_caching.backends.base import BaseCache


class ProcessPageStore(BaseCache):
    """Least recently used entries of this process, each kept at most the default timeout."""

    def __init__(self, threshold: int, default_timeout: int, timer=time.monotonic):
        super().__init__(default_timeout=default_timeout)
        self._entries: TTLCache = TTLCache(maxsize=threshold, ttl=default_timeout, timer=timer)
        self._lock = threading.Lock()  # cachetools' caches are not safe to share between threads

    @classmethod
    def factory(cls, app, config, args, kwargs):
        return cls(config["CACHE_THRESHOLD"], kwargs["default_timeout"])

    def get(self, key):
        with self._lock:
            return self._entries.get(key)

    def set(self, key, value, timeout=None):
        with self._lock:
            self._entries[key] = value
        return True

    def add(self, key, value, timeout=None):
        with self._lock:
            if key in self._entries:
                return False
            self._entries[key] = value
        return True

    def delete(self, key):
        with self._lock:
            return self._entries.pop(key, None) is not None

    def has(self, key):
        with self._lock:
            return key in self._entries

    def clear(self):
        with self._lock:
            self._entries.clear()
        return True


__all__ = ["ProcessPageStore"]
