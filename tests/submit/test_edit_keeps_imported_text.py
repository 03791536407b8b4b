"""A group saving its imported listing through the private edit link keeps what the
publisher wrote that the form does not show: ORUK free-text accessibility."""
from __future__ import annotations

import datetime as dt
import json
from html.parser import HTMLParser

from sqlalchemy import select
from werkzeug.datastructures import MultiDict

from directory.models import Accessibility, Submission
from directory.oruk.importer import records_from_bytes, run_import
from directory.submissions import approve
from directory.submissions.tokens import issue_token

from ..listings import POLISH_YOGA, service

ACCESS_WORDS = {"description": "Wejście bez schodów od ulicy Belgrave; w sali jest pętla indukcyjna.",
                "details": "Proszę zadzwonić do bocznych drzwi — przyniesiemy rampę."}


class FormFields(HTMLParser):
    """The fields a browser would send for the page's listing form, as they are."""

    def __init__(self):
        super().__init__()
        self.fields: list[tuple[str, str]] = []
        self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("name"):
            if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                return
            if attrs.get("type") not in ("submit", "button"):
                self.fields.append((attrs["name"], attrs.get("value") or ""))
        elif tag == "select":
            self._select = attrs.get("name")
        elif tag == "option" and self._select and "selected" in attrs:
            self.fields.append((self._select, attrs.get("value") or ""))
        elif tag == "textarea":
            self._textarea = attrs.get("name")
            self.fields.append((self._textarea, ""))

    def handle_data(self, data):
        if self._textarea:
            name, text = self.fields.pop()
            self.fields.append((name, text + data))

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def _imported_listing(db) -> dict:
    feed = service("edit-access-words", POLISH_YOGA, locale="pl", term="walking-group")
    feed["service_at_locations"][0]["location"]["accessibility"] = [dict(ACCESS_WORDS, id="access-words")]
    report = run_import(db, records_from_bytes(json.dumps([feed], ensure_ascii=False).encode(), "feed.json"))
    assert report.outcome == "imported", report.lines()
    return feed


def test_saving_an_imported_listing_unchanged_keeps_its_free_text_accessibility(app, seeded_db, seeded_client):
    feed = _imported_listing(seeded_db)
    with seeded_db.session() as session:
        token = issue_token(session, feed["id"])
    link = f"/pl/my-listing/{token}/edit"
    parser = FormFields()
    parser.feed(seeded_client.get(link).get_data(as_text=True))
    fields = MultiDict([*(item for item in parser.fields if item[0] != "action"), ("action", "send")])
    response = seeded_client.post(link, data=fields)
    assert response.status_code == 302, response.get_data(as_text=True)[-3000:]
    with seeded_db.session() as session:
        edit = session.scalars(select(Submission).where(Submission.kind == "edit")).one()
        approve(session, edit, "mod@example.org", dt.date(2026, 12, 2))
    with seeded_db.session() as session:
        stored = session.scalars(select(Accessibility).where(
            Accessibility.location_id == feed["service_at_locations"][0]["location"]["id"])).all()
        assert [(item.description, item.details) for item in stored] == [tuple(ACCESS_WORDS.values())]
        assert stored[0].location.description is None  # the details did not move into the place's description
    published = seeded_client.get(f"/api/services/{feed['id']}").get_json()
    access = published["service_at_locations"][0]["location"]["accessibility"]
    assert [(item["description"], item.get("details")) for item in access] == [tuple(ACCESS_WORDS.values())]
