"""Anonymous pages and API answers are kept and served again, and never outlive an edit.

Real app, real database (SQLite and PostgreSQL), real index on disk, real HTTP through the
Flask test client; an edit commits through a database session, whose change log the index
applies (at once in tests: the test process is the writer). The Redis test uses the Redis
server on 127.0.0.1:6379 when there is one.
"""
from __future__ import annotations

import json
import time
import uuid

import pytest

from directory import create_app
from directory.models import Service
from directory.web.page_store import ProcessPageStore

from .test_limit_storage import redis_reachable
from .test_result_cards import GUJARATI_LUNCH_CLUB_ID, SEARCH
from .test_staff_sessions import add_account, sign_in

LISTING = f"/gu/services/{GUJARATI_LUNCH_CLUB_ID}"
API_SEARCH = "/api/services?search=lunch%20club&postcode=LE4%205AA&proximity=3000"
API_LISTING = f"/api/services/{GUJARATI_LUNCH_CLUB_ID}"
NEW_NAME = "નવું નામ ભોજન ક્લબ"  # the club writes in Gujarati: its pages show the name as written
EN_SEARCH = "/en/search?q=lunch+club&postcode=LE4+5AA&distance=2"


def rename(database, service_id: str, name: str) -> None:
    with database.session() as session:
        session.get(Service, service_id).name = name
        session.commit()


def text_of(response) -> str:
    if response.is_json:
        return json.dumps(response.get_json(), ensure_ascii=False)
    return response.get_data(as_text=True)


def shows_within(client, url: str, text: str, give_up: float = 30.0) -> float:
    """Seconds from now to the start of the first request whose answer shows ``text``.

    Measured to the request's start, not its end: on a loaded machine one request can take
    longer than a second, and what matters is how long a reader can still be given the old
    answer, not how slowly the machine draws the new one."""
    started = time.monotonic()
    while True:
        asked = time.monotonic()
        if text in text_of(client.get(url)):
            return asked - started
        assert asked - started < give_up, f"{url} still does not show {text!r} after {give_up} s"
        time.sleep(0.05)


@pytest.mark.parametrize("url", [LISTING, SEARCH, API_SEARCH, API_LISTING])
def test_a_kept_answer_changes_within_a_second_of_an_edit_to_a_listing_it_shows(app, indexed, url):
    client = app.test_client()
    first = client.get(url)
    again = client.get(url)
    assert first.status_code == again.status_code == 200
    assert again.headers["ETag"] == first.headers["ETag"] and again.data == first.data, "served again"
    assert NEW_NAME not in text_of(first)
    rename(indexed, GUJARATI_LUNCH_CLUB_ID, NEW_NAME)
    assert shows_within(client, url, NEW_NAME) < 1.0
    assert client.get(url).headers["ETag"] != first.headers["ETag"]


