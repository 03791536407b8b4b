"""`directory remind` against a real SMTP server on loopback, and the three links of each
message followed from fresh sessions through the Flask test client, on SQLite and PostgreSQL."""
from __future__ import annotations

import datetime as dt
import re

from flask_babel import force_locale, gettext
from sqlalchemy import select, update

from directory.models import AuditEntry, EditToken, Reminder, ReminderToken, Service
from directory.submissions.keepers import set_keeper

from ..submit.support import post_with_csrf
from .conftest import CHINESE_TAI_CHI, GUJARATI_LUNCH, LANGAR, POLISH_CLUB, make_due, run_remind

LINK = re.compile(r"http://localhost(/[a-z-]+/reminder/(?:still-right|change|stopped)/[A-Za-z0-9_.\-]+)")
DUE_ADDRESSES = {"bgsa@example.org", "polscy.seniorzy@example.org", "chinese.elders@example.org",
                 "gurdwara.belgrave@example.org"}


def translated(app, locale: str, message: str, **values) -> str:
    with app.test_request_context("/"), force_locale(locale):
        return gettext(message, **values)


def links_in(received) -> dict[str, str]:
    """The listing-language links of a message, by purpose (the first of each kind)."""
    found = {}
    for path in LINK.findall(received.text):
        purpose = path.split("/")[3]
        found.setdefault(purpose, path)
    return found


def message_to(handler, address: str):
    matches = [item for item in handler.received if item.recipients == [address]]
    assert len(matches) == 1, [item.recipients for item in handler.received]
    return matches[0]


def audit_actions(db, listing_id: str) -> list[str]:
    with db.session() as session:
        return list(session.scalars(select(AuditEntry.action).where(AuditEntry.listing_id == listing_id)
                                    .order_by(AuditEntry.id)))


def last_verified(db, listing_id: str) -> dt.date | None:
    with db.session() as session:
        return session.get(Service, listing_id).last_verified


def post_form(client, path: str, data: dict | None = None):
    """POST as the page's form would (a used link's page has no form: the session's token
    from another page stands in, as a replayed request would carry it)."""
    return post_with_csrf(client, path, path, data)


def test_each_due_listing_gets_exactly_one_message_in_its_language_and_english(app, due_directory, smtp_server):
    result = run_remind(app, smtp_server.port)
    assert result.exit_code == 0, result.output
    handler = smtp_server.handler
    assert sorted(address for item in handler.received for address in item.recipients) == sorted(DUE_ADDRESSES)

    gujarati = message_to(handler, "bgsa@example.org")
    assert translated(app, "gu", "Still right") != "Still right"  # the catalogue has it
    assert gujarati.message.is_multipart() and gujarati.html and gujarati.text
    for text in (gujarati.text, gujarati.html):
        assert translated(app, "gu", "Still right") in text or translated(app, "gu", "Still right:") in text
        assert "Still right" in text and "We have stopped or paused" in text
    assert translated(app, "gu", "Is your listing still right? %(name)s", name="x").split("x")[0].strip() in \
        gujarati.message["Subject"]
    assert "Is your listing still right?" in gujarati.message["Subject"]
    assert "વરિષ્ઠ નાગરિક ભોજન ક્લબ" in gujarati.text
    assert '/gu/reminder/still-right/' in gujarati.html and '/en/reminder/still-right/' in gujarati.html
    assert gujarati.message["Auto-Submitted"] == "auto-generated"

    polish = message_to(handler, "polscy.seniorzy@example.org")
    assert translated(app, "pl", "Change something") in polish.html
    chinese = message_to(handler, "chinese.elders@example.org")
    assert translated(app, "zh_Hant", "We have stopped or paused") in chinese.html
    english = message_to(handler, "gurdwara.belgrave@example.org")
    assert english.text.count("Still right:") == 1  # an English listing is asked once, in English

    for listing in (GUJARATI_LUNCH, POLISH_CLUB, CHINESE_TAI_CHI, LANGAR):
        assert "reminder_sent" in audit_actions(due_directory, listing)
    with due_directory.session() as session:
        assert all(len(token.token_hash) == 64 for token in session.scalars(select(ReminderToken)))
        stored = set(session.scalars(select(ReminderToken.token_hash)))
    raw = {path.rsplit("/", 1)[1] for path in LINK.findall(gujarati.text)}
    assert raw and not raw & stored  # only hashes are kept


def test_a_second_run_sends_nothing(app, due_directory, smtp_server):
    assert run_remind(app, smtp_server.port).exit_code == 0
    first = len(smtp_server.handler.received)
    result = run_remind(app, smtp_server.port)
    assert result.exit_code == 0 and "0 sent" in result.output
    assert len(smtp_server.handler.received) == first == 4


