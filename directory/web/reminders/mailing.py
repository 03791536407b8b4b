"""``directory remind``: one e-mail per listing nearing staleness, in the listing's
language and in English, showing what we publish and three one-click links.

Each reminder is committed on its own, right after its message went (or did not), so a run
that stops half-way never sends the same reminder twice, and a second run the same day
finds every listing it reached already asked. A refused address or an unreachable server
is recorded on the reminder and in the audit log, and the run goes on with the next.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from flask import Flask, g, render_template
from flask_babel import force_locale, gettext as _

from ...freshness import issue_links, needs_asking
from ...i18n.locales import BY_CODE
from ...mail import compose, deliver, open_connection
from ...models import Reminder, Service
from ...models.submission import utcnow
from ...submissions import audit
from ...submissions.keepers import keeper_address
from ..links import external_url

SENDER = "reminder"
LINK_ENDPOINTS = {"confirm": "reminders.still_right", "edit": "reminders.change", "stop": "reminders.stopped"}


class MailNotConfigured(RuntimeError):
    """Sending needs a mail server, a fixed secret key and the site's public address."""


@dataclass
class RemindRun:
    sent: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    no_address: list[str] = field(default_factory=list)   # listing names: they go on the call list
    planned: list[tuple[str, str, str]] = field(default_factory=list)  # dry run: (name, address, locale)


def reminder_locales(service: Service) -> list[str]:
    """The listing's own language first (when the site has it), then English."""
    own = service.locale if service.locale in BY_CODE else "en"
    return list(dict.fromkeys([own, "en"]))


def _render_part(service: Service, code: str, tokens: dict[str, str]) -> dict:
    site_locale = BY_CODE[code]
    g.site_locale = site_locale
    with force_locale(site_locale.babel_locale):
        links = {purpose: external_url(endpoint, lang=site_locale.slug, token=tokens[purpose])
                 for purpose, endpoint in LINK_ENDPOINTS.items()}
        context = {"service": service, "locale": site_locale, "links": links, "now": dt.datetime.now()}
        return {"locale": site_locale, "subject": _("Is your listing still right? %(name)s",
                                                     name=service.text_in(code)[0]),
                "text": render_template("mail/reminder_part.txt", **context),
                "html": render_template("mail/reminder_part.html", **context)}


def compose_reminder(service: Service, recipient: str, tokens: dict[str, str]):
    parts = [_render_part(service, code, tokens) for code in reminder_locales(service)]
    subject = " / ".join(part["subject"] for part in parts)
    text = "\n\n----------------------------------------\n\n".join(part["text"] for part in parts)
    html = render_template("mail/reminder.html", parts=parts, subject=subject)
    # RFC 3834: an automatic message; well-behaved auto-responders do not answer it.
    return compose(subject, recipient, text, html, headers={"Auto-Submitted": "auto-generated"})


def _ready(app: Flask) -> None:
    missing = [name for name, value in (("DIRECTORY_MAIL_SERVER", app.config.get("MAIL_SERVER")),
                                        ("DIRECTORY_BASE_URL", app.config.get("BASE_URL")),
                                        ("DIRECTORY_SECRET_KEY", app.config.get("SECRET_KEY_FIXED")))
               if not value]
    if missing:
        raise MailNotConfigured(", ".join(missing))


def send_reminders(app: Flask, today: dt.date, days_before: int, dry_run: bool = False) -> RemindRun:
    if not dry_run:
        _ready(app)
    config = app.config
    run = RemindRun()
    database = app.extensions["directory.db"]
    with app.test_request_context("/", base_url=config.get("BASE_URL") or "http://localhost"), \
            database.session() as session:
        connection = open_connection() if not dry_run else None
        due = needs_asking(session, today, utcnow(), config["STALE_AFTER_DAYS"], days_before,
                           config["REMINDER_INTERVAL_DAYS"])
        for service in due:
            address = keeper_address(session, service)
            if address is None:
                run.no_address.append(service.name)
            elif dry_run:
                run.planned.append((service.name, address, reminder_locales(service)[0]))
            else:
                _remind(app, session, service, address, connection, run)
        if dry_run:
            session.rollback()
    return run


def _remind(app: Flask, session, service: Service, address: str, connection, run: RemindRun) -> None:
    reminder = Reminder(listing_id=service.id, recipient=address, locale=reminder_locales(service)[0],
                        delivery="pending", sent_at=utcnow())
    session.add(reminder)
    tokens = issue_links(session, reminder, app.config["SECRET_KEY"],
                         dt.timedelta(days=app.config["REMINDER_LINK_DAYS"]))
    delivery = deliver(compose_reminder(service, address, tokens), connection)
    reminder.delivery, reminder.error = delivery.state, delivery.error
    audit.record(session, service.id, SENDER, f"reminder_{delivery.state}", note=address)
    getattr(run, delivery.state).append(address)
    session.commit()
