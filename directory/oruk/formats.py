"""Values as the ORUK 3.0 (UK profile) schemas type them, for everything we publish.

The schemas give ``format: email`` and ``format: uri`` to emails and links, and list the
values some fields may take (``schedule.freq``: WEEKLY or MONTHLY; ``location_type``;
``address_type``). A stored value that cannot be published as such (an email without a
domain, a "URL" without a scheme, a DAILY schedule) is either converted to the nearest
exact equivalent or left out: the API, the ORUK JSON export and the CSV export all call
these functions, so they agree, and an export imported again exports the same.
"""
from __future__ import annotations

import re
import urllib.parse

from rfc3986_validator import validate_rfc3986

EVERY_DAY = "MO,TU,WE,TH,FR,SA,SU"
UK_FREQUENCIES = ("WEEKLY", "MONTHLY")
LOCATION_TYPES = ("physical", "postal", "virtual")
SERVICE_STATUSES = ("active", "inactive", "defunct", "temporarily closed")
_EMAIL = re.compile(r"^[^@\s()<>,;:\"\[\]]+@[^@\s()<>,;:\"\[\]]+\.[^@\s()<>,;:\"\[\]]+$")
_URI_SAFE = "!#$%&'()*+,/:;=?@[]~"  # reserved and already-escaped characters stay as they are


def email(value: str | None) -> str | None:
    """``value`` when it is an address (local@domain.tld), else None."""
    return value if value and _EMAIL.match(value) else None


def uri(value: str | None) -> str | None:
    """An absolute URI (RFC 3986) for ``value``, or None.

    Text with a space, or without a scheme ("www.example.org"), is not a link we can vouch
    for and is left out. Non-ASCII text (an IRI, e.g. a Polish or Chinese path) is written
    the way RFC 3987 maps it: the host in IDNA, everything else percent-encoded as UTF-8."""
    if not value:
        return None
    text = value.strip()
    if not text or any(ch.isspace() for ch in text):
        return None
    if not text.isascii():
        text = _iri_to_uri(text)
        if text is None:
            return None
    if not validate_rfc3986(text, rule="URI"):
        return None
    parts = urllib.parse.urlsplit(text)
    if parts.scheme.lower() in ("http", "https") and not parts.hostname:
        return None
    return text


def _iri_to_uri(text: str) -> str | None:
    try:
        parts = urllib.parse.urlsplit(text)
        netloc = parts.netloc
        if parts.hostname and not parts.hostname.isascii():
            host = parts.hostname.encode("idna").decode("ascii")
            netloc = netloc.replace(parts.hostname, host) if parts.hostname in netloc else host
        return urllib.parse.urlunsplit((parts.scheme, urllib.parse.quote(netloc, safe=_URI_SAFE),
                                        *(urllib.parse.quote(part, safe=_URI_SAFE)
                                          for part in (parts.path, parts.query, parts.fragment))))
    except (UnicodeError, ValueError):
        return None


def recurrence(freq: str | None, interval: int | None, byday: str | None, bymonthday: str | None) -> dict:
    """freq, interval, byday and bymonthday as the UK profile allows (WEEKLY or MONTHLY).

    DAILY is WEEKLY on every day (or on the days its BYDAY names); DAILY every n > 1 days
    and YEARLY have no exact WEEKLY/MONTHLY form, so the rule is left out and the
    schedule keeps its dates, times and description. Absent parts are None."""
    freq = (freq or "").upper() or None
    if freq == "DAILY":
        if interval not in (None, 1):
            return {"freq": None, "interval": None, "byday": None, "bymonthday": None}
        return {"freq": "WEEKLY", "interval": interval, "byday": byday or EVERY_DAY, "bymonthday": None}
    if freq is not None and freq not in UK_FREQUENCIES:
        return {"freq": None, "interval": None, "byday": None, "bymonthday": None}
    return {"freq": freq, "interval": interval, "byday": byday, "bymonthday": bymonthday}


def location_type(value: str | None) -> str:
    folded = (value or "").strip().lower()
    return folded if folded in LOCATION_TYPES else "physical"


def service_status(value: str | None) -> str:
    folded = (value or "").strip().lower()
    return folded if folded in SERVICE_STATUSES else "active"


def compact(data: dict) -> dict:
    """``data`` without its None values: ORUK omits an absent value, never sends null."""
    return {key: value for key, value in data.items() if value is not None}


__all__ = ["EVERY_DAY", "compact", "email", "location_type", "recurrence", "service_status", "uri"]
