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
from flask_babel import get_locale
from markupsafe import Markup, escape

from ...i18n.detect import text_direction
from ...i18n.locales import html_lang_for
from ... import vocabulary
from ...vocabulary import N_
from ..bidi import ltr
from ..listing_words import cost_option_kind, cost_option_label, date_with_time, list_of
from ..prepared import ListingVersionCache
from ..template_gettext import translator

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
    it formats in the request's locale and builds URLs).

    Written in Python rather than as Jinja macros: a card is ~25 small pieces (words, a
    date, prices, languages, access features), and through Jinja each piece paid its call
    overhead (``Context.call``, macro frames) while a results page at 50,000 listings rarely
    finds its cards already rendered. The markup is the macros' markup to the character:
    tests/web/test_card_facts.py renders every card of the seed, the ORUK profile's
    examples and a gu/pl/zh feed both ways, in six locales at three moments."""
    words = _card_words()
    cards = {}
    for service in services:
        upcoming = service.next_sessions(now, 1)
        following = upcoming[0] if upcoming else None
        url = url_for("public.service", service_id=service.id)
        cards[service.id] = Card(_card_head(service, locale, url, words), _card_facts(service, following, words),
                                 tuple(map_markers(service, locale, url)), following.starts if following else None)
    return cards


# Marked with N_ so that extracting the catalogue finds them here (they are translated when a
# page is written, in its reader's language).
_STATUS_NOTICES = {
    "paused": ("notice-paused", N_("This group is paused at the moment.")),
    "full": ("notice-full", N_("This group is full at the moment.")),
    "closed": ("notice-closed", N_("This group has closed.")),
}
_CARD_WORDS = (N_("Next session"), N_("Please ring to check"), N_("Cost"), N_("Languages spoken"), N_("Not stated"),
               N_("Access"), N_("Free"))
_PRICE_FOR = N_("%(option)s %(amount)s")


class _CardWords:
    """What every card of a page repeats, looked up once for the page's locale: its words
    (as the templates' ``_()`` writes them), the access features' names, and the template
    filters the cards format with (so they format as the templates do)."""

    def __init__(self, filters: dict):
        self.translated = translator()
        self.next_session, self.ring, self.cost, self.languages, self.not_stated, self.access, self.free = (
            self.translated(text) for text in _CARD_WORDS)
        self.dateformat, self.timeformat = filters["dateformat"], filters["timeformat"]
        self.currencyformat, self.language_name = filters["currencyformat"], filters["language_name"]
        self._access_items: dict[str, str] = {}

    def access_item(self, code: str) -> str:
        item = self._access_items.get(code)
        if item is None:
            item = self._access_items[code] = (
                f'<li class="access-{escape(code)}"><span aria-hidden="true" class="icon"></span>'
                f'{self.translated(vocabulary.ACCESSIBILITY.get(code, code))}</li>')
        return item


def _card_words() -> _CardWords:
    """The current locale's card words, made once per app and locale: the same for every
    page (~0.1 ms a page to look up again)."""
    by_locale = current_app.extensions.setdefault("directory.card_words", {})
    locale = str(get_locale())
    words = by_locale.get(locale)
    if words is None:
        words = by_locale[locale] = _CardWords(current_app.jinja_env.filters)
    return words


def _card_head(service, locale: str, url: str, words: _CardWords) -> Markup:
    """The name, linked, in its own language and direction, and any paused/full notice."""
    name, _description, used = service.text_in(locale)
    head = (f'\n  <h3><a href="{escape(url)}" lang="{escape(html_lang_for(used))}" dir="{text_direction(used)}">'
            f'{escape(name)}</a></h3>\n  ')
    notice = _STATUS_NOTICES.get(service.listing_status)
    if notice:
        head += f'<p class="notice {notice[0]}">{words.translated(notice[1])}</p>\n  '
    return Markup(head)


def _card_facts(service, following, words: _CardWords) -> Markup:
    """Next session, cost, languages spoken and access, as the card's definition list."""
    if following is not None:
        starts = following.starts
        when = (f'<time datetime="{starts.isoformat()}">'
                f'{date_with_time(words.dateformat(starts, "full"), ltr(words.timeformat(starts, "short")))}</time>')
    else:
        when = words.ring
    spoken = list_of([words.language_name(code) for code in service.language_codes]) or words.not_stated
    access = []
    for location in service.locations:
        for code in location.accessibility_codes:
            if code not in access:
                access.append(code)
    facts = (f'<dl class="result-facts">\n    <dt>{words.next_session}</dt>\n    <dd>{when}</dd>\n'
             f'    <dt>{words.cost}</dt>\n    <dd>{_cost_amounts(service, words)}</dd>\n'
             f'    <dt>{words.languages}</dt>\n    <dd>{spoken}</dd>\n    \n    ')
    if access:
        facts += (f'<dt>{words.access}</dt>\n    <dd><ul class="access-list">'
                  f'{"".join(words.access_item(code) for code in access)}</ul></dd>')
    return Markup(facts + "\n  </dl>")


def _cost_amounts(service, words: _CardWords) -> Markup:
    """``cost_line(service)`` of templates/macros.html (detail "amounts"): "Free", or each
    price, with what it is for when that is more than a session, in the reader's list."""
    if service.is_free:
        return words.free
    prices = []
    for option in service.cost_options:
        if option.amount is None:
            continue
        label = cost_option_label(option.option)
        amount = words.currencyformat(float(option.amount), option.currency or "GBP")
        text = (words.translated(_PRICE_FOR, option=label, amount=amount)
                if label and cost_option_kind(option.option) != "session" else amount)
        if text:
            prices.append(Markup(f"<bdi>{escape(text)}</bdi>"))
    return list_of(prices, "comma")


def map_markers(service, locale: str, url: str | None = None) -> list[dict]:
    """Map markers for a listing's located places (the map script reads them from the page);
    ``url``: the listing's address, when the caller has already built it."""
    name = service.text_in(locale)[0]
    url = url or url_for("public.service", service_id=service.id)
    return [{"id": service.id, "name": name, "lat": location.latitude, "lon": location.longitude, "url": url}
            for location in service.locations if location.latitude is not None and location.longitude is not None]


def card_cache() -> CardCache:
    """This app's cache (one per process: each gunicorn worker builds its own app)."""
    cache = current_app.extensions.get("directory.cards")
    if cache is None:
        cache = current_app.extensions["directory.cards"] = CardCache()
    return cache
