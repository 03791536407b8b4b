"""Per-language Whoosh analysers for Community Signpost search.

Each analyser is an ordinary ``tokenizer | filter | filter`` Whoosh pipeline,
so it can be passed to ``whoosh.fields.TEXT(analyzer=...)`` and works in
index and query mode, with positions (phrase queries) and character offsets
(highlighting).  Offsets always refer to the text the analyser was given:
normalisation happens per token, never by rewriting the whole input.

Heavy resources (pystempel's 2 MB trie, jieba's dictionary, OpenCC tables)
are loaded lazily on first use and cached at module level, *not* on the
analyser objects, because Whoosh pickles analysers into the index schema.
Call :func:`warm_up` at process start to pay those costs early.
"""

from __future__ import annotations

import contextlib
import functools
import io
import logging
import os
import tempfile
import threading
import unicodedata
import warnings

import regex
from whoosh.analysis import (CharsetFilter, Filter, LowercaseFilter, StemFilter,
                             StopFilter, Token, Tokenizer)
from whoosh.lang.stopwords import stoplists
from whoosh.support.charset import accent_map

from .scripts import (detect_query_languages, detect_script,  # noqa: F401 (re-exported)
                      family_for, normalise_text)

__all__ = ["LANGUAGE_FIELDS", "analyzer_for", "detect_script", "detect_query_languages",
           "normalise_text", "warm_up", "UnicodeWordTokenizer", "ChineseTokenizer"]

#: Analysis families; one Whoosh field per family (e.g. ``body_pl_folded``).
LANGUAGE_FIELDS = ("en", "pl", "pl_folded", "zh", "indic", "generic")

_LOCK = threading.RLock()
_ZW = dict.fromkeys((0x200C, 0x200D), None)  # ZWNJ, ZWJ


# --------------------------------------------------------------- tokenizers
# A word is a run of letters, combining marks and digits.  Marks (Mn/Mc) must
# be inside the class: Gujarati/Devanagari vowel signs and virama are marks,
# and stdlib ``re``'s \w does not match all of them, which would cut "યોગ"
# into pieces.  ZWJ/ZWNJ sit inside Indic and Urdu words, so they are part
# of the word and removed from the token text.  An apostrophe between letters
# stays inside the word: Somali writes the glottal stop with it ("ba'an").
_WORD = r"[\p{L}\p{M}\p{N}\u200c\u200d]+(?:['\u2019][\p{L}\p{M}\p{N}]+)*"
# Han, kana and Thai have no spaces between words; as a fallback (outside the
# zh analyser) each ideograph is its own token, as in Lucene's StandardTokenizer.
_NOT_HAN = r"(?:(?!\p{Han})[\p{L}\p{M}\p{N}\u200c\u200d])"
_GENERIC_WORD = r"\p{Han}|%s+(?:['\u2019]%s+)*" % (_NOT_HAN, _NOT_HAN)


@functools.lru_cache(maxsize=None)
def _compiled(pattern: str):
    return regex.compile(pattern)


def _clean(word: str) -> str:
    return unicodedata.normalize("NFC", word.translate(_ZW))


class UnicodeWordTokenizer(Tokenizer):
    """Split on Unicode word boundaries (letters + marks + digits).

    Token text is NFC-normalised with ZWJ/ZWNJ removed, so precomposed and
    decomposed input index the same, while offsets still point into the
    original string.  Subclasses only override :meth:`segments`.
    """

    def __init__(self, pattern: str = _WORD):
        self.pattern = pattern

    def __eq__(self, other):
        return type(other) is type(self) and other.__dict__ == self.__dict__

    def prepare(self, value: str) -> str:
        """Script-level folding applied before segmenting; offsets must not move."""
        return value

    def segments(self, value):
        """Yield ``(word, startchar, endchar)`` for each word in *value*."""
        for m in _compiled(self.pattern).finditer(value):
            yield m.group(), m.start(), m.end()

    def __call__(self, value, positions=False, chars=False, keeporiginal=False,
                 removestops=True, start_pos=0, start_char=0, tokenize=True,
                 mode="", **kwargs):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        segs = self.segments(value) if tokenize else ((self.prepare(value), 0, len(value)),)
        pos = start_pos
        for word, start, end in segs:
            text = _clean(word)
            if not text:
                continue
            t.text, t.boost, t.stopped = text, 1.0, False
            if keeporiginal:
                t.original = value[start:end]
            if positions:
                t.pos, pos = pos, pos + 1
            if chars:
                t.startchar, t.endchar = start_char + start, start_char + end
            yield t


