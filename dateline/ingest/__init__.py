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

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from ..errors import DatelineError, InputError, NotText, SourceError
from ..record import check_field, check_text
from .source import (MAX_SOURCE_BYTES, Found, Item, Problem, ReadOptions, code_of, is_url, load, read_capped,
                     reason)

__all__ = ["read_sources", "kind_of", "sniff", "Found", "Problem", "ReadOptions", "Item", "MAX_SOURCE_BYTES",
           "is_url", "load", "read_capped", "reason", "KINDS"]

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
            yield from _read_folder(path, options)
        else:
            yield from _read_file(path, options, named=True)


def _read_folder(folder: Path, options: ReadOptions) -> Iterator[Item]:
    """Every file under a folder, in the order of their names, hidden ones (a name with a
    dot first) left out. Links are followed, to files and to folders; each folder is read
    once. What is not read is said: a dangling link, a link loop, a FIFO or a device, a
    folder that cannot be listed."""
    said = False
    for entry in _walk(folder):
        said = True
        if isinstance(entry, Problem):
            yield entry
        else:
            yield from _read_file(entry, options)
    if not said:
        yield Problem(str(folder.resolve()), "the folder holds no files", code=SourceError.code)


def _walk(top: Path) -> Iterator[Path | Problem]:
    """The paths under a folder that are not folders (whatever they are: _read_file says
    what), depth first in the order of names, and a Problem for each folder that cannot be
    walked. A stack, not recursion: a tree can be deeper than Python's recursion limit."""
    try:
        info = top.stat()
    except OSError as e:
        yield Problem(str(top.absolute()), f"cannot read the folder: {reason(e)}", code=SourceError.code)
        return
    seen = {(info.st_dev, info.st_ino)}  # every folder walked: one reached by two links is walked once
    # each open folder: its path, the folders from the top to it (a link back to one of them
    # is a loop), and the names in it still to be walked
    stack: list[tuple[Path, tuple[tuple[int, int], ...], Iterator[str]]] = []
    folder, chain = top, ((info.st_dev, info.st_ino),)
    while True:
        if folder is not None:
            try:
                with os.scandir(folder) as entries:
                    names = sorted(e.name for e in entries if not e.name.startswith("."))
                stack.append((folder, chain, iter(names)))
            except OSError as e:
                yield Problem(str(folder.absolute()), f"cannot read the folder: {reason(e)}", code=SourceError.code)
            folder = None
        if not stack:
            return
        parent, chain, names = stack[-1]
        name = next(names, None)
        if name is None:
            stack.pop()
            continue
        path = parent / name
        try:
            info = path.stat()
        except OSError:  # a dangling link, a loop of links, a file gone: _read_file tells which
            yield path
            continue
        if not stat.S_ISDIR(info.st_mode):
            yield path
            continue
        key = (info.st_dev, info.st_ino)
        if key in chain:
            yield Problem(str(path.absolute()), f"a symbolic link loop: it leads back to {path.resolve()}, which "
                                                "holds it; not followed", code=SourceError.code)
        elif key not in seen:  # else: a second link to a folder already walked, whose files were read
            seen.add(key)
            folder, chain = path, (*chain, key)


KINDS_OF_FILE = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
                 (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


def _read_file(path: Path, options: ReadOptions, named: bool = False) -> Iterator[Item]:
    """The items of one file. `named`: the user named it, so a FIFO, a device or /dev/stdin
    is read too (once, whole, capped); met in a folder, only a regular file is opened, so that
    a FIFO cannot keep the run waiting for a writer."""
    try:
        mode = path.stat().st_mode
    except OSError as e:
        yield Problem(str(path.absolute()), _unreachable(path, e), code=SourceError.code)
        return
    # a pipe's or a device's own name, not where /dev/stdin or /dev/fd/3 happens to lead
    origin = str(path.resolve() if stat.S_ISREG(mode) else path.absolute())
    if stat.S_ISDIR(mode):
        yield Problem(origin, "is a directory", code=SourceError.code)
        return
    if not stat.S_ISREG(mode):
        if not named:
            what = next((name for test, name in KINDS_OF_FILE if test(mode)), "not a regular file")
            yield Problem(origin, f"{what}, not a file: not read (name it as a source to read it)",
                          code=SourceError.code)
            return
        yield from _read_stream(path, origin, options)
        return
    try:
        with path.open("rb") as f:
            head = f.read(4096)
        kind = options.kind or kind_of(path.name, head)
    except FileNotFoundError:
        yield Problem(origin, "no such file (or it vanished before it was read)", code=SourceError.code)
        return
    except (OSError, InputError) as e:
        yield Problem(origin, f"cannot read: {reason(e)}", code=code_of(e) or SourceError.code)
        return
    yield from _guarded(_reader(kind)(path, origin, options), origin)


def _read_stream(path: Path, origin: str, options: ReadOptions) -> Iterator[Item]:
    """A pipe or a device can be read once only: read here, whole and capped, and what was
    read is handed to the reader (a first read to guess the kind would lose its bytes)."""
    try:
        data = load(path, origin)
        kind = options.kind or kind_of(path.name, data[:4096])
    except (OSError, InputError) as e:
        yield Problem(origin, f"cannot read: {reason(e)}", code=code_of(e) or SourceError.code)
        return
    yield from _guarded(_reader(kind)(data, origin, options), origin)


def _unreachable(path: Path, error: OSError) -> str:
    """Why a path that could not be followed to a file cannot be read."""
    if error.errno == errno.ELOOP:
        return "a symbolic link loop: following it never reaches a file"
    if isinstance(error, FileNotFoundError):
        if path.is_symlink():
            return f"a dangling symbolic link (to {os.readlink(path)}, which does not exist)"
        return "no such file (or it vanished before it was read)"
    return f"cannot read: {reason(error)}"


def _read_url(url: str, options: ReadOptions) -> Iterator[Item]:
    from ..errors import FetchError
    from .fetch import fetch

    try:
        page = fetch(url, options.policy)
    except FetchError as e:
        yield Problem(url, reason(e), code=e.code)
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
    """A Found whose text and metadata can be stored, else a Problem that says which field
    cannot (a lone surrogate from a JSON escape, a NUL); a file name that cannot be stored
    is written with its bytes escaped (report-\\xff.txt)."""
    if isinstance(item, Found):
        try:
            item.origin.encode("utf-8")
        except UnicodeEncodeError:  # a file name that is not UTF-8, its bytes held as lone surrogates
            item = replace(item, origin=os.fsencode(item.origin).decode("utf-8", "backslashreplace"))
        a = item.article
        try:
            check_text(a.text)
            for name in ("id", "url", "source", "title", "published"):
                check_field(getattr(a, name), name)
            for name, value in item.meta.items():
                str(value).encode("utf-8")
        except DatelineError as e:
            return Problem(item.origin, reason(e), item.locator, e.code)
        except UnicodeEncodeError:
            return Problem(item.origin, "its metadata holds characters that are not valid Unicode (lone "
                                        "surrogates)", item.locator, NotText.code)
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
