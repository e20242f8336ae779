"""The entities layer's knowledge, from data/entities/: offices and roles, head nouns of
actors, aliases of named actors, honorifics, pronouns and generic heads.

The places and statements layers read some of it too (a title is not a place; a role word
makes a speaker), always through the pipeline's resources.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokens import Token

from ...errors import PipelineError
from ...record import enum
from ...resources import Resources

WORD = re.compile(r"[\w-]+")  # a word as a role phrase is found: "(?<![\w-])phrase(?![\w-])"
PREFIX = "~prefix"  # the family of a word that changes an office: "deputy", "former"
SPOKESPERSON = "spokesperson"  # the family of a role whose holder speaks for the one whose it is
GOVERNMENT_VOICE = "government_voice"  # the family of a role whose holder speaks for the government


class Roles:
    """Role phrase (lower case) -> family, from roles.tsv: "top diplomat" -> "foreign_minister"."""

    def __init__(self, table: dict[str, str]):
        self.table = table
        # a phrase found as whole words has each of its words as a whole word of the text:
        # only the phrases whose first word the text has are searched for, not every one
        self._by_word: dict[str, list[tuple[int, str, str, re.Pattern[str]]]] = {}
        for n, (phrase, family) in enumerate(table.items()):
            if family != PREFIX and (words := WORD.findall(phrase)):
                pattern = re.compile(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])")
                self._by_word.setdefault(words[0], []).append((n, phrase, family, pattern))

    def __contains__(self, word: str) -> bool:
        return word in self.table

    def get(self, word: str) -> str | None:
        return self.table.get(word)

    def words(self) -> set[str]:
        return {w for phrase in self.table for w in phrase.split()}

    def phrases(self, words: list[str]) -> list[tuple[str, str]]:
        """(phrase, family) of every role phrase found as whole words in `words`."""
        return list(self._phrases(" ".join(words)))

    @lru_cache(maxsize=4096)  # a title is looked up again for each statement its person makes
    def _phrases(self, text: str) -> tuple[tuple[str, str], ...]:
        found = {entry for word in set(WORD.findall(text)) for entry in self._by_word.get(word, ())
                 if entry[3].search(text)}
        return tuple((phrase, family) for _, phrase, family, _ in sorted(found, key=lambda entry: entry[0]))

    def families(self, words: list[str]) -> frozenset[str]:
        """Families of the role phrases found in a title's words, prefixed by deputy/former..."""
        prefix = ":".join(w for w in words if self.table.get(w) == PREFIX)
        return frozenset(f"{prefix}:{family}" if prefix else family for _, family in self.phrases(words))

    def most_specific(self, families: frozenset[str], words: list[str]) -> str | None:
        """The family a description commits to: the one named by its longest role phrase."""
        found = self.phrases(words)
        if not found:
            return None
        family = max(found, key=lambda pf: len(pf[0]))[1]
        return next((f for f in families if f == family or f.endswith(":" + family)), family)

    def is_role(self, token: Token) -> bool:
        return token.lemma_.lower() in self.table or token.lower_ in self.table


@dataclass(frozen=True)
class ActorHead:
    type: str
    describes: str   # yes | plural | no | with | acting
    names: bool
    with_: frozenset[str] = frozenset()  # describes "with": the modifiers that make it an actor ("armed men")
    state: bool = False  # "the army" is a state's own: no armed group's that bears the word ("Arakan Army")
    of: bool = False  # "rebels of the Front" are the Front


class Aliases:
    """Names of one actor, from aliases.tsv: alias -> (canonical name, type)."""

    def __init__(self, exact: dict[str, tuple[str, str]]):
        self.exact = exact
        self.folded = {k.lower(): v for k, v in exact.items() if len(k) > 3 and not k.isupper()}

    def lookup(self, text: str) -> tuple[str, str] | None:
        """Acronyms match only as written ("WHO", never "who"); longer names ignoring case."""
        if text in self.exact:
            return self.exact[text]
        if len(text) > 3 and not text.isupper():
            return self.folded.get(text.lower())
        return None


