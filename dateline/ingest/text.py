"""Plain text files: the whole file is one article."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import EmptyInput, InputError, SourceError
from ..record import Article, text_from_bytes
from .source import Found, Item, Problem, ReadOptions, code_of, load, reason


def read(source: Path | bytes, origin: str, options: ReadOptions) -> Iterator[Item]:
    try:
        text = text_from_bytes(load(source, origin), origin)
    except (InputError, OSError) as e:
        yield Problem(origin, reason(e), code=code_of(e) or SourceError.code)
        return
    if not text.strip():
        yield Problem(origin, "the text is empty", code=EmptyInput.code)
        return
    url = origin if origin.startswith(("http://", "https://")) else None
    yield Found(Article(text=text, url=url), origin, "text")
