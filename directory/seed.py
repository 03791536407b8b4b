"""Load the fictional sample listings in ``seed_data/services/``.

The taxonomy and the postcode centroids are reference data that ``directory init`` loads
(directory.reference); seeding adds only the sample listings, loading the reference data
first when this database has never had it (a database migrated without ``init``).

Idempotent: services and their children are upserted by id, so seeding twice gives the
same directory.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from .oruk.read import upsert_service
from .reference import has_taxonomy, load_reference_data, load_taxonomy  # noqa: F401 (load_taxonomy re-exported)


@dataclass
class SeedSummary:
    services: int = 0
    terms: int = 0       # reference data loaded because it was missing (0 when init had loaded it)
    postcodes: int = 0


def load_services(session: Session, services: list[dict], source: str) -> int:
    for index, data in enumerate(services):
        upsert_service(session, data, path=f"{source}[{index}]")
    session.flush()
    return len(services)


def seed_directory(session: Session, seed_dir: Path, progress: Callable[[str], None] | None = None) -> SeedSummary:
    """Load the sample listings of ``seed_dir`` in one transaction (the caller commits)."""
    summary = SeedSummary()
    if not has_taxonomy(session, seed_dir):
        reference = load_reference_data(session, seed_dir)
        summary.terms, summary.postcodes = reference.terms, reference.postcodes
    for path in sorted((seed_dir / "services").glob("*.json")):
        summary.services += load_services(session, json.loads(path.read_text(encoding="utf-8")), path.name)
        if progress:
            progress(path.name)
    return summary
