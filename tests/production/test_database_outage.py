"""PostgreSQL goes away and comes back: the site says so calmly (503, Retry-After, in the
reader's language, or a problem document under /api/) and is itself again on the very next
request after the database returns — no restart.

The app reaches a real PostgreSQL server through a TCP proxy that the test cuts and
restores, which is what a database restart or a broken network looks like to the driver.
"""
from __future__ import annotations

import json
import logging

import pytest

from directory import create_app
from tests.browser.support import GUJARATI_LUNCH_CLUB_ID

LISTING = f"/services/{GUJARATI_LUNCH_CLUB_ID}"
PAGES = ["/en/", f"/en{LISTING}", "/en/categories/lunch-club"]


@pytest.fixture
def proxied_app(seeded_postgres, database_proxy, tmp_path):
    app = create_app({"TESTING": True, "DATABASE_URL": database_proxy.url(seeded_postgres), "INDEX_DIR": str(tmp_path / "index"),
                      "SECRET_KEY": "production-test-secret", "INSTANCE_DIR": str(tmp_path)})
    yield app
    app.extensions["directory.db"].dispose()


def test_pages_say_the_directory_is_unavailable_while_the_database_is_cut_and_recover_without_restart(
        proxied_app, database_proxy, caplog):
    client = proxied_app.test_client()
    assert [client.get(path).status_code for path in PAGES] == [200, 200, 200]

    database_proxy.cut()
    for path in PAGES:
        response = client.get(path)
        page = response.get_data(as_text=True)
        assert response.status_code == 503, path
        assert response.headers["Retry-After"] == "30"
        assert response.mimetype == "text/html"
        assert "The directory is not available for a moment" in page
        assert "Traceback" not in page and "OperationalError" not in page and "psycopg" not in page
        assert response.headers["Content-Security-Policy"].startswith("default-src 'self'")
    gujarati = client.get(f"/gu{LISTING}")
    assert gujarati.status_code == 503 and 'lang="gu"' in gujarati.get_data(as_text=True)
    logged = [record for record in caplog.records if record.name == proxied_app.logger.name]
    assert logged and all(record.getMessage().startswith("database unavailable: ") for record in logged)
    assert not any(record.exc_info for record in logged)  # one line each, no stack trace

    database_proxy.restore()
    listing = client.get(f"/en{LISTING}")
    assert listing.status_code == 200
    assert "Lunch Club" in listing.get_data(as_text=True)
    assert [client.get(path).status_code for path in PAGES] == [200, 200, 200]


def test_api_answers_a_problem_document_while_the_database_is_cut_and_recovers(proxied_app, database_proxy):
    client = proxied_app.test_client()
    assert client.get(f"/api{LISTING}").status_code == 200

    database_proxy.cut()
    response = client.get(f"/api{LISTING}")
    assert response.status_code == 503
    assert response.mimetype == "application/problem+json"
    assert response.headers["Retry-After"] == "30"
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    problem = json.loads(response.get_data(as_text=True))
    assert problem["status"] == 503 and problem["instance"] == f"/api{LISTING}"
    assert "psycopg" not in problem["detail"] and "SELECT" not in problem["detail"]

    database_proxy.restore()
    assert client.get(f"/api{LISTING}").status_code == 200


def test_a_signed_in_connector_also_gets_the_calm_page_during_an_outage(proxied_app, database_proxy):
    """The page shows who is signed in, which needs the database: during an outage it
    must not try (and fail again while rendering the error page)."""
    from tests.submit.support import make_account, sign_in

    proxied_app.config["WTF_CSRF_ENABLED"] = True
    make_account(proxied_app.extensions["directory.db"], role="connector", email="connector@example.org")
    client = proxied_app.test_client()
    sign_in(client, "connector@example.org")
    assert client.get("/en/connect/").status_code == 200

    database_proxy.cut()
    response = client.get("/en/connect/")
    assert response.status_code == 503
    assert "The directory is not available for a moment" in response.get_data(as_text=True)
    database_proxy.restore()
    assert client.get("/en/connect/").status_code == 200
