"""Find for a participant, keep a shortlist, print the signposting sheet.

Needs travel by POST (never in a URL, so no access log line carries a postcode) and are
kept in the signed session cookie; the first-visit plan exists only in the request that
prints the sheet.
"""
from __future__ import annotations

import datetime as dt

from flask import abort, current_app, flash, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import select

from ...connect import gaps
from ...connect.finder import find_for_participant
from ...connect.needs import (BUDGETS, DAYS, GENDER_CHOICES, REACH_CHOICES, SPOKEN_LANGUAGES, TIMES, NeedsError,
                              parse_needs)
from ...connect.pdf import PdfUnavailable
from ...connect.render_pool import PdfBusy, PdfTooSlow
from ...connect.share import qr_data_uri, share_text
from ...connect.sheet import SHEET_LOCALES, FirstVisitPlan, build_sheet, sheet_locale_for
from ...connect.shortlist import ShortlistFull
from ...discovery import InvalidLocation
from ...i18n.locales import BY_CODE
from ...listings import TermName, category_tree, term_names
from ...models import Service
from ...search import IndexMissing
from ..context import db_session, search_engine
from ..i18n import current_site_locale
from ..public import presenters
from ..links import external_url
from . import labels, state
from .blueprint import blueprint
from .rendering import printable_pdf, render_printable

NO_POSTCODE = "postcode"


def _terms() -> dict[str, TermName]:
    return term_names(db_session(), search_engine().catalogue_stamp())


def _form_context(needs, errors=None) -> dict:
    return {"needs": needs, "errors": errors or {},
            "categories": category_tree(db_session(), search_engine().catalogue_stamp()), "labels": labels,
            "choices": {"reach": REACH_CHOICES, "languages": SPOKEN_LANGUAGES, "days": DAYS, "times": TIMES,
                        "budgets": BUDGETS, "genders": GENDER_CHOICES},
            "shortlist": state.current_shortlist(), "presenters": presenters}


@blueprint.get("/")
def workspace():
    """The needs form (filled in again from the cookie when coming back to it)."""
    return render_template("connect/workspace.html", **_form_context(state.current_needs()))


@blueprint.post("/find")
def find():
    """Search for the participant; count the search anonymously when nothing suits."""
    needs = parse_needs(request.form, set(_terms()))
    if not needs.has_location:
        return _needs_error(needs, _("Please give the participant's postcode (or a point on the map)."))
    try:
        found = find_for_participant(db_session(), search_engine(), needs, current_site_locale().code)
    except (InvalidLocation, NeedsError):
        return _needs_error(needs, _("We could not find that postcode. Please check it, or try just the first part "
                                     "(for example LE4)."))
    except IndexMissing:
        abort(503)
    if not found.activities:
        session = db_session()
        gaps.record_gap(session, needs, found.located)
        session.commit()
    if not state.save_needs(needs):
        return _needs_error(needs, _("That is too much to remember at once. Please choose fewer options."))
    return redirect(url_for("connect.results"), code=303)


def _needs_error(needs, message: str):
    return render_template("connect/workspace.html", **_form_context(needs, {NO_POSTCODE: message})), 400


@blueprint.get("/results")
def results():
    needs = state.current_needs()
    if needs is None or not needs.has_location:
        return redirect(url_for("connect.workspace"))
    try:
        found = find_for_participant(db_session(), search_engine(), needs, current_site_locale().code)
    except (InvalidLocation, NeedsError):
        return redirect(url_for("connect.workspace"))
    except IndexMissing:
        abort(503)
    return render_template("connect/results.html", found=found, terms=_terms(), now=dt.datetime.now(),
                           **_form_context(needs))


def _listing_or_404(service_id: str) -> Service:
    service = db_session().get(Service, service_id) if service_id and len(service_id) <= 36 else None
    if service is None:
        abort(404)
    return service


@blueprint.post("/shortlist/add")
def shortlist_add():
    service = _listing_or_404(request.form.get("service_id", ""))
    shortlist = state.current_shortlist()
    try:
        shortlist.add(service.id)
    except ShortlistFull:
        flash(_("The shortlist is full. Please take something off it first."), "error")
    else:
        if state.save_shortlist(shortlist):
            flash(_("Added “%(name)s” to the shortlist.", name=service.text_in(current_site_locale().code)[0]), "info")
        else:
            flash(_("The shortlist is full. Please shorten some notes or take something off it."), "error")
    return redirect(url_for("connect.results") + f"#result-{service.id}", code=303)


