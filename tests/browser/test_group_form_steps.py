"""Issue 17, point 6: the group's step-by-step form. Enter in a field of a step goes to the
next step (it submitted the whole form, which came back with errors for steps not reached);
an error-summary link to a field on a hidden step opens that step and focuses the field; the
Polish form assumes Polish text; without JavaScript every step is shown and the form works."""
from __future__ import annotations

import pytest

from .support import describe_violations, run_axe
from .viewports import on_phone_and_desktop

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

def step_legend(page, number: int):
    return page.locator("fieldset.step > legend", has_text=f"Step {number} of 7")


@on_phone_and_desktop
def test_enter_in_step_one_goes_to_step_two_not_to_the_server(live_server, new_context, viewport):
    page = new_context(viewport=viewport).new_page()
    page.goto(live_server("/en/list-your-group/"))
    page.fill("[name=organization_name]", "Friends of Abbey Park")
    page.fill("[name=phone]", "0116 496 0777")
    page.press("[name=phone]", "Enter")
    expect(step_legend(page, 2)).to_be_visible()
    expect(step_legend(page, 1)).to_be_hidden()
    expect(page.locator("#error-summary")).to_have_count(0)
    assert page.url.endswith("/en/list-your-group/"), "nothing was sent"
    expect(page.locator("[name=text_locale]")).to_be_focused()  # the first field of step 2


def test_enter_with_a_required_answer_missing_stays_on_the_step(live_server, page):
    page.goto(live_server("/en/list-your-group/"))
    page.press("[name=phone]", "Enter")
    expect(step_legend(page, 1)).to_be_visible()
    expect(page.locator("[name=organization_name]")).to_be_focused()


def test_the_polish_form_assumes_the_group_writes_polish(live_server, page):
    page.goto(live_server("/pl/list-your-group/"))
    assert page.locator("[name=text_locale]").input_value() == "pl"
    page.goto(live_server("/gu/list-your-group/"))
    assert page.locator("[name=text_locale]").input_value() == "gu"


def _send_with_errors_on_two_steps(page, live_server):
    """Fill every step, but with a finishing time before the start (step 3) and a minimum age
    of 200 (step 6): the server answers with an error summary."""
    page.goto(live_server("/en/list-your-group/"))
    page.fill("[name=organization_name]", "Friends of Abbey Park")
    page.fill("[name=phone]", "0116 496 0777")
    page.press("[name=phone]", "Enter")
    page.fill("[name=name]", "Nordic walking by the river")
    page.fill("[name=description]", "We walk together along the River Soar, then have tea.")
    page.select_option("[name=category]", "walking-group")
    page.locator(".step-nav .button:not(.button-secondary)").click()
    page.fill("[name=opens_at]", "10:00")
    page.fill("[name=closes_at]", "09:00")
    page.press("[name=opens_at]", "Enter")
    page.fill("[name=address_1]", "Abbey Park Road")
    page.fill("[name=postcode]", "LE4 5AA")
    for _ in range(2):
        page.locator(".step-nav .button:not(.button-secondary)").click()
    page.fill("[name=minimum_age]", "200")
    page.locator(".step-nav .button:not(.button-secondary)").click()
    page.locator("button[value=preview]").click()
    expect(page.locator("#error-summary")).to_be_focused()


@on_phone_and_desktop
def test_an_error_summary_link_opens_the_hidden_step_and_focuses_the_field(live_server, new_context, viewport):
    page = new_context(viewport=viewport).new_page()
    _send_with_errors_on_two_steps(page, live_server)
    expect(step_legend(page, 3)).to_be_visible()  # the first step with an error
    page.locator("#error-summary a[href='#minimum_age']").click()
    expect(step_legend(page, 6)).to_be_visible()
    expect(step_legend(page, 3)).to_be_hidden()
    expect(page.locator("#minimum_age")).to_be_focused()
    expect(page.locator("#minimum_age")).to_be_in_viewport()
    page.locator("#error-summary a[href='#closes_at']").click()
    expect(page.locator("#closes_at")).to_be_focused()
    violations = run_axe(page)
    assert not violations, describe_violations(violations)


def test_without_javascript_every_step_shows_and_enter_sends_the_form(live_server, new_context):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(live_server("/pl/list-your-group/"))
    for number in range(1, 8):
        expect(page.locator("fieldset.step > legend", has_text=f"Krok {number} z 7")).to_have_count(1)
    expect(page.locator("fieldset.step:visible")).to_have_count(7)
    page.fill("[name=organization_name]", "Przyjaciele Parku Abbey")
    page.press("[name=organization_name]", "Enter")
    expect(page.locator("#error-summary")).to_be_visible()
