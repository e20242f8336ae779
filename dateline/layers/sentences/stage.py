"""Each statement, event and figure points at the sentence(s) that hold it.

The record's spans say exactly which words carry an item; analysts also want the sentence
to read it in (the "source sentence" column of an events table, the line a web page
scrolls to). The parse already knows the sentences, so this is read here, once, rather
than guessed later from the text.
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Any

from spacy.tokens import Doc

from ...syntax import text_of
from ..base import Context, stage


class Sentences:
    """Character extents of a Doc's sentences, looked up by bisection."""

    def __init__(self, doc: Doc):
        self.text = text_of(doc)
        sents = list(doc.sents)
        self.starts = [s.start_char for s in sents]
        self.ends = [s.end_char for s in sents]

    def covering(self, start: int, end: int) -> dict[str, int]:
        """From the start of the sentence holding `start` to the end of the one holding
        `end - 1`, trailing whitespace left out."""
        first = max(0, bisect_right(self.starts, start) - 1)
        last = max(first, bisect_right(self.starts, max(start, end - 1)) - 1)
        begin, finish = self.starts[first], self.ends[last]
        while finish > begin and self.text[finish - 1].isspace():
            finish -= 1
        return {"start": min(begin, start), "end": max(finish, end)}


def _extent(item: dict[str, Any], *keys: str) -> tuple[int, int]:
    spans = [item[k] for k in keys if item.get(k) and item[k].get("start") is not None]
    return min(s["start"] for s in spans), max(s["end"] for s in spans)


@stage("sentences", requires=("statements", "events", "figures"), provides=("statements", "events", "figures"))
def mark_sentences(doc: Doc, record: dict[str, Any], context: Context) -> dict[str, Any]:
    sentences = Sentences(doc)
    for st in record["statements"]:
        st["sentence"] = sentences.covering(*_extent(st, "cue", "content", "speaker"))
    for ev in record["events"]:
        ev["sentence"] = sentences.covering(ev["trigger"]["start"], ev["trigger"]["end"])
    for fig in record["figures"]:
        fig["sentence"] = sentences.covering(fig["start"], fig["end"])
    return {name: record[name] for name in ("statements", "events", "figures")}
