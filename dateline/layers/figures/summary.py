"""How many, as `dateline extract --summary` prints it."""
from __future__ import annotations

from typing import Any

from ..base import clip, speaker_name


def lines(record: dict[str, Any]) -> list[str]:
    entities = {e["id"]: e for e in record.get("entities", [])}
    by_id = {st["id"]: st for st in record.get("statements", [])}
    out = []
    for f in record["figures"]:
        if f["value"] is not None:
            amount = f"{f['value']:,}"
        elif f.get("low") is not None and f.get("high") is not None:
            amount = f"{f['low']:,}–{f['high']:,}"
        else:
            amount = f"{f['low']:,}+" if f.get("low") is not None else "?"
        source = by_id.get(f.get("attributed_to") or "")
        said = f" — per {speaker_name(source, entities)} ({source['id']})" if source else ""
        out.append(f"  {f['id']:>4}  {f['category']} {amount} [{f['qualifier']}] “{clip(f['text'], 60)}”{said}")
    return out
