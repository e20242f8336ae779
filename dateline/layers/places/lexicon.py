"""The places layer's knowledge: feature words after names (data/places/feature-words.tsv),
the names of the extension places (data/places/extra.tsv), the words that lead into a
place name (data/places/place-leads.tsv), the title words that are not places, the words
through which a country is addressed (data/places/addressed.tsv), and the last words of
names of events and agreements (data/places/not-place-heads.tsv)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...resources import Resources
from ..entities.lexicon import lexicon as entity_lexicon
from .gazetteer import extra_places, feature_meanings, region_rows


@dataclass(frozen=True)
class Lexicon:
    feature_meaning: dict[str, str]   # "province" -> "division", "border crossing" -> "facility"
    feature_words: re.Pattern[str]    # any of them right after a name
    extra_names: re.Pattern[str]      # the extension places' names as written
    title_words: frozenset[str]       # offices, honorifics and actor heads: capitalised before names
    place_leads: frozenset[str]       # words before a name that say it is a place: "in", "near"
    division_name: re.Pattern[str]    # a name with its division word: "Oaxaca State", "Province of Kunar"
    addressed: frozenset[tuple[str, str]] = frozenset()  # ("urge", "object"), ("call", "on"): a country spoken to
    not_place_heads: frozenset[str] = frozenset()  # "conference", "convention": a name ending so is no place
    place_verbs: frozenset[str] = frozenset()  # "enter", "storm": verbs whose object is a place
    known_place_verbs: frozenset[str] = frozenset()  # "capture": whose object is a place the gazetteer knows
    subject_place_verbs: frozenset[str] = frozenset()  # "fall": whose subject is a place the gazetteer knows
    on_place_words: frozenset[str] = frozenset()  # "strike": whose "on" or "against" is a place the gazetteer knows
    vessel: re.Pattern[str] = re.compile("(?!)")  # "the tanker Orla Kestrel": its `name` is a ship's (vessel-words.tsv)

    def vessels(self, text: str) -> set[str]:
        """The names an article writes after a vessel's word ("the bulk carrier Selene Star",
        "MV Laut Biru")."""
        return {match.group("name") for match in self.vessel.finditer(text)}

    def site_of(self, name: str) -> str | None:
        """The place a site is named after ("Kabul" of "Kabul Airport", "Sana'a" of "Sana'a
        airport"): the name without a facility word written last, or None."""
        words = name.split()
        for n in (2, 1):
            if len(words) > n and self.feature_meaning.get(" ".join(words[-n:]).lower()) == "facility":
                return " ".join(words[:-n])
        return None

    def names_no_place(self, name: str) -> bool:
        """Whether a name ends with a word of events, agreements or institutions ("the Munich
        Conference", "the Republic of Yemen Government"), or opens with an office's ("the
        Governments of Saudi Arabia")."""
        words = name.split()
        if len(words) < 2:
            return False
        if words[1].lower() == "of" and words[0].lower().rstrip("s") in self.title_words:
            return True  # "the Governments of Saudi Arabia and Oman", "the Ministry of Defense"
        return words[-1].lower() in self.not_place_heads or words[-1].lower() in self.title_words

    def feature_after(self, text: str, end: int) -> str | None:
        """What the words after a name say it is: "division", "facility", "place" or nothing."""
        match = self.feature_words.match(text, end)
        return self.feature_meaning[" ".join(match.group(1).lower().split())] if match else None

    def bare(self, name: str) -> str | None:
        """The name without the division word written with it ("Oaxaca State" -> "Oaxaca",
        "Province of Kunar" -> "Kunar"), or None when it has none."""
        match = self.division_name.fullmatch(name)
        return (match.group(1) or match.group(2)) if match else None


def lexicon(resources: Resources) -> Lexicon:
    meaning = resources.get(feature_meanings)
    words = sorted(meaning, key=len, reverse=True)
    feature_words = re.compile(r"\s+(" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\b",
                               re.IGNORECASE)
    entities = resources.get(entity_lexicon)
    titles = entities.roles.words() | set(entities.honorifics) | set(entities.actor_heads)
    leads = frozenset(r["word"].lower() for r in resources.table("places/place-leads.tsv", ("word",)))
    # the division words of feature-words.tsv: those that mean a division, and those ISO writes
    division = sorted({r["word"] for r in resources.table("places/feature-words.tsv", ("word",))
                       if r.get("iso") == "yes" or r.get("means") == "division"}, key=len, reverse=True)
    either = "|".join(re.escape(w) for w in division) or "(?!)"
    division_name = re.compile(rf"(\S.*?)\s+(?:{either})|(?:{either})\s+of\s+(\S.*)", re.IGNORECASE)
    addressed = frozenset((r["word"].lower(), r["takes"])
                          for r in resources.table("places/addressed.tsv", ("word", "takes"),
                                                   choices=(("takes", ("object", "on", "with", "between")),)))
    heads = frozenset(r["word"].lower() for r in resources.table("places/not-place-heads.tsv", ("word",)))
    verb_rows = resources.table("places/place-verbs.tsv", ("verb",),
                                choices=(("needs", ("known",)), ("takes", ("subject", "on"))))
    verbs = frozenset(r["verb"].lower() for r in verb_rows if not r.get("needs"))
    known = frozenset(r["verb"].lower() for r in verb_rows if r.get("needs") == "known" and not r.get("takes"))
    subject = frozenset(r["verb"].lower() for r in verb_rows if r.get("takes") == "subject")
    on = frozenset(r["verb"].lower() for r in verb_rows if r.get("takes") == "on")
    vessel_words = sorted((r["word"] for r in resources.table("places/vessel-words.tsv", ("word",))),
                          key=len, reverse=True)
    # the capitalised words of a name after a vessel's word ("the tanker Orla Kestrel"); a
    # prefix written in capitals ("MV") is matched as written, a common noun in any case
    vessel = re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") if not w.isupper() else
                                              "(?-i:" + re.escape(w) + ")" for w in vessel_words)
                        + r")\s+(?-i:(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}))", re.IGNORECASE)
    return Lexicon(meaning, feature_words, _extra_names(resources), frozenset(titles), leads, division_name,
                   addressed, heads, verbs, known, subject, on, vessel)


def _extra_names(resources: Resources) -> re.Pattern[str]:
    """The names of the gazetteer's extension places and regions, and the countries' names of
    several words of aliases.tsv, as written (their case matters: "the Gulf" is a sea, "a gulf"
    is not)."""
    listed = (*resources.get(extra_places), *resources.get(region_rows))
    names = {n for row in listed for n in row["names"]}
    # countries' names of several words, which the tagger cuts at "of" and "and" ("eastern
    # Democratic Republic" and "the Congo"): written whole, they are one mention
    names |= {re.sub(r"^the\s+", "", r["name"]) for r in resources.table("places/aliases.tsv", ("name", "country"))
              if " " in r["name"].strip()}
    names = sorted(names, key=len, reverse=True)
    if not names:
        return re.compile(r"(?!)")
    # the first letter as written, the rest in any case ("the Zaporizhzhia nuclear power plant")
    alternatives = "|".join(re.escape(n[0]) + "(?i:" + re.escape(n[1:]) + ")" for n in names)
    # not the first words of a longer name: "Atlantic City", "Pacific Gas", "Red Sea Governorate"
    return re.compile(r"(?<![\w-])(?:" + alternatives + r")(?![\w-])(?![ \t]+[A-Z][a-z])")
