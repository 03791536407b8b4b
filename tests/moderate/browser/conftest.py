"""The browser fixtures of tests/browser, reused here: the app on a real port and Chromium.

Like the other browser tests these run on SQLite only and are skipped, loudly, when
Chromium or Playwright is missing.
"""
from tests.browser.conftest import (  # noqa: F401  (pytest finds fixtures by name in a conftest)
    backend, browser, live_server, new_context, page, screenshot, seeded_index_template,
)
