"""Input that reached the database or a 500 before (issue 16, findings 7, 9 and 11): a
far-future first date on the submission, edit and moderation forms; an unclosed tag; bidi
overrides and control characters in names and titles."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from directory.models import Service, Submission
from directory.submissions.plain_text import has_markup, normalise_text
from tests.moderate.conftest import moderator_client  # noqa: F401  (a fixture)
from tests.moderate.test_moderation import approve_via_queue, pending

from .support import CSRF, POLISH_WALK, post_listing, submit_and_get_edit_link

UNCLOSED = "Bypass <img src=x onerror=alert(1)//"
RTL_OVERRIDE = "Yoga \u202egnol\u202c class"


def submission_count(db) -> int:
    with db.session() as session:
        return len(session.scalars(select(Submission)).all())


@pytest.mark.parametrize("starts_on", ["9999-12-31", "1066-10-14"])
def test_a_far_off_first_date_is_explained_on_the_submission_form_not_a_500(seeded_client, seeded_db, starts_on):
    for action in ("preview", "send"):
        response = post_listing(seeded_client, dict(POLISH_WALK, starts_on=starts_on), action=action,
                                url="/en/list-your-group/")
        assert response.status_code == 400
        assert "Please give a date between" in response.get_data(as_text=True)
    assert submission_count(seeded_db) == 0


def test_the_date_message_is_in_the_readers_language(seeded_client, seeded_db):
    response = post_listing(seeded_client, dict(POLISH_WALK, starts_on="9999-12-31"), url="/pl/list-your-group/")
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "Please give a date between" not in page and "2000" in page


def test_a_far_off_first_date_on_the_group_edit_form_is_a_400(seeded_client, seeded_db, moderator_client):
    link = submit_and_get_edit_link(seeded_client, prefix="/en")
    approve_via_queue(moderator_client, pending(seeded_db).id)
    response = post_listing(seeded_client, dict(POLISH_WALK, starts_on="9999-12-31"), url=f"{link}/edit")
    assert response.status_code == 400 and "Please give a date between" in response.get_data(as_text=True)


def test_a_far_off_first_date_on_the_moderators_edit_form_is_a_400(seeded_client, seeded_db, moderator_client):
    submit_and_get_edit_link(seeded_client)
    url = f"/en/moderate/submissions/{pending(seeded_db).id}/edit"
    token = CSRF.search(moderator_client.get(url).get_data(as_text=True)).group(1)
    response = moderator_client.post(url, data=dict(POLISH_WALK, starts_on="9999-12-31", action="send",
                                                    csrf_token=token))
    assert response.status_code == 400 and "Please give a date between" in response.get_data(as_text=True)


def test_an_unclosed_tag_is_refused_like_a_closed_one(seeded_client, seeded_db):
    response = post_listing(seeded_client, dict(POLISH_WALK, name=UNCLOSED), url="/en/list-your-group/")
    assert response.status_code == 400 and "without HTML tags" in response.get_data(as_text=True)
    assert submission_count(seeded_db) == 0


@pytest.mark.parametrize("text", ["Ages <50 welcome", "Tea & cake, 2 < 3", "Price: <£2"])
def test_a_less_than_sign_that_is_not_a_tag_is_kept(text):
    assert not has_markup(text)


def test_bidi_overrides_and_control_characters_are_removed_before_storing(seeded_client, seeded_db,
                                                                           moderator_client):
    answers = dict(POLISH_WALK, name=RTL_OVERRIDE, organization_name="Abbey\x1b[31m Friends\u2066",
                   description="Line one\r\nLine two\x00 \u202dend")
    assert post_listing(seeded_client, answers, url="/en/list-your-group/").status_code == 302
    stored = pending(seeded_db).payload
    assert stored["name"] == "Yoga gnol class"
    assert stored["organization"]["name"] == "Abbey[31m Friends"
    assert stored["description"] == "Line one\nLine two end"
    approve_via_queue(moderator_client, pending(seeded_db).id)
    with seeded_db.session() as session:
        assert session.scalars(select(Service.name).where(Service.name.like("Yoga%class"))).one() == "Yoga gnol class"


def test_joiners_and_implicit_marks_that_scripts_need_are_kept():
    urdu = "\u0645\u06cc\u200c\u06ba \u200fاردو"
    gujarati = "\u0a95\u0acd\u200d\u0aa4"
    assert normalise_text(urdu) == urdu and normalise_text(gujarati) == gujarati
