"""The home page's "where" on a map and its category icons, in a real headless Chromium.

Map tiles are refused in these tests (nothing leaves the machine), so the maps are grey:
which is also how the picker must behave when a tile server is down.
"""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest

from .support import LOCALES, sign_in

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed: pip install -e '.[test]'").expect

pytestmark = pytest.mark.browser

LEICESTER = (52.6369, -1.1398)  # where the picker's map starts (static/js/map-picker.js)
MILES = re.compile(r"(\d+(?:\.\d+)?) miles?\b")


def open_map_picker(page):
    toggle = page.get_by_role("button", name="Choose on a map")
    expect(toggle).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    picker_map = page.locator("[data-picker-map]")
    expect(picker_map).to_be_visible()
    expect(picker_map.locator(".leaflet-map-pane")).to_be_attached()
    return picker_map


def chosen_point(page) -> tuple[float, float]:
    form = page.locator("form.search-form")
    return (float(form.locator("input[name=lat]").input_value()), float(form.locator("input[name=lon]").input_value()))


def test_clicking_the_map_chooses_where_and_finds_the_nearest_first(live_server, page, screenshot):
    page.goto(live_server("/en/"))
    page.locator("#postcode").fill("LE4 5AA")
    picker_map = open_map_picker(page)
    picker_map.click()  # scrolled into view, clicked in the middle

    latitude, longitude = chosen_point(page)
    assert abs(latitude - LEICESTER[0]) < 0.01 and abs(longitude - LEICESTER[1]) < 0.01
    expect(page.locator("[data-picker-status]")).to_have_text("Place chosen on the map")
    expect(picker_map.locator(".leaflet-marker-icon")).to_have_count(1)
    expect(page.locator("#postcode")).to_have_value("")  # the postcode would otherwise win
    screenshot(page, "en")

    page.locator("form.search-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/en/search\?"))
    query = parse_qs(urlparse(page.url).query)
    assert (float(query["lat"][0]), float(query["lon"][0])) == (latitude, longitude)
    expect(page.locator("#results-heading")).to_contain_text("near the place chosen on the map")  # words, not numbers
    reasons = page.locator("ol.result-list li.result .why").all_inner_texts()
    distances = [float(MILES.search(text).group(1)) for text in reasons if MILES.search(text)]
    assert len(distances) >= 3, reasons
    assert distances == sorted(distances), f"results are not nearest first: {distances}"
    assert distances[0] <= 1
    screenshot(page, "en-results")
    assert not page.js_errors


def test_keyboard_user_chooses_the_centre_of_the_map_and_can_remove_it(live_server, page):
    page.goto(live_server("/pl/"))
    page.get_by_role("button", name="Wybierz miejsce na mapie").focus()
    page.keyboard.press("Enter")
    picker_map = page.locator("[data-picker-map]")
    expect(picker_map).to_be_visible()
    picker_map.focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")  # Leaflet pans the map east (animated)
    page.wait_for_timeout(400)  # let the pan animation end on a busy machine
    page.get_by_role("button", name="Użyj środka mapy").focus()
    page.keyboard.press("Enter")
    latitude, longitude = chosen_point(page)
    assert abs(latitude - LEICESTER[0]) < 0.01 and longitude > LEICESTER[1] + 0.002  # one press is ~0.003°
    expect(page.locator("[data-picker-status]")).to_have_text("Wybrano miejsce na mapie")

    remove = page.get_by_role("button", name="Usuń wybrane miejsce")
    remove.focus()
    page.keyboard.press("Enter")
    form = page.locator("form.search-form")
    expect(form.locator("input[name=lat]")).to_have_value("")
    expect(form.locator("input[name=lon]")).to_have_value("")
    expect(page.locator("[data-picker-status]")).to_have_text("Miejsce wybrane na mapie zostało usunięte.")
    expect(picker_map.locator(".leaflet-marker-icon")).to_have_count(0)
    expect(remove).to_be_hidden()
    assert not page.js_errors


def test_typing_a_postcode_after_choosing_on_the_map_replaces_the_place(live_server, page):
    page.goto(live_server("/en/"))
    open_map_picker(page)
    page.get_by_role("button", name="Use the centre of the map").click()
    expect(page.locator("[data-picker-status]")).to_have_text("Place chosen on the map")
    page.locator("#postcode").fill("LE4 5AA")
    expect(page.locator("form.search-form input[name=lat]")).to_have_value("")
    page.locator("form.search-form button[type=submit]").click()
    expect(page.locator("#results-heading")).to_contain_text("LE4 5AA")
    assert not page.js_errors


