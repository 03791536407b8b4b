"""Staff sign-in (moderators, connectors, admins), CSRF protection and rate limiting.

Participants never sign in and are never stored; only staff accounts exist.
"""
from __future__ import annotations

from functools import wraps

from flask import Flask, abort
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager, current_user
from flask_wtf.csrf import CSRFProtect

from ...models import Account
from ..context import db_session

login_manager = LoginManager()
csrf = CSRFProtect()
limiter = Limiter(key_func=get_remote_address, default_limits=[], headers_enabled=True)


class StaffUser:
    """What Flask-Login keeps for a signed-in account (no database object in the session)."""

    def __init__(self, account: Account):
        self.id = account.id
        self.email = account.email
        self.role = account.role
        self.is_active = account.active

    is_authenticated = True
    is_anonymous = False

    def get_id(self) -> str:
        return self.id

    def has_role(self, *roles: str) -> bool:
        return self.role == "admin" or self.role in roles


@login_manager.user_loader
def load_user(account_id: str):
    account = db_session().get(Account, account_id) if account_id else None
    return StaffUser(account) if account is not None and account.active else None


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

    app.config.setdefault("SESSION_COOKIE_HTTPONLY", True)
    app.config.setdefault("SESSION_COOKIE_SAMESITE", "Lax")
    app.config.setdefault("SESSION_COOKIE_SECURE", not app.testing and not app.debug and app.config.get("SECURE_COOKIES", True))
    app.config.setdefault("RATELIMIT_STORAGE_URI", app.config.get("RATELIMIT_STORAGE_URI") or "memory://")
    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "accounts.login"
    login_manager.login_message = None
    app.register_blueprint(blueprint)
