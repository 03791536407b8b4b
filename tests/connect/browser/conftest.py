"""The shared real-browser fixtures (tests/browser/conftest.py): Debian's headless Chromium,
SQLite only; without Chromium the browser fixture skips, saying why.

``logged_live_server`` differs from the shared ``live_server`` in one way that matters to
the privacy check: it keeps werkzeug's full access log (every request line), so a test
can prove no logged line carries a participant's postcode.
"""
import shutil
import threading

import pytest

from tests.browser.conftest import (  # noqa: F401  (fixtures, used by name)
    backend, browser, new_context, page, screenshot, seeded_index_template)


@pytest.fixture
def logged_live_server(app, seeded_db, seeded_index_template):
    """The app on the seeded, indexed sample directory at a real port, access log on."""
    from werkzeug.serving import make_server

    engine = app.extensions["directory.search"]
    shutil.copytree(seeded_index_template, engine.store.root, symlinks=True, dirs_exist_ok=True)
    engine.refresh()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="connect-live-server", daemon=True)
    thread.start()
    yield lambda path="/": f"http://127.0.0.1:{server.server_port}{path}"
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)
    engine.close()
