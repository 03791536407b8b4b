"""Staff sessions (issue 16, findings 1, 2, 6 and 11): cookie flags, sessions that end
everywhere on sign-out, a new password or a new role, the CSRF token rotated at sign-in,
idle sessions ending, a visible sign-out, sign-in locked per account with a growing delay,
and sign-in time that does not tell which addresses have an account."""
from __future__ import annotations

import base64
import re
import statistics
import time
import zlib

import pytest

from directory import create_app
from directory.cli import main
from directory.models import Account
from directory.web.accounts import throttle
from directory.web.limits import limiter

MODERATOR = ("mod@example.org", "correct horse battery")
TOKEN = re.compile(r'name="csrf_token"(?: type="hidden")? value="([^"]+)"')


def add_account(database, email, password, role):
    with database.session() as session:
        account = Account(email=email, role=role)
        account.set_password(password)
        session.add(account)


def token_from(client, url="/en/staff/login"):
    return TOKEN.search(client.get(url).get_data(as_text=True)).group(1)


def sign_in(client, email, password, **extra):
    return client.post("/en/staff/login", data={"email": email, "password": password,
                                                "csrf_token": token_from(client), **extra})


@pytest.fixture
def staff_app(app, db):
    app.config["WTF_CSRF_ENABLED"] = True
    add_account(db, *MODERATOR, role="moderator")
    return app


def session_cookie(client) -> str:
    return client.get_cookie("session").value


def test_session_and_site_cookies_are_secure_lax_and_httponly_when_configured(database_url, db, tmp_path):
    app = create_app({"DATABASE_URL": database_url, "INDEX_DIR": str(tmp_path / "index"), "SECRET_KEY": "s" * 32,
                      "INSTANCE_DIR": str(tmp_path), "SECURE_COOKIES": True, "WTF_CSRF_ENABLED": False,
                      "INDEX_FOLLOW": False})
    add_account(db, *MODERATOR, role="moderator")
    client = app.test_client()
    login = client.post("/en/staff/login", data={"email": MODERATOR[0], "password": MODERATOR[1]},
                        base_url="https://localhost")
    assert login.status_code == 302
    text_size = client.get("/en/text-size?size=large&next=/en/", base_url="https://localhost")
    cookies = login.headers.getlist("Set-Cookie") + text_size.headers.getlist("Set-Cookie")
    assert {cookie.split("=")[0] for cookie in cookies} >= {"session", "locale", "text_size"}
    for cookie in cookies:
        flags = {flag.strip().lower() for flag in cookie.split(";")[1:]}
        assert {"secure", "httponly", "samesite=lax"} <= flags, cookie
    app.extensions["directory.db"].dispose()


def test_a_cookie_copied_before_sign_out_no_longer_opens_moderation(staff_app):
    client = staff_app.test_client()
    assert sign_in(client, *MODERATOR).status_code == 302
    copied = session_cookie(client)
    assert client.get("/en/moderate/").status_code == 200
    client.post("/en/staff/logout", data={"csrf_token": token_from(client, "/en/moderate/")})
    client.set_cookie("session", copied)
    assert client.get("/en/moderate/").status_code == 302


def test_a_password_reset_with_create_moderator_ends_the_old_sessions(staff_app, db, monkeypatch):
    connector = ("connect@example.org", "listening bench 2026")
    add_account(db, *connector, role="connector")
    client = staff_app.test_client()
    sign_in(client, *connector)
    assert client.get("/en/connect/").status_code == 200
    monkeypatch.setenv("DIRECTORY_DATABASE_URL", staff_app.config["DATABASE_URL"])
    monkeypatch.setenv("DIRECTORY_INDEX_DIR", staff_app.config["INDEX_DIR"])
    result = staff_app.test_cli_runner().invoke(main, ["create-moderator", "--email", connector[0], "--role",
                                                       "connector", "--password", "a brand new password"])
    assert result.exit_code == 0, result.output
    assert client.get("/en/connect/").status_code == 302


def test_a_role_change_ends_the_old_sessions(staff_app, db):
    client = staff_app.test_client()
    sign_in(client, *MODERATOR)
    with db.session() as session:
        session.query(Account).filter_by(email=MODERATOR[0]).one().set_role("connector")
    assert client.get("/en/moderate/").status_code == 302


def test_the_csrf_token_changes_at_sign_in(staff_app):
    client = staff_app.test_client()
    before = token_from(client)
    with client.session_transaction() as session:
        raw_before = session["csrf_token"]
    client.post("/en/staff/login", data={"email": MODERATOR[0], "password": MODERATOR[1], "csrf_token": before})
    after = token_from(client, "/en/moderate/")
    with client.session_transaction() as session:
        assert session["csrf_token"] != raw_before
    assert after != before