def test_a_matching_etag_is_answered_304_until_the_page_changes(app, indexed):
    client = app.test_client()
    first = client.get(LISTING)
    etag = first.headers["ETag"]
    assert first.headers["Cache-Control"] in ("public, no-cache", "private, no-cache")
    assert "Cookie" in first.headers["Vary"]
    unchanged = client.get(LISTING, headers={"If-None-Match": etag})
    assert unchanged.status_code == 304 and unchanged.data == b""
    assert unchanged.headers["ETag"] == etag
    api = client.get(API_SEARCH)
    assert client.get(API_SEARCH, headers={"If-None-Match": api.headers["ETag"]}).status_code == 304
    rename(indexed, GUJARATI_LUNCH_CLUB_ID, NEW_NAME)
    changed = client.get(LISTING, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and NEW_NAME in changed.get_data(as_text=True)


def test_kept_answers_are_byte_identical_to_answers_made_afresh(app, indexed):
    urls = ["/en/", "/gu/", SEARCH, EN_SEARCH, "/pl/search?q=joga", "/zh-hant/categories/", "/en/categories/lunch-club",
            LISTING, LISTING + "/print", "/ur/services/" + GUJARATI_LUNCH_CLUB_ID, API_SEARCH, API_LISTING,
            "/api/taxonomy_terms?per_page=5", "/api/docs"]
    client = app.test_client()
    made = [(client.get(url), client.get(url)) for url in urls]  # made, then served from the cache
    app.config["PAGE_CACHE"] = False
    afresh = [client.get(url) for url in urls]
    for url, (first, kept), fresh in zip(urls, made, afresh):
        assert first.status_code == kept.status_code == fresh.status_code == 200, url
        assert kept.data == first.data == fresh.data, url
        assert "ETag" not in fresh.headers, "no ETag when nothing is kept"


def test_the_query_string_is_kept_as_sent_because_the_page_repeats_its_order(app, indexed):
    client = app.test_client()
    one = client.get("/en/search?q=lunch+club&postcode=LE4+5AA").get_data(as_text=True)
    other = client.get("/en/search?postcode=LE4+5AA&q=lunch+club").get_data(as_text=True)
    assert one != other
    assert "/gu/search?q=lunch+club&amp;postcode=LE4+5AA" in one, "the language switch repeats the order"
    assert "/gu/search?postcode=LE4+5AA&amp;q=lunch+club" in other


@pytest.fixture
def signed_in(app, indexed):
    app.config["WTF_CSRF_ENABLED"] = True
    add_account(indexed, "connect@example.org", "listening bench 2026", "connector")
    client = app.test_client()
    assert sign_in(client, "connect@example.org", "listening bench 2026").status_code == 302
    return client


def test_signed_in_pages_are_never_kept_and_never_shown_to_anyone_else(app, signed_in):
    for url in ("/en/", EN_SEARCH, LISTING.replace("/gu/", "/en/")):
        staff_page = signed_in.get(url)
        assert "Sign out" in staff_page.get_data(as_text=True)
        assert "ETag" not in staff_page.headers
        assert staff_page.headers["Cache-Control"] == "private, no-cache"
        visitor_page = app.test_client().get(url)
        assert "Sign out" not in visitor_page.get_data(as_text=True), "the visitor never sees the staff page"
        assert "public" in visitor_page.headers["Cache-Control"] or "Set-Cookie" in visitor_page.headers
        assert "Sign out" in signed_in.get(url).get_data(as_text=True), "nor the staff member the visitor's"


def test_connector_pages_are_never_kept_and_one_connectors_participant_is_never_anothers(app, signed_in, indexed):
    from .test_staff_sessions import token_from

    token = token_from(signed_in, "/en/connect/")
    found = signed_in.post("/en/connect/find", data={"postcode": "LE4 6LF", "reach": "bus", "interest": "lunch",
                                                     "csrf_token": token})
    assert found.status_code == 303
    first = signed_in.get("/en/connect/")
    assert "LE4 6LF" in first.get_data(as_text=True)
    assert "ETag" not in first.headers and "public" not in first.headers.get("Cache-Control", "")
    add_account(indexed, "other@example.org", "another bench 2026", "connector")
    other = app.test_client()
    assert sign_in(other, "other@example.org", "another bench 2026").status_code == 302
    theirs = other.get("/en/connect/")
    assert theirs.status_code == 200 and "LE4 6LF" not in theirs.get_data(as_text=True)
    assert "ETag" not in theirs.headers


def test_posts_and_answers_that_set_cookies_are_never_kept(app, indexed):
    client = app.test_client()
    switched = client.get("/en/text-size?size=large&next=/en/")
    assert switched.status_code == 302 and "ETag" not in switched.headers
    large = client.get("/en/")
    normal = app.test_client().get("/en/")
    assert large.data != normal.data and large.headers["ETag"] != normal.headers["ETag"], \
        "the larger-text page is a page of its own"
    posted = client.post("/api/services")
    assert posted.status_code == 405 and "ETag" not in posted.headers
    first_visit = app.test_client().get("/gu/")
    assert "Set-Cookie" in first_visit.headers, "the language is remembered"
    assert first_visit.headers["Cache-Control"] == "private, no-cache", "so no shared cache may keep it"


@pytest.mark.skipif(not redis_reachable(), reason="no Redis server on 127.0.0.1:6379")
def test_workers_sharing_redis_serve_each_others_pages_and_drop_them_after_an_edit(app, indexed):
    import redis

    config = dict(app.config, CACHE_REDIS_URL="redis://127.0.0.1:6379/0",
                  BASE_URL=f"http://worker-test-{uuid.uuid4().hex}")  # a key space of this test's own
    workers = [create_app(config), create_app(config)]
    connection = redis.Redis.from_url("redis://127.0.0.1:6379/0")
    before = set(connection.keys("signpost-page:*"))
    try:
        first = workers[0].test_client().get(LISTING)
        kept = set(connection.keys("signpost-page:*")) - before
        assert kept, "the page is kept in Redis"
        assert not any(GUJARATI_LUNCH_CLUB_ID.encode() in key for key in kept), "under a hashed key"
        second = workers[1].test_client().get(LISTING)
        assert second.data == first.data and second.headers["ETag"] == first.headers["ETag"]
        rename(indexed, GUJARATI_LUNCH_CLUB_ID, NEW_NAME)
        for worker in workers:
            worker.extensions["directory.search"].refresh()
            assert shows_within(worker.test_client(), LISTING, NEW_NAME) < 1.0
    finally:
        for key in set(connection.keys("signpost-page:*")) - before:
            connection.delete(key)
        for worker in workers:
            worker.extensions["directory.search"].close()
            worker.extensions["directory.db"].dispose()


def test_the_process_store_drops_the_least_recently_used_and_the_expired():
    now = [0.0]
    store = ProcessPageStore(threshold=2, default_timeout=120, timer=lambda: now[0])
    store.set("a", 1)
    store.set("b", 2)
    assert store.get("a") == 1, "a is now the most recently used"
    store.set("c", 3)
    assert store.get("b") is None and store.get("a") == 1 and store.get("c") == 3
    assert not store.add("c", 4) and store.get("c") == 3
    now[0] = 121.0
    assert store.get("a") is None and not store.has("c"), "every entry lives the timeout at most"
    store.set("d", 5)
    assert store.delete("d") and not store.delete("d")


def test_the_page_cache_uses_the_process_store_without_redis(app):
    assert isinstance(app.extensions["directory.page_cache"].cache, ProcessPageStore)
