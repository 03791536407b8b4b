"""The whole round trip in a real browser: a Polish group lists itself through the Polish
UI, a moderator approves it, it is found by a Polish query; the group changes the time
through its edit link, the moderator sees the diff and approves, and the search shows the
new time."""
from __future__ import annotations

import pytest

from tests.submit.support import make_account

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

pytestmark = pytest.mark.browser

NAME = "Spacer z kijkami nad rzeką Soar"


def next_step(page, times: int = 1) -> None:
    for _ in range(times):
        page.locator(".step-nav .button:not(.button-secondary)").click()


def fill_polish_listing(page) -> None:
    page.fill("[name=organization_name]", "Przyjaciele Parku Abbey")
    page.fill("[name=phone]", "0116 496 0777")
    next_step(page)
    page.select_option("[name=text_locale]", "pl")
    page.fill("[name=name]", NAME)
    page.fill("[name=description]", "Spacerujemy razem wzdłuż rzeki, a potem pijemy herbatę w parku.")
    page.select_option("[name=category]", "walking-group")
    next_step(page)
    page.select_option("[name=weekday]", "TU")
    page.fill("[name=opens_at]", "10:00")
    page.fill("[name=closes_at]", "12:00")
    next_step(page)
    page.fill("[name=address_1]", "Abbey Park Road")
    page.fill("[name=postcode]", "LE4 5AA")
    next_step(page)
    next_step(page)
    page.locator("[name=languages][value=pl]").check()
    next_step(page)


def approve_first(moderator, section: str) -> None:
    moderator.goto(moderator.url.split("/pl/")[0] + "/pl/moderate/")
    moderator.locator(f"[data-queue={section}] a", has_text=NAME).click()
    moderator.locator("form[action$='/approve'] button").click()
    expect(moderator.locator(".flash")).to_be_visible()


def search_result(page, live_server):
    page.goto(live_server("/pl/search?q=spacer+z+kijkami"))
    return page.locator(".result", has_text=NAME)


def test_polish_group_lists_itself_is_approved_found_edited_and_found_with_the_new_time(
        live_server, seeded_db, new_context, screenshot):
    email, password = make_account(seeded_db)
    group = new_context().new_page()
    group.goto(live_server("/pl/list-your-group/"))
    fill_polish_listing(group)
    screenshot(group, "form-last-step-pl")
    group.locator("button[value=preview]").click()
    expect(group.locator("article.preview h2")).to_have_text(NAME)
    group.locator("button[value=send]").click()
    edit_link = group.locator("[data-edit-link]").inner_text()
    screenshot(group, "thanks-pl")

    moderator = new_context().new_page()
    moderator.goto(live_server("/pl/staff/login"))
    moderator.fill("[name=email]", email)
    moderator.fill("[name=password]", password)
    moderator.locator("form button[type=submit]").click()
    approve_first(moderator, "new")

    result = search_result(group, live_server)
    expect(result).to_be_visible()
    expect(result).to_contain_text("10:00")

    group.goto(edit_link + "/edit")
    next_step(group, 2)
    group.fill("[name=opens_at]", "14:00")
    group.fill("[name=closes_at]", "16:00")
    next_step(group, 4)
    group.locator("button[value=preview]").click()
    group.locator("button[value=send]").click()
    expect(group.locator(".flash")).to_be_visible()

    moderator.goto(live_server("/pl/moderate/"))
    moderator.locator("[data-queue=edits] a", has_text=NAME).click()
    expect(moderator.locator("table.diff del", has_text="10:00")).to_be_visible()
    expect(moderator.locator("table.diff ins", has_text="14:00")).to_be_visible()
    screenshot(moderator, "diff-pl")
    moderator.locator("form[action$='/approve'] button").click()

    result = search_result(group, live_server)
    expect(result).to_contain_text("14:00")
    screenshot(group, "search-after-edit-pl")
    assert not group.js_errors if hasattr(group, "js_errors") else True
