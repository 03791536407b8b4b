"""A full rebuild shared between processes: each writes one contiguous share of the listings.

Why: a rebuild is bound by one core (reading the database, making documents, analysing text
and encoding postings are all Python), and the machines this runs on have two or more. Each
helper process reads its own share of the listings from the database and writes it as one
Whoosh segment into the generation being built; the process that started the rebuild writes
the first share itself and then lists every segment, in share order, in the index's table of
contents. Because the shares are contiguous runs of the id order a one-process rebuild walks,
every document keeps the number it would have had there, so hits, scores and ties are the same.

A helper is a fresh interpreter (``python -m directory.search.rebuild_shares JOB``), never a
fork: the process asking for a rebuild may be a server running threads (a node that fell
behind rebuilds by itself), and a forked copy of a threaded process can deadlock. Nor is it
multiprocessing's "spawn", which runs the parent's main script again in the child: a script
without a ``__main__`` guard would rebuild again there. Its start (interpreter, imports,
analysers) costs about a second, so small directories are rebuilt in one process and the
first share, written while the helpers start, is the larger.
"""
from __future__ import annotations

import gc
import os
import pickle
import shutil
import site
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Iterator, Sequence
from pathlib import Path

from sqlalchemy.engine import make_url

PARALLEL_MIN_LISTINGS = 4_000  # below this a helper's start costs more than it saves
MAX_PROCESSES = 4
PROCESSES_ENV = "DIRECTORY_REBUILD_PROCESSES"  # 1: always one process; N: N processes
HELPER_START_LISTINGS = 1_500  # about what one process writes while a helper starts
_PACKAGE_ROOT = Path(__file__).resolve().parents[2]  # the folder holding the ``directory`` package


class RebuildShareFailed(RuntimeError):
    """A helper process could not write its share (its own error is in the message)."""


def processes_for(listings: int, database_url: str) -> int:
    """How many processes should share a rebuild of ``listings`` listings."""
    if not _reachable_from_another_process(database_url):
        return 1
    configured = os.environ.get(PROCESSES_ENV, "").strip()
    if configured.isdigit() and int(configured) > 0:
        return int(configured)
    if listings < PARALLEL_MIN_LISTINGS:
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(cores, MAX_PROCESSES))


def _reachable_from_another_process(database_url: str) -> bool:
    """An in-memory SQLite database exists only inside the process that opened it."""
    url = make_url(database_url)
    return not (url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:"))


def split_shares(service_ids: Sequence[str], processes: int, first_extra: int = 0) -> list[list[str]]:
    """Contiguous runs of the id order, one per process (never an empty one); the first,
    written where the rebuild started, is up to ``first_extra`` listings longer than the rest
    (never so much longer that a helper is left less than half of an even share)."""
    if processes <= 1 or not service_ids:
        return [list(service_ids)]
    first_extra = min(first_extra, len(service_ids) // (2 * processes))
    size, extra = divmod(len(service_ids) - first_extra, processes)
    shares, start = [], 0
    for number in range(processes):
        end = start + size + (1 if number < extra else 0) + (first_extra if number == 0 else 0)
        if end > start:
            shares.append(list(service_ids[start:end]))
        start = end
    return shares


class ShareHelpers:
    """The helper processes writing every share but the first into ``index_dir``."""

    def __init__(self, database_url: str, index_dir: Path, shares: list[list[str]], catalogue_json: str,
                 applied_seq: int | None):
        self._folder = Path(tempfile.mkdtemp(prefix="rebuild-shares-"))
        environment = _environment_finding_this_package()
        self._helpers = []
        try:
            for number, share in enumerate(shares):
                job = self._folder / f"share-{number}.job"
                job.write_bytes(pickle.dumps({"database_url": database_url, "index_dir": str(index_dir),
                                              "service_ids": share, "catalogue_json": catalogue_json,
                                              "applied_seq": applied_seq}))
                errors = open(self._folder / f"share-{number}.errors", "w+b")
                process = subprocess.Popen([sys.executable, "-m", __name__, str(job)], env=environment,
                                           stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=errors)
                self._helpers.append((len(share), job, process, errors))
        except BaseException:
            self.close()
            raise

    def results(self) -> Iterator[tuple[int, int, object]]:
        """(listings, documents, segment) per share, in share order; raises if a helper failed."""
        for listings, job, process, errors in self._helpers:
            if process.wait() != 0:
                errors.seek(0)
                lines = errors.read().decode("utf-8", "replace").strip().splitlines()
                raise RebuildShareFailed(f"a rebuild helper (exit {process.returncode}) failed: "
                                         f"{lines[-1] if lines else 'no message'}")
            documents, segment = pickle.loads(job.with_suffix(".result").read_bytes())
            yield listings, documents, segment

    def close(self) -> None:
        """Stop any helper still running (the rebuild failed elsewhere) and remove the jobs."""
        for _listings, _job, process, errors in self._helpers:
            if process.poll() is None:
                process.kill()
                process.wait()
            errors.close()
        self._helpers = []
        shutil.rmtree(self._folder, ignore_errors=True)


def _environment_finding_this_package() -> dict[str, str]:
    """The environment for a helper, with this package's folder on its path when the parent
    found it elsewhere than site-packages (a checkout run in place, a script's sys.path):
    the helper must run the same code. Site-packages itself is never put there, ahead of the
    standard library."""
    environment = dict(os.environ)
    folders = [*getattr(site, "getsitepackages", list)(), getattr(site, "getusersitepackages", str)()]
    installed = {Path(folder).resolve() for folder in folders if folder}
    if _PACKAGE_ROOT not in installed:
        environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(_PACKAGE_ROOT), os.environ.get("PYTHONPATH")]))
    return environment


def write_share(database_url: str, index_dir: str, service_ids: list[str], catalogue_json: str,
                applied_seq: int | None):
    """Write the documents of ``service_ids`` as one segment of the index being built at
    ``index_dir``: (documents written, the segment) for the writer that lists it."""
    from whoosh import index as whoosh_index

    from ..db import Database
    from .bulk_writer import BulkSegmentWriter
    from .documents import TermCatalogue
    from .sync import iter_service_documents

    database = Database(database_url)
    catalogue = TermCatalogue.from_json(catalogue_json)
    writer = BulkSegmentWriter(whoosh_index.open_dir(index_dir), _lk=False)
    gc.disable()  # as in the rebuilding process: gathered postings only make collections slower
    try:
        with database.session() as session:
            _listings, count = writer.add_listings(iter_service_documents(session, catalogue, service_ids),
                                                   applied_seq)
        # On an error nothing is cleaned here: the rebuilding process removes the whole folder.
        return count, writer.finish_segment()
    finally:
        database.engine.dispose()


def _main(job_path: str) -> int:
    job = Path(job_path)
    try:
        result = write_share(**pickle.loads(job.read_bytes()))
    except Exception as error:
        traceback.print_exc()
        # The last line is what the rebuilding process reports: the error, not a footnote.
        first_line = (str(error).strip().splitlines() or [""])[0]
        print(f"{type(error).__name__}: {first_line}", file=sys.stderr)
        return 1
    job.with_suffix(".result").write_bytes(pickle.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1]))
