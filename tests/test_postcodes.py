"""Postcodes: normalised, imported from GeoNames or ONSPD in one transaction, looked up."""
import pytest
from sqlalchemy import func, select

from directory.cli import main
from directory.geography import InvalidLocation, normalise_postcode, postcode_district
from directory.models import Postcode
from directory.postcodes import locate_postcode

GEONAMES = (
    "GB\tLE1 5WW\tLeicester\tEngland\tENG\tLeicestershire\t\tLeicester\tE06000016\t52.6339\t-1.1325\t6\n"
    "GB\tLE4 5AA\tBelgrave\tEngland\tENG\tLeicestershire\t\tLeicester\tE06000016\t52.6521\t-1.1312\t6\n"
    "GB\tLE4 6AN\tBelgrave\tEngland\tENG\tLeicestershire\t\tLeicester\tE06000016\t52.6540\t-1.1290\t6\n"
)
ONSPD = "pcd,pcd2,pcds,dointr,lat,long\nLE5 3DE,LE5  3DE,LE5 3DE,199901,52.6380,-1.0950\nLE2 0QS,LE2  0QS,LE2 0QS,199901,52.6210,-1.1080\n"


@pytest.mark.parametrize("typed, expected", [("le1 5ww", "LE1 5WW"), ("LE15WW", "LE1 5WW"), ("  Le1   5Ww ", "LE1 5WW"),
                                             ("sw1a1aa", "SW1A 1AA"), ("M1 1AE", "M1 1AE")])
def test_postcodes_are_normalised_to_the_ons_form(typed, expected):
    assert normalise_postcode(typed) == expected


@pytest.mark.parametrize("typed", ["", "LE1", "12345", "LE1 5WWX", "<script>", "LE1 5W"])
def test_text_that_is_not_a_postcode_is_an_invalid_location(typed):
    with pytest.raises(InvalidLocation):
        normalise_postcode(typed)


def test_district_comes_from_a_full_postcode_or_a_district_alone():
    assert postcode_district("le4 6an") == "LE4" and postcode_district("le4") == "LE4"


def _import(runner, tmp_path, content: str, name: str = "postcodes.txt", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(content.encode(encoding) if isinstance(content, str) else content)
    return runner.invoke(main, ["import-postcodes", str(path)])


def _count(db) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(Postcode))


@pytest.fixture
def cli_env(monkeypatch, database_url):
    monkeypatch.setenv("DIRECTORY_DATABASE_URL", database_url)


def test_geonames_file_imports_and_reimport_adds_no_duplicates(cli_env, runner, db, tmp_path):
    for _ in range(2):
        result = _import(runner, tmp_path, GEONAMES)
        assert result.exit_code == 0, result.output
        assert "Imported 3 postcodes" in result.output
    assert _count(db) == 3


def test_onspd_csv_is_detected_from_its_header(cli_env, runner, db, tmp_path):
    result = _import(runner, tmp_path, ONSPD, "onspd.csv")
    assert result.exit_code == 0, result.output
    with db.session() as session:
        assert session.get(Postcode, "LE5 3DE").district == "LE5"


def test_a_malformed_line_is_named_and_nothing_is_imported(cli_env, runner, db, tmp_path):
    bad = GEONAMES + "GB\tLE4 9ZZ\tBelgrave\tEngland\tENG\tLeics\t\tLeicester\tE06\tnorth\t-1.13\t6\n"
    result = _import(runner, tmp_path, bad)
    assert result.exit_code != 0
    assert "line 4" in result.output and "nothing was imported" in result.output
    assert _count(db) == 0


def test_a_latitude_out_of_range_is_named(cli_env, runner, db, tmp_path):
    result = _import(runner, tmp_path, ONSPD + "LE1 1AA,LE1  1AA,LE1 1AA,1999,200,-1.1\n", "onspd.csv")
    assert result.exit_code != 0 and "line 4" in result.output
    assert _count(db) == 0


def test_a_file_that_is_not_utf8_is_refused_cleanly(cli_env, runner, db, tmp_path):
    content = GEONAMES.encode() + "GB\tLE1 1AA\tŁódź\tEngland\n".encode("cp1250")
    result = _import(runner, tmp_path, content)
    assert result.exit_code != 0 and "UTF-8" in result.output and "Traceback" not in result.output
    assert _count(db) == 0


def test_an_unknown_format_is_refused(cli_env, runner, tmp_path):
    result = _import(runner, tmp_path, "hello world\n")
    assert result.exit_code != 0 and "line 1" in result.output


def test_lookup_falls_back_to_the_district_centre(cli_env, runner, db, tmp_path):
    _import(runner, tmp_path, GEONAMES)
    with db.session() as session:
        point, key = locate_postcode(session, "le1 5ww")
        assert key == "LE1 5WW" and point.latitude == pytest.approx(52.6339)
        point, key = locate_postcode(session, "LE4 9ZZ")  # unknown unit, known district
        assert key == "LE4" and point.latitude == pytest.approx((52.6521 + 52.6540) / 2)
        with pytest.raises(InvalidLocation):
            locate_postcode(session, "NW1 1AA")


def test_onspd_rows_without_a_grid_reference_are_skipped_not_fatal(cli_env, runner, db, tmp_path):
    result = _import(runner, tmp_path, ONSPD + "LE1 9ZZ,LE1  9ZZ,LE1 9ZZ,199901,99.999999,0.000000\n", "onspd.csv")
    assert result.exit_code == 0, result.output
    assert "Imported 2 postcodes (1 without coordinates skipped)" in result.output
