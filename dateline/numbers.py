"""Numbers as written in news English, read into numbers.

"370,000", "2 million", "1.5m", "twenty-five", "a dozen", "half a million", "hundreds", "10^12" and the
thousands separators of other locales ("370.000", "370 000", "370'000") all become a
`Number`. The number words live in data/numbers.tsv; `numbers(resources)` reads them once
per pipeline. Shared by the figures and the times layers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .resources import Resources

# Above this a number is not read at all: no count of people comes near it, and
# "1e400" would not even be a finite JSON number.
LARGEST = 10**15


@dataclass(frozen=True)
class Number:
    start: int
    end: int
    value: float | int | None  # None for vague counts
    low: float | int | None = None  # the least a vague count can mean ("dozens" → 24)
    vague: bool = False


def _as_number(s: str) -> int | float:
    f = float(s)
    return int(f) if f.is_integer() else f


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


# Digits with one kind of grouping. A dot or comma followed by exactly three digits is a
# thousands separator; otherwise it is a decimal mark ("1.5 million", "2,5 Millionen").
_GROUPED = r"[0-9]{1,3}(?:(?:,[0-9]{3})+|(?:\.[0-9]{3})+|(?:[ \u00a0\u202f\u2009][0-9]{3})+|(?:['\u2019][0-9]{3})+)(?![0-9])"
_PLAIN = r"[0-9]+(?:[.,][0-9]+)?"
_POWER = r"10\s*(?:\^|\*\*)\s*[0-9]{1,3}|10[\u2070\u00b9\u00b2\u00b3\u2074-\u2079]+|[0-9]+(?:\.[0-9]+)?[eE][0-9]{1,3}"
_SUPERSCRIPTS = str.maketrans("\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079", "0123456789")


def _pattern(words: dict[str, tuple[str, float | None]]) -> re.Pattern[str]:
    """A number as written: digits (with an optional scale word) or number words."""
    units, scales, vague, fractions = (_kind(words, k) for k in ("unit", "scale", "vague", "fraction"))
    scale = rf"(?:\s*(?:{_alternation(scales)}|mn|bn|m\b|k\b))"
    unit = rf"(?:{_alternation(units)})"
    # "a"/"an" only count before a scale word ("a dozen", "a million"), never alone; "and"
    # only joins after a scale ("two hundred and fifty"), so "five and ten" stays two
    # numbers; a number in words has a few parts, and the bound keeps a run of number
    # words from costing time in the square of its length.
    after_scale = "|".join(f"(?<={w})" for w in scales)
    worded = (rf"(?:(?:(?:a|an)[\s-]+(?:{_alternation(scales)})|{unit})"
              rf"(?:[\s-]+(?:{unit}|{_alternation(scales)})|(?:{after_scale})\s+and\s+{unit}){{0,6}})")
    digits = rf"(?:(?:{_POWER})|(?:{_GROUPED}|{_PLAIN}){scale}?)"
    parts = _fractioned(fractions, scales, units)
    return re.compile(rf"(?<![\w.,])(?:{digits}|{parts}|(?:{_alternation(vague)})|{worded})(?![\w])", re.IGNORECASE)


def _fractioned(fractions: list[str], scales: list[str], units: list[str]) -> str:
    """A part of a scale: "half a million", "a quarter of a million", "a quarter million",
    "one and a half million" (the groups: fraction, scale; or unit, scale)."""
    if not fractions or not scales:
        return r"(?!x)x"
    fraction, scale, unit = _alternation(fractions), _alternation(scales), _alternation(units)
    return (rf"(?:(?:(?:a|an)\s+)?(?P<fraction>{fraction})(?:\s+of)?\s+(?:(?:a|an)\s+)?(?P<fraction_scale>{scale})"
            rf"|(?P<whole>{unit})\s+and\s+(?:a|an)\s+half\s+(?P<whole_scale>{scale}))")


class Numbers:
    """The number words of one pipeline, and the reading of numbers written with them."""

    def __init__(self, words: dict[str, tuple[str, float | None]]):
        self.words = words  # word -> (unit | scale | vague | fraction, value)
        self.pattern = _pattern(words)
        self.parts = re.compile(_fractioned(*(_kind(words, k) for k in ("fraction", "scale", "unit"))))

    def read(self, text: str, start: int = 0) -> Number | None:
        """The number that `text` spells, or None. `start` offsets the result's span.
        Numbers above LARGEST are None: they count nothing."""
        part = self._part_of_scale(" ".join(text.split()).lower())
        number = Number(start, start + len(text), part) if part is not None else _read(text, start, self.words)
        if number is not None and number.value is not None and not (0 <= number.value <= LARGEST):
            return None
        return number

    def _part_of_scale(self, s: str) -> int | float | None:
        """ "half a million": 500000; "one and a half million": 1500000; None for any other text."""
        m = self.parts.fullmatch(s)
        if m is None:
            return None
        words = self.words
        if m["fraction"]:
            return _tidy(float(words[m["fraction"]][1]) * float(words[m["fraction_scale"]][1]))
        return _tidy((float(words[m["whole"]][1]) + 0.5) * float(words[m["whole_scale"]][1]))


def _kind(words: dict[str, tuple[str, float | None]], kind: str) -> list[str]:
    return [w for w, (k, _) in words.items() if k == kind and w not in ("a", "an")]


def numbers(resources: Resources) -> Numbers:
    rows = resources.table("numbers.tsv", ("word", "kind"), (("kind", ("unit", "scale", "vague", "fraction")),))
    return Numbers({r["word"].lower(): (r["kind"], _as_number(r["value"]) if r["value"] else None) for r in rows})


def _read(text: str, start: int, words: dict[str, tuple[str, float | None]]) -> Number | None:
    s = " ".join(text.split()).lower().replace("\u2019", "'")
    if s in words and words[s][0] == "vague":
        return Number(start, start + len(text), None, low=words[s][1], vague=True)
    m = re.fullmatch(_POWER, s)
    if m:
        base, _, exp = s.translate(_SUPERSCRIPTS).replace("**", "^").replace(" ", "").partition("^")
        if exp:
            return Number(start, start + len(text), 10 ** min(int(exp), 100))
        if "e" in base:
            value = float(base)
            return Number(start, start + len(text), _as_number(str(value)) if value < float("inf") else value)
        return Number(start, start + len(text), 10 ** min(int(base[2:]), 100))
    m = re.fullmatch(rf"({_GROUPED}|{_PLAIN})\s*([a-z]*)", s)
    if m:
        digits, suffix = m.groups()
        value = _digits(digits)
        if suffix:
            factor = _scale(suffix, words)
            if factor is None:
                return None
            value = value * factor
        return Number(start, start + len(text), _tidy(value))
    return _worded(s, start, start + len(text), words)


def _digits(s: str) -> float | int:
    if re.fullmatch(_GROUPED, s):
        return int(re.sub(r"[^0-9]", "", s))
    return _as_number(s.replace(",", "."))


def _scale(word: str, words: dict[str, tuple[str, float | None]]) -> int | None:
    short = {"m": 10**6, "mn": 10**6, "bn": 10**9, "k": 1000}
    if word in short:
        return short[word]
    kind, value = words.get(word, ("", None))
    return int(value) if kind == "scale" and value else None


def _tidy(value: float | int) -> float | int:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return round(value, 6) if isinstance(value, float) else value


def _worded(s: str, start: int, end: int, words: dict[str, tuple[str, float | None]]) -> Number | None:
    """ "twenty-five", "two hundred and fifty", "a dozen", "three million"."""
    total, current = 0, 0
    seen = False
    previous: int | None = None  # the unit word just read, if the last word was one
    for w in re.split(r"[\s-]+", s):
        if w == "and":
            continue
        kind, value = words.get(w, ("", None))
        if kind == "unit" and value is not None:
            if previous is not None and not (previous % 10 == 0 and 20 <= previous <= 90 and value < 10):
                return None  # "ten ten", "five six": not one number; only "twenty-five" joins
            current += int(value)
            previous = int(value)
            seen = True
            continue
        previous = None
        if kind != "scale" or value is None:
            return None
        if current == 0 and total:  # "a million million"
            total *= int(value)
            continue
        current = max(current, 1) * int(value)
        if value >= 1000:
            total, current = total + current, 0
        seen = True
    return Number(start, end, total + current) if seen else None
