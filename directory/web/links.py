"""Absolute links (edit links, QR codes on sheets, the API's own address) and how long a
private edit link lives.

An absolute URL built from the request's ``Host`` header is whatever the client says it
is: a forged ``Host: evil.example`` made the thank-you page hand a group an edit link on
another site. With ``DIRECTORY_BASE_URL`` set (production), every absolute link starts
with it. Without it (a laptop, tests) the request's own address is used.
"""
from __future__ import annotations

import datetime as dt

from flask import current_app, request, url_for


def base_url() -> str:
    configured = current_app.config.get("BASE_URL")
    return configured.rstrip("/") if configured else request.host_url.rstrip("/")


def external_url(endpoint: str, **values) -> str:
    """``url_for(endpoint, **values)`` as an absolute URL on the canonical site."""
    return base_url() + url_for(endpoint, **values)


def link_lifetime() -> dt.timedelta:
    """How long a private edit link lives unused (``DIRECTORY_EDIT_LINK_DAYS``)."""
    return dt.timedelta(days=current_app.config.get("EDIT_LINK_DAYS") or 365)
