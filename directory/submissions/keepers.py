"""Who keeps a listing: the address its reminders go to.

In order: the address a moderator set (or the group gave when it sent the listing in),
then the listing's own e-mail, the organisation's (both from imported feeds), then a
contact's. A moderator may also clear it on purpose: the listing then goes on the call list
instead of being mailed (a group that asked not to be e-mailed, an address that bounces).
"""
from __future__ import annotations

import re

from sqlalchemy.orm import Session

from ..models import ListingKeeper, Service

ADDRESS = re.compile(r"^[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;.]+$")


def is_address(text: str | None) -> bool:
    return bool(text) and len(text) <= 255 and bool(ADDRESS.match(text))


def keeper_address(session: Session, service: Service) -> str | None:
    chosen = session.get(ListingKeeper, service.id)
    if chosen is not None:
        return chosen.email if is_address(chosen.email) else None
    candidates = [service.email, service.organization.email if service.organization else None]
    candidates += [contact.email for contact in service.contacts]
    return next((address for address in candidates if is_address(address)), None)


def set_keeper(session: Session, listing_id: str, email: str | None, actor: str) -> ListingKeeper:
    """Set (or, with ``None``, deliberately clear) the address reminders go to."""
    keeper = session.get(ListingKeeper, listing_id)
    if keeper is None:
        keeper = ListingKeeper(listing_id=listing_id, set_by=actor)
        session.add(keeper)
    keeper.email, keeper.set_by = email, actor
    return keeper


def remember_submitter(session: Session, listing_id: str, payload: dict) -> None:
    """Keep the address a group gave when it sent its listing in, even if a moderator later
    takes it off the published listing (many volunteers do not want it shown)."""
    addresses = [payload.get("email")] + [contact.get("email") for contact in payload.get("contacts") or []]
    address = next((item for item in addresses if is_address(item)), None)
    if address and session.get(ListingKeeper, listing_id) is None:
        session.add(ListingKeeper(listing_id=listing_id, email=address, set_by="group"))
