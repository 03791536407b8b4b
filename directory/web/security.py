"""Security headers on every response, and trusting a TLS-terminating proxy when told to.

The Content-Security-Policy allows no inline script or style at all: every script is a file
under ``static/js`` and pages pass data to it in ``data-`` attributes. Images may come from
the configured map tile server and from ``data:`` URIs (the QR codes on printed sheets).

Postcodes travel in search URLs' query strings, so the Referrer-Policy keeps the whole URL
on this site (``same-origin``): a tile server or a group's website never sees where the
reader searched. ``no-referrer`` would be stricter but breaks Flask-WTF's CSRF check over
HTTPS, which requires a same-site Referer on every form POST.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import Flask, Response, request
from werkzeug.middleware.proxy_fix import ProxyFix

HSTS = "max-age=31536000"  # a year; not includeSubDomains: other sites may share the domain


def tile_origin(tile_url: str) -> str | None:
    """The origin of an XYZ tile URL template, as a CSP source.

    ``https://{s}.tile.example.org/{z}/{x}/{y}.png`` → ``https://*.tile.example.org``: a
    placeholder in the host (Leaflet's subdomains) becomes CSP's wildcard. A relative URL
    is on this site and needs nothing beyond ``'self'``.
    """
    parts = urlsplit(tile_url.strip())
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        return None
    host, _, port = parts.netloc.rpartition("@")[2].partition(":")
    labels = ["*" if "{" in label else label for label in host.split(".")]
    while len(labels) > 1 and labels[1] == "*":  # CSP allows one leading wildcard only
        labels.pop(0)
    if "*" in labels[1:] or not all(label == "*" or label.replace("-", "").isalnum() for label in labels):
        return None
    port = port if port.isdigit() else ""
    return f"{parts.scheme}://{'.'.join(labels)}{':' + port if port else ''}"


def content_security_policy(tile_url: str) -> str:
    tiles = tile_origin(tile_url)
    directives = {
        "default-src": "'self'",
        "script-src": "'self'",
        "style-src": "'self'",
        "img-src": "'self' data:" + (f" {tiles}" if tiles else ""),
        "font-src": "'self'",
        "connect-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": "'none'",
    }
    return "; ".join(f"{name} {sources}" for name, sources in directives.items())


def init_app(app: Flask) -> None:
    proxies = app.config.get("PROXY_FIX") or 0
    if proxies:
        # X-Forwarded-For/-Proto/-Host/-Port from that many proxies in front of us: the
        # visitor's address (rate limits), https (HSTS, Secure cookies) and the public host.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies, x_port=proxies)
    policy = content_security_policy(app.config.get("TILE_URL") or "")

    @app.after_request
    def security_headers(response: Response) -> Response:
        """Defaults only: a blueprint that sets a stricter header itself keeps it (the
        private edit-link pages send their own Referrer-Policy and Cache-Control)."""
        headers = response.headers
        headers.setdefault("Content-Security-Policy", policy)
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("X-Frame-Options", "DENY")
        headers.setdefault("Referrer-Policy", "same-origin")
        headers.setdefault("Permissions-Policy", "geolocation=(self), camera=(), microphone=(), payment=()")
        if request.is_secure:
            headers.setdefault("Strict-Transport-Security", HSTS)
        return response
