"""The one-click links of a reminder: signed, expiring, single-purpose, stored hashed.

Each link's token is an ``itsdangerous`` timed signature (the site's secret key, a salt
per purpose) over 256 random bits. The signature lets an altered or made-up link be turned
away before the database is asked, and a link for one purpose can never be replayed as
another (a "Still right" token is not a valid "We have stopped" token). As with edit links
(``submissions.tokens``), only a SHA-256 of the token is stored, so a copy of the database
cannot answer anyone's reminder; the row also carries the expiry and when it was used.
"""
from __future__ import annotations

import datetime as dt
import secrets

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import Reminder, ReminderToken
from ..models.reminder import REMINDER_PURPOSES
from ..models.submission import utcnow
from ..submissions.tokens import hash_token

MAX_TOKEN_LENGTH = 200


class InvalidReminderLink(LookupError):
    """Altered, made up, or for another purpose (the page answers 404)."""


class ExpiredReminderLink(InvalidReminderLink):
    """Genuine but too old (the page answers 410 and says so)."""


def _signer(secret: str, purpose: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret, salt=f"directory.reminder.{purpose}")


def issue_links(session: Session, reminder: Reminder, secret: str, lifetime: dt.timedelta) -> dict[str, str]:
    """A raw token per purpose for this reminder (put in the e-mail, never stored)."""
    tokens = {}
    expires = utcnow() + lifetime
    for purpose in REMINDER_PURPOSES:
        token = _signer(secret, purpose).dumps(secrets.token_urlsafe(32))
        reminder.tokens.append(ReminderToken(listing_id=reminder.listing_id, purpose=purpose,
                                             token_hash=hash_token(token), expires_at=expires))
        tokens[purpose] = token
    return tokens


def find_link(session: Session, secret: str, purpose: str, token: str, lifetime: dt.timedelta) -> ReminderToken:
    """The stored link for a raw token, or InvalidReminderLink / ExpiredReminderLink."""
    if purpose not in REMINDER_PURPOSES or not token or len(token) > MAX_TOKEN_LENGTH or not token.isascii():
        raise InvalidReminderLink("malformed")
    try:
        _signer(secret, purpose).loads(token, max_age=int(lifetime.total_seconds()))
    except SignatureExpired as error:
        raise ExpiredReminderLink("signature too old") from error
    except BadSignature as error:
        raise InvalidReminderLink("bad signature") from error
    row = session.scalar(select(ReminderToken).where(ReminderToken.token_hash == hash_token(token),
                                                     ReminderToken.purpose == purpose))
    if row is None:
        raise InvalidReminderLink("unknown")
    if row.expires_at <= utcnow():
        raise ExpiredReminderLink("expired")
    return row
