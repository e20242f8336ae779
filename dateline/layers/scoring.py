"""The matching rules of ../shared/contract/README.md that each layer's score.py applies:
spans, names, points, one-to-one pairs, and the tally of one layer's counts across
documents. dateline/evaluate/ runs them over gold files and benchmarks."""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

PRONOUNS = {"he", "she", "they", "it", "we", "i"}
Matches = dict[str, dict[str, Any]]  # layer -> {gold item id: the matched predicted item's id}


def norm(text: str | None) -> str:
    text = (text or "").lower().replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"[\u201c\u201d\"]", "", text)
    text = re.sub(r"^(the|a|an)\s+", "", text.strip())
    return re.sub(r"\s+", " ", text)


def jaccard(a: dict, b: dict) -> float:
    inter = max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))
    union = max(a["end"], b["end"]) - min(a["start"], b["start"])
    return inter / union if union > 0 else 0.0


def overlaps(a: dict, b: dict) -> bool:
    return min(a["end"], b["end"]) > max(a["start"], b["start"])


def names_match(gold_names: Iterable[str], pred_names: Iterable[str]) -> bool:
    """A predicted name matches when it equals a gold name, contains one as whole words, or
    (from five characters on) is contained in one."""
    golds = [norm(g) for g in gold_names if g]
    preds = [norm(p) for p in pred_names if p]
    for g in golds:
        for p in preds:
            if g == p or (len(g) >= 2 and re.search(r"\b" + re.escape(g) + r"\b", p)):
                return True
            if len(p) >= 5 and re.search(r"\b" + re.escape(p) + r"\b", g):
                return True
    return False


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def match(golds: list[dict], preds: list[dict],
          score: Callable[[dict, dict], float | None]) -> tuple[list[tuple[dict, dict]], set[int]]:
    """One-to-one pairs, best score first; returns the pairs and the matched predictions."""
    candidates = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            s = score(g, p)
            if s is not None:
                candidates.append((s, gi, pi))
    candidates.sort(key=lambda c: -c[0])
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((golds[gi], preds[pi]))
    return pairs, used_p


class Tally:
    """Counts for one layer across all documents."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.km_sum = 0.0
        self.km_n = 0

    def add_matches(self, golds: list[dict], preds: list[dict], pairs, used: set[int]) -> None:
        required = sum(1 for g in golds if not g.get("optional"))
        matched = sum(1 for g, _ in pairs if not g.get("optional"))
        self.counts["tp"] += matched
        self.counts["fn"] += required - matched
        self.counts["fp"] += len(preds) - len(used)

    def check(self, name: str, ok: bool) -> None:
        self.counts[name + "_n"] += 1
        self.counts[name + "_ok"] += int(bool(ok))

    def report(self) -> dict[str, Any]:
        tp, fp, fn = self.counts["tp"], self.counts["fp"], self.counts["fn"]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        out: dict[str, Any] = {"precision": round(p, 3), "recall": round(r, 3),
                               "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0, "tp": tp, "fp": fp, "fn": fn}
        if self.km_n:
            out["mean_km"] = round(self.km_sum / self.km_n, 1)
        for key in sorted(self.counts):
            if key.endswith("_n"):
                name = key[:-2]
                n = self.counts[key]
                out[name] = round(self.counts[name + "_ok"] / n, 3) if n else None
        return out


def attributed(item: dict) -> str | None:
    """The statement a gold item is attributed to (older gold calls it `source`)."""
    return item.get("attributed_to", item.get("source"))
