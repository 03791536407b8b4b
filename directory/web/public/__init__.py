"""The public site: home, browse by category, listing pages."""
from flask import Flask, current_app, redirect, url_for

from .icons import category_icon_markup
from .views import blueprint, root


def category_icon(code: str):
    """``{{ category_icon(term.code) }}``: the category's decorative inline SVG icon."""
    return category_icon_markup(current_app.static_folder, code)


def init_app(app: Flask) -> None:
    app.register_blueprint(blueprint)
    app.add_template_global(category_icon)
    app.add_url_rule("/", "root", root)
    app.add_url_rule("/favicon.ico", "favicon", lambda: redirect(url_for("static", filename="favicon.svg"), 301))
