"""What every reader hands over: a `Found` (an article and where it was read) or a
`Problem` (what could not be read, where, why), and the limits they share."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import DatelineError, TooLarge
from ..record import Article
from .fetch import FetchPolicy


@dataclass(frozen=True)
class Found:
    """One article and where it was read."""

    article: Article
    origin: str  # the file (absolute path) or URL read
    reader: str  # one of KINDS
    locator: str | None = None  # where in the origin: "line 12", "entry 3", "record at byte 5120"
    meta: dict[str, Any] = field(default_factory=dict)  # other metadata the source carried


@dataclass(frozen=True)
class Problem:
    """Something that could not be read, and why."""

    origin: str
    reason: str
    locator: str | None = None
    code: str | None = None  # the code of the error behind it; None: a source that cannot be read (D104)

    def __str__(self) -> str:
        where = f"{self.origin} ({self.locator})" if self.locator else self.origin
        return f"{where}: {self.reason}"


@dataclass(frozen=True)
class ReadOptions:
    kind: str | None = None  # force a kind instead of guessing it
    fetch_links: bool = False  # fetch the page of a feed entry that has only a link
    policy: FetchPolicy = field(default_factory=FetchPolicy.from_env)
    # metadata for articles whose source does not give it (a plain text file has no date)
    defaults: dict[str, str] = field(default_factory=dict)


Item = Found | Problem

# One file of text, HTML or feed is read whole; past this it is refused rather than
# allowed to take the machine's memory. JSON Lines and WARC files are streamed.
MAX_SOURCE_BYTES = 64 * 2**20


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def read_capped(stream: BinaryIO, limit: int | None = None, name: str | None = None) -> bytes:
    """What a stream holds, up to `limit` bytes (MAX_SOURCE_BYTES unless given); TooLarge past it.

    One byte more than the limit is read to tell that there is more, never the rest: the
    size a file states is not trusted (/dev/zero says 0, a pipe or stdin says nothing).
    """
    limit = MAX_SOURCE_BYTES if limit is None else limit
    chunks: list[bytes] = []
    size = 0
    while size <= limit:  # a pipe or a socket may hand over less than asked at a time
        chunk = stream.read(limit + 1 - size)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > limit:
        where = f"{name}: " if name else ""
        raise TooLarge(f"{where}more than the limit of {limit} bytes Dateline reads from one source of this kind")
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def load(source: Path | bytes, origin: str, limit: int | None = None) -> bytes:
    """A whole source's bytes (a path is read, bytes pass through), refused past `limit`
    (MAX_SOURCE_BYTES unless given)."""
    limit = MAX_SOURCE_BYTES if limit is None else limit
    if isinstance(source, bytes):
        if len(source) > limit:
            raise TooLarge(f"{len(source)} bytes is more than the limit of {limit} Dateline reads from one "
                           "source of this kind")
        return source
    with source.open("rb") as f:
        return read_capped(f, limit)


def code_of(error: Exception) -> str | None:
    """The code of a Dateline error, for the Problem it becomes; None for any other error."""
    return error.code if isinstance(error, DatelineError) else None


def reason(error: Exception) -> str:
    """What went wrong, in words, without the error code or the file name twice."""
    if isinstance(error, DatelineError) and error.args:
        return str(error.args[0])
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return f"{type(error).__name__}: {error}"
