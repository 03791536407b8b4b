"""The first public pages, through real HTTP on the Flask test client."""
import html
import json
import re

import pytest

from directory.oruk.read import upsert_service
from directory.seed import load_taxonomy

from ..listings import CHINESE_TAI_CHI, GUJARATI_LUNCH_CLUB, POLISH_YOGA, TAXONOMY, service

LUNCH = service("lunch", GUJARATI_LUNCH_CLUB, locale="gu", term="lunch-club",
                translations={"en": {"name": "Belgrave elders' lunch club", "description": "Hot vegetarian lunch."}},
                food=["vegetarian"], gender="women_only", faith_setting="temple")
YOGA = service("yoga", POLISH_YOGA, locale="pl", term="yoga")
TAI_CHI = service("taichi", CHINESE_TAI_CHI, locale="zh_Hans", term="exercise", listing_status="closed")


@pytest.fixture
def listed(db):
    with db.session() as session:
        load_taxonomy(session, TAXONOMY)
        for data in (LUNCH, YOGA, TAI_CHI):
            upsert_service(session, data)
    return db


def page_text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def test_root_redirects_to_the_negotiated_language(client):
    response = client.get("/", headers={"Accept-Language": "gu-IN,gu;q=0.9,en;q=0.5"})
    assert response.status_code == 302 and response.headers["Location"].endswith("/gu/")
    response = client.get("/", headers={"Accept-Language": "zh-TW"})
    assert response.headers["Location"].endswith("/zh-hant/")


def test_home_lists_categories_in_the_readers_language(client, listed):
    body = page_text(client.get("/gu/"))
    assert '<html lang="gu" dir="ltr">' in body
    assert "ભોજન ક્લબ" in body  # the lunch-club term's Gujarati name


def test_urdu_pages_are_right_to_left(client, listed):
    assert '<html lang="ur" dir="rtl">' in page_text(client.get("/ur/"))


def test_category_page_lists_visible_listings_of_the_term_and_its_children(client, listed):
    body = page_text(client.get("/pl/categories/exercise"))
    assert POLISH_YOGA["name"] in body          # tagged with yoga, a child of exercise
    assert CHINESE_TAI_CHI["name"] not in body  # closed listings are never listed


def test_a_large_category_is_shown_a_page_at_a_time_in_name_order(client, db):
    """45 walking groups: pages of 20 in name order, each listing on exactly one page, the
    count of all 45 on every page; a hostile ``page`` shows page 1, one past the end the last."""
    names = [f"Walking group {number:02d}" for number in range(45)]
    with db.session() as session:
        load_taxonomy(session, TAXONOMY)
        for number, name in enumerate(reversed(names)):
            upsert_service(session, service(f"walk{number}", {"name": name, "description": "A walk."}, term="yoga"))

    def shown(query: str) -> tuple[list[str], str]:
        response = client.get(f"/en/categories/exercise{query}")
        assert response.status_code == 200
        body = page_text(response)
        return re.findall(r"Walking group \d\d", body), body

    pages = [shown(f"?page={number}") for number in (1, 2, 3)]
    assert [found for found, _body in pages] == [names[:20], names[20:40], names[40:]]
    assert all("45 listings" in body for _found, body in pages)
    assert "Page 2 of 3" in pages[1][1] and 'rel="prev"' in pages[1][1] and 'rel="next"' in pages[1][1]
    for hostile in ("", "?page=0", "?page=-1", "?page=abc", "?page=%C2%B2", "?page=99999999999", "?page=1e3"):
        assert shown(hostile)[0] == names[:20], hostile
    assert shown("?page=4")[0] == names[40:]  # one past the end: the last page


@pytest.mark.parametrize("slug, expected_name, lang", [
    ("gu", GUJARATI_LUNCH_CLUB["name"], "gu"),
    ("en", "Belgrave elders' lunch club", "en-GB"),
    ("pl", GUJARATI_LUNCH_CLUB["name"], "gu"),  # no Polish text: shown in the original, marked
])
def test_listing_opens_in_every_language_it_has(client, listed, slug, expected_name, lang):
    response = client.get(f"/{slug}/services/{LUNCH['id']}")
    assert response.status_code == 200
    body = page_text(response)
    assert re.search(rf'<article class="listing" lang="{lang}" dir="ltr">\s*<h1>{re.escape(expected_name)}</h1>', body)


def test_listing_page_carries_everything_needed_to_go(client, listed):
    body = page_text(client.get(f"/en/services/{LUNCH['id']}"))
    for expected in ("When", "10:00", "1 Test Street", "LE4 5AA", "Step-free access", "£2.00", "Women only",
                     "Temple", "Vegetarian food", "Just turn up", "0116 496 0202", "Last checked with the group",
                     "Gujarati"):
        assert expected in body, expected
    assert len(re.findall(r"<time datetime=", body)) == 3  # the next three sessions


def test_listing_page_links_to_each_language_of_the_listing(client, listed):
    body = page_text(client.get(f"/en/services/{LUNCH['id']}"))
    assert f'href="/gu/services/{LUNCH["id"]}"' in body and f'href="/en/services/{LUNCH["id"]}"' in body


@pytest.mark.parametrize("path", ["/en/services/no-such-id", "/en/services/" + "x" * 500,
                                  "/en/categories/no-such-term", "/xx/", "/en/nowhere"])
def test_unknown_things_get_a_friendly_404_page(client, listed, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "We could not find that page" in page_text(response)
    assert "Traceback" not in page_text(response)


def test_text_is_escaped_never_executed(client, db):
    hostile = service("xss", {"name": "<script>alert(1)</script> ભોજન", "description": '<img src=x onerror="alert(1)">'})
    with db.session() as session:
        load_taxonomy(session, TAXONOMY)
        upsert_service(session, hostile)
    body = client.get(f"/en/services/{hostile['id']}").get_data(as_text=True)
    assert "<script>alert(1)" not in body and "<img src=x" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt; ભોજન" in body
