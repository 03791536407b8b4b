"""Which language a listing's text is written in, when the feed does not say.

ORUK 3.0 has no ``locale`` field, so an imported Polish "Spotkania przy kawie" would
otherwise be stored, indexed and marked up as English. The decision is made in two steps,
cheapest and surest first:

1. **The script.** Gujarati letters are Gujarati; Arabic-script text is read as Urdu (the
   directory serves UK South-Asian communities; Arabic itself is not a site language);
   Han characters are Chinese, and OpenCC's character tables decide which written
   standard: a character its Simplified-to-Traditional table changes is Simplified-only
   (义, 极), one its Traditional-to-Simplified table changes is Traditional-only (義, 極).
   Characters common to both (太, 拳, 茶) decide nothing.
2. **A language identifier for Latin-script text.** lingua-language-detector (statistical
   n-gram models shipped inside the wheel, no download at run time), restricted to the
   Latin-script languages the site supports — English and Polish — so it only has to tell
   those apart. Short or ambiguous text ("Yoga", "Tai chi") falls back to English, which is
   what a UK feed most often is.

Nothing here imports Flask; the detector is built once per process, on first use.
"""
from __future__ import annotations

import functools
import threading
from dataclasses import dataclass
from pathlib import Path

import regex

from ..search.scripts import normalise_text

DEFAULT_LOCALE = "en"
LATIN_LOCALES = ("en", "pl")
"""Latin-script locales of the site (directory.i18n.locales.SITE_LOCALES): what lingua may answer."""

SCRIPT_LOCALES = {"gujarati": "gu", "arabic": "ur", "devanagari": "hi", "gurmukhi": "pa", "bengali": "bn"}
"""A script that belongs to one language in this directory's communities."""

MIN_LATIN_LETTERS = 12
"""Below this many letters lingua's guess between English and Polish is a coin toss
("Joga", "Tai chi"): such text keeps the default."""

MIN_CONFIDENCE = 0.8
"""lingua's confidence (0–1) that a Latin text is in the language it names, below which
the text is called ambiguous and keeps the default."""

SAMPLE_CHARS = 400
"""Only the first characters are looked at: a listing's language shows in its first lines,
and a 50,000-listing import must not pay for whole descriptions."""

LATIN_SAMPLE_CHARS = 150
"""lingua's cost grows with the text (~5 ms for 1,000 characters, well under 1 ms for 150), and two
sentences already tell English from Polish."""

_SCRIPTS = {name: regex.compile(rf"\p{{{name.capitalize()}}}") for name in
            ("gujarati", "arabic", "han", "latin", "devanagari", "gurmukhi", "bengali")}
_POLISH_ONLY = frozenset("ąćęłńśźżĄĆĘŁŃŚŹŻ")
_lock = threading.Lock()


@dataclass(frozen=True)
class Detection:
    """A text's locale (Babel code, as listings store it) and whether the evidence was
    decisive (a script of its own, or lingua sure of a long enough Latin text)."""

    locale: str
    confident: bool
    script: str


def dominant_script(text: str) -> str:
    """The script most letters of ``text`` are in, or ``other``. One ``findall`` per script
    (~0.1 ms for 400 characters) rather than a Python loop over every character, which cost
    more than the language identifier itself."""
    count, script = max((len(pattern.findall(text)), name) for name, pattern in _SCRIPTS.items())
    return script if count else "other"


@functools.lru_cache(maxsize=1)
def _lingua():
    """The lingua detector for the site's Latin-script languages (built once: ~0.5 s)."""
    from lingua import Language, LanguageDetectorBuilder

    languages = {"en": Language.ENGLISH, "pl": Language.POLISH}
    with _lock:
        return LanguageDetectorBuilder.from_languages(*(languages[code] for code in LATIN_LOCALES)).build()


