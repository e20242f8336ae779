"""The document record of ../shared/contract: building it, ids, JSON, schema validation."""
from __future__ import annotations

import codecs
import datetime as dt
import email.utils
import functools
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .errors import DatelineError, EmptyInput, MetadataError, NotText
from .resources import DATA

SCHEMA_ID = "dateline.document/1"


@dataclass(frozen=True)
class Article:
    """What every reader hands to the pipeline: a text and what is known about it."""

    text: str
    id: str | None = None
    url: str | None = None
    source: str | None = None
    title: str | None = None
    published: str | dt.date | None = None  # a datetime.date or datetime.datetime is written as ISO


def normalise_text(text: str) -> str:
    """Line endings to \\n and no byte-order mark; nothing else in the text is rewritten."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


# A byte-order mark says which of these the bytes are in; UTF-32's marks begin with UTF-16's,
# so they are looked for first. Without a mark, the bytes must be UTF-8.
MARKS = ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
         (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"))


def text_from_bytes(data: bytes, name: str = "input") -> str:
    """Decode an article's bytes (UTF-8, or UTF-16 or UTF-32 with a byte-order mark),
    refusing what is not text with a message that says why."""
    encoding = next((enc for mark, enc in MARKS if data.startswith(mark)), None)
    if encoding is None and b"\x00" in data:  # anywhere: a NUL past the first bytes is no less binary
        raise NotText(f"{name} looks binary (it contains NUL bytes); Dateline reads UTF-8 text")
    try:
        text = data.decode(encoding.lower() if encoding else "utf-8-sig")  # the codecs drop the mark
    except UnicodeDecodeError as e:
        raise NotText(f"{name} is not {encoding or 'UTF-8'} text (byte 0x{data[e.start]:02x} at offset {e.start})"
                      ) from e
    if encoding and "\x00" in text:
        raise NotText(f"{name} looks binary (it contains NUL characters at offset {text.index(chr(0))})")
    controls = sum(1 for c in text[:65536] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > max(8, len(text[:65536]) // 100):
        raise NotText(f"{name} looks binary ({controls} control characters); Dateline reads UTF-8 text")
    return normalise_text(text)


def check_text(text: object, name: str = "text") -> str:
    """`text` as given when it is a str that can be stored and indexed; NotText naming it otherwise.

    A lone surrogate is refused, not replaced: a replaced character would make the record's
    text differ from the text given without a word, and UTF-8 (the store, JSON) cannot hold it.
    """
    if not isinstance(text, str):
        hint = "; decode it first (Dateline reads UTF-8)" if isinstance(text, (bytes, bytearray)) else ""
        raise NotText(f"{name} must be a str, not {type(text).__name__}{hint}")
    _refuse_non_text(text, name, NotText)
    return text


def check_field(value: object, name: str) -> str | None:
    """A metadata value (id, url, source, title) as given: None or a str of Unicode text."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise MetadataError(f"{name} must be a str, not {type(value).__name__}")
    _refuse_non_text(value, name, MetadataError)
    return value


def _refuse_non_text(value: str, name: str, error: type[DatelineError]) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as e:
        raise error(f"{name} holds a lone surrogate (\\u{ord(value[e.start]):04x} at offset {e.start}): it is not "
                    "valid Unicode text") from None
    if "\x00" in value:
        raise error(f"{name} holds a NUL character (at offset {value.index(chr(0))}): it is not text")


def content_key(text: str) -> str:
    """sha256 of the text with its whitespace normalised: the same article read from a feed,
    a page and an archive has the same key, whatever line breaks each source put in it."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def document_id(text: str) -> str:
    """Stable id: the first 16 hex digits of the text's content key."""
    return content_key(text)[:16]


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}$")


