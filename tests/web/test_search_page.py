"""The public search page over the seeded directory: real HTTP, real index on disk."""
import html
import re
from urllib.parse import quote

import pytest
from sqlalchemy import update

from directory.models import Schedule

GUJARATI_LUNCH_CLUB_ID = "eeb39e88-ea4a-5e25-86ac-d5a5175c418b"
POLISH_YOGA_ID = "3f944bc5-2437-561d-a480-41eb404f3127"


def result_ids(body: str) -> list[str]:
    return re.findall(r'data-result-id="([^"]+)"', body)


def get(client, url):
    response = client.get(url)
    return response, html.unescape(response.get_data(as_text=True))


def test_gujarati_search_near_belgrave_finds_the_gujarati_lunch_club(client, indexed):
    response, body = get(client, f"/gu/search?q={quote('ભોજન ક્લબ')}&postcode=LE4+5AA&distance=2")
    assert response.status_code == 200
    assert GUJARATI_LUNCH_CLUB_ID in result_ids(body)[:3]
    assert "વરિષ્ઠ નાગરિક ભોજન ક્લબ" in body


def test_polish_search_without_diacritics_finds_polish_yoga_first(client, indexed):
    _, body = get(client, "/pl/search?q=zajecia+jogi")
    assert result_ids(body)[0] == POLISH_YOGA_ID


def test_results_for_a_postcode_come_nearest_first_with_distances(client, indexed):
    _, body = get(client, "/en/search?postcode=le4+5aa&distance=1")
    miles = [float(m) for m in re.findall(r"Why suggested:</span>[^<]*?([\d.]+) miles", body)]
    assert miles and miles == sorted(miles) and max(miles) <= 1.0


def test_facet_checkboxes_narrow_the_results(client, indexed):
    _, everything = get(client, "/en/search?postcode=LE4+5AA&distance=5")
    _, gujarati = get(client, "/en/search?postcode=LE4+5AA&distance=5&language=gu")
    total = int(re.search(r"(\d+) results near", everything).group(1))
    narrowed = int(re.search(r"(\d+) results? near", gujarati).group(1))
    count_shown = int(re.search(r'value="gu"[^>]*>\s*<label[^>]*>[^<]*<span class="count">\((\d+)\)', everything).group(1))
    assert 0 < narrowed < total and narrowed == count_shown
    assert 'value="gu" checked' in gujarati


def test_nothing_nearby_suggests_searching_further(client, indexed):
    response, body = get(client, "/en/search?q=synchronised+swimming+xylophone&postcode=LE4+5AA&distance=0.5")
    assert response.status_code == 200 and "We did not find anything that matches." in body
    assert "distance=20" in body


@pytest.mark.parametrize("query, field", [("postcode=ZZ99+9ZZ", "postcode"), ("postcode=%3Cscript%3E", "postcode"),
                                          ("distance=9999", "distance"), ("distance=nan", "distance"),
                                          ("distance=-1", "distance")])
def test_bad_where_gives_a_clear_400_with_the_form_filled_in(client, indexed, query, field):
    response, body = get(client, f"/en/search?q=yoga&{query}")
    assert response.status_code == 400
    assert 'aria-invalid="true"' in body and f'href="#{field}"' in body
    assert 'value="yoga"' in body


@pytest.mark.parametrize("query", ["q=" + "y" * 10_000, "page=-3", "page=abc&q=yoga", "lat=91&lon=0", "lat=x&lon=y",
                                   "q=%00%07", "language=" + "x" * 500, "q=%22unbalanced+AND", "distance=1e308"])
def test_hostile_parameters_never_cause_a_server_error(client, indexed, query):
    response = client.get(f"/en/search?{query}")
    assert response.status_code in (200, 400)
    assert "Traceback" not in response.get_data(as_text=True)


def test_pagination_links_keep_the_search(client, indexed):
    _, body = get(client, "/en/search?postcode=LE4+5AA&distance=20")
    assert 'rel="next"' in body and "page=2" in body and "postcode=LE4" in body
    _, page_two = get(client, "/en/search?postcode=LE4+5AA&distance=20&page=2")
    assert set(result_ids(body)).isdisjoint(result_ids(page_two))


def test_listing_page_has_a_map_and_a_large_print_page(client, indexed):
    _, body = get(client, f"/en/services/{GUJARATI_LUNCH_CLUB_ID}")
    assert "data-map" in body and f"/en/services/{GUJARATI_LUNCH_CLUB_ID}/print" in body
    response, printed = get(client, f"/gu/services/{GUJARATI_LUNCH_CLUB_ID}/print")
    assert response.status_code == 200 and "વરિષ્ઠ નાગરિક ભોજન ક્લબ" in printed and "print.css" in printed


