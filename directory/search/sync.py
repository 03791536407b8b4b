"""Keep the index in step with the database: rebuild it, or apply the change log.

The database is the source of truth. Every commit that touches a service (or anything
hanging off one) appends to the change log (``directory.changelog``); ``IndexSync``
applies the log to this node's index (``applier.py``), at once after a commit in this
process and within ``POLL_S`` for commits made by other processes or nodes.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator

from sqlalchemy import func, select
from sqlalchemy.orm import Session, lazyload, selectinload

from ..changelog import latest_seq
from ..changelog_pruning import PruningPolicy
from ..db import Database
from ..models import Attribute, Location, Service, ServiceAtLocation, TaxonomyTerm
from .applier import POLL_S, IndexApplier, index_health
from .documents import TermCatalogue, documents_for_service
from .indexer import IndexStore, RebuildSummary
from .rebuild_shares import HELPER_START_LISTINGS, ShareHelpers, processes_for, split_shares

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


def rebuild_index(database: Database, store: IndexStore, progress: Callable[[int], None] | None = None,
                  wait: bool = True) -> RebuildSummary | None:
    """Build a new generation from the database and swap it in.

    The change log's latest seq is read *before* the services, and recorded in the new
    generation: every change up to it is in what we read, anything later is applied again
    by the applier after the swap (re-applying is idempotent). The rebuild lock tells a
    starting node that this ``.building`` folder is alive; with ``wait=False`` a rebuild
    already running elsewhere makes this return None instead of queueing behind it."""
    with store.rebuild_lock(blocking=wait) as locked:
        if not locked:
            return None
        with database.session() as session:
            applied_seq = latest_seq(session)
            catalogue = load_catalogue(session)
            ids = list(session.scalars(select(Service.id).order_by(Service.id)))
            first, *others = split_shares(ids, processes_for(len(ids), database.url), HELPER_START_LISTINGS)

            def other_shares(index_dir):
                return ShareHelpers(database.url, index_dir, others, catalogue.to_json(), applied_seq)

            return store.rebuild(iter_service_documents(session, catalogue, first), catalogue, progress,
                                 applied_seq=applied_seq, other_shares=other_shares if others else None)


def count_services(database: Database) -> int:
    with database.session() as session:
        return session.scalar(select(func.count()).select_from(Service))


class IndexSync:
    """Keep one index folder in step with a database: after every commit that logged a
    change the applier runs (here, if this process may write), and ``follow()`` starts the
    background applier that also picks up other processes' and nodes' changes."""

    def __init__(self, database: Database, store: IndexStore, on_update: Callable[[], None] | None = None,
                 poll: float = POLL_S, pruning: PruningPolicy | None = None):
        self.database = database
        self.store = store
        self.applier = IndexApplier(database, store, on_update=on_update, poll=poll, pruning=pruning)

    def install(self) -> "IndexSync":
        self.database.changes.subscribe(self.applier.after_commit)
        return self

    def follow(self) -> None:
        """Start the background applier (once per process; usable as a before_request hook)."""
        self.applier.follow()

    def stop(self) -> None:
        self.applier.stop()

    def health(self) -> dict:
        return index_health(self.database, self.store, self.applier)
