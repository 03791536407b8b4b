"""Staff sign-in: hashed passwords, CSRF on the form, rate-limited attempts, safe redirects."""
import re

import pytest

from directory.models import Account


@pytest.fixture
def moderator(db):
    with db.session() as session:
        account = Account(email="mod@example.org", role="moderator")
        account.set_password("correct horse battery")
        session.add(account)
    return "mod@example.org", "correct horse battery"


@pytest.fixture
def csrf_app(app):
    app.config["WTF_CSRF_ENABLED"] = True
    return app


def csrf_token(client, url):
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', client.get(url).get_data(as_text=True)).group(1)


def test_staff_sign_in_with_the_right_password_and_only_then(csrf_app, moderator):
    client = csrf_app.test_client()
    email, password = moderator
    token = csrf_token(client, "/en/staff/login")
    wrong = client.post("/en/staff/login", data={"email": email, "password": "nope", "csrf_token": token})
    assert wrong.status_code == 400 and "do not match an account" in wrong.get_data(as_text=True)
    right = client.post("/en/staff/login?next=/en/categories/", data={"email": email.upper(), "password": password,
                                                                       "csrf_token": token})
    assert right.status_code == 302 and right.headers["Location"] == "/en/categories/"


def test_sign_in_without_a_csrf_token_is_refused_clearly(csrf_app, moderator):
    response = csrf_app.test_client().post("/en/staff/login", data={"email": moderator[0], "password": moderator[1]})
    assert response.status_code == 400 and "This form has expired" in response.get_data(as_text=True)


def test_sign_in_never_redirects_to_another_site(csrf_app, moderator):
    client = csrf_app.test_client()
    token = csrf_token(client, "/en/staff/login")
    response = client.post("/en/staff/login?next=https://evil.example/", data={
        "email": moderator[0], "password": moderator[1], "csrf_token": token})
    assert response.headers["Location"] == "/en/moderate/"


def test_repeated_failed_sign_ins_are_rate_limited(csrf_app, moderator):
    """Per visitor address: a different e-mail address each time (each account's own,
    stricter lock is tested in tests/web/test_staff_sessions.py)."""
    client = csrf_app.test_client()
    token = csrf_token(client, "/en/staff/login")
    responses = [client.post("/en/staff/login", data={"email": f"guess{n}@example.org", "password": "guess",
                                                      "csrf_token": token})
                 for n in range(12)]
    assert [r.status_code for r in responses[:10]] == [400] * 10
    assert responses[-1].status_code == 429 and "Please wait a moment" in responses[-1].get_data(as_text=True)


def test_staff_land_on_their_workspace_and_a_moderator_sees_the_moderation_link(csrf_app, moderator):
    client = csrf_app.test_client()
    token = csrf_token(client, "/en/staff/login")
    response = client.post("/en/staff/login", data={"email": moderator[0], "password": moderator[1], "csrf_token": token})
    assert response.headers["Location"] == "/en/moderate/"
    home = client.get("/en/").get_data(as_text=True)
    assert 'href="/en/moderate/">Moderation</a>' in home
