"""What a temporal expression means: its TIMEX3 type and value.

Numeric dates ("7/12/2024", "2024-12-07", "07.12.24") are read by dateparser, which knows
two-digit years and day-first or month-first order and refuses impossible dates; dates
written with month names come from the grammar's parts and the calendar's own check. What
no library does for news is the anchoring, written here:

- deictic expressions ("Saturday", "last week", "two days ago", "yesterday") count from
  the publication date in news mode, and from the latest date the text has mentioned in
  narrative mode (HeidelTime's "narrative" documents, for histories and timelines);
- anaphoric ones ("the following day", "two days later", "that year") always count from
  the latest date mentioned;
- a weekday or a month without a year takes its direction from the tense of its clause:
  in past-tense reporting the most recent one on or before the anchor, in future-tense
  text the next one.
"""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

from .grammar import Grammar, Mention

UNIT_CODES = {"H": "H", "MIN": "M", "D": "D", "W": "W", "WE": "WE", "M": "M", "Y": "Y", "DE": "DE", "CE": "CE"}
TIME_UNITS = {"H", "MIN"}
MAX_STEP = 10_000  # "1000000 days ago" counts nothing on a calendar
WEEK = re.compile(r"(?P<year>\d{4})-W(?P<week>\d{2})")  # an ISO week value: "2041-W18", "2041-W18-WE"


@dataclass(frozen=True)
class When:
    """A point on the calendar at the precision the text gave it."""

    year: int
    month: int | None = None
    day: int | None = None
    bc: bool = False

    @classmethod
    def of(cls, d: dt.date) -> "When":
        return cls(d.year, d.month, d.day)

    def date(self) -> dt.date | None:
        if self.bc or self.month is None or self.day is None:
            return None
        return dt.date(self.year, self.month, self.day)

    def value(self) -> str:
        y = f"BC{self.year:04d}" if self.bc else f"{self.year:04d}"
        if self.month is None:
            return y
        if self.day is None:
            return f"{y}-{self.month:02d}"
        return f"{y}-{self.month:02d}-{self.day:02d}"


@dataclass(frozen=True)
class Resolved:
    type: str
    value: str | None
    start: int
    end: int
    when: When | None = None  # what a later anaphoric expression may count from


