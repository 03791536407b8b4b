"""The audit log: every change to a listing, who made it and what changed.

Changes are recorded as field paths of the ORUK document ("schedules[0].opens_at") with
the value before and after, so the same ``diff`` shows a moderator what an edit would
change and shows anyone later what it did change.
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import AuditEntry

IGNORED_KEYS = {"id", "last_modified", "text_locale", "link_id", "taxonomy_term_id", "service_id", "location_id",
                "organization_id", "contact_id", "service_at_location_id", "taxonomy_id", "parent_id"}
"""Identifiers and bookkeeping: they change on every save and mean nothing to a reader."""


def flatten(value, path: str = "") -> dict[str, object]:
    """{"schedules[0].opens_at": "10:00", ...} for every leaf of an ORUK document."""
    if isinstance(value, dict):
        leaves: dict[str, object] = {}
        for key in sorted(value):
            if key in IGNORED_KEYS:
                continue
            leaves.update(flatten(value[key], f"{path}.{key}" if path else key))
        return leaves
    if isinstance(value, list):
        if value and all(not isinstance(item, (dict, list)) for item in value):
            return {path: ", ".join(sorted(str(item) for item in value))}
        leaves = {}
        for index, item in enumerate(value):
            leaves.update(flatten(item, f"{path}[{index}]"))
        return leaves
    if value in ("", [], {}):
        value = None
    return {path: value}


def comparable(listing: dict | None) -> dict:
    """An ORUK document as a reader compares it: categories by code, ORUK ``status``
    left out (it is derived from ``listing_status`` on export), and the sets that have no
    order (languages spoken, each place's access) as sorted codes: the same members in
    another order are no change."""
    listing = dict(listing or {})
    listing.pop("status", None)
    listing["attributes"] = sorted(
        (item.get("taxonomy_term") or {}).get("code") or item.get("taxonomy_term_id") or ""
        for item in listing.get("attributes") or [])
    listing["languages"] = sorted(item.get("code") or "" for item in listing.get("languages") or [])
    listing["service_at_locations"] = [
        dict(link, location=_comparable_location(link.get("location")))
        for link in listing.get("service_at_locations") or []]
    return listing


def _comparable_location(location: dict | None) -> dict | None:
    if not location:
        return location
    access = location.get("accessibility") or []
    return dict(location, accessibility=sorted(item.get("description") or "" for item in access),
                accessibility_details=sorted(item.get("details") for item in access if item.get("details")))


def diff(before: dict | None, after: dict | None) -> list[list]:
    """``[[path, before, after], ...]`` for every leaf that differs, in path order."""
    old, new = flatten(comparable(before)), flatten(comparable(after))
    changes = []
    for path in sorted(set(old) | set(new)):
        a, b = old.get(path), new.get(path)
        if _comparable(a) != _comparable(b):
            changes.append([path, a, b])
    return changes


def _comparable(value):
    """Numbers from JSON (2) and from the database (2.0) are the same amount."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (int, float)):
        return float(value)
    return value


def record(session: Session, listing_id: str, actor: str, action: str, changes: list | None = None,
           note: str | None = None) -> AuditEntry:
    """Add an audit entry in the caller's transaction (it commits or rolls back with the change)."""
    entry = AuditEntry(listing_id=listing_id, actor=actor, action=action, changes=changes or [], note=note)
    session.add(entry)
    return entry


def history(session: Session, listing_id: str) -> list[AuditEntry]:
    """A listing's audit entries, newest first."""
    return list(session.scalars(select(AuditEntry).where(AuditEntry.listing_id == listing_id)
                                .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())))
