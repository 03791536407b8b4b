"""Private edit links: a random token the group keeps, of which only a hash is stored.

A link lives ``lifetime`` (a year by default, ``DIRECTORY_EDIT_LINK_DAYS``) from its last
use, and a listing has one working link at a time: issuing a new one revokes the others,
so a link read out on the phone to the wrong person can be replaced, not just added to.

The token has 256 bits of randomness, so an unsalted SHA-256 is enough (there is nothing
to guess or look up in a table); comparing hashes in the database rather than tokens
means a copy of the database cannot edit anyone's listing.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ..models import EditToken
from ..models.submission import utcnow

TOKEN_BYTES = 32
MAX_TOKEN_LENGTH = 64
DEFAULT_LIFETIME = dt.timedelta(days=365)


class InvalidEditToken(LookupError):
    """An edit link that is unknown, malformed or revoked (the page answers 404)."""


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue_token(session: Session, listing_id: str, lifetime: dt.timedelta = DEFAULT_LIFETIME,
                revoked_by: str = "replaced", revoke_others: bool = True) -> str:
    """Make a new edit link for a listing, revoking any it had; returns the raw token
    (shown once, never stored). ``revoke_others=False`` adds a link beside the group's own
    (a reminder's "Change something" must not break the link the group already keeps)."""
    if revoke_others:
        revoke_tokens(session, listing_id, revoked_by)
    token = secrets.token_urlsafe(TOKEN_BYTES)
    session.add(EditToken(listing_id=listing_id, token_hash=hash_token(token), expires_at=utcnow() + lifetime))
    return token


def find_token(session: Session, token: str, lifetime: dt.timedelta | None = None) -> EditToken:
    """The active EditToken for a raw token, or InvalidEditToken (unknown, revoked or
    expired). With ``lifetime``, the link counts as used now: it lives that long again."""
    if not token or len(token) > MAX_TOKEN_LENGTH or not token.isascii():
        raise InvalidEditToken("malformed")
    row = session.scalar(select(EditToken).where(EditToken.token_hash == hash_token(token)))
    if row is None or not row.is_active:
        raise InvalidEditToken("unknown, revoked or expired")
    if lifetime is not None:
        row.last_used_at = utcnow()
        row.expires_at = row.last_used_at + lifetime
    return row


def revoke_tokens(session: Session, listing_id: str, revoked_by: str) -> int:
    """Revoke every live edit link of a listing; returns how many were revoked."""
    result = session.execute(
        update(EditToken).where(EditToken.listing_id == listing_id, EditToken.revoked_at.is_(None))
        .values(revoked_at=utcnow(), revoked_by=revoked_by))
    return result.rowcount or 0


def active_tokens(session: Session, listing_id: str) -> list[EditToken]:
    return list(session.scalars(select(EditToken).where(EditToken.listing_id == listing_id)
                                .order_by(EditToken.created_at)))
