"""Events against gold, by the contract's rules: an event matches in the same paragraph with
the same type (gold may list alternatives); then actor, place, factuality and the statement
it is attributed to are checked."""
from __future__ import annotations

from typing import Any

from ..scoring import Matches, Tally, attributed, jaccard, match, names_match


def score(gold: dict[str, Any], record: dict[str, Any], tally: Tally, matches: Matches) -> None:
    entity_names = {e["id"]: [e.get("name")] for e in record.get("entities", [])}
    place_names = {p["id"]: [p.get("name")] for p in record.get("places", [])}
    statement_of = matches.get("statements", {})
    golds, preds = gold["events"], record.get("events", [])

    def event_score(g: dict, p: dict) -> float | None:
        if p.get("type") not in [g["type"]] + g.get("type_alt", []):
            return None
        trigger = p["trigger"]
        if not g["paragraph"]["start"] <= trigger["start"] < g["paragraph"]["end"]:
            return None
        return 1.0 + jaccard(g["trigger"], trigger)

    pairs, used = match(golds, preds, event_score)
    tally.add_matches(golds, preds, pairs, used)
    for g, p in pairs:
        if g.get("optional"):
            continue
        if g["actors"]:
            tally.check("actor", any(names_match(g["actors"], entity_names.get(a, [])) for a in p.get("actors", [])))
        if g["places"]:
            tally.check("place", any(names_match(g["places"], place_names.get(a, [])) for a in p.get("places", [])))
        tally.check("factuality", p.get("factuality") == g["factuality"])
        if attributed(g) in statement_of:
            tally.check("attribution", p.get("attributed_to") == statement_of[attributed(g)])
