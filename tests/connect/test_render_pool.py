"""PDFs are made off the request path (issue 16, finding 10): in a separate, bounded pool
process with a time limit, so a slow render neither holds a worker for ever nor piles up."""
from __future__ import annotations

import threading
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
