"""Issue 17, point 9: a listing says each thing once, in the page's language; the group's own
text in another language is marked with its language; lists joined the reader's way."""
from __future__ import annotations

import pytest

from .support import GUJARATI_LUNCH_CLUB_ID, describe_violations, run_axe
from .viewports import on_phone_and_desktop

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

@on_phone_and_desktop
def test_gujarati_listing_reads_in_gujarati_and_says_each_fact_once(live_server, new_context, viewport):
    page = new_context(viewport=viewport).new_page()
    page.goto(live_server(f"/gu/services/{GUJARATI_LUNCH_CLUB_ID}"))
    when = page.locator("section[aria-labelledby=when]")
    expect(when.locator(".schedule-summary")).to_contain_text("દર મંગળવાર અને ગુરુવાર")
    facts = page.locator(".listing-facts")
    text = facts.inner_text()
    for english in ("Every Tuesday", "Just turn up", "Per session", "Concession", "Everyone aged 50"):
        assert english not in text, english
    details = page.locator("section[aria-labelledby=details] dd")
    expect(details.nth(0)).to_have_text("£3.00 પ્રતિ સત્ર, £2.00 રાહત દર (Pension Credit, Universal Credit or carers)")
    english = facts.locator("span", has_text="Pension Credit")
    assert english.get_attribute("lang") == "en-GB" and english.get_attribute("dir") == "ltr"
    violations = run_axe(page)
    assert not violations, describe_violations(violations)


@on_phone_and_desktop
def test_urdu_lists_use_the_arabic_comma_and_cards_name_each_price(live_server, new_context, viewport):
    page = new_context(viewport=viewport).new_page()
    page.goto(live_server(f"/ur/services/{GUJARATI_LUNCH_CLUB_ID}"))
    spoken = page.locator("section[aria-labelledby=details] dt", has_text="بولی جانے والی زبانیں")
    languages = spoken.locator("xpath=following-sibling::dd[1]").inner_text()
    assert "،" in languages and "," not in languages, languages
    page.goto(live_server("/en/search?q=lunch&postcode=LE4+6LF&distance=1"))
    card = page.locator("li.result", has_text="Senior Citizens' Lunch Club")
    expect(card.locator("dd").nth(1)).to_have_text("£3.00, concessions £2.00")
    assert " 0 miles" not in page.locator("ol.result-list").inner_text()
