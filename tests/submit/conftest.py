"""Fixtures for submission tests: a seeded directory (so duplicates and categories exist)."""
import pytest


@pytest.fixture
def seeded_client(app, seeded_db):
    return app.test_client()
