"""The public site: home, browse by category, listing pages."""
from flask import Flask, redirect, url_for

from .views import blueprint, root


def init_app(app: Flask) -> None:
    app.register_blueprint(blueprint)
    app.add_url_rule("/", "root", root)
    app.add_url_rule("/favicon.ico", "favicon", lambda: redirect(url_for("static", filename="favicon.svg"), 301))
