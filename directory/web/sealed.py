"""Values the browser keeps but must not be able to read: sealed with Fernet (AES-128-CBC
plus HMAC-SHA256) under a key derived from the app's secret.

Flask's session cookie is only *signed*: anyone holding the cookie (a shared computer, a
proxy log) can base64-decode it. A participant's postcode and needs, and a group's new
edit link on its way to the thank-you page, are sealed before they go into it.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import json

from cryptography.fernet import Fernet, InvalidToken
from flask import current_app

CONTEXT = b"community-signpost sealed cookie values v1"


def _fernet() -> Fernet:
    """A Fernet key derived from SECRET_KEY (HMAC-SHA256 with a fixed context, so the key
    sealing values is never the key signing the cookie)."""
    secret = current_app.config["SECRET_KEY"]
    secret = secret.encode("utf-8") if isinstance(secret, str) else secret
    return Fernet(base64.urlsafe_b64encode(hmac.new(secret, CONTEXT, hashlib.sha256).digest()))


def seal(value) -> str:
    """Any JSON value, encrypted and authenticated, as ASCII text for the session."""
    return _fernet().encrypt(json.dumps(value, separators=(",", ":")).encode("utf-8")).decode("ascii")


def unseal(sealed, max_age: int | None = None):
    """The value sealed by ``seal``, or None when it is missing, forged, from another
    secret or older than ``max_age`` seconds."""
    if not isinstance(sealed, str):
        return None
    try:
        return json.loads(_fernet().decrypt(sealed.encode("ascii"), ttl=max_age))
    except (InvalidToken, ValueError, UnicodeError):
        return None
