"""Relative times inside what someone said count from when it was said.

"'We will leave tonight,' the envoy said on Sunday" in a Tuesday paper means Sunday night.
The times stage counts every "tonight" from the publication date, because it reads before
the statements exist; this stage comes after them and, for a statement whose `time` is a
day other than the publication date, gives the deictic expressions of its content ("today",
"tonight", "yesterday", "on Monday", "this week", "two days ago") their value from that day.
Anaphoric expressions ("the next day") already count from the latest date mentioned.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

from spacy.tokens import Doc

from ..base import Context, stage
from .anchor import Anchor
from .lexicon import lexicon
from .stage import tense_of

DEICTIC_SHAPES = {"deictic", "weekday", "relative", "ago", "weekend"}
DAY = re.compile(r"\d{4}-\d\d-\d\d")


@stage("quoted_times", requires=("times", "statements"), provides=("times",), resources=(lexicon,))
def anchor_quoted_times(doc: Doc, record: dict[str, Any], context: Context) -> dict[str, Any]:
    times = [dict(t) for t in record["times"]]
    published = record["document"].get("published")
    if not times or context.settings.anchoring != "news":
        return {"times": times}
    by_start = {t["start"]: t for t in times}
    by_id = {t["id"]: t for t in times}
    text = record["document"]["text"]
    lex = context.get(lexicon)
    for statement in record["statements"]:
        said = by_id.get(statement.get("time") or "")
        if said is None or not DAY.match(str(said["value"] or "")):
            continue
        day = dt.date.fromisoformat(said["value"][:10])
        if published and day == dt.date.fromisoformat(published[:10]):
            continue
        content = statement["content"]
        anchor = Anchor(lex.grammar, day, mode="news", day_first=context.settings.day_first)
        for mention in lex.grammar.find(text[content["start"]:content["end"]]):
            start = content["start"] + mention.start
            time = by_start.get(start)
            if time is None or mention.shape not in DEICTIC_SHAPES or time is said:
                continue
            if mention.shape == "relative" and mention.parts["direction"].lower() in ("previous", "following",
                                                                                      "same", "that"):
                continue  # anaphoric: counts from the latest date, not from the day it was said
            span = doc.char_span(start, start + len(mention.text), alignment_mode="expand")
            moved = type(mention)(mention.shape, start, start + len(mention.text), mention.text, mention.parts)
            resolved = anchor.resolve(moved, tense_of(span, lex) if span is not None else None)
            if resolved is not None and resolved.type == time["type"]:
                time["value"] = resolved.value
    return {"times": times}
