"""`directory import` and `directory export`: round trips, another ORUK API, bad files.

Everything runs through the real CLI against the real database of each backend.
"""
import json

import pytest
from icalendar import Calendar
from sqlalchemy import delete, func, select

from directory.cli import main
from directory.models import Base, Service, TaxonomyTerm
from directory.oruk.csv_io import COLUMNS

from .listings import POLISH_YOGA, service


@pytest.fixture
def cli(monkeypatch, runner, database_url, tmp_path):
    monkeypatch.setenv("DIRECTORY_DATABASE_URL", database_url)
    monkeypatch.setenv("DIRECTORY_INDEX_DIR", str(tmp_path / "cli-index"))

    def run(*args, ok=True):
        result = runner.invoke(main, [str(arg) for arg in args])
        if ok:
            assert result.exit_code == 0, result.output
        assert "Traceback" not in result.output
        return result

    return run


def _count(db, model=Service) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(model))


def _empty(db) -> None:
    with db.session() as session:
        for table in reversed(Base.metadata.sorted_tables):
            session.execute(delete(table))


@pytest.mark.parametrize("file_format, suffix, area", [("oruk-json", "json", None), ("csv", "csv", "LE4")])
def test_an_export_imported_into_an_empty_directory_exports_identically(cli, seeded_db, tmp_path, file_format, suffix,
                                                                        area):
    """Into a directory with no listings and no taxonomy at all: terms are recreated from the
    file (the whole directory for JSON, so every parent term is in it; one district for CSV)."""
    first, second = tmp_path / f"first.{suffix}", tmp_path / f"second.{suffix}"
    where = ["--area", area] if area else []
    result = cli("export", "--format", file_format, *where, "--output", first)
    published = int(result.output.split("Exported ")[1].split()[0])
    assert published > 20
    _empty(seeded_db)
    assert _count(seeded_db) == 0 and _count(seeded_db, TaxonomyTerm) == 0
    result = cli("import", first)
    assert f"Imported {published} service(s)" in result.output
    cli("export", "--format", file_format, *where, "--output", second)
    assert first.read_bytes() == second.read_bytes()


FREE_TEXT_ACCESS = [
    {"description": "Step-free entrance from Belgrave Road; induction loop in the main hall.",
     "details": "Ring the bell at the side door, \"Hall B\", and we bring the ramp."},
    {"description": "વ્હીલચેર માટે રેમ્પ છે; 轮椅可以进入。"},
]


def test_a_csv_export_carries_the_published_accessibility_text_through_import_and_export(cli, taxonomy_db,
                                                                                         tmp_path):
    """The publisher's own words, not the codes recognised in them, go into the sheet and
    come back from it: export → import → export is identical."""
    import csv

    feed = service("access-words", POLISH_YOGA, locale="pl")
    feed["service_at_locations"][0]["location"]["accessibility"] = [
        dict(entry, id=f"access-{number}") for number, entry in enumerate(FREE_TEXT_ACCESS)]
    (tmp_path / "feed.json").write_text(json.dumps([feed], ensure_ascii=False), encoding="utf-8")
    cli("import", tmp_path / "feed.json")
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    cli("export", "--format", "csv", "--output", first)
    with open(first, newline="", encoding="utf-8") as stream:
        row = next(csv.DictReader(stream))
    assert row["accessibility"] == ""
    assert row["accessibility_description"] == "\n\n".join(sorted(entry["description"] for entry in FREE_TEXT_ACCESS))
    assert row["accessibility_details"] == FREE_TEXT_ACCESS[0]["details"]
    _empty(taxonomy_db)
    cli("import", first)
    cli("export", "--format", "csv", "--output", second)
    assert first.read_bytes() == second.read_bytes()


def test_export_writes_to_standard_output_by_default(cli, seeded_db):
    result = cli("export", "--area", "LE4")
    document = json.loads(result.stdout)
    assert document and all(any(link["location"]["addresses"][0]["postal_code"].startswith("LE4 ")
                                 for link in item["service_at_locations"]) for item in document)


def test_import_from_an_unreachable_url_is_a_clear_error(cli):
    result = cli("import", "--from-url", "http://127.0.0.1:9/api", ok=False)
    assert result.exit_code == 1 and "could not fetch" in result.output


