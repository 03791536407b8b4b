"""Every kind of page works under the Content-Security-Policy in a real Chromium: the maps
draw, the scripts run, the gap chart shows — and the browser reports no violation."""
from __future__ import annotations

import datetime as dt

import pytest

from directory.connect.gaps import week_of
from directory.models import GapCount
from tests.browser.support import GUJARATI_LUNCH_CLUB_ID, sign_in
from tests.connect.conftest import CONNECTOR, make_account

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

pytestmark = pytest.mark.browser

# Recorded by the page itself (an init script runs outside the policy): each violation's
# directive and blocked URL, however the browser words its console message.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__cspViolations.push(event.violatedDirective + " blocked " + (event.blockedURI || "inline"));
});
"""


@pytest.fixture
def watched_page(page):
    page.add_init_script(RECORD_VIOLATIONS)
    page.console_errors = []
    page.on("console", lambda message: page.console_errors.append(message.text) if message.type == "error" else None)
    return page


def violations(page) -> list[str]:
    seen = page.evaluate("() => window.__cspViolations")
    return seen + [text for text in page.console_errors if "Content Security Policy" in text]


def test_public_pages_with_maps_work_under_the_policy(live_server, watched_page):
    page = watched_page
    response = page.goto(live_server("/en/"))
    assert "script-src 'self'" in response.headers["content-security-policy"]
    expect(page.locator("h1")).to_be_visible()

    page.goto(live_server("/en/search?q=lunch+club&postcode=LE4+5AA&distance=3"))
    expect(page.locator("[data-map] .leaflet-marker-icon, [data-map] .marker-cluster").first).to_be_visible()

    page.goto(live_server(f"/en/services/{GUJARATI_LUNCH_CLUB_ID}"))
    expect(page.locator("h1")).to_be_visible()
    if page.locator("[data-map]").count():
        expect(page.locator("[data-map] .leaflet-marker-icon").first).to_be_visible()

    page.goto(live_server("/en/list-your-group/"))
    expect(page.locator("form.listing-form")).to_be_visible()
    assert violations(page) == []
    assert not page.js_errors


def test_the_gap_report_chart_shows_under_the_policy(live_server, watched_page, seeded_db):
    page = watched_page
    make_account(seeded_db, *CONNECTOR, role="connector")
    with seeded_db.session() as session:
        week = week_of(dt.date.today())
        session.add_all([GapCount(week=week, district="LE4", category="digital-skills", language="so", count=4),
                         GapCount(week=week, district="LE5", category="yoga", language="pl", count=1)])
    sign_in(page, live_server, *CONNECTOR)
    page.goto(live_server("/en/connect/gaps"))
    bars = page.locator(".gap-table .bar")
    expect(bars).to_have_count(2)
    widths = [bars.nth(index).bounding_box()["width"] for index in range(2)]
    assert widths[0] > 3 * widths[1] > 0, widths  # 4 searches against 1: drawn to scale
    assert violations(page) == []
    assert not page.js_errors


def test_the_watch_sees_an_inline_script_being_refused(live_server, watched_page):
    """The check above can fail: an inline script added to a page is refused and recorded."""
    page = watched_page
    page.goto(live_server("/en/"))
    page.evaluate("""() => { const script = document.createElement("script");
                             script.textContent = "window.__ran = true"; document.body.append(script); }""")
    page.wait_for_function("() => window.__cspViolations.length > 0")
    assert page.evaluate("() => window.__ran") is None
    assert any(seen.startswith("script-src") for seen in violations(page))