class Anchor:
    """The dates relative expressions count from, updated as the text is read."""

    def __init__(self, grammar: Grammar, published: dt.date | None, mode: str = "news", day_first: bool = False):
        self.grammar = grammar
        self.lookup = grammar.lookup
        self.published = published
        self.mode = mode
        self.day_first = day_first
        self.latest: When | None = When.of(published) if published else None
        self._day_hint: When | None = None

    def deictic_base(self) -> When | None:
        return self.latest if self.mode == "narrative" else (When.of(self.published) if self.published else None)

    def resolve(self, m: Mention, tense: str | None = None, day: When | None = None) -> Resolved | None:
        """The mention's type and value, or None when it is not a temporal expression after all.

        tense: "past" or "future" for the clause the mention is in, when known.
        day: the date a clock time is on, when the caller knows better than the latest date.
        """
        self._day_hint = day
        handler = getattr(self, "_" + m.shape.replace("-", "_"))
        result = handler(m, m.parts, tense)
        if result is None:
            return None
        if isinstance(result, tuple):
            result = Resolved(result[0], result[1], m.start, m.end)
        if result.when is not None:
            self.latest = result.when
        return result

    # -- absolute dates --------------------------------------------------------------

    def _month_day(self, m: Mention, p: dict[str, str], tense: str | None) -> Resolved:
        month, day = int(self.lookup(p["month"]).value), int(p["day"])
        return self._day_of(m, month, day, p.get("year"), tense, p)

    _day_month = _month_day

    def _day_of(self, m: Mention, month: int, day: int, year: str | None, tense: str | None,
                p: dict[str, str]) -> Resolved:
        if year:
            when = _checked(int(year), month, day)
        else:
            when = self._year_for(month, day, tense)
        if when is None:
            return Resolved("DATE", None, m.start, m.end)
        value = when.value()
        if p.get("part"):
            return Resolved("TIME", value + "T" + self.lookup(p["part"]).value, m.start, m.end, when)
        return Resolved("DATE", value, m.start, m.end, when)

    def _year_for(self, month: int, day: int | None, tense: str | None) -> When | None:
        """A month (and day) without a year: the year that puts it nearest the anchor,
        looking back in past-tense text and ahead in future-tense text."""
        base = self.deictic_base()
        if base is None:
            return None
        if base.bc:
            return When(base.year, month, day if day and day <= 31 else None, bc=True)
        if base.month is None or self.mode == "narrative":  # "in 1942 ... in June": that year's
            return _checked(base.year, month, day) if day else When(base.year, month)
        ref = (base.month, base.day or 1)
        candidates = []
        for year in (base.year - 1, base.year, base.year + 1):
            when = _checked(year, month, day) if day else _valid(When(year, month))
            if when is None:
                continue
            delta = (year - base.year) * 372 + (month - ref[0]) * 31 + ((day or ref[1]) - ref[1])
            if day is None and year == base.year and month == ref[0]:
                delta = 0
            if tense == "past" and delta > 0 or tense == "future" and delta < 0:
                continue
            candidates.append((abs(delta), when))
        return min(candidates, key=lambda c: c[0])[1] if candidates else None

    def _numeric(self, m: Mention, p: dict[str, str], tense: str | None) -> Resolved:
        dotted = "." in p["numeric"]  # 07.12.2024 is day first wherever it is written
        parsed = parse_absolute(p["numeric"], "DMY" if self.day_first or dotted else "MDY")
        when = When.of(parsed) if parsed else None
        return Resolved("DATE", when.value() if when else None, m.start, m.end, when)

    def _month_year(self, m: Mention, p: dict[str, str], tense: str | None) -> Resolved:
        when = _valid(When(_year_of(p), int(self.lookup(p["month"]).value), bc=_is_bc(p)))
        return Resolved("DATE", when.value() if when else None, m.start, m.end, when)

    def _year(self, m: Mention, p: dict[str, str], tense: str | None) -> Resolved:
        when = _valid(When(_year_of(p), bc=_is_bc(p)))
        if when is None:  # "0 AD"
            return Resolved("DATE", None, m.start, m.end)
        if p.get("season"):
            return Resolved("DATE", f"{when.value()}-{self.lookup(p['season']).value}", m.start, m.end, when)
        return Resolved("DATE", when.value(), m.start, m.end, when)

    _day_range_start = _month_day

    def _month_of_year(self, m: Mention, p: dict[str, str], tense: str | None) -> Resolved:
        base = self.latest
        if base is None:
            return Resolved("DATE", None, m.start, m.end)
        step = {"following": 1, "next": 1, "previous": -1}.get(p["direction"].lower(), 0)
        year = base.year - step if base.bc else base.year + step
        month = int(self.lookup(p["month"]).value)
        when = (_checked(year, month, int(p["day"])) if not base.bc else When(year, month, int(p["day"]), bc=True)) \
            if p.get("day") else When(year, month, bc=base.bc)
        return Resolved("DATE", when.value() if when else None, m.start, m.end, when)

    def _month_this_year(self, m: Mention, p: dict[str, str], tense: str | None) -> Resolved:
        base = self.deictic_base()
        if base is None or base.bc:
            return Resolved("DATE", None, m.start, m.end)
        year = base.year + {"last": -1, "next": 1}.get(p["direction"].lower(), 0)
        month = int(self.lookup(p["month"]).value)
        when = _checked(year, month, int(p["day"])) if p.get("day") else _valid(When(year, month))
        return Resolved("DATE", when.value() if when else None, m.start, m.end, when)

    def _year_range_end(self, m: Mention, p: dict[str, str], tense: str | None) -> Resolved | None:
        first, upto = p["from"], p["upto"]
        year = int(first[:2] + upto) if len(upto) == 2 else int(upto)
        if year <= int(first):
            return None  # "1939-12" is not a range of years
        when = When(year)
        return Resolved("DATE", when.value(), m.start, m.end, when)

    def _holiday(self, m: Mention, p: dict[str, str], tense: str | None) -> Resolved:
        month, day = (int(x) for x in self.lookup(p["holiday"]).value.split("-"))
        return self._day_of(m, month, day, p.get("year"), tense, p)

    def _decade(self, m: Mention, p: dict[str, str], tense: str | None) -> tuple[str, str]:
        return "DATE", p["decade"][:3]

    def _century(self, m: Mention, p: dict[str, str], tense: str | None) -> tuple[str, str] | None:
        raw = p["ordinal"].lower()
        word = self.lookup(raw)
        n = int(word.value) if word else int(re.sub(r"\D", "", raw))
        return "DATE", (f"{n - 1:02d}" if 1 <= n <= 100 else None)

    def _month(self, m: Mention, p: dict[str, str], tense: str | None) -> Resolved:
        when = self._year_for(int(self.lookup(p["month"]).value), None, tense)
        return Resolved("DATE", when.value() if when else None, m.start, m.end, when)

    def _season(self, m: Mention, p: dict[str, str], tense: str | None) -> tuple[str, str | None]:
        base = self.deictic_base()
        return "DATE", f"{base.value()[:4]}-{self.lookup(p['season']).value}" if base and not base.bc else None

    # -- relative to the publication date or to the latest date ----------------------

    def _relative(self, m: Mention, p: dict[str, str], tense: str | None) -> Resolved | tuple[str, str | None]:
        direction = " ".join(p["direction"].lower().split()).replace("this past", "past")
        has_the = m.text.lower().startswith(("the ", "earlier the", "later the"))
        anaphoric = direction in ("previous", "following", "same", "that") or (direction == "next" and has_the)
        base = self.latest if anaphoric else self.deictic_base()
        step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(direction, 0)
        unit = self.lookup(p["unit"]).value if p.get("unit") else None
        if has_the and direction in ("past", "last", "coming") and unit:
            plural = p["unit"].lower().endswith("s")  # "the coming days": how many is not said
            return "DURATION", _duration(None if plural else 1, unit)
        if base is None:
            return ("TIME" if p.get("part") else "DATE"), None
        if p.get("weekday"):
            return self._weekday_from(m, base, int(self.lookup(p["weekday"]).value), step, tense, p.get("part"))
        if p.get("month"):
            month = int(self.lookup(p["month"]).value)
            if step == 0 and direction not in ("same", "that"):
                when = self._year_for(month, None, tense)
                return Resolved("DATE", when.value() if when else None, m.start, m.end, when)
            when = _valid(When(_nearest_year(base, month, step), month, bc=base.bc))
            return Resolved("DATE", when.value() if when else None, m.start, m.end, when)
        if p.get("season"):
            season = self.lookup(p["season"]).value
            year = _nearest_year(base, SEASON_MONTHS[season], step)
            return "DATE", (f"{year:04d}-{season}" if 0 < year <= 9999 and not base.bc else None)
        if unit == "WE" and step == 0:  # "this weekend": the one just gone or the one to come
            return self._weekend(m, p, tense)
        if p.get("part"):
            d = _add(base.date(), days=step)
            return "TIME", (f"{d.isoformat()}T{self.lookup(p['part']).value}" if d else None)
        return self._shift(m, base, unit, step)

    def _period_part(self, m: Mention, p: dict[str, str], tense: str | None) -> Resolved | tuple[str, str | None]:
        """ "the end of the month": the current one ("that" month: the one last mentioned)."""
        base = self.latest if p["which"].lower() == "that" else self.deictic_base()
        if base is None:
            return "DATE", None
        return self._shift(m, base, self.lookup(p["unit"]).value, 0)

    def _shift(self, m: Mention, base: When, unit: str, step: int) -> Resolved | tuple[str, str | None]:
        """The unit that holds `base`, moved by `step` units."""
        if abs(step) > MAX_STEP:
            return "DATE", None
        if unit == "D":
            d = _add(base.date(), days=step)
            when = When.of(d) if d else None
            return Resolved("DATE", when.value() if when else None, m.start, m.end, when)
        if unit == "W" and step == -1 and (day := base.date()) is not None and day.isoweekday() == 7:
            step = 0  # "last week" said on a Sunday: the week that day ends, Monday to Saturday just gone
        if unit in ("W", "WE", "2W"):
            d = _add(base.date(), weeks=step * (2 if unit == "2W" else 1))
            if d is None:
                return "DATE", None
            y, w, _ = d.isocalendar()
            return "DATE", f"{y:04d}-W{w:02d}" + ("-WE" if unit == "WE" else "")
        if unit == "M":
            if base.month is None or base.bc:
                return "DATE", None
            y, mo = divmod(base.year * 12 + base.month - 1 + step, 12)
            when = _valid(When(y, mo + 1))
        elif unit == "Y":
            when = _valid(When(base.year - step if base.bc else base.year + step, bc=base.bc))
        elif unit in ("DE", "CE") and not base.bc:
            n = base.year // (10 if unit == "DE" else 100) + step
            return "DATE", (f"{n:0{3 if unit == 'DE' else 2}d}" if n > 0 else None)
        else:
            return "DATE", None
        return Resolved("DATE", when.value() if when else None, m.start, m.end, when)

    def _weekday(self, m: Mention, p: dict[str, str], tense: str | None) -> Resolved | tuple[str, str | None]:
        base = self.deictic_base()
        direction = " ".join((p.get("direction") or "").lower().split())
        step = {"last": -1, "past": -1, "this past": -1, "next": 1, "coming": 1, "this": 0}.get(direction)
        if base is None:
            return ("TIME" if p.get("part") else "DATE"), None
        return self._weekday_from(m, base, int(self.lookup(p["weekday"]).value), step, tense, p.get("part"))

    def _weekday_from(self, m: Mention, base: When, weekday: int, step: int | None, tense: str | None,
                      part: str | None) -> Resolved | tuple[str, str | None]:
        d = base.date()
        if d is None:
            return ("TIME" if part else "DATE"), None
        gap = (weekday - d.isoweekday()) % 7
        if step == -1:  # "last Saturday": before the anchor day
            target = _add(d, days=-((7 - gap) % 7 or 7))
        elif step == 1:  # "next Saturday": after it
            target = _add(d, days=gap or 7)
        elif tense == "future" or step == 0 and tense != "past":
            target = _add(d, days=gap)
        else:  # past-tense reporting, and the default: the most recent one
            target = _add(d, days=-((7 - gap) % 7))
        return _on_day(m, target, self.lookup(part).value if part else None)

    def _deictic(self, m: Mention, p: dict[str, str], tense: str | None) -> Resolved | tuple[str, str | None]:
        base = self.deictic_base()
        d = base.date() if base else None
        if p.get("lastnight"):
            offset, part = -1, "NI"
        else:
            word = (p.get("deictic") or "today").lower()
            offset = int(self.lookup(word).value)
            part = self.lookup(p["part"]).value if p.get("part") else ("NI" if word == "tonight" else None)
        return _on_day(m, _add(d, days=offset), part)

    def _ago(self, m: Mention, p: dict[str, str], tense: str | None) -> Resolved | tuple[str, str | None]:
        unit = self._unit_of(p["unit"])
        amount = self._amount(p["amount"])
        direction = p["dir"].lower()
        # "ago" counts back from the publication date; "later", "earlier", and "three days
        # after" (the last event the text told) count from the latest date mentioned.
        base = self.deictic_base() if direction == "ago" else self.latest
        if unit in TIME_UNITS and direction != "ago":  # "six minutes later": no clock to count from
            return "DURATION", _duration(amount, unit)
        if amount is None or base is None:
            return "DATE", ("PAST_REF" if direction in ("ago", "earlier", "before") and amount is None else None)
        if amount > MAX_STEP:
            return "DATE", None
        step = int(amount) * (-1 if direction in ("ago", "earlier", "before") else 1)
        if unit in TIME_UNITS:  # "48 hours ago": the day it falls on
            hours = step if unit == "H" else step / 60
            d = _add(base.date(), days=int(hours / 24))
            return "DATE", d.isoformat() if d else None
        if unit == "2W":  # "a fortnight ago"
            unit, step = "W", step * 2
        shifted = self._shift(m, base, unit, step)
        if direction in ("after", "later") and tense == "past" and self._past_publication(shifted):
            # "rebels attacked two days after the ceasefire was signed", in a report that has
            # told no date yet: counted from the publication date, a past act would fall
            # after it was reported; what it counts from is an event the text does not date
            return "DATE", None
        return shifted

    def _past_publication(self, result: Resolved | tuple[str, str | None]) -> bool:
        """Whether a news report's resolved date begins after the report was published."""
        if self.mode != "news" or self.published is None:
            return False
        value = result.value if isinstance(result, Resolved) else result[1]
        if not value:
            return False
        week = WEEK.match(value)
        if week:
            first = dt.date.fromisocalendar(int(week["year"]), int(week["week"]), 1)
        elif len(value) == 10:
            first = dt.date.fromisoformat(value)
        else:
            return False
        return first > self.published

    def _past(self, m: Mention, p: dict[str, str], tense: str | None) -> tuple[str, str | None]:
        plural = p["unit"].lower().endswith("s")
        amount = self._amount(p["amount"]) if p.get("amount") else (None if plural else 1)
        return "DURATION", _duration(amount, self._unit_of(p["unit"]))

    def _recent(self, m: Mention, p: dict[str, str], tense: str | None) -> tuple[str, str | None]:
        return "DURATION", _duration(None, self._unit_of(p["unit"]))

    def _duration(self, m: Mention, p: dict[str, str], tense: str | None) -> tuple[str, str | None]:
        amount = self._amount(p["amount"]) if p.get("amount") else None
        return "DURATION", _duration(amount, self._unit_of(p["unit"]))

    # -- clock times, references, sets ------------------------------------------------

    def _clock(self, m: Mention, p: dict[str, str], tense: str | None) -> tuple[str, str | None]:
        hour = int(p["hour"])
        ampm = (p.get("ampm") or "").lower().replace(".", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        if hour > 23:
            return "TIME", None
        zone = "Z" if p.get("zone") else ""
        return "TIME", f"{self._day_prefix()}T{hour:02d}:{int(p.get('minute') or 0):02d}{zone}"

    _clock24 = _military = _clock

    def _weekend(self, m: Mention, p: dict[str, str], tense: str | None) -> tuple[str, str | None]:
        """ "the weekend", "this weekend": the coming one in future-tense text, otherwise the
        one just gone (or the current one, when the anchor falls on it)."""
        base = self.deictic_base()
        d = base.date() if base else None
        if d is None:
            return "DATE", None
        if tense != "future" and d.isoweekday() < 6:  # a weekday: the weekend just gone
            d = _add(d, weeks=-1)
            if d is None:
                return "DATE", None
        y, w, _ = d.isocalendar()
        return "DATE", f"{y:04d}-W{w:02d}-WE"

    def _noon(self, m: Mention, p: dict[str, str], tense: str | None) -> tuple[str, str]:
        clock = "24:00" if p["noon"].lower() == "midnight" else "12:00"
        day = self._day_hint or self.latest
        if clock == "24:00" and tense == "past" and self._day_hint is None and day is not None \
                and self.published is not None and day.date() == self.published:
            # "stormed the centre shortly before midnight", told on the day it is published:
            # the midnight gone, which ended the day before (the one to come is ahead of the report)
            previous = _add(self.published, days=-1)
            if previous is not None:
                return "TIME", f"{previous.isoformat()}T24:00"
        return "TIME", f"{self._day_prefix()}T{clock}"

    def _day_prefix(self) -> str:
        day = self._day_hint or self.latest
        d = day.date() if day else None
        return d.isoformat() if d else "XXXX-XX-XX"

    def _reference(self, m: Mention, p: dict[str, str], tense: str | None) -> tuple[str, str]:
        return "DATE", self.lookup(p["reference"]).value

    def _set(self, m: Mention, p: dict[str, str], tense: str | None) -> tuple[str, str | None]:
        if p.get("set"):
            return "SET", self.lookup(p["set"]).value
        if p.get("weekday"):
            return "SET", f"XXXX-WXX-{self.lookup(p['weekday']).value}"
        unit = p["unit"].lower()
        if unit in ("morning", "night"):
            return "SET", f"XXXX-XX-XXT{self.lookup(unit).value}"
        return "SET", _duration(1, self.lookup(unit).value)

    def _unit_of(self, word: str) -> str:
        w = word.lower()
        entry = self.lookup(w) or self.lookup(w[:-1]) or self.lookup(w[:-3] + "y")  # days, centuries
        return entry.value if entry else "D"

    def _amount(self, word: str) -> float | int | None:
        """A written amount of time units, or None for indefinite ones ("several days")."""
        number = self.grammar.numbers.read(word)
        return number.value if number else None


SEASON_MONTHS = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}


