"""Datelines: the place (and agency, date) that open a wire report.

"DAMASCUS:", "KYIV (Reuters) -", "BEIRUT, Dec 7 (AP) —", "GAZA CITY, Gaza Strip (AP) —",
"ISLAMABAD/KABUL, June 3 (Reuters) -", "POPAYÁN, Colombia, Aug. 11 —", "YAOUNDÉ, 23 June
(Afrik Dispatch) —". The place is written
in capitals, an accented name's too; what may follow it (a region or a date after a comma,
an agency in brackets) is kept out of the value. A place in ordinary case only counts when
an agency in brackets or a date vouches for it: "Kyiv, Ukraine (AP) —" or "Beirut, Dec 7
—". Month names come from data/times/words.tsv.
"""
from __future__ import annotations

import regex as re  # \p{Lu}: the capitals of accented names ("BOGOTÁ", "ŁÓDŹ")
from collections.abc import Iterable
from typing import NamedTuple

from ...resources import Resources

_WORD = r"\p{Lu}[\p{Lu}'’.\-]*"
_CAPS_PLACE = rf"{_WORD}(?: {_WORD})*(?:/{_WORD}(?: {_WORD})*)*"
# a region, or a date with its day first ("BANGKOK, 6 October (Agency) —")
_REGION = r"(?:,\s*(?:\d{1,2} )?[A-Z][\w.'’\-]*(?: [\w.'’\-]+){0,3})"
_AGENCY = r"(?:\s*\((?P<agency>[^()\n]{1,40})\))"
_SEPARATOR = r"\s*(?::|--|[-–—])\s+"
# a region and a date may both follow the place ("ERBIL, Iraq, March 13 (Reuters) -")
CAPS_DATELINE = re.compile(rf"\A\s*(?P<place>{_CAPS_PLACE}){_REGION}{{0,2}}{_AGENCY}?{_SEPARATOR}")


class Dateline(NamedTuple):
    place: str
    start: int       # offset of the place in the text
    end: int
    body: int        # offset where the article's first sentence begins
    agency: tuple[int, int] | None = None  # where the agency in brackets is, if one is named


class Datelines:
    """Finds the dateline that opens a text; knows the month names its date may use."""

    def __init__(self, months: Iterable[str]):
        # a month's first three letters and whatever follows ("Dec", "Dec.", "December",
        # and the misspelt "Febuary" of a hurried wire)
        stems = sorted({m[:3] for m in months if len(m) >= 3 and m[:3].isalpha()})
        month = rf"(?:{'|'.join(map(re.escape, stems))})[a-z]*\.?" if stems else "(?!)"
        self.title = re.compile(
            rf"\A\s*(?P<place>[A-Z][a-z'’\-]+(?: [A-Z][a-z'’\-]+){{0,2}}){_REGION}?"
            rf"(?:{_AGENCY}|,\s*(?:{month} \d{{1,2}}|\d{{1,2}} {month}){_AGENCY}?){_SEPARATOR}")

    def find(self, text: str) -> Dateline | None:
        """The dateline that opens the text, if there is one."""
        head = text[:200]
        match = CAPS_DATELINE.match(head)
        if match is None or sum(c.isalpha() for c in match.group("place")) < 3:
            match = self.title.match(head)
        if match is None:
            return None
        place = match.group("place")
        start = match.start("place")
        agency = match.span("agency") if match.group("agency") else None
        return Dateline(place.strip(), start, start + len(place.strip()), match.end(), agency)


def month_names(resources: Resources) -> tuple[str, ...]:
    """The month words of data/times/words.tsv as written there: "December", "Dec."."""
    return tuple(r["word"] for r in resources.table("times/words.tsv", ("word", "kind")) if r["kind"] == "month")


def datelines(resources: Resources) -> Datelines:
    return Datelines(resources.get(month_names))
