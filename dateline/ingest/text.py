"""Plain text files: the whole file is one article."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..record import Article, text_from_bytes
from .source import MAX_SOURCE_BYTES, Found, Item, Problem, ReadOptions, load, reason


def read(source: Path | bytes, origin: str, options: ReadOptions) -> Iterator[Item]:
    try:
        text = text_from_bytes(load(source, origin, MAX_SOURCE_BYTES), origin)
    except (InputError, OSError) as e:
        yield Problem(origin, reason(e))
        return
    if not text.strip():
        yield Problem(origin, "the text is empty")
        return
    url = origin if origin.startswith(("http://", "https://")) else None
    yield Found(Article(text=text, url=url), origin, "text")
