"""The actors table: every name of a person, organisation or group that the records
give, folded to its form (names.py) and kept under one actor with all its aliases, so that
listings and filters speak of actors ("Erdoğan"), not of strings.

A new form joins the actor of a known form it is the same as (names.same), the one seen
most when several are; otherwise it starts an actor. Which actor a form joins can depend
on what the store held when it came; the linking of events and claims never reads this
table (it compares names pairwise), so the groups do not.
"""
from __future__ import annotations

from typing import Any

from ..store.links import LinkTables
from .names import LINKERS, Names, fold, same

ACTING = ("PERSON", "ORG", "GROUP", "GPE", "NORP")


class Actors:
    def __init__(self, tables: LinkTables, names: Names):
        self.tables = tables
        self.names = names
        # a publication names the same speakers claim after claim: each looked up once,
        # while no name is learned (`learn` forgets them)
        self._fullest: dict[tuple[str, str | None], str] = {}

    def learn(self, record: dict[str, Any]) -> None:
        """Add the names of a record's entities (every mention's words are an alias of its entity)."""
        self._fullest.clear()
        named = []
        for entity in record.get("entities", []):
            if entity["type"] not in ACTING or not any(c.isupper() for c in entity["name"]) \
                    or self.names.described(entity["name"]) or not _written_as_name(entity["name"]):
                # "the army", "Rebel fighters", "members of the Varnel Front": a description,
                # which names no one actor (nor is the fullest writing of the one it names)
                continue
            main = self.names.name(entity["name"], entity["type"])
            if not main.form:
                continue
            written = sorted({m["text"] for m in entity.get("mentions", [])} - {entity["name"]})
            aliases = [(alias, name) for alias in written
                       if (name := self.names.name(alias, entity["type"])).form and len(name.form) > 1
                       and name.form[0].isalpha() and alias[:1].isupper()]
            named.append((entity, main, aliases))
        # the forms the store knows, asked once for the whole record (a server is a round trip away)
        known = self.tables.forms_written({n.form for _, main, aliases in named
                                           for n in (main, *(a for _, a in aliases))})
        for entity, main, aliases in named:
            actor = self.place(main.form, entity["name"], entity["type"], main.keys(), known)
            for alias, name in aliases:
                if name.form not in known:
                    self.tables.add_form(name.form, actor, alias, name.keys())
                    known[name.form] = (actor, alias)
                else:
                    self._written(name.form, alias, known)

    def place(self, form: str, text: str, type: str | None, keys: set[str],
              known: dict[str, tuple[int, str]]) -> int:
        """The actor of a name's form: the one it is known as, else the one of a known form it
        is the same as, else a new one. `known` holds the forms already looked up."""
        if form in known:
            self.tables.seen_form(form, known[form][0])
            self._written(form, text, known)
            return known[form][0]
        name = self.names.name(text, type)
        matches = [(seen, actor) for other, actor, other_text, other_type, seen in self.tables.forms_by_keys(keys)
                   if same(name, self.names.name(other_text, other_type))]
        actor = max(matches)[1] if matches else self.tables.add_actor(text, type)
        self.tables.add_form(form, actor, text, keys)
        known[form] = (actor, text)
        return actor

    def _written(self, form: str, text: str, known: dict[str, tuple[int, str]]) -> None:
        """Keep a form's barest writing (`_barer`): whichever article came first, a speaker
        gets one fullest name (`canonical` compares the forms' writings)."""
        actor, kept = known[form]
        if _barer(text, kept, form):
            self.tables.write_form(form, text)
            known[form] = (actor, text)

    def canonical(self, text: str, type: str | None) -> str:
        """The fullest name seen that is the same as this one (names.same, directly, not
        through a chain of names), else the name itself: "Erdogan" is "Recep Tayyip Erdoğan"."""
        if (text, type) not in self._fullest:
            self._fullest[(text, type)] = self._canonical(text, type)
        return self._fullest[(text, type)]

    def _canonical(self, text: str, type: str | None) -> str:
        name = self.names.name(text, type)
        if not name.form or not any(c.isupper() for c in text) or self.names.described(text):
            return text  # "the army" is the army of its article, not the fullest army seen
        found = [(len(other_text), seen, other_text) for _, _, other_text, other_type, seen
                 in self.tables.forms_by_keys(name.keys())
                 if same(name, self.names.name(other_text, other_type))]
        return max(found)[2] if found and max(found)[0] > len(text) else text


def _written_as_name(text: str) -> bool:
    """Whether a text begins as a name does: with a capital, or with a word that names
    begin with ("the Varnel Front", "al-Shabaab", "de Mistura"); not "members of the
    Varnel Front", which describes people by the group they are in."""
    first = fold(text).split()[:1]
    return text[:1].isupper() or bool(first) and first[0] in LINKERS


def _barer(text: str, other: str, form: str) -> bool:
    """Whether `text` is a barer writing of a name's form than `other`: one that spells the
    form out ("United Nations Security Council", not "UN Security Council"; "Biden", not
    "President Biden"; "Turkey", not "Turkish"), a capitalised one ("United Nations", not
    "a UN report"), the shortest, the first in order between two as long."""
    def rank(writing: str) -> tuple[bool, bool, int, str]:
        words = fold(writing).split()
        while words and words[0] in ("the", "a", "an"):
            words = words[1:]
        return " ".join(words) != form, not writing[:1].isupper(), len(writing), writing
    return rank(text) < rank(other)
