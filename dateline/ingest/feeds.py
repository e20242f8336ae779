"""RSS and Atom feeds: each entry with its full content is an article; an entry with only a
link becomes one when fetching is enabled (its page is fetched and read as HTML).

A feed that declares entities of its own (the shape of the "billion laughs" XML bomb) is
refused before it is parsed at all: feeds have no use for them, and the XML parser under
feedparser would expand some of them.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import FetchError, InputError, SourceError
from ..record import Article
from .source import Found, Item, Problem, ReadOptions, code_of, load, reason

ENTITY_DECLARATION = re.compile(rb"<!\s*ENTITY", re.IGNORECASE)


def read(source: Path | bytes, origin: str, options: ReadOptions) -> Iterator[Item]:
    import feedparser

    try:
        data = load(source, origin)
        _refuse_entities(data)
    except (InputError, OSError) as e:
        yield Problem(origin, reason(e), code=code_of(e) or SourceError.code)
        return
    # bytes, never a URL or path: feedparser would fetch or open it by itself
    parsed = feedparser.parse(data, resolve_relative_uris=False, sanitize_html=False)
    if not parsed.entries:
        why = f" ({parsed.bozo_exception})" if parsed.get("bozo") else ""
        yield Problem(origin, f"no entries: not a readable RSS or Atom feed{why}")
        return
    outlet = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, 1):
        yield _entry(entry, outlet, origin, f"entry {number}", options)


def _refuse_entities(data: bytes) -> None:
    """Refuse any entity declaration, anywhere in the feed, in UTF-8 or UTF-16."""
    texts = [data]
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or data[:4] in (b"<\x00?\x00", b"\x00<\x00?"):
        texts.append(data.decode("utf-16", errors="replace").encode("utf-8"))
    if any(ENTITY_DECLARATION.search(t) for t in texts):
        raise SourceError("refused: the feed declares XML entities; feeds do not need them and they are how "
                          "XML bombs work")


def _entry(entry: Any, outlet: str | None, origin: str, locator: str, options: ReadOptions) -> Item:
    from .html import article_from_html

    link = entry.get("link") or None
    meta = {"feed": origin}
    published = _timestamp(entry.get("published_parsed") or entry.get("updated_parsed"))
    content = _content(entry)
    try:
        if content:
            body = article_from_html(content)
            text, reader = body.text, "feed"
        elif link and options.fetch_links:
            from .fetch import fetch

            page = fetch(link, options.policy)
            body = article_from_html(page.body, url=page.url)
            text, reader = body.text, "html"
            published = published or body.published
            meta["fetched"] = page.url
        elif link:
            return Problem(origin, f"has no content, only a link ({link}); pass --fetch-links to fetch its page",
                           locator)
        else:
            return Problem(origin, "has neither content nor a link", locator)
    except (FetchError, SourceError) as e:
        return Problem(origin, reason(e), locator, code_of(e))
    article = Article(text=text, url=link, source=outlet, title=entry.get("title") or None, published=published)
    return Found(article, origin, reader, locator, meta)


def _content(entry: Any) -> str | None:
    """The entry's full text: its content element, else a description that is more than a teaser."""
    contents = [c.get("value", "") for c in entry.get("content", []) if c.get("value")]
    if contents:
        return max(contents, key=len)
    summary = entry.get("summary") or ""
    # a description without a link is all there is; with a link it is a teaser of the page
    return summary if summary.strip() and not entry.get("link") else None


def _timestamp(parsed) -> str | None:
    """feedparser's UTC struct_time as an ISO timestamp."""
    if not parsed:
        return None
    try:
        moment = dt.datetime.fromtimestamp(calendar.timegm(parsed), tz=dt.timezone.utc)
    except (OverflowError, ValueError):
        return None
    return moment.replace(tzinfo=None).isoformat(timespec="seconds") + "Z"
