"""What happened, as `dateline extract --summary` prints it."""
from __future__ import annotations

from typing import Any

from ..base import clip


def lines(record: dict[str, Any]) -> list[str]:
    entities = {e["id"]: e for e in record.get("entities", [])}
    places = {p["id"]: p["name"] for p in record.get("places", [])}
    out = []
    for e in record["events"]:
        kind = e["type"] + (f"/{e['mode']}" if e.get("mode") else "")
        who = ", ".join(entities[a]["name"] for a in e["actors"] if a in entities) or "?"
        whom = ", ".join(entities[t]["name"] for t in e["targets"] if t in entities)
        where = ", ".join(places[p] for p in e["places"] if p in places)
        parts = [f"  {e['id']:>4}  {kind} [{e['factuality']}] “{clip(e['trigger']['text'], 50)}” by {who}"]
        if whom:
            parts.append(f" → {whom}")
        if where:
            parts.append(f" in {where}")
        if e.get("attributed_to"):
            parts.append(f" — per {e['attributed_to']}")
        out.append("".join(parts))
    return out
