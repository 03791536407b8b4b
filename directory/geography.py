"""Points, postcodes, distances and service areas — no Flask, no network.

UK postcodes are normalised to the ONS "pcds" form (outward code, one space, inward code)
so "le1 5ww", "LE15WW" and " Le1  5Ww " are the same key.
"""
from __future__ import annotations

import math
import re
import threading
from dataclasses import dataclass

import numpy as np

EARTH_RADIUS_M = 6_371_008.8  # mean Earth radius (IUGG), what haversine distances assume
METRES_PER_MILE = 1609.344

# Outward code: area letters, district digits (+ optional letter); inward: digit + 2 letters.
_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})$")
_DISTRICT = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?$")


class InvalidLocation(ValueError):
    """A point or postcode that cannot be a searcher's location (lat 91, unknown postcode)."""


@dataclass(frozen=True)
class Point:
    """A WGS84 point. Validates its range so a bad lat/lon never reaches a query."""

    latitude: float
    longitude: float

    def __post_init__(self):
        if not (isinstance(self.latitude, (int, float)) and isinstance(self.longitude, (int, float))):
            raise InvalidLocation("latitude and longitude must be numbers")
        if not (math.isfinite(self.latitude) and math.isfinite(self.longitude)):
            raise InvalidLocation("latitude and longitude must be finite numbers")
        if not -90 <= self.latitude <= 90:
            raise InvalidLocation(f"latitude {self.latitude} is outside -90..90")
        if not -180 <= self.longitude <= 180:
            raise InvalidLocation(f"longitude {self.longitude} is outside -180..180")

    @classmethod
    def parse(cls, latitude, longitude) -> "Point":
        """Build a point from untrusted text or numbers (query parameters, CSV cells)."""
        try:
            latitude, longitude = float(latitude), float(longitude)
        except (TypeError, ValueError) as error:
            raise InvalidLocation("latitude and longitude must be numbers") from error
        return cls(latitude, longitude)  # its own message for a number out of range


def normalise_postcode(text: str) -> str:
    """Return the canonical "LE1 5WW" form, or raise InvalidLocation."""
    compact = re.sub(r"\s+", "", str(text or "")).upper()
    match = _POSTCODE.match(compact)
    if not match:
        raise InvalidLocation(f"{text!r} is not a UK postcode")
    return f"{match.group(1)} {match.group(2)}"


def postcode_district(text: str) -> str:
    """The outward code ("LE1") of a full postcode, or of a district typed on its own."""
    compact = re.sub(r"\s+", "", str(text or "")).upper()
    if _DISTRICT.match(compact):
        return compact
    return normalise_postcode(text).split(" ")[0]


def haversine_m(a: Point, b: Point) -> float:
    """Great-circle distance in metres (what geopy's great_circle computes, inlined
    because duplicate checks and the API call it for every nearby listing)."""
    lat1, lat2 = math.radians(a.latitude), math.radians(b.latitude)
    dlat = lat2 - lat1
    dlon = math.radians(b.longitude - a.longitude)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def haversine_many_m(centre: Point, latitudes: np.ndarray, longitudes: np.ndarray) -> np.ndarray:
    """``haversine_m`` from one point to many at once (NaN where a coordinate is NaN): a
    search measures every listing inside its grid cells."""
    lat1, lat2 = np.radians(centre.latitude), np.radians(latitudes)
    dlat = lat2 - lat1
    dlon = np.radians(longitudes - centre.longitude)
    h = np.sin(dlat / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_M * np.arcsin(np.minimum(1.0, np.sqrt(h)))


def bounding_box(centre: Point, radius_m: float) -> tuple[float, float, float, float]:
    """(min_lat, max_lat, min_lon, max_lon) of a box enclosing the circle, for index
    range queries that pre-filter before exact distances."""
    dlat = math.degrees(radius_m / EARTH_RADIUS_M)
    cos_lat = max(math.cos(math.radians(centre.latitude)), 1e-6)
    dlon = min(180.0, math.degrees(radius_m / (EARTH_RADIUS_M * cos_lat)))
    return (max(-90.0, centre.latitude - dlat), min(90.0, centre.latitude + dlat),
            max(-180.0, centre.longitude - dlon), min(180.0, centre.longitude + dlon))


# Shapely releases the GIL inside GEOS, and GEOS fills caches inside a geometry (its
# envelope, prepared indexes) the first time a predicate runs: two threads testing the same
# shared geometry at once corrupted memory under load (gunicorn worker segfaults). Predicates
# on geometries that live longer than one request take this lock.
SHARED_GEOMETRY_LOCK = threading.Lock()


def area_geometry(geojson: dict):
    """A shapely geometry for a service area's GeoJSON (lon/lat order).

    Accepts a geometry or a Feature; a Point Feature with ``properties.radius`` (metres) is
    turned into a 64-sided polygon with geodesic vertices (geopy), so "we visit anyone
    within 3 miles" works like a drawn polygon.
    """
    from geopy.distance import geodesic
    from shapely.geometry import Polygon, shape

    if geojson.get("type") == "Feature":
        geometry, properties = geojson.get("geometry") or {}, geojson.get("properties") or {}
    else:
        geometry, properties = geojson, {}
    if geometry.get("type") == "Point" and properties.get("radius"):
        lon, lat = geometry["coordinates"][:2]
        radius_km = float(properties["radius"]) / 1000
        ring = []
        for step in range(64):
            vertex = geodesic(kilometers=radius_km).destination((lat, lon), bearing=step * 360 / 64)
            ring.append((vertex.longitude, vertex.latitude))
        return Polygon(ring)
    return shape(geometry)


def format_distance(metres: float, unit: str = "mi") -> tuple[float, str]:
    """Round a distance for people: miles for UK readers, km elsewhere, to one decimal and
    UP. A search keeps places within its exact radius, so a place 1.04 miles away must not
    read "1 mile" (it is not in the 1-mile search); it reads "1.1 miles". (The inner round
    drops float noise: 1609.344 m is 1 mile, not 1.0000000000000002.)"""
    per_unit = METRES_PER_MILE if unit == "mi" else 1000
    return math.ceil(round(metres / per_unit * 10, 9)) / 10, unit
