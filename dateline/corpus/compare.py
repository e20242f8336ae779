"""The comparisons that linking, contradictions and claim status share: of dates, of
places (the same, or one inside the other), of actors (the same, or in conflict), of words.

Every function here compares two items alone: what is linked never depends on the order
the articles came in, or on what else the store holds.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..layers.scoring import haversine_km
from .names import Name, Names, fold, same

Item = dict[str, Any]
# the stances that put their content forward, so that a negation inside it denies what it
# negates ("said its forces had not conducted any operations"); not a call or a warning
# ("urged those who have not yet pledged"), whose negation denies nothing anyone said
PUTTING = ("assert", "claim", "condemn")
# A site or a quarter (a camp, an airport, a neighbourhood: data/places/extra.tsv) lies in
# the town whose centre is this near: "the Jabalia refugee camp" is in Jabalia, which the
# gazetteer's divisions cannot say, since it gives sites no division
SITES = ("locality", "facility")
SITE_KM = 3.0  # a camp at a town's edge; not the next town of a dense city (Jabalia camp is 5 km from Gaza City)


def denies(mention: Item) -> bool:
    """Whether an event mention is denied by the statement that tells it: "denied that the
    army withdrew", "condemned rumours that the president had left" (the events layer
    marks only rumours and false reports so), "said the rebels had not entered"."""
    return mention["factuality"] == "denied" and (mention.get("stance") == "deny" or mention.get("stance") in PUTTING)


def same_article(a: Item, b: Item) -> bool:
    """Whether two items are of one stored article (by the store's key, not the article's
    id, which two feeds may both call "1")."""
    return a.get("key") is not None and a.get("key") == b.get("key")


def where(item: Item) -> list[Item]:
    """The places an item names, else the one place its article names (items.py)."""
    return item["places"] or item.get("near") or []


def dates_overlap(a: Item, b: Item) -> bool:
    """Whether two items' days can be the same: their intervals meet. An item with no date
    at all (no date of its own and no publication date) meets only items of its own document."""
    one_document = same_article(a, b)
    if a.get("lo") is None or b.get("lo") is None:
        return one_document
    if one_document and not (a.get("dated") and b.get("dated")):
        return True  # "the strike" after "the strike on Tuesday": the article has dated it once
    return a["lo"] <= b["hi"] and b["lo"] <= a["hi"]


def same_day(a: Item, b: Item) -> bool:
    return bool(a.get("dated") and b.get("dated") and a["lo"] == a["hi"] == b["lo"] == b["hi"])


def _same_place(x: Item, y: Item) -> bool:
    if x.get("geonameid") and y.get("geonameid"):
        return x["geonameid"] == y["geonameid"]
    return fold(x["name"]) == fold(y["name"])


def inside(x: Item, y: Item) -> bool:
    """Whether place x lies in place y, as far as the gazetteer's country and first-level
    division tell: a town in its country, in its province; a country's region in it."""
    if _same_place(x, y) or not y.get("country") or x.get("country") != y["country"]:
        return False
    if y.get("kind") in ("country", "region"):
        return x.get("kind") != "country"
    if y.get("kind") == "admin1":
        return bool(x.get("admin1")) and x.get("admin1") == y.get("admin1") and x.get("kind") != "admin1"
    if x.get("kind") in SITES and y.get("kind") == "city" and None not in (x.get("lat"), y.get("lat")):
        return haversine_km((x["lat"], x["lon"]), (y["lat"], y["lon"])) <= SITE_KM  # the camp of its town
    return False


def specific(places: list[Item]) -> list[Item]:
    """The places of a list that hold no other place of it ("Aleppo" of Aleppo, Syria)."""
    return [p for p in places if not any(inside(q, p) for q in places if q is not p)]


def places_compatible(a: list[Item], b: list[Item]) -> bool:
    """The same place, or one inside the other, or one a district that may hold the other.
    Unknown places do not conflict, nor do those the gazetteer puts in no country (seas,
    unresolved names), nor countries: a country among an event's places is as often who
    acted as where."""
    a = [p for p in a if p.get("country") and p.get("kind") != "country"]
    b = [p for p in b if p.get("country") and p.get("kind") != "country"]
    if not a or not b:
        return True
    a, b = specific(a), specific(b)
    return any(_same_place(x, y) or inside(x, y) or inside(y, x) or _may_hold(x, y) or _may_hold(y, x)
               for x in a for y in b)


def _may_hold(x: Item, y: Item) -> bool:
    """Whether district y may hold place x: the gazetteer gives a town its first-level
    division only, not its district ("Djibo" and "Soum province", both of the Sahel region)."""
    return y.get("kind") == "admin2" and x.get("kind") not in ("country", "region", "admin1", "admin2") \
        and bool(x.get("admin1")) and x.get("admin1") == y.get("admin1") and x.get("country") == y.get("country")


