"""The flags on every cookie this site sets: HttpOnly, SameSite=Lax, and Secure when
configured (``DIRECTORY_SECURE_COOKIES``, on by default outside tests and debug).

Flask's default config already defines ``SESSION_COOKIE_SECURE`` (False) and
``SESSION_COOKIE_SAMESITE`` (None), so ``config.setdefault`` would change nothing: the
values are assigned here. The development server (plain HTTP) switches Secure off itself.
"""
from __future__ import annotations

from flask import Flask, current_app


def configure_cookies(app: Flask) -> None:
    app.config["SESSION_COOKIE_HTTPONLY"] = True
    app.config["SESSION_COOKIE_SAMESITE"] = "Lax"
    app.config["SESSION_COOKIE_SECURE"] = bool(app.config.get("SECURE_COOKIES", True)) and not app.testing \
        and not app.debug
    # Flask-Login's "remember me" cookie is never set, but keep it as strict should it be.
    app.config["REMEMBER_COOKIE_HTTPONLY"] = True
    app.config["REMEMBER_COOKIE_SAMESITE"] = "Lax"
    app.config["REMEMBER_COOKIE_SECURE"] = app.config["SESSION_COOKIE_SECURE"]


def cookie_flags() -> dict:
    """Keyword arguments for ``response.set_cookie`` on any cookie of ours."""
    return {"httponly": True, "samesite": "Lax", "secure": bool(current_app.config.get("SESSION_COOKIE_SECURE"))}
