"""Every response carries the security headers; HSTS only over HTTPS (directly, or behind a
TLS-terminating proxy that DIRECTORY_PROXY_FIX says to trust); no template needs inline
script or style, so the Content-Security-Policy can forbid both."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from directory import create_app
from directory.web.security import tile_origin

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
PAGES = ["/en/", "/gu/search?q=yoga&postcode=LE4+5AA", "/en/list-your-group/", "/en/staff/login",
         "/static/css/site.css", "/en/no-such-page", "/api/services", "/api/no-such-endpoint"]


def directives(response) -> dict[str, str]:
    policy = response.headers["Content-Security-Policy"]
    return {name: value for name, _, value in (part.strip().partition(" ") for part in policy.split(";"))}


@pytest.mark.parametrize("path", PAGES)
def test_every_response_carries_the_security_headers(client, indexed, path):
    response = client.get(path)
    assert response.status_code < 500
    policy = directives(response)
    assert policy["default-src"] == "'self'" and policy["script-src"] == "'self'" and policy["style-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'" and policy["base-uri"] == "'self'" and policy["form-action"] == "'self'"
    assert policy["img-src"] == "'self' data: https://tile.openstreetmap.org"
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] in {"same-origin", "no-referrer"}
    assert "Strict-Transport-Security" not in response.headers  # plain HTTP


def test_api_keeps_its_cors_headers_alongside_the_security_headers(client, indexed):
    response = client.get("/api/services?per_page=1")
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_hsts_is_sent_over_https_only(client, indexed):
    assert client.get("/en/", base_url="https://directory.example.org").headers["Strict-Transport-Security"] \
        == "max-age=31536000"
    # A forwarded-proto header is not believed unless DIRECTORY_PROXY_FIX says a proxy is there.
    spoofed = client.get("/en/", headers={"X-Forwarded-Proto": "https"})
    assert "Strict-Transport-Security" not in spoofed.headers


def test_behind_a_tls_proxy_hsts_secure_redirects_and_the_visitors_address_are_used(database_url, tmp_path, monkeypatch):
    monkeypatch.setenv("DIRECTORY_PROXY_FIX", "1")
    app = create_app({"TESTING": True, "DATABASE_URL": database_url, "INDEX_DIR": str(tmp_path / "index"),
                      "SECRET_KEY": "test-secret"})
    seen = {}

    @app.get("/_remote")
    def remote():
        from flask import request
        seen.update(addr=request.remote_addr, url=request.url)
        return "ok"

    forwarded = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.7", "X-Forwarded-Host": "signpost.example.org"}
    client = app.test_client()
    response = client.get("/_remote", headers=forwarded)
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000"
    assert seen == {"addr": "203.0.113.7", "url": "https://signpost.example.org/_remote"}
    app.extensions["directory.db"].dispose()


def test_a_private_edit_link_page_sends_referers_to_this_site_only(app, seeded_db):
    """The manage page sets its own policy: the link must never reach another site, yet its
    forms must still carry a same-site Referer — over HTTPS Flask-WTF refuses a POST
    without one, so ``no-referrer`` would break every form on it."""
    from tests.submit.support import submit_and_get_edit_link

    client = app.test_client()
    link = submit_and_get_edit_link(client)
    page = client.get(link)
    assert page.headers["Referrer-Policy"] == "same-origin" and page.headers["Cache-Control"] == "no-store"
    assert "Content-Security-Policy" in page.headers


@pytest.mark.parametrize("template", sorted(TEMPLATES.rglob("*.html")), ids=lambda path: str(path.relative_to(TEMPLATES)))
def test_templates_have_no_inline_script_event_handler_or_style_attribute(template):
    """What the policy forbids, caught before a browser has to: inline <script> bodies,
    on*="…" handlers, javascript: URLs and style="…" attributes. (The standalone newsletter
    file written by the CLI carries its stylesheet inside; it is never served. E-mail bodies,
    templates/mail/, are never served either, and mail programs drop stylesheets: their style
    attributes are how an e-mail is styled at all.)"""
    source = template.read_text(encoding="utf-8")
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", source), "inline <script>: move it to static/js"
    assert not re.search(r"\son[a-z]+\s*=", source), "inline event handler: use addEventListener in static/js"
    assert "javascript:" not in source
    if template.relative_to(TEMPLATES).parts[0] != "mail":
        assert not re.search(r"\sstyle\s*=", source), "style attribute: use a class in static/css"


@pytest.mark.parametrize("url, origin", [
    ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "https://tile.openstreetmap.org"),
    ("https://{s}.tile.example.org/{z}/{x}/{y}.png", "https://*.tile.example.org"),
    ("http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png", "http://127.0.0.1:8080"),
    ("/tiles/{z}/{x}/{y}.png", None),
])
def test_the_tile_servers_origin_is_allowed_for_images(url, origin):
    assert tile_origin(url) == origin
