"""Which place each name of an article means: candidates scored on several signals at once.

A name ("Paris", "Georgia", "Orange County") has candidates in the gazetteer; the article
says which one it means through the other places it names. Each candidate gets a score, the
sum of:
- its prominence: how many people live there, on a log scale, and whether it is a country's
  capital (news names big places more than small ones of the same name);
- its kind: a country before a state, a state before a town of the same name;
- the article's countries: the share of the article's other names that lie in its country,
  and its dateline's country;
- the article's divisions: a state or province the article names that holds it;
- nearness: how close it lies to the other places the article names (local news names
  towns a few miles apart), save capitals, which news names as governments ("officials in
  Washington said" is no reason to look for Vienna in Virginia);
- a name listed in data/places/extra.tsv, chosen because news means that place by it.
The best candidate is taken when something in the article supports it (its country, its
division, a neighbour), or, with no support at all, when it is prominent and has no rival
near its size: a wrong pin is worse than none. Every weight is in WEIGHTS below.

The same names in the article are resolved together in two rounds: the first uses only
prominence and kind, which gives each name a first guess; the second scores again with the
countries, divisions and points of the other names' first guesses (never a name's own).
"""
from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..scoring import haversine_km
from .gazetteer import Candidate

# The weights, in one place. The scale: a candidate's prominence runs from 0 (a hamlet) to
# about 1 (a city of ten million); the other signals are set against it.
WEIGHTS = {
    # kind: what a bare name most often means when the places of that name are of several kinds
    "kind": {"country": 1.5, "admin1": 0.45, "region": 0.5, "water": 0.5, "city": 0.3, "admin2": 0.2,
             "facility": 0.3, "locality": 0.3},
    "capital": 0.8,      # a country's capital: news names capitals far more than their namesakes
    "prominence": 2.0,   # times log10(population) / 7: a city of 10 million scores 2, a town of 10,000 1.1
    "country": 1.2,      # times the share of the article's other names that lie in the country
    "dateline": 0.6,     # the dateline's country (a story filed from a place is mostly about its country)
    "division": 0.8,     # a state or province the article names holds the candidate
    "near": 1.0,         # a neighbour of the article within NEAR_KM; it fades linearly with distance
    "holds": 1.0,        # a country or division that holds another place the article names
    "region": 0.3,       # the article's part of the world: within REGION_KM of any other place it
                         # names, countries included ("Gaza" beside Israel and Lebanon, not in Mozambique)
    "curated": 2.5,      # listed in data/places/extra.tsv or regions.tsv because news means that place
                         # by the name: "the Atlantic" is the ocean, unless a town of that name is
                         # next door to the article's other places
    "loose": -0.5,       # matched on its consonants only ("Deraa" for "Dar'a"): trust it less
    "spelling": 0.3,     # written exactly as the place's own name is, abbreviations and all: "St. Thomas"
                         # is the Ontario city's spelling, "Saint Thomas" the Jamaican parish's
    "alias": -0.8,       # matched on another of its names (a former, foreign or local one), not its own:
                         # "Liverpool" is a former name of Washington, Indiana
}
NEAR_KM = 250            # how far a neighbour still counts: local news stays within a region
REGION_KM = 1500         # how far the article's part of the world reaches
CANDIDATES = 40          # the most populous candidates of a name that are scored
# Without support from the article, a candidate is taken only when it is this large and this
# many times larger than any rival of its name elsewhere (not one of its own divisions).
ALONE_POPULATION = 200_000
ALONE_FACTOR = 5
# A city this large is what its name means before the division of that name ("Homs", "Kharkiv"),
# unless the article writes "province" after it.
CITY_OVER_DIVISION = 100_000
SMALLEST_PLACE = 5_000   # a smaller town is trusted only inside a division the article names
# a town found only by the gazetteer, in a capitalised word the tagger did not call a place,
# must be this large to be taken (stage.py), and to be evidence for the article's other names:
# the "Justice" of "the International Court of Justice" is a village near Crete, Illinois
UNTAGGED_MIN_POPULATION = 20_000
LOCAL = ("city", "admin2", "locality", "facility")  # the kinds of place that pin an article down


