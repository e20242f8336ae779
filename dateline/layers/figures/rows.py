"""Figures in the store: one row each, with the place, time and statement they point at."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..base import Flat, Row, sentence_columns

FLAT = Flat("figures", view="figure_rows", order="published, doc, length(id), id",
            floats=("value", "low", "high", "latitude", "longitude"))


def rows(key: str, record: dict[str, Any]) -> Iterator[Row]:
    for f in record["figures"]:
        yield "figures", {"doc": key, "id": f["id"], "text": f["text"], "start": f["start"], "end": f["end"],
                          "value": f.get("value"), "low": f.get("low"), "high": f.get("high"),
                          "qualifier": f["qualifier"], "category": f["category"], "place": f.get("place"),
                          "time": f.get("time"), "attributed_to": f.get("attributed_to"), **sentence_columns(f)}
