"""A group submission whose text is plainly in another language than the one chosen on the
form is stored, indexed and marked up as what it is (issue 13)."""
from __future__ import annotations

import time

from sqlalchemy import select

from directory.models import Service, Submission
from directory.search import SearchRequest

from tests.submit.support import GUJARATI_LUNCH, POLISH_WALK, post_with_csrf, submit_and_get_edit_link


def _approve(client, submission_id: str):
    page = f"/en/moderate/submissions/{submission_id}"
    return post_with_csrf(client, f"{page}/approve", page)


def _submitted(db) -> Submission:
    with db.session() as session:
        return session.scalars(select(Submission).where(Submission.state == "pending")).one()


def test_polish_text_sent_as_english_is_indexed_as_polish(app, indexed, moderator_client):
    walk = dict(POLISH_WALK, text_locale="en", name_en="", description_en="")
    submit_and_get_edit_link(app.test_client(), walk, prefix="/en")
    item = _submitted(indexed)
    assert item.payload["locale"] == "pl"
    assert _approve(moderator_client, item.id).status_code == 302
    engine, started, found = app.extensions["directory.search"], time.monotonic(), False
    while not found and time.monotonic() - started < 2.0:
        # "rzeka" is the dictionary form of "rzeki": only the Polish stemmer joins them.
        found = any(hit.service_id == item.listing_id
                    for hit in engine.search(SearchRequest(text="spacery rzeka", locale="pl")).hits)
        time.sleep(0.02) if not found else None
    assert found
    with indexed.session() as session:
        assert session.get(Service, item.listing_id).locale == "pl"


def test_gujarati_text_sent_as_english_is_marked_as_gujarati(app, seeded_db, moderator_client):
    submit_and_get_edit_link(app.test_client(), dict(GUJARATI_LUNCH, text_locale="en"), prefix="/en")
    item = _submitted(seeded_db)
    assert item.payload["locale"] == "gu"
    _approve(moderator_client, item.id)
    html = app.test_client().get(f"/en/services/{item.listing_id}").get_data(as_text=True)
    assert '<article class="listing" lang="gu" dir="ltr">' in html


def test_the_language_chosen_stands_when_the_text_does_not_plainly_say_otherwise(app, seeded_db):
    # Every character here is written the same in Simplified and Traditional Chinese.
    tea = dict(POLISH_WALK, name="茶聚", description="茶聚：上午十一", text_locale="zh_Hant", name_en="")
    submit_and_get_edit_link(app.test_client(), tea, prefix="/zh-hant")
    assert _submitted(seeded_db).payload["locale"] == "zh_Hant"
