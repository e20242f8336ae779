"""Event coding scored on PLOVER gold sentences (../shared/benchmarks/events/plover-gsr/).

Each record is one sentence coded with one PLOVER event, its source and target actors.
The gold uses PLOVER 0.6 names; they are mapped to the contract's: DEMAND → REQUEST,
DISAPPROVE → ACCUSE, FIGHT → ASSAULT, and INVESTIGATE → ACCUSE (mode `investigate`, as
PLOVER's own CAMEO table of 2021 codes it). Dateline codes every event of the sentence;
the one compared is its main event: the one whose trigger stands highest in the parse
(nearest the root; the earlier one on a tie), so "Iran threatened to shell Iraqi towns" is
compared as THREATEN, not as the shelling it threatens.

- type accuracy: the main event's type is the gold type (a sentence with no event is a miss);
- any-type accuracy: some event of the sentence has the gold type;
- source and target match: among sentences whose main event has the gold type, one of its
  actors (targets) is named by one of the gold source (target) texts: a mention of the
  entity contains the gold text or is contained in it.
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

TYPE_MAP = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}


def load(path: str | Path) -> list[dict[str, Any]]:
    rows = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").split("\n"), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                raise ValueError(f"{path}:{n}: not JSON ({e.msg})") from e
    return rows


def gold_type(row: dict[str, Any]) -> str:
    return TYPE_MAP.get(row["event"], row["event"])


@dataclass
class EventTally:
    n: int = 0
    typed: int = 0
    any_typed: int = 0
    no_event: int = 0
    source_n: int = 0
    source_ok: int = 0
    target_n: int = 0
    target_ok: int = 0
    confusion: Counter = field(default_factory=Counter)

    def add(self, row: dict[str, Any], record: dict[str, Any], doc: Doc) -> None:
        self.n += 1
        wanted = gold_type(row)
        events = record.get("events", [])
        if not events:
            self.no_event += 1
            self.confusion[(wanted, None)] += 1
            return
        main = main_event(events, doc)
        self.confusion[(wanted, main["type"])] += 1
        self.any_typed += any(e["type"] == wanted for e in events)
        if main["type"] != wanted:
            return
        self.typed += 1
        mentions = {e["id"]: [m["text"] for m in e.get("mentions", [])] + [e["name"]] for e in record.get("entities", [])}
        if isinstance(row.get("source"), list) and row["source"]:
            self.source_n += 1
            self.source_ok += _named(row["source"], main["actors"], mentions)
        if isinstance(row.get("target"), list) and row["target"]:  # a few records hold a stray string
            self.target_n += 1
            self.target_ok += _named(row["target"], main["targets"], mentions)

    def report(self) -> dict[str, Any]:
        def share(a: int, b: int) -> float | None:
            return round(a / b, 3) if b else None

        return {"sentences": self.n, "type_accuracy": share(self.typed, self.n),
                "any_type_accuracy": share(self.any_typed, self.n), "no_event": self.no_event,
                "source_match": share(self.source_ok, self.source_n), "source_n": self.source_n,
                "target_match": share(self.target_ok, self.target_n), "target_n": self.target_n,
                "confusions": [f"{g}->{p}: {c}" for (g, p), c in self.confusion.most_common() if g != p][:12]}


def main_event(events: list[dict[str, Any]], doc: Doc) -> dict[str, Any]:
    def depth(event: dict[str, Any]) -> int:
        span = doc.char_span(event["trigger"]["start"], event["trigger"]["end"], alignment_mode="expand")
        token = span.root if span is not None else doc[0]
        steps = 0
        while token.head != token and steps < 50:
            token, steps = token.head, steps + 1
        return steps

    return min(events, key=lambda e: (depth(e), e["trigger"]["start"]))


def _named(gold_actors: list[dict[str, Any]], ids: list[str], mentions: dict[str, list[str]]) -> bool:
    texts = [a.get("actorText", "").lower() for a in gold_actors if a.get("actorText")]
    for entity in ids:
        for m in mentions.get(entity, []):
            m = m.lower()
            if any(t and (t in m or m in t) for t in texts):
                return True
    return False


def evaluate(rows: Iterable[dict[str, Any]], records: Iterable[dict[str, Any]], docs: Iterable[Doc]) -> EventTally:
    tally = EventTally()
    for row, record, doc in zip(rows, records, docs, strict=True):
        tally.add(row, record, doc)
    return tally


def format_report(report: dict[str, Any]) -> str:
    if not report["sentences"]:
        return "PLOVER-GSR: no sentences"
    return (f"PLOVER-GSR {report['sentences']} sentences: type accuracy {report['type_accuracy']:.3f} "
            f"(any event of the sentence: {report['any_type_accuracy']:.3f}; no event: {report['no_event']}); "
            f"source match {report['source_match']} of {report['source_n']}, "
            f"target match {report['target_match']} of {report['target_n']} (among correctly typed)\n"
            f"most frequent confusions (gold->predicted): {', '.join(report['confusions'])}")
