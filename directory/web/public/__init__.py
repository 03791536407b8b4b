"""The public site: home, browse by category, listing pages."""
from flask import Flask

from .views import blueprint, root


def init_app(app: Flask) -> None:
    app.register_blueprint(blueprint)
    app.add_url_rule("/", "root", root)
