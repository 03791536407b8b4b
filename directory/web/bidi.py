"""Left-to-right runs inside right-to-left pages: phone numbers, postcodes, times, e-mail.

The Unicode bidirectional algorithm reorders "weak" characters (digits, spaces, commas,
colons, dashes) by their neighbours, so in an Urdu sentence ``0116 496 0214`` is drawn as
"0214 496 0116" and "10:30 AM–1:30 PM" as "AM–1:30 PM 10:30". Isolating such a run makes
it one left-to-right unit the surrounding text cannot reorder. Browsers and WeasyPrint
(the sheet's PDF) both isolate a ``<bdi dir="ltr">``: WeasyPrint lays it out as a box of
its own, which is what the Unicode isolates LRI … PDI would do inside one text run (tests
check the PDF's drawing order through pypdf).
"""
from __future__ import annotations

from flask import Flask
from markupsafe import Markup, escape


def ltr(value) -> Markup:
    """The ``ltr`` template filter: ``{{ phone.number|ltr }}``. Markup passed in is kept as
    markup; plain text is escaped."""
    if value is None or value == "":
        return Markup("")
    return Markup('<bdi dir="ltr">{}</bdi>').format(escape(value))


def init_app(app: Flask) -> None:
    app.jinja_env.filters["ltr"] = ltr
