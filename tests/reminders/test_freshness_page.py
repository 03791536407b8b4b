"""The moderators' freshness page and call list, through real HTTP on both databases; the
keeper address a moderator sets; the address a group gives when it sends its listing in;
the note to moderators on the same mail path as the reminders."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import delete, select, update

from directory.models import AuditEntry, Contact, ListingKeeper, Organization, Reminder, Service
from directory.submissions.keepers import keeper_address

from ..submit.support import POLISH_WALK, make_account, post_with_csrf, sign_in, submit_and_get_edit_link
from .conftest import GUJARATI_LUNCH, LANGAR, POLISH_CLUB, make_due, run_remind

LOCALE_SLUGS = ("en", "gu", "pl", "zh-hans", "zh-hant", "ur")
NO_EMAIL = "6e87567d-d0ed-571b-b59d-6137eb27c8d3"  # the langar; its addresses are removed below


def remove_addresses(db, listing_id: str) -> None:
    with db.session() as session:
        service = session.get(Service, listing_id)
        service.email = None
        session.execute(update(Organization).where(Organization.id == service.organization_id).values(email=None))
        session.execute(update(Contact).where(Contact.service_id == listing_id).values(email=None))
        session.execute(delete(ListingKeeper).where(ListingKeeper.listing_id == listing_id))


@pytest.fixture
def moderator(app, seeded_db):
    email, password = make_account(seeded_db)
    client = app.test_client()
    sign_in(client, email, password)
    return client


@pytest.fixture
def call_list_directory(seeded_db):
    make_due(seeded_db, GUJARATI_LUNCH, POLISH_CLUB, LANGAR)
    remove_addresses(seeded_db, LANGAR)
    return seeded_db


@pytest.mark.parametrize("slug", LOCALE_SLUGS)
def test_the_freshness_page_and_call_list_render_in_every_locale(app, moderator, call_list_directory, slug):
    page = moderator.get(f"/{slug}/moderate/freshness")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert f'data-listing="{LANGAR}"' in html
    assert 'id="by-ward"' in html and 'data-key="belgrave"' in html and 'id="by-category"' in html
    assert 'href="/' + slug + '/moderate/listings/' in html


def test_the_call_list_has_the_due_listings_email_cannot_reach_with_their_phone_numbers(app, moderator,
                                                                                        call_list_directory, smtp_server):
    smtp_server.handler.refuse.add("polscy.seniorzy@example.org")
    run_remind(app, smtp_server.port)
    with call_list_directory.session() as session:  # the Gujarati club was asked 15 days ago, no answer
        session.execute(update(Reminder).where(Reminder.listing_id == GUJARATI_LUNCH)
                        .values(sent_at=dt.datetime.now() - dt.timedelta(days=15)))
        phones = {listing: session.get(Service, listing) for listing in (LANGAR, POLISH_CLUB, GUJARATI_LUNCH)}
        numbers = {listing: [p.number for c in s.contacts for p in c.phones] + [p.number for p in s.phones]
                   + [p.number for p in s.organization.phones] for listing, s in phones.items()}
    html = moderator.get("/en/moderate/freshness").get_data(as_text=True)
    for listing, reason in ((LANGAR, "No e-mail address"), (POLISH_CLUB, "E-mail address refused"),
                            (GUJARATI_LUNCH, "No answer to the reminder")):
        row = html.split(f'data-listing="{listing}"', 1)[1].split("</tr>", 1)[0]
        assert reason in row
        assert numbers[listing] and numbers[listing][0] in row
    assert 'data-sent>1<' in html and 'data-undelivered>1<' in html


def test_confirmed_by_phone_is_one_click_audited_and_takes_the_listing_off_the_call_list(app, moderator,
                                                                                         call_list_directory):
    response = post_with_csrf(moderator, f"/en/moderate/listings/{LANGAR}/phoned", "/en/moderate/freshness")
    assert response.status_code == 302 and response.headers["Location"].endswith("/en/moderate/freshness#call-list")
    html = moderator.get("/en/moderate/freshness").get_data(as_text=True)
    assert f'data-listing="{LANGAR}"' not in html
    with call_list_directory.session() as session:
        assert session.get(Service, LANGAR).last_verified == dt.date.today()
        entry = session.scalar(select(AuditEntry).where(AuditEntry.listing_id == LANGAR, AuditEntry.action == "verified"))
        assert entry.actor == "mod@example.org" and entry.note == "by phone"


def test_confirming_by_phone_needs_the_forms_csrf_token(moderator, call_list_directory):
    assert moderator.post(f"/en/moderate/listings/{LANGAR}/phoned").status_code == 400


def test_the_freshness_page_is_for_moderators_only(app, seeded_db):
    assert app.test_client().get("/en/moderate/freshness").status_code == 302
    make_account(seeded_db, role="connector", email="connector@example.org")
    connector = app.test_client()
    sign_in(connector, "connector@example.org")
    assert connector.get("/en/moderate/freshness").status_code == 403


def test_a_moderator_sets_the_keeper_address_and_it_is_audited(moderator, seeded_db):
    history = f"/en/moderate/listings/{POLISH_CLUB}/history"
    response = post_with_csrf(moderator, f"/en/moderate/listings/{POLISH_CLUB}/keeper", history,
                              {"email": "sekretarz@example.org"})
    assert response.status_code == 302
    assert "sekretarz@example.org" in moderator.get(history).get_data(as_text=True)
    with seeded_db.session() as session:
        assert keeper_address(session, session.get(Service, POLISH_CLUB)) == "sekretarz@example.org"
        assert session.scalar(select(AuditEntry.action).where(AuditEntry.listing_id == POLISH_CLUB,
                                                              AuditEntry.action == "keeper_set")) == "keeper_set"
    post_with_csrf(moderator, f"/en/moderate/listings/{POLISH_CLUB}/keeper", history, {"email": ""})
    with seeded_db.session() as session:  # back to the listing's own address
        assert keeper_address(session, session.get(Service, POLISH_CLUB)) == "polscy.seniorzy@example.org"


def test_a_bad_keeper_address_is_a_translated_400(moderator, seeded_db):
    history = f"/pl/moderate/listings/{POLISH_CLUB}/history"
    response = post_with_csrf(moderator, f"/pl/moderate/listings/{POLISH_CLUB}/keeper", history,
                              {"email": "not an address"})
    assert response.status_code == 400
    assert "name@example.org" in response.get_data(as_text=True)


def test_the_address_a_group_gives_when_it_submits_keeps_the_listing(app, seeded_db):
    client = app.test_client()
    submit_and_get_edit_link(client, dict(POLISH_WALK, email="spacer@example.org"))
    with seeded_db.session() as session:
        keeper = session.scalar(select(ListingKeeper))
        assert keeper.email == "spacer@example.org" and keeper.set_by == "group"


def test_the_note_to_moderators_is_multipart_on_the_same_mail_path(app, seeded_db, smtp_server):
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=smtp_server.port, MODERATION_EMAIL="mods@example.org")
    submit_and_get_edit_link(app.test_client())
    [received] = smtp_server.handler.received
    assert received.recipients == ["mods@example.org"]
    assert "Spacer z kijkami" in received.text and "<strong>Spacer z kijkami" in received.html
