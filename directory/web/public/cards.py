"""Result cards rendered once and reused while the listing stays the same.

Why: at 50,000 listings a results page spent about a third of its time loading its ten
listings through the ORM (eight queries) and another third rendering them. What a card
shows of the listing itself (name, status, next session, cost, languages, access, its
places on the map) depends only on the listing and the reader's locale, so it is rendered
once per (listing, index version, locale) and kept in this process until the listing
changes (the index gives every document the change-log seq it was written at) or its next
session starts. What depends on the search (why it was suggested, how far) is rendered
with the page. A listing the index has no version for is never cached.

A card is rendered from the card facts the index keeps with the hit
(``directory.card_facts.CardListing``) or, in a generation written before them, from the
listing loaded through the ORM: ``render_cards`` takes either.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from flask import current_app, url_for
from markupsafe import Markup

from ..prepared import ListingVersionCache

CARD_CACHE_SIZE = 20_000   # cards kept per process (~2 KB each), least recently shown dropped


@dataclass(frozen=True)
class Card:
    head: Markup               # the name (a link) and any paused/full notice
    facts: Markup              # next session, cost, languages, access
    markers: tuple[dict, ...]  # the listing's places, for the results map
    valid_until: dt.datetime | None  # when the "next session" shown starts (None: never stale)


class CardCache(ListingVersionCache):
    """Least-recently-used cards of one process, per (listing, version, locale)."""

    def __init__(self, size: int = CARD_CACHE_SIZE):
        super().__init__(size)


def render_cards(services: list, locale: str, now: dt.datetime) -> dict[str, Card]:
    """Listings' (``Service`` or ``CardListing``) card parts by service id (inside a request:
    it renders templates and URLs)."""
    context: dict = {}
    current_app.update_template_context(context)
    macros = current_app.jinja_env.get_template("public/_result_card.html").make_module(context)
    cards = {}
    for service in services:
        upcoming = service.next_sessions(now, 1)
        following = upcoming[0] if upcoming else None
        cards[service.id] = Card(Markup(macros.card_head(service)), Markup(macros.card_facts(service, following)),
                                 tuple(map_markers(service, locale)), following.starts if following else None)
    return cards


def map_markers(service, locale: str) -> list[dict]:
    """Map markers for a listing's located places (the map script reads them from the page)."""
    name = service.text_in(locale)[0]
    return [{"id": service.id, "name": name, "lat": location.latitude, "lon": location.longitude,
             "url": url_for("public.service", service_id=service.id)}
            for location in service.locations if location.latitude is not None and location.longitude is not None]


def card_cache() -> CardCache:
    """This app's cache (one per process: each gunicorn worker builds its own app)."""
    cache = current_app.extensions.get("directory.cards")
    if cache is None:
        cache = current_app.extensions["directory.cards"] = CardCache()
    return cache
