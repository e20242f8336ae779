"""Country names, their other spellings and demonyms, from the countryinfo package (and
the demonyms it lacks, data/entities/demonyms.tsv).

Used to tie "Syrian" in "Syrian army" to Syria (the entities layer), "Syrian Arab Republic"
to Syria, "Moscow" told as an actor ("Moscow denied ...") to Russia (the corpus layer), and
to keep demonyms out of the places.
"""
from __future__ import annotations

from dataclasses import dataclass

from countryinfo import all_countries

from .resources import Resources


@dataclass(frozen=True)
class Country:
    name: str
    iso2: str


@dataclass(frozen=True)
class CountryIndex:
    by_name: dict[str, Country]     # lower-cased name or alternative spelling
    by_demonym: dict[str, Country]  # lower-cased demonym: "syrian"
    by_capital: dict[str, Country]  # lower-cased capital: "damascus"

    def lookup(self, text: str) -> Country | None:
        return self.by_name.get(text.lower().removeprefix("the "))

    def demonym(self, text: str) -> Country | None:
        return self.by_demonym.get(text.lower())

    def capital(self, text: str) -> Country | None:
        return self.by_capital.get(text.lower())


def countries(resources: Resources) -> CountryIndex:
    """The index, built once per pipeline: the countryinfo package, and the demonyms it
    lacks (data/entities/demonyms.tsv)."""
    by_name: dict[str, Country] = {}
    by_demonym: dict[str, Country] = {}
    by_capital: dict[str, Country] = {}
    # Where two countries share a name or demonym ("American", "Congolese"), the more
    # populous one is meant far more often in news.
    infos = sorted(all_countries(), key=lambda c: -(c.population() or 0))
    for info in infos:
        iso = (info.iso() or {}).get("alpha2") if callable(getattr(info, "iso", None)) else None
        name = info.name()
        if not iso or "," in name:
            continue  # entries without a code, or inverted duplicates ("Palestine, State of")
        country = Country(name, iso)
        by_name.setdefault(name.lower(), country)
        for alt in info.alt_spellings() or []:
            # Two- and three-letter codes collide with words ("IS", "IN"); the curated
            # aliases file decides which short forms count.
            if len(alt) > 3 and "," not in alt and alt.isascii():
                by_name.setdefault(alt.lower(), country)
        demonym = (info.demonym() or "").strip().lower()
        if demonym:
            by_demonym.setdefault(demonym, country)
        capital = info.capital()
        capital = capital.strip().lower() if isinstance(capital, str) else ""  # a few entries give a list
        if capital:
            by_capital.setdefault(capital.removesuffix(" d.c."), country)  # "Washington D.C."
    for row in resources.table("entities/demonyms.tsv", ("demonym", "country")):
        country = by_name.get(row["country"].lower())
        if country is not None:
            by_demonym.setdefault(row["demonym"].lower(), country)
    return CountryIndex(by_name, by_demonym, by_capital)
