"""Hostile input never becomes markup, never a 500, never a stored row that should not be."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from directory.models import Submission

from .support import CHINESE_TAI_CHI, GUJARATI_LUNCH, POLISH_WALK, csrf_token, post_listing, submit_and_get_edit_link

SCRIPT = '<script>alert("x")</script>'
HANDLER = '<img src=x onerror="alert(1)">'
TEXT_FIELDS = ("organization_name", "contact_name", "name", "description", "schedule_notes", "venue_name", "address_1",
               "city", "cost_details", "access_details", "join_details", "name_en", "description_en")


def stored(db) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(Submission))


@pytest.mark.parametrize("answers", [POLISH_WALK, GUJARATI_LUNCH, CHINESE_TAI_CHI], ids=["pl", "gu", "zh"])
def test_script_tags_and_event_handlers_in_every_field_are_refused_and_echoed_escaped(seeded_client, seeded_db, answers):
    hostile = dict(answers)
    for index, name in enumerate(TEXT_FIELDS):
        hostile[name] = f"{answers.get(name) or 'x'} {SCRIPT if index % 2 else HANDLER}"
    for action in ("preview", "send"):
        response = post_listing(seeded_client, hostile, action=action)
        page = response.get_data(as_text=True)
        assert response.status_code == 400
        assert "<script>alert" not in page and "<img src=x" not in page
        assert "&lt;script&gt;" in page, "what was typed comes back, escaped"
    assert stored(seeded_db) == 0


def test_quotes_and_handlers_without_tags_are_stored_as_text_and_escaped_everywhere(seeded_client, seeded_db):
    sneaky = '" onmouseover="alert(1)" x="'
    answers = dict(GUJARATI_LUNCH, name=f"મંદિર ભોજન {sneaky}", description=f"ભજન {sneaky}")
    preview = post_listing(seeded_client, answers, action="preview").get_data(as_text=True)
    assert 'onmouseover="alert(1)"' not in preview and "onmouseover=&#34;alert(1)&#34;" in preview
    link = submit_and_get_edit_link(seeded_client, answers)
    assert 'onmouseover="alert' not in seeded_client.get(f"{link}").get_data(as_text=True)


def test_a_100_kb_field_is_refused_beside_the_field(seeded_client, seeded_db):
    response = post_listing(seeded_client, dict(POLISH_WALK, description="ą" * 100_000, name="n" * 100_000))
    assert response.status_code == 400 and 'class="field-error"' in response.get_data(as_text=True)
    assert stored(seeded_db) == 0


def test_invalid_utf8_is_a_clear_400(seeded_client, seeded_db):
    token = csrf_token(seeded_client, "/pl/list-your-group/")
    body = f"csrf_token={token}&action=send&name=%FF%FEabc&organization_name=x".encode()
    response = seeded_client.post("/pl/list-your-group/", data=body,
                                  content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400 and "<html" in response.get_data(as_text=True)
    raw = b"csrf_token=" + token.encode() + b"&name=\xff\xfe&action=send"
    assert seeded_client.post("/pl/list-your-group/", data=raw,
                              content_type="application/x-www-form-urlencoded").status_code == 400
    assert stored(seeded_db) == 0


def test_a_post_without_a_csrf_token_is_refused_clearly(seeded_client, seeded_db):
    response = seeded_client.post("/pl/list-your-group/", data=dict(POLISH_WALK, action="send"))
    assert response.status_code == 400
    report = seeded_client.post("/en/services/eeb39e88-ea4a-5e25-86ac-d5a5175c418b/report", data={"problem": "other"})
    assert report.status_code == 400
    assert stored(seeded_db) == 0


def test_a_revoked_edit_link_no_longer_works_for_reading_or_writing(seeded_client, seeded_db):
    from directory.submissions import revoke_tokens

    link = submit_and_get_edit_link(seeded_client)
    token = csrf_token(seeded_client, "/pl/list-your-group/")
    with seeded_db.session() as session:
        listing_id = session.scalars(select(Submission.listing_id)).one()
        assert revoke_tokens(session, listing_id, "mod@example.org") == 1
    page = seeded_client.get(link)
    assert page.status_code == 404 and 'class="invalid-link"' in page.get_data(as_text=True)
    assert seeded_client.post(f"{link}/confirm", data={"csrf_token": token}).status_code == 404
    assert seeded_client.post(f"{link}/status", data={"csrf_token": token, "status": "closed"}).status_code == 404
    assert seeded_client.get("/en/my-listing/" + "A" * 500).status_code == 404
