"""Readers: every kind of source a user has, turned into Articles with where each came from.

`read_sources` takes paths, folders and URLs and yields, in order, a `Found` for each
article and a `Problem` for each thing that could not be read (which source, where in it,
why). A reader never stops the others: a broken line in one JSON Lines file or a record
with a wrong length in one web archive is reported and the rest goes on.

Kinds: plain text, HTML pages (trafilatura), RSS/Atom feeds (feedparser), WARC archives
(warcio), JSON Lines with a `text` field. The kind comes from the file name, else from
the first bytes; `kind=` forces one.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from ..errors import InputError
from .source import MAX_SOURCE_BYTES, Found, Item, Problem, ReadOptions, is_url, load, reason

__all__ = ["read_sources", "kind_of", "sniff", "Found", "Problem", "ReadOptions", "Item", "MAX_SOURCE_BYTES",
           "is_url", "load", "reason", "KINDS"]

KINDS = ("text", "html", "feed", "warc", "jsonl")
SUFFIXES = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".xml": "feed", ".rss": "feed", ".atom": "feed", ".rdf": "feed",
    ".warc": "warc", ".arc": "warc",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
}


def kind_of(name: str, head: bytes) -> str:
    """The reader for a file, from its name, else from its first bytes."""
    lower = name.lower()
    if lower.endswith((".warc.gz", ".arc.gz")):
        return "warc"
    if lower.endswith(".jsonl.gz"):
        raise InputError(f"{name}: compressed JSON Lines are not read; decompress it first")
    suffix = os.path.splitext(lower)[1]
    if suffix in SUFFIXES:
        return SUFFIXES[suffix]
    return sniff(head)


def sniff(head: bytes) -> str:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:512].lower()
    if start.startswith(b"warc/") or head[:2] == b"\x1f\x8b":
        return "warc"
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith((b"<!doctype html", b"<html")) or b"<html" in start:
        return "html"
    if start.startswith(b"<?xml") or b"<rss" in start or b"<feed" in start or b"<rdf:rdf" in start:
        return "html" if b"<html" in start else "feed"
    return "text"


def read_sources(sources: Iterable[str], options: ReadOptions | None = None) -> Iterator[Item]:
    """Articles and problems from files, folders (read recursively, hidden files skipped) and URLs."""
    options = options or ReadOptions()
    if options.kind is not None and options.kind not in KINDS:
        raise InputError(f"unknown kind {options.kind!r}; one of {', '.join(KINDS)}")
    for item in _read_all(sources, options):
        if isinstance(item, Found) and options.defaults:
            missing = {k: v for k, v in options.defaults.items() if getattr(item.article, k) is None}
            if missing:
                item = replace(item, article=replace(item.article, **missing))
        yield item


def _read_all(sources: Iterable[str], options: ReadOptions) -> Iterator[Item]:
    for source in sources:
        if is_url(source):
            yield from _read_url(source, options)
            continue
        path = Path(source)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file()
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            if not files:
                yield Problem(str(path.resolve()), "the folder holds no files")
            for file in files:
                yield from _read_file(file, options)
        else:
            yield from _read_file(path, options)


def _read_file(path: Path, options: ReadOptions) -> Iterator[Item]:
    origin = str(path.resolve()) if path.exists() else str(path)
    try:
        with path.open("rb") as f:
            head = f.read(4096)
        kind = options.kind or kind_of(path.name, head)
    except FileNotFoundError:
        yield Problem(origin, "no such file (or it vanished before it was read)")
        return
    except IsADirectoryError:
        yield Problem(origin, "is a directory")
        return
    except (OSError, InputError) as e:
        yield Problem(origin, f"cannot read: {reason(e)}")
        return
    yield from _guarded(_reader(kind)(path, origin, options), origin)


def _read_url(url: str, options: ReadOptions) -> Iterator[Item]:
    from ..errors import FetchError
    from .fetch import fetch

    try:
        page = fetch(url, options.policy)
    except FetchError as e:
        yield Problem(url, reason(e))
        return
    kind = options.kind or _kind_of_response(page.content_type, page.body)
    yield from _guarded(_reader(kind)(page.body, page.url, options), page.url)


def _guarded(items: Iterator[Item], origin: str) -> Iterator[Item]:
    """A reader's items, with what no reader foresaw turned into a Problem for its source
    (the run goes on with the next one), and text that cannot be stored refused."""
    try:
        for item in items:
            yield _storable(item)
    except Exception as e:  # a library's surprise on a hostile file must not end the run
        yield Problem(origin, f"cannot read further ({reason(e)}); what came before was read")


def _storable(item: Item) -> Item:
    if isinstance(item, Found):
        a = item.article
        try:
            for value in (a.text, a.id, a.url, a.source, a.title, a.published, *map(str, item.meta.values())):
                if value is not None:
                    value.encode("utf-8")
        except UnicodeEncodeError:
            return Problem(item.origin, "holds characters that are not valid Unicode (lone surrogates)",
                           item.locator)
    return item


def _kind_of_response(content_type: str, body: bytes) -> str:
    ctype = content_type.split(";")[0].strip().lower()
    if ctype in ("text/html", "application/xhtml+xml"):
        return "html"
    if ctype in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
        return "feed"
    if ctype == "application/warc":
        return "warc"
    if ctype in ("application/jsonl", "application/x-ndjson", "application/json-lines"):
        return "jsonl"
    if ctype == "text/plain":
        return "text"
    return sniff(body[:4096])


def _reader(kind: str):
    from . import feeds, html, jsonl, text, warc

    return {"text": text.read, "html": html.read, "feed": feeds.read, "warc": warc.read,
            "jsonl": jsonl.read}[kind]
