"""Keeping a listing current through the private edit link, reporting problems, staleness."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from directory.models import AuditEntry, ProblemReport, Service, Submission
from directory.submissions import approve

from .support import POLISH_WALK, csrf_token, post_listing, submit_and_get_edit_link

LUNCH_CLUB_ID = "eeb39e88-ea4a-5e25-86ac-d5a5175c418b"


def publish(db, reviewer="mod@example.org"):
    """Approve every pending submission the way the moderation queue does."""
    with db.session() as session:
        for submission in session.scalars(select(Submission).where(Submission.state == "pending")):
            approve(session, submission, reviewer, dt.date(2026, 1, 5))


def test_still_running_nothing_changed_only_moves_last_verified(seeded_client, seeded_db):
    link = submit_and_get_edit_link(seeded_client)
    publish(seeded_db)
    response = seeded_client.post(f"{link}/confirm", data={"csrf_token": csrf_token(seeded_client, link)})
    assert response.status_code == 302
    with seeded_db.session() as session:
        service = session.scalars(select(Service).where(Service.name == POLISH_WALK["name"])).one()
        assert service.last_verified == dt.date.today()
        assert session.scalar(select(Submission).where(Submission.kind == "edit")) is None
        assert "verified" in session.scalars(select(AuditEntry.action)).all()


def test_the_group_can_say_it_is_full_with_a_waiting_list_at_once(seeded_client, seeded_db):
    link = submit_and_get_edit_link(seeded_client)
    publish(seeded_db)
    seeded_client.post(f"{link}/status", data={"status": "waiting_list", "csrf_token": csrf_token(seeded_client, link)})
    with seeded_db.session() as session:
        service = session.scalars(select(Service).where(Service.name == POLISH_WALK["name"])).one()
        assert (service.listing_status, service.how_to_join) == ("full", "waiting_list")


def test_a_change_through_the_edit_link_waits_for_moderation(seeded_client, seeded_db):
    link = submit_and_get_edit_link(seeded_client)
    publish(seeded_db)
    form = seeded_client.get(f"{link}/edit").get_data(as_text=True)
    assert "Spacer z kijkami nad rzeką" in form and 'value="10:00"' in form
    response = post_listing(seeded_client, dict(POLISH_WALK, opens_at="14:00", closes_at="16:00"), url=f"{link}/edit")
    assert response.status_code == 302
    # The edit link reaches no other site; same-site Referers stay (HTTPS CSRF checks need them).
    assert response.headers.get("Referrer-Policy") == "same-origin"
    with seeded_db.session() as session:
        edit = session.scalars(select(Submission).where(Submission.kind == "edit")).one()
        assert edit.state == "pending" and edit.payload["schedules"][0]["opens_at"] == "14:00"
        live = session.get(Service, edit.listing_id)
        assert live.schedules[0].opens_at == dt.time(10, 0), "the live listing is unchanged until approved"


def test_the_edit_link_says_when_the_listing_is_still_waiting_for_review(seeded_client):
    link = submit_and_get_edit_link(seeded_client)
    page = seeded_client.get(link).get_data(as_text=True)
    assert "notice" in page and "/confirm" not in page


def test_every_listing_page_offers_report_a_problem_and_the_report_is_queued(seeded_client, seeded_db):
    page = seeded_client.get(f"/gu/services/{LUNCH_CLUB_ID}").get_data(as_text=True)
    report_url = f"/gu/services/{LUNCH_CLUB_ID}/report"
    assert report_url in page
    response = seeded_client.post(report_url, data={"problem": "wrong_time", "details": "હવે બુધવારે મળે છે",
                                                    "csrf_token": csrf_token(seeded_client, report_url)})
    assert response.status_code == 200
    with seeded_db.session() as session:
        report = session.scalars(select(ProblemReport)).one()
        assert (report.listing_id, report.problem, report.state) == (LUNCH_CLUB_ID, "wrong_time", "open")


def test_a_report_must_say_what_is_wrong(seeded_client, seeded_db):
    report_url = f"/en/services/{LUNCH_CLUB_ID}/report"
    response = seeded_client.post(report_url, data={"csrf_token": csrf_token(seeded_client, report_url)})
    assert response.status_code == 400 and 'class="field-error"' in response.get_data(as_text=True)
    assert seeded_client.get("/en/services/no-such-listing/report").status_code == 404


def test_a_listing_not_confirmed_for_stale_after_days_shows_a_notice(app, seeded_client, seeded_db):
    with seeded_db.session() as session:
        session.get(Service, LUNCH_CLUB_ID).last_verified = dt.date.today() - dt.timedelta(days=40)
    app.config["STALE_AFTER_DAYS"] = 30
    assert "notice-stale" in seeded_client.get(f"/en/services/{LUNCH_CLUB_ID}").get_data(as_text=True)
    app.config["STALE_AFTER_DAYS"] = 60
    assert "notice-stale" not in seeded_client.get(f"/en/services/{LUNCH_CLUB_ID}").get_data(as_text=True)
