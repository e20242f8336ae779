"""Times in the store: one row per temporal expression, with its TIMEX3 type and value."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..base import Row


def rows(key: str, record: dict[str, Any]) -> Iterator[Row]:
    for t in record["times"]:
        yield "times", {"doc": key, "id": t["id"], "type": t["type"], "value": t.get("value"), "text": t["text"],
                        "start": t["start"], "end": t["end"]}