class MapFilter(Filter):
    """Apply a module-level ``str -> str`` function to every token text;
    tokens mapped to ``""`` are dropped.  The function is referenced by name
    so the pickled schema stays tiny and importable."""

    def __init__(self, funcname: str):
        self.funcname = funcname

    def __eq__(self, other):
        return type(other) is type(self) and other.funcname == self.funcname

    def __call__(self, tokens):
        fn = globals()[self.funcname]
        for t in tokens:
            t.text = fn(t.text)
            if t.text:
                yield t


def casefold(word: str) -> str:
    """``casefold`` rather than ``lower``: German ß/ss and Greek final sigma
    then compare equal, which ``lower`` misses."""
    return word.casefold()


class ApostropheFilter(Filter):
    """At index time, also index the part before an apostrophe at the same
    position: Turkish attaches suffixes to names that way ("İstanbul'da"),
    while in Somali the apostrophe is a letter ("ba'an").  Indexing both
    serves both; queries keep the whole word, so they stay precise."""

    def __call__(self, tokens):
        for t in tokens:
            yield t
            head = t.text.replace("\u2019", "'").split("'", 1)[0]
            if t.mode != "query" and head and head != t.text and len(head) > 1:
                text = t.text
                t.text = head
                yield t
                t.text = text


# ------------------------------------------------------------------- Polish
# Polish stop words (short function words; adapted from the Lucene/ES list).
PL_STOPWORDS = frozenset("""
a aby ach albo ale am ani az bardzo bez bo by byc byl byla byli bylo beda
bede jest sa czy co dla do gdy gdzie go i ich ile im inne ja jak jako je
jej jemu jesli jezeli juz ktora ktore ktory kto ktorego ku lub ma mi mnie
mu na nad nam nas nie nim niz no o od oraz po pod przez przy sa sie ta tak
takze tam te tego tej ten tez to tu ty tylko u w we wiec wszystko z za ze
""".split())
_PL_FOLD = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")
_PL_STOP_ACCENTED = frozenset("""
będą będę był była byli było być jeśli jeżeli już która które który
którego niż są się także też więc
""".split())
# Longest first.  Inflection endings of nouns/adjectives after diacritic
# folding (-ów -> ow, -ą/-ę -> a/e).
_PL_SUFFIXES = sorted(set("""
iami iach iego iemu ami ach ego emu ymi imi ych ich owi om ow ie ia iu io
em ej a e i o u y
""".split()), key=len, reverse=True)


def pl_fold(word: str) -> str:
    """Drop Polish diacritics.  Many Polish users type on UK keyboards
    without AltGr, so "zajecia" must find "zajęcia"."""
    return word.translate(_PL_FOLD)


def pl_light_stem(word: str) -> str:
    """Light suffix stripper for *folded* Polish (no dictionary needed).

    Strips one inflectional ending keeping >= 3 letters, then undoes the two
    commonest stem alternations before an ending: r/rz (senior -> seniorzy)
    and g/dz (joga -> jodze).  Deliberately crude: it only has to map the
    forms of one word together, on both the index and the query side.
    """
    for suf in _PL_SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 3:
            word = word[: -len(suf)]
            break
    if word.endswith("rz") and len(word) > 4:
        word = word[:-1]
    elif word.endswith("dz") and len(word) >= 4:
        word = word[:-2] + "g"
    return word


_STEMPEL = None


def _stempel():
    """Load pystempel's polimorf table once (stempel_table.py: rows decoded as lookups
    reach them, ~0.07 s instead of pystempel's 4 s). The table ships inside the wheel."""
    global _STEMPEL
    if _STEMPEL is None:
        with _LOCK:
            if _STEMPEL is None:
                from .stempel_table import load_polimorf

                _STEMPEL = load_polimorf()
    return _STEMPEL


@functools.lru_cache(maxsize=50000)
def pl_stem(word: str) -> str:
    """Stem with Stempel (a statistical stemmer trained on PoliMorf).

    Stempel guesses wildly on unknown words ("zajecia" -> "zajeciativus") and
    returns lemmas inconsistently with/without a final vowel ("senior" ->
    "seniora", "seniorów" -> "senior"), so: reject guesses much longer than
    the word, then drop one final vowel to merge the two lemma shapes.
    """
    if len(word) < 3 or not word.isalpha():
        return word
    try:
        stem = _stempel()(word) or word
    except Exception:
        stem = word
    if len(stem) > len(word) + 2 or stem[:2] != word[:2]:
        stem = word
    if stem.endswith("ć") and len(stem) > 4:
        stem = stem[:-1]
    if stem[-1] in "aeiouyąęó" and len(stem) > 3:
        stem = stem[:-1]
    return stem


