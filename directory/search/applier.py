"""Apply the change log to one index folder: exactly one writer per folder, on any node.

Every change to a listing is appended to ``change_log`` in its own transaction
(``directory.changelog``). Each index generation records the last seq it contains
(``applied_seq``); the applier reads the rows after it, re-reads those services from the
database, replaces their documents and records the new seq. Re-applying a row is harmless
(the database is re-read, not the row replayed), so anything that crashes between the
Whoosh commit and the seq being written is simply applied again.

Who writes: whoever holds an exclusive ``flock`` on ``writer.lock`` in the index folder.
A process that follows the log (``follow()``: web workers, ``directory sync-index``) keeps
trying to take it every ``poll`` seconds, so when the writer dies (the kernel drops its
lock) another takes over. A process that does not follow takes the lock just for one pass
after each of its own commits — the single-process default, where an edit is searchable as
soon as its commit returns. Readers never need the lock: ``SearchEngine`` reopens its
searcher when ``current`` or the Whoosh generation changes.
"""
from __future__ import annotations

import fcntl
import logging
import os
import threading
import time
from collections.abc import Callable
from contextlib import contextmanager

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..changelog import changes_after, latest_seq
from ..changelog_pruning import (PRUNE_EVERY_S, REPORT_EVERY_S, PruningPolicy, node_name, prune_change_log,
                                 pruned_through, report_applied)
from ..db import Database
from ..models import Service, ServiceAtLocation
from .indexer import WRITER_LOCK_FILE, IndexMissing, IndexStore

log = logging.getLogger(__name__)
POLL_S = 0.25          # how often a follower looks for other processes' changes
MAX_BACKOFF_S = 5.0    # after a failed pass (disk full, database down), retry at most this slowly
LOG_BATCH = 2000       # change-log rows applied per Whoosh commit


class WriterLock:
    """An exclusive, non-blocking flock on ``writer.lock`` in the index folder.

    flock belongs to the open file description, so it is released when the holder dies
    (even by SIGKILL), and a second open() in the same process conflicts as another process
    would. After a fork the child must not trust the descriptor it inherited (it shares
    the parent's lock), so the holder's pid is checked."""

    def __init__(self, root):
        self.path = os.path.join(root, WRITER_LOCK_FILE)
        self._fd: int | None = None
        self._pid: int | None = None

    @property
    def held(self) -> bool:
        if self._fd is not None and self._pid != os.getpid():
            os.close(self._fd)  # the parent's lock: closing our copy leaves it with the parent
            self._fd = self._pid = None
        if self._fd is not None and not self._still_the_lock_file():
            os.close(self._fd)  # the folder was deleted or replaced: our lock guards nothing now
            self._fd = self._pid = None
        return self._fd is not None

    def _still_the_lock_file(self) -> bool:
        try:
            on_disk, ours = os.stat(self.path), os.fstat(self._fd)
        except OSError:
            return False
        return (on_disk.st_dev, on_disk.st_ino) == (ours.st_dev, ours.st_ino)

    def acquire(self) -> bool:
        if self.held:
            return True
        try:
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            fd = os.open(self.path, os.O_CREAT | os.O_RDWR, 0o644)
        except OSError as error:
            log.warning("cannot open the index writer lock %s: %s", self.path, error)
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self._fd, self._pid = fd, os.getpid()
        return True

    def release(self) -> None:
        if self.held:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = self._pid = None


