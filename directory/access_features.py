"""Recognise the access features the search filters know from a venue's own words.

ORUK's ``accessibility.description`` and ``details`` are free text ("The building is
equipped with induction loops for hearing aids. Wheelchair access is possible on all
levels."). The filters work on the codes of ``vocabulary.ACCESSIBILITY``; this module
finds those codes in the text, in every language listings are written in, so an imported
venue that *says* it is step-free is found by the step-free filter. The text itself is kept
verbatim and shown on the listing: recognition only adds codes, it never rewrites words.

Matching is on case-folded, NFC text by substring: English and Polish by word stems
("wheelchair", "wózek"/"wózk", "pętla indukcyjna"), Chinese, Gujarati and Urdu by the
words themselves (they are not split by spaces the same way, and a substring test is what
works across scripts). A phrase that says a feature is *absent* ("no parking", "brak
parkingu") is not a sign of it: negations are checked just before each match.
"""
from __future__ import annotations

import re
import unicodedata

from .vocabulary import ACCESSIBILITY

# Keywords per feature code and language. Keep each list short and unambiguous: a false
# "step-free" sends a wheelchair user to a flight of stairs.
KEYWORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "step_free": {
        "en": ("step-free", "step free", "stepfree", "wheelchair", "level access", "ramp", "lift access",
               "no steps", "disabled access", "accessible entrance", "accessible building"),
        "gu": ("વ્હીલચેર", "વ્હીલ ચેર", "પગથિયાં વગર", "રેમ્પ", "લિફ્ટ"),
        "pl": ("bez schodów", "bez progów", "wózk", "wózek", "podjazd", "pochylni", "winda", "dostępne dla niepełnosprawnych"),
        # not 无障碍 alone: 无障碍厕所 is an accessible toilet, not a step-free entrance
        "zh_Hans": ("无障碍通道", "无障碍入口", "无障碍设施", "轮椅", "坡道", "无台阶", "电梯"),
        "zh_Hant": ("無障礙通道", "無障礙入口", "無障礙設施", "輪椅", "坡道", "無台階", "電梯"),
        "ur": ("وہیل چیئر", "ریمپ", "سیڑھیوں کے بغیر", "لفٹ"),
    },
    "accessible_toilet": {
        "en": ("accessible toilet", "disabled toilet", "accessible wc", "disabled wc", "accessible loo",
               "changing places", "accessible bathroom", "accessible restroom"),
        "gu": ("સુલભ શૌચાલય", "વિકલાંગ શૌચાલય"),
        "pl": ("toaleta dla niepełnosprawnych", "toaleta przystosowana", "dostępna toaleta", "łazienka dla niepełnosprawnych"),
        "zh_Hans": ("无障碍厕所", "无障碍洗手间", "残疾人厕所", "无障碍卫生间"),
        "zh_Hant": ("無障礙廁所", "無障礙洗手間", "殘疾人廁所", "無障礙衛生間"),
        "ur": ("معذوروں کے لیے بیت الخلا", "قابل رسائی بیت الخلا"),
    },
    "hearing_loop": {
        "en": ("hearing loop", "induction loop", "loop system", "t-coil", "telecoil", "hearing aid loop", "audio loop"),
        "gu": ("હિયરિંગ લૂપ", "ઇન્ડક્શન લૂપ", "શ્રવણ લૂપ"),
        "pl": ("pętla indukcyjna", "pętlę indukcyjną", "pętli indukcyjnej", "pętla induktofoniczna"),
        "zh_Hans": ("助听环路", "感应线圈", "助听器环路", "听力环路"),
        "zh_Hant": ("助聽環路", "感應線圈", "助聽器環路", "聽力環路"),
        "ur": ("ہیئرنگ لوپ", "انڈکشن لوپ"),
    },
    "parking": {
        "en": ("parking", "car park", "blue badge"),
        "gu": ("પાર્કિંગ",),
        "pl": ("parking", "miejsca parkingowe", "parkingu"),
        "zh_Hans": ("停车",),
        "zh_Hant": ("停車",),
        "ur": ("پارکنگ",),
    },
    "bus_route": {
        "en": ("bus route", "bus stop", "on a bus", "buses stop"),
        "gu": ("બસ સ્ટોપ", "બસ રૂટ"),
        "pl": ("przystanek autobus", "linia autobus", "przystanku autobus"),
        "zh_Hans": ("公交", "巴士站"),
        "zh_Hant": ("公車", "巴士站"),
        "ur": ("بس اسٹاپ", "بس روٹ"),
    },
    "large_print": {
        "en": ("large print", "large-print", "big print", "braille"),
        "gu": ("મોટા અક્ષર", "બ્રેઇલ"),
        "pl": ("duży druk", "dużym drukiem", "powiększon", "brajl"),
        "zh_Hans": ("大字", "盲文"),
        "zh_Hant": ("大字", "盲文", "點字"),
        "ur": ("بڑے حروف", "بریل"),
    },
    "seating": {
        "en": ("seating", "seats", "chairs available", "somewhere to sit", "benches"),
        "gu": ("બેઠક વ્યવસ્થા", "ખુરશી"),
        "pl": ("miejsca siedzące", "krzesła", "siedzisk"),
        "zh_Hans": ("座位", "座椅"),
        "zh_Hant": ("座位", "座椅"),
        "ur": ("نشستیں", "کرسیاں", "بیٹھنے کی جگہ"),
    },
}

# Words that, just before a keyword, say the feature is missing.
NEGATIONS = ("no ", "not ", "without ", "isn't ", "is not ", "there is no ", "brak ", "nie ma ", "bez ", "没有", "沒有",
             "无法", "無法", "不设", "不設", "نہیں", "કોઈ ", "નથી")
_NEGATION_WINDOW = 14  # characters before a keyword searched for a negation

assert set(KEYWORDS) <= set(ACCESSIBILITY), "every recognised feature must be one the filters know"


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


_FOLDED = {code: tuple(_fold(word) for words in by_language.values() for word in words)
           for code, by_language in KEYWORDS.items()}
# Keywords that themselves begin with a negation word ("no steps", "bez schodów") are
# positive phrases; they are matched as such and never negated.
_SELF_NEGATED = {word for words in _FOLDED.values() for word in words if word.startswith(NEGATIONS)}
_SPACE = re.compile(r"\s+")
_CLAUSE_END = re.compile(r"[.,;:!?。，、；：！？،۔]")


def _negated(text: str, start: int) -> bool:
    """A negation word in the few characters before ``start`` (whole words in Latin script)."""
    before = " " + _CLAUSE_END.split(text[max(0, start - _NEGATION_WINDOW):start])[-1]
    return any((" " + word if word[:1].isascii() else word) in before for word in NEGATIONS)


def recognise(*texts: str | None) -> list[str]:
    """The feature codes (in vocabulary order) that the texts say a venue has."""
    text = _SPACE.sub(" ", _fold(" ".join(part for part in texts if part)))
    if not text:
        return []
    found = []
    for code, words in _FOLDED.items():
        for word in words:
            start = text.find(word)
            while start != -1:
                if word in _SELF_NEGATED or not _negated(text, start):
                    found.append(code)
                    break
                start = text.find(word, start + 1)
            if code in found:
                break
    return [code for code in ACCESSIBILITY if code in found]


__all__ = ["KEYWORDS", "recognise"]
