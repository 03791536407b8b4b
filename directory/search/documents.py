"""Turn a Service (with its relationships loaded) into index documents.

Pure functions over model objects: no session, no Flask. The taxonomy catalogue is built
once per indexing run so each document only looks terms up.
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field

import regex

from ..card_facts import card_facts_json
from ..geography import Point
from ..models import Service, TaxonomyTerm
from .geo import cells_for_area, cells_for_point
from .schema import SPELL_MIN_LETTERS, text_field
from .analysis import analyzer_for
from .scripts import family_for, normalise_text

LOW_COST_LIMIT = 3  # pounds a session: what "free or low cost" means for the filter
SPELLING_CACHE_TEXTS = 20_000  # names and descriptions whose spellable words are remembered
_LATIN_WORD = regex.compile(r"^\p{Latin}+$")


def families_for_locale(locale: str | None) -> list[str]:
    """Analysis families a text in ``locale`` is indexed under. Polish also goes to the
    diacritic-folded field so "zajecia" typed without ogonek still finds "zajęcia"."""
    family = family_for(locale)
    return [family, "pl_folded"] if family == "pl" else [family]


@dataclass
class TermCatalogue:
    """Every taxonomy term's code, ancestors and words per locale, for documents and for
    query expansion."""

    codes: dict[str, str] = field(default_factory=dict)              # term id -> code
    parents: dict[str, str | None] = field(default_factory=dict)     # code -> parent code
    words: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # code -> locale -> words
    _tokens: dict[str, dict[str, str]] = field(default_factory=dict, repr=False)  # code -> family -> tokens

    def tokens(self, code: str) -> dict[str, str]:
        """The term's words in every locale, analysed by each locale's family, as
        space-separated tokens (computed once per code)."""
        cached = self._tokens.get(code)
        if cached is None:
            by_family: dict[str, list[str]] = {}
            for locale, words in self.words.get(code, {}).items():
                for family in families_for_locale(locale):
                    analyzer = analyzer_for(family)
                    by_family.setdefault(family, []).extend(
                        token.text for word in words for token in analyzer(normalise_text(word)))
            cached = self._tokens[code] = {family: " ".join(tokens) for family, tokens in by_family.items()}
        return cached

    @classmethod
    def from_terms(cls, terms: list[TaxonomyTerm]) -> "TermCatalogue":
        catalogue = cls()
        for term in terms:
            code = term.code or term.id
            catalogue.codes[term.id] = code
            words = {"en": [term.name]}
            for item in term.translations:
                words.setdefault(item.locale, []).extend([item.name, *(item.synonyms or [])])
            catalogue.words[code] = {locale: [w for w in values if w] for locale, values in words.items()}
        for term in terms:
            catalogue.parents[term.code or term.id] = catalogue.codes.get(term.parent_id) if term.parent_id else None
        return catalogue

    def with_ancestors(self, code: str) -> list[str]:
        chain, seen = [], set()
        while code and code not in seen:
            chain.append(code)
            seen.add(code)
            code = self.parents.get(code)
        return chain

    def to_json(self) -> str:
        return json.dumps({"codes": self.codes, "parents": self.parents, "words": self.words}, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> "TermCatalogue":
        data = json.loads(text)
        return cls(codes=data["codes"], parents=data["parents"], words=data["words"])


def _schedule_keywords(service: Service) -> tuple[set[str], set[str]]:
    days, times = set(), set()
    for schedule in service.schedules:
        try:
            weekdays = schedule.weekdays
        except ValueError:
            weekdays = []
        if not weekdays and schedule.freq == "WEEKLY" and schedule.dtstart:
            weekdays = [schedule.dtstart.weekday()]
        days.update(("mo", "tu", "we", "th", "fr", "sa", "su")[day] for day in weekdays)
        if schedule.opens_at is not None:
            hour = schedule.opens_at.hour
            times.add("morning" if hour < 12 else "afternoon" if hour < 17 else "evening")
    return days, times


def _cost_keywords(service: Service) -> list[str]:
    if service.is_free:
        return ["free", "low"]
    amounts = [option.amount for option in service.cost_options if option.amount is not None]
    return ["low"] if amounts and min(amounts) <= LOW_COST_LIMIT else []


def _spelling_words(service: Service) -> str:
    """The distinct Latin-script words a typo could be meant for, unstemmed, space-separated.

    Typo tolerance applies to Latin words of ``SPELL_MIN_LETTERS`` + 1 letters or more, one
    edit away, so shorter words, other scripts and repeats would only add postings.
    """
    words = set()
    for name, description in service.texts_by_locale().values():
        words.update(_spellable_words(name), _spellable_words(description or ""))
    return " ".join(sorted(words))


@functools.lru_cache(maxsize=SPELLING_CACHE_TEXTS)
def _spellable_words(text: str) -> frozenset[str]:
    """One name's or description's spellable words; cached because a rebuild meets the same
    names and descriptions again and again (a chain's listings, each place of a listing),
    and analysing them was a tenth of a rebuild."""
    analyzer = analyzer_for("generic")
    return frozenset(word for word in (token.text for token in analyzer(normalise_text(text)))
                     if len(word) >= SPELL_MIN_LETTERS and _LATIN_WORD.match(word))


def _base_document(service: Service, catalogue: TermCatalogue) -> dict:
    texts: dict[str, dict[str, list[str]]] = {}
    for locale, (name, description) in service.texts_by_locale().items():
        for family in families_for_locale(locale):
            bucket = texts.setdefault(family, {"name": [], "body": [], "terms": []})
            bucket["name"].append(name)
            bucket["body"].append(description or "")
    categories = []
    # Sorted: related rows come back in no guaranteed order (PostgreSQL answers a batch's
    # IN (...) as its plan likes), and the same listing must make the same document in
    # every rebuild and in every process sharing one.
    own_terms = sorted(term.code or term.id for term in service.taxonomy_terms)
    for code in own_terms:
        categories.extend(catalogue.with_ancestors(code))
    # Only the listing's own terms' words are indexed: a query naming an ancestor ("sport"
    # for a yoga class) is expanded to the ancestor's category code, which is indexed.
    for code in dict.fromkeys(own_terms):
        for family, tokens in catalogue.tokens(code).items():
            texts.setdefault(family, {"name": [], "body": [], "terms": []})["terms"].append(tokens)
    days, times = _schedule_keywords(service)
    features = [name for name in ("transport_provided", "carers_welcome") if getattr(service, name)]
    document = {
        "service_id": service.id,
        "category": " ".join(dict.fromkeys(categories)),
        "language": " ".join(sorted(set(service.language_codes))),
        "languages": sorted(set(service.language_codes)),
        "gender": service.gender,
        "faith": service.faith_setting,
        "food": " ".join(service.food or []),
        "join": service.how_to_join,
        "status": service.listing_status,
        "day": " ".join(sorted(days)),
        "time": " ".join(sorted(times)),
        "cost": " ".join(_cost_keywords(service)),
        "feature": " ".join(features),
        "verified": service.last_verified.toordinal() if service.last_verified else 0,
        "card": card_facts_json(service),
    }
    if service.minimum_age is not None:
        document["min_age"] = service.minimum_age
    if service.maximum_age is not None:
        document["max_age"] = service.maximum_age
    document["spell"] = _spelling_words(service)
    for family, kinds in texts.items():
        for kind, values in kinds.items():
            joined = "\n".join(v for v in values if v)
            if joined:
                document[text_field(kind, family)] = joined if kind == "terms" else normalise_text(joined)
    return document


def documents_for_service(service: Service, catalogue: TermCatalogue) -> list[dict]:
    """One document per location (and one per service area); none for closed listings,
    which are never shown."""
    if service.listing_status == "closed":
        return []
    base = _base_document(service, catalogue)
    documents = []
    for location in sorted(service.locations, key=lambda location: location.id):
        document = dict(base, key=f"{service.id}@{location.id}",
                        access=" ".join(sorted(set(location.accessibility_codes))))
        if location.latitude is not None and location.longitude is not None:
            point = Point(location.latitude, location.longitude)
            document.update(latitude=point.latitude, longitude=point.longitude, cells=" ".join(cells_for_point(point)))
        documents.append(document)
    for area in sorted(service.service_areas, key=lambda area: area.id):
        geometry = area.geometry()
        if geometry is None or geometry.is_empty:
            continue
        documents.append(dict(base, key=f"{service.id}@area:{area.id}", area=area.extent,
                              cells=" ".join(cells_for_area(geometry)), access="",
                              feature=" ".join([base["feature"], "comes_to_you"]).strip()))
    if not documents:
        documents.append(dict(base, key=service.id, access=""))
    return documents
