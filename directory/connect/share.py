"""A listing for people who do have a phone: an SMS-length text and a QR code.

An SMS is 160 characters (GSM alphabet); the text says what, when, where and who to ring
and ends with the listing's address on the web. Parts are dropped, least useful first,
until it fits; the link is never cut, since a cut link is worse than none.
"""
from __future__ import annotations

import segno
from flask_babel import format_datetime, gettext as _

from .sheet import SheetEntry

SMS_LENGTH = 160
ELLIPSIS = "…"


def _parts(entry: SheetEntry, locale: str) -> list[str]:
    name = entry.text(locale)[0]
    parts = [name]
    if entry.sessions:
        parts.append(_("Next: %(when)s", when=format_datetime(entry.sessions[0].starts, "EEE d MMM HH:mm")))
    place = entry.places[0] if entry.places else None
    if place is not None:
        where = [place.name] if place.name else []
        if place.address:
            where.append(place.address.postal_code)
        if where:
            parts.append(", ".join(where))
    if entry.phones:
        parts.append(_("Tel %(number)s", number=entry.phones[0]))
    return parts


def share_text(entry: SheetEntry, locale: str, url: str, limit: int = SMS_LENGTH) -> str:
    """What, when, where, phone and link in at most ``limit`` characters."""
    parts = _parts(entry, locale)
    room = limit - len(url) - 1
    while len(parts) > 1 and len(". ".join(parts)) > room:
        parts.pop(-2 if len(parts) > 2 else -1)  # drop place, then time, keep name and phone longest
    text = ". ".join(parts)
    if len(text) > room:
        text = text[:max(0, room - 1)].rstrip() + ELLIPSIS
    return f"{text} {url}".strip()


def qr_data_uri(url: str) -> str:
    """An SVG QR code of ``url`` as a data: URI (prints sharp; needs no file or network)."""
    return segno.make(url, error="m").svg_data_uri(scale=3, border=2, dark="#000", light="#fff")