def check_published(value: str | dt.date | None) -> str | None:
    """An ISO date (YYYY-MM-DD) or ISO timestamp, returned as given; a timestamp with a
    space for its "T", an RFC 2822 date (of RSS and e-mail), a datetime.date or a
    datetime.datetime, returned in ISO; anything else is an error."""
    if isinstance(value, dt.date):  # a datetime is a date too
        return value.isoformat()
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise MetadataError(f"published must be an ISO date (YYYY-MM-DD), an ISO timestamp, a datetime.date or a "
                            f"datetime.datetime, not {type(value).__name__}")
    value = value.strip()
    try:
        if _DATE.match(value):
            dt.date.fromisoformat(value)
        else:
            parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
            if re.match(r"\d{4}-\d{2}-\d{2} \d", value):
                return parsed.isoformat()  # "2024-12-07 14:30:00+02:00", as databases export it
            if not re.match(r"\d{4}-\d{2}-\d{2}T", value):
                raise ValueError
    except ValueError:
        try:  # the date of an RSS item or an e-mail: "Mon, 10 Mar 2025 20:00:00 GMT"
            return email.utils.parsedate_to_datetime(value).isoformat()
        except (TypeError, ValueError):
            pass
        raise MetadataError(
            f"publication date '{value}' is not an ISO date: use YYYY-MM-DD, a timestamp like 2024-12-07T14:30:00Z "
            "or an RFC 2822 date like 'Sat, 07 Dec 2024 14:30:00 GMT'"
        ) from None
    return value


def new_record(article: Article, pipeline: dict[str, str] | None = None) -> dict[str, Any]:
    """A record with the document filled from the article and every layer empty; `pipeline`
    says what makes it (the versions of Dateline, its data files and the model)."""
    text = normalise_text(check_text(article.text))
    if not text.strip():
        raise EmptyInput("the text is empty")
    return {
        "schema": SCHEMA_ID,
        **({"pipeline": dict(pipeline)} if pipeline else {}),
        "document": {
            "id": check_field(article.id, "id") or document_id(text),
            "url": check_field(article.url, "url"),
            "source": check_field(article.source, "source"),
            "title": check_field(article.title, "title"),
            "published": check_published(article.published),
            "dateline": None,
            "language": None,
            "text": text,
        },
        **{layer: [] for layer in layers()},
    }


def to_json(record: dict[str, Any], indent: int | None = 1) -> str:
    return json.dumps(record, ensure_ascii=False, indent=indent)


@functools.cache  # the contract: the same for every pipeline
def schema() -> dict[str, Any]:
    return json.loads((DATA / "schema" / "document.schema.json").read_text(encoding="utf-8"))


@functools.cache  # read for every new record
def layers() -> tuple[str, ...]:
    """The record's layers: the lists the contract requires beside `document`."""
    s = schema()
    return tuple(k for k in s["required"] if s["properties"][k].get("type") == "array")


@functools.cache
def enum(layer: str, prop: str) -> tuple[str, ...]:
    """The values the contract allows for a property of a layer's items: enum("events", "type")."""
    item = schema()["properties"][layer]["items"]
    for part in [item, *item.get("allOf", [])]:
        if prop in part.get("properties", {}):
            return tuple(part["properties"][prop]["enum"])
    raise KeyError(f"{layer}.{prop} has no enum in the contract")


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


def iter_spans(record: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any], dict[str, Any]]]:
    """Every (layer, item, span) in the record whose text must equal document.text[start:end]:
    anything in a layer with a whole-number start and end and a text (mentions, cues,
    contents, triggers, times, figures, a speaker written in the text)."""
    for layer, items in record.items():
        if layer in ("schema", "document") or not isinstance(items, list):
            continue
        for item in items:
            for found in _spans_in(item):
                yield layer, item, found


def _spans_in(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, dict):
        if isinstance(value.get("start"), int) and isinstance(value.get("end"), int) and isinstance(value.get("text"), str):
            yield value
        for child in value.values():
            if isinstance(child, (dict, list)):
                yield from _spans_in(child)
    elif isinstance(value, list):
        for child in value:
            yield from _spans_in(child)


def span(text: str, start: int, end: int) -> dict[str, Any]:
    return {"start": start, "end": end, "text": text[start:end]}
