"""GeoJSON export: one Point feature per place a service happens, one Polygon feature per
area a service covers (RFC 7946: lon/lat order, WGS84)."""
from __future__ import annotations

import json
from collections.abc import Iterable

from ..models import Service
from .write import service_summary


def _properties(service: Service) -> dict:
    summary = service_summary(service)
    return {
        "service_id": service.id, "name": service.name, "description": service.description,
        "locale": service.locale, "organization": service.organization.name, "url": service.url,
        "email": service.email, "status": summary["status"], "listing_status": service.listing_status,
        "categories": [term.code or term.id for term in service.taxonomy_terms],
        "languages": service.language_codes, "gender": service.gender, "faith_setting": service.faith_setting,
        "how_to_join": service.how_to_join, "last_verified": summary["last_verified"],
    }


def service_features(service: Service) -> list[dict]:
    features = []
    properties = _properties(service)
    for link in sorted(service.service_at_locations, key=lambda item: item.id):
        location = link.location
        if location.latitude is None or location.longitude is None:
            continue
        address = location.address
        features.append({
            "type": "Feature", "id": link.id,
            "geometry": {"type": "Point", "coordinates": [location.longitude, location.latitude]},
            "properties": dict(properties, location_id=location.id, location_name=location.name,
                               address=", ".join(address.lines()) if address else None,
                               postcode=address.postal_code if address else None),
        })
    for area in sorted(service.service_areas, key=lambda item: item.id):
        if not area.extent:
            continue
        geometry = json.loads(area.extent)
        if geometry.get("type") == "Feature":
            radius = (geometry.get("properties") or {}).get("radius")
            geometry = geometry.get("geometry")
        else:
            radius = None
        features.append({"type": "Feature", "id": area.id, "geometry": geometry,
                         "properties": dict(properties, service_area=area.name, radius_m=radius)})
    return features


def to_geojson(services: Iterable[Service]) -> dict:
    return {"type": "FeatureCollection",
            "features": [feature for service in services for feature in service_features(service)]}
