"""The shared real-browser fixtures (tests/browser/conftest.py): Debian's headless Chromium,
SQLite only; without Chromium the browser fixture skips, saying why.

``logged_live_server`` differs from the shared ``live_server`` in one way that matters to
the privacy check: it keeps werkzeug's full access log (every request line), so a test
can prove no logged line carries a participant's postcode.
"""
import shutil

import pytest

from tests.browser.conftest import (  # noqa: F401  (fixtures, used by name)
    backend, browser, new_context, page, screenshot, seeded_index_template)
from tests.loopback import LoopbackServer


@pytest.fixture
def logged_live_server(app, seeded_db, seeded_index_template):
    """The app on the seeded, indexed sample directory at a real port, access log on."""
    engine = app.extensions["directory.search"]
    shutil.copytree(seeded_index_template, engine.store.root, symlinks=True, dirs_exist_ok=True)
    engine.refresh()
    with LoopbackServer(app, name="connect-live-server") as server:
        yield server
    engine.close()
