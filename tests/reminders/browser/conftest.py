"""The browser fixtures of tests/browser, reused here: the app on a real port and Chromium
(SQLite only, skipped loudly without Chromium or Playwright)."""
from tests.browser.conftest import (  # noqa: F401  (pytest finds fixtures by name in a conftest)
    backend, browser, live_server, new_context, page, screenshot, seeded_index_template,
)
