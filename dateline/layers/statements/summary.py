"""Who said what, as `dateline extract --summary` prints it."""
from __future__ import annotations

import textwrap
from typing import Any

from ..base import clip

WIDTH = 100


def _bare(name: str) -> str:
    name = name.lower()
    for article in ("the ", "a ", "an "):
        name = name.removeprefix(article)
    return name


def lines(record: dict[str, Any]) -> list[str]:
    entities = {e["id"]: e for e in record.get("entities", [])}
    out = []
    for st in record["statements"]:
        sp = st["speaker"]
        ent = entities.get(sp.get("entity"))
        who = ent["name"] if ent else (sp.get("text") or "(unnamed)")
        if ent and sp.get("text") and _bare(sp["text"]) != _bare(ent["name"]):
            who = f"{who} (as “{clip(sp['text'], 60)}”)"
        if ent and ent.get("title"):
            who = f"{who}, {ent['title']}"
        how = f"{st['cue']['text']} [{st['stance']}, {st['kind']}]"
        if st.get("channel"):
            how += f" via {st['channel']}"
        out.append(f"  {st['id']:>4}  {who} — {how}")
        out.append(textwrap.fill(f"“{clip(st['content']['text'])}”", WIDTH, initial_indent=" " * 8,
                                 subsequent_indent=" " * 9))
    return out
