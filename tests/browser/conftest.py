"""Real-browser fixtures: the app on a real port, driven by headless Chromium via Playwright.

Playwright's own browser download does not work on our machines, so the tests drive
Debian's Chromium at /usr/bin/chromium (installed by ``scripts/install-browser.sh``, which
``make test`` runs first). Without it every browser test is skipped, loudly.

Browser tests run on the SQLite backend only: they check what a person sees, not the
database, and one backend keeps the suite fast.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.loopback import ErrorsOnlyRequestHandler, LoopbackServer

from .support import CHROMIUM, CHROMIUM_ARGS, SCREENSHOT_DIR, VIEWPORT

BROWSER_DIR = Path(__file__).resolve().parent
LOCAL_ONLY = re.compile(r"^(?!http://127\.0\.0\.1:)")
BROWSER_TIMEOUT_MS = 60_000


def _why_unavailable() -> str | None:
    if not CHROMIUM.exists():
        return (f"{CHROMIUM} not found: browser tests skipped. "
                "Run `bash scripts/install-browser.sh` (as root) to install Chromium and the Noto fonts.")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed: browser tests skipped (pip install -e '.[test]')"
    return None


UNAVAILABLE = _why_unavailable()


def _is_browser_test(item) -> bool:
    return BROWSER_DIR in Path(item.path).resolve().parents


def pytest_collection_modifyitems(config, items):
    browser_items = [item for item in items if _is_browser_test(item)]
    for item in browser_items:
        item.add_marker(pytest.mark.browser)
    if UNAVAILABLE and browser_items:
        skip = pytest.mark.skip(reason=UNAVAILABLE)
        for item in browser_items:
            item.add_marker(skip)
        reporter = config.pluginmanager.get_plugin("terminalreporter")
        message = f"\n{'!' * 100}\n!!! {UNAVAILABLE}\n{'!' * 100}\n"
        if reporter is not None:
            reporter.write_line(message, red=True, bold=True)
        else:
            print(message)


def pytest_terminal_summary(terminalreporter):
    if UNAVAILABLE:
        terminalreporter.write_sep("!", f"BROWSER TESTS SKIPPED: {UNAVAILABLE}", red=True, bold=True)


# -- the app on a real port ----------------------------------------------------------------------

@pytest.fixture(scope="session", params=["sqlite"])
def backend(request) -> str:
    """Overrides the suite's backend fixture: browser tests run on SQLite only."""
    return request.param


class LiveServer(LoopbackServer):
    def __init__(self, app):
        super().__init__(app, request_handler=ErrorsOnlyRequestHandler, name="live-server")


@pytest.fixture(scope="session")
def seeded_index_template(backend, templates) -> Path:
    """The search index of the seeded sample directory, built once per test process by the
    suite's templates (tests/conftest.py); the other browser folders import it from here."""
    return templates.seeded_index(backend)


@pytest.fixture
def live_server(app, seeded_db, seeded_index_template):
    """The app, on the seeded sample directory with its search index built, at ``live_server.url``.

    Every test gets its own copy of the seeded database and of the index built from it
    (building the index takes seconds, copying it milliseconds).
    """
    from directory.search import rebuild_index

    engine = app.extensions["directory.search"]
    shutil.copytree(seeded_index_template, engine.store.root, symlinks=True, dirs_exist_ok=True)
    if not engine.store.exists():  # the index folder's layout changed: build it here instead
        rebuild_index(seeded_db, engine.store)
    engine.refresh()
    with LiveServer(app) as server:
        yield server
    engine.close()


# -- the browser ---------------------------------------------------------------------------------

_SHARED: dict = {}


def _shared_browser():
    """One Playwright and one Chromium per test process: other folders (tests/connect/browser)
    import this fixture too, and Playwright's sync API refuses a second instance."""
    if "browser" not in _SHARED:
        from playwright.sync_api import expect, sync_playwright

        expect.set_options(timeout=BROWSER_TIMEOUT_MS)  # the same guard for expect()'s waits (default 5 s)
        _SHARED["playwright"] = sync_playwright().start()
        _SHARED["browser"] = _SHARED["playwright"].chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    return _SHARED["browser"]


def pytest_sessionfinish(session, exitstatus):
    if "browser" in _SHARED:
        _SHARED.pop("browser").close()
        _SHARED.pop("playwright").stop()


@pytest.fixture(scope="session")
def browser():
    if UNAVAILABLE:
        pytest.skip(UNAVAILABLE)
    return _shared_browser()


class PageErrors(list):
    """Uncaught JavaScript errors seen on a page."""


@pytest.fixture
def new_context(browser):
    """Make a browser context (closed after the test); keyword arguments go to ``new_context``."""
    contexts = []

    def make(**options):
        options.setdefault("viewport", VIEWPORT)
        context = browser.new_context(**options)
        # A guard against a page that never loads, not a speed check (bench/ measures speed): on a
        # two-core machine shared by two test workers and a benchmark, a page load took over 15 s.
        context.set_default_timeout(BROWSER_TIMEOUT_MS)
        # Nothing leaves this machine: map tiles or anything else off 127.0.0.1 is refused at once.
        context.route(LOCAL_ONLY, lambda route: route.abort())
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    page = new_context().new_page()
    page.js_errors = PageErrors()
    page.on("pageerror", lambda error: page.js_errors.append(str(error)))
    return page


@pytest.fixture
def screenshot(request):
    """``screenshot(page, locale)`` saves test-artefacts/screenshots/<test-name>-<locale>.png."""
    name = re.sub(r"[^A-Za-z0-9_.-]+", "-", request.node.originalname)

    def take(page, locale: str, full_page: bool = True) -> Path:
        SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOT_DIR / f"{name}-{locale}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    return take
