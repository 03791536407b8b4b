"""The shared real-browser fixtures (tests/browser/conftest.py): Debian's headless Chromium on
the seeded, indexed sample directory, SQLite only; without Chromium these tests skip."""
from tests.browser.conftest import (  # noqa: F401  (fixtures, used by name)
    backend, browser, live_server, new_context, page, screenshot, seeded_index_template)
