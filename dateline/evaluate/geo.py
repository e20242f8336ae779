"""End-to-end geoparsing scores on a public benchmark: raw text in, places out.

Input: JSON lines with `text` and `spans` (each `start`, `end`, and `lat`/`lon` where the
toponym is geocoded), the format of ../shared/benchmarks/geo/*/. Only spans with
coordinates are gold, as in the geocoding sets of the papers. A predicted mention matches
the first unmatched gold span it overlaps; predictions that overlap any annotated span
(with coordinates or not: a demonym, a metonym) are not counted against precision.
- recognition: precision, recall and F1 of the mentions;
- acc161: the share of matched gold spans resolved within 161 km (an unresolved mention
  counts as a miss), and the mean error in km over those resolved;
- pinned_acc161: the share of the resolved ones within 161 km: how often a pin on the map
  is right;
- given_acc161: given the gold names (Mordecai3's measure), the share of the gold toponyms
  resolved within 161 km, when the places layer resolves the gold names together with the
  names it found itself in the article (its context), and its dateline.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ..layers.scoring import haversine_km


@dataclass
class GeoTally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    within_161: int = 0
    resolved: int = 0
    km_sum: float = 0.0
    given: int = 0          # gold toponyms scored given their names
    given_within_161: int = 0

    def add(self, spans: list[dict[str, Any]], record: dict[str, Any]) -> None:
        gold = [s for s in spans if s.get("lat") is not None and s.get("lon") is not None]
        preds = [(m["start"], m["end"], p.get("lat"), p.get("lon")) for p in record["places"] for m in p["mentions"]]
        used: set[int] = set()
        for g in gold:
            hit = next((i for i, p in enumerate(preds) if i not in used and p[0] < g["end"] and g["start"] < p[1]), None)
            if hit is None:
                self.fn += 1
                continue
            used.add(hit)
            self.tp += 1
            lat, lon = preds[hit][2], preds[hit][3]
            if lat is not None and lon is not None:
                km = haversine_km((g["lat"], g["lon"]), (lat, lon))
                self.resolved += 1
                self.km_sum += km
                self.within_161 += km <= 161
        self.fp += sum(1 for i, p in enumerate(preds) if i not in used
                       and not any(p[0] < s["end"] and s["start"] < p[1] for s in spans))

    def add_given(self, spans: list[dict[str, Any]], record: dict[str, Any], resolve: Resolver) -> None:
        """Score the places layer's resolution of the gold names themselves."""
        gold = [s for s in spans if s.get("lat") is not None and s.get("lon") is not None]
        own = [m["text"] for p in record["places"] for m in p["mentions"]]
        chosen = resolve([s["text"] for s in gold] + own, record["document"]["text"])
        for s in gold:
            c = chosen.get(s["text"])
            self.given += 1
            if c is not None and haversine_km((s["lat"], s["lon"]), (c[0], c[1])) <= 161:
                self.given_within_161 += 1

    def report(self) -> dict[str, Any]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
                "acc161": round(self.within_161 / self.tp, 3) if self.tp else 0.0,
                "pinned_acc161": round(self.within_161 / self.resolved, 3) if self.resolved else 0.0,
                "mean_km": round(self.km_sum / self.resolved, 1) if self.resolved else None,
                "matched": self.tp, "resolved": self.resolved, "gold": self.tp + self.fn,
                "given_acc161": round(self.given_within_161 / self.given, 3) if self.given else None,
                "given": self.given}


# (names, the article's text) -> each name's point (lat, lon), or None where it stays unresolved
Resolver = Callable[[list[str], str], dict[str, tuple[float, float] | None]]


def evaluate(docs: Iterable[dict[str, Any]], records: Iterable[dict[str, Any]],
             resolve: Resolver | None = None) -> GeoTally:
    """End-to-end scores; with `resolve`, also the accuracy given the gold names."""
    tally = GeoTally()
    for doc, record in zip(docs, records, strict=True):
        tally.add(doc["spans"], record)
        if resolve is not None:
            tally.add_given(doc["spans"], record, resolve)
    return tally


def half(docs: list[dict[str, Any]], which: str | None) -> list[dict[str, Any]]:
    """The documents at even positions of the file (counted from 0: the 1st, 3rd, 5th...) or
    at odd ones (the 2nd, 4th...), or all of them: one half to study, the other to report."""
    if which is None:
        return docs
    if which not in ("even", "odd"):
        raise ValueError(f"half must be 'even' or 'odd', not {which!r}")
    return docs[0 if which == "even" else 1::2]


def format_report(name: str, report: dict[str, Any]) -> str:
    return (f"{name}: recognition P={report['precision']:.3f} R={report['recall']:.3f} F1={report['f1']:.3f}; "
            f"acc161={report['acc161']:.3f} of {report['matched']} matched ({report['resolved']} resolved, "
            f"{report['pinned_acc161']:.3f} of them within 161 km), "
            f"mean_km={report['mean_km']}; gold {report['gold']}"
            + (f"\n{name}: given the gold names, acc161={report['given_acc161']:.3f} of {report['given']} gold "
               f"toponyms (Mordecai3's measure; unresolved ones count as misses)"
               if report.get("given_acc161") is not None else ""))