def test_every_staff_page_shows_a_sign_out_button_that_works(staff_app):
    client = staff_app.test_client()
    sign_in(client, *MODERATOR)
    for url in ("/en/moderate/", "/en/connect/", "/en/"):
        page = client.get(url).get_data(as_text=True)
        assert 'action="/en/staff/logout"' in page and "Sign out" in page, url
    client.post("/en/staff/logout", data={"csrf_token": token_from(client, "/en/moderate/")})
    assert client.get("/en/moderate/").status_code == 302
    assert "Sign out" not in client.get("/en/").get_data(as_text=True)


def test_a_staff_session_ends_after_the_configured_idle_time(staff_app):
    staff_app.config["STAFF_IDLE_MINUTES"] = 20
    client = staff_app.test_client()
    sign_in(client, *MODERATOR)
    assert client.get("/en/moderate/").status_code == 200
    with client.session_transaction() as session:
        session["staff_seen"] -= 19 * 60
    assert client.get("/en/moderate/").status_code == 200  # used again: the clock restarts
    with client.session_transaction() as session:
        session["staff_seen"] -= 21 * 60
    assert client.get("/en/moderate/").status_code == 302


def _cookie_payload(cookie: str) -> str:
    """What anyone holding Flask's signed session cookie can read."""
    compressed = cookie.startswith(".")
    body = cookie.lstrip(".").split(".")[0]
    raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    return (zlib.decompress(raw) if compressed else raw).decode("utf-8", "replace")


def test_the_participants_needs_are_not_readable_in_the_cookie(staff_app, indexed):
    add_account(indexed, "connect@example.org", "listening bench 2026", "connector")
    client = staff_app.test_client()
    sign_in(client, "connect@example.org", "listening bench 2026")
    token = token_from(client, "/en/connect/")
    response = client.post("/en/connect/find", data={"postcode": "LE4 5AA", "reach": "bus", "language": "gu",
                                                     "interest": "yoga", "csrf_token": token})
    assert response.status_code == 303
    payload = _cookie_payload(session_cookie(client))
    # Encrypted values are long runs of base64 letters, in which three letters such as "LE4"
    # turn up by chance (about one cookie in a thousand): what must not be there is the
    # search in the clear, so those runs are left out of what is read.
    readable = re.sub(r'"[A-Za-z0-9_=-]{64,}"', '"…"', payload)
    assert readable != payload, "the search is kept, encrypted, in the session"
    for secret in ("LE4 5AA", "LE4", "yoga", '"gu"'):
        assert secret not in readable
    assert "LE4 5AA" in client.get("/en/connect/").get_data(as_text=True)  # still there for the connector


def test_wrong_passwords_lock_the_account_with_a_growing_delay(staff_app):
    client = staff_app.test_client()
    answers = [sign_in(client, MODERATOR[0], f"guess {n}") for n in range(6)]
    assert [answer.status_code for answer in answers[:4]] == [400] * 4
    assert answers[4].status_code == 429 and "Too many attempts" in answers[4].get_data(as_text=True)
    assert int(answers[4].headers["Retry-After"]) >= throttle.FIRST_DELAY  # the lock or the window, the later
    assert answers[5].status_code == 429  # still locked: a try while locked is not a new failure
    with staff_app.app_context():
        assert 0 < throttle.locked_for(MODERATOR[0]) <= throttle.FIRST_DELAY
        limiter.storage.clear(throttle._key("lock", MODERATOR[0]))  # the lock runs out
    assert sign_in(client, MODERATOR[0], "guess 6").status_code == 429  # the next wrong password…
    with staff_app.app_context():
        assert throttle.locked_for(MODERATOR[0]) > throttle.FIRST_DELAY  # …locks for twice as long
    # Locked means locked: even the right password waits (from another address too).
    other = staff_app.test_client()
    assert sign_in(other, *MODERATOR, ).status_code == 429


def test_an_unknown_address_is_locked_just_like_a_known_one(staff_app):
    client = staff_app.test_client()
    answers = [sign_in(client, "nobody@example.org", f"guess {n}").status_code for n in range(5)]
    assert answers == [400, 400, 400, 400, 429]


def test_sign_in_takes_as_long_for_an_unknown_address_as_for_a_known_one(staff_app):
    client = staff_app.test_client()

    def timed(email):
        token = token_from(client)
        started = time.perf_counter()
        client.post("/en/staff/login", data={"email": email, "password": "wrong password", "csrf_token": token})
        return time.perf_counter() - started

    known = statistics.median(timed(MODERATOR[0]) for _ in range(3))
    unknown = statistics.median(timed(f"nobody{n}@example.org") for n in range(3))
    assert unknown > 0.6 * known, (known, unknown)
