"""PDFs rendered in a separate, bounded, lower-priority process, with a time limit.

A sheet PDF takes 1.8–6.7 s of CPU in WeasyPrint and a newsletter 3.3–4.8 s. Rendered in
the request's own thread, two of them held both sync workers and an anonymous home page
waited 2.95 s. Here the render runs in a pool process of its own (``PDF_PROCESSES`` at a
time per server worker, default 1), niced so page requests win the CPU, while the request
thread waits without holding the GIL; ``serve --prod`` runs threaded workers so the other
threads of that worker keep serving. A render that outlives ``timeout`` is stopped (its
process killed and the pool rebuilt) and reported as ``PdfTooSlow``; when ``queue`` renders
are already waiting, a new one is refused at once with ``PdfBusy`` instead of queueing.

``PDF_PROCESSES = 0`` renders in the request thread (what tests may choose).
"""
from __future__ import annotations

import multiprocessing
import os
import threading
import time
from concurrent.futures import CancelledError, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from .pdf import PdfUnavailable, html_to_pdf

NICENESS = 10


class PdfBusy(RuntimeError):
    """Too many PDFs are already being made on this worker; try again shortly."""


class PdfTooSlow(RuntimeError):
    """A PDF took longer than the time limit and was stopped."""


def _prepare_render_process() -> None:
    """Runs first in each render process: lower its priority, and end it when the server
    process that started it is gone.

    A pool process waits for work on a queue whose writing end it holds itself, so it never
    sees the server go: after a server was stopped (SIGTERM to ``directory serve``, a
    gunicorn worker killed), its render process, the forkserver and the resource tracker
    lived on as orphans (issue 18's stress runs left them behind). multiprocessing gives the
    child a sentinel that ends when its parent does; a daemon thread waits on it."""
    try:
        os.nice(NICENESS)
    except OSError:
        pass
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_when_gone, args=(parent,), name="server-watch", daemon=True).start()


def _exit_when_gone(parent) -> None:
    parent.join()
    os._exit(0)


def _render(html: str, stylesheets: list[str], base_url: str | None) -> bytes:
    return html_to_pdf(html, [Path(path) for path in stylesheets], base_url=base_url)


class RenderPool:
    """One per process (``render_pool()``); thread-safe."""

    def __init__(self, processes: int = 1, queue: int = 4, timeout: float = 60.0):
        self.processes = processes
        self.timeout = timeout
        self._slots = threading.BoundedSemaphore(processes + queue)
        self._lock = threading.Lock()
        self._executor: ProcessPoolExecutor | None = None

    def _pool(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._executor is None:
                # forkserver: children start from a clean interpreter, never from a copy of a
                # worker holding database connections and open index files.
                context = multiprocessing.get_context("forkserver")
                self._executor = ProcessPoolExecutor(self.processes, mp_context=context, initializer=_prepare_render_process)
            return self._executor

    def _discard(self, executor: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._executor is executor:
                self._executor = None
        for process in list((getattr(executor, "_processes", None) or {}).values()):
            process.kill()
        executor.shutdown(wait=False, cancel_futures=True)

    def render(self, html: str, stylesheets: list[Path], base_url: str | None = None) -> bytes:
        if self.processes <= 0:
            return html_to_pdf(html, stylesheets, base_url=base_url)
        if not self._slots.acquire(blocking=False):
            raise PdfBusy("too many PDFs are being made")
        deadline = time.monotonic() + self.timeout
        try:
            while True:
                executor = self._pool()
                try:
                    future = executor.submit(_render, html, [str(path) for path in stylesheets], base_url)
                except RuntimeError:
                    # Another thread's render overran and shut this pool down between our
                    # ``_pool()`` and ``submit`` (seen under stress as a 500): take the new one.
                    if self._replaced(executor) and time.monotonic() < deadline:
                        continue
                    raise
                try:
                    return future.result(timeout=max(deadline - time.monotonic(), 0))
                except FutureTimeout as error:
                    # Still waiting its turn: nothing of ours runs, so leave the pool (and the
                    # render in it, someone else's) alone. Running: ours overran; stop it.
                    if not future.cancel():
                        self._discard(executor)
                    raise PdfTooSlow(f"the PDF took longer than {self.timeout:.0f} s") from error
                except (CancelledError, BrokenProcessPool) as error:
                    if self._replaced(executor):
                        # Another render overran and its pool was stopped under ours (observed
                        # under stress as a 500): start again in the new pool, same deadline.
                        if time.monotonic() < deadline:
                            continue
                        raise PdfTooSlow(f"the PDF took longer than {self.timeout:.0f} s") from error
                    self._discard(executor)
                    raise PdfUnavailable(f"the PDF process stopped ({error!r})") from error
        finally:
            self._slots.release()

    def _replaced(self, executor: ProcessPoolExecutor) -> bool:
        with self._lock:
            return self._executor is not executor

    def close(self) -> None:
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)


_pools: dict[tuple, RenderPool] = {}
_pools_lock = threading.Lock()


def render_pool(processes: int, queue: int, timeout: float) -> RenderPool:
    """The process's pool for these settings (made on first use, after any fork)."""
    key = (os.getpid(), processes, queue, timeout)
    with _pools_lock:
        if key not in _pools:
            _pools[key] = RenderPool(processes, queue, timeout)
        return _pools[key]
