"""Places in the store: one row per place of an article, with its point and how often it is named."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..base import Flat, Row, first_start

FLAT = Flat("places", view="place_rows", order="published, doc, length(id), id",
            floats=("latitude", "longitude"), integers=("geonameid", "mentions"), feature="place")


def rows(key: str, record: dict[str, Any]) -> Iterator[Row]:
    for p in record["places"]:
        yield "places", {"doc": key, "id": p["id"], "name": p["name"], "kind": p["kind"],
                         "geonameid": p.get("geonameid"), "lat": p.get("lat"), "lon": p.get("lon"),
                         "country": p.get("country"), "admin1": p.get("admin1"), "mentions": len(p["mentions"]),
                         "first_start": first_start(p["mentions"])}