class IndexApplier:
    """Keeps one index folder in step with the change log."""

    def __init__(self, database: Database, store: IndexStore, on_update: Callable[[], None] | None = None,
                 poll: float = POLL_S, pruning: PruningPolicy | None = None):
        self.database = database
        self.store = store
        self.on_update = on_update
        self.poll = poll
        self.pruning = pruning or PruningPolicy()
        self.node = node_name(store.root)
        self._reported: tuple[int | None, float] = (None, 0.0)  # (seq, monotonic time) last reported
        self._pruned_at: float | None = None  # monotonic time of the last pruning; None: not yet
        self.lock = WriterLock(store.root)
        self.last_error: str | None = None
        self._pass = threading.Lock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._thread_pid: int | None = None

    # ---- one pass --------------------------------------------------------
    def apply_pending(self) -> bool:
        """Apply everything logged since the index's seq, if this process may write.
        Returns False when another process is the writer. Raises IndexMissing or the
        error that stopped the pass (the seq is then left where it was)."""
        with self._pass, self._writing() as writer:
            if not writer:
                return False
            self._catch_up()
            return True

    def after_commit(self) -> None:
        """Called after each commit that logged a change: index it now if we are (or can
        briefly be) the writer; a failure is logged, never raised into the committing code."""
        if self.following:
            self._wake.set()
        try:
            self.apply_pending()
        except IndexMissing:
            log.info("no search index yet; changes will be picked up by `directory reindex`")
        except Exception as error:  # the commit stands: the database is the truth
            self.last_error = f"{type(error).__name__}: {error}"
            log.exception("applying the change log to %s failed", self.store.root)

    @contextmanager
    def _writing(self):
        """The writer lock for one pass: ours if we hold it; else, when not following,
        taken for the pass only (a follower takes it in its own loop, where it recovers)."""
        if self.lock.held or self.following:
            yield self.lock.held
            return
        taken = self.lock.acquire()
        try:
            yield taken
        finally:
            if taken:
                self.lock.release()

    def _catch_up(self) -> None:
        from .sync import iter_service_documents, load_catalogue, rebuild_index

        while True:
            path = self.store.current_path()
            if path is None:
                raise IndexMissing(f"no search index in {self.store.root}")
            applied = self.store.applied_seq(path)
            with Session(self.database.engine) as session:  # a plain session: no change-log listeners
                latest = latest_seq(session)
                if applied > latest or applied < pruned_through(session):
                    # The log is behind the index (the database was restored or replaced), or
                    # the rows this index still needed were pruned while this node was away:
                    # nothing in the log can say what changed, so rebuild from the database.
                    log.warning("index at seq %s, change log %s..%s: rebuilding", applied,
                                pruned_through(session), latest)
                    session.close()
                    rebuild_index(self.database, self.store)
                    self._updated()
                    return
                if applied == latest:
                    self.last_error = None
                    self._report_and_prune(session, applied)
                    return
                changes, last = changes_after(session, applied, LOG_BATCH)
                service_ids = set(changes.services)
                if changes.locations:
                    service_ids |= set(session.scalars(select(ServiceAtLocation.service_id).where(
                        ServiceAtLocation.location_id.in_(changes.locations))))
                catalogue = load_catalogue(session)
                documents = dict(iter_service_documents(session, catalogue, sorted(service_ids)))
            self.store.apply(path, documents, catalogue if changes.taxonomy else None, last)
            self._updated()

    def _report_and_prune(self, session: Session, applied: int) -> None:
        """Tell the database how far this index is (when it moved, or once a minute), and
        prune the change log once an hour (``directory.changelog_pruning``). A failure here
        (a read-only database user, say) is logged: it must never stop the index following."""
        now = time.monotonic()
        try:
            if self._reported[0] != applied or now - self._reported[1] >= REPORT_EVERY_S:
                report_applied(session, self.node, applied)
                self._reported = (applied, now)
            if self._pruned_at is None or now - self._pruned_at >= PRUNE_EVERY_S:
                self._pruned_at = now
                deleted = prune_change_log(session, self.pruning)
                if deleted:
                    log.info("pruned %s change-log rows every index has applied", deleted)
        except Exception:
            session.rollback()
            log.warning("could not report this index's progress or prune the change log", exc_info=True)

    def _updated(self) -> None:
        if self.on_update:
            self.on_update()

    # ---- following -------------------------------------------------------
    @property
    def following(self) -> bool:
        return self._thread is not None and self._thread_pid == os.getpid() and self._thread.is_alive()

    def follow(self) -> "IndexApplier":
        """Start (once per process) a daemon thread that takes the writer lock when it is
        free and then applies every change any process logs within ``poll`` seconds."""
        if not self.following:
            self._stop.clear()
            self._thread_pid = os.getpid()
            self._thread = threading.Thread(target=self.run, name=f"index-applier:{self.store.root}", daemon=True)
            self._thread.start()
        return self

    def request_stop(self) -> None:
        """Ask the loop to end after its current pass (safe from a signal handler)."""
        self._stop.set()
        self._wake.set()

    def stop(self, timeout: float = 5.0) -> None:
        self.request_stop()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)
        self._thread = None
        with self._pass:
            self.lock.release()

    def run(self, until: Callable[[], bool] | None = None) -> None:
        """The follower's loop (also ``directory sync-index`` in the foreground)."""
        warm_up_analysis()
        delay = self.poll
        while not self._stop.is_set() and not (until and until()):
            was_writer = self.lock.held
            if was_writer or self.lock.acquire():
                if not was_writer:
                    log.info("pid %s is now the index writer for %s", os.getpid(), self.store.root)
                    self.recover()
                delay = self._follow_pass(delay)
            self._wake.wait(delay)
            self._wake.clear()

    def sync_once(self) -> bool:
        """One follower pass in the foreground: take the lock, recover, catch up (or build a
        missing index). False when another process is the writer."""
        if not self.lock.acquire():
            return False
        self.recover()
        self._follow_pass(self.poll)
        return True

    def _follow_pass(self, delay: float) -> float:
        try:
            self.apply_pending()
        except IndexMissing:
            try:
                self._build_missing()
            except Exception as error:
                return self._failed(error, delay, "building the missing search index in")
        except Exception as error:  # disk full, database down: keep the seq, retry slower
            return self._failed(error, delay, "applying the change log to")
        return self.poll

    def _failed(self, error: Exception, delay: float, doing: str) -> float:
        """Log a failure once (not every retry) and back off."""
        message = f"{type(error).__name__}: {error}"
        if message != self.last_error:
            log.error("%s %s failed; will retry", doing, self.store.root, exc_info=error)
        self.last_error = message
        return min(max(delay, self.poll) * 2, MAX_BACKOFF_S)

    def recover(self) -> list:
        """On becoming the writer: remove rebuilds that died half-way (unless a rebuild is
        running right now), then catch up from the index's seq (done by the next pass)."""
        with self.store.rebuild_lock(blocking=False) as free:
            removed = self.store.discard_unfinished() if free else []
        for path in removed:
            log.warning("discarded the unfinished index build %s", path.name)
        return removed

    def _build_missing(self) -> None:
        from .sync import rebuild_index

        if self.store.exists():
            return
        summary = rebuild_index(self.database, self.store, wait=False)
        if summary is not None:
            log.info("built the missing search index: %s services", summary.services)
            self.last_error = None
            self._updated()


