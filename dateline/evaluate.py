"""Scoring records against hand-made gold, by the rules of ../shared/contract/README.md.

The rules are those of the project's reference scorer (../shared/tools/score.py), written
out here so that a user with their own gold can measure Dateline without the shared tree:
- statements match when their content spans overlap with character Jaccard >= 0.5;
- events match in the same paragraph with the same type (gold may list alternatives);
- figures match on overlapping spans with an equal value; places and times on overlap;
matching is one-to-one, best score first, and gold items marked `optional` count neither
as misses nor, when predicted, as errors. Attribute accuracies are taken over matches.
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from .errors import GoldError

LAYERS = ("statements", "events", "figures", "places", "times")
PRONOUNS = {"he", "she", "they", "it", "we", "i"}


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


def match(golds: list[dict], preds: list[dict], score: Callable[[dict, dict], float | None]):
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


def _attributed(item: dict) -> str | None:
    return item.get("attributed_to", item.get("source"))


def score_document(gold: dict, record: dict, tallies: dict[str, Tally]) -> list[str]:
    """Add one gold/record pair to the tallies; return span errors found in the record."""
    text = record["document"]["text"]
    entity_names = {e["id"]: [e.get("name")] for e in record.get("entities", [])}
    place_names = {p["id"]: [p.get("name")] for p in record.get("places", [])}

    golds, preds = gold["statements"], record.get("statements", [])
    pairs, used = match(golds, preds, lambda g, p: (j if (j := jaccard(g["content"], p["content"])) >= 0.5 else None))
    tally = tallies["statements"]
    tally.add_matches(golds, preds, pairs, used)
    statement_of = {g["id"]: p.get("id") for g, p in pairs}
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

    golds, preds = gold["events"], record.get("events", [])

    def event_score(g: dict, p: dict) -> float | None:
        if p.get("type") not in [g["type"]] + g.get("type_alt", []):
            return None
        trigger = p["trigger"]
        if not g["paragraph"]["start"] <= trigger["start"] < g["paragraph"]["end"]:
            return None
        return 1.0 + jaccard(g["trigger"], trigger)

    pairs, used = match(golds, preds, event_score)
    tally = tallies["events"]
    tally.add_matches(golds, preds, pairs, used)
    for g, p in pairs:
        if g.get("optional"):
            continue
        if g["actors"]:
            tally.check("actor", any(names_match(g["actors"], entity_names.get(a, [])) for a in p.get("actors", [])))
        if g["places"]:
            tally.check("place", any(names_match(g["places"], place_names.get(a, [])) for a in p.get("places", [])))
        tally.check("factuality", p.get("factuality") == g["factuality"])
        if _attributed(g) in statement_of:
            tally.check("attribution", p.get("attributed_to") == statement_of[_attributed(g)])

    golds, preds = gold["figures"], record.get("figures", [])

    def figure_score(g: dict, p: dict) -> float | None:
        if not overlaps(g, p) or g.get("value") is not None and p.get("value") != g["value"]:
            return None
        return jaccard(g, p)

    pairs, used = match(golds, preds, figure_score)
    tally = tallies["figures"]
    tally.add_matches(golds, preds, pairs, used)
    for g, p in pairs:
        if g.get("optional"):
            continue
        tally.check("category", p.get("category") == g["category"])
        tally.check("qualifier", p.get("qualifier") == g["qualifier"])
        if _attributed(g) in statement_of:
            tally.check("attribution", p.get("attributed_to") == statement_of[_attributed(g)])

    golds = gold["places"]
    preds = [{"start": m["start"], "end": m["end"], "lat": pl.get("lat"), "lon": pl.get("lon")}
             for pl in record.get("places", []) for m in pl.get("mentions", [])]
    pairs, used = match(golds, preds, lambda g, p: jaccard(g, p) if overlaps(g, p) else None)
    tally = tallies["places"]
    tally.add_matches(golds, preds, pairs, used)
    for g, p in pairs:
        if g.get("optional") or g.get("lat") is None:
            continue
        km = haversine_km((g["lat"], g["lon"]), (p["lat"], p["lon"])) if p.get("lat") is not None else None
        tally.check("acc161", km is not None and km <= 161)
        if km is not None:
            tally.km_sum += km
            tally.km_n += 1

    golds, preds = gold["times"], record.get("times", [])
    pairs, used = match(golds, preds, lambda g, p: jaccard(g, p) if overlaps(g, p) else None)
    tally = tallies["times"]
    tally.add_matches(golds, preds, pairs, used)
    for g, p in pairs:
        if not g.get("optional"):
            tally.check("value", str(p.get("value")) == str(g["value"]))

    errors = []
    for layer in ("statements", "figures", "times"):
        for item in record.get(layer, []):
            span = item.get("content") if layer == "statements" else item
            if text[span["start"]:span["end"]] != span.get("text", text[span["start"]:span["end"]]):
                errors.append(f"{layer} {item.get('id')}: span text does not match document.text")
    return errors


def score(pairs: Iterable[tuple[dict, dict]]) -> dict[str, Any]:
    """Micro-averaged report over (gold, record) pairs, in the shape score.py --json prints."""
    tallies = {layer: Tally() for layer in LAYERS}
    errors: list[str] = []
    for gold, record in pairs:
        errors += score_document(gold, record, tallies)
    report: dict[str, Any] = {layer: tallies[layer].report() for layer in LAYERS}
    report["mean_f1"] = round(sum(report[layer]["f1"] for layer in LAYERS) / len(LAYERS), 3)
    if errors:
        report["span_errors"] = errors[:20]
    return report


def format_report(report: dict[str, Any]) -> str:
    lines = []
    for layer in LAYERS:
        r = report[layer]
        extra = " ".join(f"{k}={v}" for k, v in r.items() if k not in ("precision", "recall", "f1", "tp", "fp", "fn"))
        lines.append(f"{layer:11s} P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f} "
                     f"(tp={r['tp']} fp={r['fp']} fn={r['fn']}) {extra}".rstrip())
    for err in report.get("span_errors", []):
        lines.append(f"span error: {err}")
    lines.append(f"mean_f1={report['mean_f1']}")
    return "\n".join(lines)


def load_gold(path: str | Path) -> dict[str, Any]:
    try:
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise GoldError(f"cannot read gold file {path}: {e}") from e
    missing = [k for k in ("document", *LAYERS) if k not in gold]
    if missing or "text" not in gold.get("document", {}):
        raise GoldError(f"{path} is not a gold record: missing {', '.join(missing) or 'document.text'}")
    return gold


def load_documents(path: str | Path) -> list[dict[str, Any]]:
    """Benchmark documents, one JSON object per line, each with `text` and `spans`."""
    docs = []
    try:
        lines = Path(path).read_text(encoding="utf-8").split("\n")  # not splitlines: texts hold U+2028
    except OSError as e:
        raise GoldError(f"cannot read {path}: {e.strerror}") from e
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
        except ValueError as e:
            raise GoldError(f"{path}:{n}: not JSON ({e})") from e
        if not isinstance(doc, dict) or "text" not in doc or "spans" not in doc:
            raise GoldError(f"{path}:{n}: a document needs 'text' and 'spans'")
        docs.append(doc)
    return docs
