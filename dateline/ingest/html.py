"""HTML pages: the article's main text and metadata, as trafilatura extracts them.

Boilerplate removal (menus, footers, related links, comments) is trafilatura's job; here
we only map what it finds onto an Article and say clearly when a page has no article.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError, SourceError
from ..record import Article, normalise_text
from .source import Found, Item, Problem, ReadOptions, code_of, is_url, load, reason

# trafilatura logs every page it cannot use; the reader reports those itself, once
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)

# what trafilatura keeps of a page with no article is a menu's few words ("Home")
MIN_WORDS = 10


def article_from_html(html: bytes | str, url: str | None = None) -> Article:
    """The main text, title, date, outlet and URL of a page or fragment; SourceError when it
    has no article text."""
    import trafilatura

    if isinstance(html, str):
        html = html.encode("utf-8")
    if b"<html" not in html[:4096].lower() and b"<body" not in html[:4096].lower():
        # a fragment (a feed entry's content, a saved <article>): trafilatura reads a page
        html = b"<html><head><meta charset=\"utf-8\"></head><body>" + html + b"</body></html>"
    try:
        found = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    except Exception as e:  # lxml and trafilatura raise many kinds on broken markup
        raise SourceError(f"cannot parse the HTML ({type(e).__name__}: {e})") from None
    words = len((found.text or "").split()) if found is not None else 0
    if words < MIN_WORDS:
        raise SourceError(f"no article text found in the HTML ({words} words: a menu, an index or an error page?)")
    return Article(text=normalise_text(found.text), url=found.url or url, source=found.sitename or None,
                   title=found.title or None, published=found.date or None)


def read(source: Path | bytes, origin: str, options: ReadOptions) -> Iterator[Item]:
    """One page, one article."""
    url = origin if is_url(origin) else None
    try:
        article = article_from_html(load(source, origin), url=url)
    except (InputError, OSError) as e:
        yield Problem(origin, reason(e), code=code_of(e) or SourceError.code)
        return
    yield Found(article, origin, "html")

