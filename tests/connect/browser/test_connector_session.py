"""The issue's acceptance walk-through in a real browser: a connector signs in, finds step-free
Gujarati activities near Belgrave, shortlists two, plans the first visit and downloads the
sheet — and afterwards neither the database nor the logs hold the postcode or the plan."""
from __future__ import annotations

import logging
from io import BytesIO

import pytest

from directory.connect.pdf import pdf_available
from directory.models import Service

from ..conftest import CONNECTOR, make_account
from ..test_find_and_sheet import compact
from ..test_privacy_and_gaps import database_text, traces
from tests.browser.support import sign_in as sign_in_with_form

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

POSTCODE = "LE4 5AA"
PLAN = {"visit_date": "Tuesday 9 June", "visit_time": "11:45", "visit_place": "By the bench outside the library",
        "visit_people": "Meena and the group leader, Hansaben"}


def sign_in(page, live_server):
    sign_in_with_form(page, live_server, *CONNECTOR)


def find_for_gujarati_speaker(page, live_server):
    page.goto(live_server("/en/connect/"))
    page.fill("#postcode", POSTCODE)
    page.check("#reach-bus")
    page.check("#language-gu")
    page.check("#access-step_free")
    page.get_by_role("button", name="Find activities").click()
    page.wait_for_url("**/connect/results")


def shortlist_first_two(page) -> list[str]:
    ids = []
    for _ in range(2):
        card = page.locator("li.result:has(form)").first
        ids.append(card.get_attribute("data-result-id"))
        card.get_by_role("button", name="Add to shortlist").click()
        expect(page.locator(f'[data-result-id="{ids[-1]}"] .on-shortlist')).to_be_visible()
    return ids


def test_connector_prints_a_gujarati_sheet_and_leaves_no_trace(logged_live_server, page, seeded_db, caplog, screenshot):
    if not pdf_available():
        pytest.skip("WeasyPrint/Pango are not installed: PDF download SKIPPED (run scripts/install-pdf-deps.sh)")
    from pypdf import PdfReader

    caplog.set_level(logging.INFO)
    logging.getLogger("werkzeug").setLevel(logging.INFO)
    live_server = logged_live_server
    make_account(seeded_db, *CONNECTOR, role="connector")
    before = database_text(seeded_db)

    sign_in(page, live_server)
    expect(page.get_by_role("link", name="Connector workspace")).to_be_visible()
    find_for_gujarati_speaker(page, live_server)
    expect(page.locator(".why").first).to_contain_text("Gujarati")
    ids = shortlist_first_two(page)
    page.goto(live_server("/en/connect/shortlist"))
    for name, value in PLAN.items():
        page.fill(f"#{name}", value)
    page.select_option("#sheet_locale", "gu")
    screenshot(page, "shortlist-en")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the sheet as PDF").click()
    pdf = download.value.path().read_bytes()
    page.get_by_role("button", name="Finish with this participant (forget everything)").first.click()

    text = compact("".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages))
    with seeded_db.session() as session:
        for service_id in ids:
            service = session.get(Service, service_id)
            assert compact(service.text_in("gu")[0]) in text and compact(service.text_in("en")[0]) in text
            assert compact(service.next_sessions(count=3)[0].starts.strftime("%A %-d %B")) in text
    assert all(compact(value) in text for value in PLAN.values())

    assert database_text(seeded_db) == before  # nothing written: no postcode, no plan, no shortlist
    logged = caplog.text
    assert "POST /en/connect/find" in logged  # the server's access log was captured
    for secret in traces(POSTCODE) + list(PLAN.values()):
        assert secret not in logged
