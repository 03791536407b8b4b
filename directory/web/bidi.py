"""Left-to-right runs inside right-to-left pages: phone numbers, postcodes, times, e-mail.

The Unicode bidirectional algorithm reorders "weak" characters (digits, spaces, commas,
colons, dashes) by their neighbours, so in an Urdu sentence ``0116 496 0214`` is drawn as
"0214 496 0116" and "10:30 AM–1:30 PM" as "AM–1:30 PM 10:30". Isolating such a run makes
it one left-to-right unit the surrounding text cannot reorder. Browsers and WeasyPrint
(the sheet's PDF) both isolate a ``<bdi dir="ltr">``: WeasyPrint lays it out as a box of
its own, which is what the Unicode isolates LRI … PDI would do inside one text run (tests
check the PDF's drawing order through pypdf).

Text someone typed (a group's address, a connector's note) may run either way. Browsers
work that out from ``dir="auto"``; WeasyPrint ignores "auto" and would lay an English note
out right to left (".Ask for Meena at the door"), so ``direction`` decides on the server by
the same rule: the first strongly directional letter (Unicode bidi rule P2).
"""
from __future__ import annotations

import unicodedata

from flask import Flask
from markupsafe import Markup, escape


def direction(text) -> str:
    """``rtl`` when the first letter with a direction of its own is right-to-left (Arabic,
    Urdu, Hebrew), else ``ltr`` (also for text of digits and punctuation only)."""
    for character in str(text or ""):
        kind = unicodedata.bidirectional(character)
        if kind == "L":
            return "ltr"
        if kind in ("R", "AL"):
            return "rtl"
    return "ltr"


def ltr(value) -> Markup:
    """The ``ltr`` template filter: ``{{ phone.number|ltr }}``. Markup passed in is kept as
    markup; plain text is escaped."""
    if value is None or value == "":
        return Markup("")
    return Markup('<bdi dir="ltr">{}</bdi>').format(escape(value))


def isolate(value) -> Markup:
    """The ``isolate`` template filter: typed text as a run in its own direction."""
    if value is None or value == "":
        return Markup("")
    return Markup('<bdi dir="{}">{}</bdi>').format(direction(value), escape(value))


def init_app(app: Flask) -> None:
    app.jinja_env.filters.update(ltr=ltr, isolate=isolate, direction=direction)
