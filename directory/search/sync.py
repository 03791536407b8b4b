"""Keep the index in step with the database: rebuild it, or update it after each commit.

The database is the source of truth. ``IndexSync.install()`` listens to a session factory:
after every commit that touched a service (or anything hanging off one), those services
are re-read and re-indexed, so an edit is searchable well within a second.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Iterator

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session, lazyload, selectinload

from ..db import Database
from ..models import Attribute, Location, Service, ServiceAtLocation, TaxonomyTerm, TaxonomyTermTranslation
from .documents import TermCatalogue, documents_for_service
from .indexer import IndexMissing, IndexStore, RebuildSummary

log = logging.getLogger(__name__)
BATCH = 500

# What documents_for_service reads is eagerly loaded (the models' selectin defaults); what it
# never reads (organisation and its phones, contacts, phones, postal addresses, the terms'
# translations — the catalogue has those) is left to load lazily, so a rebuild issues 7
# fewer SELECTs per batch and builds far fewer objects. Reading them still works.
_INDEX_LOAD_OPTIONS = (
    lazyload(Service.organization), lazyload(Service.contacts), lazyload(Service.phones),
    selectinload(Service.service_at_locations).selectinload(ServiceAtLocation.location)
    .lazyload(Location.physical_addresses),
    selectinload(Service.attributes).selectinload(Attribute.taxonomy_term).lazyload(TaxonomyTerm.translations),
)


def load_catalogue(session: Session) -> TermCatalogue:
    return TermCatalogue.from_terms(list(session.scalars(select(TaxonomyTerm))))


def iter_service_documents(session: Session, catalogue: TermCatalogue,
                           service_ids: Iterable[str] | None = None) -> Iterator[tuple[str, list[dict]]]:
    """(service id, documents) for every service (or the given ones), in batches."""
    if service_ids is None:
        ids = list(session.scalars(select(Service.id).order_by(Service.id)))
    else:
        ids = list(service_ids)
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        found = {service.id: service for service in session.scalars(
            select(Service).where(Service.id.in_(chunk)).options(*_INDEX_LOAD_OPTIONS))}
        for service_id in chunk:
            service = found.get(service_id)
            yield service_id, documents_for_service(service, catalogue) if service is not None else []
        session.expunge_all()


def rebuild_index(database: Database, store: IndexStore, progress: Callable[[int], None] | None = None) -> RebuildSummary:
    with database.session() as session:
        catalogue = load_catalogue(session)
        return store.rebuild(iter_service_documents(session, catalogue), catalogue, progress)


def count_services(database: Database) -> int:
    with database.session() as session:
        return session.scalar(select(func.count()).select_from(Service))


class IndexSync:
    """Re-index the services a committed transaction changed."""

    def __init__(self, database: Database, store: IndexStore, on_update: Callable[[], None] | None = None):
        self.database = database
        self.store = store
        self.on_update = on_update
        self._pending = threading.local()

    def install(self) -> "IndexSync":
        factory = self.database.sessionmaker
        event.listen(factory, "after_flush", self._collect)
        event.listen(factory, "after_commit", self._apply)
        event.listen(factory, "after_rollback", self._forget)
        return self

    def _changes(self) -> dict:
        if not hasattr(self._pending, "changes"):
            self._forget(None)
        return self._pending.changes

    def _collect(self, session: Session, _context) -> None:
        changes = self._changes()
        for obj in [*session.new, *session.dirty, *session.deleted]:
            if isinstance(obj, Service):
                changes["services"].add(obj.id)
            elif isinstance(obj, (TaxonomyTerm, TaxonomyTermTranslation)):
                changes["taxonomy"] = True
            elif isinstance(obj, Location):
                changes["locations"].add(obj.id)
            service_id = getattr(obj, "service_id", None)
            if service_id:
                changes["services"].add(service_id)
            location = getattr(obj, "location_id", None)
            if location and not isinstance(obj, ServiceAtLocation):
                changes["locations"].add(location)

    def _forget(self, _session: Session | None) -> None:
        """Start this thread's change set afresh (after a commit is applied or a rollback)."""
        self._pending.changes = {"services": set(), "locations": set(), "taxonomy": False}

    def _apply(self, _session: Session) -> None:
        changes = self._changes()
        self._forget(_session)
        if not (changes["services"] or changes["locations"] or changes["taxonomy"]):
            return
        try:
            self.reindex(changes["services"], changes["locations"], changes["taxonomy"])
        except IndexMissing:
            log.info("no search index yet; changes will be picked up by `directory reindex`")
        except Exception:  # the commit stands: the database is the truth, a reindex repairs
            log.exception("incremental index update failed")

    def reindex(self, service_ids: set[str], location_ids: set[str] = frozenset(), taxonomy_changed: bool = False):
        """Re-read these services (and those at these locations) and replace their documents."""
        with Session(self.database.engine) as session:  # a plain session: no listeners, no recursion
            catalogue = load_catalogue(session)
            ids = set(service_ids)
            if location_ids:
                ids |= set(session.scalars(select(ServiceAtLocation.service_id)
                                           .where(ServiceAtLocation.location_id.in_(location_ids))))
            if taxonomy_changed:
                self.store.write_catalogue(catalogue)
            self.store.update(dict(iter_service_documents(session, catalogue, sorted(ids))))
        if self.on_update:
            self.on_update()