def _write_csv(path, rows):
    import csv

    with open(path, "w", newline="", encoding="utf-8") as stream:
        writer = csv.DictWriter(stream, fieldnames=COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
    return path


CSV_ROW = {"name": "Joga na krzesłach", "organization_name": "Aktywni 60+", "locale": "pl",
           "name_en": "Chair yoga", "categories": "Joga;瑜伽;Brand new thing", "languages": "pl",
           "location_name": "Hall", "address_1": "1 Test Street", "city": "Leicester", "postcode": "LE4 5AA",
           "latitude": "52.6521", "longitude": "-1.1312", "accessibility": "step_free", "schedule_freq": "WEEKLY",
           "schedule_byday": "TU", "schedule_opens_at": "10:00", "schedule_closes_at": "11:00",
           "cost_amount": "2", "transport_provided": "no", "carers_welcome": "yes"}


def test_csv_rows_match_terms_by_translated_name_and_create_unknown_ones(cli, taxonomy_db, tmp_path):
    path = _write_csv(tmp_path / "groups.csv", [CSV_ROW, dict(CSV_ROW, schedule_byday="TH", location_name="")])
    result = cli("import", path)
    assert "Imported 1 service(s)" in result.output and "brand-new-thing" in result.output
    with taxonomy_db.session() as session:
        stored = session.scalar(select(Service))
        assert sorted(term.code for term in stored.taxonomy_terms) == ["brand-new-thing", "yoga"]
        assert sorted(schedule.byday for schedule in stored.schedules) == ["TH", "TU"]
        assert stored.text_in("en")[0] == "Chair yoga" and stored.carers_welcome is True
    cli("import", path)  # the same sheet again updates rather than duplicates
    assert _count(taxonomy_db) == 1 and _count(taxonomy_db, TaxonomyTerm) == 4


def test_dry_run_reports_problems_by_row_and_column_and_imports_nothing(cli, taxonomy_db, tmp_path):
    path = _write_csv(tmp_path / "bad.csv", [CSV_ROW, dict(CSV_ROW, name="Second", latitude="200"),
                                             dict(CSV_ROW, name="Third", gender="anyone", schedule_byday="XY"),
                                             dict(CSV_ROW, name="", organization_name="Nameless")])
    result = cli("import", "--dry-run", path, ok=False)
    assert result.exit_code == 1
    assert "row 3: latitude: warning: latitude 200.0 is outside -90..90" in result.output
    assert "row 4: gender: warning: 'anyone' is not a known gender" in result.output
    assert "row 4: schedule_byday: warning: unknown weekday 'XY'" in result.output
    assert "row 5: name: is required" in result.output
    assert result.output.strip().splitlines()[-1].endswith("1 error(s) — nothing was imported")
    assert _count(taxonomy_db) == 0
    good = _write_csv(tmp_path / "good.csv", [CSV_ROW])
    result = cli("import", "--dry-run", good)
    assert "no errors (dry run: nothing was imported)" in result.output and _count(taxonomy_db) == 0


def test_one_bad_record_means_nothing_from_the_file_is_imported(cli, taxonomy_db, tmp_path):
    good = [service(f"good-{n}", POLISH_YOGA, locale="pl") for n in range(3)]
    bad = service("bad", {"description": "no name"}, locale="pl")
    path = tmp_path / "services.json"
    path.write_text(json.dumps({"contents": [*good, bad], "total_items": 4}), encoding="utf-8")
    result = cli("import", path, ok=False)
    assert result.exit_code == 1 and "record 4: service.name: is required" in result.output
    assert _count(taxonomy_db) == 0
    path.write_text(json.dumps(good), encoding="utf-8")
    assert "Imported 3 service(s)" in cli("import", path).output


def _deep_json(depth: int) -> bytes:
    return ("[" * depth + "]" * depth).encode()


@pytest.mark.parametrize("name, content, message", [
    ("latin1.csv", "name,organization_name\nCaf\xe9 club,Org\n".encode("latin-1"), "not UTF-8 text (first bad byte on line 2)"),
    ("deep.json", _deep_json(10_000), "nested more than 64 levels deep"),
    ("broken.json", b'[{"name": "x",', "not valid JSON"),
    ("nothing.json", b'{"hello": 1}', "not an ORUK document"),
    ("headers.csv", b"title,place\nx,y\n", "lacks the column(s) name, organization_name"),
    ("ragged.csv", b"name,organization_name\na,b,c\n", "row 2 has more cells"),
])
def test_bad_files_get_a_clear_report_and_nothing_is_imported(cli, db, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    result = cli("import", path, ok=False)
    assert result.exit_code == 1 and message in result.output, result.output
    assert "nothing was imported" in result.output
    assert _count(db) == 0


def test_a_big_file_is_read_not_refused_for_its_size(cli, db, tmp_path):
    """There is no size cap: a 50 MB file is streamed, and this one (all zero bytes) is
    refused for what it holds, not for how big it is."""
    path = tmp_path / "huge.json"
    with open(path, "wb") as stream:
        stream.truncate(50 * 1024 * 1024)  # 50 MB (sparse: nothing is really written)
    result = cli("import", path, "--format", "json", ok=False)
    assert result.exit_code == 1 and "not valid JSON" in result.output and "MB" not in result.output
    assert _count(db) == 0


def test_icalendar_export_has_one_recurring_event_per_schedule(cli, seeded_db, tmp_path):
    path = tmp_path / "directory.ics"
    cli("export", "--format", "ics", "--output", path)
    calendar = Calendar.from_ical(path.read_bytes())
    events = calendar.walk("VEVENT")
    with seeded_db.session() as session:
        published = session.scalars(select(Service).where(Service.listing_status != "closed")).all()
        schedules = {schedule.id: schedule for item in published for schedule in item.schedules}
    assert len(events) == len(schedules)
    for event in events:
        schedule = schedules[str(event["UID"]).split("@")[0]]
        if schedule.freq:
            assert event["RRULE"]["FREQ"] == [schedule.freq]
        assert event["DTSTART"].dt.tzinfo is not None or schedule.opens_at is None


def test_geojson_export_has_a_point_for_each_place(cli, seeded_db, tmp_path):
    path = tmp_path / "directory.geojson"
    cli("export", "--format", "geojson", "--output", path)
    collection = json.loads(path.read_text(encoding="utf-8"))
    points = [feature for feature in collection["features"] if feature["geometry"]["type"] == "Point"]
    assert collection["type"] == "FeatureCollection" and points
    assert all(-2 < feature["geometry"]["coordinates"][0] < 0 and 52 < feature["geometry"]["coordinates"][1] < 53
               for feature in points)


def test_export_refuses_an_area_that_is_not_a_postcode_district(cli, seeded_db):
    result = cli("export", "--area", "nowhere", ok=False)
    assert result.exit_code == 2 and "--area" in result.output


def test_the_template_csv_in_the_docs_has_every_documented_column():
    from pathlib import Path

    docs = Path(__file__).resolve().parent.parent / "docs"
    header = (docs / "import-template.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header == COLUMNS
    guide = (docs / "IMPORT.md").read_text(encoding="utf-8")
    assert all(f"`{column}`" in guide for column in COLUMNS if not column.startswith(("name_", "description_")))

