"""What a person reads, checked in Chromium on a phone and a desktop screen (issue 17):
numbers kept whole in Urdu, the search kept when the language changes, British dates,
plurals, and a search place said in words.

Order on screen is measured, not read from the HTML: each test asks the browser where it
drew each part of a phone number or an address (the text's bounding boxes). On a phone an
address wraps, so parts are read line by line, top to bottom, then left to right.
"""
from __future__ import annotations

import datetime as dt
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from .support import describe_violations, run_axe
from .viewports import DESKTOP, PHONE

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed: pip install -e '.[test]'").expect

pytestmark = pytest.mark.browser

VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}
LANGAR_PATH = "/services/6e87567d-d0ed-571b-b59d-6137eb27c8d3"  # ring 0116 496 0214; Sundays 10:30–13:30
SERIOUS = {"serious", "critical"}

# [top, left] on screen of each of ``parts`` (in order) where it first occurs in the element.
PLACES = """(element, parts) => {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const nodes = [];
  let text = "";
  while (walker.nextNode()) { nodes.push([walker.currentNode, text.length]); text += walker.currentNode.data; }
  let from = 0;
  return parts.map((part) => {
    const start = text.indexOf(part, from);
    if (start < 0) { return null; }
    from = start + part.length;
    const [node, offset] = nodes.filter(([, at]) => at <= start).pop();
    const range = document.createRange();
    range.setStart(node, start - offset);
    range.setEnd(node, Math.min(node.data.length, start - offset + part.length));
    const box = range.getBoundingClientRect();
    return [box.top, box.left];
  });
}"""


@pytest.fixture(params=list(VIEWPORTS))
def screen(request, new_context):
    """A page on a phone-sized or a desktop-sized screen."""
    page = new_context(viewport=VIEWPORTS[request.param]).new_page()
    page.js_errors = []
    page.on("pageerror", lambda error: page.js_errors.append(str(error)))
    return page


def reads_left_to_right(locator, *parts: str) -> None:
    places = locator.evaluate(PLACES, list(parts))
    assert None not in places, f"{parts} not all in {locator.text_content()!r}"
    for (top, left), (next_top, next_left), part in zip(places, places[1:], parts[1:]):
        same_line = abs(next_top - top) < 4
        assert next_left > left if same_line else next_top > top, \
            f"{part!r} drawn before the text that precedes it: {list(zip(parts, places))}"


def assert_no_serious_axe_violations(page) -> None:
    serious = [violation for violation in run_axe(page) if violation["impact"] in SERIOUS]
    assert not serious, describe_violations(serious)


# -- 1. left-to-right runs in right-to-left pages -------------------------------------------------

def test_urdu_listing_draws_phone_number_address_and_times_left_to_right(live_server, screen):
    screen.goto(live_server(f"/ur{LANGAR_PATH}"))
    reads_left_to_right(screen.locator('a[href="tel:01164960214"]'), "0116", "496", "0214")
    reads_left_to_right(screen.locator("address").first, "77", "Harrison Road", "LE4", "6QR")
    reads_left_to_right(screen.locator("ul.sessions li").first, "10:30", "AM", "1:30", "PM")
    assert_no_serious_axe_violations(screen)


def test_urdu_large_print_page_keeps_the_address_and_phone_numbers_whole(live_server, screen):
    screen.goto(live_server(f"/ur{LANGAR_PATH}/print"))
    where = screen.locator("main p", has_text="Harrison Road")
    reads_left_to_right(where, "77", "Harrison Road", "LE4", "6QR")
    reads_left_to_right(screen.locator("main p", has_text="0214"), "0116", "496", "0214")


# -- 2. switching language keeps the page and its query --------------------------------------------