def test_closed_listings_and_listings_not_yet_due_get_nothing(app, seeded_db, smtp_server):
    make_due(seeded_db, GUJARATI_LUNCH, POLISH_CLUB, days_ago=170)
    with seeded_db.session() as session:
        session.execute(update(Service).where(Service.id == POLISH_CLUB).values(listing_status="closed"))
        session.execute(update(Service).where(Service.id == LANGAR)
                        .values(last_verified=dt.date.today() - dt.timedelta(days=140)))  # due in 13 days
    assert run_remind(app, smtp_server.port).exit_code == 0
    assert [item.recipients for item in smtp_server.handler.received] == [["bgsa@example.org"]]


def test_dry_run_sends_and_records_nothing(app, due_directory, smtp_server):
    result = run_remind(app, smtp_server.port, "--dry-run")
    assert result.exit_code == 0 and "would ask bgsa@example.org (gu)" in result.output
    assert smtp_server.handler.received == []
    with due_directory.session() as session:
        assert session.scalar(select(Reminder).limit(1)) is None


def test_still_right_confirms_the_listing_from_a_fresh_session_and_a_second_click_is_harmless(
        app, due_directory, smtp_server):
    run_remind(app, smtp_server.port)
    link = links_in(message_to(smtp_server.handler, "bgsa@example.org"))["still-right"]
    opened = app.test_client().get(link)
    assert opened.status_code == 200 and last_verified(due_directory, GUJARATI_LUNCH) != dt.date.today()
    assert "no-store" in opened.headers.get("Cache-Control", "")

    group = app.test_client()
    page = post_form(group, link)
    assert page.status_code == 200 and 'data-answer="confirmed"' in page.get_data(as_text=True)
    assert last_verified(due_directory, GUJARATI_LUNCH) == dt.date.today()
    assert audit_actions(due_directory, GUJARATI_LUNCH).count("verified") == 1

    again = app.test_client()
    second = again.get(link)
    assert second.status_code == 200
    assert translated(app, "gu", "Thank you") in second.get_data(as_text=True)
    assert post_form(group, link).status_code == 200
    assert audit_actions(due_directory, GUJARATI_LUNCH).count("verified") == 1
    with due_directory.session() as session:
        reminder = session.scalar(select(Reminder).where(Reminder.listing_id == GUJARATI_LUNCH))
        assert reminder.answer == "confirmed" and reminder.answered_at is not None


def test_change_something_opens_the_private_edit_form_and_keeps_the_groups_own_link(app, due_directory, smtp_server):
    with due_directory.session() as session:
        session.add(EditToken(listing_id=POLISH_CLUB, token_hash="0" * 64))
    run_remind(app, smtp_server.port)
    link = links_in(message_to(smtp_server.handler, "polscy.seniorzy@example.org"))["change"]
    assert link.startswith("/pl/")
    response = post_form(app.test_client(), link)
    assert response.status_code == 302 and "/my-listing/" in response.headers["Location"]
    form = app.test_client().get(response.headers["Location"])
    assert form.status_code == 200 and 'name="description"' in form.get_data(as_text=True)
    assert "reminder_answered" in audit_actions(due_directory, POLISH_CLUB)
    with due_directory.session() as session:
        assert session.scalar(select(EditToken).where(EditToken.token_hash == "0" * 64)).revoked_at is None
    assert post_form(app.test_client(), link).status_code == 302  # opening the form again is fine


def test_stopped_or_paused_pauses_the_listing_with_a_reason_and_a_date(app, due_directory, smtp_server):
    run_remind(app, smtp_server.port)
    link = links_in(message_to(smtp_server.handler, "chinese.elders@example.org"))["stopped"]
    until = dt.date.today() + dt.timedelta(days=40)
    page = post_form(app.test_client(), link, {"choice": "paused", "paused_until": until.isoformat(),
                                               "reason": "暑假休息"})
    assert page.status_code == 200 and 'data-answer="paused"' in page.get_data(as_text=True)
    with due_directory.session() as session:
        assert session.get(Service, CHINESE_TAI_CHI).listing_status == "paused"
        entry = session.scalar(select(AuditEntry).where(AuditEntry.listing_id == CHINESE_TAI_CHI,
                                                        AuditEntry.action == "status_changed"))
        assert entry.actor == "group (reminder)" and "暑假休息" in entry.note and until.isoformat() in entry.note
        # not asked again before the date it gave, even once the interval has passed
        session.execute(update(Reminder).values(sent_at=dt.datetime(2000, 1, 1)))
    smtp_server.handler.received.clear()
    run_remind(app, smtp_server.port)
    assert ["chinese.elders@example.org"] not in [item.recipients for item in smtp_server.handler.received]


def test_stopped_for_good_closes_the_listing_and_a_second_click_changes_nothing(app, due_directory, smtp_server):
    run_remind(app, smtp_server.port)
    link = links_in(message_to(smtp_server.handler, "gurdwara.belgrave@example.org"))["stopped"]
    client = app.test_client()
    assert post_form(client, link, {"choice": "closed"}).status_code == 200
    assert post_form(app.test_client(), link, {"choice": "paused"}).status_code == 200
    with due_directory.session() as session:
        assert session.get(Service, LANGAR).listing_status == "closed"
    assert audit_actions(due_directory, LANGAR).count("status_changed") == 1


