"""Scoring records against hand-made gold, by the rules of ../shared/contract/README.md.

The rules are those of the project's reference scorer (../shared/tools/score.py), written
out here so that a user with their own gold can measure Dateline without the shared tree.
Each layer scores itself (its `score.py`), in reading order, statements first, since events
and figures are checked against the statements they are attributed to; matching is
one-to-one, best score first, and gold items marked `optional` count neither as misses
nor, when predicted, as errors. Attribute accuracies are taken over matches.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..layers import reading_order
from ..record import iter_spans, layers as contract_layers
from . import files
from ..layers.scoring import Matches, Tally


def scored_layers() -> tuple[str, ...]:
    return tuple(layer.name for layer in reading_order() if layer.score is not None)


def score_document(gold: dict, record: dict, tallies: dict[str, Tally]) -> list[str]:
    """Add one gold/record pair to the tallies (a layer the gold does not annotate is not
    scored); return span errors found in the record."""
    matches: Matches = {}
    for layer in reading_order():
        if layer.score is not None and layer.name in gold:
            layer.score(gold, record, tallies[layer.name], matches)
    text = record["document"]["text"]
    return [f"{layer} {item.get('id')}: span text does not match document.text"
            for layer, item, span in iter_spans(record) if text[span["start"]:span["end"]] != span["text"]]


def score(pairs: Iterable[tuple[dict, dict]]) -> dict[str, Any]:
    """Micro-averaged report over (gold, record) pairs, in the shape score.py --json prints."""
    tallies = {layer: Tally() for layer in scored_layers()}
    annotated: set[str] = set()
    errors: list[str] = []
    for gold, record in pairs:
        errors += score_document(gold, record, tallies)
        annotated.update(gold)
    layers = [layer for layer in tallies if layer in annotated]
    report: dict[str, Any] = {layer: tallies[layer].report() for layer in layers}
    report["mean_f1"] = round(sum(report[layer]["f1"] for layer in layers) / len(layers), 3)
    if errors:
        report["span_errors"] = errors[:20]
    return report


def format_report(report: dict[str, Any]) -> str:
    lines = []
    for layer in (layer for layer in scored_layers() if layer in report):
        r = report[layer]
        extra = " ".join(f"{k}={v}" for k, v in r.items() if k not in ("precision", "recall", "f1", "tp", "fp", "fn"))
        lines.append(f"{layer:11s} P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f} "
                     f"(tp={r['tp']} fp={r['fp']} fn={r['fn']}) {extra}".rstrip())
    for err in report.get("span_errors", []):
        lines.append(f"span error: {err}")
    lines.append(f"mean_f1={report['mean_f1']}")
    return "\n".join(lines)


def load_gold(path: str | Path) -> dict[str, Any]:
    """A gold file with the items of every layer the contract scores (a layer added to
    Dateline is scored where a gold file annotates it)."""
    return files.load_gold(path, tuple(name for name in scored_layers() if name in contract_layers()))
