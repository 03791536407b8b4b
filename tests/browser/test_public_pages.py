"""The public pages in a real headless Chromium, in all six site languages.

Each test saves what the browser showed to test-artefacts/screenshots/<test>-<locale>.png.
"""
from __future__ import annotations

import re

import pytest

from .support import GUJARATI_LUNCH_CLUB_ID, GUJARATI_LUNCH_CLUB_NAME, LOCALES, describe_violations, run_axe

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed: pip install -e '.[test]'").expect

pytestmark = pytest.mark.browser

LUNCH_CLUB_PATH = f"/services/{GUJARATI_LUNCH_CLUB_ID}"
PRINT_PATH = f"{LUNCH_CLUB_PATH}/print"
CATEGORY_PATH = "/categories/lunch-club"
RESULTS_PATH = "/search?q=lunch+club&postcode=LE4+5AA&distance=3"  # results with facets and a map
# What the lunch club is called on its page in each site language: Gujarati (its original)
# wherever the listing has no text in the reader's language.
LUNCH_CLUB_NAMES = {"en": "Senior Citizens' Lunch Club"}
SERIOUS = {"serious", "critical"}


def html_attributes(page) -> tuple[str | None, str | None]:
    html = page.locator("html")
    return html.get_attribute("lang"), html.get_attribute("dir")


@pytest.mark.parametrize("prefix", LOCALES)
def test_home_page_declares_its_language_and_direction(live_server, page, screenshot, prefix):
    response = page.goto(live_server(f"/{prefix}/"))
    assert response.status == 200
    assert html_attributes(page) == LOCALES[prefix]
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator("main .category-tiles a").first).to_be_visible()
    screenshot(page, prefix)
    assert not page.js_errors


@pytest.mark.parametrize("prefix", LOCALES)
def test_category_and_listing_pages_show_the_gujarati_lunch_club(live_server, page, screenshot, prefix):
    page.goto(live_server(f"/{prefix}{CATEGORY_PATH}"))
    assert html_attributes(page) == LOCALES[prefix]
    name = LUNCH_CLUB_NAMES.get(prefix, GUJARATI_LUNCH_CLUB_NAME)
    card_link = page.locator(".cards a", has_text=name)
    expect(card_link).to_be_visible()
    screenshot(page, f"category-{prefix}")

    card_link.click()
    expect(page).to_have_url(live_server(f"/{prefix}{LUNCH_CLUB_PATH}"))
    heading = page.locator("article.listing h1")
    expect(heading).to_have_text(name)
    expect(heading).to_be_visible()
    # The name is drawn with real glyphs: a line of Gujarati is as tall as a line of Latin text.
    box = heading.bounding_box()
    assert box and box["width"] > 100 and box["height"] > 10
    screenshot(page, f"listing-{prefix}")
    assert not page.js_errors


@pytest.mark.parametrize("prefix", LOCALES)
def test_results_and_print_pages_in_every_language(live_server, page, screenshot, prefix):
    """With the home, category and listing shots above, every public page in every language
    is saved to test-artefacts/screenshots/ for a reviewer."""
    page.goto(live_server(f"/{prefix}{RESULTS_PATH}"))
    assert html_attributes(page) == LOCALES[prefix]
    expect(page.locator("ol.result-list li.result").first).to_be_visible()
    expect(page.locator(".map.leaflet-container")).to_be_visible()  # drawn, even with no tiles
    screenshot(page, f"results-{prefix}")

    page.goto(live_server(f"/{prefix}{PRINT_PATH}"))
    assert html_attributes(page) == LOCALES[prefix]
    expect(page.locator("h1")).to_have_text(LUNCH_CLUB_NAMES.get(prefix, GUJARATI_LUNCH_CLUB_NAME))
    screenshot(page, f"print-{prefix}")
    assert not page.js_errors


