"""Statements against gold, by the contract's rules: contents match when their character
Jaccard is at least 0.5; then speaker, cue, kind, channel and stance are checked."""
from __future__ import annotations

from typing import Any

from ..scoring import PRONOUNS, Matches, Tally, jaccard, match, names_match, norm


def score(gold: dict[str, Any], record: dict[str, Any], tally: Tally, matches: Matches) -> None:
    entity_names = {e["id"]: [e.get("name")] for e in record.get("entities", [])}
    golds, preds = gold["statements"], record.get("statements", [])
    pairs, used = match(golds, preds, lambda g, p: (j if (j := jaccard(g["content"], p["content"])) >= 0.5 else None))
    tally.add_matches(golds, preds, pairs, used)
    matches["statements"] = {g["id"]: p.get("id") for g, p in pairs}
    for g, p in pairs:
        if g.get("optional"):
            continue
        sp = p.get("speaker") or {}
        names = [n for n in [sp.get("text")] + entity_names.get(sp.get("entity"), []) if n and norm(n) not in PRONOUNS]
        tally.check("speaker", names_match(g["speaker"], names))
        cue = (p.get("cue") or {}).get("text", "")
        tally.check("cue", norm(cue) == norm(g["cue"]) or norm(g["cue"]) in norm(cue).split())
        tally.check("kind", p.get("kind") in [g["kind"]] + g.get("kind_alt", []))
        if g.get("channel"):
            tally.check("channel", bool(p.get("channel")) and (
                norm(g["channel"]) in norm(p["channel"]) or norm(p["channel"]) in norm(g["channel"])))
        stances = [g["stance"]] + g.get("stance_alt", [])
        tally.check("stance", p.get("stance") in stances)
        if "assert" not in stances:
            tally.check("stance_marked", p.get("stance") in stances)
