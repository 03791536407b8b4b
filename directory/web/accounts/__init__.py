"""Staff sign-in (moderators, connectors, admins), CSRF protection and rate limiting.

Participants never sign in and are never stored; only staff accounts exist.

A staff session is the signed cookie plus two checks on every request (``load_user``):
the account's ``session_epoch`` must still be the one signed in with (sign-out, a new
password and a new role raise it, ending every older session everywhere), and the session
must have been used within ``STAFF_IDLE_MINUTES`` (a shared laptop left signed in).
"""
from __future__ import annotations

import time
from functools import wraps

from flask import Flask, abort, current_app, session
from flask_login import LoginManager, current_user
from flask_wtf.csrf import CSRFProtect

from ...models import Account
from ..context import db_session
from ..cookies import configure_cookies
from ..limits import limiter, init_limits

login_manager = LoginManager()
csrf = CSRFProtect()
SEEN_KEY = "staff_seen"
DEFAULT_IDLE_MINUTES = 30


class StaffUser:
    """What Flask-Login keeps for a signed-in account (no database object in the session).

    ``get_id`` is the account id *and* its session epoch (Flask-Login's "alternative id"),
    so a cookie from before the epoch was raised no longer names a valid session."""

    def __init__(self, account: Account):
        self.id = account.id
        self.email = account.email
        self.role = account.role
        self.is_active = account.active
        self.session_epoch = account.session_epoch or 0

    is_authenticated = True
    is_anonymous = False

    def get_id(self) -> str:
        return f"{self.id}.{self.session_epoch}"

    def has_role(self, *roles: str) -> bool:
        return self.role == "admin" or self.role in roles


def idle_seconds() -> int:
    return 60 * int(current_app.config.get("STAFF_IDLE_MINUTES") or DEFAULT_IDLE_MINUTES)


def mark_seen() -> None:
    session[SEEN_KEY] = int(time.time())


@login_manager.user_loader
def load_user(session_id: str):
    account_id, _, epoch = (session_id or "").partition(".")
    account = db_session().get(Account, account_id) if account_id and epoch.isdigit() else None
    seen = session.get(SEEN_KEY)
    fresh = isinstance(seen, int) and time.time() - seen <= idle_seconds()
    if account is None or not account.active or (account.session_epoch or 0) != int(epoch) or not fresh:
        session.clear()  # the participant's needs go with the staff session
        return None
    mark_seen()
    return StaffUser(account)


def role_required(*roles: str):
    """Allow only signed-in staff with one of ``roles`` (admins may do anything)."""
    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if not current_user.has_role(*roles):
                abort(403)
            return view(*args, **kwargs)
        return wrapped
    return decorator


def init_app(app: Flask) -> None:
    from .views import blueprint

    configure_cookies(app)
    csrf.init_app(app)
    init_limits(app)
    login_manager.init_app(app)
    login_manager.login_view = "accounts.login"
    login_manager.login_message = None
    app.register_blueprint(blueprint)


__all__ = ["StaffUser", "csrf", "limiter", "login_manager", "mark_seen", "role_required"]