@dataclass(frozen=True)
class Lexicon:
    roles: Roles
    actor_heads: dict[str, ActorHead]   # head-noun lemma of an actor -> its type and use
    aliases: Aliases
    honorifics: frozenset[str]
    pronouns: dict[str, str]            # pronoun -> what it may stand for: PERSON, THING, PLURAL, WE, I
    genders: dict[str, str]             # pronoun or honorific -> the gender it tells: m, f
    generic_heads: frozenset[str]       # "the group": the last armed group or organisation named
    issuers: dict[str, tuple[str, str]]  # outlet (lower case) -> the actor of its "we", and its type
    issuer_leads: tuple[str, ...]       # "statement by": a title naming who speaks
    company_names: frozenset[str] = frozenset()  # "shipping": the last word of a company's name
    company_nouns: frozenset[str] = frozenset()  # "company", "operator": what describes one
    # "a medical charity" before "Sahel Emergency Medics": head -> the words that must come before
    # it (empty: none); and the last words of names that are a state's bodies (introduced.tsv)
    introduced: dict[str, frozenset[str]] = field(default_factory=dict)
    not_introduced: frozenset[str] = frozenset()
    # "calling itself", "known as": the words that name a description (naming.tsv), longest
    # first; and the nouns that describe a person ("a man named ...")
    naming: tuple[tuple[str, ...], ...] = ()
    person_nouns: frozenset[str] = frozenset()
    # the one-word weapons of data/events/weapons.tsv ("drone", "helicopter"): a force named
    # before one wields it ("an army drone")
    weapons: frozenset[str] = frozenset()
    outlet_names: frozenset[str] = frozenset()  # "wire", "tribune": the last word of a news outlet's name

    def issuer(self, record: dict[str, Any]) -> str | None:
        """The entity a record's source speaks for ("U.S. Department of State": the United
        States, issuers.tsv), when the record names it: whose sayings are the text's own voice."""
        listed = self.issuers.get((record["document"].get("source") or "").strip().lower())
        return next((e["id"] for e in record.get("entities", []) if listed is not None
                     and (e["name"].lower(), e["type"]) == (listed[0].lower(), listed[1])), None)


def lexicon(resources: Resources) -> Lexicon:
    roles = {row["phrase"].lower(): row["family"] for row in resources.table("entities/roles.tsv", ("phrase", "family"))}
    heads = {row["head"].lower(): ActorHead(row["type"], row["describes"], row["names"] == "yes",
                                            frozenset(w for w in row.get("with", "").lower().split("|") if w),
                                            row["names"] == "state", row.get("of") == "yes")
             for row in resources.table("entities/actors.tsv", ("head", "type", "describes", "names"),
                                        (("type", enum("entities", "type")),
                                         ("describes", ("yes", "plural", "no", "with", "acting")),
                                         ("names", ("yes", "no", "state")), ("of", ("yes",))))}
    aliases: dict[str, tuple[str, str]] = {}
    for row in resources.table("entities/aliases.tsv", ("name", "type"), (("type", enum("entities", "type")),)):
        for alias in [row["name"]] + [a.strip() for a in row.get("aliases", "").split("|") if a.strip()]:
            aliases[alias] = (row["name"], row["type"])
    honorific_rows = resources.table("entities/honorifics.tsv", ("word",), (("gender", ("m", "f")),))
    honorifics = frozenset(row["word"].lower() for row in honorific_rows)
    pronoun_rows = resources.table("entities/pronouns.tsv", ("word", "refers"),
                                   (("refers", ("PERSON", "THING", "PLURAL", "WE", "I")), ("gender", ("m", "f"))))
    pronouns = {row["word"].lower(): row["refers"] for row in pronoun_rows}
    genders = {row["word"].lower(): row["gender"] for row in [*honorific_rows, *pronoun_rows] if row.get("gender")}
    generic = frozenset(row["head"].lower() for row in resources.table("entities/generic-heads.tsv", ("head",)))
    issuers = {row["source"].lower(): (row["actor"], row["type"]) for row in resources.table(
        "entities/issuers.tsv", ("source", "actor", "type"), (("type", enum("entities", "type")),))}
    leads = tuple(sorted((row["lead"].lower() for row in resources.table("entities/issuer-leads.tsv", ("lead",))),
                         key=len, reverse=True))
    companies = resources.table("entities/companies.tsv", ("word", "kind"),
                                (("kind", ("name", "description", "outlet")),))
    introduced = resources.table("entities/introduced.tsv", ("word", "kind"), (("kind", ("head", "not")),))
    naming = resources.table("entities/naming.tsv", ("words", "kind"), (("kind", ("phrase", "person")),))
    return Lexicon(Roles(roles), heads, Aliases(aliases), honorifics, pronouns, genders, generic, issuers, leads,
                   frozenset(r["word"].lower() for r in companies if r["kind"] == "name"),
                   frozenset(r["word"].lower() for r in companies if r["kind"] == "description"),
                   {r["word"].lower(): frozenset(w for w in r.get("with", "").lower().split("|") if w)
                    for r in introduced if r["kind"] == "head"},
                   frozenset(r["word"].lower() for r in introduced if r["kind"] == "not"),
                   tuple(sorted((tuple(r["words"].lower().split()) for r in naming if r["kind"] == "phrase"),
                                key=len, reverse=True)),
                   frozenset(r["words"].lower() for r in naming if r["kind"] == "person"),
                   frozenset(r["word"].lower() for r in resources.table("events/weapons.tsv", ("word", "mode"))
                             if " " not in r["word"]),
                   frozenset(r["word"].lower() for r in companies if r["kind"] == "outlet"))


def alias_matcher(resources: Resources) -> PhraseMatcher:
    """Known actor names the NER may miss ("Hamas", "HTS"), matched as written."""
    if resources.nlp is None:
        raise PipelineError("the alias matcher is made from a spaCy vocabulary: give Resources an nlp")
    matcher = PhraseMatcher(resources.nlp.vocab, attr="ORTH")
    matcher.add("ALIAS", [resources.nlp.make_doc(name) for name in resources.get(lexicon).aliases.exact])
    return matcher
