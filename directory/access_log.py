"""What the logs may say about a request: the route, never a private edit link's token or
a query string, and never a raw control character.

* A private edit link (``/en/my-listing/<token>/edit``) is a password: whoever reads the
  log could edit, pause or close the listing. The token is replaced by ``<token>``.
* A path is percent-decoded before it is logged, so ``%0d%0a`` in a URL became a real line
  break and a request could write a forged line into the access log; ESC could drive the
  terminal of whoever tails it. Control characters are written as ``\\xNN`` escapes.

Used by gunicorn's access log (``serving.SafeAccessLogger``) and, as a logging filter, by
the development server's log and the app's own.
"""
from __future__ import annotations

import logging
import re

PRIVATE_LINK = re.compile(r"(/my-listing/)[^/?#\s\"]+")
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
QUERY = re.compile(r"\?[^\s\"]*")


def escape_controls(text: str) -> str:
    return CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


def redact(text: str, drop_query: bool = False) -> str:
    """``text`` with edit-link tokens (and, if asked, query strings) removed and control
    characters escaped: safe to write as one log line."""
    text = PRIVATE_LINK.sub(r"\1<token>", text)
    if drop_query:
        text = QUERY.sub("", text)
    return escape_controls(text)


class RedactingFilter(logging.Filter):
    """A logging filter that rewrites each record's message with ``redact``. Tracebacks
    (``exc_info``) are left alone: they are multi-line by nature and hold no request path."""

    def __init__(self, drop_query: bool = False):
        super().__init__()
        self.drop_query = drop_query

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            return True
        record.msg, record.args = redact(message, self.drop_query), None
        return True


def install_log_filters(app_logger: logging.Logger) -> None:
    """The app's logger and the development server's request log (idempotent)."""
    for logger, drop_query in ((app_logger, False), (logging.getLogger("werkzeug"), True)):
        if not any(isinstance(existing, RedactingFilter) for existing in logger.filters):
            logger.addFilter(RedactingFilter(drop_query))
