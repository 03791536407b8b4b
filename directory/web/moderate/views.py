"""The moderation queue: review new listings and edits (as a diff against the live
listing), problem reports and stale listings; every decision is audited."""
from __future__ import annotations

import datetime as dt

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ...listings import term_names
from ...models import ProblemReport, Service, Submission
from ...oruk.read import InvalidRecord
from ...oruk.write import service_to_oruk
from ...submissions import (
    AlreadyDecided, ListingNotLive, approve, confirm_still_running, diff, find_duplicates, history, issue_token,
    moderation_queue, record, reject, resolve_report, revoke_tokens,
)
from ...submissions.keepers import keeper_address
from ...submissions.tokens import active_tokens
from ..accounts import login_manager
from ..context import db_session, search_engine
from ..links import external_url, link_lifetime
from ..submit.flow import process_listing_form, render_form
from ..submit.guards import private_page, refuse_broken_text
from ..i18n import refuse_unknown_locale
from ..submit.listing_form import draft_for_listing, listing_form
from . import labels
from .forms import DecisionForm, KeeperForm, RejectForm, ResolveForm

blueprint = Blueprint("moderate", __name__, url_prefix="/<lang>/moderate")


@blueprint.before_request
def moderators_only():
    refuse_unknown_locale()
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    if not current_user.has_role("moderator"):
        abort(403)
    refuse_broken_text()
    return None


@blueprint.after_request
def never_cached(response):
    return private_page(response)


@blueprint.app_context_processor
def moderation_labels():
    return {"moderation_labels": labels}


def _terms() -> dict:
    """Category names by code: a diff shows "Lunch club", not ``lunch-club``."""
    return term_names(db_session(), search_engine().catalogue_stamp())


def _actor() -> str:
    return current_user.email


def _get_or_404(model, item_id: str):
    item = db_session().get(model, item_id[:36])
    if item is None:
        abort(404)
    return item


@blueprint.get("/")
def queue():
    found = moderation_queue(db_session(), dt.date.today(), current_app.config["STALE_AFTER_DAYS"])
    names = _listing_names([*found.reports])
    return render_template("moderate/queue.html", queue=found, names=names, decision_form=DecisionForm())


def _listing_names(items) -> dict[str, str]:
    ids = {item.listing_id for item in items}
    return {service.id: service.name for service in (db_session().get(Service, i) for i in ids) if service}


@blueprint.get("/submissions/<submission_id>")
def submission(submission_id: str):
    item = _get_or_404(Submission, submission_id)
    live = db_session().get(Service, item.listing_id)
    changes = diff(service_to_oruk(live) if live else None, item.payload)
    duplicates = find_duplicates(db_session(), item.payload, exclude=item.listing_id)
    return render_template("moderate/submission.html", item=item, live=live, changes=changes, duplicates=duplicates,
                           decision_form=DecisionForm(), reject_form=RejectForm(), terms=_terms())


@blueprint.post("/submissions/<submission_id>/approve")
def approve_submission(submission_id: str):
    item = _get_or_404(Submission, submission_id)
    return _decide(item, lambda: approve(db_session(), item, _actor(), dt.date.today()),
                   _("Approved. The listing is now in the directory."))


@blueprint.post("/submissions/<submission_id>/reject")
def reject_submission(submission_id: str):
    item = _get_or_404(Submission, submission_id)
    form = RejectForm()
    if not form.validate():
        live = db_session().get(Service, item.listing_id)
        return render_template("moderate/submission.html", item=item, live=live,
                               changes=diff(service_to_oruk(live) if live else None, item.payload),
                               duplicates=[], decision_form=DecisionForm(), reject_form=form, terms=_terms()), 400
    return _decide(item, lambda: reject(db_session(), item, _actor(), form.reason.data), _("Rejected."))


def _decide(item: Submission, decision, message: str):
    try:
        decision()
    except AlreadyDecided:
        db_session().rollback()
        flash(_("Someone else has already decided this one."))
        return redirect(url_for("moderate.queue"))
    except InvalidRecord as error:  # e.g. its category was removed since it was sent
        db_session().rollback()
        flash(_("This listing cannot be published as it is (%(problem)s). Please use “Edit, then approve”.",
                problem=error.path))
        return redirect(url_for("moderate.submission", submission_id=item.id))
    db_session().commit()   # IndexSync re-indexes an approved listing as this commit ends
    flash(message)
    return redirect(url_for("moderate.queue"))