def test_a_stop_answer_without_a_choice_is_a_translated_400(app, due_directory, smtp_server):
    run_remind(app, smtp_server.port)
    link = links_in(message_to(smtp_server.handler, "bgsa@example.org"))["stopped"]
    response = post_form(app.test_client(), link, {"choice": "", "paused_until": "9999-12-31"})
    assert response.status_code == 400
    assert translated(app, "gu", "Please choose one.") in response.get_data(as_text=True)
    with due_directory.session() as session:
        assert session.get(Service, GUJARATI_LUNCH).listing_status == "active"


def test_an_altered_or_expired_link_gets_a_clear_translated_page_and_changes_nothing(app, due_directory, smtp_server):
    run_remind(app, smtp_server.port)
    links = links_in(message_to(smtp_server.handler, "bgsa@example.org"))
    confirm, stop = links["still-right"], links["stopped"]
    before = last_verified(due_directory, GUJARATI_LUNCH)
    altered = confirm[:-3] + ("AAA" if not confirm.endswith("AAA") else "BBB")
    invalid_title = translated(app, "gu", "This link does not work")
    for path in (altered, confirm.replace("/still-right/", "/stopped/"), stop.replace("/stopped/", "/still-right/"),
                 "/gu/reminder/still-right/" + "x" * 500):
        client = app.test_client()
        response = client.get(path)
        assert response.status_code == 404, path
        assert invalid_title in response.get_data(as_text=True)
        assert client.post(path, data={"choice": "closed"}).status_code in (400, 404)

    with due_directory.session() as session:
        session.execute(update(ReminderToken).values(expires_at=dt.datetime(2001, 1, 1)))
    expired = app.test_client().get(confirm)
    assert expired.status_code == 410
    assert translated(app, "gu", "This link from our reminder has expired. Nothing has been changed. We will send a "
                                 "new reminder, or a volunteer will ring you.") in expired.get_data(as_text=True)
    assert last_verified(due_directory, GUJARATI_LUNCH) == before
    with due_directory.session() as session:
        assert session.get(Service, GUJARATI_LUNCH).listing_status == "active"
    assert "verified" not in audit_actions(due_directory, GUJARATI_LUNCH)


def test_a_refused_recipient_is_recorded_and_the_rest_still_go_out(app, due_directory, smtp_server):
    smtp_server.handler.refuse.add("polscy.seniorzy@example.org")
    result = run_remind(app, smtp_server.port)
    assert result.exit_code == 0 and "1 refused" in result.output
    assert sorted(r for item in smtp_server.handler.received for r in item.recipients) == \
        sorted(DUE_ADDRESSES - {"polscy.seniorzy@example.org"})
    with due_directory.session() as session:
        refused = session.scalar(select(Reminder).where(Reminder.listing_id == POLISH_CLUB))
        assert refused.delivery == "refused" and "550" in refused.error
    assert "reminder_refused" in audit_actions(due_directory, POLISH_CLUB)
    smtp_server.handler.refuse.clear()
    assert "0 sent" in run_remind(app, smtp_server.port).output  # not retried daily: it is on the call list


def test_a_dead_mail_server_is_recorded_and_the_next_run_tries_again(app, due_directory, smtp_server):
    from .conftest import free_port

    result = run_remind(app, free_port())
    assert result.exit_code == 0 and "4 failed" in result.output
    with due_directory.session() as session:
        assert {r.delivery for r in session.scalars(select(Reminder))} == {"failed"}
    assert "reminder_failed" in audit_actions(due_directory, GUJARATI_LUNCH)
    assert "4 sent" in run_remind(app, smtp_server.port).output
    assert len(smtp_server.handler.received) == 4


def test_remind_refuses_to_run_without_a_mail_server(app, due_directory, monkeypatch):
    from click.testing import CliRunner

    from directory.cli import main

    result = CliRunner().invoke(main, ["remind"], env={"DIRECTORY_DATABASE_URL": app.config["DATABASE_URL"],
                                                       "DIRECTORY_INDEX_DIR": app.config["INDEX_DIR"],
                                                       "DIRECTORY_MAIL_SERVER": "", "DIRECTORY_SECRET_KEY": ""})
    assert result.exit_code != 0 and "DIRECTORY_MAIL_SERVER" in result.output


def test_a_keeper_set_by_a_moderator_gets_the_reminder_and_no_address_means_none(app, due_directory, smtp_server):
    with due_directory.session() as session:
        set_keeper(session, GUJARATI_LUNCH, "new.secretary@example.org", "mod@example.org")
        set_keeper(session, POLISH_CLUB, None, "mod@example.org")
    run_remind(app, smtp_server.port)
    recipients = sorted(r for item in smtp_server.handler.received for r in item.recipients)
    assert "new.secretary@example.org" in recipients and "bgsa@example.org" not in recipients
    assert "polscy.seniorzy@example.org" not in recipients
