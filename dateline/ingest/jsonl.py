"""JSON Lines: one article per line, a `text` field and optional metadata.

Known fields (`id`, `url`, `source`, `title`, `published`, or `date` for it) fill the
Article; any other field (a licence, a story slug, a byline) is kept as the source's
metadata. A line that is not a JSON object with a non-empty text is reported and skipped;
a file without a single line of JSON (empty, or blank lines only) is reported.
"""
from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import EmptyInput, MetadataError, NotText, TooLarge
from ..record import Article, check_published, normalise_text
from .source import Found, Item, Problem, ReadOptions

FIELDS = ("id", "url", "source", "title", "published")
MAX_LINE_BYTES = 64 * 2**20


def read(source: Path | bytes, origin: str, options: ReadOptions) -> Iterator[Item]:
    try:
        stream = io.BytesIO(source) if isinstance(source, bytes) else source.open("rb")
    except OSError as e:
        yield Problem(origin, f"cannot read: {e.strerror}")
        return
    with stream:
        number = 0
        written = 0  # lines that are not blank
        while True:
            try:
                raw = stream.readline(MAX_LINE_BYTES + 1)
            except OSError as e:
                yield Problem(origin, f"cannot read: {e.strerror}", f"line {number + 1}")
                return
            if not raw:
                break
            number += 1
            if len(raw) > MAX_LINE_BYTES:
                yield Problem(origin, f"longer than {MAX_LINE_BYTES} bytes; the rest of the file is not read",
                              f"line {number}", TooLarge.code)
                return
            if raw.strip():
                written += 1
                yield _article(raw, origin, f"line {number}")
        if not written:
            yield Problem(origin, "no JSON lines: the file is empty" + (" but for blank lines" if number else ""),
                          code=EmptyInput.code)


def _article(raw: bytes, origin: str, locator: str) -> Item:
    try:
        row = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as e:
        return Problem(origin, f"not UTF-8 (byte 0x{raw[e.start]:02x})", locator, NotText.code)
    except ValueError as e:
        return Problem(origin, f"not JSON ({e})", locator)
    except RecursionError:
        return Problem(origin, "JSON nested too deeply to be an article", locator)
    if not isinstance(row, dict):
        return Problem(origin, f"a JSON {type(row).__name__}, not an object with a text field", locator)
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        return Problem(origin, "no text: each line needs a non-empty string field 'text'", locator)
    if "published" not in row and "date" in row:
        row["published"] = row.pop("date")
    meta: dict[str, Any] = {k: v for k, v in row.items() if k not in FIELDS and k != "text"}
    values = {}
    for name in FIELDS:
        value = row.get(name)
        if value is not None and not isinstance(value, str):
            return Problem(origin, f"field '{name}' must be a string, not {type(value).__name__}", locator)
        values[name] = value or None
    try:
        values["published"] = check_published(values["published"])
    except MetadataError as e:
        return Problem(origin, str(e.args[0]), locator, e.code)
    return Found(Article(text=normalise_text(text), **values), origin, "jsonl", locator, meta)
