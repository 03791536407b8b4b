"""Groups list themselves and keep their listing current; anyone can report a problem."""
from flask import Flask

from .views import blueprint


def init_app(app: Flask) -> None:
    app.register_blueprint(blueprint)