def test_switching_language_on_a_results_page_keeps_the_search(live_server, screen):
    screen.goto(live_server("/gu/search?q=ભોજન&postcode=LE4 5AA&distance=1&cost=free"))
    screen.locator('nav.language-switcher a[hreflang="en-GB"]').click()
    screen.wait_for_url("**/en/search?**")
    query = parse_qs(urlsplit(screen.url).query)
    assert query["q"] == ["ભોજન"] and query["postcode"] == ["LE4 5AA"]
    assert query["distance"] == ["1"] and query["cost"] == ["free"]
    expect(screen.locator("#q")).to_have_value("ભોજન")
    expect(screen.locator("#postcode")).to_have_value("LE4 5AA")
    expect(screen.locator("#results-heading")).to_contain_text("near LE4 5AA")


# -- 7. British dates on English pages ------------------------------------------------------------

def test_english_listing_dates_read_the_british_way(live_server, screen):
    screen.goto(live_server(f"/en{LANGAR_PATH}"))
    first = screen.locator("ul.sessions time").first
    starts = dt.datetime.fromisoformat(first.get_attribute("datetime"))
    expect(first).to_have_text(re.compile("^" + starts.strftime("%A %-d %B %Y") + r",\s+10:30–13:30$"))
    last_checked = re.compile(r"^Last checked with the group on \d{1,2} [A-Z][a-z]+ \d{4}\.$")  # "on 8 November 2026."
    expect(screen.locator("p.verified")).to_have_text(last_checked)


# -- 8. plurals -----------------------------------------------------------------------------------

@pytest.mark.parametrize("prefix, names", [("en", ["0.5 miles", "1 mile", "2 miles", "3 miles", "5 miles"]),
                                           ("pl", ["0,5 mili", "1 mila", "2 mile", "3 mile", "5 mil"])])
def test_distance_choices_agree_with_their_number(live_server, screen, prefix, names):
    screen.goto(live_server(f"/{prefix}/"))
    options = screen.locator("#distance option").all_text_contents()
    assert options[:5] == names


# -- 10. where a search is measured from ---------------------------------------------------------

# 1.02 miles due north of the gurdwara: past the edge of a 1-mile search, which measures exactly.
JUST_OVER_A_MILE = "lat=52.66956&lon=-1.1186"


def test_a_place_just_over_a_mile_away_does_not_read_1_mile(live_server, screen):
    screen.goto(live_server(f"/en/search?q=langar&{JUST_OVER_A_MILE}&distance=2"))
    langar = screen.locator("li.result", has_text="Langar and Elders")
    expect(langar.locator("p.why")).to_contain_text("1.1 miles")  # rounded up, so never "1 mile"
    screen.goto(live_server(f"/en/search?q=langar&{JUST_OVER_A_MILE}&distance=1"))
    expect(screen.locator("#results-heading")).to_be_visible()
    expect(screen.locator("li.result", has_text="Langar and Elders")).to_have_count(0)


def test_a_postcode_we_do_not_know_says_its_district_stands_in(live_server, screen):
    screen.goto(live_server("/gu/search?postcode=LE5 3SH&distance=2"))
    notice = screen.locator("p.notice-district")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("પોસ્ટકોડ LE5 3SH")
    expect(notice).to_contain_text("LE5")
    screen.goto(live_server("/gu/search?postcode=LE4 5AA&distance=2"))  # a postcode we know: no notice
    expect(screen.locator("#results-heading")).to_be_visible()
    expect(screen.locator("p.notice-district")).to_have_count(0)


def test_use_my_location_titles_the_results_in_words(live_server, screen):
    context = screen.context
    context.grant_permissions(["geolocation"], origin=live_server.url)
    context.set_geolocation({"latitude": 52.6505, "longitude": -1.1305})
    screen.goto(live_server("/gu/"))
    screen.locator("[data-use-location]").click()
    screen.wait_for_url("**/gu/search?**")
    heading = screen.locator("#results-heading")
    expect(heading).to_contain_text("તમારા સ્થાન પાસે")
    assert "52.65" not in heading.text_content()
    expect(screen.locator("[data-picker-status]")).to_have_text("તમારું સ્થાન")
    screen.locator('nav.language-switcher a[hreflang="en-GB"]').click()  # still "your location" in English
    expect(screen.locator("#results-heading")).to_contain_text("near your location")
    assert_no_serious_axe_violations(screen)
    assert not screen.js_errors
