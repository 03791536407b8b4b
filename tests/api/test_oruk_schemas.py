"""The API and the ORUK JSON export pass the ORUK validator's V3.0-UK JSON schemas: 0 violations.

On the seeded sample directory, and after importing a feed written the way real feeds are:
ids that are not UUIDs, missing descriptions, a DAILY and a YEARLY schedule, emails and
URLs that are not valid, no locale, taxonomy terms with neither code nor description.
Every endpoint is walked as the validator walks it (the root, every page, every item by
the id the page gave); a failure prints each violation. See oruk_conformance.py.
"""
import json
import shutil

import pytest
from click.testing import CliRunner

from directory import create_app
from directory.cli import main

from .oruk_conformance import Judge, check_api, judge_document, schemas_folder, summary

SCHEMAS = schemas_folder()
pytestmark = pytest.mark.skipif(SCHEMAS is None, reason="the ORUK schemas (shared/oruk/schemas) are not beside the "
                                                        "project; set DIRECTORY_ORUK_SCHEMAS")
EXTRA = (("/api/services?full=true&per_page=50", "service_list.json"),
         ("/api/services?postcode=LE4 6LF&proximity=3000&per_page=50", "service_list.json"),
         ("/api/service_at_locations?postcode=LE4 6LF&per_page=50", "service_at_location_list.json"),
         ("/api/taxonomy_terms?locale=gu&per_page=50", "taxonomy_term_list.json"))

ORGANIZATION = {"id": "awkward-org-1", "name": "Friends of Rushey Fields", "website": "rusheyfields.example.org",
                "email": "friends at rushey", "phones": [{"id": "awkward-org-phone", "number": "0116 000 0001"}]}
KNITTING = {"id": "awkward-term-knit", "name": "Knitting circle", "taxonomy_id": "awkward-taxonomy",
            "taxonomy": "Local activities"}
PLACE = {"id": "awkward-place-1", "name": "Rushey Fields pavilion", "location_type": "venue",
         "latitude": 52.6551, "longitude": -1.1102, "url": "http://rushey fields.example.org/map",
         "physical_addresses": [{"id": "awkward-address-1", "address_1": "Rushey Fields, Melton Road",
                                 "city": "Leicester", "postal_code": "LE4 7PA"}],
         "accessibility": [{"id": "awkward-access-1", "description": "step_free", "details": "Ramp at the side door",
                            "url": "not a url"}]}
AWKWARD_FEED = [
    {   # no locale, no description, a DAILY schedule, a bad email and URL, a non-UUID id everywhere
        "id": "awkward-1", "name": "Spotkania przy kawie", "email": "kawa(at)example", "url": "www.kawa.example.org",
        "organization": ORGANIZATION,
        "service_at_locations": [{"id": "awkward-sal-1", "location": PLACE}],
        "schedules": [{"id": "awkward-schedule-1", "freq": "DAILY", "opens_at": "10:00", "closes_at": "11:30",
                       "schedule_link": "see the noticeboard"},
                      {"id": "awkward-schedule-2", "freq": "YEARLY", "dtstart": "2026-10-15",
                       "description": "Diwali open day"}],
        "contacts": [{"id": "awkward-contact-1", "name": "Ania", "email": "ania@", "phones": []}],
        "attributes": [{"id": "awkward-attr-1", "taxonomy_term": KNITTING}],
        "cost_options": [{"id": "awkward-cost-1", "amount": 1.5, "option": "a cup of coffee"}],
        "languages": [{"id": "awkward-lang-1", "code": "pl"}],
    },
    {   # the least a feed can say: a name and an organization; a DAILY schedule on chosen days
        "id": "awkward-2", "name": "太極拳 晨練", "organization": {"id": "awkward-org-2", "name": "華人社區中心",
                                                             "website": "https://example.org/華人"},
        "schedules": [{"id": "awkward-schedule-3", "freq": "DAILY", "byday": "MO,WE", "opens_at": "07:30"},
                      {"id": "awkward-schedule-4", "freq": "DAILY", "interval": 2, "opens_at": "08:00"}],
        "service_at_locations": [{"id": "awkward-sal-2", "location": {
            "id": "awkward-place-2", "name": "Spinney Hill Park", "latitude": 52.6385, "longitude": -1.1125}}],
    },
    {   # a valid UUID id, a real email and URL, a free-text term by name only
        "id": "3f1f4b1e-2c55-4e0e-9d1a-7d3c1e5b9a10", "name": "Gujarati lunch club", "description": "Hot lunch.",
        "email": "lunch@example.org", "url": "https://example.org/lunch?day=tue&x=1",
        "organization": {"id": "8c0e6a62-6d3a-4f0a-a0c5-2b5f4f0e3c11", "name": "Belgrave Elders",
                         "description": "Elders' group.", "email": "hello@belgrave.example.org"},
        "attributes": [{"id": "awkward-attr-3", "taxonomy_term": {"name": "Lunch club"}}],
    },
]


