"""Times against gold, by the contract's rules: spans match on overlap; then the value."""
from __future__ import annotations

from typing import Any

from ..scoring import Matches, Tally, jaccard, match, overlaps


def score(gold: dict[str, Any], record: dict[str, Any], tally: Tally, matches: Matches) -> None:
    golds, preds = gold["times"], record.get("times", [])
    pairs, used = match(golds, preds, lambda g, p: jaccard(g, p) if overlaps(g, p) else None)
    tally.add_matches(golds, preds, pairs, used)
    for g, p in pairs:
        if not g.get("optional"):
            tally.check("value", str(p.get("value")) == str(g["value"]))