def _apply_notes(shortlist, form) -> None:
    for service_id in shortlist.ids:
        if f"note-{service_id}" in form:
            shortlist.set_note(service_id, form.get(f"note-{service_id}", ""))


@blueprint.get("/shortlist")
def shortlist_page():
    shortlist = state.current_shortlist()
    services = _services(shortlist.ids)
    needs = state.current_needs()
    locale = sheet_locale_for(needs.languages if needs else [])
    sheet = build_sheet(services, shortlist.notes(), locale, FirstVisitPlan(), current_app.config["STALE_AFTER_DAYS"])
    shares = {entry.service.id: share_text(entry, current_site_locale().code, _listing_url(entry.service.id))
              for entry in sheet.entries}
    return render_template("connect/shortlist.html", sheet=sheet, shares=shares, sheet_locales=SHEET_LOCALES,
                           locales_by_code=BY_CODE, labels=labels)


@blueprint.post("/shortlist")
def shortlist_update():
    """Save the notes, then move or remove one item: one form, so no typed note is lost."""
    shortlist = state.current_shortlist()
    _apply_notes(shortlist, request.form)
    action, _sep, service_id = request.form.get("action", "save").partition(":")
    if action == "up":
        shortlist.move(service_id, -1)
    elif action == "down":
        shortlist.move(service_id, +1)
    elif action == "remove":
        shortlist.remove(service_id)
    if not state.save_shortlist(shortlist):
        flash(_("Those notes are too long to keep. Please shorten them."), "error")
    elif action == "save":
        flash(_("Notes saved."), "info")
    anchor = f"#item-{service_id}" if action in ("up", "down") else ""
    return redirect(url_for("connect.shortlist_page") + anchor, code=303)


def _services(ids: list[str]) -> list[Service]:
    found = {service.id: service for service in db_session().scalars(select(Service).where(Service.id.in_(ids)))} \
        if ids else {}
    return [found[service_id] for service_id in ids if service_id in found]


def _listing_url(service_id: str, locale: str | None = None) -> str:
    slug = BY_CODE[locale].slug if locale in BY_CODE else current_site_locale().slug
    return external_url("public.service", service_id=service_id, lang=slug)


@blueprint.post("/sheet")
def sheet():
    """The signposting sheet, as a page to print or a PDF; the first-visit plan is used
    here and forgotten with the response."""
    shortlist = state.current_shortlist()
    _apply_notes(shortlist, request.form)
    state.save_shortlist(shortlist)
    if not shortlist.ids:
        flash(_("Add at least one activity to the shortlist first."), "error")
        return redirect(url_for("connect.shortlist_page"), code=303)
    locale = request.form.get("sheet_locale", "en")
    built = build_sheet(_services(shortlist.ids), shortlist.notes(), locale, FirstVisitPlan.from_form(request.form),
                        current_app.config["STALE_AFTER_DAYS"])
    context = {"sheet": built, "qr": {entry.service.id: qr_data_uri(_listing_url(entry.service.id, built.locale))
                                      for entry in built.entries},
               "locales_by_code": BY_CODE}
    if request.form.get("format") != "pdf":
        return render_printable("connect/sheet.html", **context)
    try:
        pdf = printable_pdf("connect/sheet.html", **context)
    except PdfUnavailable:
        current_app.logger.warning("PDF requested but WeasyPrint is not available")
        flash(_("PDF files cannot be made on this server. Please use “Show the sheet” and your browser’s "
                "“Print” → “Save as PDF”."), "error")
        return redirect(url_for("connect.shortlist_page"), code=303)
    except (PdfBusy, PdfTooSlow) as error:
        current_app.logger.warning("sheet PDF not made: %s", error)
        flash(_("The PDF could not be made just now: the server is busy. Please try again in a minute, or use "
                "“Show the sheet” and your browser’s “Print”."), "error")
        return redirect(url_for("connect.shortlist_page"), code=303)
    return _pdf_response(pdf, "signposting-sheet.pdf")


def _pdf_response(pdf: bytes, filename: str):
    response = make_response(pdf)
    response.headers["Content-Type"] = "application/pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@blueprint.post("/finish")
def finish():
    """End the session with this participant: their needs and shortlist are forgotten."""
    state.forget_participant()
    flash(_("Done. Nothing about that participant is kept."), "info")
    return redirect(url_for("connect.workspace"), code=303)
