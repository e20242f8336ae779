"""Where temporal expressions are: patterns over the text, built from data/times/words.tsv.

Each pattern names the shape it recognises ("month-day", "weekday", "ago", ...) and
captures the parts that anchoring needs. Finding is pure text work; whether a bare
number is a year, and what a relative expression means, are decided later with the
parse (the times stage) and the anchor (anchor.py). One `Grammar` is built per pipeline.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from ...numbers import Numbers, numbers
from ...resources import Resources

KINDS = ("month", "weekday", "holiday", "unit", "part", "season", "modifier", "deictic", "reference", "set", "ordinal")


@dataclass(frozen=True)
class Word:
    kind: str
    value: str


@dataclass(frozen=True)
class Mention:
    """A temporal expression found in the text, before it is given a value."""

    shape: str
    start: int
    end: int
    text: str
    parts: dict[str, str] = field(default_factory=dict, compare=False)


class Grammar:
    """The temporal words of one pipeline and the patterns built from them."""

    def __init__(self, rows: tuple[dict[str, str], ...], numbers: Numbers):
        self.vocabulary = {r["word"].lower(): Word(r["kind"], r["value"]) for r in rows}  # lower-cased word → kind, value
        self.numbers = numbers
        self.patterns = _patterns(rows, numbers)
        # the words around which the patterns of ANCHORED may match (a unit or a number only
        # at a word's start, as the patterns have them)
        self.anchors = {"unit": re.compile(rf"(?<!\w)(?:{_unit_alt(rows)})"), "month": re.compile(_alt(rows, "month")),
                        "weekday": re.compile(_alt(rows, "weekday")), "season": re.compile(_alt(rows, "season")),
                        "digit": re.compile(r"(?<!\w)[0-9]")}

    def lookup(self, word: str) -> Word | None:
        return self.vocabulary.get(" ".join(word.lower().replace("-", " ").split()))

    def find(self, text: str) -> list[Mention]:
        """Every candidate temporal expression; where candidates overlap the longest wins,
        and of equal ones the pattern listed first."""
        return _find(text, self.patterns, self.anchors)


def grammar(resources: Resources) -> Grammar:
    rows = resources.table("times/words.tsv", ("word", "kind"), (("kind", KINDS), ("case", ("exact",))))
    return Grammar(rows, resources.get(numbers))


def _alt(rows: tuple[dict[str, str], ...], kind: str) -> str:
    """The words of one kind as a regex alternation; 'exact' words keep their case."""
    words = sorted((r for r in rows if r["kind"] == kind), key=lambda r: len(r["word"]), reverse=True)
    alts = []
    for r in words:
        w = re.escape(r["word"]).replace(r"\ ", r"\s+").replace("'", "['\u2019]")
        if r.get("case") == "exact":
            alts.append(w)
        elif r["word"][0].isupper():  # proper names: capitalised or all capitals
            alts.append(f"(?:{w}|{w.upper()})")
        else:
            alts.append(f"(?i:{w})")
    return "|".join(alts)


def _unit_alt(rows: tuple[dict[str, str], ...]) -> str:
    units = sorted((r["word"] for r in rows if r["kind"] == "unit"), key=len, reverse=True)
    return "|".join(f"{u}s|{u}" if not u.endswith("y") or u == "day" else f"{u}s|{u[:-1]}ies|{u}"
                    for u in units)


def _patterns(rows: tuple[dict[str, str], ...], numbers: Numbers) -> tuple[tuple[str, re.Pattern[str]], ...]:
    month = f"(?P<month>{_alt(rows, 'month')})"
    weekday = f"(?P<weekday>{_alt(rows, 'weekday')})"
    season = f"(?P<season>{_alt(rows, 'season')})"
    part = f"(?P<part>{_alt(rows, 'part')})"
    modifier = (r"(?P<modifier>(?i:early|mid|late|the\s+(?:beginning|start|middle|end)\s+of|"
                r"(?:beginning|start|middle|end)\s+of))")
    mod = rf"(?:{modifier}(?:\s+|-))?"
    day = r"(?P<day>[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![0-9:.,][0-9])"
    year = r"(?P<year>(?:1[0-9]|20)[0-9][0-9])(?![0-9])"
    era = r"(?:\s*(?P<era>BCE|BC|B\.C\.E?\.|CE|AD|A\.D\.))"
    old_year = rf"(?P<oldyear>[0-9]{{1,4}}){era}"
    number = numbers.pattern.pattern.removeprefix("(?<![\\w.,])").removesuffix("(?![\\w])")
    unit = f"(?P<unit>{_unit_alt(rows)})"
    amount = rf"(?P<amount>(?i:{number}|several|a\s+few|few|many|some|a|an))"
    approx = r"(?:(?P<approx>(?i:about|some|nearly|almost|around|roughly|more\s+than|less\s+than|at\s+least|up\s+to))\s+)?"
    direction = r"(?P<direction>(?i:this\s+past|last|next|this|past|coming|previous|following|same|that|current))"
    dayword = r"(?P<deictic>(?i:today|yesterday|tomorrow|tonight))"
    clock = (r"(?P<hour>[01]?[0-9]|2[0-3])(?:[:.](?P<minute>[0-5][0-9]))?\s*"
             r"(?P<ampm>(?i:a\.m\.|p\.m\.|am\b|pm\b))")
    zone = r"(?:\s*(?P<zone>GMT|UTC|Z\b)|\s*local\s+time)"
    clock24 = rf"(?P<hour>[01]?[0-9]|2[0-3]):(?P<minute>[0-5][0-9])(?![0-9]){zone}?"
    military = rf"(?P<hour>[01][0-9]|2[0-3])(?P<minute>[0-5][0-9]){zone}"
    b = r"(?<![\w/.-])"
    e = r"(?![\w/])"
    table = [
        # "Saturday, December 7, 2024", "Dec. 7", "early December 7" (rare, harmless)
        ("month-day", rf"{b}(?:{weekday},?\s+|(?i:the\s+)?{part}\s+of\s+)?{mod}{month}\s+(?:the\s+)?{day}(?:,?\s+{year})?{e}"),
        # "7 December 2024", "the 27th of November", "Saturday 7 December"
        ("day-month", rf"(?:(?<=[0-9][-\u2013])|{b})(?:{weekday},?\s+|(?i:the\s+)?{part}\s+of\s+)?(?:the\s+)?{day}\s+(?:of\s+)?{month}(?:,?\s+{year})?{e}"),
        ("numeric", rf"{b}(?P<numeric>[0-9]{{1,2}}/[0-9]{{1,2}}/(?:[0-9]{{4}}|[0-9][0-9])|[0-9]{{4}}-[0-9][0-9]-[0-9][0-9]|[0-9]{{1,2}}\.[0-9]{{1,2}}\.[0-9]{{4}}){e}"),
        # the first day of "22-25 April 1951" (the second is a day-month of its own)
        ("day-range-start", rf"{b}{day}(?=[-\u2013][0-9]{{1,2}}\s+{month}(?:,?\s+{year})?{e})"),
        # "August of that year", "July 25 of the same year"
        ("month-of-year", rf"{b}{month}(?:\s+{day})?\s+of\s+(?:(?i:the)\s+)?"
                          rf"(?P<direction>(?i:that|same|following|next|previous))\s+(?i:year){e}"),
        # "February last year", "June 3 this year", "March next year": of the year the report is of
        ("month-this-year", rf"{b}{mod}{month}(?:\s+{day})?,?\s+(?P<direction>(?i:last|this|next))\s+(?i:year){e}"),
        # "March 2011", "early February 1943", "June 479 BC", the second month of "August-September 1950"
        ("month-year", rf"(?:(?<=[a-z][-\u2013])|{b}){mod}{month},?\s+(?:of\s+)?(?:{old_year}|{year}){e}"),
        # "the spring of 1957", "summer 1942", "late 1941", "mid-2023", "218 BC", "1939"
        ("year", rf"{b}{mod}(?:(?:the\s+)?{season}\s+(?:of\s+)?)?(?:{old_year}|{year}){e}"),
        # the second year of "1861-1863" or "1915-17"
        ("year-range-end", r"(?<=(?P<from>(?:1[0-9]|20)[0-9][0-9])[-\u2013])(?P<upto>[0-9][0-9](?:[0-9][0-9])?)(?![\w/])"),
        # "Christmas", "New Year's Day": fixed days of the calendar
        ("holiday", rf"{b}(?P<holiday>{_alt(rows, 'holiday')})(?:,?\s+{year})?{e}"),
        ("decade", rf"{b}(?:(?i:the)\s+)?{mod}(?P<decade>(?:1[0-9]|20)[0-9]0)(?:'s|s){e}"),
        ("century", rf"{b}(?:(?i:the)\s+)?{mod}(?P<ordinal>[0-9]{{1,2}}(?:st|nd|rd|th)|{_alt(rows, 'ordinal')})[\s-]+(?i:century){e}"),
        # "last week", "earlier this month", "the following day", "this summer", "that year"
        ("relative", rf"{b}(?:(?P<shift>(?i:earlier|later|early|late))\s+)?(?:(?i:the)\s+)?{direction}\s+"
                     rf"(?:(?P<unit>(?i:day|week|weekend|fortnight|month|year|decade|century))|{season}|{month}|{weekday}|{part}){e}"),
        # "the end of the month", "the beginning of this year", "the middle of that week"
        ("period-part", rf"{b}{modifier}\s+(?P<which>(?i:the|this|that))\s+(?P<unit>(?i:week|month|year)){e}"),
        # "Saturday", "last Saturday", "Tuesday night", "early Monday"
        ("weekday", rf"{b}(?:(?P<direction>(?i:this\s+past|last|next|this|past|coming))\s+|(?P<early>(?i:early|late))\s+)?{weekday}(?:\s+{part})?{e}"),
        ("deictic", rf"{b}(?:(?:{dayword}|(?P<this>(?i:this))(?=\s+(?:{_alt(rows, 'part')})\b))(?:\s+{part})?"
                    rf"|(?P<lastnight>(?i:last\s+night))){e}"),
        # "two days ago", "a week later", "three years earlier"
        ("ago", rf"{b}{approx}{amount}[\s-]+{unit}\s+(?P<dir>(?i:ago|earlier|later|before|after)){e}"),
        # "the past 24 hours", "the last three days", "the past week"
        ("past", rf"{b}(?i:the)\s+(?P<span>(?i:past|last|next|coming|previous|first))\s+(?:{amount}\s+)?{unit}{e}"),
        # "recent days", "the coming weeks", "the past few months": how many is not said
        ("recent", rf"{b}(?:(?i:the)\s+)?(?i:recent|coming|past|last|next|previous|following)\s+"
                   rf"(?:(?i:few|several)\s+)?(?P<unit>(?i:hours|days|weeks|months|years|decades)){e}"),
        # "three days", "24-hour", "several weeks", "some 19 days", "decades"
        ("duration", rf"{b}{approx}(?:{amount}[\s-]+)?{unit}{e}"),
        ("season", rf"{b}{mod}{season}{e}"),
        ("month", rf"{b}{mod}{month}{e}"),
        ("clock", rf"{b}{clock}{e}"),
        ("clock24", rf"{b}{clock24}{e}"),
        ("military", rf"{b}{military}{e}"),
        ("weekend", rf"{b}(?i:the\s+weekend){e}"),
        ("noon", rf"{b}(?P<noon>(?i:noon|midday|midnight)){e}"),
        ("reference", rf"{b}(?P<reference>{_alt(rows, 'reference')}){e}"),
        ("set", rf"{b}(?:(?P<set>{_alt(rows, 'set')})|(?P<every>(?i:every|each))\s+(?:(?i:single)\s+)?(?:{weekday}|(?P<unit>(?i:day|week|month|year|hour|morning|night))))"
                rf"{e}"),
    ]
    return tuple((shape, re.compile(rx)) for shape, rx in table)


# Words a pattern cannot match without (its literal words, in any case): a text that has
# none of them is not searched with it. Each pattern scans the whole text, and most
# articles name no century, decade, weekend or noon (a speed-up only: the mentions found
# are the same).
NEEDED = {
    "century": ("century",),
    "decade": ("0s", "0's"),
    "weekend": ("weekend",),
    "noon": ("noon", "midday", "midnight"),
    "month-of-year": ("year",),
    "month-this-year": ("year",),
    "period-part": ("week", "month", "year"),
    "recent": ("hours", "days", "weeks", "months", "years", "decades"),
}


# Patterns every match of which holds a word of one kind: a unit ("three days", "two weeks
# ago"), a month ("7 December", "early March 2011"), a weekday, a season, or a number at a
# word's start ("1998", "mid-2023", "10:30 p.m."), at most BEFORE characters after where the
# match starts ("more than two hundred and fifty years", "Saturday, the morning of 7
# December") and AFTER characters before where it ends (", 2024", " ago", " local time"):
# they are run only around the text's words of that kind (`Grammar.anchors`). Each pattern
# tries every word, and most hold long alternations: these took two thirds of the
# patterns' time (a speed-up only: the mentions found are the same).
ANCHORED = {"duration": "unit", "ago": "unit", "month-day": "month", "day-month": "month", "month-year": "month",
            "month": "month", "month-of-year": "month", "month-this-year": "month", "day-range-start": "month",
            "weekday": "weekday", "season": "season", "year": "digit", "year-range-end": "digit", "decade": "digit",
            "numeric": "digit", "clock": "digit", "clock24": "digit", "military": "digit"}
BEFORE = 120
AFTER = 40


def _around(text: str, anchor: re.Pattern[str]) -> list[tuple[int, int]]:
    """The stretches of text around the words the anchor finds, those that meet joined, none
    ending inside a word."""
    out: list[tuple[int, int]] = []
    for m in anchor.finditer(text):
        lo, hi = max(0, m.start() - BEFORE), min(len(text), m.end() + AFTER)
        while hi < len(text) and not text[hi].isspace():
            hi += 1
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def _find(text: str, patterns: tuple[tuple[str, re.Pattern[str]], ...],
          anchors: dict[str, re.Pattern[str]] | None = None) -> list[Mention]:
    found: list[tuple[int, int, int, Mention]] = []
    lowered = text.lower()
    whole = [(0, len(text))]
    around = {kind: _around(text, rx) for kind, rx in (anchors or {}).items()}
    for rank, (shape, rx) in enumerate(patterns):
        if shape in NEEDED and not any(word in lowered for word in NEEDED[shape]):
            continue
        stretches = around.get(ANCHORED.get(shape, ""), whole)
        for m in (m for lo, hi in stretches for m in rx.finditer(text, lo, hi)):
            if m.end() == m.start():
                continue
            parts = {k: v for k, v in m.groupdict().items() if v is not None}
            found.append((m.start(), -(m.end() - m.start()), rank,
                          Mention(shape, m.start(), m.end(), m.group(), parts)))
    found.sort(key=lambda f: (f[1], f[0], f[2]))
    starts: list[int] = []  # the kept mentions, sorted by start; they never overlap
    kept: list[Mention] = []
    for _, _, _, mention in found:
        i = bisect_left(starts, mention.start)
        if i > 0 and kept[i - 1].end > mention.start or i < len(kept) and kept[i].start < mention.end:
            continue
        starts.insert(i, mention.start)
        kept.insert(i, mention)
    return kept
