"""The ORUK 3.0 API end to end: real app, real database (each backend), real index."""
import json

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate
from sqlalchemy import select

from directory.models import Service, TaxonomyTerm

PAGE_FIELDS = {"total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"}
CLOSED_ID = "016c155a-877d-503d-86c2-dd6abf7e95c7"  # "Walking Football for Over-55s" is closed in seed_data


def _visible_count(db) -> int:
    with db.session() as session:
        return len(session.scalars(select(Service.id).where(Service.listing_status != "closed")).all())


def _validator(document: dict, schema_name: str) -> Draft202012Validator:
    schema = {"$ref": f"#/components/schemas/{schema_name}", "components": document["components"]}
    return Draft202012Validator(schema)


def test_the_root_names_the_oruk_version_profile_and_openapi_url(api):
    response = api.get("/api/")
    assert response.status_code == 200
    assert response.json["version"] == "3.0" and response.json["profile"]
    assert response.json["openapi_url"].endswith("/api/openapi.json")


def test_services_come_in_the_oruk_page_envelope_without_closed_listings(api, api_db):
    response = api.get("/api/services?per_page=50&page=2")
    assert response.status_code == 200 and response.headers["Access-Control-Allow-Origin"] == "*"
    page = response.json
    assert set(page) == PAGE_FIELDS
    total = _visible_count(api_db)
    assert page["total_items"] == total and page["total_pages"] == -(-total // 50)
    assert (page["page_number"], page["size"], page["first_page"], page["last_page"], page["empty"]) == (
        2, 50, False, False, False)
    lines = api.get("/api/services?format=ndjson").get_data(as_text=True).splitlines()
    ids = [json.loads(line)["id"] for line in lines]
    assert len(ids) == total == len(set(ids)) and CLOSED_ID not in ids
    assert api.get(f"/api/services/{CLOSED_ID}").json["listing_status"] == "closed"


def test_a_page_past_the_end_is_empty_not_an_error(api):
    page = api.get("/api/services?page=500").json
    assert page["empty"] is True and page["contents"] == [] and page["last_page"] is True


def test_the_openapi_document_is_valid_openapi_3_1_and_describes_every_endpoint(api):
    document = api.get("/api/openapi.json").json
    validate(document)
    assert document["openapi"].startswith("3.1")
    for path in ("/", "/services", "/services/{id}", "/service_at_locations", "/service_at_locations/{id}",
                 "/taxonomies", "/taxonomies/{id}", "/taxonomy_terms", "/taxonomy_terms/{id}", "/organizations",
                 "/organizations/{id}", "/export/{format}"):
        assert path in document["paths"]


def test_every_full_service_validates_against_the_openapi_schema(api, api_db):
    document = api.get("/api/openapi.json").json
    validator = _validator(document, "Service")
    with api_db.session() as session:
        services = session.scalars(select(Service).order_by(Service.id)).all()
        # A spread of listings, and every one that has a service area (the rarest shape).
        ids = [item.id for index, item in enumerate(services) if index % 5 == 0 or item.service_areas]
    for service_id in ids:
        response = api.get(f"/api/services/{service_id}")
        assert response.status_code == 200
        errors = [f"{list(error.absolute_path)}: {error.message}" for error in validator.iter_errors(response.json)]
        assert not errors, (service_id, errors[:3])
    nested = api.get(f"/api/services/{ids[0]}").json
    assert {"organization", "service_at_locations", "schedules", "languages", "cost_options", "contacts",
            "service_areas", "attributes"} <= set(nested)
    assert {"locale", "translations", "gender", "faith_setting", "food", "how_to_join", "transport_provided",
            "carers_welcome", "listing_status", "last_verified"} <= set(nested)


def test_list_pages_validate_against_their_schemas(api):
    document = api.get("/api/openapi.json").json
    for url, schema in [("/api/services?full=true&per_page=5", "ServicePage"),
                        ("/api/services?postcode=LE4 6LF&per_page=5", "ServicePage"),
                        ("/api/service_at_locations?per_page=5", "ServiceAtLocationPage"),
                        ("/api/taxonomies", "TaxonomyPage"), ("/api/taxonomy_terms?locale=gu", "TaxonomyTermPage"),
                        ("/api/organizations", "OrganizationPage")]:
        response = api.get(url)
        assert response.status_code == 200, url
        assert not list(_validator(document, schema).iter_errors(response.json)), url


def test_a_postcode_and_proximity_give_the_nearest_suitable_first_with_distances_and_reasons(api):
    page = api.get("/api/services?postcode=LE4 6LF&proximity=1500&per_page=100").json
    assert page["total_items"] > 3
    items = page["contents"]
    assert all(item["distance"] is not None and item["distance"] <= 1500 for item in items)
    assert all("explanation" in item and item["explanation"]["status"] for item in items)
    # Among equally suitable listings (running, recently confirmed) nearer always comes first.
    plain = [item["distance"] for item in items
             if item["explanation"]["status"] == "active" and not item["explanation"].get("stale")]
    assert len(plain) > 3 and plain == sorted(plain)
    wider = api.get("/api/services?postcode=LE4 6LF&proximity=5000&per_page=1").json
    assert wider["total_items"] > page["total_items"]


def test_places_near_a_postcode_come_nearest_first_within_the_proximity(api):
    page = api.get("/api/service_at_locations?postcode=LE1 5WW&proximity=1000&per_page=100").json
    distances = [item["distance"] for item in page["contents"]]
    assert distances and distances == sorted(distances) and max(distances) <= 1000
    first = page["contents"][0]
    detail = api.get(f"/api/service_at_locations/{first['id']}").json
    assert detail["location"]["id"] == first["location_id"] and detail["service"]["id"] == first["service_id"]


def test_a_taxonomy_term_filter_includes_services_of_its_sub_terms(api, api_db):
    with api_db.session() as session:
        child = session.scalar(select(TaxonomyTerm).where(TaxonomyTerm.parent_id.is_not(None),
                                                          TaxonomyTerm.code == "lunch-club"))
        parent_id = child.parent_id
    by_parent = api.get(f"/api/services?taxonomy_term_id={parent_id}&per_page=100").json
    by_child = api.get("/api/services?taxonomy_term_id=lunch-club&per_page=100").json
    assert 0 < by_child["total_items"] < by_parent["total_items"]
    assert {item["id"] for item in by_child["contents"]} <= {item["id"] for item in by_parent["contents"]}
    assert api.get("/api/services?taxonomy_term_id=no-such-term").json["empty"] is True


def test_oruk_filters_the_search_engine_lacks_still_apply(api):
    page = api.get("/api/services?minimum_age=50&per_page=100").json
    assert page["total_items"] > len(page["contents"]) == 100
    assert all(item["minimum_age"] >= 50 for item in page["contents"])
    evenings = api.get("/api/services?start_time=17:00&full=true&per_page=100").json
    assert all(any(schedule["opens_at"] >= "17:00" for schedule in item["schedules"])
               for item in evenings["contents"])
    tuesdays = api.get("/api/services?day=TU&full=true&per_page=100").json
    assert tuesdays["total_items"] > 0
    assert all(any("TU" in (schedule["byday"] or "") or schedule["freq"] != "WEEKLY" for schedule in item["schedules"])
               for item in tuesdays["contents"])
    assert api.get("/api/services?modified_after=2999-01-01T00:00:00Z").json["empty"] is True


def test_accept_language_or_locale_picks_a_translated_name_where_one_exists(api, api_db):
    with api_db.session() as session:
        service = next(item for item in session.scalars(select(Service).where(Service.locale == "gu"))
                       if any(translation.locale == "en" for translation in item.translations))
        english = next(item.name for item in service.translations if item.locale == "en")
        original = service.name
    assert api.get(f"/api/services/{service.id}").json["name"] == original
    assert api.get(f"/api/services/{service.id}", headers={"Accept-Language": "en-GB,en;q=0.8"}).json["name"] == english
    localised = api.get(f"/api/services/{service.id}?locale=gu", headers={"Accept-Language": "en"}).json
    assert localised["name"] == original and localised["text_locale"] == "gu"


@pytest.mark.parametrize("query, parameter", [
    ("page=0", "page"), ("page=two", "page"), ("per_page=1000", "per_page"), ("postcode=ZZ99 9ZZ", "postcode"),
    ("postcode=not a postcode", "postcode"), ("postcode=LE4 6LF&proximity=-5", "proximity"),
    ("lat=200&lon=0", "lat"), ("lat=52.6", "lon"), ("day=funday", "day"), ("format=xml", "format"),
    ("modified_after=yesterday", "modified_after"), ("locale=xx", "locale"), ("start_time=25:99", "start_time"),
    ("full=perhaps", "full"), ("proximity=500", "proximity"), ("minimum_age=old", "minimum_age"),
])
def test_bad_input_gets_a_problem_document_naming_the_parameter(api, query, parameter):
    response = api.get(f"/api/services?{query}")
    assert response.status_code == 400
    assert response.content_type == "application/problem+json"
    problem = response.json
    assert problem["status"] == 400 and problem["detail"].startswith(parameter)
    assert problem["invalid_params"][0]["name"] == parameter


@pytest.mark.parametrize("path", ["services", "service_at_locations", "taxonomies", "taxonomy_terms",
                                  "organizations"])
def test_unknown_ids_get_a_404_problem_document(api, path):
    for identifier in ("no-such-id", "x" * 300):
        response = api.get(f"/api/{path}/{identifier}")
        assert response.status_code == 404 and response.content_type == "application/problem+json"
        assert response.json["title"] == "Not Found"


def test_unknown_paths_and_writing_methods_get_problem_documents(api):
    assert api.get("/api/nothing/here").status_code == 404
    for method in ("post", "put", "delete"):
        response = getattr(api, method)("/api/services")
        assert response.status_code == 405 and response.content_type == "application/problem+json"
        assert "GET" in response.headers["Allow"]


def test_the_docs_page_lists_every_endpoint_and_parameter_without_scripts(api):
    response = api.get("/api/docs")
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "<script" not in html
    for text in ("/services/{id}", "/taxonomy_terms", "/organizations/{id}", "proximity", "per_page",
                 "modified_after", "faith_setting"):
        assert text in html


def test_organizations_and_taxonomy_terms_answer_in_full(api):
    organization = api.get("/api/organizations?per_page=1").json["contents"][0]
    full = api.get(f"/api/organizations/{organization['id']}").json
    assert full["name"] == organization["name"] and full["services"]
    term = api.get("/api/taxonomy_terms?per_page=1").json["contents"][0]
    detail = api.get(f"/api/taxonomy_terms/{term['id']}?locale=pl").json
    assert detail["translations"]["pl"]["name"] == detail["name"]
    taxonomy = api.get("/api/taxonomies").json["contents"][0]
    assert api.get(f"/api/taxonomies/{taxonomy['id']}").json == taxonomy


def test_exports_are_offered_under_the_api(api):
    geojson = api.get("/api/export/geojson?area=LE4")
    assert geojson.status_code == 200 and geojson.content_type == "application/geo+json"
    features = geojson.json["features"]
    assert features and all(feature["properties"]["postcode"].startswith("LE4 ")
                            for feature in features if feature["geometry"]["type"] == "Point")
    assert api.get("/api/export/ics").content_type.startswith("text/calendar")
    assert api.get("/api/export/csv").get_data(as_text=True).startswith("id,name,")
    assert api.get("/api/export/pdf").status_code == 404
    assert api.get("/api/export/csv?area=not-an-area").status_code == 400
