"""Public pages. Each view parses the request, calls a domain function and renders."""
from __future__ import annotations

import datetime as dt

from flask import Blueprint, abort, current_app, g, redirect, render_template, url_for

from ...listings import ServiceNotFound, UnknownTaxonomy, category_tree, get_service, get_term, services_in_category
from ..context import db_session
from ..i18n import current_site_locale

blueprint = Blueprint("public", __name__, url_prefix="/<lang>")


@blueprint.before_request
def reject_unknown_locale():
    if g.get("unknown_locale"):
        abort(404)


def root():
    """``/`` sends people to their language's home page."""
    return redirect(url_for("public.home", lang=current_site_locale().slug))


@blueprint.get("/")
def home():
    return render_template("public/home.html", categories=category_tree(db_session()))


@blueprint.get("/categories/")
def categories():
    return render_template("public/categories.html", categories=category_tree(db_session()))


@blueprint.get("/categories/<code>")
def category(code: str):
    session = db_session()
    try:
        term = get_term(session, code)
    except UnknownTaxonomy:
        abort(404)
    return render_template("public/category.html", term=term, services=services_in_category(session, term),
                           now=dt.datetime.now())


@blueprint.get("/services/<service_id>")
def service(service_id: str):
    try:
        listing = get_service(db_session(), service_id)
    except ServiceNotFound:
        abort(404)
    today = dt.date.today()
    return render_template(
        "public/service.html", service=listing, now=dt.datetime.now(),
        stale=listing.is_stale(today, current_app.config["STALE_AFTER_DAYS"]),
    )
