"""Reference data every instance needs, sample listings or not: the multilingual taxonomy
and the postcode centroids in ``seed_data/``.

``directory init`` loads them after migrating, so a council that runs ``directory init``
then ``directory import`` gets categories named in every locale (cross-lingual search rests
on them: "યોગ", "joga" and "瑜伽" reach an English-only yoga class through the yoga term)
without the fictional listings of ``directory seed``.

Idempotent: terms are upserted by id (names, descriptions and synonyms replaced), postcodes
by postcode. Re-running it updates the taxonomy and never touches a listing: attributes
point at terms by id, and no term is deleted.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import Taxonomy, TaxonomyTerm, TaxonomyTermTranslation
from .oruk.read import InvalidRecord, clean_text
from .postcodes import import_postcodes, open_postcode_file

TAXONOMY_FILE = "taxonomy.json"
POSTCODE_FILE = "postcodes.txt"


@dataclass
class ReferenceSummary:
    terms: int = 0
    postcodes: int = 0


def _free_code(session: Session, code: str, term_id: str) -> None:
    """A term of another scheme (imported before this taxonomy knew the code) that holds
    ``code`` under another id gives it up: it keeps its id, listings and page under a
    de-duplicated code (``code-2``)."""
    holder = session.scalar(select(TaxonomyTerm).where(TaxonomyTerm.code == code, TaxonomyTerm.id != term_id))
    if holder is not None:
        from .taxonomy_matching import unique_code

        holder.code = unique_code(session, code, exclude={code})
        session.flush()


def load_taxonomy(session: Session, document: dict) -> int:
    """Upsert the taxonomy and its terms (parents resolved by code after all exist)."""
    taxonomy_data = document["taxonomy"]
    taxonomy = session.merge(Taxonomy(id=taxonomy_data["id"], name=taxonomy_data["name"],
                                      description=taxonomy_data.get("description"), uri=taxonomy_data.get("uri"),
                                      version=taxonomy_data.get("version")))
    ids_by_code = {term["code"]: term["id"] for term in document["terms"]}
    for term in document["terms"]:
        names = term.get("names") or {}
        if not names.get("en"):
            raise InvalidRecord(f"terms[{term['code']}].names.en", "is required")
        parent = term.get("parent")
        if parent and parent not in ids_by_code:
            raise InvalidRecord(f"terms[{term['code']}].parent", f"unknown parent code {parent!r}")
        existing = session.get(TaxonomyTerm, term["id"])
        if existing is not None:
            existing.translations.clear()
            session.flush()
        _free_code(session, term["code"], term["id"])
        session.merge(TaxonomyTerm(
            id=term["id"], code=term["code"], name=clean_text(names["en"]),
            description=clean_text((term.get("descriptions") or {}).get("en")),
            parent_id=ids_by_code.get(parent) if parent else None, taxonomy=taxonomy.name, taxonomy_id=taxonomy.id,
            language="en", icon=term.get("icon"),
            translations=[
                TaxonomyTermTranslation(
                    locale=locale, name=clean_text(name),
                    description=clean_text((term.get("descriptions") or {}).get(locale)),
                    synonyms=[clean_text(word) for word in (term.get("synonyms") or {}).get(locale, []) if clean_text(word)])
                for locale, name in names.items()
            ],
        ))
    session.flush()
    return len(document["terms"])


def read_taxonomy_file(folder: Path) -> dict:
    return json.loads((folder / TAXONOMY_FILE).read_text(encoding="utf-8"))


def has_taxonomy(session: Session, folder: Path) -> bool:
    """Whether the built-in taxonomy of ``folder`` has been loaded into this database."""
    taxonomy_id = read_taxonomy_file(folder)["taxonomy"]["id"]
    return session.get(Taxonomy, taxonomy_id) is not None


def load_reference_data(session: Session, folder: Path) -> ReferenceSummary:
    """Load (or update) the taxonomy and the postcode centroids of ``folder`` in the
    caller's transaction."""
    summary = ReferenceSummary(terms=load_taxonomy(session, read_taxonomy_file(folder)))
    postcode_file = folder / POSTCODE_FILE
    if postcode_file.exists():
        with open_postcode_file(str(postcode_file)) as stream:
            summary.postcodes = import_postcodes(session, stream).rows
    return summary


__all__ = ["ReferenceSummary", "has_taxonomy", "load_reference_data", "load_taxonomy", "read_taxonomy_file"]
