"""The participant's needs and shortlist, kept in the signed session cookie only.

Flask's session is a cookie signed with the app's secret (itsdangerous): the server keeps
nothing, and a tampered cookie is discarded. Signed is not secret, so the needs (a
postcode, interests, languages: personal) are also sealed (encrypted, see ``web.sealed``);
the shortlist holds only public listing ids. Browsers drop cookies over 4 KB, so every
change is checked against ``COOKIE_BUDGET`` before it is accepted.
"""
from __future__ import annotations

from flask import current_app, session

from ...connect.needs import ParticipantNeeds
from ...connect.shortlist import Shortlist
from ..sealed import seal, unseal

NEEDS_KEY = "connect_needs"
SHORTLIST_KEY = "connect_shortlist"
COOKIE_BUDGET = 3800  # bytes of signed session value; leaves room for the cookie's name and flags


def current_needs() -> ParticipantNeeds | None:
    data = unseal(session.get(NEEDS_KEY))
    return ParticipantNeeds.from_dict(data) if isinstance(data, dict) else None


def current_shortlist() -> Shortlist:
    return Shortlist.from_data(session.get(SHORTLIST_KEY))


def _fits(candidate: dict) -> bool:
    serializer = current_app.session_interface.get_signing_serializer(current_app)
    return serializer is None or len(serializer.dumps(candidate)) <= COOKIE_BUDGET


def save_needs(needs: ParticipantNeeds) -> bool:
    sealed = seal(needs.as_dict())
    candidate = dict(session, **{NEEDS_KEY: sealed})
    if not _fits(candidate):
        return False
    session[NEEDS_KEY] = sealed
    return True


def save_shortlist(shortlist: Shortlist) -> bool:
    """Store the shortlist; False (and nothing changed) when it would overflow the cookie."""
    candidate = dict(session, **{SHORTLIST_KEY: shortlist.as_data()})
    if not _fits(candidate):
        return False
    session[SHORTLIST_KEY] = shortlist.as_data()
    return True


def forget_participant(*_args, **_kwargs) -> None:
    """Drop everything about the participant (after the session, or when staff sign out)."""
    session.pop(NEEDS_KEY, None)
    session.pop(SHORTLIST_KEY, None)
