"""Issue 17, point 4: after a search, the first screen shows that it worked — the number of
results and the first result — with the filters one tap away and applied as soon as one is
ticked, on a phone (390×844) and on a desktop (1280×900)."""
from __future__ import annotations

import pytest

from .viewports import on_phone_and_desktop

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

RESULTS_PATH = "/en/search?q=lunch+club&postcode=LE4+5AA&distance=3"


@on_phone_and_desktop
def test_first_screen_shows_the_count_and_the_first_result(live_server, new_context, viewport):
    page = new_context(viewport=viewport).new_page()
    page.goto(live_server(RESULTS_PATH))
    count = page.locator("#results-heading")
    first = page.locator("ol.result-list li.result").first
    expect(count).to_contain_text("results near LE4 5AA")
    expect(count).to_be_in_viewport()
    assert first.bounding_box()["y"] < viewport["height"] - 60, "the first result starts below the first screen"
    expect(page.get_by_role("link", name="Narrow your search")).to_be_in_viewport()


def test_ticking_a_filter_applies_it_without_the_button(live_server, new_context):
    page = new_context(viewport={"width": 390, "height": 844}).new_page()
    page.goto(live_server(RESULTS_PATH))
    page.get_by_role("link", name="Narrow your search").click()
    box = page.locator(".facets input[type=checkbox]").first
    with page.expect_navigation():
        box.check()
    assert "&" in page.url and page.url != live_server(RESULTS_PATH)
    expect(page.locator(".facets input[type=checkbox]:checked")).to_have_count(1)