@pytest.fixture(scope="module")
def judge() -> Judge:
    return Judge(SCHEMAS)


def _app(backend, templates, seeded_index_template, folder):
    url = templates.new_database(backend, seeded=True, folder=folder)
    shutil.copytree(seeded_index_template, folder / "index", symlinks=True)
    app = create_app({"TESTING": True, "DATABASE_URL": url, "INDEX_DIR": str(folder / "index"),
                      "SECRET_KEY": "test-secret", "INSTANCE_DIR": str(folder),
                      "API_RATE_LIMIT": "100000 per minute"})  # the walk reads ~470 documents in a minute
    return app, url


@pytest.fixture(scope="module")
def imported_app(backend, templates, seeded_index_template, tmp_path_factory):
    """The sample directory plus AWKWARD_FEED, imported with `directory import`, indexed."""
    folder = tmp_path_factory.mktemp("oruk-import")
    app, url = _app(backend, templates, seeded_index_template, folder)
    feed = folder / "awkward.json"
    feed.write_text(json.dumps(AWKWARD_FEED, ensure_ascii=False), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DIRECTORY_DATABASE_URL", url)
        patch.setenv("DIRECTORY_INDEX_DIR", str(folder / "cli-index"))
        result = CliRunner().invoke(main, ["import", str(feed)])
    assert result.exit_code == 0, result.output
    assert app.extensions["directory.index_sync"].applier.sync_once()
    yield app
    app.extensions["directory.search"].close()
    app.extensions["directory.db"].dispose()
    templates.release(url)


def _assert_no_violations(judge, client, extra=EXTRA):
    documents, violations = check_api(judge, client, extra)
    print(summary(documents, violations))
    assert documents > 50
    assert not violations, summary(documents, violations)


def test_every_endpoint_passes_the_oruk_schemas_on_the_sample_directory(judge, api):
    _assert_no_violations(judge, api)


def test_every_endpoint_passes_the_oruk_schemas_after_importing_an_awkward_feed(judge, imported_app):
    client = imported_app.test_client()
    page = client.get("/api/services?search=kawie").json
    assert page["total_items"] >= 1, "the imported feed is not searchable"
    _assert_no_violations(judge, client)


def test_an_imported_id_that_is_not_a_uuid_is_served_as_a_stable_uuid_that_resolves(imported_app):
    client = imported_app.test_client()
    served = client.get("/api/services/awkward-1")
    assert served.status_code == 200  # the id as stored still answers
    uuid_id = served.json["id"]
    assert uuid_id != "awkward-1" and len(uuid_id) == 36
    again = client.get(f"/api/services/{uuid_id}").json
    assert again == served.json
    link = again["service_at_locations"][0]
    assert client.get(f"/api/service_at_locations/{link['id']}").json["location"]["id"] == link["location"]["id"]
    assert client.get(f"/api/organizations/{again['organization_id']}").json["name"] == "Friends of Rushey Fields"
    term = again["attributes"][0]["taxonomy_term"]
    assert client.get(f"/api/taxonomy_terms/{term['id']}").json["name"] == "Knitting circle"
    assert client.get(f"/api/taxonomies/{term['taxonomy_id']}").status_code == 200
    listed = client.get(f"/api/services?taxonomy_term_id={term['id']}").json
    assert [item["id"] for item in listed["contents"]] == [uuid_id]


def test_a_daily_schedule_goes_out_as_weekly_on_every_day_and_bad_contacts_are_dropped(imported_app):
    client = imported_app.test_client()
    first = client.get("/api/services/awkward-1").json
    daily = next(item for item in first["schedules"] if item.get("opens_at") == "10:00")
    assert (daily["freq"], daily["byday"]) == ("WEEKLY", "MO,TU,WE,TH,FR,SA,SU")
    assert "email" not in first and "url" not in first and "email" not in first["organization"]
    assert first["organization"]["description"] == ""  # required by the profile, unknown here
    assert "url" not in first["service_at_locations"][0]["location"]["accessibility"][0]
    second = client.get("/api/services/awkward-2").json
    by_time = {item["opens_at"]: item for item in second["schedules"]}
    assert (by_time["07:30"]["freq"], by_time["07:30"]["byday"]) == ("WEEKLY", "MO,WE")
    assert "freq" not in by_time["08:00"]  # every other day has no WEEKLY or MONTHLY form
    assert second["organization"]["website"] == "https://example.org/%E8%8F%AF%E4%BA%BA"
    third = client.get("/api/services/3f1f4b1e-2c55-4e0e-9d1a-7d3c1e5b9a10").json
    assert (third["email"], third["url"]) == ("lunch@example.org", "https://example.org/lunch?day=tue&x=1")


def test_the_oruk_json_export_passes_the_service_schema_and_survives_a_round_trip(judge, imported_app, tmp_path):
    client = imported_app.test_client()
    exported = client.get("/api/export/oruk-json")
    assert exported.status_code == 200
    services = exported.json
    violations = [violation for index, service in enumerate(services)
                  for violation in judge_document(judge, f"export[{index}]", "service.json", service)]
    assert not violations, summary(len(services), violations)
    assert any(service["name"] == "Spotkania przy kawie" for service in services)


@pytest.mark.parametrize("file_format, suffix", [("oruk-json", "json"), ("csv", "csv")])
def test_an_export_with_the_awkward_feed_imported_elsewhere_exports_identically(imported_app, backend, templates,
                                                                               tmp_path, file_format, suffix):
    """export → import into an empty directory → export: the same bytes, although the
    first export turned ids into UUIDs, dropped bad emails and links and rewrote DAILY."""
    first, second = tmp_path / f"first.{suffix}", tmp_path / f"second.{suffix}"
    empty = templates.new_database(backend, seeded=False, folder=tmp_path / "empty")
    runner = CliRunner()
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("DIRECTORY_INDEX_DIR", str(tmp_path / "cli-index"))
            patch.setenv("DIRECTORY_DATABASE_URL", imported_app.config["DATABASE_URL"])
            result = runner.invoke(main, ["export", "--format", file_format, "--output", str(first)])
            assert result.exit_code == 0, result.output
            exported = first.read_text(encoding="utf-8")
            assert "awkward-1" not in exported and "kawa(at)example" not in exported and "DAILY" not in exported
            assert "Spotkania przy kawie" in exported and "MO,TU,WE,TH,FR,SA,SU" in exported
            patch.setenv("DIRECTORY_DATABASE_URL", empty)
            result = runner.invoke(main, ["import", str(first)])
            assert result.exit_code == 0, result.output
            result = runner.invoke(main, ["export", "--format", file_format, "--output", str(second)])
            assert result.exit_code == 0, result.output
        assert first.read_bytes() == second.read_bytes()
    finally:
        templates.release(empty)


def test_the_format_checker_really_checks_every_format_the_schemas_use():
    """jsonschema skips a format whose checker library is missing: make sure none is."""
    from jsonschema import FormatChecker

    checker = FormatChecker()
    for value, name in [("www.example.org", "uri"), ("friends at rushey", "email"), ("2026-13-45T99:00:00Z", "date-time"),
                        ("awkward-1", "uuid"), ("2026-02-30", "date")]:
        assert not checker.conforms(value, name), (value, name)
    for value, name in [("https://example.org/a?b=c", "uri"), ("a@example.org", "email"),
                        ("2026-12-02T06:47:13.415Z", "date-time"), ("3f1f4b1e-2c55-4e0e-9d1a-7d3c1e5b9a10", "uuid"),
                        ("2026-02-28", "date")]:
        assert checker.conforms(value, name), (value, name)
