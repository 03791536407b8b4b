"""Fixtures for submission tests: a seeded directory (so duplicates and categories exist)."""
import pytest


@pytest.fixture
def seeded_client(app, seeded_db):
    return app.test_client()


@pytest.fixture
def moderator_client(app, seeded_db):
    from tests.submit.support import make_account, sign_in

    email, password = make_account(seeded_db)
    client = app.test_client()
    sign_in(client, email, password)
    return client
