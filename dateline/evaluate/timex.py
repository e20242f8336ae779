"""Scores on a TIMEX3 benchmark in the TempEval style, comparable with HeidelTime's figures.

Input: JSON lines, one document each, with `text`, `published` and `spans` (each span
`start`, `end`, `type`, `value`), the format of ../shared/benchmarks/time/wikiwars/.
- strict: a predicted span with exactly the gold offsets;
- relaxed: any overlap (one-to-one, the largest overlap first);
- strict+value: a strict match whose value is equal too (HeidelTime's "value F1");
- value accuracy and type accuracy: among relaxed matches.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any



@dataclass
class TimexTally:
    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    strict_value: int = 0
    relaxed_value: int = 0
    relaxed_type: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)

    def add(self, golds: list[dict[str, Any]], preds: list[dict[str, Any]], doc_id: str) -> None:
        self.gold += len(golds)
        self.predicted += len(preds)
        exact = {(p["start"], p["end"]): p for p in preds}
        for g in golds:
            p = exact.get((g["start"], g["end"]))
            if p is not None:
                self.strict += 1
                self.strict_value += _same_value(g, p)
        pairs = sorted(((_overlap(g, p), gi, pi) for gi, g in enumerate(golds) for pi, p in enumerate(preds)
                        if _overlap(g, p) > 0), reverse=True)
        used_g: set[int] = set()
        used_p: set[int] = set()
        for _, gi, pi in pairs:
            if gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            g, p = golds[gi], preds[pi]
            self.relaxed += 1
            self.relaxed_value += _same_value(g, p)
            self.relaxed_type += g.get("type") == p.get("type")
            if not _same_value(g, p):
                self.misses.append({"doc": doc_id, "kind": "value", "gold": _brief(g), "pred": _brief(p)})
        self.misses += [{"doc": doc_id, "kind": "missed", "gold": _brief(g)} for i, g in enumerate(golds)
                        if i not in used_g]
        self.misses += [{"doc": doc_id, "kind": "extra", "pred": _brief(p)} for i, p in enumerate(preds)
                        if i not in used_p]

    def report(self) -> dict[str, Any]:
        def f1(tp: int) -> dict[str, float]:
            p = tp / self.predicted if self.predicted else 0.0
            r = tp / self.gold if self.gold else 0.0
            return {"precision": round(p, 3), "recall": round(r, 3),
                    "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}

        return {"gold": self.gold, "predicted": self.predicted, "strict": f1(self.strict),
                "relaxed": f1(self.relaxed), "strict_value": f1(self.strict_value),
                "value_accuracy": round(self.relaxed_value / self.relaxed, 3) if self.relaxed else 0.0,
                "type_accuracy": round(self.relaxed_type / self.relaxed, 3) if self.relaxed else 0.0}


def _overlap(g: dict[str, Any], p: dict[str, Any]) -> int:
    return max(0, min(g["end"], p["end"]) - max(g["start"], p["start"]))


def _same_value(g: dict[str, Any], p: dict[str, Any]) -> bool:
    return str(g.get("value")) == str(p.get("value"))


def _brief(item: dict[str, Any]) -> str:
    return f"{item.get('text')!r} {item.get('type')} {item.get('value')} @{item['start']}"


def evaluate(docs: Iterable[dict[str, Any]], records: Iterable[dict[str, Any]]) -> TimexTally:
    tally = TimexTally()
    for doc, record in zip(docs, records, strict=True):
        gold = [s for s in doc["spans"] if s.get("type")]
        tally.add(gold, record["times"], str(doc.get("id")))
    return tally


def format_report(report: dict[str, Any]) -> str:
    lines = [f"gold {report['gold']}  predicted {report['predicted']}"]
    for key, label in (("strict", "strict span"), ("relaxed", "relaxed span"), ("strict_value", "strict + value")):
        r = report[key]
        lines.append(f"{label:15s} P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f}")
    lines.append(f"value accuracy {report['value_accuracy']:.3f}  type accuracy {report['type_accuracy']:.3f}"
                 " (among relaxed matches)")
    return "\n".join(lines)
