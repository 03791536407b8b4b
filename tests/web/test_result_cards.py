"""Result cards are rendered once per listing version and reused, and never outlive a change.

Real app, real database (SQLite and PostgreSQL), real index on disk: an edit goes through
the change log into the index, which gives the listing a new version."""
import datetime as dt
import html
import re
import time
from decimal import Decimal
from urllib.parse import quote

from markupsafe import Markup

from directory.models import CostOption, Service
from directory.web.public import views
from directory.web.public.cards import Card, CardCache
from tests.statements import recorded_statements

GUJARATI_LUNCH_CLUB_ID = "eeb39e88-ea4a-5e25-86ac-d5a5175c418b"
SEARCH = f"/gu/search?q={quote('ભોજન ક્લબ')}&postcode=LE4+5AA&distance=2"


def card_of(body: str, service_id: str) -> str:
    match = re.search(rf'<li class="card result" id="result-{service_id}".*?</li>', body, re.S)
    assert match, f"{service_id} is among the results"
    return html.unescape(match.group(0))


def service_selects(db, client, url) -> tuple[str, int]:
    """The page, and how many SELECTs on the service table it took."""
    with recorded_statements(db.engine) as statements:
        body = client.get(url).get_data(as_text=True)
    return body, sum(1 for statement in statements if re.search(r"\bFROM service\b", statement))


def test_a_second_search_reuses_the_rendered_cards(app, client, indexed, monkeypatch):
    rendered = []
    render = views.render_cards
    monkeypatch.setattr(views, "render_cards", lambda services, *args: rendered.extend(services) or render(services, *args))
    first, loads_first = service_selects(indexed, client, SEARCH)
    shown = len(rendered)
    again, loads_again = service_selects(indexed, client, SEARCH)
    assert loads_first == loads_again == 0, "the cards come from the facts the index keeps (test_card_facts.py)"
    assert shown >= 1 and len(rendered) == shown, "the second search renders no card"
    assert card_of(again, GUJARATI_LUNCH_CLUB_ID) == card_of(first, GUJARATI_LUNCH_CLUB_ID)
    english = client.get(SEARCH.replace("/gu/", "/en/")).get_data(as_text=True)
    assert "Next session" in card_of(english, GUJARATI_LUNCH_CLUB_ID), "each locale has its own card"


def test_an_edited_listing_shows_its_new_cost_and_name_at_once(app, client, indexed):
    before = card_of(client.get(SEARCH).get_data(as_text=True), GUJARATI_LUNCH_CLUB_ID)
    assert "£4.75" not in before
    with indexed.session() as session:
        service = session.get(Service, GUJARATI_LUNCH_CLUB_ID)
        assert service.locale == "gu", "the club writes in Gujarati"
        service.name = "નવું નામ ભોજન ક્લબ"
        service.cost_options = [CostOption(option="Lunch", currency="GBP", amount=Decimal("4.75"))]
        session.commit()
    deadline, after = time.monotonic() + 2.0, before
    while time.monotonic() < deadline and "નવું નામ" not in after:
        after = card_of(client.get(SEARCH).get_data(as_text=True), GUJARATI_LUNCH_CLUB_ID)
    assert "નવું નામ ભોજન ક્લબ" in after and re.search(r"£\s*(4\.75|૪\.૭૫)", after), after


def card(until=None, text="x") -> Card:
    return Card(Markup(text), Markup(""), (), until)


def test_a_card_expires_when_its_next_session_starts():
    cache, now = CardCache(), dt.datetime(2026, 12, 1, 9, 0)
    cache.put("a", 7, "en", card(until=now + dt.timedelta(hours=1)))
    assert cache.get("a", 7, "en", now) is not None
    assert cache.get("a", 7, "en", now + dt.timedelta(hours=1)) is None, "the session shown has started"
    assert cache.get("a", 7, "en", now) is None, "and the stale card is gone"


def test_cards_are_kept_per_version_and_locale_and_never_without_a_version():
    cache, now = CardCache(size=2), dt.datetime(2026, 12, 1)
    cache.put("a", 1, "en", card(text="one"))
    assert cache.get("a", 2, "en", now) is None and cache.get("a", 1, "gu", now) is None
    cache.put("b", None, "en", card())
    assert cache.get("b", None, "en", now) is None and len(cache) == 1
    cache.put("b", 1, "en", card())
    cache.put("c", 1, "en", card())
    assert cache.get("a", 1, "en", now) is None, "the least recently shown is dropped"
    assert len(cache) == 2