def warm_up_analysis() -> None:
    """Load every language's analyser (the Polish stemmer's tables, jieba's dictionary)
    before taking the writer lock: loaded lazily, they would make the first edit a new
    writer applies wait several seconds."""
    from ..longlived import freeze_long_lived
    from .analysis import warm_up

    try:
        warm_up()
        freeze_long_lived()
    except Exception:  # a failure here will recur, and be reported, when a document needs it
        log.warning("could not load the analysers ahead of time", exc_info=True)


# ---- health -------------------------------------------------------------
def index_health(database: Database, store: IndexStore, applier: IndexApplier | None = None) -> dict:
    """What ``/healthz`` reports: the database, the change log, this node's index. No
    personal data: counts, sequence numbers and timings only."""
    report: dict = {"database": {"reachable": False}, "index": _index_facts(store)}
    started = time.perf_counter()
    try:
        with Session(database.engine) as session:
            latest = latest_seq(session)
            active = session.scalar(select(func.count()).select_from(Service)
                                    .where(Service.listing_status != "closed"))
        report["database"] = {"reachable": True, "latency_ms": round((time.perf_counter() - started) * 1000, 1),
                              "latest_seq": latest, "active_listings": active}
        applied = report["index"].get("applied_seq")
        report["lag"] = None if applied is None else max(latest - applied, 0)
        report["in_step"] = report["lag"] == 0 and report["index"].get("listings") == active
    except Exception as error:  # reported, not raised: this is what health checks are for
        report["database"]["error"] = type(error).__name__
    if applier is not None:
        report["index"]["writer_here"] = applier.lock.held
        report["index"]["following"] = applier.following
        if applier.last_error:
            report["index"]["last_error"] = applier.last_error
    report["ok"] = report["database"]["reachable"]
    return report


_LISTING_COUNTS: dict = {}


def _index_facts(store: IndexStore) -> dict:
    path = store.current_path()
    if path is None:
        return {"exists": False, "applied_seq": None}
    facts = {"exists": True, "generation": path.name, "applied_seq": store.applied_seq(path)}
    try:
        index = store.open()
        key = (str(path), index.latest_generation())
        if key not in _LISTING_COUNTS:
            with index.searcher() as searcher:
                reader = searcher.reader()
                listings = {fields["service_id"] for _docnum, fields in reader.iter_docs()}
                _LISTING_COUNTS.clear()  # one entry per process is enough: it is the live index
                _LISTING_COUNTS[key] = (reader.doc_count(), len(listings))
        facts["documents"], facts["listings"] = _LISTING_COUNTS[key]
    except Exception as error:
        facts["error"] = type(error).__name__
    return facts


__all__ = ["IndexApplier", "WriterLock", "index_health"]
