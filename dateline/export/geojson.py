"""Events and places with coordinates as one GeoJSON FeatureCollection (RFC 7946: WGS84,
longitude first). Each feature says what it is in `properties.layer`."""
from __future__ import annotations

import json
from typing import IO, Any

from ..store import Store
from . import ORDER

EVENTS = f"SELECT * FROM event_rows WHERE latitude IS NOT NULL AND longitude IS NOT NULL {ORDER}"
PLACES = f"SELECT * FROM place_rows WHERE latitude IS NOT NULL AND longitude IS NOT NULL {ORDER}"


def write_geojson(store: Store, f: IO[str]) -> int:
    features = [_feature("event", row) for row in store.rows(EVENTS)]
    features += [_feature("place", row) for row in store.rows(PLACES)]
    json.dump({"type": "FeatureCollection", "features": features}, f, ensure_ascii=False)
    f.write("\n")
    return len(features)


def _feature(layer: str, row: Any) -> dict[str, Any]:
    properties = {k: row[k] for k in row.keys() if k not in ("latitude", "longitude")}
    return {"type": "Feature", "id": properties[f"{layer}_id"],
            "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]},
            "properties": {"layer": layer, **properties}}
