"""The Open Referral UK 3.0 API under ``/api/``: JSON for other directories, apps and maps.

Thin like every blueprint: views parse the query (``params``), call the same domain
functions as the pages (``discovery.find_activities``, ``listings``) and render ORUK dicts
(``oruk.write``). Errors are RFC 9457 problem documents; every response allows any origin.
"""
from __future__ import annotations

from flask import Flask

from ..limits import api_rate_limit
from .views import blueprint

# Every request to the API counts against the client address's limit (a 429 problem
# document past it). Checked here rather than by a Flask-Limiter decorator, whose headers
# would put its own Retry-After on every API answer (a 503's included).
blueprint.before_request(api_rate_limit)


def init_app(app: Flask) -> None:
    app.register_blueprint(blueprint)
    csrf = app.extensions.get("csrf")  # Flask-WTF, when the site has forms: the API is read-only
    if csrf is not None:
        csrf.exempt(blueprint)


__all__ = ["blueprint", "init_app"]
