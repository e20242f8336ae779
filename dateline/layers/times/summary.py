"""When, as `dateline extract --summary` prints it."""
from __future__ import annotations

from typing import Any

from ..base import clip


def lines(record: dict[str, Any]) -> list[str]:
    return [f"  {t['id']:>4}  {clip(t['text'], 60)} → {t['value'] or '(no value)'} [{t['type']}]"
            for t in record["times"]]
