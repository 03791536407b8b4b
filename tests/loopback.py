"""The app served over real HTTP on a loopback port, from a thread of the test process.

One helper for every test that needs a real server (a browser, a second client, an importer
reading our own API): Werkzeug's threaded server, as ``directory serve`` runs it.

Why the short poll: ``shutdown()`` waits for the serving loop to notice it, and the loop
looks every ``poll_interval`` seconds (0.5 by default), so each stopped server cost its test
a quarter of a second on average, 0.27 s of every browser test's teardown.
"""
from __future__ import annotations

import threading

from werkzeug.serving import WSGIRequestHandler, make_server

POLL_SECONDS = 0.02


class ErrorsOnlyRequestHandler(WSGIRequestHandler):
    """Logs only the requests that went wrong (a browser test makes hundreds)."""

    def log_request(self, code="-", size="-"):
        if str(code).isdigit() and int(code) >= 400:
            super().log_request(code, size)


class LoopbackServer:
    """``with LoopbackServer(app) as server:`` serves ``app`` at ``server.url`` until the block ends;
    ``server("/en/")`` is that page's address."""

    def __init__(self, app, request_handler: type[WSGIRequestHandler] | None = None, name: str = "loopback-server"):
        self.app = app
        self.server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=request_handler)
        self.port = self.server.server_port
        self.url = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": POLL_SECONDS},
                                       name=name, daemon=True)

    def __enter__(self) -> "LoopbackServer":
        self.thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=10)

    def __call__(self, path: str = "/") -> str:
        return self.url + path


__all__ = ["ErrorsOnlyRequestHandler", "LoopbackServer", "POLL_SECONDS"]
