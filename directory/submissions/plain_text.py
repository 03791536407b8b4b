"""What the public and staff type, normalised on the way in and checked for markup.

* Bidi *overrides and embeddings* (U+202A–U+202E) and *isolates* (U+2066–U+2069) re-order
  what is shown: ``"Yoga \\u202egnol"`` displays as "Yoga long" in a listing, a sheet and
  every feed that copies it. They are removed. The implicit marks (LRM, RLM, ALM) and the
  joiners ZWJ/ZWNJ, which Urdu and Gujarati spelling needs, stay.
* Control characters are removed (a tab or line break in a one-line field becomes a
  space; a text area keeps its line breaks, as ``\\n``).
* Unicode NFC, so the same words are stored the same way (and found by search).

Markup: a tag is ``<`` followed by a letter, ``/``, ``!`` or ``?``, closed or not:
``Bypass <img src=x onerror=alert(1)//`` has no ``>`` but a browser rendering an ORUK
feed as HTML still makes an element of it. "Ages <50" is not a tag.
"""
from __future__ import annotations

import re
import unicodedata

BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85]")
CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff]")
MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!?]")


def normalise_text(value: str | None, multiline: bool = False) -> str | None:
    """``value`` as NFC text without bidi overrides or control characters."""
    if not isinstance(value, str):
        return value
    text = LINE_BREAKS.sub("\n", unicodedata.normalize("NFC", value))
    text = BIDI_CONTROLS.sub("", text)
    text = text.replace("\t", " ")
    if not multiline:
        text = text.replace("\n", " ")
    return CONTROLS.sub("", text)


def has_markup(value: str | None) -> bool:
    return isinstance(value, str) and MARKUP.search(value) is not None
