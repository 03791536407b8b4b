"""Tell moderators a submission arrived — optional, and never at the submission's expense.

Runs after the submission is committed. With no ``MAIL_SERVER`` and ``MODERATION_EMAIL``
configured it does nothing; a failing mail server is logged and the group still sees its
confirmation (the submission is already safe in the database). Sent through
``directory.mail``, the same path as the reminders to groups.
"""
from __future__ import annotations

from flask import current_app
from markupsafe import escape

from ...mail import compose, deliver, mail_configured, open_connection


def notify_moderators(kind: str, listing_name: str) -> bool:
    recipient = current_app.config.get("MODERATION_EMAIL")
    if not mail_configured() or not recipient:
        return False
    text = f"{listing_name}\n\nSign in to the moderation queue to review it."
    html = f"<p><strong>{escape(listing_name)}</strong></p><p>Sign in to the moderation queue to review it.</p>"
    message = compose(f"Community Signpost: {kind} listing waiting for review", recipient, text, html)
    delivery = deliver(message, open_connection())
    if delivery.state != "sent":  # the submission stands; a moderator will see it in the queue anyway
        current_app.logger.error("could not e-mail moderators about a submission: %s", delivery.error)
    return delivery.state == "sent"
