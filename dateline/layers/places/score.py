"""Places against gold, by the contract's rules: mentions match on overlap; a matched place
is right when its point lies within 161 km of the gold point."""
from __future__ import annotations

from typing import Any

from ..scoring import Matches, Tally, haversine_km, jaccard, match, overlaps


def score(gold: dict[str, Any], record: dict[str, Any], tally: Tally, matches: Matches) -> None:
    golds = gold["places"]
    preds = [{"start": m["start"], "end": m["end"], "lat": pl.get("lat"), "lon": pl.get("lon")}
             for pl in record.get("places", []) for m in pl.get("mentions", [])]
    pairs, used = match(golds, preds, lambda g, p: jaccard(g, p) if overlaps(g, p) else None)
    tally.add_matches(golds, preds, pairs, used)
    for g, p in pairs:
        if g.get("optional") or g.get("lat") is None:
            continue
        km = haversine_km((g["lat"], g["lon"]), (p["lat"], p["lon"])) if p.get("lat") is not None else None
        tally.check("acc161", km is not None and km <= 161)
        if km is not None:
            tally.km_sum += km
            tally.km_n += 1
