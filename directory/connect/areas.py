"""Neighbourhoods a newsletter covers: the sample wards, or a postcode district.

Wards are not in the ORUK model, so the sample wards are drawn as simple polygons in
``seed_data/wards.geojson`` (fictional boundaries around the sample listings). A listing is
in a ward when one of its places is inside the polygon, or — for a listing with no place
that comes to people's homes — when its service area reaches into the ward. A listing is in
a district when one of its addresses has a postcode in it (as ``directory export --area``).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from shapely.geometry import Point as ShapelyPoint, shape
from shapely.prepared import prep
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..geography import SHARED_GEOMETRY_LOCK, InvalidLocation, postcode_district
from ..models import Service

WARDS_FILE = "wards.geojson"


class UnknownArea(LookupError):
    """Neither a sample ward nor a postcode district."""


@dataclass(frozen=True)
class Ward:
    slug: str
    name: str
    geometry: object  # shapely polygon, lon/lat


@dataclass(frozen=True)
class Area:
    """A ward or a postcode district, and the test for whether a listing is in it."""

    key: str      # "belgrave" or "LE4"
    label: str    # "Belgrave" or "LE4"
    ward: Ward | None = None

    def contains(self, service: Service) -> bool:
        if self.ward is None:
            return any(place.address and _district(place.address.postal_code) == self.key
                       for place in service.locations)
        located = [place for place in service.locations if place.latitude is not None and place.longitude is not None]
        areas = [area.geometry() for area in service.service_areas] if not located else []
        with SHARED_GEOMETRY_LOCK:  # the ward's geometry is shared by every request thread
            inside = prep(self.ward.geometry)
            if located:
                return any(inside.contains(ShapelyPoint(place.longitude, place.latitude)) for place in located)
            return any(geometry is not None and inside.intersects(geometry) for geometry in areas)


def _district(postcode: str | None) -> str | None:
    try:
        return postcode_district(postcode) if postcode else None
    except InvalidLocation:
        return None


def load_wards(seed_dir: str | Path) -> dict[str, Ward]:
    path = Path(seed_dir) / WARDS_FILE
    if not path.exists():
        return {}
    document = json.loads(path.read_text(encoding="utf-8"))
    return {feature["properties"]["slug"]: Ward(feature["properties"]["slug"], feature["properties"]["name"],
                                                shape(feature["geometry"]))
            for feature in document["features"]}


def resolve_area(text: str, wards: dict[str, Ward]) -> Area:
    """"belgrave", "Spinney Hills" or "le4" → an Area; else UnknownArea."""
    wanted = " ".join(str(text or "").split()).lower()
    for ward in wards.values():
        if wanted in (ward.slug, ward.name.lower(), ward.slug.replace("-", " ")):
            return Area(ward.slug, ward.name, ward)
    compact = wanted.replace(" ", "").upper()
    try:
        district = postcode_district(compact) if compact and len(compact) <= 4 else None
    except InvalidLocation:
        district = None
    if district is None:
        raise UnknownArea(text)
    return Area(district, district)


def active_services_in(session: Session, area: Area) -> list[Service]:
    """Running listings (not paused, full or closed) in the area, by name."""
    services = session.scalars(select(Service).where(Service.listing_status == "active").order_by(Service.name))
    return [service for service in services if area.contains(service)]


def area_choices(session: Session, wards: dict[str, Ward]) -> list[tuple[str, str]]:
    """(key, label) for the newsletter form: the wards, then every district with listings."""
    from ..models import PhysicalAddress

    codes = {_district(code) for code in session.scalars(select(PhysicalAddress.postal_code).distinct())}
    districts = sorted((code for code in codes if code), key=lambda code: (code[:2], len(code), code))
    return [(ward.slug, ward.name) for ward in wards.values()] + [(code, code) for code in districts]
