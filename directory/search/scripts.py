"""Script detection, locale routing and text normalisation for search.

Kept separate from :mod:`directory.search.analysis` so the query path can
decide *which* analysers to use without importing jieba/pystempel/OpenCC.
Nothing here imports Flask or any heavy dependency.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

import regex

__all__ = [
    "LOCALE_FAMILIES",
    "detect_script",
    "detect_query_languages",
    "family_for",
    "normalise_text",
]

# Locale (language part, lowercase) -> analysis family.  Every Indic and
# Arabic-script language shares one "indic" family: their filters only act on
# characters of their own script, so one field can hold all of them.
LOCALE_FAMILIES = {
    "en": "en",
    "pl": "pl",
    "zh": "zh", "yue": "zh", "cmn": "zh",
    "gu": "indic", "hi": "indic", "pa": "indic", "bn": "indic",
    "ur": "indic", "ar": "indic",
}

# Script (as returned by detect_script) -> candidate locales, most likely
# first.  Devanagari is read as Hindi, Arabic script as Urdu: this directory
# serves UK South-Asian communities, where Urdu is the likelier of the two.
_SCRIPT_LOCALES = {
    "gujarati": ["gu"], "devanagari": ["hi"], "gurmukhi": ["pa"],
    "bengali": ["bn"], "arabic": ["ur", "ar"], "han": ["zh"],
    "latin": ["en", "pl"], "other": ["other"],
}

_SCRIPT_CHARS = regex.compile(
    r"(\p{Gujarati})|(\p{Devanagari})|(\p{Gurmukhi})|(\p{Bengali})"
    r"|(\p{Arabic})|(\p{Han})|(\p{Latin})|([\p{L}\p{M}\p{N}])"
)
_SCRIPT_NAMES = ("gujarati", "devanagari", "gurmukhi", "bengali", "arabic",
                 "han", "latin", "other")
# Letters that exist in Polish but not English: their presence in a Latin
# query is strong evidence the user is searching in Polish.
_POLISH_LETTERS = regex.compile(r"[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]")

# Invisible characters removed before indexing/querying.  ZWJ (U+200D) and
# ZWNJ (U+200C) are deliberately NOT here: they change the rendering of
# Indic conjuncts, Persian/Urdu words and emoji sequences, so stored text
# keeps them and the analysers drop them *inside tokens* on both sides.
_INVISIBLE = regex.compile(
    r"[\p{Cc}--[\t\n\r]]"            # C0/C1 controls (keep ordinary whitespace)
    r"|[\u00ad\ufeff\u200e\u200f\u202a-\u202e\u2066-\u2069\u2060]"  # SHY, BOM, bidi, WJ
    r"|\p{Cs}",                       # lone surrogates (cannot be encoded)
    flags=regex.V1,
)


def normalise_text(text) -> str:
    """NFC-normalise *text* and remove invisible control characters.

    Why NFC: the same Gujarati, Vietnamese or Polish word can arrive
    precomposed or decomposed depending on the keyboard/OS; index and query
    must agree on one form.  Lone surrogates (possible from broken JSON) are
    replaced, so the result is always encodable as UTF-8.  Never raises.
    """
    if text is None:
        return ""
    if not isinstance(text, str):
        try:
            text = str(text)
        except Exception:
            return ""
    try:
        text = _INVISIBLE.sub(lambda m: "\ufffd" if "\ud800" <= m.group() <= "\udfff" else "", text)
        return unicodedata.normalize("NFC", text)
    except Exception:  # pragma: no cover - defensive; NFC on str should not fail
        return text.encode("utf-8", "replace").decode("utf-8")


def _script_counts(text: str) -> Counter:
    counts: Counter = Counter()
    for m in _SCRIPT_CHARS.finditer(text or ""):
        counts[_SCRIPT_NAMES[m.lastindex - 1]] += 1
    return counts


def detect_script(text: str) -> str:
    """Return the dominant script of *text*: one of ``gujarati``,
    ``devanagari``, ``gurmukhi``, ``bengali``, ``arabic``, ``han``, ``latin``
    or ``other`` (also for empty/punctuation-only text).

    Counting letters per script (rather than looking at the first letter)
    keeps a Gujarati query with one English brand name Gujarati.
    """
    counts = _script_counts(text)
    return counts.most_common(1)[0][0] if counts else "other"


def family_for(locale: str | None) -> str:
    """Map a locale code (``zh_Hant``, ``zh-TW``, ``pl_PL``, ``so``) to its
    analysis family; unknown locales fall back to ``generic``."""
    if not locale:
        return "generic"
    return LOCALE_FAMILIES.get(str(locale).replace("-", "_").split("_")[0].lower(), "generic")


def _base(locale: str | None) -> str | None:
    return str(locale).replace("-", "_").split("_")[0].lower() if locale else None


def detect_query_languages(text: str, ui_locale: str | None = None) -> list[str]:
    """Likely locales for a search query, best guess first.

    The script decides (a Han query is Chinese whatever the UI language);
    the UI locale only breaks ties inside a script: Latin text typed in the
    Polish UI, or containing Polish-only letters, is tried as Polish first;
    Arabic script in the Arabic UI is tried as Arabic before Urdu.  Mixed
    queries ("yoga 太极") list every script present, commonest first.
    """
    ui = _base(ui_locale)
    out: list[str] = []
    counts = _script_counts(text)
    for script, _n in counts.most_common() or [("other", 0)]:
        cands = list(_SCRIPT_LOCALES[script])
        if script == "latin":
            if _POLISH_LETTERS.search(text or "") or ui == "pl":
                cands = ["pl", "en"]
            elif ui and ui not in ("en", "pl") and family_for(ui) == "generic":
                cands = [ui, "en", "pl"]  # e.g. Somali or Turkish UI
        elif ui in cands:
            cands.remove(ui)
            cands.insert(0, ui)
        elif script == "other" and ui and family_for(ui) == "generic":
            cands = [ui]
        for c in cands:
            if c not in out:
                out.append(c)
    return out
