"""The places re-published: the two standard CSV files (UTF-8 with BOM) and one GeoJSON."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

import geojson

from ward_content.csv_cells import safe_row

from .model import Place


def places_csv(places: Sequence[Place], columns: Sequence[str], public_url: str, base_url: str) -> bytes:
    """The standard's columns in order; an empty URL is filled with the place's page on this site."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\r\n")
    writer.writeheader()
    for place in sorted(places, key=lambda p: p.number):
        row = dict(place.row)
        row["URL"] = row.get("URL") or f"{public_url}/{base_url}{place.id}/"
        writer.writerow(safe_row(row))
    return buffer.getvalue().encode("utf-8-sig")


def places_geojson(places: Sequence[Place], public_url: str, base_url: str) -> bytes:
    """Points ([longitude, latitude]) of the places whose coordinates are sourced."""
    features = []
    for place in sorted(places, key=lambda p: p.id):
        if place.coordinates is None:
            continue
        lat, lon = place.coordinates
        properties = {
            "name": place.name,
            "kind": place.kind_label,
            "address": place.address or None,
            "disasters": list(place.disasters),
            "capacity": place.capacity,
            "lg_code": place.get("市区町村コード") or None,
            "url": f"{public_url}/{base_url}{place.id}/",
        }
        features.append(geojson.Feature(id=place.id, geometry=geojson.Point((lon, lat)), properties=properties))
    collection = geojson.FeatureCollection(features)
    return (geojson.dumps(collection, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode("utf-8")
