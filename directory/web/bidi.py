"""Left-to-right runs inside right-to-left pages: phone numbers, postcodes, times, e-mail.

The Unicode bidirectional algorithm reorders "weak" characters (digits, spaces, commas,
colons, dashes) by their neighbours, so in an Urdu sentence ``0116 496 0214`` is drawn as
"0214 496 0116" and "10:30 AM–1:30 PM" as "AM–1:30 PM 10:30". Isolating such a run makes
it one left-to-right unit the surrounding text cannot reorder. Browsers isolate a
``<bdi dir="ltr">``; WeasyPrint (the sheet's PDF) honours no CSS isolation, but Pango's
bidi algorithm (FriBidi) honours the Unicode isolate characters LRI … PDI.
"""
from __future__ import annotations

from flask import Flask
from jinja2 import pass_context
from markupsafe import Markup, escape

LEFT_TO_RIGHT_ISOLATE = "\u2066"
POP_DIRECTIONAL_ISOLATE = "\u2069"


def isolate_for_pdf(text: str) -> str:
    """``text`` between LRI and PDI, for renderers that read the characters, not the markup."""
    return f"{LEFT_TO_RIGHT_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}"


@pass_context
def ltr(context, value) -> Markup:
    """The ``ltr`` template filter: ``{{ phone.number|ltr }}``. Markup passed in (a time
    range built from filters) is kept as markup; plain text is escaped. Pages rendered for
    WeasyPrint (``for_pdf``) get the isolate characters as well as the element."""
    if value is None or value == "":
        return Markup("")
    text = escape(value)
    if context.get("for_pdf"):
        text = Markup(isolate_for_pdf(text))
    return Markup('<bdi dir="ltr">{}</bdi>').format(text)


def init_app(app: Flask) -> None:
    app.jinja_env.filters["ltr"] = ltr
