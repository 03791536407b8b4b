"""Counting the gaps: searches that found nothing suitable within a participant's reach.

Only a postcode district, a category, a language and a week are counted — never a full
postcode, a point, free text or a time — so the report can be published to commissioners
as it stands (DOMAIN.md: "count anonymously what was searched and not found").
"""
from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..discovery import Located
from ..geography import InvalidLocation, postcode_district
from ..models import GapCount, Postcode
from ..models.gap_report import ANY
from ..csv_safety import neutralise_row
from .needs import ParticipantNeeds


def week_of(day: dt.date) -> dt.date:
    """The Monday of ``day``'s ISO week: the finest time a gap is counted at."""
    return day - dt.timedelta(days=day.weekday())


def district_of(session: Session, located: Located) -> str | None:
    """The postcode district a search was centred on; for a map point, the nearest known
    postcode's district (the point itself is never kept)."""
    try:
        return postcode_district(located.label)
    except InvalidLocation:
        pass
    point = located.point
    distance = (Postcode.latitude - point.latitude) * (Postcode.latitude - point.latitude) + \
        (Postcode.longitude - point.longitude) * (Postcode.longitude - point.longitude)
    return session.scalar(select(Postcode.district).order_by(distance).limit(1))


def gap_cells(needs: ParticipantNeeds) -> list[tuple[str, str]]:
    """(category, language) pairs a fruitless search counts under: each interest with each
    language spoken, or ANY for a part the connector left open."""
    return [(category, language) for category in (needs.interests or [ANY]) for language in (needs.languages or [ANY])]


def record_gap(session: Session, needs: ParticipantNeeds, located: Located, today: dt.date | None = None) -> int:
    """Add one to each cell for this fruitless search; returns how many cells were counted.

    The caller commits. A concurrent first insert of the same cell is retried as an update.
    """
    district = district_of(session, located)
    if not district:
        return 0
    week = week_of(today or dt.date.today())
    cells = gap_cells(needs)
    for category, language in cells:
        _increment(session, week, district, category, language)
    return len(cells)


def _increment(session: Session, week: dt.date, district: str, category: str, language: str) -> None:
    key = {"week": week, "district": district, "category": category[:64], "language": language[:16]}
    row = session.scalar(select(GapCount).filter_by(**key))
    if row is not None:
        row.count += 1
        return
    try:
        with session.begin_nested():
            session.add(GapCount(count=1, **key))
    except IntegrityError:
        session.scalar(select(GapCount).filter_by(**key)).count += 1


@dataclass(frozen=True)
class GapRow:
    district: str
    category: str
    language: str
    count: int
    first_week: dt.date
    last_week: dt.date


def gap_report(session: Session, since: dt.date | None = None) -> list[GapRow]:
    """Where and in which language provision is missing, most-searched first."""
    statement = (select(GapCount.district, GapCount.category, GapCount.language, func.sum(GapCount.count),
                        func.min(GapCount.week), func.max(GapCount.week))
                 .group_by(GapCount.district, GapCount.category, GapCount.language))
    if since is not None:
        statement = statement.where(GapCount.week >= week_of(since))
    rows = [GapRow(district, category, language, int(total), first, last)
            for district, category, language, total, first, last in session.execute(statement)]
    return sorted(rows, key=lambda row: (-row.count, row.district, row.category, row.language))


CSV_HEADER = ("district", "category", "language", "week", "searches_with_no_suitable_result")


def gap_csv(session: Session, since: dt.date | None = None) -> str:
    """Every counted cell, week by week, most-searched first (for commissioners' own tools)."""
    statement = select(GapCount).order_by(GapCount.count.desc(), GapCount.district, GapCount.category,
                                          GapCount.language, GapCount.week)
    if since is not None:
        statement = statement.where(GapCount.week >= week_of(since))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for row in session.scalars(statement):
        writer.writerow(neutralise_row((row.district, row.category or "any", row.language or "any",
                                        row.week.isoformat(), row.count)))
    return out.getvalue()
