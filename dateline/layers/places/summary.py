"""Where, as `dateline extract --summary` prints it."""
from __future__ import annotations

from typing import Any


def _point(place: dict[str, Any]) -> str:
    if place.get("lat") is None:
        return "(no point)"
    return f"{place['lat']:.3f}, {place['lon']:.3f}"


def lines(record: dict[str, Any]) -> list[str]:
    return [f"  {p['id']:>4}  {p['name']} ({p['kind']}{', ' + p['country'] if p.get('country') else ''}) "
            f"{_point(p)} ×{len(p['mentions'])}" for p in record["places"]]
