"""The document record of ../shared/contract: building it, ids, JSON, schema validation."""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

from .errors import EmptyInput, MetadataError, NotText
from .lexicon import data_path

SCHEMA_ID = "dateline.document/1"
LAYERS = ("entities", "places", "times", "statements", "events", "figures")


@dataclass(frozen=True)
class Article:
    """What every reader hands to the pipeline: a text and what is known about it."""

    text: str
    id: str | None = None
    url: str | None = None
    source: str | None = None
    title: str | None = None
    published: str | None = None


def normalise_text(text: str) -> str:
    """Line endings to \\n and no byte-order mark; nothing else in the text is rewritten."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def text_from_bytes(data: bytes, name: str = "input") -> str:
    """Decode an article's bytes, refusing what is not text with a message that says why."""
    if b"\x00" in data[:65536]:
        raise NotText(f"{name} looks binary (it contains NUL bytes); Dateline reads UTF-8 text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise NotText(f"{name} is not UTF-8 text (byte 0x{data[e.start]:02x} at offset {e.start})") from e
    controls = sum(1 for c in text[:65536] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > max(8, len(text[:65536]) // 100):
        raise NotText(f"{name} looks binary ({controls} control characters); Dateline reads UTF-8 text")
    return normalise_text(text)


def content_key(text: str) -> str:
    """sha256 of the text with its whitespace normalised: the same article read from a feed,
    a page and an archive has the same key, whatever line breaks each source put in it."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def document_id(text: str) -> str:
    """Stable id: the first 16 hex digits of the text's content key."""
    return content_key(text)[:16]


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}$")


def check_published(value: str | None) -> str | None:
    """An ISO date (YYYY-MM-DD) or ISO timestamp, returned as given; anything else is an error."""
    if value is None or value == "":
        return None
    value = value.strip()
    try:
        if _DATE.match(value):
            dt.date.fromisoformat(value)
        else:
            dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
            if not re.match(r"\d{4}-\d{2}-\d{2}T", value):
                raise ValueError
    except ValueError:
        raise MetadataError(
            f"publication date '{value}' is not an ISO date: use YYYY-MM-DD or a timestamp like 2024-12-07T14:30:00Z"
        ) from None
    return value


def new_record(article: Article) -> dict[str, Any]:
    """A record with the document filled from the article and every layer empty."""
    text = normalise_text(article.text)
    if not text.strip():
        raise EmptyInput("the text is empty")
    return {
        "schema": SCHEMA_ID,
        "document": {
            "id": article.id or document_id(text),
            "url": article.url,
            "source": article.source,
            "title": article.title,
            "published": check_published(article.published),
            "dateline": None,
            "language": None,
            "text": text,
        },
        **{layer: [] for layer in LAYERS},
    }


def to_json(record: dict[str, Any], indent: int | None = 1) -> str:
    return json.dumps(record, ensure_ascii=False, indent=indent)


@functools.cache
def schema() -> dict[str, Any]:
    return json.loads(data_path("schema/document.schema.json").read_text(encoding="utf-8"))


@functools.cache
def _validator():
    from jsonschema import Draft202012Validator

    return Draft202012Validator(schema())


def validation_errors(record: dict[str, Any]) -> list[str]:
    """Where the record breaks the contract: the schema, and spans that do not index the text."""
    problems = [f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}"
                for e in _validator().iter_errors(record)]
    if problems:
        return problems  # spans are only checked in a record of the right shape
    text = record["document"]["text"]
    for layer, item, span in iter_spans(record):
        if text[span["start"]:span["end"]] != span["text"]:
            problems.append(f"{layer} {item.get('id')}: span {span['start']}:{span['end']} is not {span['text']!r}")
    return problems


def iter_spans(record: dict[str, Any]):
    """Every (layer, item, span) in the record whose text must equal document.text[start:end]."""
    for ent in record.get("entities", []):
        for m in ent.get("mentions", []):
            yield "entities", ent, m
    for place in record.get("places", []):
        for m in place.get("mentions", []):
            yield "places", place, m
    for layer in ("times", "figures"):
        for item in record.get(layer, []):
            yield layer, item, item
    for st in record.get("statements", []):
        yield "statements", st, st["cue"]
        yield "statements", st, st["content"]
        sp = st.get("speaker") or {}
        if sp.get("start") is not None:
            yield "statements", st, {"start": sp["start"], "end": sp["end"], "text": sp.get("text")}
    for ev in record.get("events", []):
        yield "events", ev, ev["trigger"]


def span(text: str, start: int, end: int) -> dict[str, Any]:
    return {"start": start, "end": end, "text": text[start:end]}
