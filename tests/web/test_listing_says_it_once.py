"""Issue 17, point 9: a listing says each thing once, in the reader's language. The Gujarati
lunch club's structured facts (days and times, cost options, minimum age, how to join) are
shown translated; its English free text ("Every Tuesday and Thursday, 12:00 to 14:00",
"£3.00 per session, £2.00 concessions", "Everyone aged 50 and over", "Just turn up") is left
out because it says nothing more. Lists are joined the reader's way (Urdu "،")."""
from __future__ import annotations

import re
from types import SimpleNamespace

from flask_babel import force_locale

from directory.web.listing_words import cost_option_label, list_of, schedule_summary
from directory.web.public.presenters import distance_text

LUNCH_CLUB = "/services/eeb39e88-ea4a-5e25-86ac-d5a5175c418b"


def definition(page: str, term: str) -> str:
    """The text of the <dd> after the <dt> named ``term`` (tags removed)."""
    match = re.search(rf"<dt>{re.escape(term)}</dt>\s*<dd>(.*?)</dd>", page, re.S)
    assert match, term
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", match.group(1))).strip()


def test_english_listing_page_shows_each_fact_once(client, seeded_db):
    page = client.get(f"/en{LUNCH_CLUB}").get_data(as_text=True)
    assert definition(page, "How to join") == "Just turn up"
    assert definition(page, "Who it is for") == "Everyone welcome, aged 50 and over"
    cost = definition(page, "Cost")
    assert cost == "£3.00 per session, £2.00 concessions (Pension Credit, Universal Credit or carers)"
    assert re.search(r'class="schedule-summary">Every Tuesday and Thursday, <bdi dir="ltr">12:00–14:00</bdi>', page)
    assert "12:00 to 14:00" not in page, "the group's schedule description repeats the structured schedule"


def test_gujarati_page_shows_the_schedule_and_labels_in_gujarati_and_english_text_marked_english(client, seeded_db):
    page = client.get(f"/gu{LUNCH_CLUB}").get_data(as_text=True)
    assert "Every Tuesday" not in page and "Just turn up" not in page and "Everyone aged" not in page
    assert "દર મંગળવાર અને ગુરુવાર" in page
    assert "Per session" not in page and "Concession" not in page
    # The group's own English words that add something (who qualifies for the concession)
    # carry their own language inside the Gujarati page.
    assert '<span lang="en-GB" dir="ltr">Pension Credit, Universal Credit or carers</span>' in page


def test_urdu_pages_join_lists_with_the_arabic_comma(client, seeded_db):
    page = client.get(f"/ur{LUNCH_CLUB}").get_data(as_text=True)
    spoken = definition(page, "بولی جانے والی زبانیں")
    assert "،" in spoken and ", " not in spoken


def test_result_cards_say_what_each_price_is_for(client, indexed):
    page = client.get("/en/search?q=lunch&postcode=LE4+6LF&distance=1").get_data(as_text=True)
    assert "<dt>Cost</dt>\n    <dd><bdi>£3.00</bdi>, <bdi>concessions £2.00</bdi></dd>" in page


def test_a_place_at_the_searched_postcode_is_nearby_not_zero_miles(app):
    with app.test_request_context("/"), force_locale("en"):
        assert distance_text(0) == "nearby"
        assert distance_text(1609.344) == "1 mile"


def test_schedule_summaries_in_every_language(app):
    with app.test_request_context("/"):
        with force_locale("en_GB"):
            assert schedule_summary("WEEKLY", 1, "TU,TH", None) == "Every Tuesday and Thursday"
            assert schedule_summary("WEEKLY", 2, "MO", None) == "Every other Monday"
            assert schedule_summary("MONTHLY", 1, "1TU", None) == "Every month: first Tuesday"
            assert schedule_summary("WEEKLY", 3, "MO", None) is None, "unusual rules keep the group's words"
        with force_locale("pl"):
            assert schedule_summary("WEEKLY", 1, "TU,TH", None) == "Co tydzień: wtorek i czwartek"
        with force_locale("zh_Hans"):
            assert schedule_summary("WEEKLY", 1, "TU,TH", None) == "每星期二和星期四"
        with force_locale("ur"):
            assert list_of(["A", "B", "C"], "comma") == "A، B، C"
            assert cost_option_label("Concession") != "concessions"
