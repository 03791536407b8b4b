"""One listing form, three uses: a new listing, a group's edit, a moderator's edit.

Each POST carries an ``action``: "preview" (check and show how it will look), "change"
(back to the form, everything kept) or "send". Validation runs on every preview and
again on send, because the preview's copy of the answers comes back from the browser.
"""
from __future__ import annotations

from collections.abc import Callable

from flask import render_template, request

from ...models import TaxonomyTerm
from ...submissions import find_duplicates
from ..context import db_session
from .forms import ListingForm
from .listing_form import build_payload


def render_form(form: ListingForm, status: int = 200, **context):
    return render_template("submit/form.html", form=form, **context), status


def process_listing_form(form: ListingForm, base: dict | None, send: Callable[[dict], object],
                         honeypot: Callable[[], object] | None = None, **context):
    """Run the preview / change / send cycle; ``send(payload)`` stores and answers."""
    session = db_session()
    action = request.form.get("action", "preview")
    if action == "change":
        return render_form(form, **context)
    if not form.validate():
        return render_form(form, 400, **context)
    payload, preview = build_payload(session, form, base)
    if payload is None:
        return render_form(form, 400, **context)
    if honeypot is not None and form.homepage.data:
        return honeypot()
    if action != "send":
        term = session.query(TaxonomyTerm).filter_by(code=form.category.data).one_or_none()
        duplicates = find_duplicates(session, payload, exclude=payload["id"])
        return render_template("submit/preview.html", form=form, preview=preview, payload=payload, term=term,
                               duplicates=duplicates, **context)
    return send(payload)
