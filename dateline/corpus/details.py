"""What a report counts of one happening besides its toll, and how far from a place it
says it happened: "about 30 gunmen", "more than 100 vehicles", "a single missile", "some 60
nautical miles southwest of Hodeidah". Reports of one linked event that count one of these
otherwise make its `detail` contradictions (contradictions.py): the army's "about 30
gunmen" against a UN officer's "more than 100 attackers".

The nouns, and what a count of each counts, are data/corpus/details.tsv; the numbers and
the words that say how exact a number is are the figures layer's (numbers.tsv,
figures/qualifiers.tsv), read here from the record's text. A count the figures layer
made a toll ("killed 30 gunmen") is the toll's: figures.py compares those. Which event
mention a count is of, and the saying it is told in, the reader of items decides
(items.Reader._counted).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..layers.figures.lexicon import Lexicon as FiguresLexicon
from ..numbers import Number
from ..record import enum
from ..resources import Resources
from .names import fold

# a token of the words after a number: a word (with its hyphens: "pick-up", "F-16"), or a mark
TOKEN = re.compile(r"[^\W_][\w'’-]*|[^\w\s]")
# a number's noun comes within this many words ("three female suicide bombers")
REACH = 4
# words that end the search for a number's noun: "two of the trucks" counts some of them,
# "four who were armed" says nothing of what they were, "two days after gunmen ambushed"
# counts days
STOPS = frozenset({"of", "and", "or", "but", "who", "which", "that", "were", "was", "are", "is", "had", "have",
                   "in", "on", "at", "to", "from", "by", "for", "with", "per", "a", "an", "the", "than",
                   "after", "before", "since", "ago", "later", "earlier", "during", "near", "into", "when", "while",
                   "as"})
# the place a distance is from: "60 nautical miles southwest of Hodeidah", or the one of its
# kind a story has ("about 30 km from the border", "50 km north of the capital"); how far
# inside a country is how far from its border ("15 km inside Cambodia", "8 km from the border")
ANCHOR = re.compile(r"\s+(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern|wards?)?\s+)?"
                    r"(?P<by>of|from|inside|outside|off|beyond|into)\s+(?:the\s+(?:[a-z]+\s+of\s+)?)?"
                    r"(?P<place>[A-Z][\w'’-]*|(?<=the\s)(?:border|frontier|coast|capital)\b"
                    r"(?!\s+(?:town|city|village|crossing|post|area|region|district|province|zone|guards?|point)\b))")
HYPHENED = re.compile(r"-(?=[^\W\d_])")
INSIDE = ("inside", "into")  # "15 km inside Cambodia": from the border
# "a single missile", "a lone gunman": one, said with an article
ONE = re.compile(r"(?i)(?<![\w])(a\s+single|a\s+lone)\s+")
# "did not fire a single shell", "without a single shot": none, not one
NONE_BEFORE = re.compile(r"(?i)\b(?:not|n't|no|never|without|nor)\b(?:\s+\w+){0,2}\s+$")
# "20 to 30", "20-30", "between 20 and 30": the second number of a range
RANGE = re.compile(r"\s*(?:-|–|to|and)\s*")
BETWEEN = re.compile(r"(?i)(?<![\w])between\s+$")


@dataclass(frozen=True)
class Noun:
    detail: str
    km: float | None = None
    types: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Count:
    """One count in a sentence: where it is, the event types it may count for (all when
    empty), and the item it is in a linked event's report."""

    start: int
    end: int
    types: frozenset[str]
    item: dict[str, Any] = field(hash=False)


