"""Tell moderators a submission arrived — optional, and never at the submission's expense.

Runs after the submission is committed. With no ``MAIL_SERVER`` and ``MODERATION_EMAIL``
configured it does nothing; a failing mail server is logged and the group still sees its
confirmation (the submission is already safe in the database).
"""
from __future__ import annotations

import smtplib
from email.message import EmailMessage

from flask import current_app


def notify_moderators(kind: str, listing_name: str) -> bool:
    config = current_app.config
    server, recipient = config.get("MAIL_SERVER"), config.get("MODERATION_EMAIL")
    if not server or not recipient:
        return False
    try:
        message = EmailMessage()
        message["Subject"] = f"Community Signpost: {kind} listing waiting for review"
        message["From"] = config.get("MAIL_FROM") or recipient
        message["To"] = recipient
        message.set_content(f"{listing_name}\n\nSign in to the moderation queue to review it.")
        with smtplib.SMTP(server, int(config.get("MAIL_PORT") or 25), timeout=10) as smtp:
            smtp.send_message(message)
        return True
    except Exception:  # the submission stands; a moderator will see it in the queue anyway
        current_app.logger.exception("could not e-mail moderators about a submission")
        return False
