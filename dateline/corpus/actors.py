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
from .names import Name, Names, fold, same

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
        text = record["document"]["text"]
        named = []
        for entity in record.get("entities", []):
            if entity["type"] not in ACTING \
                    or entity["type"] in ("GROUP", "ORG") and self.names.only_described(entity, text):
                continue
            written = [entity["name"], *sorted({m["text"] for m in entity.get("mentions", [])} - {entity["name"]})]
            # not "The army" or "His" of the army of Sudan or of its leader, nor "the Supreme
            # Leader of Iran": what describes someone names no one (and is the fullest name of
            # no one); a described entity is named by the name among its mentions
            found = [(words, name) for words in written if self.names.names_one(words, entity["type"])
                     and (name := self.names.name(words, entity["type"])).form
                     and len(name.form) > 1 and name.form[0].isalpha()]
            if not found:
                continue
            main = found[0] if found[0][0] == entity["name"] else max(found, key=lambda f: len(f[1].words))
            named.append((entity, main, [f for f in found if f is not main]))
        # the forms the store knows, asked once for the whole record (a server is a round trip away)
        known = self.tables.forms_written({n.form for _, (_, main), aliases in named
                                           for n in (main, *(a for _, a in aliases))})
        for entity, (written_as, main), aliases in named:
            actor = self.place(main.form, written_as, entity["type"], main.keys(), known)
            for alias, name in aliases:
                if name.form not in known:
                    self.tables.add_form(name.form, actor, alias, name.keys())
                    known[name.form] = (actor, alias)
                else:
                    self._written(name.form, alias, known)

    def place(self, form: str, text: str, type: str | None, keys: set[str],
              known: dict[str, tuple[int, str]]) -> int:
        """The actor of a name's form: the one it is known as, else the one whose known
        forms it is the same as, each of them, else a new one. `known` holds the forms
        already looked up. Each, not any: names.same is not transitive ("army" is "Sudan's
        army" and "Chad's army"; "Wire" is "Meridian Wire" and "Caravan Wire"), and a name
        that joined an actor through one of its forms would join two actors in one."""
        if form in known:
            self.tables.seen_form(form, known[form][0])
            self._written(form, text, known)
            return known[form][0]
        name = self.names.name(text, type)
        by_actor: dict[int, list[tuple[int, bool]]] = {}
        for other, actor, other_text, other_type, seen in self.tables.forms_by_keys(keys):
            by_actor.setdefault(actor, []).append((seen, same(name, self.names.name(other_text, other_type))))
        matches = [(max(seen for seen, _ in forms), actor) for actor, forms in by_actor.items()
                   if all(alike for _, alike in forms)]
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
        """The fullest name seen that is this one, else the name itself: a person's that is
        the same (names.same, directly, not through a chain of names: "Erdogan" is "Recep
        Tayyip Erdoğan"), unless the fuller names seen are of several people ("Ndiaye": the
        colonel or the minister); a body's or a group's written out ("HTS" is "Hayat Tahrir
        al-Sham"), not one with more words, which names.same lets "the Foreign Ministry"
        be ("Ministry of Foreign Trade", "Thailand's foreign ministry")."""
        if (text, type) not in self._fullest:
            self._fullest[(text, type)] = self._canonical(text, type)
        return self._fullest[(text, type)]

    def _canonical(self, text: str, type: str | None) -> str:
        name = self.names.name(text, type)
        if not name.form or not self.names.names_one(text, type):
            return text  # "the army", "Officials": its article's, not the fullest seen
        found = [(len(other_text), seen, other_text, other) for _, _, other_text, other_type, seen
                 in self.tables.forms_by_keys(name.keys())
                 if len(other_text) > len(text) and _fuller(name, other := self.names.name(other_text, other_type))]
        if not found or any(not same(a[3], b[3]) for a in found for b in found):
            return text
        return max(found, key=lambda f: f[:3])[2]


def _fuller(name: Name, other: Name) -> bool:
    """Whether another name is this one written more fully (`Actors.canonical`)."""
    if name.type == "PERSON" or other.type == "PERSON":
        return same(name, other)
    return other.form == name.form or bool(other.acronym) and other.acronym == name.form.replace(" ", "")


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
