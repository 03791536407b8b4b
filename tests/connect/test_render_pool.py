"""PDFs are made off the request path (issue 16, finding 10): in a separate, bounded pool
process with a time limit, so a slow render neither holds a worker for ever nor piles up."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from directory.connect.pdf import pdf_available
from directory.connect.render_pool import PdfBusy, PdfTooSlow, RenderPool

STATIC = Path(__file__).resolve().parents[2] / "static"
SMALL = '<html lang="en"><body><p>Lunch club, Thursdays 12:00</p></body></html>'
MEDIUM = "<html><body>" + "".join(f"<p>Paragraph {n}.</p>" for n in range(1500)) + "</body></html>"
LARGE = "<html><body>" + "".join(f"<p>Paragraph {n} of a very long newsletter.</p>" for n in range(20000)) + \
    "</body></html>"

pytestmark = pytest.mark.skipif(not pdf_available(), reason="WeasyPrint/Pango are not installed")


def render(pool, html):
    return pool.render(html, [STATIC / "css" / "sheet.css"], base_url=str(STATIC))


def test_a_render_past_the_time_limit_is_stopped_and_the_pool_recovers():
    pool = RenderPool(processes=1, queue=0, timeout=0.5)
    try:
        with pytest.raises(PdfTooSlow):
            render(pool, LARGE)
        pool.timeout = 300
        assert render(pool, SMALL).startswith(b"%PDF")
    finally:
        pool.close()


def test_renders_beyond_the_bound_are_refused_at_once_not_queued():
    pool = RenderPool(processes=1, queue=0, timeout=120)
    started = threading.Event()
    outcome = {}

    def first():
        started.set()
        try:
            outcome["first"] = render(pool, MEDIUM)[:4]
        except PdfTooSlow:  # a heavily loaded machine: the bound is what is tested here
            outcome["first"] = b"%PDF"

    try:
        thread = threading.Thread(target=first)
        thread.start()
        started.wait()
        import time
        time.sleep(0.2)
        with pytest.raises(PdfBusy):
            render(pool, SMALL)
        thread.join()
        assert outcome["first"] == b"%PDF"
    finally:
        pool.close()


def test_a_render_waiting_behind_one_that_overran_is_made_in_the_new_pool_not_cancelled():
    """Under stress a render queued behind one that overran was cancelled with the old pool and
    its request answered 500 (CancelledError). It must start again in the new pool, or at
    worst be reported as too slow within its own time limit."""
    pool = RenderPool(processes=1, queue=2, timeout=300)
    outcome = {}

    def slow():
        try:
            render(pool, LARGE)
        except Exception as error:  # noqa: BLE001 - what the request thread would meet
            outcome["slow"] = error

    def queued():
        try:
            outcome["queued"] = render(pool, SMALL)[:4]
        except Exception as error:  # noqa: BLE001
            outcome["queued"] = error

    try:
        render(pool, SMALL)  # the pool process is up, so the large render overruns, not the start-up
        pool.timeout = 2.0
        first = threading.Thread(target=slow)
        first.start()
        import time
        time.sleep(0.5)
        second = threading.Thread(target=queued)
        second.start()
        first.join()
        second.join()
        assert isinstance(outcome["slow"], PdfTooSlow)
        assert outcome["queued"] == b"%PDF" or isinstance(outcome["queued"], PdfTooSlow), outcome["queued"]
    finally:
        pool.close()


class _PoolReplacedBeforeSubmit(RenderPool):
    """Replays the interleaving the stress run met: between this thread's ``_pool()`` and its
    ``submit``, another thread's overrunning render shut the pool down and discarded it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.interleaved = False

    def _pool(self):
        executor = super()._pool()
        if not self.interleaved:
            self.interleaved = True
            self._discard(executor)
        return executor


def test_a_render_whose_pool_was_stopped_by_another_thread_starts_in_the_new_pool():
    """Under stress (``serve --prod``) a sheet PDF answered 500 with "cannot schedule new
    futures after shutdown": its pool was stopped by another render's overrun just before it
    submitted. It must be made in the new pool."""
    pool = _PoolReplacedBeforeSubmit(processes=1, queue=2, timeout=300)
    try:
        assert render(pool, SMALL).startswith(b"%PDF")
        assert pool.interleaved
    finally:
        pool.close()


SERVER_THAT_DIES = """
import os, signal, sys
from multiprocessing import forkserver
from directory.connect.render_pool import RenderPool

if __name__ == "__main__":
    pool = RenderPool(processes=1, queue=0, timeout=60)
    render_process = pool._pool().submit(os.getpid).result(timeout=120)
    print(render_process, forkserver._forkserver._forkserver_pid, flush=True)
    os.kill(os.getpid(), getattr(signal, sys.argv[1]))
"""


@pytest.mark.parametrize("how", ["SIGTERM", "SIGKILL"])
def test_the_render_process_ends_with_the_server_that_started_it(tmp_path, how):
    """Issue 18's stress runs left the stopped dev server's render process, its forkserver
    and resource tracker running for good: the pool process waits on a queue whose writing
    end it holds itself. A server stopped by a signal, which runs no clean-up, must take
    them with it."""
    script = tmp_path / "server.py"
    script.write_text(SERVER_THAT_DIES)
    output = tmp_path / "output.txt"  # a file, not a pipe: survivors would hold a pipe open
    with output.open("w") as sink:
        subprocess.run([sys.executable, str(script), how], stdout=sink, stderr=subprocess.STDOUT, timeout=180)
    pids = [int(word) for word in output.read_text().split()[:2] if word.isdigit()]
    assert len(pids) == 2, output.read_text()[-2000:]
    deadline = time.monotonic() + 30
    while any(_alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    survivors = [pid for pid in pids if _alive(pid)]
    for pid in survivors:
        os.kill(pid, signal.SIGKILL)
    assert not survivors, f"{survivors} (render process, forkserver) outlived the server"


def _alive(pid: int) -> bool:
    """Running, and not a zombie (the forkserver's children are reaped by init here)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][0] != "Z"
    except (FileNotFoundError, IndexError):
        return False
