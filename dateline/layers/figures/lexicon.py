"""The figures layer's knowledge, from data/figures/: nouns that count people, the words
that say what happened to them, the verbs that leave it to their complement, and the
qualifiers that say how exact a count is. The categories and qualifiers a row may name are
the contract's (the JSON Schema's enums)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...numbers import Numbers, numbers
from ...record import enum
from ...resources import Resources

# qualifiers the stage gives itself, never a word of the table: "exact" when no word
# qualifies a count, "range" and "vague" from the numbers ("20 to 30", "dozens")
DERIVED_QUALIFIERS = ("exact", "range", "vague")


@dataclass(frozen=True)
class Lexicon:
    people: dict[str, str]          # noun → its own category, or ""
    groups: dict[str, str]          # noun → who a count of it counts ("soldiers": forces), or "" for anyone
    not_alone: frozenset[str]       # nouns that count people only with a category word
    words: dict[str, str]           # single category word → category, wherever it stands
    phrases: tuple[tuple[str, str], ...]  # multi-word category phrase → category
    objects: dict[str, str]         # verb → category, only for the people that are its object
    passives: dict[str, str]        # verb → category, only for the people it is said of in the passive
    aways: dict[str, str]           # verb → category, only for the people it is done to with no "to" phrase
    homes: dict[str, str]           # noun for a place people live in → "population"
    departures: dict[str, str]      # verb → category, only for the people who do it to a place
    place_nouns: frozenset[str]     # nouns that name a kind of place ("town", "province")
    verbs: dict[str, str]           # verb → link | tally | report (verbs.tsv)
    carried: frozenset[str]         # verbs that move the people counted (carried.tsv)
    qualifiers: re.Pattern[str]     # matches a qualifier phrase ending right before a number
    after: re.Pattern[str]          # matches one right after it ("or more")
    qualifier_of: dict[str, str]
    numbers: Numbers

    def group(self, text: str) -> str | None:
        """Who a figure's words count: the group of its last noun of people ("13 U.S. service
        members": forces), else a people its last word names ("170 Afghans": "people:afghans"),
        "" for anyone ("185 people"), or None when they name no one ("11", "dozens"): the
        count's people are those another count of its sentence names ("three soldiers were
        killed and 11 wounded")."""
        words = re.findall(r"[^\W\d_]+", text)
        lower = [w.lower() for w in words]
        for n in range(len(lower) - 1, -1, -1):
            for size in (2, 1):  # "service members" before "members"
                phrase = " ".join(lower[max(0, n - size + 1):n + 1])
                if phrase in self.groups:
                    return self.groups[phrase]
        last = words[-1] if words else ""
        if last[:1].isupper() and last.endswith("s") and not text.startswith(last):  # not "Dozens"
            return f"people:{last.lower()}"
        return None


def lexicon(resources: Resources) -> Lexicon:
    categories = enum("figures", "category")
    people_rows = resources.table("figures/people.tsv", ("word",), (("category", categories), ("alone", ("no",))))
    people = {r["word"].lower(): r.get("category", "") for r in people_rows}
    groups = {r["word"].lower(): r.get("group", "") for r in people_rows}
    not_alone = frozenset(r["word"].lower() for r in people_rows if r.get("alone") == "no")
    rows = resources.table("figures/categories.tsv", ("word", "category"),
                           (("category", categories), ("role", ("object", "passive", "away", "home", "place"))))
    anywhere = [r for r in rows if not r.get("role")]
    words = {r["word"].lower(): r["category"] for r in anywhere if " " not in r["word"]}
    # the nouns of verbs ("the executions of 29 prisoners"), from the events layer's table of
    # them: a noun says what its verb says, unless a row of categories.tsv says otherwise
    for row in resources.table("events/nominalizations.tsv", ("verb", "noun")):
        verb, noun = row["verb"].lower(), row["noun"].lower()
        if verb in words and noun not in words:
            words[noun] = words[verb]
    phrases = tuple((r["word"].lower(), r["category"]) for r in anywhere if " " in r["word"])
    objects = {r["word"].lower(): r["category"] for r in rows if r.get("role") == "object"}
    passives = {r["word"].lower(): r["category"] for r in rows if r.get("role") == "passive"}
    aways = {r["word"].lower(): r["category"] for r in rows if r.get("role") == "away"}
    homes = {r["word"].lower(): r["category"] for r in rows if r.get("role") == "home"}
    departures = {r["word"].lower(): r["category"] for r in rows if r.get("role") == "place"}
    # the places layer's words for kinds of place, one source for the fact
    place_nouns = frozenset(r["word"].lower() for r in resources.table("places/feature-words.tsv", ("word",))
                            if r.get("means") in ("place", "division") and " " not in r["word"])
    verbs = {r["word"].lower(): r["kind"] for r in resources.table("figures/verbs.tsv", ("word", "kind"),
                                                                   (("kind", ("link", "tally", "report")),))}
    carried = frozenset(r["word"].lower() for r in resources.table("figures/carried.tsv", ("word",)))
    quals = resources.table("figures/qualifiers.tsv", ("phrase", "qualifier"),
                            (("qualifier", tuple(q for q in enum("figures", "qualifier") if q not in DERIVED_QUALIFIERS)),
                             ("position", ("before", "after"))))
    qualifier_of = {" ".join(r["phrase"].lower().split()): r["qualifier"] for r in quals}

    def alternation(position: str) -> str:
        chosen = [r["phrase"].lower() for r in quals if (r.get("position") or "before") == position]
        return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(chosen, key=len, reverse=True))

    return Lexicon(people, groups, not_alone, words, phrases, objects, passives, aways, homes, departures, place_nouns, verbs, carried,
                   re.compile(rf"(?i)(?<![\w])({alternation('before')})\s+$"),
                   re.compile(rf"(?i)[\s-]*({alternation('after')})(?![\w])"), qualifier_of, resources.get(numbers))