def _one_way_characters(table: str) -> frozenset[str]:
    """Characters of an OpenCC character table that convert to something else only (the
    ones that belong to one written standard), read from opencc-python-reimplemented's
    own dictionary files."""
    import opencc

    path = Path(opencc.__file__).with_name("dictionary") / table
    characters = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        source, _, targets = line.partition("\t")
        if len(source) == 1 and targets and source not in targets.split():
            characters.add(source)
    return frozenset(characters)


@functools.lru_cache(maxsize=1)
def _chinese_standards() -> tuple[frozenset[str], frozenset[str]]:
    """(Simplified-only, Traditional-only) characters: OpenCC's STCharacters and
    TSCharacters tables. Counting them is OpenCC's conversion decision without converting
    (a pure-Python conversion costs milliseconds per listing)."""
    return _one_way_characters("STCharacters.txt"), _one_way_characters("TSCharacters.txt")


def chinese_variant(text: str) -> tuple[str, bool]:
    """``("zh_Hans" | "zh_Hant", decisive)``: the characters only one standard uses
    (义, 极 are Simplified; 義, 極 Traditional) are counted; the standard with more wins.
    Characters common to both (太, 拳, 茶) decide nothing."""
    simplified, traditional = _chinese_standards()
    simplified_only = sum(ch in simplified for ch in text)
    traditional_only = sum(ch in traditional for ch in text)
    if traditional_only > simplified_only:
        return "zh_Hant", True
    return "zh_Hans", simplified_only > traditional_only


def latin_language(text: str, default: str = DEFAULT_LOCALE) -> tuple[str, bool]:
    """``(locale, decisive)`` for Latin-script text, from English and Polish."""
    letters = sum(ch.isalpha() for ch in text)
    if letters < MIN_LATIN_LETTERS:
        # Too short for statistics; a Polish-only letter (ł, ż, ę …) still tells.
        return ("pl", True) if any(ch in _POLISH_ONLY for ch in text) else (default, False)
    confidences = _lingua().compute_language_confidence_values(text[:LATIN_SAMPLE_CHARS])
    if not confidences:
        return default, False
    best = confidences[0]
    code = {"ENGLISH": "en", "POLISH": "pl"}.get(best.language.name, default)
    return (code, True) if best.value >= MIN_CONFIDENCE else (default, False)


def detect_language(*texts: str | None, default: str = DEFAULT_LOCALE) -> Detection:
    """The language of a listing's texts (name, description …) taken together."""
    text = normalise_text("\n".join(t for t in texts if t))[:SAMPLE_CHARS]
    script = dominant_script(text)
    if script in SCRIPT_LOCALES:
        return Detection(SCRIPT_LOCALES[script], True, script)
    if script == "han":
        locale, decisive = chinese_variant(text)
        return Detection(locale, decisive, script)
    if script == "latin":
        locale, decisive = latin_language(text, default)
        return Detection(locale, decisive, script)
    return Detection(default, False, script)


def text_locale(*texts: str | None, default: str = DEFAULT_LOCALE) -> str:
    """The locale to store for text whose language nobody declared (see module doc)."""
    return detect_language(*texts, default=default).locale


def corrected_locale(chosen: str, *texts: str | None) -> str:
    """The locale a person chose for their text, unless the text is plainly in another
    language (another script, or lingua sure of a long Latin text): then that language.

    A group that picks "English" and writes in Gujarati still gets its listing indexed and
    marked up as Gujarati; a Chinese text whose characters are common to both standards
    keeps the standard the group chose.
    """
    detection = detect_language(*texts, default=chosen)
    return detection.locale if detection.confident else chosen


def text_direction(locale: str | None) -> str:
    """``rtl`` for right-to-left languages (Urdu, Arabic, Persian), else ``ltr``."""
    return "rtl" if (locale or "").replace("-", "_").split("_")[0].lower() in ("ur", "ar", "fa", "he", "ps", "sd") else "ltr"


__all__ = ["Detection", "chinese_variant", "corrected_locale", "detect_language", "latin_language",
           "text_direction", "text_locale"]
