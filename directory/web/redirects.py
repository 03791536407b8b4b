"""The one check every ``next`` parameter passes before we redirect to it.

Browsers ignore tabs, CR and LF inside a URL (the WHATWG URL parser strips them), so
``/\\t/evil.example/`` *is* ``//evil.example/``: another site. Control characters are
therefore removed before the checks, and a target carrying CR or LF is refused with a
400 (it was a 500: Werkzeug refuses a header containing a newline).
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from flask import abort

CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def safe_next(target: str | None) -> str | None:
    """``target`` when it is a path on this site, otherwise None (use a default page).

    Refused: absolute URLs (``https://…``), scheme-relative ones (``//host``), backslashes
    (some browsers read ``/\\host`` as ``//host``), and anything that becomes one of these
    once control characters are removed."""
    if not target:
        return None
    if "\r" in target or "\n" in target:
        abort(400)
    cleaned = CONTROL.sub("", target)
    if not cleaned.startswith("/") or cleaned.startswith("//") or "\\" in cleaned:
        return None
    parts = urlsplit(cleaned)
    if parts.scheme or parts.netloc:
        return None
    return cleaned
