"""Submitting a listing: preview, validation beside each field, duplicates, honeypot,
rate limits, and the submission saved before anything else can fail."""
from __future__ import annotations

from sqlalchemy import func, select

from directory.models import AuditEntry, EditToken, Submission

from .support import GUJARATI_LUNCH, POLISH_WALK, csrf_token, post_listing, submit_and_get_edit_link


def count(db, model) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_the_form_is_offered_in_every_site_language(seeded_client):
    for prefix in ("en", "gu", "pl", "zh-hans", "zh-hant", "ur"):
        response = seeded_client.get(f"/{prefix}/list-your-group/")
        assert response.status_code == 200
        assert 'name="csrf_token"' in response.get_data(as_text=True)


def test_polish_listing_is_previewed_then_saved_for_moderation_with_a_private_edit_link(seeded_client, seeded_db):
    preview = post_listing(seeded_client, POLISH_WALK, action="preview")
    page = preview.get_data(as_text=True)
    assert preview.status_code == 200 and "Spacer z kijkami nad rzeką" in page and 'value="send"' in page
    assert count(seeded_db, Submission) == 0, "a preview stores nothing"

    link = submit_and_get_edit_link(seeded_client)
    with seeded_db.session() as session:
        submission = session.scalars(select(Submission)).one()
        assert (submission.kind, submission.state, submission.locale) == ("new", "pending", "pl")
        assert submission.payload["locale"] == "pl" and submission.payload["translations"]["en"]["name"]
        assert submission.payload["schedules"][0]["byday"] == "TU"
        token_row = session.scalars(select(EditToken)).one()
        assert link.split("/")[-1] not in token_row.token_hash, "only a hash of the token is stored"
        assert session.scalars(select(AuditEntry.action)).all() == ["submitted"]
    assert seeded_client.get(link).status_code == 200


def test_the_edit_link_is_shown_once_only(seeded_client):
    submit_and_get_edit_link(seeded_client)
    again = seeded_client.get("/pl/list-your-group/thanks").get_data(as_text=True)
    assert "data-edit-link" not in again


def test_a_validation_error_comes_back_beside_the_field_with_everything_typed_kept(seeded_client, seeded_db):
    answers = dict(POLISH_WALK, name="", closes_at="09:00", phone="", email="")
    response = post_listing(seeded_client, answers, action="preview")
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert page.count('class="field-error"') >= 3
    assert "Przyjaciele Parku Abbey" in page and "Spacerujemy razem wzdłuż rzeki Soar" in page
    assert 'aria-invalid="true"' in page
    assert count(seeded_db, Submission) == 0


def test_an_unknown_postcode_is_refused_unless_a_point_on_the_map_is_given(seeded_client, seeded_db):
    response = post_listing(seeded_client, dict(POLISH_WALK, postcode="ZZ9 9ZZ"), action="preview")
    assert response.status_code == 400 and "postcode" in response.get_data(as_text=True).lower()
    with_point = post_listing(seeded_client, dict(POLISH_WALK, postcode="ZZ9 9ZZ", latitude="52.6601",
                                                  longitude="-1.1300"), action="preview")
    assert with_point.status_code == 200


def test_going_back_from_the_preview_keeps_every_answer(seeded_client):
    response = post_listing(seeded_client, GUJARATI_LUNCH, action="change", url="/gu/list-your-group/")
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "મંદિર ભોજન ક્લબ" in page and "દર ગુરુવારે" in page


def test_a_filled_honeypot_is_thanked_but_nothing_is_stored(seeded_client, seeded_db):
    response = post_listing(seeded_client, dict(POLISH_WALK, homepage="http://spam.example"))
    assert response.status_code == 302
    assert count(seeded_db, Submission) == 0 and count(seeded_db, EditToken) == 0


def test_a_group_already_listed_with_the_same_phone_is_offered_as_is_this_your_group(seeded_client, seeded_db):
    from directory.models import Phone

    with seeded_db.session() as session:
        number = session.scalars(select(Phone.number).where(Phone.contact_id.is_not(None))).first()
    response = post_listing(seeded_client, dict(POLISH_WALK, phone=number), action="preview")
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and 'id="duplicates-heading"' in page


def test_the_same_group_sent_twice_is_flagged_as_a_pending_duplicate(seeded_client):
    submit_and_get_edit_link(seeded_client)
    response = post_listing(seeded_client, dict(POLISH_WALK, name="Spacer z kijkami nad rzeka Soar"), action="preview")
    assert 'id="duplicates-heading"' in response.get_data(as_text=True)


def test_a_submission_is_kept_and_confirmed_even_when_the_mail_server_is_down(app, seeded_client, seeded_db):
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=1, MODERATION_EMAIL="mods@example.org")
    link = submit_and_get_edit_link(seeded_client)
    assert link and count(seeded_db, Submission) == 1


def test_too_many_submissions_from_one_connection_get_a_friendly_wait_page(app, seeded_client, seeded_db):
    app.config["SUBMIT_RATE_LIMIT"] = "2 per hour"
    token = csrf_token(seeded_client, "/en/list-your-group/")
    codes = [post_listing(seeded_client, POLISH_WALK, url="/en/list-your-group/", token=token).status_code
             for _ in range(3)]
    assert codes == [302, 302, 429]
    page = post_listing(seeded_client, POLISH_WALK, url="/en/list-your-group/", token=token).get_data(as_text=True)
    assert "Please wait a moment" in page
    assert count(seeded_db, Submission) == 2


def test_every_page_links_to_list_your_group(seeded_client):
    assert "/pl/list-your-group/" in seeded_client.get("/pl/").get_data(as_text=True)
