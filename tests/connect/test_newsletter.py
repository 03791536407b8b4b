"""The neighbourhood newsletter: exactly the running listings of an area, by weekday, in
the chosen language — from the CLI and from the connector's page."""
from __future__ import annotations

import json
import re

import pytest
from shapely.geometry import Point, shape

from directory.models import Service

from ..conftest import SEED_DIR
from .test_find_and_sheet import compact

WARD = "belgrave"
LUNCH_CLUB = "eeb39e88-ea4a-5e25-86ac-d5a5175c418b"  # Tuesdays and Thursdays
DAY_HEADINGS = {"gu": ("મંગળવાર", "ગુરુવાર"), "pl": ("Wtorek", "Czwartek"), "zh_Hans": ("星期二", "星期四")}


def ward_polygons() -> dict[str, object]:
    document = json.loads((SEED_DIR / "wards.geojson").read_text(encoding="utf-8"))
    return {feature["properties"]["slug"]: shape(feature["geometry"]) for feature in document["features"]}


def seed_listings() -> dict[str, list[dict]]:
    return {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in (SEED_DIR / "services").glob("*.json")}


def places(listing: dict) -> list[Point]:
    return [Point(link["location"]["longitude"], link["location"]["latitude"])
            for link in listing["service_at_locations"] if link["location"].get("latitude") is not None]


def test_each_sample_ward_polygon_holds_exactly_its_own_wards_listings():
    polygons, listings = ward_polygons(), seed_listings()
    assert set(polygons) == set(listings)
    for ward, polygon in polygons.items():
        for other, services in listings.items():
            for service in services:
                for point in places(service):
                    assert polygon.contains(point) == (other == ward), (ward, other, service["name"])


def expected_in_ward(ward: str) -> set[str]:
    """Running listings with a place in the ward, and home-visiting ones whose area reaches it."""
    polygon = ward_polygons()[ward]
    expected = {service["id"] for service in seed_listings()[ward]
                if service["listing_status"] == "active" and places(service)}
    for services in seed_listings().values():
        for service in services:
            if service["listing_status"] == "active" and not places(service) and any(
                    polygon.intersects(shape(json.loads(area["extent"]))) for area in service["service_areas"]):
                expected.add(service["id"])
    return expected


@pytest.fixture
def directory_cli(seeded_db, monkeypatch, tmp_path):
    """``directory ...`` as typed at a shell, on the seeded sample directory."""
    from click.testing import CliRunner

    from directory.cli import main

    monkeypatch.setenv("DIRECTORY_DATABASE_URL", seeded_db.url)
    monkeypatch.setenv("DIRECTORY_INDEX_DIR", str(tmp_path / "cli-index"))
    return lambda *args: CliRunner().invoke(main, list(args))


def listed_ids(html: str) -> set[str]:
    return set(re.findall(r'data-service-id="([^"]+)"', html))


def day_of(html: str, service_id: str) -> list[str]:
    """The day headings under which a listing appears."""
    headings = []
    for section in re.findall(r'<section class="day".*?</section>', html, flags=re.S):
        if f'data-service-id="{service_id}"' in section:
            headings.append(re.search(r'class="day-title">([^<]+)<', section).group(1).strip())
    return headings


@pytest.mark.parametrize("locale", ["gu", "pl", "zh_Hans"])
def test_ward_newsletter_lists_exactly_the_running_listings_by_weekday(directory_cli, locale):
    result = directory_cli("newsletter", "--area", WARD, "--lang", locale)
    assert result.exit_code == 0, result.output
    html = result.stdout
    assert listed_ids(html) == expected_in_ward(WARD)
    assert tuple(day_of(html, LUNCH_CLUB)) == DAY_HEADINGS[locale]
    assert '<nav class="contents"' in html and "<style>" in html  # a standalone file with its contents list
    assert html.count('class="small last-checked"') >= len(expected_in_ward(WARD))


def test_newsletter_for_a_postcode_district_and_an_unknown_area(directory_cli):
    district = directory_cli("newsletter", "--area", "le4", "--lang", "en")
    assert district.exit_code == 0 and LUNCH_CLUB in district.stdout
    unknown = directory_cli("newsletter", "--area", "Narnia")
    assert unknown.exit_code != 0 and "neither a sample ward nor a postcode district" in unknown.output


def test_newsletter_pdf_has_the_chinese_day_names_and_listing_names(directory_cli, seeded_db, tmp_path, backend):
    from directory.connect.pdf import pdf_available

    if backend != "sqlite" or not pdf_available():
        pytest.skip("PDF newsletter checked on SQLite with WeasyPrint installed (scripts/install-pdf-deps.sh)")
    from pypdf import PdfReader

    output = tmp_path / "belgrave-zh.pdf"
    result = directory_cli("newsletter", "--area", WARD, "--lang", "zh_Hans", "--output", str(output))
    assert result.exit_code == 0, result.output
    reader = PdfReader(str(output))
    text = "".join(page.extract_text() for page in reader.pages)
    with seeded_db.session() as session:
        name = session.get(Service, LUNCH_CLUB).text_in("zh_Hans")[0]
    assert len(reader.pages) > 3 and "星期二" in text and compact(name) in compact(text)


def test_connectors_get_the_newsletter_page_in_the_chosen_language(connector):
    form = connector.get("/en/connect/newsletter").get_data(as_text=True)
    assert 'value="belgrave"' in form and 'value="LE4"' in form
    page = connector.get("/en/connect/newsletter/print?area=belgrave&language=pl")
    assert page.status_code == 200 and '<html lang="pl"' in page.get_data(as_text=True)
    assert listed_ids(page.get_data(as_text=True)) == expected_in_ward(WARD)
    assert connector.get("/en/connect/newsletter/print?area=atlantis&language=pl").status_code == 404
