"""Events in the store: one row each, and one row per actor, target and place in
`event_arguments`; the flat `event_rows` reads like an ACLED table."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..base import Flat, Row, sentence_columns

FLAT = Flat("events", view="event_rows", order="published, doc, length(id), id",
            floats=("latitude", "longitude"), feature="event")


def rows(key: str, record: dict[str, Any]) -> Iterator[Row]:
    for v in record["events"]:
        yield "events", {"doc": key, "id": v["id"], "type": v["type"], "mode": v.get("mode"),
                         "trigger": v["trigger"]["text"], "trigger_start": v["trigger"]["start"],
                         "trigger_end": v["trigger"]["end"], "factuality": v["factuality"],
                         "attributed_to": v.get("attributed_to"), "time": v.get("time"), **sentence_columns(v)}
        for role, field in (("actor", "actors"), ("target", "targets"), ("place", "places")):
            for position, ref in enumerate(v.get(field) or []):
                yield "event_arguments", {"doc": key, "event": v["id"], "role": role, "position": position, "ref": ref}
