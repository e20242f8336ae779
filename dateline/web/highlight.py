"""An article's text cut into runs that each carry the layers covering them.

Layers overlap (a figure inside a quote, an event trigger inside reported speech), so the
text is cut at every span boundary and each run lists every mark over it; the page gives
each kind of mark its own style property, so they show together. The text is never
changed: joining the runs gives it back exactly.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

# mark kinds, in the order their classes are written
KINDS = ("speaker", "cue", "content", "trigger", "figure", "place", "time")


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # one of KINDS
    item: str  # the record id it belongs to: S1, V2, F3, P1, T4


@dataclass(frozen=True)
class Run:
    text: str
    start: int
    marks: tuple[Mark, ...]
    focus: bool  # inside the sentence the reader came to see

    @property
    def classes(self) -> str:
        kinds = {m.kind for m in self.marks}
        names = [k for k in KINDS if k in kinds] + (["focus"] if self.focus else [])
        return " ".join(names)

    @property
    def items(self) -> str:
        return " ".join(dict.fromkeys(m.item for m in self.marks))


def marks(record: dict[str, Any]) -> list[Mark]:
    """Every span of the record's layers that the article view shows."""
    found: list[Mark] = []

    def add(span: dict[str, Any] | None, kind: str, item: str) -> None:
        if span and span.get("start") is not None and span.get("end") is not None and span["end"] > span["start"]:
            found.append(Mark(span["start"], span["end"], kind, item))

    for s in record.get("statements", []):
        add(s.get("speaker"), "speaker", s["id"])
        add(s.get("cue"), "cue", s["id"])
        add(s.get("content"), "content", s["id"])
    for e in record.get("events", []):
        add(e.get("trigger"), "trigger", e["id"])
    for f in record.get("figures", []):
        add(f, "figure", f["id"])
    for p in record.get("places", []):
        for mention in p.get("mentions", []):
            add(mention, "place", p["id"])
    for t in record.get("times", []):
        add(t, "time", t["id"])
    return found


def item_sentence(record: dict[str, Any], item: str | None) -> tuple[int, int] | None:
    """The sentence span of a statement, event or figure, to show the reader where it is."""
    if not item:
        return None
    for layer in ("statements", "events", "figures"):
        for x in record.get(layer, []):
            if x.get("id") == item and x.get("sentence"):
                return x["sentence"]["start"], x["sentence"]["end"]
    return None


def anchors(record: dict[str, Any]) -> dict[int, list[str]]:
    """Where each statement's, event's and figure's sentence starts: a link to #S1 lands there."""
    found: dict[int, list[str]] = {}
    for layer in ("statements", "events", "figures"):
        for x in record.get(layer, []):
            if x.get("sentence"):
                found.setdefault(x["sentence"]["start"], []).append(x["id"])
    return found


def runs(text: str, found: list[Mark], focus: tuple[int, int] | None = None, cuts: Iterable[int] = ()) -> list[Run]:
    """The text cut at every mark boundary, the focus sentence's and the `cuts` asked for;
    each run with the marks that cover it."""
    n = len(text)
    points_set = {0, n, *(max(0, min(c, n)) for c in cuts)}
    for m in found:
        points_set.update((max(0, min(m.start, n)), max(0, min(m.end, n))))
    if focus:
        points_set.update((max(0, min(focus[0], n)), max(0, min(focus[1], n))))
    points = sorted(points_set)
    by_start = sorted(found, key=lambda m: (m.start, m.end))
    active: list[Mark] = []
    i = 0
    result = []
    for start, end in zip(points, points[1:]):
        while i < len(by_start) and by_start[i].start <= start:
            active.append(by_start[i])
            i += 1
        active = [m for m in active if m.end > start]
        covering = tuple(m for m in active if m.start <= start and m.end >= end)
        in_focus = bool(focus and focus[0] <= start and end <= focus[1])
        result.append(Run(text[start:end], start, covering, in_focus))
    return result
