"""Import postcode centroids from ONSPD or GeoNames files, and look postcodes up.

Files are streamed row by row (the full ONSPD has ~2.7 million rows) and written in batches
inside ONE transaction: a malformed line stops the import with its line number and nothing
is half-imported.
"""
from __future__ import annotations

import csv
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from .geography import InvalidLocation, Point, normalise_postcode, postcode_district
from .models import Postcode

BATCH_SIZE = 5000


class PostcodeFileError(ValueError):
    """A postcode file that cannot be imported; names the line at fault."""

    def __init__(self, line: int, message: str):
        super().__init__(f"line {line}: {message}")
        self.line = line


@dataclass
class ImportSummary:
    rows: int = 0
    skipped: int = 0  # rows without coordinates (terminated or non-geographic postcodes)


def _decoded_lines(stream: IO[bytes]) -> Iterator[tuple[int, str]]:
    """Numbered text lines, decoded one by one so an encoding error names its line."""
    for number, raw in enumerate(stream, start=1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise PostcodeFileError(number, "the file is not UTF-8 text") from error
        yield number, line.lstrip("\ufeff") if number == 1 else line


def _geonames_rows(lines: Iterator[tuple[int, str]]) -> Iterator[tuple[int, str, str, str]]:
    """GeoNames postal codes: tab-separated, no header, postcode in column 2, lat/lon 10/11."""
    for number, line in lines:
        if not line.strip():
            continue
        fields = line.rstrip("\r\n").split("\t")
        if len(fields) < 11:
            raise PostcodeFileError(number, f"expected 12 tab-separated GeoNames columns, found {len(fields)}")
        yield number, fields[1], fields[9], fields[10]


def _onspd_rows(header_line: str, lines: Iterator[tuple[int, str]]) -> Iterator[tuple[int, str, str, str]]:
    """ONS Postcode Directory CSV: header with pcds (or pcd), lat and long columns."""
    columns = [name.strip().lower() for name in next(csv.reader([header_line]))]
    try:
        postcode_at = columns.index("pcds") if "pcds" in columns else columns.index("pcd")
        lat_at, lon_at = columns.index("lat"), columns.index("long")
    except ValueError as error:
        raise PostcodeFileError(1, "ONSPD header needs pcds (or pcd), lat and long columns") from error
    for number, line in lines:
        row = next(csv.reader([line]), None)
        if not row:
            continue
        if len(row) <= max(postcode_at, lat_at, lon_at):
            raise PostcodeFileError(number, f"expected {len(columns)} columns, found {len(row)}")
        yield number, row[postcode_at], row[lat_at], row[lon_at]


def read_postcode_rows(stream: IO[bytes]) -> Iterator[tuple[int, str, str, str]]:
    """(line number, postcode, lat, lon) from either format, detected from the first line."""
    lines = _decoded_lines(stream)
    first = next(lines, None)
    if first is None or not first[1].strip():
        raise PostcodeFileError(1, "the file is empty")
    if "\t" in first[1]:
        return _geonames_rows(itertools.chain([first], lines))
    if "," in first[1] and "pcd" in first[1].lower():
        return _onspd_rows(first[1], lines)
    raise PostcodeFileError(1, "not a GeoNames (tab-separated) or ONSPD (CSV with pcds, lat, long) file")


def _parse(number: int, raw_postcode: str, raw_lat: str, raw_lon: str) -> dict | None:
    try:
        postcode = normalise_postcode(raw_postcode)
    except InvalidLocation as error:
        raise PostcodeFileError(number, str(error)) from error
    if not raw_lat.strip() or not raw_lon.strip():
        return None
    if raw_lat.strip().startswith("99.999999"):  # ONSPD's marker for "no grid reference"
        return None
    try:
        point = Point.parse(raw_lat, raw_lon)
    except InvalidLocation as error:
        raise PostcodeFileError(number, f"{postcode}: {error}") from error
    return {"postcode": postcode, "district": postcode_district(postcode),
            "latitude": point.latitude, "longitude": point.longitude}


def import_postcodes(session: Session, stream: IO[bytes], progress: Callable[[int], None] | None = None) -> ImportSummary:
    """Replace-or-add every postcode in ``stream``; the caller commits (or rolls back)."""
    summary = ImportSummary()
    batch: dict[str, dict] = {}
    for number, raw_postcode, raw_lat, raw_lon in read_postcode_rows(stream):
        row = _parse(number, raw_postcode, raw_lat, raw_lon)
        if row is None:
            summary.skipped += 1
            continue
        batch[row["postcode"]] = row
        summary.rows += 1
        if len(batch) >= BATCH_SIZE:
            _write_batch(session, batch)
            if progress:
                progress(len(batch))
            batch = {}
    if batch:
        _write_batch(session, batch)
        if progress:
            progress(len(batch))
    return summary


def _write_batch(session: Session, batch: dict[str, dict]) -> None:
    """Upsert by deleting the batch's keys then bulk-inserting: portable across SQLite and
    PostgreSQL and far faster than row-by-row merges."""
    session.execute(delete(Postcode).where(Postcode.postcode.in_(list(batch))))
    session.execute(insert(Postcode), list(batch.values()))


def open_postcode_file(path: str) -> IO[bytes]:
    """Open a postcode file for ``import_postcodes`` (bytes: lines are decoded one by one)."""
    return open(path, "rb")


def locate_postcode(session: Session, text: str) -> tuple[Point, str]:
    """Point for a postcode, falling back to its district's centre; (point, matched key).

    Raises InvalidLocation for text that is not a postcode or is unknown here.
    """
    try:
        postcode = normalise_postcode(text)
    except InvalidLocation:
        postcode = None
    if postcode:
        row = session.get(Postcode, postcode)
        if row is not None:
            return Point(row.latitude, row.longitude), postcode
    district = postcode_district(text)
    rows = session.execute(select(Postcode.latitude, Postcode.longitude).where(Postcode.district == district)).all()
    if not rows:
        raise InvalidLocation(f"postcode {text.strip()!r} is not in this directory's area")
    return Point(sum(r[0] for r in rows) / len(rows), sum(r[1] for r in rows) / len(rows)), district