def pl_folded_stem(word: str) -> str:
    return pl_light_stem(pl_fold(word))


# ------------------------------------------------------ Indic and Arabic script
_GU_SUFFIXES = ("માંથી", "માં", "નું", "નો", "ની", "ના", "ને", "થી", "એ")
# Urdu/Arabic: fold letter variants that differ only by keyboard (Arabic vs
# Farsi yeh/kaf, heh forms, hamza-carrying alefs) and drop tatweel.
_ARABIC_FOLD = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ه": "ہ", "ە": "ہ", "ۀ": "ہ",
                              "ة": "ہ", "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ـ": None})
# Harakat and Qur'anic annotation marks: optional vowel signs, mostly absent
# in everyday Urdu/Arabic, so they must not make two spellings differ.
_HARAKAT = _compiled(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_NUMBER = _compiled(r"\p{Nd}")
_ARABIC = _compiled(r"\p{Arabic}")
_GRAPHEME = _compiled(r"\X")


def indic_normalise(word: str) -> str:
    """Script-specific normalisation for gu/hi/pa/bn/ur/ar tokens.

    * native digits (૧૨, ١٢, ۱۲) -> ASCII, since people type either;
    * Arabic script: strip harakat, fold letter variants;
    * Gujarati: strip one or two attached postpositions/case endings
      (ક્લબમાં "in the club" -> ક્લબ).  Gujarati writes these joined to the
      noun, unlike Hindi (योग की कक्षा), so only Gujarati needs it.  The stem
      must keep >= 2 grapheme clusters so that short words such as અને
      ("and") are left alone.
    """
    if _NUMBER.search(word):
        word = _NUMBER.sub(lambda m: str(unicodedata.digit(m.group(), 0)), word)
    if _ARABIC.search(word):
        return _HARAKAT.sub("", word).translate(_ARABIC_FOLD)
    for _ in range(2):
        for suf in _GU_SUFFIXES:
            if word.endswith(suf) and len(_GRAPHEME.findall(word[: -len(suf)])) >= 2:
                word = word[: -len(suf)]
                break
        else:
            break
    return word


_LATIN_GREEK_MARK = _compiled(r"(?<=[\p{Latin}\p{Greek}]\p{M}*)\p{M}")


def generic_fold(word: str) -> str:
    """Drop accents from Latin and Greek letters ("İstanbul" -> "istanbul",
    "café" -> "cafe", "άλφα" -> "αλφα"): users often omit them.  In Cyrillic
    only ё -> е is folded (Russian print usually omits the dots) since й, ї, ў
    are letters of their own; marks in other scripts are vowels and stay."""
    decomposed = unicodedata.normalize("NFD", word)
    folded = _LATIN_GREEK_MARK.sub("", decomposed)
    return unicodedata.normalize("NFC", folded).replace("ё", "е")


# ------------------------------------------------------------------ Chinese
_JIEBA = None
_OPENCC = None
ZH_USER_WORDS = ("太极", "太极拳", "午餐俱乐部", "广场舞", "义工", "长者", "社区中心",
                 "英语班", "粤语", "普通话", "食物银行", "编织", "瑜伽")


def _opencc():
    global _OPENCC
    if _OPENCC is None:
        from opencc import OpenCC
        _OPENCC = OpenCC("t2s")
    return _OPENCC


def _jieba():
    """Initialise jieba once, quietly.  It logs "Building prefix dict..." to
    stderr and writes a cache file, by default into the system temp dir,
    which may be read-only in production: point it at our own temp dir."""
    global _JIEBA
    if _JIEBA is None:
        with _LOCK:
            if _JIEBA is None:
                # jieba's source has invalid escape sequences: installed without compiled
                # bytecode (uv's default), its first import prints SyntaxWarnings to stderr.
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", SyntaxWarning)
                    import jieba
                jieba.setLogLevel(logging.WARNING)
                tok = jieba.Tokenizer()
                cache_dir = os.path.join(tempfile.gettempdir(), "signpost-jieba")
                with contextlib.suppress(OSError):
                    os.makedirs(cache_dir, exist_ok=True)
                tok.tmp_dir = cache_dir if os.access(cache_dir, os.W_OK) else None
                with contextlib.redirect_stderr(io.StringIO()):
                    tok.initialize()
                for w in ZH_USER_WORDS:
                    tok.add_word(w, freq=20000)
                _JIEBA = tok
    return _JIEBA


def zh_simplify(text: str) -> str:
    """Traditional -> Simplified (OpenCC t2s) so 太極 and 太极 index alike.
    OpenCC may convert a phrase into a different length; then convert char by
    char instead, keeping offsets aligned for highlighting."""
    out = _opencc().convert(text)
    if len(out) != len(text):
        conv = _opencc().convert
        out = "".join(c2 if len(c2 := conv(c)) == 1 else c for c in text)
    return out


_ZH_RUNS = _compiled(r"(\p{Han}+)|" + _WORD)


def _zh_segments(simple: str):
    """Han runs go to jieba; everything else (Latin, Gujarati, digits...)
    is cut like the other analysers, since jieba splits non-ASCII letters
    such as "ę" or Gujarati vowel signs off their words."""
    for m in _ZH_RUNS.finditer(simple):
        if m.group(1):
            for word, start, end in _jieba().tokenize(m.group(1), mode="search"):
                yield word, m.start() + start, m.start() + end
        else:
            yield m.group(), m.start(), m.end()


class ChineseTokenizer(UnicodeWordTokenizer):
    """Simplify, then segment Han text with jieba's search mode, which emits
    a long word and its dictionary sub-words (老年人 -> 老年, 老年人) for
    recall.  Punctuation and spaces are never tokens.  Positions are
    consecutive over emitted tokens, which is the same on both sides, so
    quoted phrases still match."""

    def __init__(self):
        super().__init__(_ZH_RUNS.pattern)

    def prepare(self, value):
        return zh_simplify(value)

    def segments(self, value):
        return _zh_segments(zh_simplify(value))


# ------------------------------------------------------------------ factory
def _build(family: str):
    if family == "en":
        # Stop words before folding (the list is unaccented English anyway),
        # folding before stemming so "café"/"cafe" stem identically.
        return (UnicodeWordTokenizer() | LowercaseFilter() | StopFilter(stoplists["en"], minsize=1)
                | CharsetFilter(accent_map) | StemFilter(lang="en"))
    if family == "pl":
        return (UnicodeWordTokenizer() | LowercaseFilter()
                | StopFilter(PL_STOPWORDS | _PL_STOP_ACCENTED, minsize=1)
                | MapFilter("pl_stem"))
    if family == "pl_folded":
        return (UnicodeWordTokenizer() | LowercaseFilter() | MapFilter("pl_fold")
                | StopFilter(PL_STOPWORDS, minsize=1) | MapFilter("pl_folded_stem"))
    if family == "zh":
        # Casefold for embedded Latin words; no stop words: 的/在 are indexed
        # but are single characters users rarely search on their own.
        return ChineseTokenizer() | MapFilter("casefold")
    if family == "indic":
        # "અને" ("and") is kept: stop-word lists for these languages are
        # short and a query consisting only of stop words should still work.
        return UnicodeWordTokenizer() | MapFilter("casefold") | MapFilter("indic_normalise")
    return (UnicodeWordTokenizer(_GENERIC_WORD) | MapFilter("casefold")
            | MapFilter("generic_fold") | ApostropheFilter())


_ANALYZERS: dict = {}


def analyzer_for(locale: str | None):
    """Return the (cached) analyser for a locale code or family name:
    ``en``, ``pl``, ``pl_folded``, ``gu``/``hi``/``pa``/``bn``/``ur``/``ar``
    (-> indic), ``zh``/``zh_Hans``/``zh_Hant``/``zh-TW``/``yue`` (-> zh),
    anything else -> generic."""
    family = locale if locale in LANGUAGE_FIELDS else family_for(locale)
    with _LOCK:
        if family not in _ANALYZERS:
            _ANALYZERS[family] = _build(family)
        return _ANALYZERS[family]


def warm_up() -> None:
    """Load Stempel, jieba and OpenCC now (about 1 s) instead of on the
    first Polish/Chinese document or query."""
    _stempel()
    _jieba()
    zh_simplify("太極")
