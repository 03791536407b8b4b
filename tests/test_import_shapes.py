"""Every ORUK 3.0 document shape imports; unusable values are warnings, unusable records errors.

Driven through the importer's library surface (records from bytes, one transaction per
call) against the real database of each backend.
"""
import json

import pytest
from sqlalchemy import func, select

from directory.access_features import recognise
from directory.models import Location, Organization, Service, ServiceAtLocation, TaxonomyTerm
from directory.oruk.importer import ImportFileError, records_from_bytes, run_import

from .listings import CHINESE_TAI_CHI, GUJARATI_LUNCH_CLUB, POLISH_YOGA, service


def _import(db, document, **options):
    raw = document if isinstance(document, bytes) else json.dumps(document, ensure_ascii=False).encode()
    return run_import(db, records_from_bytes(raw, "feed.json"), **options)


def _count(db, model=Service) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(model))


def _strip_organization(data: dict) -> tuple[dict, dict]:
    data = dict(data)
    return {key: value for key, value in data.items() if key != "organization"}, data["organization"]


YOGA = service("shape-yoga", POLISH_YOGA, locale="pl")
LUNCH = service("shape-lunch", GUJARATI_LUNCH_CLUB, locale="gu", term="lunch-club")
TAI_CHI = service("shape-tai-chi", CHINESE_TAI_CHI, locale="zh_Hans")


@pytest.mark.parametrize("shape", ["one", "list", "page"])
def test_a_service_a_list_and_a_page_of_services_import(taxonomy_db, shape):
    document = {"one": YOGA, "list": [YOGA, LUNCH], "page": {"contents": [YOGA, LUNCH, TAI_CHI], "total_items": 3}}
    report = _import(taxonomy_db, document[shape])
    expected = {"one": 1, "list": 2, "page": 3}[shape]
    assert report.outcome == "imported" and report.imported == expected == _count(taxonomy_db)


def test_a_page_of_service_at_locations_gives_each_service_all_its_places(taxonomy_db):
    """ORUK's /service_at_locations names a service once per place: the places add up."""
    bare, _ = _strip_organization(YOGA)
    second_place = {"id": "second-link", "location": {"id": "second-place", "name": "Library", "latitude": 52.64,
                                                      "longitude": -1.12}}
    first = {"id": YOGA["service_at_locations"][0]["id"], "location": YOGA["service_at_locations"][0]["location"],
             "service": dict(YOGA, service_at_locations=[])}
    second = dict(second_place, service=dict(bare, organization=YOGA["organization"]))
    report = _import(taxonomy_db, {"contents": [first, second], "total_items": 2})
    assert report.outcome == "imported" and not report.warnings, report.lines()
    with taxonomy_db.session() as session:
        stored = session.get(Service, YOGA["id"])
        assert sorted(place.name for place in stored.locations) == ["Hall shape-yoga", "Library"]


def test_an_organization_with_services_and_a_page_of_organizations_import(taxonomy_db):
    lunch, organization = _strip_organization(LUNCH)
    tai_chi, other = _strip_organization(TAI_CHI)
    report = _import(taxonomy_db, dict(organization, services=[lunch]))
    assert report.imported == 1
    page = {"contents": [dict(organization, services=[lunch]), dict(other, services=[tai_chi])], "total_items": 2}
    report = _import(taxonomy_db, page)
    assert report.outcome == "imported" and report.imported == 2
    with taxonomy_db.session() as session:
        assert session.get(Service, TAI_CHI["id"]).organization.name == other["name"]
        assert _count(taxonomy_db, Organization) == 2


def test_a_page_of_taxonomy_terms_and_a_taxonomy_import(db):
    terms = {"contents": [{"id": "term-a", "name": "Luncheon club", "taxonomy": "Local scheme"},
                          {"id": "term-b", "term": "Knit and natter", "parent_id": "term-a"}], "total_items": 2}
    report = _import(db, terms)
    assert report.outcome == "imported" and report.terms == 2
    with db.session() as session:
        assert session.get(TaxonomyTerm, "term-b").parent_id == "term-a"
    report = _import(db, {"id": "scheme", "name": "Local scheme", "uri": "https://example.org/scheme", "version": "1"})
    assert report.outcome == "imported"


def test_unusable_values_are_warnings_naming_record_and_path_and_the_record_is_kept(taxonomy_db):
    data = service("warned", POLISH_YOGA, locale="pl", latitude=100)
    data.update(email="not-an-email", url="www.example.org", fees="fees_description")
    data["schedules"][0]["freq"] = "SOMETIMES"
    report = _import(taxonomy_db, [data])
    assert report.outcome == "imported" and report.imported == 1
    lines = "\n".join(report.lines())
    for expected in ("record 1: service.email: warning: 'not-an-email' is not an e-mail address",
                     "record 1: service.url: warning: 'www.example.org' is not a web address",
                     "record 1: service.fees: warning: 'fees_description' looks like a template placeholder",
                     "record 1: service.schedules[0].freq: warning: 'SOMETIMES' is not WEEKLY",
                     "record 1: service.service_at_locations[0].location.latitude: warning: latitude 100.0 is outside"):
        assert expected in lines
    assert report.lines()[-1] == "Imported 1 service(s); 5 warning(s)"
    with taxonomy_db.session() as session:
        stored = session.get(Service, data["id"])
        assert stored.email is None and stored.url is None and stored.schedules[0].freq is None
        assert stored.locations[0].latitude is None and stored.locations[0].address.postal_code == "LE4 5AA"


