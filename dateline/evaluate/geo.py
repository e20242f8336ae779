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
  is right.
"""
from __future__ import annotations

from collections.abc import Iterable
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

    def report(self) -> dict[str, Any]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
                "acc161": round(self.within_161 / self.tp, 3) if self.tp else 0.0,
                "pinned_acc161": round(self.within_161 / self.resolved, 3) if self.resolved else 0.0,
                "mean_km": round(self.km_sum / self.resolved, 1) if self.resolved else None,
                "matched": self.tp, "resolved": self.resolved, "gold": self.tp + self.fn}


def evaluate(docs: Iterable[dict[str, Any]], records: Iterable[dict[str, Any]]) -> GeoTally:
    tally = GeoTally()
    for doc, record in zip(docs, records, strict=True):
        tally.add(doc["spans"], record)
    return tally


def format_report(name: str, report: dict[str, Any]) -> str:
    return (f"{name}: recognition P={report['precision']:.3f} R={report['recall']:.3f} F1={report['f1']:.3f}; "
            f"acc161={report['acc161']:.3f} of {report['matched']} matched ({report['resolved']} resolved, "
            f"{report['pinned_acc161']:.3f} of them within 161 km), "
            f"mean_km={report['mean_km']}; gold {report['gold']}")
