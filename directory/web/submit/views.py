"""The public side of submissions: list your group, its private edit link, and
'Report a problem with this listing'. Views parse, call ``directory.submissions``, commit,
and render; the commit comes before anything that could fail (e-mail, indexing)."""
from __future__ import annotations

import datetime as dt
from urllib.parse import quote, urlencode

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _

from ...models import Service
from ...oruk.write import service_to_oruk
from ...submissions import (
    InvalidEditToken, ListingNotLive, confirm_still_running, find_token, latest_submission, live_listing,
    report_problem, set_group_status, submit_edit, submit_listing,
)
from ..accounts import limiter
from ..context import db_session
from ..links import external_url, link_lifetime
from ..sealed import seal, unseal
from ..i18n import current_site_locale, refuse_unknown_locale
from .flow import process_listing_form, render_form
from .forms import ConfirmForm, ReportForm, StatusForm
from .guards import private_page, refuse_broken_text, report_limit, submit_limit
from .listing_form import draft_for_listing, listing_form
from .notify import notify_moderators

blueprint = Blueprint("submit", __name__, url_prefix="/<lang>")
PRIVATE_ENDPOINTS = {"submit.manage", "submit.confirm", "submit.status", "submit.edit", "submit.thanks"}
TOKEN_SESSION_KEY = "new_edit_token"
THANKS_WITHIN = 3600  # seconds: the thank-you page shows the link once, soon after sending


@blueprint.before_request
def checks():
    refuse_unknown_locale()
    refuse_broken_text()


@blueprint.after_request
def keep_private(response):
    return private_page(response) if request.endpoint in PRIVATE_ENDPOINTS else response


@blueprint.route("/list-your-group/", methods=["GET", "POST"])
@limiter.limit(submit_limit, methods=["POST"])
def new_listing():
    form = listing_form(db_session(), formdata=request.form if request.method == "POST" else None)
    context = {"mode": "new", "form_action": url_for("submit.new_listing")}
    if request.method == "GET":
        return render_form(form, **context)
    return process_listing_form(form, None, _store_new_listing, honeypot=lambda: redirect(url_for("submit.thanks")),
                                **context)


def _store_new_listing(payload: dict):
    receipt = submit_listing(db_session(), payload, current_site_locale().code, link_lifetime())
    db_session().commit()
    notify_moderators("new", payload.get("name") or "")
    # Shown once on the next page, then forgotten; sealed, because the session cookie is
    # only signed and the raw token is the key to the listing.
    session[TOKEN_SESSION_KEY] = seal(receipt.token)
    return redirect(url_for("submit.thanks"))


@blueprint.get("/list-your-group/thanks")
def thanks():
    token = unseal(session.pop(TOKEN_SESSION_KEY, None), max_age=THANKS_WITHIN)
    link = external_url("submit.manage", token=token) if isinstance(token, str) else None
    return render_template("submit/thanks.html", edit_link=link, email_link=email_link_for(link) if link else None)


def email_link_for(link: str) -> str:
    """A mailto: address with no recipient and the link in a translated message: the person
    who filled in the form sends it to the group's own address, which we never learn."""
    subject = _("The private link to change our listing on Community Signpost")
    body = _("This link lets us change our group's listing on Community Signpost, or say that the group "
             "is still running. Keep it private: anyone with it can change the listing.\n\n%(link)s", link=link)
    return "mailto:?" + urlencode({"subject": subject, "body": body}, quote_via=quote)


def _token_listing(token: str):
    """(token row, live listing or None) for an edit link; a clear 404 page otherwise.
    Every use renews the link's lifetime."""
    try:
        row = find_token(db_session(), token, lifetime=link_lifetime())
    except InvalidEditToken:
        abort(_invalid_link())
    return row, db_session().get(Service, row.listing_id)


def _invalid_link():
    return current_app.make_response((render_template("submit/link_invalid.html"), 404))


@blueprint.get("/my-listing/<token>")
def manage(token: str):
    row, service = _token_listing(token)
    db_session().commit()
    return render_template("submit/manage.html", token=token, service=service,
                           submission=latest_submission(db_session(), row.listing_id),
                           status_form=StatusForm(status=_status_choice(service)), confirm_form=ConfirmForm())


def _status_choice(service: Service | None) -> str | None:
    if service is None:
        return None
    if service.listing_status == "full" and service.how_to_join == "waiting_list":
        return "waiting_list"
    return service.listing_status


@blueprint.post("/my-listing/<token>/confirm")
def confirm(token: str):
    row, service = _token_listing(token)
    if service is None or not ConfirmForm().validate():
        abort(400)
    confirm_still_running(db_session(), row.listing_id, dt.date.today())
    db_session().commit()
    flash(_("Thank you. The listing now shows it was checked today."))
    return redirect(url_for("submit.manage", token=token))


@blueprint.post("/my-listing/<token>/status")
def status(token: str):
    row, service = _token_listing(token)
    form = StatusForm()
    if service is None or not form.validate():
        abort(400)
    set_group_status(db_session(), row.listing_id, form.status.data, dt.date.today())
    db_session().commit()
    flash(_("Thank you. The listing has been updated."))
    return redirect(url_for("submit.manage", token=token))


@blueprint.route("/my-listing/<token>/edit", methods=["GET", "POST"])
@limiter.limit(submit_limit, methods=["POST"])
def edit(token: str):
    row, service = _token_listing(token)
    if service is None:
        return redirect(url_for("submit.manage", token=token))
    session_ = db_session()
    base = service_to_oruk(service)
    pending = latest_submission(session_, row.listing_id)
    start = pending.payload if pending is not None and pending.kind == "edit" and pending.state == "pending" else base
    form = listing_form(session_, formdata=request.form) if request.method == "POST" else listing_form(
        session_, draft=draft_for_listing(start))
    context = {"mode": "edit", "form_action": url_for("submit.edit", token=token), "service": service}
    if request.method == "GET":
        return render_form(form, **context)

    def send(payload: dict):
        try:
            submit_edit(session_, row.listing_id, payload, current_site_locale().code)
        except ListingNotLive:
            abort(404)
        session_.commit()
        notify_moderators("changed", payload.get("name") or "")
        flash(_("Thank you. A moderator will check your changes, usually within a few days."))
        return redirect(url_for("submit.manage", token=token))

    return process_listing_form(form, base, send, **context)


@blueprint.route("/services/<service_id>/report", methods=["GET", "POST"])
@limiter.limit(report_limit, methods=["POST"])
def report(service_id: str):
    try:
        service = live_listing(db_session(), service_id[:36])
    except ListingNotLive:
        abort(404)
    form = ReportForm()
    if request.method == "POST" and form.validate():
        if not form.homepage.data:
            report_problem(db_session(), service.id, form.problem.data, form.details.data or None,
                           current_site_locale().code)
            db_session().commit()
        return render_template("submit/report_thanks.html", service=service)
    status = 400 if request.method == "POST" else 200
    return render_template("submit/report.html", form=form, service=service), status
