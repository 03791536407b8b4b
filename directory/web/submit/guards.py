"""Checks every public form POST passes before a view sees it, and the rate limits.

Werkzeug decodes form bodies leniently (an invalid UTF-8 byte becomes "%FF" text), so a
broken encoding would otherwise reach the database as junk. We look at the raw body and
refuse it with a clear 400 instead.
"""
from __future__ import annotations

from urllib.parse import unquote_to_bytes

from flask import abort, current_app, request

DEFAULT_SUBMIT_LIMIT = "20 per hour"
DEFAULT_REPORT_LIMIT = "30 per hour"


def submit_limit() -> str:
    """Configurable so a busy community centre's shared connection can be allowed more."""
    return current_app.config.get("SUBMIT_RATE_LIMIT") or DEFAULT_SUBMIT_LIMIT


def report_limit() -> str:
    return current_app.config.get("REPORT_RATE_LIMIT") or DEFAULT_REPORT_LIMIT


def body_is_valid_utf8(body: bytes, content_type: str) -> bool:
    """True when every name and value of a form body decodes as UTF-8."""
    if content_type.startswith("application/x-www-form-urlencoded"):
        for pair in body.split(b"&"):
            try:
                unquote_to_bytes(pair.replace(b"+", b" ")).decode("utf-8")
            except UnicodeDecodeError:
                return False
        return True
    if content_type.startswith("multipart/form-data"):
        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            return False
    return True


def refuse_broken_text() -> None:
    if request.method == "POST" and not body_is_valid_utf8(request.get_data(cache=True), request.content_type or ""):
        abort(400)


def private_page(response):
    """Pages reached by a private edit link: never cached, and the link never leaks to
    another site in a Referer header. ``same-origin``, not ``no-referrer``: these pages
    hold forms, and over HTTPS Flask-WTF refuses a POST that carries no same-site Referer."""
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["Cache-Control"] = "no-store"
    return response
