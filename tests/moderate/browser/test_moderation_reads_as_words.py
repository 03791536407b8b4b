"""Issue 17, point 11, in a browser: a moderator reads a new listing and an edit as words —
translated labels and values, no empty "Before" column, headings whole ("Before", never
"Bef/ore") on a phone and a desktop, and only the added sentence marked as added."""
from __future__ import annotations

import pytest

from tests.browser.support import describe_violations, run_axe, sign_in
from tests.browser.viewports import on_phone_and_desktop
from tests.submit.support import make_account

from .test_submit_moderate_search import NAME, fill_polish_listing, next_step

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

pytestmark = pytest.mark.browser

ADDED = " Kijki można pożyczyć na miejscu."
LINES_OF = """(cell) => {
    const range = document.createRange();
    range.selectNodeContents(cell);
    return new Set(Array.from(range.getClientRects()).map(rect => Math.round(rect.top))).size;
}"""


def open_in_queue(moderator, live_server, section: str) -> None:
    moderator.goto(live_server("/en/moderate/"))
    moderator.locator(f"[data-queue={section}] a", has_text=NAME).click()


@on_phone_and_desktop
def test_a_moderator_reads_a_new_listing_and_an_edit_in_words(live_server, seeded_db, new_context, viewport):
    email, password = make_account(seeded_db)
    group = new_context().new_page()
    group.goto(live_server("/pl/list-your-group/"))
    fill_polish_listing(group)
    group.locator("button[value=preview]").click()
    group.locator("button[value=send]").click()
    edit_link = group.locator("[data-edit-link]").inner_text()

    moderator = new_context(viewport=viewport).new_page()
    sign_in(moderator, live_server, email, password)
    open_in_queue(moderator, live_server, "new")
    table = moderator.locator("table.diff")
    expect(table.locator("thead th")).to_have_text(["What", "Details"])
    for words in ("Where · Postcode", "Every week", "Tuesday", "United Kingdom", "Just turn up", "Walking group"):
        expect(table).to_contain_text(words)
    for code in ("WEEKLY", "step_free", "drop_in", "walking-group", "physical addresses"):
        expect(table).not_to_contain_text(code)
    violations = run_axe(moderator)
    assert not violations, describe_violations(violations)
    moderator.locator("form[action$='/approve'] button").click()
    expect(moderator.locator(".flash")).to_be_visible()

    group.goto(edit_link + "/edit")
    next_step(group)
    description = group.locator("[name=description]")
    description.fill(description.input_value() + ADDED)
    next_step(group, 5)
    group.locator("button[value=preview]").click()
    group.locator("button[value=send]").click()

    open_in_queue(moderator, live_server, "edits")
    headings = table.locator("thead th")
    expect(headings).to_have_text(["What", "Before", "After"])
    for index in range(3):
        assert headings.nth(index).evaluate(LINES_OF) == 1, "a heading broke over two lines"
    expect(table.locator("ins")).to_have_text([ADDED.strip()])
    expect(table.locator("del")).to_have_count(0)
