"""Judging again what a change of groups may change: the contradictions of the linked
events and counts touched, and the status of every claim whose evidence they may be (the
claims that hold a touched event or give a touched count, the holding claims a touched
withdrawal or taking may refute, the promises and calls a touched act may fulfil; the
linker adds the denials a new saying puts forward in their words, lifecycle.denials_met)."""
from __future__ import annotations

from ..settings import Settings
from ..store.links import LinkTables, Ref
from . import contradictions, lifecycle
from .claims import DAYS as CLAIM_DAYS, denied_untold, denies_alike, gist_keys
from .lifecycle import evidence_for, holding
from .lexicon import Lexicon


class Judge:
    def __init__(self, tables: LinkTables, lex: Lexicon, settings: Settings):
        self.tables = tables
        self.lex = lex
        self.settings = settings

    def judge(self, touched: dict[str, set[str]]) -> None:
        claims = set(touched.get("statement", set()))
        judged: list[tuple[str, str, dict]] = []  # kept together at the end: one question of the store
        # each touched group's members read at once: a store on a server is a round trip away
        events = self.tables.members_of(touched.get("event", set()))
        for grp, members in events.items():
            if not members:
                continue
            judged.append((grp, "event", {"contradictions": contradictions.of_event(
                members, self.lex.reach, self.settings.figure_tolerance, self.lex.names)}))
            for ref, event in members:
                for statement in holding(event):
                    found = self.tables.item((ref[0], statement))
                    if found is not None:
                        claims.add(found[1])
        claims |= evidence_for(self.tables, (event for members in events.values() for _, event in members), self.lex)
        for grp, members in self.tables.members_of(touched.get("figure", set())).items():
            if members:
                judged.append((grp, "figure", {"contradictions": contradictions.of_count(
                    members, self.settings.figure_tolerance)}))
            # a count the claim gives is borne out or revised by the counts it is with
            for ref, count in members:
                found = self.tables.item((ref[0], count["statement"])) if count.get("statement") else None
                if found is not None:
                    claims.add(found[1])
        for grp, members in self.tables.members_of(claims).items():
            if members:
                said = self._said_alike(members)
                judgement = lifecycle.status(self.tables, self.lex, members, self.settings.figure_tolerance, said)
                denials = contradictions.of_claim(members, self.tables.item, said)
                judged.append((grp, "statement", {**judgement, "contradictions": denials} if denials else judgement))
        self.tables.judge(judged)

    def _said_alike(self, members: list[tuple[Ref, dict]]) -> list[tuple[Ref, dict]]:
        """The sayings of other speakers that put forward what the claim's denials deny, in
        the words of each (claims.denies_alike), in the weeks around them."""
        out: dict[Ref, dict] = {}
        for _, denial in members:
            if not denied_untold(denial):
                continue
            keys = [key for _, key in gist_keys(denial, self.lex.verb_forms, CLAIM_DAYS)]
            for ref, _, other in self.tables.candidates("putting", keys) if keys else []:
                if denies_alike(denial, other, self.lex.names, self.lex.verb_forms):
                    out[ref] = other
        return sorted(out.items())
