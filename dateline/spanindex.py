"""Spans looked up by position in logarithmic time, so long texts cost what short ones do."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import Generic, TypeVar

T = TypeVar("T")
Entry = tuple[int, int, T]


class SpanIndex(Generic[T]):
    """Character spans [start, end) with a payload each."""

    def __init__(self, spans: Iterable[Entry], disjoint: bool = False):
        """disjoint: the spans never overlap (quotations of one kind), so a look-up needs
        to step back over one span only, however long the longest is."""
        self.spans: list[Entry] = sorted(spans, key=lambda s: (s[0], s[1]))
        self.starts = [s[0] for s in self.spans]
        self.longest = max((e - s for s, e, _ in self.spans), default=0)
        self.disjoint = disjoint

    def _back(self, pos: int) -> int:
        """Index of the first span that may reach pos."""
        if self.disjoint:
            return max(0, bisect_right(self.starts, pos) - 1)
        return bisect_left(self.starts, pos - self.longest)

    def __len__(self) -> int:
        return len(self.spans)

    def holding(self, pos: int) -> list[Entry]:
        """Spans with start <= pos < end."""
        lo = self._back(pos)
        hi = bisect_right(self.starts, pos)
        return [s for s in self.spans[lo:hi] if s[1] > pos]

    def overlapping(self, start: int, end: int) -> list[Entry]:
        lo = self._back(start)
        hi = bisect_left(self.starts, end)
        return [s for s in self.spans[lo:hi] if s[1] > start]

    def within(self, start: int, end: int) -> list[Entry]:
        lo = bisect_left(self.starts, start)
        hi = bisect_left(self.starts, end)
        return [s for s in self.spans[lo:hi] if s[1] <= end]

    def first_from(self, pos: int) -> Entry | None:
        """The first span starting at or after pos."""
        i = bisect_left(self.starts, pos)
        return self.spans[i] if i < len(self.spans) else None

    def last_before(self, pos: int) -> Entry | None:
        """The last span starting before pos."""
        i = bisect_left(self.starts, pos)
        return self.spans[i - 1] if i > 0 else None

    def narrowest_holding(self, start: int, end: int) -> T | None:
        """The payload of the shortest span that holds [start, end) whole: the innermost
        of nested statements."""
        holding = [(e - s, s, payload) for s, e, payload in self.overlapping(start, end) if s <= start and end <= e]
        return min(holding, key=lambda h: (h[0], h[1]))[2] if holding else None