@blueprint.route("/submissions/<submission_id>/edit", methods=["GET", "POST"])
def edit_submission(submission_id: str):
    """Edit then approve: the group's form, filled with what they sent."""
    item = _get_or_404(Submission, submission_id)
    if item.state != "pending":
        return redirect(url_for("moderate.submission", submission_id=item.id))
    session = db_session()
    form = listing_form(session, formdata=request.form) if request.method == "POST" else listing_form(
        session, draft=draft_for_listing(item.payload))
    context = {"mode": "moderate", "form_action": url_for("moderate.edit_submission", submission_id=item.id)}
    if request.method == "GET":
        return render_form(form, **context)
    return process_listing_form(form, item.payload, lambda payload: _decide(
        item, lambda: approve(session, item, _actor(), dt.date.today(), payload),
        _("Approved with your changes. The listing is now in the directory.")), **context)


@blueprint.get("/reports/<report_id>")
def problem_report(report_id: str):
    item = _get_or_404(ProblemReport, report_id)
    return render_template("moderate/report.html", item=item, service=db_session().get(Service, item.listing_id),
                           form=ResolveForm())


@blueprint.post("/reports/<report_id>/resolve")
def resolve(report_id: str):
    item = _get_or_404(ProblemReport, report_id)
    form = ResolveForm()
    if not form.validate():
        return render_template("moderate/report.html", item=item, service=db_session().get(Service, item.listing_id),
                               form=form), 400
    try:
        resolve_report(db_session(), item, _actor(), form.resolution.data or None)
    except AlreadyDecided:
        db_session().rollback()
    db_session().commit()
    flash(_("Marked as resolved."))
    return redirect(url_for("moderate.queue"))


@blueprint.get("/listings/<listing_id>/history")
def listing_history(listing_id: str):
    return history_page(listing_id)


def history_page(listing_id: str, keeper_form: KeeperForm | None = None, status: int = 200):
    session = db_session()
    service = session.get(Service, listing_id[:36])
    keeper = keeper_address(session, service) if service else None
    return render_template("moderate/history.html", listing_id=listing_id, service=service,
                           entries=history(session, listing_id[:36]), tokens=active_tokens(session, listing_id[:36]),
                           decision_form=DecisionForm(), terms=_terms(), keeper=keeper,
                           keeper_form=keeper_form or KeeperForm(formdata=None, email=keeper)), status


@blueprint.post("/listings/<listing_id>/checked")
def mark_checked(listing_id: str):
    """A moderator rang the group and it is still running."""
    if not DecisionForm().validate():
        abort(400)
    try:
        confirm_still_running(db_session(), listing_id[:36], dt.date.today(), actor=_actor())
    except ListingNotLive:
        abort(404)
    db_session().commit()
    flash(_("Marked as checked today."))
    return redirect(request.form.get("next") == "history" and url_for("moderate.listing_history", listing_id=listing_id)
                    or url_for("moderate.queue"))


@blueprint.post("/listings/<listing_id>/revoke-links")
def revoke_links(listing_id: str):
    if not DecisionForm().validate():
        abort(400)
    count = revoke_tokens(db_session(), listing_id[:36], _actor())
    record(db_session(), listing_id[:36], _actor(), "links_revoked", note=str(count))
    db_session().commit()
    flash(_("The group's edit links no longer work."))
    return redirect(url_for("moderate.listing_history", listing_id=listing_id))


@blueprint.post("/listings/<listing_id>/new-link")
def new_link(listing_id: str):
    """A fresh edit link to read out or post to the group (shown once, stored only as a hash)."""
    if not DecisionForm().validate():
        abort(400)
    service = _get_or_404(Service, listing_id)
    token = issue_token(db_session(), service.id, link_lifetime(), revoked_by=_actor())  # the old links stop working
    record(db_session(), service.id, _actor(), "link_issued")
    db_session().commit()
    return render_template("moderate/new_link.html", service=service, link=external_url("submit.manage", token=token))
