"""The index on disk: full rebuilds swapped in atomically, incremental updates after commits.

Layout of the index folder::

    current -> gen-000001732540000000   (a symlink, replaced atomically by os.replace)
    gen-000001732540000000/             (a complete Whoosh index + catalogue.json + COMPLETE)
    gen-000001732549999999.building/    (a rebuild in progress; discarded if we died mid-way)
    writer.lock, rebuild.lock           (flocks: the change-log applier; a running rebuild)

Each generation's ``applied_seq`` file names the last change-log seq it contains
(``applier.py`` applies the rest).

Searches open whatever ``current`` points at, so a rebuild never interrupts them; the
database stays the source of truth and the index can always be rebuilt from it.
"""
from __future__ import annotations

import fcntl
import gc
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from whoosh import index as whoosh_index

from .bulk_writer import BulkSegmentWriter
from .documents import TermCatalogue
from .rebuild_shares import ShareHelpers
from .schema import SCHEMA_VERSION, build_schema

CURRENT = "current"
COMPLETE_MARKER = "COMPLETE"
CATALOGUE_FILE = "catalogue.json"
APPLIED_SEQ_FILE = "applied_seq"   # the last change-log seq this generation contains
WRITER_LOCK_FILE = "writer.lock"   # flock: the one process applying the change log here
REBUILD_LOCK_FILE = "rebuild.lock"  # flock: held by a running rebuild (its .building is live)
WRITER_TIMEOUT_S = 10.0


class IndexMissing(RuntimeError):
    """No complete index yet: run ``directory reindex``."""


@dataclass
class RebuildSummary:
    services: int
    documents: int
    seconds: float
    path: Path


