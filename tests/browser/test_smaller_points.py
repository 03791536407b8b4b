"""Issue 17, point 14: the large-print page has a Print button, the language switcher, access
and languages; after a filter is applied focus starts at the results; the private edit link can
be e-mailed or copied; radio buttons keep their size when their label wraps."""
from __future__ import annotations

from urllib.parse import unquote

import pytest

from tests.moderate.browser.test_submit_moderate_search import fill_polish_listing

from .support import GUJARATI_LUNCH_CLUB_ID, describe_violations, run_axe
from .viewports import on_phone_and_desktop

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

@on_phone_and_desktop
def test_large_print_page_prints_switches_language_and_shows_access_and_languages(live_server, new_context, viewport):
    page = new_context(viewport=viewport).new_page()
    page.add_init_script("window.print = function () { window.printed = (window.printed || 0) + 1; };")
    page.goto(live_server(f"/ur/services/{GUJARATI_LUNCH_CLUB_ID}/print"))
    button = page.get_by_role("button", name="یہ صفحہ پرنٹ کریں")
    expect(button).to_be_visible()
    button.click()
    assert page.evaluate("window.printed") == 1
    expect(page.locator("main h2", has_text="سہولیات")).to_have_count(1)
    expect(page.locator("main")).to_contain_text("گجراتی")
    violations = run_axe(page)
    assert not violations, describe_violations(violations)
    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(live_server(f"/en/services/{GUJARATI_LUNCH_CLUB_ID}/print"))
    main = page.locator("main")
    for words in ("Step-free access", "Hearing loop", "Gujarati, Hindi and English", "Print this page"):
        expect(main).to_contain_text(words)


def test_large_print_page_without_javascript_has_no_dead_print_button(live_server, new_context):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(live_server(f"/en/services/{GUJARATI_LUNCH_CLUB_ID}/print"))
    expect(page.get_by_role("button", name="Print this page")).to_have_count(0)
    expect(page.get_by_role("link", name="ગુજરાતી")).to_be_visible()


def test_applying_a_filter_puts_focus_on_the_results_heading(live_server, new_context):
    page = new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(live_server("/en/search?q=lunch+club&postcode=LE4+5AA&distance=3"))
    with page.expect_navigation():
        page.locator(".facets input[type=checkbox]").first.check()
    expect(page.locator("#results-heading")).to_be_focused()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.results') !== null"), "Tab goes on into the results"


def test_the_private_edit_link_can_be_emailed_or_copied(live_server, new_context):
    context = new_context(viewport={"width": 390, "height": 844})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    page.goto(live_server("/pl/list-your-group/"))
    fill_polish_listing(page)
    page.locator("button[value=preview]").click()
    page.locator("button[value=send]").click()
    link = page.locator("[data-edit-link]").inner_text()
    email = page.get_by_role("link", name="Wyślij ten link e-mailem do grupy")
    href = email.get_attribute("href")
    assert href.startswith("mailto:?subject=") and link in unquote(href)
    assert "Prywatny link" in unquote(href)
    page.get_by_role("button", name="Kopiuj link").click()
    expect(page.locator(".copy-status")).to_have_text("Link skopiowany")
    assert page.evaluate("navigator.clipboard.readText()") == link


@on_phone_and_desktop
def test_radio_buttons_keep_their_size_when_the_label_wraps(live_server, new_context, viewport):
    page = new_context(viewport=viewport).new_page()
    page.goto(live_server("/pl/list-your-group/"))
    page.evaluate("""() => {
        document.querySelectorAll('fieldset.step').forEach(step => { step.hidden = false; });
        const label = document.querySelector('label[for=pattern-1]');
        label.textContent = label.textContent.repeat(12);
    }""")
    radio = page.locator("#pattern-1")
    label_box = page.locator("label[for=pattern-1]").bounding_box()
    assert label_box["height"] > 2 * radio.bounding_box()["height"], "the label wraps"
    box = radio.bounding_box()
    assert box["width"] >= 23.5 and box["height"] >= 23.5, box
