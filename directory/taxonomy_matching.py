"""Match taxonomy terms of other schemes to the built-in multilingual terms.

A council's feed tags a listing "Luncheon Clubs" or "Welfare benefits advice"; our taxonomy
calls those "Lunch club" and "Benefits advice" and knows their names and synonyms in every
locale, which is what lets "ભોજન" or "obiad" find the listing. So an imported term is
matched by id, then code, then any name or synonym in any language, compared through
:func:`term_key`: case, punctuation, accents on Latin letters, English plurals and a few
spelling variants do not matter. Failing that, generic words ("classes", "service") are
dropped on both sides ("Yoga classes" → Yoga). A term that matches nothing is a new
category with a stable code (:func:`unique_code`) and a page of its own.

No Flask here; the index is built once per import from the session.
"""
from __future__ import annotations

import unicodedata

import regex
from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import TaxonomyTerm, TaxonomyTermTranslation

MAX_CODE_LENGTH = 120  # the column holds 128; room for "-99"

# British/American spellings and old-fashioned names that schemes use for the same thing.
VARIANTS = {
    "luncheon": "lunch", "centre": "center", "programme": "program", "colour": "color",
    "counselling": "counseling", "neighbour": "neighbor", "organisation": "organization",
    "elderly": "older", "seniors": "older", "taichi": "tai chi", "ict": "it",
}
# Words that only say what kind of offer it is; dropped in the second pass.
GENERIC_WORDS = frozenset({
    "class", "group", "session", "service", "activity", "course", "program", "scheme",
    "opportunity", "provision", "club", "for", "the", "and", "of", "in", "older", "people", "adult",
})
_PUNCTUATION = regex.compile(r"[\p{P}\p{S}\p{Z}\s]+")
_APOSTROPHE = regex.compile(r"(?<=\p{L})['\u2019](?=\p{L}|\s|$)")
_CODE_LIKE = regex.compile(r"^[\p{L}\p{N}]+(?:[-_.][\p{L}\p{N}]+)+$")
_NOT_SLUG = regex.compile(r"[^\p{L}\p{M}\p{N}]+")


def _strip_latin_accents(text: str) -> str:
    """"café" and "cafe" alike; marks on other scripts stay (a Gujarati vowel sign is a
    combining mark, and dropping it would change the word)."""
    out = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch) and out and out[-1] < "\u0250":
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out)).replace("ł", "l")


def _singular(word: str) -> str:
    """Light English singular: classes → class, charities → charity, clubs → club."""
    if len(word) < 4 or not word.isascii():
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def term_key(text, singular: bool = True) -> str:
    """What two names of one category have in common: ``"Luncheon Clubs"`` and
    ``"Lunch club"`` both give ``"lunch club"``."""
    if text is None:
        return ""
    folded = _strip_latin_accents(unicodedata.normalize("NFKC", str(text)).casefold())
    folded = _APOSTROPHE.sub("", folded.replace("&", " and ").replace("+", " and "))
    words = []
    for word in _PUNCTUATION.split(folded):
        if word:
            word = _singular(word) if singular else word
            words.extend(VARIANTS.get(word, word).split())
    return " ".join(words)


def loose_key(key: str) -> str:
    """``term_key`` without generic words; empty when nothing specific is left."""
    return " ".join(word for word in key.split() if word not in GENERIC_WORDS)


class TermIndex:
    """Every term's names and synonyms by :func:`term_key` (and by :func:`loose_key`,
    consulted only when the exact key finds nothing); codes by themselves, case-folded.

    Codes are identifiers, not words: only a name is matched loosely, or "health-checks"
    (a parent category) would be taken for "Health check" (its child)."""

    def __init__(self):
        self.exact: dict[str, str] = {}
        self.loose: dict[str, str] = {}
        self.codes: dict[str, str] = {}
        self.names: dict[str, str] = {}
        self.plain: dict[str, str] = {}  # term_key without the plural rule

    @classmethod
    def from_session(cls, session: Session) -> "TermIndex":
        index = cls()
        # English names first, then translations and synonyms: the first word claims a key,
        # so a term's own name beats another term's synonym.
        for term in session.scalars(select(TaxonomyTerm)):
            index.add(term.name, term.id, code=term.code)
        for item in session.scalars(select(TaxonomyTermTranslation).order_by(TaxonomyTermTranslation.id)):
            for word in [item.name, *(item.synonyms or [])]:
                index.add(word, item.term_id)
        return index

    def add(self, text, term_id: str, code: str | None = None) -> None:
        if code:
            self.codes.setdefault(str(code).casefold(), term_id)
        key = term_key(text)
        if key:
            self.names.setdefault(str(text).casefold().strip(), term_id)
            self.plain.setdefault(term_key(text, singular=False), term_id)
            self.exact.setdefault(key, term_id)
            loose = loose_key(key)
            if loose:
                self.loose.setdefault(loose, term_id)

    def match(self, text) -> str | None:
        """The id of the term the name ``text`` (in any locale) names, or None."""
        key = term_key(text)
        if not key:
            return None
        if _CODE_LIKE.match(str(text).strip()):
            # "health-checks" is a code written as a name (a CSV category column): it may
            # differ from another term's code by one letter, so it is matched only as written.
            return self.names.get(str(text).casefold().strip()) or self.plain.get(term_key(text, singular=False))
        found = self.names.get(str(text).casefold().strip()) or self.exact.get(key)
        if found:
            return found
        loose = loose_key(key)
        return (self.exact.get(loose) or self.loose.get(loose)) if loose else None

    def match_code(self, code) -> str | None:
        """The id of the term whose code (or name, written exactly) is ``code``."""
        text = str(code).casefold().strip()
        return self.codes.get(text) or self.names.get(text)


def slug(text) -> str:
    """A URL-safe code from a name in any script: "Chess & draughts" → "chess-draughts"."""
    folded = _strip_latin_accents(unicodedata.normalize("NFKC", str(text or "")).casefold())
    return _NOT_SLUG.sub("-", _APOSTROPHE.sub("", folded)).strip("-")[:MAX_CODE_LENGTH].strip("-")


def unique_code(session: Session, text, exclude: set[str] | None = None) -> str:
    """A code no other term holds: the slug of ``text``, then ``-2``, ``-3`` … Stable: the
    same name in the same directory gives the same code."""
    base = slug(text) or "term"
    taken = set(session.scalars(select(TaxonomyTerm.code).where(TaxonomyTerm.code.like(f"{base}%"))))
    taken |= exclude or set()
    code, number = base, 1
    while code in taken:
        number += 1
        code = f"{base}-{number}"
    return code


def code_for_new_term(session: Session, feed_code: str | None, name: str) -> str:
    """The code of a term created by an import: the feed's own code when it is free and fits
    in a page address (ORUK ``taxonomy_term.code`` belongs to the publisher's scheme, and
    exporting it back keeps it), otherwise a de-duplicated slug of the term's name."""
    if feed_code and "/" not in feed_code and len(feed_code) <= 128 and session.scalar(
            select(TaxonomyTerm.id).where(TaxonomyTerm.code == feed_code)) is None:
        return feed_code
    return unique_code(session, name)


__all__ = ["TermIndex", "code_for_new_term", "loose_key", "slug", "term_key", "unique_code"]
