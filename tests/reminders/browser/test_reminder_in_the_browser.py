"""What only a browser shows: a group follows "Still right" from its reminder e-mail and its
listing says "checked with the group today" and ranks as fresh again in search; the
moderators' freshness page and call list in every locale, accessible, and printed on A4."""
from __future__ import annotations

import io
import re

import pytest
from flask_babel import force_locale, gettext

from tests.browser.support import LOCALES, describe_violations, run_axe, sign_in
from tests.submit.support import make_account

from ..conftest import GUJARATI_LUNCH, LANGAR, make_due, run_remind
from ..test_freshness_page import remove_addresses

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

LUNCH_CLUBS = "/gu/search?q=lunch+club&postcode=LE4+5AA&distance=3"
A4_POINTS = (595.3, 841.9)


def gujarati(app, message: str) -> str:
    with app.test_request_context("/"), force_locale("gu"):
        return gettext(message)


def result_position(page, live_server) -> tuple[int, bool]:
    """(rank of the Gujarati lunch club among the results, whether it is marked stale)."""
    page.goto(live_server(LUNCH_CLUBS))
    links = page.locator(".result h3 a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    position = next(i for i, href in enumerate(links) if GUJARATI_LUNCH in href)
    card = page.locator(".result").nth(position)
    return position, card.locator(".notice-stale").count() > 0


def test_still_right_from_the_email_marks_the_listing_checked_today_and_fresh_in_search(
        app, live_server, seeded_db, smtp_server, new_context, screenshot):
    make_due(seeded_db, GUJARATI_LUNCH, days_ago=200)  # stale: asked, and sinking in search
    group = new_context().new_page()
    before, stale_before = result_position(group, live_server)
    assert stale_before

    assert run_remind(app, smtp_server.port, base_url=live_server.url).exit_code == 0
    [message] = [item for item in smtp_server.handler.received if item.recipients == ["bgsa@example.org"]]
    link = re.search(r'href="(http://127\.0\.0\.1:\d+/gu/reminder/still-right/[^"]+)"', message.html).group(1)

    fresh = new_context().new_page()  # the group's own browser: no session, no cookies
    fresh.goto(link)
    screenshot(fresh, "still-right-gu")
    fresh.locator("form.reminder-answer button").click()
    expect(fresh.locator('[data-answer="confirmed"]')).to_be_visible()
    fresh.goto(live_server(f"/gu/services/{GUJARATI_LUNCH}"))
    expect(fresh.locator(".verified")).to_have_text(gujarati(app, "Checked with the group today."))

    after, stale_after = result_position(group, live_server)
    assert not stale_after
    assert after <= before, (before, after)  # ranked on its merits again, no longer held back as stale


@pytest.fixture
def moderator_page(live_server, seeded_db, new_context):
    make_due(seeded_db, GUJARATI_LUNCH, LANGAR)
    remove_addresses(seeded_db, LANGAR)
    email, password = make_account(seeded_db)
    page = new_context().new_page()
    sign_in(page, live_server, email, password)
    return page


def test_the_freshness_page_and_call_list_are_accessible_in_every_locale_and_print_on_a4(
        live_server, moderator_page, screenshot):
    from pypdf import PdfReader

    page = moderator_page
    for slug, (html_lang, direction) in LOCALES.items():
        page.goto(live_server(f"/{slug}/moderate/freshness"))
        expect(page.locator("html")).to_have_attribute("lang", html_lang)
        expect(page.locator(f'[data-listing="{LANGAR}"]')).to_be_visible()
        violations = run_axe(page)
        assert not violations, f"/{slug}/moderate/freshness:\n{describe_violations(violations)}"
        screenshot(page, slug)
        if slug in ("en", "ur"):
            page.emulate_media(media="print")
            expect(page.locator(".call-table form").first).to_be_hidden()
            expect(page.locator(".site-header nav.main-nav")).to_be_hidden()
            pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
            box = pdf.pages[0].mediabox
            # A4 is 595.3 × 841.9 pt (Chromium rounds the width to 595); US Letter would be 612 × 792
            assert abs(float(box.width) - A4_POINTS[0]) < 1 and abs(float(box.height) - A4_POINTS[1]) < 1, box
            assert LANGAR not in pdf.pages[0].extract_text()  # ids stay out; the listing's name is printed
            page.emulate_media(media="screen")
