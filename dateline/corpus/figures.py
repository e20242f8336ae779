"""When two figures count the same thing, and when their values disagree.

Two figures count the same thing when they are of one category (killed, injured,
displaced...) and of one group of people (data/figures/people.tsv: "13 service members"
and "170 civilians" are two tolls, "185 people" a third; a people, "12 Palestinians" in
Gaza, is counted as anyone is, but "eight Mexicans" in El Paso are some of the dead) or
one counts some of whom the other counts ("19 civilians" of "12 people", `nested`), their
places are compatible (in one country, at least; only that, when one count's place is a
guess, its article's main place; a place the gazetteer lacks counts as that main place
beside a known one) and their periods meet (the figure's own
date, else the days before publication). In one article, only figures that two
different voices give count the same thing: a writer who tells "killed three" and "at
least five died" in their own voice tells of two tolls (two shootings, or two days), not
a dispute with themselves.

Counts of one thing disagree when no value can satisfy both: "at least 300" and 327
agree; "at least 40" and 15 do not; two exact counts disagree when they are further apart
than the tolerance (`Settings.figure_tolerance`, a share of the larger); counts SCALE
times apart count two things (a raid's displaced and a war's). A count published
days later that is higher is the toll risen, not a dispute. Vague counts ("dozens") are
kept but never contradict.
"""
from __future__ import annotations

import datetime as dt

from .compare import Item, places_compatible, same_article, same_place, where
from .items import weeks
from .names import fold

MAX_KEY_DAYS = 31
# the people counted, each category one thing that reports may dispute: "other" counts too
# (the inmates who escaped, the hostages taken, a crowd), of one group (`one_group`);
# a population is what a place holds, not what happened
COUNTED = {"killed", "injured", "displaced", "refugees", "detained", "missing", "other"}
# two counts this many times apart count different things, not one thing in dispute: the
# 8,000 a raid drove from their homes and the "more than 1.5 million" a province's war has
# displaced (sources that dispute one toll are rarely more than a few times apart)
SCALE = 20


def keys(item: Item, doc: str) -> set[str]:
    if item["category"] not in COUNTED or item.get("part"):
        # a population is not a count that reports dispute, nor is a part of a toll ("five
        # of the dead")
        return set()
    own = {f"{item['category']}|doc:{doc}"}
    if item.get("lo") is None:
        return own
    lo, hi = dt.date.fromisoformat(item["lo"]), dt.date.fromisoformat(item["hi"])
    return own | {f"{item['category']}|{week}" for week in weeks(lo, min(hi, lo + dt.timedelta(days=MAX_KEY_DAYS)))}


def likeness(a: Item, b: Item) -> float | None:
    """1 when two figures count the same thing, else None."""
    if a["category"] != b["category"] or a["category"] not in COUNTED or a.get("part") or b.get("part") \
            or not one_group(a, b) and not nested(a, b):
        return None
    if same_article(a, b) and _voice(a) == _voice(b) or _scales_apart(a, b):
        return None
    here, there = _placed(a, b), _placed(b, a)
    if not here or not there:
        return None  # a toll of no place named may count anything: the crew of a ship, a war's dead
    if not _periods_meet(a, b):
        return None
    if same_place(here, there):
        return 1.0
    known = all(p.get("country") for p in here + there)  # else "inside" cannot be told
    if known and not {p["country"] for p in here} & {p["country"] for p in there}:
        return None  # a count in Saudi Arabia and one in Hong Kong: a country is a place here
    if known and (not a["places"] or not b["places"]):
        return 1.0  # one count's place is only its article's main one, a guess: one country is enough
    return 1.0 if known and places_compatible(here, there) else None


def _placed(item: Item, other: Item) -> list[Item]:
    """Where a figure counts, to compare with another: its places; but a place the
    gazetteer lacks ("near Kondele roundabout"), beside another figure's known place, as
    its article's main place ("KISUMU - ...": a quarter of Kisumu, most likely). Two
    places the gazetteer lacks are compared by name."""
    here = where(item)
    if here and not any(p.get("country") for p in here) and any(p.get("country") for p in where(other)):
        return item.get("near") or here
    return here


def _periods_meet(a: Item, b: Item) -> bool:
    """Whether two figures' periods meet: their own dates, else the days before their
    reports. In one article, a toll left undated may be of a day the article names in the
    month before it ("the government's toll still stands at two dead", "nine people were
    killed on Monday"), but not of an older happening it recalls ("12 bodies so far" and
    the "19 people" an air strike killed in February last year count two things)."""
    if a.get("lo") is None or b.get("lo") is None:
        return same_article(a, b)
    if same_article(a, b) and not (a.get("dated") and b.get("dated")):
        undated, other = (a, b) if not a.get("dated") else (b, a)
        reach = (dt.date.fromisoformat(undated["lo"]) - dt.timedelta(days=MAX_KEY_DAYS)).isoformat()
        return reach <= other["hi"] and other["lo"] <= undated["hi"]
    return a["lo"] <= b["hi"] and b["lo"] <= a["hi"]