def _nearest_year(base: When, month: int, step: int) -> int:
    """The year of the nearest such month before (step -1) or after (step 1) the anchor:
    "last January" in December is this year's, "next December" in January is this year's."""
    if step == 0 or base.month is None:
        return base.year + (-step if base.bc else step)
    if step < 0:
        year = base.year if month < base.month else base.year - 1
    else:
        year = base.year if month > base.month else base.year + 1
    return year if not base.bc else 2 * base.year - year


def _add(d: dt.date | None, **delta: int) -> dt.date | None:
    """d moved by a timedelta, or None at the calendar's ends."""
    if d is None:
        return None
    try:
        return d + dt.timedelta(**delta)
    except OverflowError:
        return None


def _valid(when: When) -> When | None:
    return when if 0 < when.year <= 9999 else None


def _on_day(m: Mention, day: dt.date | None, part: str | None) -> Resolved | tuple[str, None]:
    """A day, or a part of it ("NI": that night), as a DATE or a TIME."""
    if day is None:
        return ("TIME" if part else "DATE"), None
    value = f"{day.isoformat()}T{part}" if part else day.isoformat()
    return Resolved("TIME" if part else "DATE", value, m.start, m.end, When.of(day))


def _year_of(p: dict[str, str]) -> int:
    return int(p.get("year") or p["oldyear"])


def _is_bc(p: dict[str, str]) -> bool:
    return bool(p.get("era")) and p["era"].upper().replace(".", "").startswith("B")


def _checked(year: int, month: int, day: int) -> When | None:
    if not (1 <= year <= 9999) or not (1 <= month <= 12) or not (1 <= day <= calendar.monthrange(year, month)[1]):
        return None
    return When(year, month, day)


def _duration(amount: float | int | None, unit: str) -> str:
    n = "X" if amount is None else (f"{amount:g}" if isinstance(amount, float) else str(amount))
    if unit == "2W":
        n, unit = ("X" if amount is None else str(int(amount * 2))), "W"
    return ("PT" if unit in TIME_UNITS else "P") + n + UNIT_CODES[unit]


@functools.lru_cache(maxsize=4096)
def parse_absolute(text: str, order: str) -> dt.date | None:
    """A fully written date read by dateparser in the given field order, or None."""
    data = _parser(order).get_date_data(text)
    if data is None or data.date_obj is None or data.period != "day":
        return None
    return data.date_obj.date()


@functools.cache
def _parser(order: str):
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={"DATE_ORDER": order, "PREFER_DAY_OF_MONTH": "first",
                                                      "STRICT_PARSING": True})
