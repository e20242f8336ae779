"""Figures against gold, by the contract's rules: spans overlap and values are equal; then
category, qualifier and the statement they are attributed to are checked."""
from __future__ import annotations

from typing import Any

from ..scoring import Matches, Tally, attributed, jaccard, match, overlaps


def score(gold: dict[str, Any], record: dict[str, Any], tally: Tally, matches: Matches) -> None:
    statement_of = matches.get("statements", {})
    golds, preds = gold["figures"], record.get("figures", [])

    def figure_score(g: dict, p: dict) -> float | None:
        if not overlaps(g, p) or g.get("value") is not None and p.get("value") != g["value"]:
            return None
        return jaccard(g, p)

    pairs, used = match(golds, preds, figure_score)
    tally.add_matches(golds, preds, pairs, used)
    for g, p in pairs:
        if g.get("optional"):
            continue
        tally.check("category", p.get("category") == g["category"])
        tally.check("qualifier", p.get("qualifier") == g["qualifier"])
        if attributed(g) in statement_of:
            tally.check("attribution", p.get("attributed_to") == statement_of[attributed(g)])
