"""Load the sample directory in ``seed_data/`` (taxonomy, services, postcodes).

Idempotent: terms, services and their children are upserted by id, postcodes by postcode,
so seeding twice gives the same directory.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from .models import Taxonomy, TaxonomyTerm, TaxonomyTermTranslation
from .oruk.read import InvalidRecord, clean_text, upsert_service
from .postcodes import import_postcodes, open_postcode_file


@dataclass
class SeedSummary:
    terms: int = 0
    services: int = 0
    postcodes: int = 0


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


def load_services(session: Session, services: list[dict], source: str) -> int:
    for index, data in enumerate(services):
        upsert_service(session, data, path=f"{source}[{index}]")
    session.flush()
    return len(services)


def seed_directory(session: Session, seed_dir: Path, progress: Callable[[str], None] | None = None) -> SeedSummary:
    """Load everything in ``seed_dir`` in one transaction (the caller commits)."""
    summary = SeedSummary()
    summary.terms = load_taxonomy(session, json.loads((seed_dir / "taxonomy.json").read_text(encoding="utf-8")))
    for path in sorted((seed_dir / "services").glob("*.json")):
        summary.services += load_services(session, json.loads(path.read_text(encoding="utf-8")), path.name)
        if progress:
            progress(path.name)
    postcode_file = seed_dir / "postcodes.txt"
    if postcode_file.exists():
        with open_postcode_file(str(postcode_file)) as stream:
            summary.postcodes = import_postcodes(session, stream).rows
    return summary
