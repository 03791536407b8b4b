"""ORUK ids are UUIDs: how a stored id that is not one is published, and found again.

ORUK 3.0 (UK profile) declares every ``id`` and every reference to one (``service_id``,
``organization_id``, ``taxonomy_term_id``, ``parent_id`` …) as ``format: uuid``. Our own
ids are UUIDs, but an imported feed may carry anything ("svc-42"). Such an id is kept as
stored (old links keep working) and published as ``uuid5(NAMESPACE, stored)``, which is
stable across processes and exports; ``find`` accepts either. An export imported
elsewhere therefore stores the UUID, and exports the same document again.
"""
from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://signpost.example.org/oruk/id")
_UUID_SHAPE = "________-____-____-____-____________"  # SQL LIKE: 36 characters, dashes where a UUID has them
MAX_ID_LENGTH = 36


def is_uuid(value: str) -> bool:
    """What the schemas' ``format: uuid`` accepts: 8-4-4-4-12 hex digits."""
    if not isinstance(value, str) or len(value) != 36 or any(value[i] != "-" for i in (8, 13, 18, 23)):
        return False
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def oruk_id(stored: str | None) -> str | None:
    """The id to publish for a stored id: itself when it is a UUID, else a stable uuid5 of it."""
    if stored is None:
        return None
    return stored if is_uuid(stored) else str(uuid.uuid5(NAMESPACE, stored))


def find(session: Session, model, identifier: str):
    """The row of ``model`` with this stored id or this published id (None when neither).

    Only stored ids that are not UUID-shaped can have a different published id, so those
    few are the only ones hashed: a lookup by a plain UUID costs one primary-key get."""
    if not identifier or len(identifier) > MAX_ID_LENGTH:
        return None
    found = session.get(model, identifier)
    if found is not None or not is_uuid(identifier):
        return found
    for stored in session.scalars(select(model.id).where(model.id.not_like(_UUID_SHAPE))):
        if oruk_id(stored) == identifier:
            return session.get(model, stored)
    return None


__all__ = ["NAMESPACE", "find", "is_uuid", "oruk_id"]
