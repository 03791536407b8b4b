"""A listing's ORUK JSON, shaped once per listing version and served from memory.

Why: at 50,000 listings four fifths of an API search went after the engine had answered,
on loading twenty services through the ORM and shaping them (issue 19). The ORUK object of a
service (``publish.service_summary``, or ``publish.service`` with ``full``) is the same for
every client of a locale until the listing changes: it is kept per (listing, index version,
locale, full, taxonomy catalogue) — a taxonomy edit renames the terms a full service
carries. A search whose hits are all kept touches no database at all.

What the change log does not record (an organisation's own details, shown in a full
service) is picked up within ``MAX_AGE``: each object is rebuilt at least that often.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from flask import current_app
from sqlalchemy.orm import Session

from ...discovery import load_result_services
from ...oruk import publish
from ...search import SearchHit
from ..prepared import ListingVersionCache

MAX_AGE = dt.timedelta(seconds=60)
PREPARED_SIZE = 20_000  # objects per process (~1–4 KB each)


@dataclass(frozen=True)
class PreparedService:
    data: dict                # never changed once made: callers copy it before adding to it
    valid_until: dt.datetime  # read by ListingVersionCache


def published(service, locale: str | None, full: bool) -> dict:
    return publish.service(service, locale) if full else publish.service_summary(service, locale)


def _cache() -> ListingVersionCache:
    cache = current_app.extensions.get("directory.api_services")
    if cache is None:
        cache = current_app.extensions["directory.api_services"] = ListingVersionCache(PREPARED_SIZE)
    return cache


def published_services(session: Session, hits: list[SearchHit], locale: str | None, full: bool,
                       catalogue_stamp) -> list[tuple[SearchHit, dict]]:
    """(hit, ORUK object) for each hit whose listing still exists, in the hits' order; only
    the listings not already prepared for their current version are loaded."""
    cache, now = _cache(), dt.datetime.now()
    variant = (locale, full, catalogue_stamp)
    prepared = {hit.service_id: cache.get(hit.service_id, hit.version, variant, now) for hit in hits}
    missing = [hit for hit in hits if prepared[hit.service_id] is None]
    if missing:
        services = load_result_services(session, [hit.service_id for hit in missing], summary_only=not full)
        for hit in missing:
            service = services.get(hit.service_id)
            if service is not None:
                prepared[hit.service_id] = PreparedService(published(service, locale, full), now + MAX_AGE)
                cache.put(hit.service_id, hit.version, variant, prepared[hit.service_id])
    return [(hit, prepared[hit.service_id].data) for hit in hits if prepared[hit.service_id] is not None]


__all__ = ["published", "published_services"]
