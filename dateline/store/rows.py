"""A document record flattened into the rows of the store's layer tables (schema.sql)."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

Row = tuple[str, dict[str, Any]]


def layer_rows(key: str, record: dict[str, Any]) -> Iterator[Row]:
    """(table, row) for every entity, place, time, statement, event (and its arguments) and figure."""
    names = {e["id"]: e["name"] for e in record["entities"]}
    for e in record["entities"]:
        yield "entities", {"doc": key, "id": e["id"], "name": e["name"], "type": e["type"], "title": e.get("title"),
                           "affiliation": e.get("affiliation"), "mentions": len(e["mentions"]),
                           "first_start": _first(e["mentions"])}
    for p in record["places"]:
        yield "places", {"doc": key, "id": p["id"], "name": p["name"], "kind": p["kind"],
                         "geonameid": p.get("geonameid"), "lat": p.get("lat"), "lon": p.get("lon"),
                         "country": p.get("country"), "admin1": p.get("admin1"), "mentions": len(p["mentions"]),
                         "first_start": _first(p["mentions"])}
    for t in record["times"]:
        yield "times", {"doc": key, "id": t["id"], "type": t["type"], "value": t.get("value"), "text": t["text"],
                        "start": t["start"], "end": t["end"]}
    for s in record["statements"]:
        speaker = s.get("speaker") or {}
        yield "statements", {
            "doc": key, "id": s["id"], "speaker_entity": speaker.get("entity"),
            "speaker": names.get(speaker.get("entity")) or speaker.get("text"), "speaker_text": speaker.get("text"),
            "cue": s["cue"]["text"], "kind": s["kind"], "stance": s["stance"], "channel": s.get("channel"),
            "content": s["content"]["text"], "content_start": s["content"]["start"],
            "content_end": s["content"]["end"], "time": s.get("time"), **_sentence(s)}
    for v in record["events"]:
        yield "events", {"doc": key, "id": v["id"], "type": v["type"], "mode": v.get("mode"),
                         "trigger": v["trigger"]["text"], "trigger_start": v["trigger"]["start"],
                         "trigger_end": v["trigger"]["end"], "factuality": v["factuality"],
                         "attributed_to": v.get("attributed_to"), "time": v.get("time"), **_sentence(v)}
        for role, field in (("actor", "actors"), ("target", "targets"), ("place", "places")):
            for position, ref in enumerate(v.get(field) or []):
                yield "event_arguments", {"doc": key, "event": v["id"], "role": role, "position": position, "ref": ref}
    for f in record["figures"]:
        yield "figures", {"doc": key, "id": f["id"], "text": f["text"], "start": f["start"], "end": f["end"],
                          "value": f.get("value"), "low": f.get("low"), "high": f.get("high"),
                          "qualifier": f["qualifier"], "category": f["category"], "place": f.get("place"),
                          "time": f.get("time"), "attributed_to": f.get("attributed_to"), **_sentence(f)}


def _first(mentions: list[dict[str, Any]]) -> int | None:
    return min((m["start"] for m in mentions), default=None)


def _sentence(item: dict[str, Any]) -> dict[str, int | None]:
    sentence = item.get("sentence") or {}
    return {"sentence_start": sentence.get("start"), "sentence_end": sentence.get("end")}