def test_gujarati_reader_reaches_the_lunch_club_by_clicking_from_home(live_server, page, screenshot):
    page.goto(live_server("/gu/"))
    page.locator(".category-tiles a", has=page.locator(".tile-name", has_text="ભોજન")).first.click()
    expect(page.locator("h1")).to_be_visible()
    lunch_club = page.get_by_role("link", name=GUJARATI_LUNCH_CLUB_NAME)
    if not lunch_club.count():  # the tile is the parent "food" category: go down to lunch clubs
        page.locator(f".subcategories a[href$='{CATEGORY_PATH}']").click()
    page.get_by_role("link", name=GUJARATI_LUNCH_CLUB_NAME).click()
    expect(page.locator("article.listing h1")).to_have_text(GUJARATI_LUNCH_CLUB_NAME)
    assert page.locator("article.listing").get_attribute("lang") == "gu"
    screenshot(page, "gu")


def test_language_switcher_changes_language_and_keeps_the_page(live_server, page, screenshot):
    page.goto(live_server(f"/en{LUNCH_CLUB_PATH}"))
    expect(page.locator("article.listing h1")).to_have_text(LUNCH_CLUB_NAMES["en"])
    switcher = page.locator("nav.language-switcher")

    switcher.get_by_role("link", name="ગુજરાતી").click()
    expect(page).to_have_url(live_server(f"/gu{LUNCH_CLUB_PATH}"))
    assert html_attributes(page) == LOCALES["gu"]
    expect(page.locator("article.listing h1")).to_have_text(GUJARATI_LUNCH_CLUB_NAME)
    expect(switcher.locator("[aria-current]")).to_have_text("ગુજરાતી")
    screenshot(page, "gu")

    switcher.get_by_role("link", name="اردو").click()
    expect(page).to_have_url(live_server(f"/ur{LUNCH_CLUB_PATH}"))
    assert html_attributes(page) == LOCALES["ur"]
    screenshot(page, "ur")

    for prefix, name in (("zh-hant", "繁體中文"), ("zh-hans", "简体中文"), ("pl", "Polski"), ("en", "English")):
        switcher.get_by_role("link", name=name).click()
        expect(page).to_have_url(live_server(f"/{prefix}{LUNCH_CLUB_PATH}"))
        assert html_attributes(page) == LOCALES[prefix]
    assert not page.js_errors


def test_chosen_language_is_remembered_for_the_bare_address(live_server, page):
    page.goto(live_server("/en/"))
    page.locator("nav.language-switcher").get_by_role("link", name="اردو").click()
    expect(page).to_have_url(live_server("/ur/"))
    page.goto(live_server("/"))
    expect(page).to_have_url(live_server("/ur/"))


def test_site_works_without_javascript(live_server, new_context, screenshot):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(live_server("/gu/"))
    assert html_attributes(page) == LOCALES["gu"]
    page.goto(live_server(f"/gu{CATEGORY_PATH}"))
    page.get_by_role("link", name=GUJARATI_LUNCH_CLUB_NAME).click()
    expect(page.locator("article.listing h1")).to_have_text(GUJARATI_LUNCH_CLUB_NAME)
    page.locator("nav.language-switcher").get_by_role("link", name="English").click()
    expect(page.locator("article.listing h1")).to_have_text(LUNCH_CLUB_NAMES["en"])
    screenshot(page, "en")

    # The search form is a plain GET form: it submits without script.
    page.goto(live_server("/gu/"))
    page.locator("#q").fill("ભોજન")
    page.locator("form.search-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/gu/search\?"))
    expect(page.get_by_role("link", name=GUJARATI_LUNCH_CLUB_NAME)).to_be_visible()
    screenshot(page, "gu-search")


@pytest.mark.parametrize("path", ["/", CATEGORY_PATH, RESULTS_PATH, LUNCH_CLUB_PATH, PRINT_PATH],
                         ids=["home", "category", "results", "listing", "print"])
@pytest.mark.parametrize("prefix", LOCALES)
def test_no_serious_accessibility_violations(live_server, page, prefix, path):
    page.goto(live_server(f"/{prefix}{path}"))
    violations = run_axe(page)
    serious = [violation for violation in violations if violation["impact"] in SERIOUS]
    if violations:
        print(f"axe-core on /{prefix}{path}:\n{describe_violations(violations)}")
    assert not serious, f"axe-core found serious or critical problems on /{prefix}{path}:\n" \
                        f"{describe_violations(serious)}"
