"""Reminders to groups: the e-mail (``mailing``, run by ``directory remind``) and the pages
its three one-click links open (``views``)."""
from flask import Flask

from .views import blueprint


def init_app(app: Flask) -> None:
    app.register_blueprint(blueprint)