def test_larger_text_toggle_works_without_javascript_and_refuses_open_redirects(client, indexed):
    response = client.get("/en/text-size?size=large&next=/en/search?q=yoga")
    assert response.status_code == 302 and response.headers["Location"] == "/en/search?q=yoga"
    assert 'class="large-text"' in client.get("/en/").get_data(as_text=True)
    for target in ("//evil.example", "https://evil.example", "/\\evil.example"):
        assert client.get(f"/en/text-size?size=large&next={quote(target)}").headers["Location"] == "/en/"


def test_a_long_facet_shows_the_commonest_values_and_folds_the_rest(client, indexed):
    _, body = get(client, "/en/search?postcode=LE4+5AA&distance=20")
    categories = re.search(r"<legend>Category</legend>(.*?)</fieldset>", body, re.S).group(1)
    visible, _, folded = categories.partition('<details class="facet-more">')
    visible_counts = [int(n) for n in re.findall(r'<span class="count">\((\d+)\)', visible)]
    folded_counts = [int(n) for n in re.findall(r'<span class="count">\((\d+)\)', folded)]
    assert len(visible_counts) == 6 and len(folded_counts) >= 2, "the seeded directory has many categories"
    assert visible_counts == sorted(visible_counts, reverse=True) and min(visible_counts) >= max(folded_counts)
    assert f"Show {len(folded_counts)} more" in folded
    ids = re.findall(r'id="(f-category-\d+)"', categories)
    assert len(ids) == len(set(ids)), "every checkbox keeps its own id and label"


def test_a_ticked_value_stays_in_view_even_when_rare(client, indexed):
    _, everything = get(client, "/en/search?postcode=LE4+5AA&distance=20")
    folded = re.search(r"<legend>Category</legend>.*?<details class=\"facet-more\">(.*?)</details>", everything,
                       re.S).group(1)
    rare = re.findall(r'name="category" value="([^"]+)"', folded)[-1]
    _, narrowed = get(client, f"/en/search?postcode=LE4+5AA&distance=20&category={rare}")
    categories = re.search(r"<legend>Category</legend>(.*?)</fieldset>", narrowed, re.S).group(1)
    visible = categories.partition('<details class="facet-more">')[0]
    assert f'value="{rare}" checked' in visible


def test_days_keep_their_order_from_monday_to_sunday():
    from directory.web.public.presenters import facet_options

    counts = {"fr": 2, "mo": 1, "sa": 7, "su": 4, "th": 8, "tu": 9, "we": 3}  # the engine's order: by code
    assert facet_options("day", counts, []) == (["mo", "tu", "we", "th", "fr", "sa", "su"], [])
    assert facet_options("time", {"evening": 5, "morning": 1}, []) == (["morning", "evening"], [])
    shown, folded = facet_options("language", {f"l{n}": n for n in range(10)}, ["l0"])
    assert shown == ["l0", "l9", "l8", "l7", "l6", "l5"] and folded == ["l4", "l3", "l2", "l1"]


@pytest.mark.parametrize("rule", [{"freq": "MONTHLY", "byday": "9MO,1TU", "bymonthday": None},
                                  {"freq": "MONTHLY", "byday": None, "bymonthday": "40"},
                                  {"freq": "WEEKLY", "byday": "TU", "bymonthday": "x", "interval": 10**9}],
                         ids=["ordinal", "day", "interval"])
def test_a_schedule_dateutil_cannot_expand_leaves_the_pages_answering(client, indexed, rule):
    """Imported before the importer dropped such values, or sent through a strict path: the
    search, listing and print pages showed a 500 (IndexError, OverflowError from dateutil)."""
    with indexed.session() as session:
        session.execute(update(Schedule).where(Schedule.service_id == GUJARATI_LUNCH_CLUB_ID).values(**rule))
    response, body = get(client, f"/gu/search?q={quote('ભોજન ક્લબ')}&postcode=LE4+5AA&distance=2")
    assert response.status_code == 200 and GUJARATI_LUNCH_CLUB_ID in result_ids(body)
    for path in (f"/gu/services/{GUJARATI_LUNCH_CLUB_ID}", f"/en/services/{GUJARATI_LUNCH_CLUB_ID}/print",
                 f"/api/services/{GUJARATI_LUNCH_CLUB_ID}"):
        assert client.get(path).status_code == 200, path