@pytest.mark.parametrize("bad, message", [
    ("a string", "record 2: service: must be an object"),
    ({"name": "No id"}, "record 2: service.id: is required"),
    ({"id": "no-name", "organization": {"id": "o", "name": "O"}}, "record 2: service.name: is required"),
])
def test_an_unusable_record_is_an_error_and_nothing_is_imported_unless_skip_invalid(taxonomy_db, bad, message):
    document = [YOGA, bad, LUNCH]
    report = _import(taxonomy_db, document)
    assert report.outcome == "refused" and message in "\n".join(report.lines())
    assert report.lines()[-1] == "Checked 3 record(s): 1 error(s) — nothing was imported"
    assert _count(taxonomy_db) == 0
    report = _import(taxonomy_db, document, skip_invalid=True)
    assert report.outcome == "partial" and report.imported == 2 == _count(taxonomy_db)
    assert report.lines()[-1] == "Imported 2 service(s) of 3 record(s); skipped 1 invalid record(s) listed above"


def test_a_repeated_service_is_a_warning_and_the_later_one_is_kept(taxonomy_db):
    later = dict(YOGA, name="Joga (nowa nazwa)")
    report = _import(taxonomy_db, [YOGA, later])
    assert report.outcome == "imported" and "is also used by record 1; the later one is kept" in report.lines()[0] + \
        "\n".join(report.lines())
    with taxonomy_db.session() as session:
        assert session.get(Service, YOGA["id"]).name == "Joga (nowa nazwa)"
        assert session.scalar(select(func.count()).select_from(ServiceAtLocation)) == 1


def test_importing_a_feed_twice_leaves_one_copy_of_everything(taxonomy_db):
    for _ in range(2):
        assert _import(taxonomy_db, [YOGA, LUNCH, TAI_CHI]).imported == 3
    assert _count(taxonomy_db) == 3 and _count(taxonomy_db, Location) == 3


def test_a_document_that_is_not_oruk_is_refused_as_a_whole(db):
    with pytest.raises(ImportFileError, match="not an ORUK document"):
        list(records_from_bytes(b'{"hello": 1}', "x.json"))
    with pytest.raises(ImportFileError, match="not valid JSON"):
        list(records_from_bytes(b'[{"id": "x", "name": ', "x.json"))


@pytest.mark.parametrize("text, codes", [
    ("Step-free access", ["step_free"]),
    ("The building is equipped with induction loops for hearing aids. Wheelchair access is possible on all levels.",
     ["step_free", "hearing_loop"]),
    ("No parking, but there is a ramp at the side door", ["step_free"]),
    ("Wejście bez schodów, toaleta dla niepełnosprawnych i pętla indukcyjna", ["step_free", "accessible_toilet",
                                                                            "hearing_loop"]),
    ("Brak parkingu.", []),
    ("设有无障碍厕所和轮椅坡道", ["step_free", "accessible_toilet"]),
    ("設有無障礙廁所，備有座位", ["accessible_toilet", "seating"]),
    ("વ્હીલચેર માટે રેમ્પ અને પાર્કિંગ છે", ["step_free", "parking"]),
    ("وہیل چیئر کے لیے ریمپ اور بڑے حروف میں معلومات", ["step_free", "large_print"]),
])
def test_access_features_are_recognised_in_free_text_in_every_language(text, codes):
    assert recognise(text) == codes


def test_free_text_accessibility_reaches_the_access_filter(taxonomy_db):
    data = service("access-text", POLISH_YOGA, locale="pl")
    data["service_at_locations"][0]["location"]["accessibility"] = [
        {"id": "access-text-1", "description": "Winda i toaleta dla niepełnosprawnych", "details": "Pętla indukcyjna w sali"}]
    assert _import(taxonomy_db, [data]).outcome == "imported"
    with taxonomy_db.session() as session:
        place = session.get(Service, data["id"]).locations[0]
        assert place.accessibility[0].description == "Winda i toaleta dla niepełnosprawnych"
        assert place.accessibility_codes == ["step_free", "accessible_toilet", "hearing_loop"]


def test_schedule_values_no_calendar_can_use_are_warnings_and_the_rest_of_the_rule_is_kept(taxonomy_db):
    monthly, huge, day_40, endless = (service(f"rule-{name}", POLISH_YOGA, locale="pl")
                                      for name in ("ordinal", "interval", "day", "count"))
    monthly["schedules"][0].update(freq="MONTHLY", byday="6MO")
    huge["schedules"][0].update(freq="WEEKLY", byday="TU", interval=10**9)
    day_40["schedules"][0].update(freq="MONTHLY", byday=None, bymonthday="40")
    endless["schedules"][0].update(freq="DAILY", count=5000)
    report = _import(taxonomy_db, [monthly, huge, day_40, endless])
    lines = "\n".join(report.lines())
    assert report.imported == 4, lines
    for expected in ("record 1: service.schedules[0].byday: warning: a month has no weekday '6MO'",
                     "record 2: service.schedules[0].interval: warning: 1000000000 is more than 1000",
                     "record 3: service.schedules[0].bymonthday: warning: '40' is not a list of days of the month",
                     "record 4: service.schedules[0].count: warning: 5000 is not 1 to 1000 sessions"):
        assert expected in lines
    with taxonomy_db.session() as session:
        stored = {data["id"]: session.get(Service, data["id"]).schedules[0] for data in (monthly, huge, day_40, endless)}
    assert stored[monthly["id"]].freq == "MONTHLY" and stored[monthly["id"]].byday is None
    assert stored[huge["id"]].byday == "TU" and stored[huge["id"]].interval is None
    assert stored[day_40["id"]].bymonthday is None and stored[endless["id"]].count is None
