"""Moderators review submissions, edits, problem reports and stale listings."""
from flask import Flask

from . import freshness  # noqa: F401  (its routes join the moderation blueprint)
from .views import blueprint


def init_app(app: Flask) -> None:
    app.register_blueprint(blueprint)
