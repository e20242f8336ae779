"""The rows with coordinates of the layers that are features on a map (events, places) as
one GeoJSON FeatureCollection (RFC 7946: WGS84, longitude first). Each feature says what it
is in `properties.layer`."""
from __future__ import annotations

import json
from typing import IO, Any

from ..layers.base import Flat
from ..store import Store


def write_geojson(store: Store, flats: list[Flat], f: IO[str]) -> int:
    features = []
    # events first, then what else is on the map (places, linked events)
    for flat in sorted(flats, key=lambda flat: flat.feature != "event"):
        query = (f"SELECT * FROM {flat.view} WHERE latitude IS NOT NULL AND longitude IS NOT NULL "
                 f"ORDER BY {flat.order}")
        features += [_feature(flat.feature or flat.name, row) for row in store.rows(query)]
    json.dump({"type": "FeatureCollection", "features": features}, f, ensure_ascii=False)
    f.write("\n")
    return len(features)


def _feature(layer: str, row: Any) -> dict[str, Any]:
    properties = {k: row[k] for k in row.keys() if k not in ("latitude", "longitude")}
    return {"type": "Feature", "id": properties[f"{layer}_id"],
            "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]},
            "properties": {"layer": layer, **properties}}
