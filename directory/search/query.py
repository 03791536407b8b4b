"""From what a person typed to Whoosh queries — no query syntax, so nothing can break it.

The text is never handed to a query parser: every analysis family tokenises it, and the
tokens become term queries. Quotes, a bare "AND", emoji or 10,000 characters are just text.
A query word that names a taxonomy term or synonym in any locale also pulls in that
term's listings and its words in every other locale (cross-lingual search).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex
from whoosh import query as q

from ..geography import Point
from .analysis import analyzer_for
from .documents import TermCatalogue, families_for_locale
from .matching import leaf_terms
from .schema import FACET_FIELDS, FAMILIES, TEXT_KINDS, text_field
from .scripts import normalise_text

MAX_QUERY_CHARS = 200
MAX_TOKENS = 12
MAX_PHRASE_TOKENS = 4
MAX_RADIUS_M = 100_000
DEFAULT_RADIUS_M = 8_000
MAX_PER_PAGE = 100
FUZZY_MIN_LETTERS = 5
CATEGORY_MATCH_SCORE = 3.0  # what being tagged with a term the query names adds to BM25
EXPANSION_BOOST = 0.3
ALL_OF_FIELDS = frozenset({"access", "feature", "food"})  # every ticked box must hold; others: any of
_LATIN_WORD = regex.compile(r"^\p{Latin}+$")


class InvalidSearch(ValueError):
    """A search request that cannot be run (bad radius, page, filter name)."""


@dataclass
class SearchRequest:
    """Everything a search can ask. Construct it from untrusted input with ``validated()``."""

    text: str = ""
    point: Point | None = None
    radius_m: float | None = None
    filters: dict[str, list[str]] = field(default_factory=dict)
    age: int | None = None
    languages: list[str] = field(default_factory=list)  # the searcher's languages (ranking)
    locale: str = "en"                                  # the interface language
    page: int = 1
    per_page: int = 10
    with_facets: bool = True
    with_card_facts: bool = False  # also read each hit's stored card facts (SearchHit.card_facts)

    def validated(self) -> "SearchRequest":
        if not isinstance(self.page, int) or not 1 <= self.page <= 10_000:
            raise InvalidSearch("page must be a whole number from 1 to 10000")
        if not isinstance(self.per_page, int) or not 1 <= self.per_page <= MAX_PER_PAGE:
            raise InvalidSearch(f"per_page must be from 1 to {MAX_PER_PAGE}")
        if self.radius_m is not None:
            if not (isinstance(self.radius_m, (int, float)) and 0 < self.radius_m <= MAX_RADIUS_M):
                raise InvalidSearch(f"radius must be more than 0 and at most {MAX_RADIUS_M // 1000} km")
        elif self.point is not None:
            self.radius_m = DEFAULT_RADIUS_M
        if self.age is not None and not (isinstance(self.age, int) and 0 <= self.age <= 130):
            raise InvalidSearch("age must be from 0 to 130")
        unknown = set(self.filters) - set(FACET_FIELDS)
        if unknown:
            raise InvalidSearch(f"unknown filter {sorted(unknown)[0]!r}")
        self.filters = {name: [str(v)[:64] for v in values][:20] for name, values in self.filters.items() if values}
        self.text = normalise_text(self.text or "")[:MAX_QUERY_CHARS].strip()
        return self


@dataclass
class TextQueries:
    strict: q.Query | None     # every word must match (in one language family)
    loose: q.Query | None      # any word, with typo tolerance: used when strict finds nothing
    words_by_token: dict[tuple[str, str], str]  # (field, token) -> the word the person typed
    matched_terms: list[str]   # taxonomy codes the text named


def _tokens(family: str, text: str) -> list[tuple[str, str]]:
    """(token, surface word) pairs for the text in one family, in order, deduplicated."""
    seen, pairs = set(), []
    for token in analyzer_for(family)(text, mode="query", chars=True):
        if token.text and token.text not in seen:
            seen.add(token.text)
            pairs.append((token.text, text[token.startchar:token.endchar] if token.endchar else token.text))
        if len(pairs) >= MAX_TOKENS:
            break
    return pairs


def _any_field(family: str, token: str) -> q.Query:
    return q.Or([q.Term(text_field(kind, family), token) for kind in TEXT_KINDS])


class PhraseBook:
    """Taxonomy names and synonyms of every locale, analysed, for spotting them in queries."""

    def __init__(self, catalogue: TermCatalogue):
        self.catalogue = catalogue
        self._expansions: dict[str, q.Query] = {}
        self.codes_by_tokens: dict[tuple[str, tuple[str, ...]], set[str]] = {}
        for code, by_locale in catalogue.words.items():
            for locale, words in by_locale.items():
                for word in words:
                    for family in families_for_locale(locale):
                        tokens = tuple(token for token, _ in _tokens(family, normalise_text(word)))
                        if tokens and len(tokens) <= MAX_PHRASE_TOKENS:
                            self.codes_by_tokens.setdefault((family, tokens), set()).add(code)

    def terms_in(self, family: str, tokens: list[str]) -> set[str]:
        found = set()
        for start in range(len(tokens)):
            for end in range(start + 1, min(len(tokens), start + MAX_PHRASE_TOKENS) + 1):
                found |= self.codes_by_tokens.get((family, tuple(tokens[start:end])), set())
        return found

    def expansion(self, code: str) -> q.Query:
        """A term's listings, plus listings whose own text uses its words in any locale.

        Kept per term for the phrase book's life (the catalogue it was built from): a query
        naming a term analysed all its names and synonyms in every language again, ~1 ms of
        a text search. Query objects are only read, so one can serve every search."""
        expansion = self._expansions.get(code)
        if expansion is None:
            expansion = self._expansions[code] = self._expand(code)
        return expansion

    def _expand(self, code: str) -> q.Query:
        clauses: list[q.Query] = [q.ConstantScoreQuery(q.Term("category", code), CATEGORY_MATCH_SCORE)]
        words: list[q.Query] = []
        for locale, names in self.catalogue.words.get(code, {}).items():
            for word in names:
                for family in families_for_locale(locale):
                    tokens = [token for token, _ in _tokens(family, normalise_text(word))]
                    if tokens:
                        words.append(q.And([q.Or([q.Term(text_field(kind, family), token)
                                                  for kind in ("name", "body")]) for token in tokens]))
        # A listing that merely uses one of the term's words counts for less than one the
        # group tagged with it: synonyms are looser than categories.
        return q.Or(clauses + [q.Or(words, boost=EXPANSION_BOOST)]) if words else q.Or(clauses)

    def postings_read(self) -> list[tuple[str, str]]:
        """Every (field, token) a search that names a taxonomy term reads: the term's
        expansion, and each of its words in every text field of its family (the words a
        person types are matched in names, bodies and taxonomy fields alike). Listed
        once each, in the catalogue's order, for warming a fresh process."""
        seen: dict[tuple[str, str], None] = {}
        for code in self.catalogue.words:
            for fieldname, text, _leaf in leaf_terms(self.expansion(code)):
                seen.setdefault((fieldname, text), None)
                kind, _, family = fieldname.partition("_")
                if kind in TEXT_KINDS and family:
                    for other in TEXT_KINDS:
                        seen.setdefault((text_field(other, family), text), None)
        return list(seen)


def build_text_queries(text: str, phrases: PhraseBook | None) -> TextQueries:
    strict_parts, loose_parts, words, matched = [], [], {}, []
    for family in FAMILIES:
        pairs = _tokens(family, text)
        if not pairs:
            continue
        for token, surface in pairs:
            for kind in TEXT_KINDS:
                words.setdefault((text_field(kind, family), token), surface)
        strict_parts.append(q.And([_any_field(family, token) for token, _ in pairs]))
        loose_parts.extend(_any_field(family, token) for token, _ in pairs)
        if phrases is not None:
            for code in sorted(phrases.terms_in(family, [token for token, _ in pairs])):
                if code not in matched:
                    matched.append(code)
    if not strict_parts:
        return TextQueries(None, None, words, [])
    for token, surface in _tokens("generic", text):
        if len(surface) >= FUZZY_MIN_LETTERS and _LATIN_WORD.match(surface):
            loose_parts.append(q.FuzzyTerm("spell", token, maxdist=1, prefixlength=1))
            words.setdefault(("spell", token), surface)
    expansions = [phrases.expansion(code) for code in matched] if phrases else []
    strict = q.Or(strict_parts + expansions)
    loose = q.Or(loose_parts + expansions)
    return TextQueries(strict, loose, words, matched)
