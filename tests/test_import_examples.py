"""The Open Referral UK profile's own public examples import on a fresh instance.

A new user runs `directory init` (no `seed`) and imports the documents the standard's
maintainers publish (tests/data/oruk-examples). Their defects — latitude 100, template
placeholders such as "fees_description" — are reported as warnings naming record and path;
the services are then found by search and served by the API.
"""
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from directory.cli import main
from directory.models import Location, Service, TaxonomyTerm

EXAMPLES = Path(__file__).parent / "data" / "oruk-examples"
SERVICE_ID = "ac148810-d857-441c-9679-408f346de14b"
LOCATION_ID = "3a19ff88-4620-4d17-9830-ac1d859eb5d5"


@pytest.fixture
def cli(monkeypatch, runner, app, database_url):
    monkeypatch.setenv("DIRECTORY_DATABASE_URL", database_url)
    monkeypatch.setenv("DIRECTORY_INDEX_DIR", app.config["INDEX_DIR"])

    def run(*args, exit_code=0):
        result = runner.invoke(main, [str(arg) for arg in args])
        assert result.exit_code == exit_code, result.output
        assert "Traceback" not in result.output
        return result

    return run


@pytest.fixture
def fresh(cli, db):
    """An instance after `directory init` only: migrated, empty, with an (empty) index."""
    cli("reindex")
    return db


def _last_line(result) -> str:
    return result.output.strip().splitlines()[-1]


@pytest.mark.parametrize("name", ["service_full.json", "service_at_location_full.json", "organization_full.json",
                                  "validator-mocks/V3.0-UK-Warn_service_list.json",
                                  "validator-mocks/V3.0-UK-Warn_service_at_location_list.json"])
def test_each_published_example_imports_with_its_defects_as_warnings(cli, fresh, name):
    result = cli("import", EXAMPLES / name)
    assert _last_line(result).startswith("Imported 1 service(s)")
    assert "warning(s)" in _last_line(result)
    assert "service.fees: warning: 'fees_description' looks like a template placeholder" in result.output
    with fresh.session() as session:
        service = session.get(Service, SERVICE_ID)
        assert service.name == "Community Counselling" and service.fees_description is None
        assert service.organization.name == "Example Organization Inc."


def test_latitude_100_is_a_warning_and_the_place_is_kept_without_a_map_position(cli, fresh):
    result = cli("import", EXAMPLES / "service_at_location_full.json")
    assert ("record 1: service.service_at_locations[0].location.latitude: warning: latitude 100.0 is outside -90..90"
            in result.output)
    with fresh.session() as session:
        place = session.get(Location, LOCATION_ID)
        assert place.name == "MyCity Civic Center" and place.latitude is None and place.longitude is None
        assert place.address.address_1 == "1-30 Main Street"


def test_free_text_accessibility_is_kept_verbatim_shown_and_recognised(cli, fresh, client, app):
    cli("import", EXAMPLES / "service_at_location_full.json")
    with fresh.session() as session:
        place = session.get(Location, LOCATION_ID)
        [access] = place.accessibility
        assert access.description.startswith("The building is equipped with induction loops for hearing aids.")
        assert access.details == "Switch hearing aid to T-coil to access the induction loop facility."
        assert place.accessibility_codes == ["step_free", "hearing_loop"]
    page = client.get(f"/en/services/{SERVICE_ID}").get_data(as_text=True)
    assert "Wheelchair access is possible on all levels." in page and "Switch hearing aid to T-coil" in page
    app.extensions["directory.search"].refresh()
    found = client.get("/en/search?q=counselling&access=hearing_loop").get_data(as_text=True)
    assert "Community Counselling" in found


def test_imported_examples_are_found_by_search_and_served_by_the_api(cli, fresh, client, app):
    cli("import", EXAMPLES / "service_at_location_full.json")
    app.extensions["directory.search"].refresh()
    for query in ("counselling", "Community Counselling", "anxiety"):
        assert "Community Counselling" in client.get(f"/en/search?q={query}").get_data(as_text=True), query
    served = client.get(f"/api/services/{SERVICE_ID}")
    assert served.status_code == 200 and served.json["name"] == "Community Counselling"
    assert served.json["service_at_locations"][0]["location"]["name"] == "MyCity Civic Center"
    assert client.get("/api/services").json["total_items"] == 1
    for path in ("/api/service_at_locations", "/api/organizations", f"/api/organizations/{served.json['organization']['id']}"):
        assert client.get(path).status_code == 200, path


def test_the_profile_csv_tables_import_with_their_defects_as_warnings(cli, fresh, client):
    result = cli("import", EXAMPLES / "csv" / "locations.csv")
    assert "row 2: location.latitude: warning: latitude 100.0 is outside -90..90" in result.output
    assert _last_line(result).startswith("Imported 0 service(s), 1 place(s)")
    result = cli("import", EXAMPLES / "csv" / "taxonomy_terms.csv")
    assert _last_line(result).startswith("Imported 0 service(s), 1 taxonomy term(s)")
    with fresh.session() as session:
        assert session.get(Location, LOCATION_ID).name == "MyCity Civic Center"
        assert session.get(TaxonomyTerm, "3f7b145d-84af-42d7-8fae-eaca714b02b2").name == "name"
    assert client.get("/api/taxonomy_terms/3f7b145d-84af-42d7-8fae-eaca714b02b2").status_code == 200
    for path in ("/en/", "/en/categories/", "/en/search?q=name"):
        assert client.get(path).status_code == 200, path


def test_the_validator_fail_mock_is_refused_naming_record_and_path_and_nothing_is_imported(cli, fresh):
    result = cli("import", EXAMPLES / "validator-mocks" / "V3.0-UK-Fail_service_list.json", exit_code=1)
    assert "record 1: service.name: is required" in result.output
    assert _last_line(result) == "Checked 1 record(s): 1 error(s) — nothing was imported"
    with fresh.session() as session:
        assert session.scalar(select(func.count()).select_from(Service)) == 0


def test_the_validator_fail_full_service_imports_with_its_bad_url_and_email_dropped(cli, fresh):
    result = cli("import", EXAMPLES / "validator-mocks" / "V3.0-UK-Fail_service_full.json")
    assert "service.url: warning: 'example/counselling' is not a web address" in result.output
    assert "service.email: warning: 'email-example_com' is not an e-mail address" in result.output
    with fresh.session() as session:
        service = session.get(Service, SERVICE_ID)
        assert service.url is None and service.email is None
        assert [term.name for term in service.taxonomy_terms] == ["name"]


def test_skip_invalid_imports_the_good_records_and_lists_the_rest(cli, fresh, tmp_path):
    good = json.loads((EXAMPLES / "service_full.json").read_text(encoding="utf-8"))
    bad = json.loads((EXAMPLES / "validator-mocks" / "V3.0-UK-Fail_service_list.json").read_text(encoding="utf-8"))
    mixed = tmp_path / "mixed.json"
    mixed.write_text(json.dumps({"contents": [good, "not an object", dict(bad["contents"][0], id="other")]}),
                     encoding="utf-8")
    result = cli("import", mixed, exit_code=1)
    assert _last_line(result) == "Checked 3 record(s): 2 error(s) — nothing was imported"
    assert "record 2: service: must be an object" in result.output
    result = cli("import", "--skip-invalid", mixed, exit_code=3)
    assert _last_line(result).startswith("Imported 1 service(s) of 3 record(s)")
    assert _last_line(result).endswith("skipped 2 invalid record(s) listed above")
    assert "record 3: service.name: is required" in result.output
    with fresh.session() as session:
        assert list(session.scalars(select(Service.id))) == [SERVICE_ID]
