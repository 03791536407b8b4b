"""Whole answers that are the same for everyone, kept and served again (Flask-Caching).

Why: a results page or an API search is a function of its URL, the reader's locale and
what the directory holds, yet each one cost the server milliseconds of Python (the engine,
the ORM, Jinja). An anonymous GET of a public page or the API is therefore kept once made,
under a key of

* the view, the site's address (absolute links), the path and the query string *as sent*
  (not re-sorted: the page's own links — the language switch, the next page — repeat the
  visitor's order, so two orders are two different pages byte for byte);
* the locale the answer is written in, and the larger-text cookie (it changes the page);
* the search index's **generation**: the folder ``index/current`` points at and the
  change-log seq applied to it. Every committed edit of a listing, a place or the
  taxonomy appends to the change log; the index applies it within ~0.3 s on every worker
  (at once in the writing one), and the next request misses the old entry;
* the current minute: pages say when a listing's next session is, and which listings are
  out of date; within one minute a page made now and one made a moment ago are the same;
* the settings pages are drawn with (``RENDERING_SETTINGS``: the stale-after days, the
  distance unit, the map tiles), so a changed setting never serves a page drawn without it.

Keys are hashed (SHA-256): a postcode searched for never sits in Redis as text.

What is never kept (the view runs as before, with no ETag and no shared-cache header):
any request carrying a session or remember-me cookie (a signed-in connector or moderator,
or a visitor with a message waiting), connector, staff and submission pages (they are not
decorated), anything but GET/HEAD, an answer that is not 200, that sets a cookie itself, or
that is larger than ``MAX_BODY``. A kept answer carries a strong ETag (a hash of the body)
and is answered 304 when ``If-None-Match`` matches; ``Cache-Control: public, no-cache`` lets
a browser or proxy keep it but ask again every time, and ``Vary: Cookie`` keeps a signed-in
reader's page apart. No Last-Modified: two edits within one second would share one, and a
client asking ``If-Modified-Since`` would be told an edited page had not changed.

``DIRECTORY_PAGE_CACHE=0`` turns it off; ``DIRECTORY_CACHE_REDIS_URL`` shares the entries
between workers and nodes (RedisCache) instead of each process keeping its own
(``page_store.ProcessPageStore``).
"""
from __future__ import annotations

import functools
import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass

from flask import Flask, Response, current_app, g, make_response, request
from flask_caching import Cache

from .context import search_engine
from .links import base_url

MAX_BODY = 1_000_000          # bytes: a whole-directory NDJSON or export is made afresh
ENTRY_SECONDS = 120           # an entry is of no use after its minute; Redis drops it soon after
ENTRIES_PER_PROCESS = 2_000   # page_store.ProcessPageStore: ~50 KB a page, ~100 MB at most
TEXT_SIZE_COOKIE = "text_size"
REMEMBER_COOKIE = "remember_token"  # Flask-Login's default name
RENDERING_SETTINGS = ("STALE_AFTER_DAYS", "DISTANCE_UNIT", "TILE_URL", "TILE_ATTRIBUTION", "BASE_URL")
_STATE = "page_cache_state"  # g: "kept" (served from or stored in the cache) or "private"


@dataclass(frozen=True)
class KeptAnswer:
    """What a view answered, without what after-request hooks add per request."""

    status: int
    body: bytes
    headers: tuple[tuple[str, str], ...]
    etag: str

    @classmethod
    def of(cls, response: Response) -> "KeptAnswer":
        body = response.get_data()
        headers = tuple((name, value) for name, value in response.headers.items()
                        if name.lower() not in ("content-length", "set-cookie"))
        return cls(response.status_code, body, headers, hashlib.blake2b(body, digest_size=16).hexdigest())

    def response(self) -> Response:
        return Response(self.body, status=self.status, headers=list(self.headers))


def init_app(app: Flask) -> None:
    """Configure the store and the header rule. Called before the other parts register
    their after-request hooks, so ours runs last and sees every cookie they set."""
    redis_url = app.config.get("CACHE_REDIS_URL")
    config = {"CACHE_TYPE": "RedisCache" if redis_url else "directory.web.page_store.ProcessPageStore",
              "CACHE_DEFAULT_TIMEOUT": ENTRY_SECONDS,
              "CACHE_THRESHOLD": ENTRIES_PER_PROCESS, "CACHE_KEY_PREFIX": "signpost-page:"}
    if redis_url:
        config["CACHE_REDIS_URL"] = redis_url
    app.extensions["directory.page_cache"] = Cache(app, config=config)
    app.after_request(_cache_headers)


def _store() -> Cache | None:
    if not current_app.config.get("PAGE_CACHE", True):
        return None
    return current_app.extensions.get("directory.page_cache")


def _private_request() -> bool:
    """A request whose answer may differ for this one visitor (or must not be kept)."""
    if request.method not in ("GET", "HEAD"):
        return True
    cookies = request.cookies
    return current_app.config.get("SESSION_COOKIE_NAME", "session") in cookies or REMEMBER_COOKIE in cookies


def _generation() -> tuple[str, int] | None:
    """The index generation this node serves: its folder and the change-log seq applied."""
    store = search_engine().store
    path = store.current_path()
    if path is None:
        return None
    return path.name, store.applied_seq(path)


def _key(view: str, locale: str | None) -> str | None:
    generation = _generation()
    if generation is None:
        return None
    settings = tuple(current_app.config.get(name) for name in RENDERING_SETTINGS)
    parts = (view, base_url(), request.script_root, request.path, request.query_string.decode("latin-1"),
             locale or "", request.cookies.get(TEXT_SIZE_COOKIE) == "large", generation, int(time.time() // 60),
             settings)
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()


def shared(locale_of_request: Callable[[], str | None]) -> Callable:
    """Decorate a view whose answer is the same for every anonymous reader of a locale;
    ``locale_of_request`` says which locale this request's answer is written in."""

    def decorator(view: Callable) -> Callable:
        name = f"{view.__module__}.{view.__qualname__}"

        @functools.wraps(view)
        def answer(*args, **kwargs):
            store = _store()
            if store is None or _private_request():
                return view(*args, **kwargs)
            key = _key(name, locale_of_request())
            kept = store.get(key) if key is not None else None
            if kept is None:
                response = make_response(view(*args, **kwargs))
                if key is None or not _keepable(response):
                    return response
                kept = KeptAnswer.of(response)
                store.set(key, kept)
            else:
                response = kept.response()
            g.setdefault(_STATE, "kept")
            response.set_etag(kept.etag)
            return response.make_conditional(request)

        return answer

    return decorator


def _keepable(response: Response) -> bool:
    return (response.status_code == 200 and not response.is_streamed and "Set-Cookie" not in response.headers
            and response.content_length is not None and response.content_length <= MAX_BODY)


def _cache_headers(response: Response) -> Response:
    """Shared-cache headers for kept answers only; private for anything a visitor signed in to."""
    if g.get(_STATE) == "kept" and response.status_code in (200, 304):
        response.vary.add("Cookie")
        if "Set-Cookie" in response.headers:  # the first visit in a language remembers it
            response.headers["Cache-Control"] = "private, no-cache"
        else:
            response.headers["Cache-Control"] = "public, no-cache"
    elif _private_request() and request.method in ("GET", "HEAD") and request.endpoint != "static":
        response.headers.setdefault("Cache-Control", "private, no-cache")
    return response


__all__ = ["KeptAnswer", "init_app", "shared"]