class IndexStore:
    """Owns one index folder. Thread-safe for one process; one writer at a time."""

    def __init__(self, root: str | os.PathLike):
        self.root = Path(root)
        self._link = str(self.root / CURRENT)
        self._complete: dict[str, Path] = {}  # readlink(current) -> a generation found complete
        self._write_lock = threading.RLock()

    # ---- reading ---------------------------------------------------------
    def current_path(self) -> Path | None:
        """The generation ``current`` points at, if it is complete. Asked several times a
        request: a generation found complete is remembered (it never becomes incomplete),
        so only the link is read again."""
        try:
            name = os.readlink(self._link)
        except OSError:
            return None
        target = self._complete.get(name)
        if target is None:
            target = self.root / name
            if not (target / COMPLETE_MARKER).exists():
                return None
            self._complete[name] = target
        return target

    def exists(self) -> bool:
        return self.current_path() is not None

    def open(self):
        path = self.current_path()
        if path is None:
            raise IndexMissing(f"no search index in {self.root}; run `directory reindex`")
        return whoosh_index.open_dir(str(path))

    def catalogue(self) -> TermCatalogue:
        path = self.current_path()
        if path is None:
            raise IndexMissing(f"no search index in {self.root}")
        return TermCatalogue.from_json((path / CATALOGUE_FILE).read_text(encoding="utf-8"))

    def catalogue_stamp(self) -> tuple | None:
        """Changes whenever the catalogue file is replaced (cheap to poll per search)."""
        path = self.current_path()
        try:
            stat = (path / CATALOGUE_FILE).stat() if path else None
        except OSError:
            return None
        return (str(path), stat.st_mtime_ns, stat.st_size) if stat else None

    # ---- full rebuild ----------------------------------------------------
    def discard_unfinished(self) -> list[Path]:
        """Remove builds that never completed (a reindex killed half-way)."""
        removed = []
        if self.root.exists():
            for path in self.root.glob("gen-*"):
                if path.is_dir() and (path.suffix == ".building" or not (path / COMPLETE_MARKER).exists()):
                    shutil.rmtree(path, ignore_errors=True)
                    removed.append(path)
        return removed

    def rebuild(self, documents: Iterable[tuple[str, list[dict]]], catalogue: TermCatalogue,
                progress: Callable[[int], None] | None = None, applied_seq: int | None = None,
                other_shares: Callable[[Path], ShareHelpers] | None = None) -> RebuildSummary:
        """Build a complete new generation beside the live one, then swap it in.

        ``applied_seq`` is the change log's latest seq when reading the database began: the
        generation contains at least that, and the applier continues from there.
        ``other_shares``, given the folder being built, starts the processes writing the
        listings that follow ``documents`` (rebuild_shares.py); their segments come after
        this process's own in the new generation."""
        started = time.perf_counter()
        self.root.mkdir(parents=True, exist_ok=True)
        self.discard_unfinished()
        name = f"gen-{time.time_ns():020d}"
        building = self.root / f"{name}.building"
        building.mkdir()
        writer = BulkSegmentWriter(whoosh_index.create_in(str(building), build_schema()))
        helpers = None
        collecting = gc.isenabled()
        gc.disable()  # millions of gathered postings made each cyclic collection slower (~15% of a build)
        try:
            helpers = other_shares(building) if other_shares else None
            services, count = writer.add_listings(documents, applied_seq, progress)
            segments = [writer.finish_segment()]  # while the helpers finish theirs
            for listings, written, segment in helpers.results() if helpers else ():
                services += listings
                count += written
                segments.append(segment)
                if progress:
                    progress(listings)
            writer.commit_segments(segments)
        except BaseException:
            if helpers:
                helpers.close()  # before their folder goes
            if not writer.is_closed:
                writer.cancel()
            shutil.rmtree(building, ignore_errors=True)
            raise
        finally:
            if helpers:
                helpers.close()
            if collecting:
                gc.enable()
        (building / CATALOGUE_FILE).write_text(catalogue.to_json(), encoding="utf-8")
        if applied_seq is not None:
            (building / APPLIED_SEQ_FILE).write_text(f"{applied_seq}\n", encoding="ascii")
        (building / COMPLETE_MARKER).write_text(f"schema {SCHEMA_VERSION}\n", encoding="utf-8")
        final = self.root / name
        os.rename(building, final)
        with self._write_lock:
            self._swap_current(name)
        self._remove_old_generations(keep={name})
        return RebuildSummary(services, count, time.perf_counter() - started, final)

    def _swap_current(self, name: str) -> None:
        temporary = self.root / f".current-{os.getpid()}-{threading.get_ident()}"
        if temporary.is_symlink() or temporary.exists():
            temporary.unlink()
        os.symlink(name, temporary)
        os.replace(temporary, self.root / CURRENT)  # atomic on POSIX: readers see old or new

    def _remove_old_generations(self, keep: set[str]) -> None:
        """Keep the newest previous generation too: a searcher opened just before the swap
        may still be reading its files."""
        generations = sorted(p for p in self.root.glob("gen-*") if p.is_dir() and p.suffix != ".building")
        for path in generations[:-2]:
            if path.name not in keep:
                shutil.rmtree(path, ignore_errors=True)

    # ---- incremental -----------------------------------------------------
    def update(self, documents_by_service: dict[str, list[dict]]) -> None:
        """Replace the documents of these services (an empty list deletes them)."""
        if not documents_by_service:
            return
        with self._write_lock:
            _replace_documents(self.open(), documents_by_service)

    def applied_seq(self, path: Path | None = None) -> int | None:
        """The last change-log seq the generation at ``path`` (default: current) contains;
        0 for an index built before the change log existed, None when there is no index."""
        path = path or self.current_path()
        if path is None:
            return None
        try:
            return int((path / APPLIED_SEQ_FILE).read_text(encoding="ascii").strip() or 0)
        except (OSError, ValueError):
            return 0

    def apply(self, path: Path, documents_by_service: dict[str, list[dict]], catalogue: TermCatalogue | None,
              applied_seq: int) -> None:
        """Update the generation at ``path`` (not whatever is current by now: a rebuild may
        have swapped in a newer one, which carries its own seq) and record ``applied_seq``.

        The seq is written after the Whoosh commit with os.replace, so a crash in between
        leaves the documents ahead of the seq, never behind: re-applying is idempotent."""
        with self._write_lock:
            if documents_by_service:
                _replace_documents(whoosh_index.open_dir(str(path)), documents_by_service, version=applied_seq)
            if catalogue is not None:
                _replace_file(path / CATALOGUE_FILE, catalogue.to_json())
            _replace_file(path / APPLIED_SEQ_FILE, f"{applied_seq}\n")

    @contextmanager
    def rebuild_lock(self, blocking: bool = True):
        """Held for the whole of a rebuild, so a start-up clean-up never deletes the
        ``.building`` folder of a rebuild that is still running. Yields False when not
        blocking and another process holds it. A killed rebuild releases it (flock)."""
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / REBUILD_LOCK_FILE, "a") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
            except BlockingIOError:
                yield False
                return
            try:
                yield True
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def write_catalogue(self, catalogue: TermCatalogue) -> None:
        path = self.current_path()
        if path is not None:
            temporary = path / f"{CATALOGUE_FILE}.tmp"
            temporary.write_text(catalogue.to_json(), encoding="utf-8")
            os.replace(temporary, path / CATALOGUE_FILE)


def _replace_documents(index, documents_by_service: dict[str, list[dict]], version: int | None = None) -> None:
    """One Whoosh commit replacing every document of these services (an empty list deletes).

    Fields the generation's schema lacks are dropped: a generation built by an older
    release (before ``version``, say) keeps taking updates until the next rebuild."""
    writer = index.writer(timeout=WRITER_TIMEOUT_S)
    known = set(index.schema.names())
    try:
        for service_id, service_documents in documents_by_service.items():
            writer.delete_by_term("service_id", service_id)
            for document in service_documents:
                fields = dict(document, version=version)
                writer.add_document(**{name: value for name, value in fields.items() if name in known})
        writer.commit()
    except BaseException:
        writer.cancel()
        raise


def _replace_file(path: Path, content: str) -> None:
    temporary = path.with_name(f"{path.name}.tmp-{os.getpid()}-{threading.get_ident()}")
    try:
        temporary.write_text(content, encoding="utf-8")
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


__all__ = ["IndexMissing", "IndexStore", "RebuildSummary"]
