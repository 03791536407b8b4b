"""The index on disk: full rebuilds swapped in atomically, incremental updates after commits.

Layout of the index folder::

    current -> gen-000001732540000000   (a symlink, replaced atomically by os.replace)
    gen-000001732540000000/             (a complete Whoosh index + catalogue.json + COMPLETE)
    gen-000001732549999999.building/    (a rebuild in progress; discarded if we died mid-way)

Searches open whatever ``current`` points at, so a rebuild never interrupts them; the
database stays the source of truth and the index can always be rebuilt from it.
"""
from __future__ import annotations

import itertools
import os
import pickle
import shutil
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.writing import PostingPool

from .documents import TermCatalogue
from .schema import SCHEMA_VERSION, build_schema

CURRENT = "current"
COMPLETE_MARKER = "COMPLETE"
CATALOGUE_FILE = "catalogue.json"
WRITER_TIMEOUT_S = 10.0
REBUILD_LIMIT_MB = 256
RUN_CHUNK = 8192


class ChunkedPostingPool(PostingPool):
    """Whoosh's posting pool with its sorted runs written and read in chunks.

    A rebuild larger than ``REBUILD_LIMIT_MB`` of postings (about 7,000 listings) spills
    sorted runs to disk and merges them. Whoosh pickles and unpickles every posting one by
    one from an unbuffered file, which cost about a sixth of a 10,000-listing rebuild; this
    pickles lists of ``RUN_CHUNK`` postings instead. The same postings come back in the
    same order, so the index written is the same. Memory stays bounded by the limit plus
    one chunk per run being merged.
    """

    def _write_run(self, f, items):
        items = iter(items)
        try:
            while True:
                chunk = list(itertools.islice(items, RUN_CHUNK))
                if not chunk:
                    break
                pickle.dump(chunk, f, pickle.HIGHEST_PROTOCOL)
        finally:
            f.close()

    def _read_run(self, path):
        f = self._open_run(path)
        try:
            while True:
                try:
                    chunk = pickle.load(f)
                except EOFError:
                    return
                yield from chunk
        finally:
            f.close()
            self._remove_run(path)


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
        self._write_lock = threading.RLock()

    # ---- reading ---------------------------------------------------------
    def current_path(self) -> Path | None:
        link = self.root / CURRENT
        try:
            target = self.root / os.readlink(link)
        except OSError:
            return None
        return target if (target / COMPLETE_MARKER).exists() else None

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
                progress: Callable[[int], None] | None = None) -> RebuildSummary:
        """Build a complete new generation beside the live one, then swap it in."""
        started = time.perf_counter()
        self.root.mkdir(parents=True, exist_ok=True)
        self.discard_unfinished()
        name = f"gen-{time.time_ns():020d}"
        building = self.root / f"{name}.building"
        building.mkdir()
        index = whoosh_index.create_in(str(building), build_schema())
        writer = index.writer(limitmb=REBUILD_LIMIT_MB)
        writer.pool = ChunkedPostingPool(writer._tempstorage, writer.newsegment, limitmb=REBUILD_LIMIT_MB)
        services = count = 0
        try:
            for _service_id, service_documents in documents:
                for document in service_documents:
                    writer.add_document(**document)
                    count += 1
                services += 1
                if progress:
                    progress(1)
            writer.commit(optimize=True)
        except BaseException:
            writer.cancel()
            shutil.rmtree(building, ignore_errors=True)
            raise
        (building / CATALOGUE_FILE).write_text(catalogue.to_json(), encoding="utf-8")
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
            index = self.open()
            writer = index.writer(timeout=WRITER_TIMEOUT_S)
            try:
                for service_id, service_documents in documents_by_service.items():
                    writer.delete_by_term("service_id", service_id)
                    for document in service_documents:
                        writer.add_document(**document)
                writer.commit()
            except BaseException:
                writer.cancel()
                raise

    def write_catalogue(self, catalogue: TermCatalogue) -> None:
        path = self.current_path()
        if path is not None:
            temporary = path / f"{CATALOGUE_FILE}.tmp"
            temporary.write_text(catalogue.to_json(), encoding="utf-8")
            os.replace(temporary, path / CATALOGUE_FILE)


__all__ = ["IndexMissing", "IndexStore", "RebuildSummary"]
