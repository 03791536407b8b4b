"""The moderation queue: new listings, edits as a diff, reports, stale listings; every
decision audited; an approved listing searchable within a second."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from directory.models import AuditEntry, ProblemReport, Service, Submission
from directory.search import SearchRequest

from tests.indexing_time import time_until_indexed
from tests.submit.support import (
    POLISH_WALK, make_account, post_listing, post_with_csrf, sign_in, submit_and_get_edit_link,
)

LUNCH_CLUB_ID = "eeb39e88-ea4a-5e25-86ac-d5a5175c418b"


def pending(db, kind="new") -> Submission:
    with db.session() as session:
        return session.scalars(select(Submission).where(Submission.state == "pending", Submission.kind == kind)).one()


def approve_via_queue(client, submission_id: str):
    page = f"/en/moderate/submissions/{submission_id}"
    return post_with_csrf(client, f"{page}/approve", page)


def test_only_moderators_see_the_queue(app, seeded_db):
    anonymous = app.test_client()
    assert anonymous.get("/en/moderate/").status_code == 302
    make_account(seeded_db, role="connector", email="connector@example.org")
    connector = app.test_client()
    sign_in(connector, "connector@example.org")
    assert connector.get("/en/moderate/").status_code == 403


def test_an_approved_listing_is_searchable_within_a_second(app, indexed, moderator_client):
    group = app.test_client()
    submit_and_get_edit_link(group)
    item = pending(indexed)
    assert item.payload["name"] in moderator_client.get("/en/moderate/").get_data(as_text=True)

    def approve():
        assert approve_via_queue(moderator_client, item.id).status_code == 302

    took = time_until_indexed(app, approve)
    assert took.seconds < 1.0, f"the approved listing reached the index after {took}"
    hits = app.extensions["directory.search"].search(SearchRequest(text="spacer z kijkami", locale="pl")).hits
    assert item.listing_id in [hit.service_id for hit in hits], "the approved listing is in the search results"
    with indexed.session() as session:
        service = session.get(Service, item.listing_id)
        assert service.last_verified == dt.date.today()
        actions = session.scalars(select(AuditEntry.action).where(AuditEntry.listing_id == item.listing_id)).all()
        assert set(actions) == {"submitted", "approved"}


def test_an_edit_is_shown_as_a_diff_and_the_history_records_who_changed_what(app, seeded_db, moderator_client):
    group = app.test_client()
    link = submit_and_get_edit_link(group)
    approve_via_queue(moderator_client, pending(seeded_db).id)
    post_listing(group, dict(POLISH_WALK, opens_at="14:00", closes_at="16:00"), url=f"{link}/edit")
    edit = pending(seeded_db, "edit")
    review = moderator_client.get(f"/en/moderate/submissions/{edit.id}").get_data(as_text=True)
    assert "<del>10:00</del>" in review and "<ins>14:00</ins>" in review
    assert "Abbey Park Road" not in review, "only what changed is shown"
    approve_via_queue(moderator_client, edit.id)
    history = moderator_client.get(f"/en/moderate/listings/{edit.listing_id}/history").get_data(as_text=True)
    assert "mod@example.org" in history and "<ins>14:00</ins>" in history and "The group (edit link)" in history


def test_a_rejection_needs_a_reason_which_the_group_then_sees(app, seeded_db, moderator_client):
    group = app.test_client()
    link = submit_and_get_edit_link(group)
    item = pending(seeded_db)
    page = f"/en/moderate/submissions/{item.id}"
    assert post_with_csrf(moderator_client, f"{page}/reject", page, {"reason": ""}).status_code == 400
    post_with_csrf(moderator_client, f"{page}/reject", page, {"reason": "To nie jest grupa z Leicester."})
    assert "To nie jest grupa z Leicester." in group.get(link).get_data(as_text=True)
    assert post_with_csrf(moderator_client, f"{page}/approve", page).status_code == 302
    with seeded_db.session() as session:
        assert session.get(Service, item.listing_id) is None, "a decided submission cannot be approved later"


def test_edit_then_approve_publishes_the_moderators_version(app, seeded_db, moderator_client):
    submit_and_get_edit_link(app.test_client())
    item = pending(seeded_db)
    url = f"/en/moderate/submissions/{item.id}/edit"
    assert "Spacer z kijkami nad rzeką" in moderator_client.get(url).get_data(as_text=True)
    response = post_listing(moderator_client, dict(POLISH_WALK, name="Spacer z kijkami nad Soarem"), url=url)
    assert response.status_code == 302
    with seeded_db.session() as session:
        assert session.get(Service, item.listing_id).name == "Spacer z kijkami nad Soarem"


def test_problem_reports_and_stale_listings_wait_in_the_queue_until_dealt_with(app, seeded_db, moderator_client):
    report_url = f"/en/services/{LUNCH_CLUB_ID}/report"
    public = app.test_client()
    post_with_csrf(public, report_url, report_url, {"problem": "closed"})
    with seeded_db.session() as session:
        session.get(Service, LUNCH_CLUB_ID).last_verified = dt.date.today() - dt.timedelta(days=400)
        report_id = session.scalars(select(ProblemReport.id)).one()
    queue = moderator_client.get("/en/moderate/").get_data(as_text=True)
    assert f"/en/moderate/reports/{report_id}" in queue and f"/en/moderate/listings/{LUNCH_CLUB_ID}/history" in queue
    page = f"/en/moderate/reports/{report_id}"
    post_with_csrf(moderator_client, f"{page}/resolve", page, {"resolution": "Rang them: still running."})
    post_with_csrf(moderator_client, f"/en/moderate/listings/{LUNCH_CLUB_ID}/checked", "/en/moderate/")
    queue = moderator_client.get("/en/moderate/").get_data(as_text=True)
    assert f"/en/moderate/reports/{report_id}" not in queue
    with seeded_db.session() as session:
        assert session.get(Service, LUNCH_CLUB_ID).last_verified == dt.date.today()


def test_a_moderator_can_revoke_edit_links_and_issue_a_new_one(app, seeded_db, moderator_client):
    group = app.test_client()
    old_link = submit_and_get_edit_link(group)
    item = pending(seeded_db)
    approve_via_queue(moderator_client, item.id)
    history = f"/en/moderate/listings/{item.listing_id}/history"
    post_with_csrf(moderator_client, f"/en/moderate/listings/{item.listing_id}/revoke-links", history)
    assert group.get(old_link).status_code == 404
    page = post_with_csrf(moderator_client, f"/en/moderate/listings/{item.listing_id}/new-link", history)
    assert page.headers["Cache-Control"] == "no-store"
    new_link = page.get_data(as_text=True).split("data-edit-link>")[1].split("<")[0].replace("http://localhost", "")
    assert group.get(new_link).status_code == 200
    actions = moderator_client.get(history).get_data(as_text=True)
    assert "Edit links revoked" in actions and "New edit link issued" in actions


def test_a_submission_that_can_no_longer_be_published_is_explained_not_a_500(app, seeded_db, moderator_client):
    submit_and_get_edit_link(app.test_client())
    item = pending(seeded_db)
    with seeded_db.session() as session:
        stored = session.get(Submission, item.id)
        stored.payload = dict(stored.payload, attributes=[{"taxonomy_term": {"code": "no-longer-a-category"}}])
    response = approve_via_queue(moderator_client, item.id)
    assert response.status_code == 302 and response.headers["Location"].endswith(item.id)
    assert "Edit, then approve" in moderator_client.get(response.headers["Location"]).get_data(as_text=True)
    assert pending(seeded_db).id == item.id
