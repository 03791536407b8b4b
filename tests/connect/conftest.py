"""A signed-in connector on the seeded, indexed sample directory, with CSRF switched on
(as in production): every form post carries the token read from the page, like a browser."""
from __future__ import annotations

import re

import pytest
from werkzeug.datastructures import MultiDict

from directory.models import Account

CONNECTOR = ("connector@example.org", "listening bench 2026")
TOKEN = re.compile(r'name="csrf_token"(?: type="hidden")? value="([^"]+)"')


def make_account(database, email: str, password: str, role: str) -> None:
    with database.session() as session:
        account = Account(email=email, role=role)
        account.set_password(password)
        session.add(account)


class StaffClient:
    """A test client that signs in and sends the CSRF token with every form it posts."""

    def __init__(self, client):
        self.client = client
        self.token = None

    def get(self, *args, **kwargs):
        response = self.client.get(*args, **kwargs)
        match = TOKEN.search(response.get_data(as_text=True)) if response.mimetype == "text/html" else None
        if match:
            self.token = match.group(1)
        return response

    def post(self, url, data=None, **kwargs):
        if self.token is None:
            self.get("/en/connect/")
        form = MultiDict(data if isinstance(data, list) else list((data or {}).items()))
        form["csrf_token"] = self.token
        return self.client.post(url, data=form, **kwargs)

    def sign_in(self, email: str, password: str):
        self.get("/en/staff/login")
        response = self.post("/en/staff/login", data={"email": email, "password": password})
        assert response.status_code == 302, response.get_data(as_text=True)
        self.token = None  # signing in starts a new session with a new CSRF token, read from the next page
        return self


@pytest.fixture
def csrf_on(app):
    app.config["WTF_CSRF_ENABLED"] = True
    return app


@pytest.fixture
def connector(csrf_on, indexed) -> StaffClient:
    """A connector, signed in, on the sample directory with its search index."""
    make_account(indexed, *CONNECTOR, role="connector")
    return StaffClient(csrf_on.test_client()).sign_in(*CONNECTOR)


def result_ids(html: str) -> list[str]:
    return re.findall(r'data-result-id="([^"]+)"', html)