def same_place(a: list[Item], b: list[Item], countries: bool = True) -> bool:
    """Whether the two lists share a most specific place; with `countries=False`, one
    short of a country (two attacks "in Syria" the same week are not one attack for that)."""
    return any(_same_place(x, y) for x in specific(a) for y in specific(b)
               if countries or x.get("kind") != "country" and y.get("kind") != "country")


def actors_relation(a: list[Item], b: list[Item], names: Names) -> str:
    """shared: some actor is one; other parties: some is one, and each side names one the
    other lacks; conflict: both name actors and none is one; else unknown.
    Give actors and targets together to compare the participants whatever their roles."""
    if not a or not b:
        return "unknown"
    left, right = [_called(x, names) for x in a], [_called(y, names) for y in b]
    if any(any_pair(x, y, same) for x in left for y in right):
        # "the US and Russia agreed", "the US and Ukraine agreed": a party on each side
        # that the other lacks makes two happenings, whatever they share (a state's forces
        # are no other party than the state: "United States military forces")
        alone = [any(names.named(x["name"]) and not any(any_pair(n, m, _one_party) for m in right)
                     for x, n in zip(a, left)),
                 any(names.named(y["name"]) and not any(any_pair(m, n, _one_party) for n in left)
                     for y, m in zip(b, right))]
        return "other parties" if all(alone) else "shared"
    if not any(names.named(x["name"]) for x in a) or not any(names.named(y["name"]) for y in b):
        return "unknown"  # "the rebels", "the army": a description may be anyone named
    return "conflict"


def _called(actor: Item, names: Names) -> list[Name]:
    """An actor's name and the acronyms its article gives it (items.py `_aka`: "the
    Ruwenzori Patriots' Coalition (CPR)"), by which another article may name it alone."""
    return [names.name(text, actor.get("type")) for text in (actor["name"], *actor.get("aka", ()))]


def any_pair(x: list[Name], y: list[Name], alike: Callable[[Name, Name], bool]) -> bool:
    """Whether some name of one list and some of the other are alike: one actor's names
    (`_called`) against another's."""
    return any(alike(n, m) for n in x for m in y)


def _one_party(x: Name, y: Name) -> bool:
    return same(x, y) or for_state(x, y) or for_state(y, x)


def meet(some: list[Item], others: list[Item], names: Names) -> bool:
    """Whether two lists of actors name one actor, or a state and one who acts for it (what
    "Iraq's foreign ministry" says Iraq has no plans to do, Iraq does or not)."""
    return any(any_pair(_called(a, names), _called(b, names), _one_party) for a in some for b in others)


def for_state(state: Name, part: Name) -> bool:
    """Whether `state` is a country and `part` its government, ministry, army or office
    holder ("Iraq" and "Iraq's foreign ministry", "Iraqi forces"; not "Iraqi Kurdish rebels")."""
    # (a state named in several words is its words: "united states", "south sudan")
    return state.type == "GPE" and bool(state.countries) and state.countries == set(state.words) \
        and part.type in ("ORG", "PERSON") and state.countries <= part.countries and part.form != state.form


def teller(mention: Item, names: Names) -> Name | None:
    """Who tells a mention: the speaker of the saying it is in, None for the writer."""
    said = mention.get("speaker") or {}
    return names.name(said["name"], said.get("type")) if said.get("name") else None


def told_by_doer(mention: Item, names: Names) -> bool:
    """Whether a mention is told by its own doer ("the army said it had targeted ...",
    "the group denied any role in the attack")."""
    return own_doing(mention, teller(mention, names), names)


def own_doing(mention: Item, speaker: Name | None, names: Names) -> bool:
    """Whether what a speaker denies is its own doing ("the group denied any role", "its
    fighters had not attacked the bridge"): what it disputes is who did it, not that it
    was done."""
    return speaker is not None and any(
        same(speaker, name) or for_state(name, speaker) or for_state(speaker, name)
        for name in (names.name(a["name"], a.get("type")) for a in mention["actors"]))


def done_by(report: Item, mention: Item, names: Names) -> bool:
    """Whether a report names as the doer who a mention does: one of its actors, its own
    ("Harrowland's army" for Harrowland), or a description that may be one ("the
    insurgents" for "al-Shabaab"), not none."""
    owned = any(b["name"].startswith((f"{a['name']}'s ", f"{a['name']}’s "))
                for a in mention["actors"] for b in report["actors"])
    return bool(report["actors"]) and (owned or meet(mention["actors"], report["actors"], names) or actors_relation(
        mention["actors"], report["actors"], names) == "unknown")


def overlap(a: list[str], b: list[str]) -> float:
    """Jaccard overlap of two word lists."""
    left, right = set(a), set(b)
    if not left or not right:
        return 0.0
    return len(left & right) / len(left | right)