@dataclass(frozen=True)
class Name:
    """One name as the article writes it, with what is known of its mentions."""

    text: str
    count: int = 1                 # how many times the article writes it
    # the article calls it a place (the tagger did, or its words: "the port of Hodeidah"),
    # so that a large place bearing it only as another of its names may be meant with no
    # support: without that, GeoNames' other names make places of "Drug" (Durg) and "Soul"
    sure: bool = False


@dataclass
class Evidence:
    """What the article's names say about where it is: each name's first guess, and how
    many times the article writes it."""

    first: dict[str, tuple[Candidate, int]]
    countries: Counter[str]               # country -> mentions of the names that lie in it
    divisions: Counter[tuple[str, str]]   # (country, admin1) -> mentions of the names of divisions

    _others: dict[str, list[Candidate]] = field(default_factory=dict)
    _points: dict[tuple[str, bool], list[tuple[float, float]]] = field(default_factory=dict)

    def others(self, name: Name) -> list[Candidate]:
        """The first guesses of the article's other names."""
        if name.text not in self._others:
            self._others[name.text] = [c for text, (c, _) in self.first.items() if text != name.text]
        return self._others[name.text]

    def points(self, name: Name, capitals: bool = True) -> list[tuple[float, float]]:
        """Where the article's other names lie, each point once; without `capitals`, only
        those that say where it is: a country's capital is named as its government's seat
        ("officials in Washington said") whatever the article is about."""
        key = (name.text, capitals)
        if key not in self._points:
            self._points[key] = list({(o.lat, o.lon) for o in self.others(name) if capitals or not o.capital})
        return self._points[key]

    def country_share(self, country: str | None, name: Name) -> float:
        """The share of the mentions of the article's other names that lie in the country."""
        own, n = self.first.get(name.text, (None, 0))
        mine = n if own is not None and own.country == country else 0
        total = sum(self.countries.values()) - (n if own is not None and own.country else 0)
        return (self.countries[country] - mine) / total if country and total > 0 else 0.0

    def names_division(self, country: str | None, admin1: str | None, name: Name) -> bool:
        """Whether another of the article's names is this division ("Louisiana" for Alexandria)."""
        own, n = self.first.get(name.text, (None, 0))
        mine = n if own is not None and own.kind == "admin1" and (own.country, own.admin1) == (country, admin1) else 0
        return self.divisions[(country, admin1)] - mine > 0


def resolve(names: Sequence[Name], candidates: dict[str, list[Candidate]],
            dateline_country: str | None = None) -> dict[str, Candidate | None]:
    """Each name's place, or None when the article does not say which one it means."""
    first: dict[str, tuple[Candidate, int]] = {}
    for n in names:
        guess = _best(candidates[n.text][:CANDIDATES], None, dateline_country, n)[0]
        if guess is not None and (n.sure or guess.kind != "city" or guess.population >= UNTAGGED_MIN_POPULATION):
            first[n.text] = (_city_over_division(guess, candidates[n.text]) if guess.kind == "admin1" else guess,
                             n.count)
    countries: Counter[str] = Counter()
    divisions: Counter[tuple[str, str]] = Counter()
    for c, count in first.values():
        if c.country:
            countries[c.country] += count
        if c.kind == "admin1" and c.admin1:
            divisions[(c.country, c.admin1)] += count
    evidence = Evidence(first, countries, divisions)
    out: dict[str, Candidate | None] = {}
    for n in names:
        found = candidates[n.text][:CANDIDATES]
        best, supported = _best(found, evidence, dateline_country, n)
        out[n.text] = _accept(best, supported, found, evidence, n)
    return out


def _best(found: list[Candidate], evidence: Evidence | None, dateline_country: str | None,
          name: Name) -> tuple[Candidate | None, bool]:
    """The best-scoring candidate, and whether the article supports it."""
    best, best_score, best_support = None, -math.inf, False
    for c in found:
        score, support = _score(c, evidence, dateline_country, name)
        if score > best_score:
            best, best_score, best_support = c, score, support
    return best, best_support


