"""WARC web archives: each HTML response record is a page, read as HTML.

Requests, metadata, non-HTML responses and error statuses are passed over. Archives
are often damaged: a record whose declared length runs past the end of the file is
reported as truncated; one whose length is wrong so that the next record is not where
it should be is reported (warcio notices and counts it); a record that cannot be parsed
at all stops the file, with what was read before it kept; a gzip archive cut short is
reported after its readable records.
"""
from __future__ import annotations

import contextlib
import gzip
import io
import zlib
from collections.abc import Iterator
from pathlib import Path

from ..errors import SourceError, TooLarge
from .source import Found, Item, Problem, ReadOptions, code_of, read_capped, reason

HTML_TYPES = ("text/html", "application/xhtml+xml")


def read(source: Path | bytes, origin: str, options: ReadOptions) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        stream = io.BytesIO(source) if isinstance(source, bytes) else source.open("rb")
    except OSError as e:
        yield Problem(origin, f"cannot read: {e.strerror}")
        return
    with stream:
        records = ArchiveIterator(stream)
        pending: Item | None = None  # held until the next record shows that its length was right
        pages = 0
        while True:
            errors = records.err_count
            try:
                with contextlib.redirect_stderr(io.StringIO()):  # warcio prints its warnings there
                    record = next(records)
            except StopIteration:
                record = None
            except (ArchiveLoadFailed, OSError, EOFError, zlib.error, ValueError) as e:
                if isinstance(pending, Found):
                    yield Problem(origin, "its length looks wrong: no record starts where it ends", pending.locator)
                    pending = None
                first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
                yield Problem(origin, f"the archive cannot be read past this point ({first}); the records before it "
                                      "were read", f"after byte {records.offset}")
                return
            if records.err_count > errors and isinstance(pending, Found):
                pending = _wrong_length(pending)
            if pending is not None:
                pages += 1
                yield pending
            if record is None:
                break
            errors = records.err_count
            with contextlib.redirect_stderr(io.StringIO()):
                pending = _page(record, records, origin)
            if records.err_count > errors and isinstance(pending, Found):
                pending = _wrong_length(pending)
        if _cut_short(stream):
            yield Problem(origin, "the gzip archive ends in the middle of a record; the records before it were read")
        elif not pages:
            yield Problem(origin, "no HTML response records: not a web archive of pages")


def _wrong_length(found: Found) -> Problem:
    return Problem(found.origin, "its declared length does not match its content (the next record does not start "
                                 "where it ends)", found.locator)


def _page(record, records, origin: str) -> Item | None:
    from .html import article_from_html

    if record.rec_type != "response" or record.http_headers is None:
        return None
    content_type = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    status = record.http_headers.get_statuscode() or ""
    if content_type not in HTML_TYPES or not status.startswith("2"):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    too_large: TooLarge | None = None
    try:
        body = read_capped(record.content_stream())
    except TooLarge as e:
        body, too_large = b"", e
    except (OSError, EOFError, zlib.error, ValueError) as e:
        return Problem(origin, f"cannot read the record's content ({reason(e)})")
    truncated = getattr(record.raw_stream, "limit", 0)
    # only now: asking warcio for the offset reads the record to its end
    locator = f"record at byte {records.get_record_offset()}"
    if too_large is not None:
        return Problem(origin, f"the page holds {reason(too_large)}", locator, too_large.code)
    if truncated:
        return Problem(origin, f"truncated: the record declares {record.length} bytes, the file ends before "
                               "them", locator)
    try:
        article = article_from_html(body, url=url)
    except SourceError as e:
        return Problem(origin, f"{url}: {reason(e)}", locator, code_of(e))
    return Found(article, origin, "warc", locator, {"warc_target_uri": url} if url else {})


def _cut_short(stream) -> bool:
    """Whether a gzip archive ends inside a member (warcio stops there without a word)."""
    try:
        stream.seek(0)
        if stream.read(2) != b"\x1f\x8b":
            return False
        stream.seek(0)
        with gzip.GzipFile(fileobj=stream) as unzipped:
            while unzipped.read(1 << 20):
                pass
    except EOFError:
        return True
    except (OSError, zlib.error):
        return True
    return False
