"""Private edit links (issue 16, findings 3, 8 and 11): never written to a log, expiring
unless used, replaced (not added to) by a new link, never readable in a cookie, and built
on the configured site address rather than the request's Host header."""
from __future__ import annotations

import base64
import datetime as dt
import logging
import zlib
from types import SimpleNamespace

from gunicorn.config import Config
from sqlalchemy import select

from directory.access_log import RedactingFilter
from directory.models import EditToken
from tests.moderate.conftest import moderator_client  # noqa: F401  (a fixture)
from tests.moderate.test_moderation import approve_via_queue, pending

from .support import CSRF, POLISH_WALK, post_listing, post_with_csrf, submit_and_get_edit_link

TOKEN_PATH = "/en/my-listing/Zm9vYmFyYmF6cXV4c2VjcmV0dG9rZW4xMjM0NTY3ODkw/edit"


def gunicorn_access_line(tmp_path, path: str) -> str:
    """One line of the production access log, written by the logger `serve --prod` uses."""
    from directory.serving import ACCESS_LOG_FORMAT, ProductionServer

    log_file = tmp_path / "access.log"
    config = Config()
    for name, value in ProductionServer(lambda: None, bind=["127.0.0.1:0"], workers=1,
                                        access_log=str(log_file)).options.items():
        config.set(name, value)
    assert config.access_log_format == ACCESS_LOG_FORMAT
    logger = config.logger_class(config)
    environ = {"REQUEST_METHOD": "GET", "RAW_URI": path, "PATH_INFO": path, "QUERY_STRING": "",
               "SERVER_PROTOCOL": "HTTP/1.1", "REMOTE_ADDR": "127.0.0.1"}
    response = SimpleNamespace(status="200 OK", headers=[], sent=512)
    logger.access(response, SimpleNamespace(headers=[]), environ, dt.timedelta(milliseconds=12))
    for handler in logger.access_log.handlers:
        handler.flush()
    return log_file.read_text(encoding="utf-8")


def test_the_access_log_names_the_route_not_the_edit_token(tmp_path):
    logged = gunicorn_access_line(tmp_path, TOKEN_PATH)
    assert "Zm9vYmFy" not in logged and "/en/my-listing/<token>/edit" in logged


def test_a_request_cannot_forge_a_line_in_the_access_log(tmp_path):
    forged = '/en/\r\n127.0.0.1 [02/Dec/2026] "POST /en/moderate/submissions/FORGED2/approve HTTP/1.1" 302 0 1ms\x1b[2J'
    logged = gunicorn_access_line(tmp_path, forged)
    assert logged.count("\n") == 1 and "\x1b" not in logged and "\r" not in logged
    assert "\\x0d\\x0a" in logged and "\\x1b" in logged


def test_the_development_server_log_names_the_route_not_the_edit_token():
    record = logging.LogRecord("werkzeug", logging.INFO, __file__, 1, '%s - - "%s" %s %s',
                               ("127.0.0.1", f"GET {TOKEN_PATH}?postcode=LE4+5QX HTTP/1.1", "200", "-"), None)
    RedactingFilter(drop_query=True).filter(record)
    assert "Zm9vYmFy" not in record.getMessage() and "LE4" not in record.getMessage()
    assert "/en/my-listing/<token>/edit" in record.getMessage()


def _readable_cookie(client) -> str:
    cookie = client.get_cookie("session").value
    body = cookie.lstrip(".").split(".")[0]
    raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    return (zlib.decompress(raw) if cookie.startswith(".") else raw).decode("utf-8", "replace")


def test_the_new_edit_link_is_never_readable_in_the_session_cookie(seeded_client):
    response = post_listing(seeded_client, POLISH_WALK)
    assert response.status_code == 302
    readable = _readable_cookie(seeded_client)
    page = seeded_client.get(response.headers["Location"]).get_data(as_text=True)
    token = page.split("data-edit-link>")[1].split("<")[0].rsplit("/", 1)[1]
    assert len(token) > 30 and token not in readable


def test_an_unused_edit_link_expires_and_each_use_renews_it(app, seeded_db, seeded_client):
    app.config["EDIT_LINK_DAYS"] = 30
    link = submit_and_get_edit_link(seeded_client)
    with seeded_db.session() as session:
        row = session.scalars(select(EditToken)).one()
        assert dt.timedelta(days=29) < row.expires_at - dt.datetime.now(dt.UTC).replace(tzinfo=None) \
            <= dt.timedelta(days=30)
        row.expires_at = dt.datetime.now(dt.UTC).replace(tzinfo=None) + dt.timedelta(days=2)
    assert seeded_client.get(link).status_code == 200
    with seeded_db.session() as session:
        row = session.scalars(select(EditToken)).one()
        assert row.expires_at - dt.datetime.now(dt.UTC).replace(tzinfo=None) > dt.timedelta(days=29)
        row.expires_at = dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(minutes=1)
    assert seeded_client.get(link).status_code == 404


def test_issuing_a_new_link_revokes_the_old_one(app, seeded_db, moderator_client):
    group = app.test_client()
    old_link = submit_and_get_edit_link(group)
    item = pending(seeded_db)
    approve_via_queue(moderator_client, item.id)
    history = f"/en/moderate/listings/{item.listing_id}/history"
    page = post_with_csrf(moderator_client, f"/en/moderate/listings/{item.listing_id}/new-link", history)
    new_link = page.get_data(as_text=True).split("data-edit-link>")[1].split("<")[0].replace("http://localhost", "")
    assert group.get(new_link).status_code == 200
    assert group.get(old_link).status_code == 404
    with seeded_db.session() as session:
        rows = session.scalars(select(EditToken).order_by(EditToken.created_at)).all()
        assert rows[0].revoked_at is not None and rows[-1].revoked_at is None


def test_edit_links_use_the_configured_site_address_not_the_host_header(app, seeded_client):
    app.config["BASE_URL"] = "https://signpost.example.org"
    evil = "http://evil.example"
    form = seeded_client.get("/en/list-your-group/", base_url=evil).get_data(as_text=True)
    token = CSRF.search(form).group(1)
    response = seeded_client.post("/en/list-your-group/", base_url=evil,
                                  data=dict(POLISH_WALK, action="send", csrf_token=token))
    assert response.status_code == 302
    page = seeded_client.get("/en/list-your-group/thanks", base_url=evil).get_data(as_text=True)
    link = page.split("data-edit-link>")[1].split("<")[0]
    assert link.startswith("https://signpost.example.org/en/my-listing/") and "evil" not in page
