"""The Whoosh index schema: one document per service and place it happens.

Text is indexed once per *analysis family* (English, Polish, Polish-without-diacritics,
Chinese, Indic/Arabic scripts, generic) so each language gets its own tokenising and
stemming; a listing written in Gujarati and English fills the ``indic`` and ``en`` fields.
Taxonomy names and synonyms in every locale go into the ``terms_*`` fields: that is what
lets "યોગ" or "joga" find an English-only yoga class.
"""
from __future__ import annotations

from whoosh.analysis import SpaceSeparatedTokenizer
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema

from .analysis import LANGUAGE_FIELDS, analyzer_for

FAMILIES = LANGUAGE_FIELDS
TEXT_KINDS = {"name": 3.0, "terms": 2.0, "body": 1.0}  # field boosts: a name match counts most

FACET_FIELDS = ("category", "language", "access", "gender", "faith", "food", "join", "status", "day", "time",
                "cost", "feature")
"""Keyword fields the search can filter on and count (facets)."""

SCHEMA_VERSION = 3
SPELL_MIN_LETTERS = 4   # a typo of a 5-letter word may be one edit from a 4-letter one


def text_field(kind: str, family: str) -> str:
    return f"{kind}_{family}"


def build_schema() -> Schema:
    fields = {
        "key": ID(unique=True, stored=True),         # service id, or service id @ location id
        "service_id": ID(stored=True),
        "cells": KEYWORD(),                          # grid cells (see geo.py)
        # Stored, not indexed: the engine reads them into memory per searcher (distance, age,
        # freshness are computed there); indexing numbers would cost ~16 trie terms each.
        "latitude": STORED(),
        "longitude": STORED(),
        "min_age": STORED(),
        "max_age": STORED(),
        "verified": STORED(),                        # last_verified as a date ordinal
        "area": STORED(),                            # GeoJSON of a service area, if any
        "languages": STORED(),                       # session language codes, for ranking
        # The change-log seq this document was written at (the generation's seq after a
        # rebuild): it changes whenever the listing does, so a page can cache what it
        # renders from the listing under (service id, version).
        "version": STORED(),
        # What a result card shows of the listing, as JSON (directory/card_facts.py): a
        # results page renders its cards from it without loading the listings.
        "card": STORED(),
        # Unstemmed words of every name and description: typo tolerance compares what was
        # typed with real words, because a typo's stem is not one edit from the word's stem.
        # Only Latin words of 4+ letters, already analysed (documents.py): what typos are
        # corrected towards.
        "spell": TEXT(analyzer=SpaceSeparatedTokenizer(), phrase=False),
    }
    for name in FACET_FIELDS:
        fields[name] = KEYWORD(stored=True, lowercase=False, commas=False, scorable=False)
    for family in FAMILIES:
        analyzer = analyzer_for(family)
        for kind, boost in TEXT_KINDS.items():
            # Taxonomy words arrive already analysed (see TermCatalogue.tokens): the same
            # few hundred words recur in every listing, so they are analysed once per run.
            field_analyzer = SpaceSeparatedTokenizer() if kind == "terms" else analyzer
            # No positions (phrase=False): queries are bags of terms, never phrases, and
            # positions made every posting bigger to write and to read.
            fields[text_field(kind, family)] = TEXT(analyzer=field_analyzer, field_boost=boost, phrase=False)
    return Schema(**fields)
