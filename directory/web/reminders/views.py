"""The three links of a reminder e-mail.

Each link opens a page showing the listing and one button (or, for "We have stopped or
paused", a short form); the answer is the POST. Opening a link changes nothing, because
mail scanners (and some webmail previews) fetch every link in a message: a listing must
not be confirmed, or closed, by a robot. A link that was altered, is for another purpose,
or has expired gets a clear page in the reader's language (404 or 410) and changes
nothing; a link already used says what was recorded, and changes nothing again.
"""
from __future__ import annotations

import datetime as dt

from flask import Blueprint, abort, current_app, redirect, render_template, url_for

from ...freshness import AlreadyAnswered, ExpiredReminderLink, InvalidReminderLink, find_link
from ...freshness.answers import answer_confirm, answer_edit, answer_stop, open_listing
from ...models import Service
from ...submissions import ListingNotLive
from ..context import db_session
from ..links import link_lifetime
from ..i18n import refuse_unknown_locale
from ..submit.guards import private_page, refuse_broken_text
from .forms import AnswerForm, StopForm

blueprint = Blueprint("reminders", __name__, url_prefix="/<lang>/reminder")


@blueprint.before_request
def checks():
    refuse_unknown_locale()
    refuse_broken_text()


@blueprint.after_request
def keep_private(response):
    return private_page(response)


def _lifetime() -> dt.timedelta:
    return dt.timedelta(days=current_app.config["REMINDER_LINK_DAYS"])


def _invalid(expired: bool):
    return current_app.make_response((render_template("reminders/link_invalid.html", expired=expired),
                                      410 if expired else 404))


def _link(purpose: str, token: str):
    """(stored link, listing) or a clear 404/410 page. A used link is answered by
    ``_already`` even when its answer closed the listing."""
    session = db_session()
    try:
        row = find_link(session, current_app.config["SECRET_KEY"], purpose, token, _lifetime())
        if row.used_at is not None and purpose != "edit":
            abort(_already(row))
        return row, open_listing(session, row)
    except ExpiredReminderLink:
        abort(_invalid(expired=True))
    except (InvalidReminderLink, ListingNotLive):
        abort(_invalid(expired=False))


def _already(row):
    service = db_session().get(Service, row.listing_id)
    if service is None:
        return _invalid(expired=False)
    reminder = row.reminder
    return current_app.make_response(render_template(
        "reminders/done.html", service=service, answer=reminder.answer, again=True, answered_at=row.used_at,
        paused_until=reminder.paused_until))


def _question(purpose: str, service, form, status: int = 200):
    """The page a link opens: what we publish, and the one question its purpose asks."""
    return render_template("reminders/answer.html", purpose=purpose, service=service, form=form,
                           now=dt.datetime.now()), status


@blueprint.route("/still-right/<token>", methods=["GET", "POST"])
def still_right(token: str):
    row, service = _link("confirm", token)
    form = AnswerForm()
    if not form.validate_on_submit():
        return _question("confirm", service, form)
    try:
        answer_confirm(db_session(), row, dt.date.today())
    except AlreadyAnswered:  # a double click raced the first
        db_session().rollback()
        return _already(row)
    db_session().commit()
    return render_template("reminders/done.html", service=service, answer="confirmed", again=False)


@blueprint.route("/change/<token>", methods=["GET", "POST"])
def change(token: str):
    row, service = _link("edit", token)
    form = AnswerForm()
    if not form.validate_on_submit():
        return _question("edit", service, form)
    edit_token = answer_edit(db_session(), row, link_lifetime())
    db_session().commit()
    return redirect(url_for("submit.edit", token=edit_token))


@blueprint.route("/stopped/<token>", methods=["GET", "POST"])
def stopped(token: str):
    row, service = _link("stop", token)
    form = StopForm()
    if not form.validate_on_submit():
        return _question("stop", service, form, status=400 if form.is_submitted() else 200)
    try:
        answer_stop(db_session(), row, dt.date.today(), form.choice.data, form.reason.data or None,
                    form.paused_until.data)
    except AlreadyAnswered:
        db_session().rollback()
        return _already(row)
    db_session().commit()
    return render_template("reminders/done.html", service=service, answer=form.choice.data, again=False,
                           paused_until=form.paused_until.data if form.choice.data == "paused" else None)
