"""Exports of the directory: ORUK JSON, CSV, GeoJSON and iCalendar, optionally for one
postcode district. Closed listings are left out (they are never published)."""
from __future__ import annotations

import io
import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..geography import postcode_district
from ..listings import VISIBLE_STATUSES
from ..models import Location, PhysicalAddress, Service, ServiceAtLocation
from .ids import oruk_id

FORMATS = {
    "oruk-json": ("application/json", "json"),
    "csv": ("text/csv; charset=utf-8", "csv"),
    "geojson": ("application/geo+json", "geojson"),
    "ics": ("text/calendar; charset=utf-8", "ics"),
}


class UnknownFormat(ValueError):
    """Not one of FORMATS."""


@dataclass
class Exported:
    body: bytes
    content_type: str
    filename: str
    services: int


def services_for_export(session: Session, area: str | None = None) -> list[Service]:
    """Published services (not closed), by published id; with ``area`` (a postcode district such as
    "LE4", or a full postcode meaning its district), only those with a place there.
    Raises InvalidLocation for an area that is not a postcode district."""
    statement = select(Service).where(Service.listing_status.in_(VISIBLE_STATUSES)).order_by(Service.id)
    if area:
        district = postcode_district(area)
        at_addresses = (select(ServiceAtLocation.service_id)
                        .join(Location, Location.id == ServiceAtLocation.location_id)
                        .join(PhysicalAddress, PhysicalAddress.location_id == Location.id)
                        .where((PhysicalAddress.postal_code == district)
                               | PhysicalAddress.postal_code.like(f"{district} %")))
        statement = statement.where(Service.id.in_(at_addresses))
    # In order of published id (ids.oruk_id), which a re-imported copy stores: export →
    # import → export gives the same file even for imported ids that are not UUIDs.
    return sorted(session.scalars(statement), key=lambda service: oruk_id(service.id))


def export(session: Session, file_format: str, area: str | None = None) -> Exported:
    if file_format not in FORMATS:
        raise UnknownFormat(f"unknown format {file_format!r}; use one of {', '.join(FORMATS)}")
    services = services_for_export(session, area)
    if file_format == "oruk-json":
        from .publish import service as published_service

        body = (json.dumps([published_service(service) for service in services], ensure_ascii=False, indent=2)
                + "\n").encode("utf-8")
    elif file_format == "csv":
        from .csv_io import write_csv

        stream = io.StringIO(newline="")
        write_csv(services, stream)
        body = stream.getvalue().encode("utf-8")
    elif file_format == "geojson":
        from .geojson import to_geojson

        body = (json.dumps(to_geojson(services), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    else:
        from .ics import to_ics

        body = to_ics(services)
    content_type, suffix = FORMATS[file_format]
    name = f"signpost-{postcode_district(area).lower()}" if area else "signpost"
    return Exported(body, content_type, f"{name}.{suffix}", len(services))
