"""The freshness page: how much of the directory the groups confirmed lately, how the
reminders are doing, and the call list a moderator phones from (printable on A4, because
the phoning is often done away from a screen). Also where a moderator sets who keeps a
listing (the address reminders go to)."""
from __future__ import annotations

import datetime as dt

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _

from ...connect.areas import load_wards
from ...freshness import confirmed_by_phone, freshness_report, keeper_address, set_keeper
from ...models import ListingKeeper, Service
from ...models.submission import utcnow
from ...submissions import ListingNotLive, record
from ..context import db_session
from ..i18n import current_site_locale
from .forms import DecisionForm, KeeperForm
from .views import _actor, _get_or_404, blueprint, history_page


@blueprint.get("/freshness")
def freshness():
    config = current_app.config
    locale = current_site_locale().code
    report = freshness_report(db_session(), dt.date.today(), utcnow(), config["STALE_AFTER_DAYS"],
                              config["REMINDER_DAYS_BEFORE"], load_wards(config["SEED_DIR"]),
                              lambda term: term.name_in(locale), _("Outside the wards"))
    return render_template("moderate/freshness.html", report=report, decision_form=DecisionForm(),
                           printed_on=dt.date.today())


@blueprint.post("/listings/<listing_id>/phoned")
def confirmed_on_the_phone(listing_id: str):
    """"Confirmed by phone": one click on the call list."""
    if not DecisionForm().validate():
        abort(400)
    try:
        confirmed_by_phone(db_session(), listing_id[:36], dt.date.today(), _actor())
    except ListingNotLive:
        abort(404)
    db_session().commit()
    flash(_("Marked as confirmed by phone today."))
    return redirect(url_for("moderate.freshness", _anchor="call-list"))


@blueprint.post("/listings/<listing_id>/keeper")
def keeper(listing_id: str):
    service = _get_or_404(Service, listing_id)
    form = KeeperForm()
    if not form.validate():
        return history_page(service.id, keeper_form=form, status=400)
    session = db_session()
    before = keeper_address(session, service)
    if form.email.data:
        set_keeper(session, service.id, form.email.data, _actor())
    else:  # back to the listing's own addresses
        existing = session.get(ListingKeeper, service.id)
        if existing is not None:
            session.delete(existing)
        session.flush()
    record(session, service.id, _actor(), "keeper_set", [["keeper", before, keeper_address(session, service)]])
    session.commit()
    flash(_("Reminders for this listing will go to the address shown."))
    return redirect(url_for("moderate.listing_history", listing_id=service.id))
