"""Outgoing e-mail through Flask-Mailman: multipart (plain text and HTML) messages on one
SMTP path for everything the site sends (reminders to groups, notes to moderators).

Settings are read from the app's config at send time, not when the app is made, so a
test (or an operator's ``flask shell``) can point the site at another server without
rebuilding it. With no ``MAIL_SERVER`` nothing is sent and callers are told so.

Why errors are classified here: a reminder run must go on after one bad address and
record what happened. The server refusing a recipient (5xx/4xx to RCPT) is ``refused``:
asking again tomorrow will not help, so a moderator should phone. Anything else (no
server, a dropped connection, a time-out) is ``failed``: the next run tries again.
"""
from __future__ import annotations

import smtplib
from dataclasses import dataclass

from flask import Flask, current_app
from flask_mailman import EmailMultiAlternatives, Mail

mail = Mail()


def init_app(app: Flask) -> None:
    mail.init_app(app)


def mail_configured() -> bool:
    return bool(current_app.config.get("MAIL_SERVER"))


def sender() -> str:
    config = current_app.config
    return config.get("MAIL_FROM") or config.get("MODERATION_EMAIL") or "signpost@localhost"


def open_connection():
    """An SMTP connection (opened on first send) with the app's current settings."""
    config = current_app.config
    return mail.get_connection(
        backend="smtp", host=config.get("MAIL_SERVER"), port=int(config.get("MAIL_PORT") or 25),
        username=config.get("MAIL_USERNAME") or None, password=config.get("MAIL_PASSWORD") or None,
        use_tls=bool(config.get("MAIL_USE_TLS")), timeout=int(config.get("MAIL_TIMEOUT") or 10))


def compose(subject: str, recipient: str, text: str, html: str | None = None,
            headers: dict | None = None) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(subject=subject, body=text, from_email=sender(), to=[recipient],
                                     headers=headers or {})
    if html:
        message.attach_alternative(html, "text/html")
    return message


@dataclass(frozen=True)
class Delivery:
    """What happened to one message: ``sent``, ``refused`` or ``failed``, and why."""

    state: str
    error: str | None = None


def deliver(message: EmailMultiAlternatives, connection) -> Delivery:
    """Send one message on ``connection``; never raises for a mail problem."""
    try:
        connection.send_messages([message])
    except smtplib.SMTPRecipientsRefused as error:
        _drop(connection)
        reasons = "; ".join(f"{code} {text.decode('utf-8', 'replace') if isinstance(text, bytes) else text}"
                            for code, text in error.recipients.values())
        return Delivery("refused", reasons)
    except (smtplib.SMTPException, OSError) as error:
        _drop(connection)
        return Delivery("failed", f"{type(error).__name__}: {error}")
    return Delivery("sent")


def _drop(connection) -> None:
    """Forget a broken connection so the next message opens a fresh one."""
    try:
        connection.close()
    except Exception:  # already gone; nothing to tidy
        pass
    connection.connection = None
