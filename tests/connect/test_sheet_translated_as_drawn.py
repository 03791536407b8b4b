"""A sheet says each column in its own language although public pages' templates are
compiled with their texts translated in (directory.web.template_locales): a sheet calls one
macro in the participant's language and in English (in_locale), so its templates are
translated as they are drawn.

Real app, real database, real index, real HTTP through the test client."""
from __future__ import annotations

import pytest
from flask_babel import force_locale

from directory.i18n.locales import babel_locale
from directory.web import template_gettext

from .test_find_and_sheet import PLAN
from .test_sheet_layout import three_activities

HEADING = "Things you might enjoy"


@pytest.mark.parametrize("locale", ["gu", "ur", "zh_Hans"])
def test_a_sheet_says_its_heading_in_the_participants_language_and_in_english(connector, indexed, locale):
    app = connector.client.application
    for service_id in three_activities(indexed):
        assert connector.post("/en/connect/shortlist/add", data={"service_id": service_id}).status_code == 303
    connector.get("/en/")  # an English page first: its templates are the connector's locale's
    response = connector.post("/en/connect/sheet", data=dict(PLAN, sheet_locale=locale, format="html"))
    assert response.status_code == 200
    with app.test_request_context("/en/"), force_locale(babel_locale(locale)):
        translated = template_gettext.gettext(HEADING)
    body = response.get_data(as_text=True)
    assert translated != HEADING and translated in body
    assert HEADING in body  # the English column beside it