def _score(c: Candidate, evidence: Evidence | None, dateline_country: str | None, name: Name) -> tuple[float, bool]:
    w = WEIGHTS
    score = w["prominence"] * math.log10(max(c.population, 1)) / 7 + w["kind"].get(c.kind, 0.0)
    if c.matched_by == "skeleton":
        score += w["loose"]
    elif c.matched_by == "alias":
        score += w["alias"]
    if c.curated:
        score += w["curated"]
    if _letters(c.name) == _letters(name.text):
        score += w["spelling"]
    if c.capital:
        score += w["capital"]
    if evidence is None:
        return score, False
    support = False
    share = evidence.country_share(c.country, name)
    if share > 0:
        score += w["country"] * share
        support = True
    if dateline_country and c.country == dateline_country:
        score += w["dateline"]
        support = True
    others = evidence.others(name)
    # how far the nearest of the article's other places lies: the region and near signals
    nearest = min((haversine_km((c.lat, c.lon), point) for point in evidence.points(name)), default=math.inf)
    region = 1 - nearest / REGION_KM
    if region > 0:  # it tells namesakes apart, but is too broad to pin a name on its own
        score += w["region"] * region
    if c.kind in ("country", "admin1"):
        if any(o.kind in LOCAL and o.id != c.id and o.country == c.country
               and (c.kind == "country" or o.admin1 == c.admin1) for o in others):
            score += w["holds"]  # "Georgia" in an article on Atlanta and Macon: the state
            support = True
    elif c.kind not in ("region", "water"):
        # local signals, one of them counted: a division the article names holds it, or
        # another place the article names lies near it (they often say the same thing)
        inside = w["division"] if evidence.names_division(c.country, c.admin1, name) else 0.0
        # (not a capital: "officials in Washington" put no town in Maryland)
        local = min((haversine_km((c.lat, c.lon), point) for point in evidence.points(name, capitals=False)),
                    default=math.inf)
        near = w["near"] * (1 - local / NEAR_KM)
        if max(inside, near) > 0:
            score += max(inside, near)
            support = True
    return score, support


@functools.lru_cache(maxsize=65536)
def _letters(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch.isalnum())


def _accept(best: Candidate | None, supported: bool, found: list[Candidate], evidence: Evidence,
            name: Name) -> Candidate | None:
    # with no support, only a large place that bears the name as its own, or as another of
    # its names where the article calls the name a place (`Name.sure`)
    if best is None or not (supported or best.curated or best.kind == "country"
                            or (best.matched_by == "name" or name.sure and best.matched_by == "alias")
                            and _alone(best, found)):
        return None
    if best.kind == "admin1":
        city = _city_over_division(best, found)  # "Washington": the capital, unless Seattle is named too
        best = best if city is best or _holds_a_town(best, city, evidence, name) else city
    if best.kind == "city" and best.population < SMALLEST_PLACE:
        # a hamlet that shares a region's or a person's name ("Middle East", Maryland), unless
        # the article names its division or a place near it
        inside = evidence.names_division(best.country, best.admin1, name)
        return best if inside or _near_a_neighbour(best, evidence, name) else None
    return best


def _holds_a_town(division: Candidate, city: Candidate, evidence: Evidence, name: Name) -> bool:
    """Whether another place the article names lies in the division, away from the city of
    the division's name (Brooklyn says New York City as well as New York State)."""
    return any(o.kind in LOCAL and (o.country, o.admin1) == (division.country, division.admin1)
               and haversine_km((o.lat, o.lon), (city.lat, city.lon)) > NEAR_KM for o in evidence.others(name))


def _near_a_neighbour(c: Candidate, evidence: Evidence, name: Name) -> bool:
    return any(haversine_km((c.lat, c.lon), point) <= NEAR_KM for point in evidence.points(name))


def _city_over_division(best: Candidate, found: list[Candidate]) -> Candidate:
    """A name both a division and a city have, written without "state" or "province", means
    the city when the city is large: "Washington", "New York", "Kharkiv"."""
    cities = [c for c in found if c.kind == "city" and c.country == best.country
              and c.population >= CITY_OVER_DIVISION and c.matched_by != "skeleton"]
    return max(cities, key=lambda c: c.population) if cities else best


def _alone(best: Candidate, found: list[Candidate]) -> bool:
    """Large, and much larger than any other place of its name in another country (a place
    that has the name only as another of its names is no rival to one whose own name it is)."""
    rival = max((c.population for c in found if c is not best and c.country != best.country
                 and (c.matched_by == "name" or best.matched_by != "name")), default=0)
    return best.population >= ALONE_POPULATION and best.population >= ALONE_FACTOR * max(rival, 1)
