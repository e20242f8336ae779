"""Finding quotations by their marks: pairs, quotes over several paragraphs, stray marks.

News typography follows a few conventions this module relies on:
- a quotation that runs over paragraphs reopens each new paragraph with an opening mark
  and closes only at its end;
- an opening mark never closed before the paragraph ends, with no reopening after it, is
  a stray (a typo, or a quote the writer forgot to close) and opens nothing;
- a right single quote between letters, or after a letter and before a space when no
  single quote is open, is an apostrophe.
The scan is linear in the text, so a text of 200 unbalanced marks costs what any text does.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from .syntax import text_of

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
STRAIGHT_DOUBLE = '"'
SINGLE_OPEN = "‘‹"
SINGLE_CLOSE = "’›"
STRAIGHT_SINGLE = "'"
ALL_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + STRAIGHT_DOUBLE + SINGLE_OPEN + SINGLE_CLOSE + STRAIGHT_SINGLE
# Characters after which a mark opens rather than closes.
OPENING_CONTEXT = " \t\n([{—–-/" + DOUBLE_OPEN + SINGLE_OPEN + STRAIGHT_DOUBLE
MAX_SINGLE = 400  # a single-quoted stretch longer than this is apostrophes, not a quote
# the marks each scan looks at, found by the regex engine rather than a step per character
DOUBLE_MARKS = re.compile("[" + re.escape(DOUBLE_OPEN + DOUBLE_CLOSE + STRAIGHT_DOUBLE) + "]")
SINGLE_MARKS = re.compile("[" + re.escape(SINGLE_OPEN + SINGLE_CLOSE + STRAIGHT_SINGLE) + "]")


@dataclass(frozen=True)
class Quote:
    """A quotation: `open`/`close` are the offsets of its marks; the inside is [start, end)."""

    open: int
    close: int
    single: bool = False

    @property
    def start(self) -> int:
        return self.open + 1

    @property
    def end(self) -> int:
        return self.close


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    while start <= len(text):
        end = text.find("\n", start)
        if end == -1:
            end = len(text)
        spans.append((start, end))
        start = end + 1
    return spans


def _opens(text: str, i: int) -> bool:
    """Whether the mark at i stands where an opening mark stands."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before in OPENING_CONTEXT or not before.isalnum() and before not in ".,;:!?…") and not after.isspace()


def _first_mark(text: str, start: int, end: int) -> int | None:
    """Offset of an opening double mark that begins the paragraph [start, end), if any."""
    i = start
    while i < end and text[i] in " \t":
        i += 1
    if i < end and (text[i] in DOUBLE_OPEN or text[i] == STRAIGHT_DOUBLE):
        return i
    return None


def find_double(text: str) -> list[Quote]:
    quotes: list[Quote] = []
    paragraphs = _paragraphs(text)
    open_at: int | None = None
    open_char = ""
    nested = 0  # straight marks opened inside a straight-quoted passage: "... the "United States" is ..."
    for n, (p_start, p_end) in enumerate(paragraphs):
        skip = _first_mark(text, p_start, p_end) if open_at is not None else None
        for mark in DOUBLE_MARKS.finditer(text, p_start, p_end):
            i, ch = mark.start(), mark.group()
            if i == skip:
                continue
            if open_at is None:
                if ch in DOUBLE_OPEN or ch in "”" and _opens(text, i) or ch == STRAIGHT_DOUBLE and _opens(text, i):
                    open_at, open_char, nested = i, ch, 0
                continue  # a closing mark with nothing open is a stray
            if ch == STRAIGHT_DOUBLE and open_char == STRAIGHT_DOUBLE:
                if _opens(text, i) and text[i - 1:i].isspace():
                    nested += 1
                    continue
                if nested:
                    nested -= 1
                    continue
            closes = (
                ch in DOUBLE_CLOSE
                or ch == STRAIGHT_DOUBLE
                or (ch == "“" and (open_char == "„" or not _opens(text, i)))
            )
            if closes:
                quotes.append(Quote(open_at, i))
                open_at = None
            else:
                open_at, open_char = i, ch  # the earlier opening mark was a stray
        if open_at is not None:
            nxt = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
            if nxt is None or _first_mark(text, *nxt) is None:
                open_at = None  # unclosed and not continued: a stray mark
    return quotes


def find_single(text: str) -> list[Quote]:
    quotes: list[Quote] = []
    for p_start, p_end in _paragraphs(text):
        open_at: int | None = None
        for mark in SINGLE_MARKS.finditer(text, p_start, p_end):
            i, ch = mark.start(), mark.group()
            before = text[i - 1] if i > p_start else " "
            after = text[i + 1] if i + 1 < p_end else " "
            if before.isalnum() and after.isalnum():
                continue  # an apostrophe: it's, Syria’s
            if open_at is not None and i - open_at > MAX_SINGLE:
                open_at = None
            if open_at is None:
                if (ch in SINGLE_OPEN or ch == STRAIGHT_SINGLE) and _opens(text, i) and (after.isalnum() or after in "“\""):
                    open_at = i
            elif (ch in SINGLE_CLOSE or ch == STRAIGHT_SINGLE) and not before.isspace() and not after.isalnum():
                quotes.append(Quote(open_at, i, single=True))
                open_at = None
    return quotes


def find_quotes(text: str) -> list[Quote]:
    """Every closed quotation in text, double and single, ordered by position."""
    return sorted(find_double(text) + find_single(text), key=lambda q: (q.open, -q.close))


def quotes_of(doc: Doc) -> list[Quote]:
    """The quotations of a parsed article, computed once and kept on the Doc."""
    cached = doc.user_data.get("dateline.quotes")
    if cached is None:
        cached = doc.user_data["dateline.quotes"] = find_quotes(text_of(doc))
    return cached
