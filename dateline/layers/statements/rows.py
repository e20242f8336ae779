"""Statements in the store: one row each, with the speaker's resolved name beside the words."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..base import Flat, Row, sentence_columns

FLAT = Flat("statements", view="statement_rows", order="published, doc, length(id), id")


def rows(key: str, record: dict[str, Any]) -> Iterator[Row]:
    names = {e["id"]: e["name"] for e in record["entities"]}
    for s in record["statements"]:
        speaker = s.get("speaker") or {}
        yield "statements", {
            "doc": key, "id": s["id"], "speaker_entity": speaker.get("entity"),
            "speaker": names.get(speaker.get("entity")) or speaker.get("text"), "speaker_text": speaker.get("text"),
            "cue": s["cue"]["text"], "kind": s["kind"], "stance": s["stance"], "channel": s.get("channel"),
            "content": s["content"]["text"], "content_start": s["content"]["start"],
            "content_end": s["content"]["end"], "time": s.get("time"), **sentence_columns(s)}
