"""Entities in the store: one row per actor of an article, with its title and affiliation."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..base import Row, first_start


def rows(key: str, record: dict[str, Any]) -> Iterator[Row]:
    for e in record["entities"]:
        yield "entities", {"doc": key, "id": e["id"], "name": e["name"], "type": e["type"], "title": e.get("title"),
                           "affiliation": e.get("affiliation"), "mentions": len(e["mentions"]),
                           "first_start": first_start(e["mentions"])}
