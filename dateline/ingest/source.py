"""What every reader hands over: a `Found` (an article and where it was read) or a
`Problem` (what could not be read, where, why), and the limits they share."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DatelineError, InputError
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


def load(source: Path | bytes, origin: str, limit: int) -> bytes:
    """A whole source's bytes (a path is read, bytes pass through), refused past `limit`."""
    if isinstance(source, bytes):
        data = source
    else:
        size = source.stat().st_size
        if size > limit:
            raise InputError(f"{size} bytes is more than the limit of {limit} for one file of this kind")
        data = source.read_bytes()
    if len(data) > limit:
        raise InputError(f"{len(data)} bytes is more than the limit of {limit} for one source of this kind")
    return data


def reason(error: Exception) -> str:
    """What went wrong, in words, without the error code or the file name twice."""
    if isinstance(error, DatelineError) and error.args:
        return str(error.args[0])
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return f"{type(error).__name__}: {error}"