def _scales_apart(a: Item, b: Item) -> bool:
    """Whether two figures are SCALE times apart or more (their stated numbers)."""
    x, y = (f.get("value") if f.get("value") is not None else f.get("low") for f in (a, b))
    if x is None or y is None:
        return False
    return max(x, y) >= SCALE * max(min(x, y), 1)


def one_group(a: Item, b: Item) -> bool:
    """Whether two figures count one group of people: the same group (or one of a noun's
    two: "two sailors" and "two of its crew"), or a people and anyone ("12 Palestinians"
    and "15 people" of one strike; not "13 Americans" and "170 Afghans"), of one
    nationality (`_one_people`)."""
    x, y = a.get("group", ""), b.get("group", "")
    return (x == y or bool(_groups(x) & _groups(y)) or not x and y.startswith("people:")
            or not y and x.startswith("people:")) and _one_people(a, b)


def _groups(group: str) -> set[str]:
    """The groups a figure's noun may count: "crew|forces" for "sailors" (people.tsv)."""
    return set(group.split("|")) - {""}


def nested(a: Item, b: Item) -> bool:
    """Whether one of two figures counts some of whom the other counts: a group counted
    among a toll of anyone ("19 civilians", data/corpus/tolls.tsv) and anyone ("12
    people"), of one people. Counted as one thing, they dispute each other only when the
    part outnumbers the whole (`exceeds`). Items of a store linked before: none."""
    part, whole = (a, b) if a.get("group") else (b, a)
    return bool(part.get("among")) and not whole.get("group") and _one_people(a, b)


def exceeds(a: Item, b: Item, tolerance: float) -> bool:
    """Whether, of two nested figures, the group's count ("19 civilians") cannot be some of
    the other's ("12 people"), with `tolerance` of slack; a part published on a later day
    than the whole has grown past it, as a toll does (`disagree`)."""
    part, whole = (a, b) if a.get("group") else (b, a)
    x, y = bounds(part), bounds(whole)
    if x is None or y is None:
        return False
    if part.get("published") and whole.get("published") and part["published"] > whole["published"]:
        return False
    gap = x[0] - y[1]
    return gap > tolerance * max(x[0], y[1], 1.0)


def apart(a: Item, b: Item, tolerance: float) -> bool:
    """Whether two figures of one count cannot both be true: of one group, they disagree;
    nested, the part outnumbers the whole. Not two a writer gives in one article, which a
    third may have joined in one count ("three killed" and "at least eight died" in a
    second blast, beside another report's "40 civilians")."""
    if same_article(a, b) and _voice(a) == _voice(b):
        return False
    if one_group(a, b):
        return disagree(a, b, tolerance)
    return nested(a, b) and exceeds(a, b, tolerance)


def _one_people(a: Item, b: Item) -> bool:
    """Whether two figures count people of one nationality (items.Reader._peoples): the
    same; or none named, of a group ("three soldiers" may be the "two Israeli soldiers"
    counted otherwise); or anyone, beside the people of the country the count is in ("12
    Palestinians" and "15 people" in Gaza). Not "eight Mexicans" and "22 people" in El
    Paso, who are some of the dead, nor "two Tajik border guards" and "four Kyrgyz border
    guards". Items of a store linked before nationalities name none."""
    x, y = a.get("of"), b.get("of")
    if x == y:
        return True
    if x and y:
        return False
    if (b if x else a).get("group"):
        return True
    return any(p.get("country") == (x or y) for p in where(a) + where(b))


def _voice(item: Item) -> str:
    """Who gives a figure: its speaker, or "" for the writer."""
    return fold((item.get("speaker") or {}).get("name") or "")


def bounds(item: Item) -> tuple[float, float] | None:
    """The values a figure allows, or None for a vague count."""
    value, low, high = item.get("value"), item.get("low"), item.get("high")
    qualifier = item.get("qualifier") or "exact"
    if qualifier == "vague" or value is None and low is None:
        return None
    if qualifier == "range":
        return float(low if low is not None else value), float(high if high is not None else value)
    base = float(value if value is not None else low)
    return {
        "at_least": (base, float("inf")), "more_than": (base, float("inf")),
        "at_most": (0.0, base), "less_than": (0.0, base),
    }.get(qualifier, (base, base))


def disagree(a: Item, b: Item, tolerance: float) -> bool:
    """Whether no count can satisfy both figures, with `tolerance` of slack for approximations.
    A count published on a later day that is higher has grown, not disputed the earlier one
    (tolls and the displaced are counted as they rise: "at least 30 killed", then "45", then
    "52"); a lower one still disputes it."""
    x, y = bounds(a), bounds(b)
    if x is None or y is None:
        return False
    if a.get("published") and b.get("published") and a["published"] != b["published"]:
        early, late = (x, y) if a["published"] < b["published"] else (y, x)
        if late[1] >= early[0]:
            return False
    lo, hi = max(x[0], y[0]), min(x[1], y[1])
    if lo <= hi:
        return False
    gap = lo - hi
    return gap > tolerance * max(abs(lo), abs(hi), 1.0)
