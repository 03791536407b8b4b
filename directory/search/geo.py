"""Grid cells for fast "near me" search, without scanning every listing.

Each listing's point is indexed as one cell id per level of a fixed lat/lon grid (cells
double in size from ~300 m). A query covers its circle with a handful of cells of the
level that fits its radius, so the index hands back only listings in those cells; exact
distances are then computed for that small set. Services that come to you (a service
area) are indexed under every cell their area touches, at every level.
"""
from __future__ import annotations

import math
from collections.abc import Iterable

from ..geography import EARTH_RADIUS_M, Point, bounding_box, haversine_m

BASE_CELL_DEGREES = 0.0027  # ~300 m north-south
LEVELS = 9                  # ~300 m .. ~77 km
MAX_COVER_CELLS = 36


def cell_size(level: int) -> float:
    return BASE_CELL_DEGREES * (2 ** level)


def _row_width(level: int, row: int) -> float:
    """East-west size of cells in a row: wider in degrees towards the poles, so cells stay
    roughly square on the ground (the row's centre latitude decides, deterministically)."""
    size = cell_size(level)
    centre_lat = (row + 0.5) * size
    return size / max(math.cos(math.radians(min(abs(centre_lat), 89.0))), 0.02)


def cell_of(level: int, latitude: float, longitude: float) -> str:
    row = math.floor(latitude / cell_size(level))
    col = math.floor(longitude / _row_width(level, row))
    return f"{level}_{row}_{col}"


def cells_for_point(point: Point) -> list[str]:
    """The point's cell at every level (what a located listing is indexed under)."""
    return [cell_of(level, point.latitude, point.longitude) for level in range(LEVELS)]


def _cells_in_box(level: int, min_lat: float, max_lat: float, min_lon: float, max_lon: float) -> Iterable[str]:
    size = cell_size(level)
    for row in range(math.floor(min_lat / size), math.floor(max_lat / size) + 1):
        width = _row_width(level, row)
        for col in range(math.floor(min_lon / width), math.floor(max_lon / width) + 1):
            yield f"{level}_{row}_{col}"


def cells_for_area(geometry) -> list[str]:
    """Cells touched by a shapely area (lon/lat), at every level; fine levels are skipped
    when the area would need too many cells there (coarser levels still find it)."""
    from shapely.geometry import box

    min_lon, min_lat, max_lon, max_lat = geometry.bounds
    cells = []
    for level in range(LEVELS):
        size = cell_size(level)
        rows = (max_lat - min_lat) / size + 1
        if rows * rows > 400:
            continue
        for cell in _cells_in_box(level, min_lat, max_lat, min_lon, max_lon):
            _level, row, col = (int(part) for part in cell.split("_"))
            width = _row_width(level, row)
            if geometry.intersects(box(col * width, row * size, (col + 1) * width, (row + 1) * size)):
                cells.append(cell)
    return cells


def covering_cells(centre: Point, radius_m: float) -> list[str]:
    """The fewest cells (at one level) whose union covers the circle."""
    min_lat, max_lat, min_lon, max_lon = bounding_box(centre, radius_m)
    for level in range(LEVELS):
        size = cell_size(level)
        rows = math.floor(max_lat / size) - math.floor(min_lat / size) + 1
        if rows * rows * 2 <= MAX_COVER_CELLS or level == LEVELS - 1:
            cells = list(_cells_in_box(level, min_lat, max_lat, min_lon, max_lon))
            if len(cells) <= MAX_COVER_CELLS * 2 or level == LEVELS - 1:
                return cells
    return []  # unreachable: the last level always returns


def radius_is_global(radius_m: float) -> bool:
    """A radius so large that the cell cover is pointless (skip the geo filter)."""
    return radius_m >= math.pi * EARTH_RADIUS_M / 8


__all__ = ["cell_of", "cells_for_area", "cells_for_point", "covering_cells", "haversine_m", "radius_is_global"]
