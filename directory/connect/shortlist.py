"""The participant's shortlist: listing ids, in the order agreed, each with a short note.

It lives in the signed session cookie (browser-side, never on the server), so it is kept
small: at most ``MAX_ITEMS`` listings and ``MAX_NOTE`` characters of note each, and the
caller checks the whole cookie still fits (browsers drop cookies over 4 KB).
"""
from __future__ import annotations

from dataclasses import dataclass

MAX_ITEMS = 12
MAX_NOTE = 200
ID_LENGTH = 36


class ShortlistFull(ValueError):
    """No room for another listing (or a longer note) in the shortlist."""


@dataclass
class ShortlistItem:
    service_id: str
    note: str = ""


class Shortlist:
    """An ordered list of ``ShortlistItem``; ``as_data()`` is what the cookie holds."""

    def __init__(self, items: list[ShortlistItem] | None = None):
        self.items = items or []

    @classmethod
    def from_data(cls, data) -> "Shortlist":
        """Rebuild from cookie data, dropping anything malformed rather than failing."""
        items, seen = [], set()
        for entry in data if isinstance(data, list) else []:
            if not (isinstance(entry, list) and entry and isinstance(entry[0], str)):
                continue
            service_id = entry[0][:ID_LENGTH]
            if service_id in seen:
                continue
            seen.add(service_id)
            note = entry[1] if len(entry) > 1 and isinstance(entry[1], str) else ""
            items.append(ShortlistItem(service_id, clean_note(note)))
        return cls(items[:MAX_ITEMS])

    def as_data(self) -> list[list[str]]:
        return [[item.service_id, item.note] if item.note else [item.service_id] for item in self.items]

    @property
    def ids(self) -> list[str]:
        return [item.service_id for item in self.items]

    def __contains__(self, service_id: str) -> bool:
        return service_id in self.ids

    def __len__(self) -> int:
        return len(self.items)

    def add(self, service_id: str) -> None:
        if service_id in self:
            return
        if len(self.items) >= MAX_ITEMS:
            raise ShortlistFull(service_id)
        self.items.append(ShortlistItem(service_id[:ID_LENGTH]))

    def remove(self, service_id: str) -> None:
        self.items = [item for item in self.items if item.service_id != service_id]

    def move(self, service_id: str, step: int) -> None:
        """Move one place up (step -1) or down (step +1); the ends stay put."""
        ids = self.ids
        if service_id not in ids:
            return
        at = ids.index(service_id)
        to = max(0, min(len(ids) - 1, at + (1 if step > 0 else -1)))
        self.items.insert(to, self.items.pop(at))

    def set_note(self, service_id: str, note: str) -> None:
        for item in self.items:
            if item.service_id == service_id:
                item.note = clean_note(note)

    def notes(self) -> dict[str, str]:
        return {item.service_id: item.note for item in self.items}


def clean_note(note: str) -> str:
    """One paragraph of plain text, at most MAX_NOTE characters."""
    return " ".join(str(note or "").split())[:MAX_NOTE]