@pytest.mark.parametrize("prefix", ["en", "gu", "ur"])
def test_category_tiles_have_decorative_icons_beside_their_names(live_server, page, prefix):
    page.goto(live_server(f"/{prefix}/"))
    tiles = page.locator("main .category-tiles a")
    assert tiles.count() >= 8
    for index in range(tiles.count()):
        tile = tiles.nth(index)
        icon = tile.locator("svg.icon")
        expect(icon).to_have_count(1)
        expect(icon).to_be_visible()
        assert icon.get_attribute("aria-hidden") == "true"
        assert tile.locator(".tile-name").inner_text().strip()
        # The accessible name is the category's name and count, not anything from the icon.
        assert tile.inner_text().strip().startswith(tile.locator(".tile-name").inner_text().strip())
    first = tiles.first
    colours = first.evaluate("a => [getComputedStyle(a).color, getComputedStyle(a.querySelector('svg')).stroke]")
    assert colours[0] == colours[1], "the icon is drawn in the link's own colour"
    assert not page.js_errors


def test_icons_grow_with_the_larger_text_switch(live_server, page, screenshot):
    page.goto(live_server("/en/"))
    before = page.locator("main .category-tiles svg.icon").first.bounding_box()["width"]
    page.locator("nav.main-nav").get_by_role("link", name="Larger text").click()
    expect(page.locator("html")).to_have_class(re.compile("large-text"))
    # The class is in the new page's DOM before its stylesheet has loaded; an icon measured
    # then is its unstyled 24 px (seen in CI), so measure once the page has loaded.
    page.wait_for_load_state("load")
    after = page.locator("main .category-tiles svg.icon").first.bounding_box()["width"]
    assert after > before * 1.15
    screenshot(page, "en-large")


def test_categories_page_shows_an_icon_for_each_top_level_category(live_server, page):
    page.goto(live_server("/zh-hant/categories/"))
    headings = page.locator(".category-tree > li > h2")
    assert headings.count() >= 8
    expect(headings.locator("svg.icon[aria-hidden=true]")).to_have_count(headings.count())


def test_icons_keep_a_sensible_size_without_the_stylesheet(live_server, new_context):
    context = new_context()
    context.route(re.compile(r"/static/css/"), lambda route: route.abort())
    page = context.new_page()
    page.goto(live_server("/en/"))
    box = page.locator("main .category-tiles svg.icon").first.bounding_box()
    assert box and 10 < box["width"] < 60 and 10 < box["height"] < 60


@pytest.mark.parametrize("prefix", LOCALES)
def test_home_page_works_without_javascript(live_server, new_context, screenshot, prefix):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(live_server(f"/{prefix}/"))
    expect(page.locator("[data-place-picker]")).to_be_hidden()
    expect(page.locator("[data-use-location]")).to_be_hidden()
    expect(page.locator("main .category-tiles svg.icon").first).to_be_visible()
    page.locator("#postcode").fill("LE4 5AA")
    page.locator("#distance").select_option("1")
    page.locator("form.search-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(rf"/{prefix}/search\?"))
    expect(page.locator("#results-heading")).to_contain_text("LE4 5AA")
    expect(page.locator("ol.result-list li.result").first).to_be_visible()
    screenshot(page, prefix)


def test_connector_workspace_map_fills_the_typed_point(live_server, page, seeded_db):
    from tests.connect.conftest import CONNECTOR, make_account

    make_account(seeded_db, *CONNECTOR, role="connector")
    sign_in(page, live_server, *CONNECTOR)
    page.goto(live_server("/en/connect/"))
    page.locator("details.map-point summary").click()
    picker_map = page.locator("details.map-point [data-picker-map]")
    expect(picker_map).to_be_visible()
    expect(page.get_by_role("button", name="Choose on a map")).to_have_count(0)  # the disclosure is the toggle
    picker_map.click()  # scrolled into view, clicked in the middle
    latitude, longitude = float(page.locator("#lat").input_value()), float(page.locator("#lon").input_value())
    assert abs(latitude - LEICESTER[0]) < 0.01 and abs(longitude - LEICESTER[1]) < 0.01
    expect(page.locator("details.map-point [data-picker-status]")).to_have_text("Place chosen on the map")
    page.get_by_role("button", name="Find activities").click()
    page.wait_for_url("**/connect/results")
    assert not page.js_errors


@pytest.mark.parametrize("prefix", LOCALES)
def test_map_picker_has_no_serious_accessibility_violations(live_server, page, prefix):
    from .support import describe_violations, run_axe

    page.goto(live_server(f"/{prefix}/"))
    page.locator("[data-picker-toggle]").click()
    expect(page.locator("[data-picker-map] .leaflet-map-pane")).to_be_attached()
    page.locator("[data-picker-centre]").click()
    expect(page.locator("[data-picker-remove]")).to_be_visible()
    serious = [v for v in run_axe(page) if v["impact"] in {"serious", "critical"}]
    assert not serious, describe_violations(serious)
