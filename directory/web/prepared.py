"""Things built from one version of a listing, kept until the listing changes.

Why: a results page's cards and an API search's items are the same for every reader of a
locale, and building them (loading the listing through the ORM, rendering, shaping ORUK
JSON) cost more than the search that found them. The index gives every document the
change-log seq it was written at (``SearchHit.version``): a thing built for (listing,
version, variant) stays right until an edit writes a new version, so it is built once and
reused. A listing the index has no version for is never kept.

Each process keeps its own (least recently used dropped): a hit is a dictionary lookup, where
a shared store would cost a round trip and unpickling per item.
"""
from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Hashable


class ListingVersionCache:
    """Values per (listing, version, variant); a value with a ``valid_until`` (a datetime,
    or None for never) is dropped once ``now`` reaches it. Safe to share between threads."""

    def __init__(self, size: int = 20_000):
        self.size = size
        self._values: OrderedDict[tuple, object] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, service_id: str, version: int | None, variant: Hashable, now: dt.datetime | None = None):
        if version is None:
            return None
        key = (service_id, version, variant)
        with self._lock:
            value = self._values.get(key)
            if value is None:
                return None
            until = getattr(value, "valid_until", None)
            if until is not None and now is not None and now >= until:
                del self._values[key]
                return None
            self._values.move_to_end(key)
            return value

    def put(self, service_id: str, version: int | None, variant: Hashable, value) -> None:
        if version is None:
            return
        with self._lock:
            self._values[(service_id, version, variant)] = value
            while len(self._values) > self.size:
                self._values.popitem(last=False)

    def __len__(self) -> int:
        return len(self._values)


__all__ = ["ListingVersionCache"]
