"""The neighbourhood newsletter and the gap report: about places, never about people."""
from __future__ import annotations

import datetime as dt

from flask import abort, current_app, make_response, render_template, request
from flask_babel import force_locale

from ...connect.areas import UnknownArea, area_choices, load_wards, resolve_area
from ...connect.gaps import gap_csv, gap_report
from ...connect.newsletter import build_newsletter
from ...connect.pdf import PdfUnavailable, pdf_available
from ...connect.render_pool import PdfBusy, PdfTooSlow
from ...connect.sheet import SHEET_LOCALES, contact_numbers
from ...i18n.locales import BY_CODE, babel_locale, display_language_name
from ...listings import term_names
from ..context import db_session
from ..i18n import current_site_locale
from . import labels
from .blueprint import blueprint
from .rendering import printable_pdf, render_printable
from .views import _pdf_response

REPORT_WEEKS = (4, 13, 52)


def _wards():
    return load_wards(current_app.config["SEED_DIR"])


def newsletter_context(session, area_text: str, locale: str, wards) -> dict:
    """Everything the newsletter template needs (shared with ``directory newsletter``)."""
    area = resolve_area(area_text, wards)
    return {"newsletter": build_newsletter(session, area, locale), "labels": labels, "locales_by_code": BY_CODE,
            "contact_numbers": contact_numbers, "spoken_name": lambda code: display_language_name(code, locale)}


@blueprint.get("/newsletter")
def newsletter_form():
    session = db_session()
    return render_template("connect/newsletter_form.html", areas=area_choices(session, _wards()),
                           sheet_locales=SHEET_LOCALES, locales_by_code=BY_CODE, pdf_available=pdf_available())


@blueprint.get("/newsletter/print")
def newsletter_print():
    """The newsletter for ``area`` in ``language``, as a page to print or (format=pdf) a PDF.
    Area and language are not personal, so they travel in the URL and can be bookmarked."""
    locale = request.args.get("language", current_site_locale().code)
    if locale not in SHEET_LOCALES:
        abort(404)
    try:
        context = newsletter_context(db_session(), request.args.get("area", ""), locale, _wards())
    except UnknownArea:
        abort(404)
    with force_locale(babel_locale(locale)):
        if request.args.get("format") != "pdf":
            return render_printable("connect/newsletter.html", **context)
        try:
            pdf = printable_pdf("connect/newsletter.html", **context)
        except (PdfUnavailable, PdfBusy, PdfTooSlow):
            abort(503)
    return _pdf_response(pdf, f"newsletter-{context['newsletter'].area.key.lower()}-{locale}.pdf")


def _since() -> tuple[int | None, dt.date | None]:
    weeks = request.args.get("weeks", type=int)
    if weeks not in REPORT_WEEKS:
        return None, None
    return weeks, dt.date.today() - dt.timedelta(weeks=weeks)


@blueprint.get("/gaps")
def gaps_report():
    weeks, since = _since()
    session = db_session()
    rows = gap_report(session, since)
    terms = term_names(session)
    return render_template("connect/gaps.html", rows=rows, terms=terms, weeks=weeks, week_choices=REPORT_WEEKS,
                           largest=max((row.count for row in rows), default=0))


@blueprint.get("/gaps.csv")
def gaps_csv():
    _weeks, since = _since()
    response = make_response(gap_csv(db_session(), since))
    response.headers["Content-Type"] = "text/csv; charset=utf-8"
    response.headers["Content-Disposition"] = 'attachment; filename="gap-report.csv"'
    return response
