"""The blueprint and what every connector page shares: staff only, never cached."""
from __future__ import annotations

from flask import Blueprint

from ..accounts import role_required
from ..i18n import refuse_unknown_locale

blueprint = Blueprint("connect", __name__, url_prefix="/<lang>/connect")
blueprint.before_request(refuse_unknown_locale)


@blueprint.before_request
@role_required("connector", "moderator")
def staff_only():
    """Every page here is for signed-in connectors and moderators (admins too)."""
    return None


@blueprint.after_request
def never_cache(response):
    """Pages may show a participant's needs or plan: keep them out of shared caches and
    the browser's back-forward history on a shared computer."""
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "same-origin"
    return response