class Details:
    def __init__(self, nouns: dict[str, Noun], figures: FiguresLexicon):
        self.nouns = nouns
        self.longest = max((len(phrase.split()) for phrase in nouns), default=1)
        self.figures = figures

    def read(self, text: str, start: int, end: int, tolls: Sequence[tuple[int, int]] = ()) -> list[Count]:
        """The counts told in text[start:end], in text order; `tolls`: the spans of figures
        that count a toll, whose numbers are theirs."""
        out = []
        numbers = self.figures.numbers
        spans = [(m.start(), m.end(), numbers.read(m.group(), m.start())) for m in numbers.pattern.finditer(text, start, end)]
        spans += [(m.start(), m.end(), None) for m in ONE.finditer(text, start, end)
                  if not NONE_BEFORE.search(text, max(start, m.start() - 40), m.start())]
        read_to = start  # the end of the last count read: a range's second number is the range's
        for first, last, number in sorted(spans, key=lambda s: s[0]):
            if first < read_to or number is None and not ONE.fullmatch(text, first, last) \
                    or any(a <= first < b for a, b in tolls):
                continue
            if first >= 2 and text[first - 1] == "-" and text[first - 2].isalnum():
                continue  # "F-16", "MiG-29": a name of a model, not a count
            said_from, value, low, high, qualifier = (first, 1, None, None, "exact") if number is None \
                else self._amount(text, first, number)
            if number is not None and qualifier != "vague":
                second = RANGE.match(text, last)
                other = numbers.pattern.match(text, second.end()) if second else None
                other_number = numbers.read(other.group(), other.start()) if other else None
                if other_number is not None and other_number.value is not None \
                        and (second.group().strip() != "and" or BETWEEN.search(text, max(0, first - 12), first)):
                    low, high, value, qualifier, last = value, other_number.value, value, "range", other.end()
            read_to = last
            # "a 22-truck convoy", "a 40-vehicle column": the noun joined to its number
            found = self._noun(text, last + 1 if HYPHENED.match(text, last, end) else last, end)
            if found is None:
                continue
            noun, noun_end = found
            item = {"detail": noun.detail, "text": text[said_from:noun_end], "at": said_from, "value": value,
                    "low": low, "high": high, "qualifier": qualifier}
            if noun.km is not None:
                anchor = ANCHOR.match(text, noun_end, end)
                if anchor is None:
                    continue  # "30 km": from where, another report may not say
                item.update({k: _km(v, noun.km) for k in ("value", "low", "high") if (v := item[k]) is not None})
                within = anchor.group("by") in INSIDE and anchor.group("place")[:1].isupper()
                item["detail"] = f"distance from {'border' if within else fold(anchor.group('place'))}"
            out.append(Count(said_from, noun_end, noun.types, item))
        return out

    def _amount(self, text: str, first: int, number: Number) -> tuple[int, Any, Any, Any, str]:
        """(where its words begin, value, low, high, qualifier) of a number as the words
        before it qualify it ("more than 100": more_than)."""
        if number.value is None:
            return first, None, number.low, None, "vague"
        window = max(0, first - 30)
        before = self.figures.qualifiers.search(text[window:first])
        if before is not None:
            return (window + before.start(1), number.value, None, None,
                    self.figures.qualifier_of[" ".join(before.group(1).lower().split())])
        return first, number.value, None, None, "exact"

    def _noun(self, text: str, at: int, end: int) -> tuple[Noun, int] | None:
        """The noun a number counts, within REACH words after it, and where it ends."""
        tokens = list(TOKEN.finditer(text, at, min(end, at + 120)))[:REACH + self.longest]
        words = [t.group().lower() for t in tokens]
        for i in range(min(REACH, len(tokens))):
            if not words[i][:1].isalnum():
                return None  # "30, including": the count is of no noun here
            for size in range(self.longest, 0, -1):
                if i + size <= len(words):
                    noun = self.nouns.get(" ".join(words[i:i + size]))
                    if noun is not None:
                        return noun, tokens[i + size - 1].end()
            if words[i] in STOPS:
                return None
        return None


def _km(value: float, km: float) -> float:
    return round(value * km, 3)


def nearest(counts: list[Count], triggers: list[tuple[str, int, int, str]]) -> dict[str, list[dict[str, Any]]]:
    """The counts of a sentence by the event each is told of: its mention whose trigger is
    nearest (of those of a type it counts for), (event id, start, end, type) each; an
    event keeps one count of each detail, the nearest."""
    told: dict[str, list[tuple[int, Count]]] = {}
    for count in counts:
        fitting = [t for t in triggers if not count.types or t[3] in count.types]
        if not fitting:
            continue
        distance, event = min((max(t[1] - count.end, count.start - t[2], 0), t[0]) for t in fitting)
        told.setdefault(event, []).append((distance, count))
    out: dict[str, list[dict[str, Any]]] = {}
    for event, found in told.items():
        kept: dict[str, dict[str, Any]] = {}
        for _, count in sorted(found, key=lambda f: (f[0], f[1].start)):
            kept.setdefault(count.item["detail"], count.item)
        out[event] = [kept[d] for d in sorted(kept)]
    return out


def details(resources: Resources, figures: FiguresLexicon) -> Details:
    rows = resources.table("corpus/details.tsv", ("word", "detail"), (("types", enum("events", "type")),))
    nouns: dict[str, Noun] = {}
    for r in rows:
        noun = Noun(r["detail"], float(r["km"]) if r.get("km") else None, frozenset((r.get("types") or "").split()))
        for form in _forms(" ".join(r["word"].lower().split())):
            nouns.setdefault(form, noun)
    return Details(nouns, figures)


def _forms(phrase: str) -> list[str]:
    """A noun phrase and its plurals: "gunman" and "gunmen", "lorry" and "lorries"."""
    *head, last = phrase.split()
    plurals = [last, last + "s", last + "es"]
    if last.endswith("y"):
        plurals.append(last[:-1] + "ies")
    if last.endswith("man"):
        plurals.append(last[:-3] + "men")
    return [" ".join([*head, p]) for p in plurals]
