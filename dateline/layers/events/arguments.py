"""Who did it, to whom, where and when: an event's arguments read from the parse and
pointed at the ids of the entities, places and times layers.

- actor: the subject of the trigger's clause (the agent of a passive: "hit by militants";
  an event noun's own actor when the subject is one: "a Russian attack on Kyiv killed"; the
  noun a relative pronoun stands for), or the subject it shares with the verb it hangs from
  ("launched an offensive and took control of", "retaliated by bombing"), or that verb's
  object when an infinitive or "of"/"for" hangs from it ("urged all parties to end the
  fighting", "accused Velnor of shelling"); for a bare noun trigger, its possessor (unless
  the noun is done to it: "her release") or the name it is modified by ("Israel's strikes",
  "Russian strikes", "an attack by militants"), else the subject of the verb it serves
  ("responded with artillery fire", data/events/roles.tsv) or both sides "between"; an
  agentless arrest is the country's it happens in;
- targets: the object, or the object of "against", "on", "at", "with", "to"; of a bare
  noun trigger, its "of" ("the detention of three journalists");
- sites: the common nouns among the targets' words and where it was done that say what
  kind of site it hit ("shells hit the teaching hospital", "a blast at a market", "the
  market strike": data/events/sites.tsv), which no entity or place names;
- places: places named in the trigger's clause ("in", "around", "near", "outside", an
  object: "leaving Damascus"), "the capital" as the capital of the article's country, else
  the places of the trigger's sentence, else the last place its paragraph named so far;
  never a place that acts (a subject, a possessor) nor, for talks and their kin, what or
  whom they are about ("discussed the situation in Syria"), nor the landmark a place
  named before it is placed by ("at Habila, north-east of Dilling");
- time: a date in the trigger's clause, else in the clause its noun is the subject of ("a
  drone strike hit the market on Monday") or whose outcome it tells ("exploded on Sunday,
  killing five"), else the date of the statement that holds it (unless told in the past
  perfect: "said on Monday that 40 had been kidnapped", or named again, "the attack", or
  the statement is a call or a warning: ASKING); never the date a ranking is made in
  ("the deadliest attack this year"), nor a date of a clause
  that describes its subject or object ("the convoy that left Aden on Monday was attacked").
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable

from spacy.tokens import Doc, Span, Token

from ...spanindex import SpanIndex
from ...syntax import (DEFINITE, POSSESSIVE_PRONOUNS, REASONS, RELATIVES, SEQUENCE, SUBJECTS, governing_verb,
                       sentence_of, stands_for)
from .factuality import owned, part_in, part_in_act
from .lexicon import Lexicon
from .triggers import Found, reduced_passive

TARGET_PREPS = {"against", "on", "upon", "at", "with", "to", "into"}
OBJECT_RELATIVES = RELATIVES | {"whom"}  # a relative pronoun that is what an act is done to
# the types of acts that announce another act (data/events/triggers.tsv): a threat, a
# promise or an agreement, a refusal, a demand; whom that act is done to is theirs
ANNOUNCING = {"THREATEN", "AGREE", "REJECT", "REQUEST"}
ANSWERING = {"AGREE", "REJECT"}  # acts that take or leave what another put to them
PROPOSALS = {"proposal", "behalf"}  # roles.tsv: the nouns of what is put to someone ("an offer", "a request")
SKIP_IN_ARGUMENT = ("relcl", "acl", "advcl", "appos", "pcomp")  # "the forces operating in Hama": the forces;
# "accused the army of massing troops": the army
SETTLEMENTS = ("city", "locality")  # the places layer's kinds of a town or a village
# what lies between a body speaking and the capital it sits in: "the UN office in Ouagadougou",
# "the Watch, a rights group based in Niamey"
SEAT_OF = re.compile(r"\s+in\s+|,\s+(?:an?|the)\s+[\w'’ -]{1,40}?\s+(?:based|headquartered)\s+in\s+", re.IGNORECASE)
NAME_PARTS = ("det", "compound", "amod", "poss", "nummod")  # the words of a subject's own noun phrase
# a place named as where someone is based ("the Tripoli-based air command", "Jakarta based")
BASED = re.compile(r"\s?[-‐–]?\s?based\b", re.IGNORECASE)
CAUSES = {"over", "for", "under"}  # "sanctions over the crackdown", "withdrew under the deal signed in Doha"
CONTROLLING = {"of", "for", "from", "against", "into"}  # "... Velnor of shelling": Velnor shells
JOINT = {"COOPERATE", "CONSULT", "AGREE"}  # acts done with someone: "in partnership with"
PACTS = {"AGREE", "RETREAT"}  # a deal, a ceasefire, a truce: what parties sign, keep, break
# acts of talking whose object says what they are about, not where they happen
SPOKEN_OF = {"CONSULT", "SUPPORT", "REQUEST", "AGREE", "REJECT"}
# the stances of a saying whose content is to come, or came before: the saying's day is not
# that of the acts it speaks of ("marched on Wednesday to demand an inquiry into the market
# strike", "warned of further attacks")
ASKING = {"call", "warn"}
ABOUT = {"about", "on", "over", "regarding", "concerning", "with", "between"}  # and whom they are held with
APOSTROPHES = {"’", "'"}
MEANS = {"through", "via"}  # "starved the city through a blockade": the means of the subject's act
INCLUDING = {"including"}  # "including through sanctions": a preposition between the means and its verb
LOCATIVE = {"in", "at", "near", "around", "outside", "inside", "across", "throughout", "within", "from"}
# what places a place by another, which is then only its landmark ("Habila, north-east of
# Dilling", "the village of Tarsk, 20 km from Orsk"): a compass point, a unit of distance
COMPASS = re.compile(r"^(?:north|south|east|west)(?:-?(?:east|west))?(?:ern|wards?)?$")
DISTANCES = {"km", "kilometre", "kilometer", "mile", "metre", "meter"}


class Paragraphs:
    """Which paragraph a character is in, by bisection over the paragraph starts (a run of
    line breaks, blank lines included, separates two paragraphs)."""

    def __init__(self, text: str):
        self.starts = [0] + [m.end() for m in re.finditer(r"\n+", text)]

    def index(self, position: int) -> int:
        return bisect_right(self.starts, position) - 1

    def start(self, position: int) -> int:
        return self.starts[self.index(position)]


class Arguments:
    """The layers an event's arguments point into, indexed once per document."""

    def __init__(self, record: dict, doc: Doc, capital_place: str | None, lex: Lexicon,
                 seats: frozenset[str] = frozenset()):
        self.lex = lex
        self.text = record["document"]["text"]  # kept once: spaCy's Doc.text is built anew on each access
        self._done_to: dict[tuple[int, ...], list[Token]] = {}  # each trigger's `_target_words`, asked twice
        self.entities = SpanIndex((m["start"], m["end"], e["id"]) for e in record.get("entities", [])
                                  for m in e.get("mentions", []))
        self.entity_type = {e["id"]: e["type"] for e in record.get("entities", [])}
        # not a place named as where someone is based ("the Tripoli-based air command"): a
        # seat, not where anything happened
        self.places = SpanIndex((m["start"], m["end"], p["id"]) for p in record.get("places", [])
                                for m in p["mentions"] if not BASED.match(self.text, m["end"]))
        self.countries = SpanIndex((m["start"], m["end"], p["id"]) for p in record.get("places", [])
                                   if p["kind"] == "country" for m in p["mentions"])
        self.country_places = {p["id"] for p in record.get("places", []) if p["kind"] == "country"}
        # what "the village" or "the town" told again is not: a country, a province, a region
        self.areas = {p["id"] for p in record.get("places", []) if p["kind"] in ("country", "admin1", "admin2", "region")}
        self.towns = SpanIndex((m["start"], m["end"], p["id"]) for p in record.get("places", [])
                               if p["kind"] != "country" for m in p["mentions"])
        # a town the tagger took for a body or a person ("Djibo", "El Obeid"), every mention of
        # which the places layer placed: where an act is, never who does it or whom it is done to
        self.misread_towns = {e["id"] for e in record.get("entities", []) if e["type"] != "GPE" and e.get("mentions")
                              and all(any(s <= m["start"] and m["end"] <= e_ for s, e_, _ in
                                              self.towns.overlapping(m["start"], m["end"])) for m in e["mentions"])}
        # a town's name where the places layer did not place it ("the Bara attack", after
        # "BARA, Sudan —" and "the edge of Bara"): an entity one of whose mentions is placed
        # as a city or a locality (not as "other": a group the tagger took for a place)
        settled = SpanIndex((m["start"], m["end"], p["id"]) for p in record.get("places", [])
                            if p["kind"] in SETTLEMENTS for m in p["mentions"])
        self.town_entities = {e["id"] for e in record.get("entities", []) if e["type"] == "GPE"
                              and any(settled.overlapping(m["start"], m["end"]) for m in e.get("mentions", []))}
        self.times = SpanIndex((t["start"], t["end"], t) for t in record.get("times", [])
                               if t["type"] in ("DATE", "TIME"))
        self.capital_place = capital_place
        self.seated = _seated(record, self.text, self.entity_type, seats)
        # where each saying was made ("told reporters in The Hague"): the next sentence's
        # quotation is not told of there
        self.said_where = _where_said(doc, record)
        self._aftermath: dict[int, list[tuple[int, tuple[int, int]]]] = {}  # `_died_where`, by sentence
        self._answered: dict[int, Token | None] = {}  # `answered`, by the trigger's word
        # where the report was filed ("DOHA (Reuters) -"), not where what it tells happened:
        # the whole dateline line, up to the article's first sentence
        filed = (record["document"].get("dateline") or "").strip().lower()
        filed_at = next((m["end"] for p in record.get("places", []) for m in p["mentions"]
                         if filed and m["start"] < 80 and m["text"].lower() == filed), -1)
        self.body = _body(doc, filed_at)

    # actors and targets -------------------------------------------------------------

    def actors(self, found: Found) -> list[str]:
        # not a phrase that holds the act's own word beside its own head, whatever the parse:
        # "Survivors of a drone strike" did not strike (but "the commission of inquiry" inquires)
        word = found.word
        around = set()
        for start, end, e in self.entities.overlapping(word.idx, word.idx + len(word.text)):
            phrase = word.doc.char_span(start, end, alignment_mode="expand")
            if start <= word.idx and word.idx + len(word.text) <= end and phrase is not None and phrase.root != word:
                around.add(e)
        return [a for a in self._actors(found) if a not in around]

    def _actors(self, found: Found) -> list[str]:
        if self._freed(found) or self._dies(found):
            return []  # "the Americans held in Iran are coming home": they are freed, not freeing
        if self.fallen(found):
            # "the city fell to the rebels": the rebels took it; the city is where
            return self.ids([g for c in found.word.children if c.dep_ == "prep" and c.lower_ == "to"
                             for g in c.children if g.dep_ == "pobj"], exclude_place_names=False)
        if found.light is None and found.trigger.pos == "noun":
            return self.ids(self._noun_doers(found), exclude_place_names=False)
        if found.light is not None and found.trigger.pos == "noun" and (parties := _between(found.word)):
            # "announced a truce between the government and the Front": its parties keep
            # it, not who announces it
            return self.ids(parties, exclude_place_names=False)
        if found.word.tag_ == "VBG" and not _subjects(found.word) and (parties := _between(found.word)):
            # "Fighting between the army and the Front has displaced thousands": a gerund
            # with no subject of its own is done by those it is between, as a noun is
            return self.ids(parties, exclude_place_names=False)
        clause = found.clause
        # "About 3,000 people protested in Orsk", its verb tagged a participle: no one is
        # protested, marched or rallied, as a bare participle is done to its noun
        passive = _passive(clause) and not (found.trigger.type == "PROTEST" and _bare_participle(clause)
                                            and not reduced_passive(clause))
        tokens = self._passive_doers(found) if passive else self._active_doers(clause)
        # not "the firms sanctioned today", what is done to them, nor "after her parents were
        # killed": a passive with a subject of its own is not done by the clause it hangs from,
        # nor one joined to a verb before it, whose subject it shares as the one it is done to
        # ("the mayor stepped off the stage and was shot")
        if not tokens and not reduced_passive(clause) and not any(c.dep_ == "nsubjpass" for c in clause.children) \
                and not (passive and clause.dep_ == "conj") and not _participle_clause(clause):
            tokens = self._governing_doers(clause)
        out = self.ids(tokens, exclude_place_names=False)
        if not out and clause.dep_ == "relcl" and (part := part_in_act(clause, self.lex)) is not None:
            # "claimed responsibility for a car bomb that killed 12 people": who claims it
            out = self.ids(self._taking_part(part[0]), exclude_place_names=False)
        if not out and found.light is not None and found.trigger.pos == "noun" and found.trigger.possessor == "actor":
            # "those who carry out the regime's repression": whoever carries it out, the
            # noun names whose it is
            out = self.ids(self._named_doers(found.word, ("poss",)), exclude_place_names=False)
        return out

    def agentless(self, found: Found) -> bool:
        """Whether the trigger's own words could not name who did it: a noun alone, or a
        passive ("the attacks", "were detained")."""
        if found.light is None and found.trigger.pos == "noun" or self._freed(found) or self.fallen(found) \
                or self._dies(found):
            return True
        return _passive(found.clause)

    def fallen(self, found: Found) -> bool:
        """A verb whose subject is the place taken (roles.tsv, `fallen`: "the city fell")."""
        return found.trigger.mode == "territory" and self.lex.roles.get(found.word.lemma_.lower()) == "fallen"

    def _dies(self, found: Found) -> bool:
        """A verb whose subject suffers the act (roles.tsv, `dies`: "40 soldiers died")."""
        return found.word.pos_ == "VERB" and self.lex.roles.get(found.word.lemma_.lower()) == "dies"

    def _freed(self, found: Found) -> bool:
        """A verb whose subject is the one freed (roles.tsv, `freed`: "are coming home")."""
        return found.trigger.mode == "release" and self.lex.roles.get(found.word.lemma_.lower()) == "freed"

    def by_both_sides(self, found: Found) -> bool:
        """Whether the clause's subject is the parties of an exchange, named only as such
        ("the two sides discussed", "both teams agreed"; roles.tsv, `sides`)."""
        return any(self.lex.roles.get(s.lemma_.lower()) == "sides" and not self._names(s) and any(
            c.lower_ in ("both", "two", "the") for c in s.children if c.dep_ in ("det", "nummod", "predet"))
            for s in _subjects(found.clause))

    def _governing_doers(self, verb: Token) -> list[Token]:
        """Who does what a clause with no subject of its own says: the one the verb or noun
        it hangs from names (subject or object control)."""
        tokens: list[Token] = []
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and any(c.dep_ in ("dobj", "obj") for c in verb.children):
            # "Gunmen armed with rifles and machetes killed 23 civilians": a participle has
            # no object, so a verb the parser hung on a noun as one is the clause's own,
            # whose subject the phrase that noun ends began with
            subject = _phrase_subject(verb.head)
            if subject is not None:
                return [subject]
        if verb.dep_ == "acl" and verb.tag_ == "VBD" and verb.head.dep_ == "ROOT" and verb.head.pos_ in ("NOUN", "PROPN") \
                and any(c.dep_ in ("dobj", "obj") for c in verb.children):
            # "Armed men abducted at least 25 passengers", parsed as a noun the verb describes:
            # a verb in the past tense with an object is the sentence's, and the noun its subject
            return [verb.head]
        while not tokens and verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head != verb.head:
            # "retaliated by bombing the port", "remains committed to supporting": the one who
            # retaliated, who remains; "accused Velnor of shelling", "thanked Tarsk for helping",
            # "stopped protesters from marching", "warned Israel against attacking": the object
            preposition, verb = verb.head, verb.head.head
            if preposition.lower_ in INCLUDING and verb.pos_ in ("NOUN", "PROPN"):
                # "recent government actions, including pausing aid": one of those actions,
                # done by whoever the noun names as doing them
                return self._named_doers(verb, ("poss", "compound", "amod"))
            if verb.dep_ == "acomp" and verb.head != verb:
                verb = verb.head
            if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ in ("dobj", "obj") and preposition.lower_ in CONTROLLING \
                    and self._names(verb):
                return [verb]  # "accused the rebels of carrying out the bombing", "of" hung on "rebels"
            if verb.pos_ == "NOUN" and verb.dep_ in ("dobj", "attr") and verb.head != verb:
                # "bore responsibility for refusing", "played a role in blocking": a noun
                # object's gerund is done by the subject of the verb that has the noun
                verb = verb.head
                tokens = _subjects(verb)
                continue
            tokens = (_controllers(verb) if preposition.lower_ in CONTROLLING else []) or _subjects(verb)
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.tag_ in ("NNS", "NNPS") and self._names(verb.head):
            # "opposition supporters protesting against the result": the supporters (not
            # "posted a message on Twitter blaming Iran", a phrase the parser hung on a name)
            return [verb.head]
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.lemma_.lower() in self.lex.weapons:
            # "verified video showing a military drone striking a fuel depot": the drone
            # strikes, and who flew it only "operated by" would say (not who verified the video)
            wielders = self._doer_of(verb.head)
            return [] if wielders == [verb.head] else wielders
        if verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
            # "their efforts to mediate", "Velnor's decision to withdraw": the noun's possessor
            tokens = [c for c in verb.head.children if c.dep_ == "poss"]
        while not tokens and verb.dep_ in ("xcomp", "conj", "advcl", "acl", "acomp", "oprd") and verb.head != verb:
            # "is pleased to support", "stand ready to assist": through the adjective, its verb's subject
            controlled = verb.dep_ == "xcomp"
            acting = verb.dep_ == "conj" and _finite_active(verb)
            verb = verb.head  # "launched an offensive and took control of": the shared subject
            if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ in ("dobj", "pobj", "attr") and verb.head != verb:
                verb = verb.head  # "reiterated its position calling on all parties": the one who reiterated
            # "urged all parties to end the fighting", "forced the rebels to withdraw", "called
            # on Iran to release": the object of the verb an infinitive hangs from does it
            tokens = (_controllers(verb) if controlled else []) or self._antecedent(verb, _subjects(verb))
            if not tokens and acting:
                # "soldiers were deployed on the streets and have attacked protesters": those
                # the first verb was done to do the second, active one
                tokens = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if not tokens and verb.dep_ == "ROOT":
            tokens = _elided_subject(verb)
        return tokens

    def _noun_doers(self, found: Found) -> list[Token]:
        """Who does what a bare noun names: what the noun itself names, else the subject of
        the verb it serves."""
        word = found.word
        if found.trigger.mode == "release":
            # "the release of 16 people from Russia": the state they are freed from frees them
            held = [word, *(g for c in word.children if c.dep_ == "prep" and c.lower_ == "of"
                            for g in c.children if g.dep_ == "pobj")]
            freed_from = [g for n in held for c in n.children if c.dep_ == "prep" and c.lower_ == "from"
                          for g in c.children
                          if g.dep_ == "pobj" and self.countries.overlapping(g.idx, g.idx + len(g.text))]
            if freed_from:
                return freed_from
        tokens = self._named_doers(word, ("compound", "amod") if _possessor_undergoes(found)
                                   else ("poss", "compound", "amod"))
        if not tokens and found.trigger.type == "AID":
            # "new assistance from USAID", "aid from the EU": aid comes from its giver
            tokens = [g for c in word.children if c.dep_ == "prep" and c.lower_ == "from"
                      for g in c.children if g.dep_ == "pobj" and self._names(g)]
        verb = _comitative(word) if found.trigger.type in JOINT else None
        if not tokens and verb is not None:
            tokens = self._doers_of_clause(verb)  # "we work in partnership with Egypt": we
        if not tokens and (owner := owned(found, self.lex)) is not None:
            return self._antecedent(owner, self._doers_of_clause(owner))  # "the Front, which claimed the strike"
        if not tokens and word.dep_ in ("dobj", "obj") and found.trigger.type in PACTS \
                and self.lex.roles.get(word.head.lemma_.lower()) == "party" and word.head.pos_ == "VERB":
            return self._doers_of_clause(word.head)  # "the army and the rebels signed a ceasefire"
        if not tokens:
            tokens = [g for g in _blamed_on(word, self.lex) if self._names(g)]
        return tokens or self._served(word)

    def _named_doers(self, noun: Token, roles: tuple[str, ...]) -> list[Token]:
        """Who an event noun itself names as doing it: the names it is modified by, not a
        town ("Israel's strikes", "Russian strikes"; not "the Minsk agreements"), "by" ("an
        attack by militants", "the strike, carried out by Israeli jets"), else both sides
        "between" ("clashes between the army and the rebels")."""
        tokens = [c for c in noun.children if c.dep_ in roles and self._names(c)
                  and not (c.dep_ == "compound" and self._town(c))
                  and not (c.dep_ == "compound" and self._done_to_before(noun, c))]
        if "poss" in roles and not tokens:
            tokens = self._plural_possessor(noun)
        by = [g for c in noun.children if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by"
              for g in c.children if g.dep_ == "pobj"]
        # "an attack by the paramilitary Rapid Support Forces": the parser may make the
        # describing word the object and the name its apposition
        tokens += by + [a for g in by for a in g.children if a.dep_ == "appos"]
        # "the detention of three soldiers by border guards": the parser may hang the "by" on the "of"
        of = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        tokens += [g for o in of for c in o.children if c.dep_ == "prep" and c.lower_ == "by"
                   for g in c.children if g.dep_ == "pobj"]
        tokens += [g for a in noun.children if a.dep_ == "acl" and a.tag_ == "VBN"
                   for c in a.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        return tokens or _between(noun)

    def _done_to_before(self, noun: Token, name: Token) -> bool:
        """Whether the article told the act this noun names, by the same noun, as done to
        the one its modifier names ("the bombing of the Velnor Relief Association (VRA)",
        then "the VRA bombing"): the modifier is what it was done to, not its doer."""
        named = {e for _, _, e in self.entities.overlapping(name.idx, name.idx + len(name.text))}
        for before in noun.doc[:noun.i]:
            if before.lemma_ != noun.lemma_ or before.pos_ != "NOUN":
                continue
            for g in (g for c in before.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children):
                lo, hi = _subtree_chars(g)
                if named & {e for _, _, e in self.entities.overlapping(lo, hi)}:
                    return True
        return False

    def _plural_possessor(self, noun: Token) -> list[Token]:
        """"The rebels’ offensive": a plural possessive, whose lone apostrophe the parser
        may take for punctuation, leaving the name it marks out of the noun's phrase: the
        name just before the apostrophe the phrase begins at or after."""
        doc, left = noun.doc, noun.left_edge
        mark = left if left.text in APOSTROPHES else doc[left.i - 1] if left.i > 0 else None
        if mark is None or mark.text not in APOSTROPHES or mark.i == 0:
            return []
        name = doc[mark.i - 1]
        return [name] if name.lower_.endswith("s") and self._names(name) else []

    def _passive_doers(self, found: Found) -> list[Token]:
        """The agent of a passive ("hit by militants"), or the parties "between" whom it was
        done; without them, the country a coercion happens in, or the attackers of the
        attack that killed."""
        clause = found.clause
        tokens = [g for c in clause.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if not tokens and self.lex.modality.get(clause.lower_) == "commit":  # "Russia is committed to ..."
            tokens = [c for c in clause.children if c.dep_ == "nsubjpass"]
        if not tokens:  # "a memorandum was signed between Cyprus, Greece and Israel": its parties
            tokens = [t for g in clause.children if g.dep_ == "prep" and g.lower_ == "between"
                      for p in g.children if p.dep_ == "pobj" for t in (p, *_conjuncts(p))]
        if not tokens and found.trigger.type == "COERCE":
            tokens = self._state_where(clause)
        if not tokens and found.trigger.type == "ASSAULT":
            # "two soldiers were killed when militants attacked a checkpoint": the attackers
            tokens = [s for c in clause.children if c.dep_ == "advcl"
                      and any(m.dep_ in ("mark", "advmod") and m.lower_ in ("when", "as", "after") for m in c.children)
                      and any(t.type == "ASSAULT" for t in self.lex.triggers.get((c.lemma_.lower(), "verb"), ()))
                      for s in _subjects(c)]
        return tokens

    def _active_doers(self, clause: Token) -> list[Token]:
        # "a Russian drone attack on Kyiv killed three": who attacked, not what was attacked
        return self._antecedent(clause, [w for t in _subjects(clause) for w in self._doer_of(t)])

    def _antecedent(self, clause: Token, tokens: list[Token]) -> list[Token]:
        """The noun a relative clause's subject stands for: "the militants, who seized the
        town", "the two emirs, both of whom helped": the militants, the emirs; not a town
        the clause was hung from ("an airstrike in Kabul that killed")."""
        partitive = [t for t in tokens if _partitive_relative(t)]
        if partitive and clause.dep_ != "relcl":
            # the parser may hang "both of whom helped" on the main verb: what it stands for
            # is the noun phrase just before it, with those it is coordinated with
            noun = _noun_before(partitive[0])
            return [] if noun is None else [noun, *(c for c in noun.children if c.dep_ == "conj"),
                                            *([noun.head] if noun.dep_ == "conj" else [])]
        if clause.dep_ != "relcl" or not any(t.lower_ in RELATIVES for t in tokens) and not partitive:
            return tokens
        head = clause.head
        if head.dep_ == "appos" and self._names(head.head):
            head = head.head  # "Velnor Care, a charity that has funded the front": the one named
        if head.dep_ == "attr" and head.head.lemma_ == "be":
            # "they are the ones who attacked the prison", "we are not bandits who attack
            # prisons": the subject the copula says it of
            subjects = [c for c in head.head.children if c.dep_ == "nsubj"]
            if subjects:
                return subjects
        return [] if self.towns.overlapping(head.idx, head.idx + len(head.text)) else [head]

    def _served(self, noun: Token) -> list[Token]:
        """The subject of the verb a bare event noun serves (data/events/roles.tsv): "Israel
        responded with artillery fire", "the group claimed responsibility for the bombing" (and "Iran denied any involvement in
        the attacks": the attacks it denies doing),
        "the minister flew to Cairo for talks", "Iran took part in the talks", "Russia is
        starving the city through a blockade"; the subject the verb shares when it has none
        of its own ("led a delegation to Geneva to take part in the talks")."""
        while noun.dep_ == "conj" and noun.head != noun:
            noun = noun.head  # "the mastermind of the massacres, rapes and kidnappings": each is the first's
        if noun.dep_ != "pobj":
            return []
        prep, head = noun.head, noun.head.head
        if head.dep_ == "prep" and head.lower_ in INCLUDING and head.head != head:
            head = head.head  # "will keep up the pressure, including through sanctions"
        if prep.lower_ in MEANS:
            while head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("dobj", "conj") and head.head != head:
                head = head.head  # "starved the city of its food through a blockade": the parser may
                # hang the means on the object, but it is the verb's
        roles = self.lex.roles
        role = roles.get(head.lemma_.lower())
        active = head.pos_ in ("VERB", "AUX") and not any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children)
        if prep.lower_ in MEANS and active:
            return self._doers_of_clause(head)  # the means of an act are the actor's
        if prep.lower_ == "with" and role == "means" and active:
            return self._doers_of_clause(head)
        if prep.lower_ == "in" and (role == "joins" or any(
                c.dep_ == "dobj" and roles.get(c.lemma_.lower()) == "joins" for c in head.children)):
            return self._doers_of_clause(head.head if head.dep_ == "dobj" else head)  # "took part in talks"
        part = part_in(noun, self.lex)
        if part is not None:  # who claims, or denies, a part in it ("it was not involved in": the one not involved)
            return self._taking_part(part[0])
        if prep.lower_ == "behind" and head.lemma_ == "be":
            return _subjects(head)  # "the Front was behind the bombing": who did it
        if prep.lower_ == "of" and role == "doer" and head.pos_ == "NOUN":
            # "he was the mastermind of the massacres", "Aram Tessel, the architect of the
            # attack": whom the doer's noun is said of
            if head.dep_ == "attr" and head.head.lemma_ == "be":
                return _subjects(head.head)
            if head.dep_ == "appos":
                return [head.head]
            return [c for c in head.children if c.dep_ == "appos"]
        if prep.lower_ == "for" and role == "blames" and head.pos_ == "VERB":
            # "blamed the MDK for the ambush": the one blamed
            return [c for c in head.children if c.dep_ in ("dobj", "obj") and self._names(c)]
        if prep.lower_ == "for" and role == "journey":
            return self._doers_of_clause(head)
        return []

    def _taking_part(self, verb: Token) -> list[Token]:
        """Who claims, denies or holds a part in an act, by the verb that says so."""
        return _subjects(verb) or [c for c in verb.children if c.dep_ == "nsubjpass"] or self._governing_doers(verb)

    def _doers_of_clause(self, verb: Token) -> list[Token]:
        # "police, who responded with tear gas": the noun the relative pronoun stands for
        return self._antecedent(verb, _subjects(verb)) or self._governing_doers(verb)

    def sites(self, found: Found) -> list[tuple[int, int]]:
        """The spans of the common nouns that say what kind of site an act was done to or
        at (data/events/sites.tsv): among its targets' words ("shells hit the teaching
        hospital", "the shelling of the hospital compound", "hit the roof of the clinic"),
        where its clause or noun was done ("a blast at a market", "killed in the mosque")
        and the noun before a noun trigger ("the market strike"); with the sites joined to
        them ("the hospital and the market")."""
        word = found.word
        heads = self._target_words(found)
        for head in dict.fromkeys((found.clause, word)):
            heads += [g for c in head.children if c.dep_ == "prep" and c.lower_ in LOCATIVE and c.lower_ != "from"
                      for g in c.children if g.dep_ == "pobj"]  # (not "launched from an air base")
        if found.trigger.pos == "noun":
            heads += [c for c in word.children if c.dep_ == "compound"]
            occurs = word.head
            if found.light is None and word.dep_ == "nsubj" and occurs.pos_ == "VERB" \
                    and occurs.lemma_.lower() in self.lex.occurrence_verbs:  # "an air strike hit a camp"
                heads += [g for c in occurs.children if c.dep_ in ("dobj", "obj")
                          or c.dep_ == "prep" and (c.lower_ in TARGET_PREPS or c.lower_ in LOCATIVE
                                                   or c.lower_ == "through") and c.lower_ != "from"
                          for g in ([c] if c.dep_ != "prep" else [g for g in c.children if g.dep_ == "pobj"])]
        if word.dep_ == "amod" and word.tag_ == "VBN":
            heads.append(word.head)  # "the bombed hospital"
        out: list[tuple[int, int]] = []
        for head in heads:
            for noun in [head, *_conjuncts(head)]:
                # the site itself, a site that names it ("the hospital compound"), or a part
                # of one ("the roof of the clinic")
                named = [noun] if self._site(noun) else \
                    [*(c for c in noun.children if c.dep_ == "compound"),
                     *(x for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                       for g in c.children if g.dep_ == "pobj" for x in (g, *_conjuncts(g)))]
                for n in named:
                    span = self._site(n)
                    if span is not None and span not in out:
                        out.append(span)
        return sorted(out)

    def _site(self, noun: Token) -> tuple[int, int] | None:
        """The span of a site noun ("hospitals"), or of it with the noun before it ("health
        centre"), when sites.tsv lists it."""
        if noun.pos_ not in ("NOUN", "PROPN"):
            return None
        lemma = noun.lemma_.lower()
        before = noun.doc[noun.i - 1] if noun.i and not noun.is_sent_start else None
        if before is not None and f"{before.lower_} {lemma}" in self.lex.sites:
            return before.idx, noun.idx + len(noun.text)
        if lemma in self.lex.sites or noun.lower_ in self.lex.sites:
            return noun.idx, noun.idx + len(noun.text)
        return None

    def _target_words(self, found: Found) -> list[Token]:
        """The heads of what an act is done to: its object, the subject of its passive or of
        a dying, what "against", "on", "at", "with", "to" or "into" it is done, and for a
        noun trigger its "of" ("the detention of three journalists"), its possessor when it
        is done to that ("her release") and a name before it told as done to before ("the
        VRA bombing")."""
        key = (found.start, found.end, found.light.i if found.light is not None else -1, id(found.trigger))
        if key not in self._done_to:
            self._done_to[key] = self._find_target_words(found)
        return list(self._done_to[key])

    def _find_target_words(self, found: Found) -> list[Token]:
        clause, word = found.clause, found.word
        tokens: list[Token] = []
        for head in dict.fromkeys((clause, word)):
            for c in head.children:
                if head == word and found.light is None and found.trigger.pos == "noun" \
                        and c.dep_ == "prep" and c.lower_ == "of":
                    tokens += [g for g in c.children if g.dep_ == "pobj"]  # "the detention of three journalists"
                elif head == word and c.dep_ == "poss" and _possessor_undergoes(found):
                    tokens.append(c)  # "her release"
                elif head == word and c.dep_ == "compound" and self._names(c) and self._done_to_before(word, c):
                    tokens.append(c)  # "the bombing of the VRA ... the VRA bombing"
                elif c.dep_ in ("dobj", "obj", "dative") and c != word:
                    tokens.append(c)
                    if found.trigger.type in ANSWERING and self.lex.roles.get(c.lemma_.lower()) in PROPOSALS:
                        # "rejected an offer from Afghanistan": a refusal answers whoever made it
                        tokens += [g for p in c.children if p.dep_ in ("prep", "agent") and p.lower_ in ("from", "by")
                                   for g in p.children if g.dep_ == "pobj"]
                elif c.dep_ == "nsubjpass" and c != word \
                        or c.dep_ == "nsubj" and head == word and (self._dies(found) or self._freed(found)):
                    tokens.append(c)  # "two soldiers were killed", "two soldiers died", "Tessel walked free"
                elif c.dep_ == "prep" and c.lower_ in TARGET_PREPS \
                        and not (c.lower_ == "on" and _blamed_on(word, self.lex)):  # (not whom it is blamed on)
                    # (nor on whose word: "on the orders of the brigade")
                    tokens += [g for g in c.children if g.dep_ == "pobj"
                               and self.lex.roles.get(g.lemma_.lower()) != "behalf"]
        return tokens

    def targets(self, found: Found) -> list[str]:
        clause, word = found.clause, found.word
        tokens = self._target_words(found)
        if found.trigger.mode == "territory":
            return []  # the place taken is among the places
        found_ids = self.ids(tokens, exclude_place_names=True, owners=False)
        if not found_ids and clause == word and reduced_passive(clause):
            # "nine drivers abducted near Gusau": a participle is done to the noun it
            # describes, and to no name around it ("relatives of the students abducted")
            noun = clause.head
            named = self.ids([noun], exclude_place_names=True, whole=False)
            found_ids = [e for start, end, e in self.entities.overlapping(noun.idx, noun.idx + len(noun.text))
                         if e in named and (phrase := noun.doc.char_span(start, end, alignment_mode="expand"))
                         is not None and phrase.root == noun]
        if not found_ids and _passive_unsaid(clause):
            # "After months of being detained in Orsk, Aram Tessel is on his way home": what
            # a passive clause with no subject of its own is done to is the main clause's subject
            found_ids = self.ids(_main_subjects(clause), exclude_place_names=True)
        if found_ids or found.trigger.type not in ANNOUNCING:
            return found_ids
        if found.trigger.type == "REQUEST":
            # whom a demand is made of; what it asks them to do is done by them, not to them
            return self.ids(_asked(found), exclude_place_names=True)
        found_ids = self.ids(_done_to(found), exclude_place_names=True, whole=False)
        if not found_ids and found.trigger.type == "THREATEN":
            return self.ids(_pressed(found), exclude_place_names=True)
        return found_ids

    def ids(self, tokens: list[Token], exclude_place_names: bool, whole: bool = True,
            owners: bool = True) -> list[str]:
        """The entities the words of these arguments name; `whole=False`: of their own noun
        phrases only, not what hangs on them ("measures for implementing the president's
        agreement" names no one); `owners=False`: not a person a possessive pronoun names
        ("his client", "her son": someone else)."""
        out: list[str] = []
        for token in tokens:
            if token.lower_ in OBJECT_RELATIVES and token.dep_ in ("dobj", "nsubjpass"):
                # "Tarsk, which the panel accused of arming the rebels": Tarsk
                token = stands_for(token.head, token)
            for word in _argument_words(token) if whole else _phrase_words(token):
                start, end = word.idx, word.idx + len(word.text)
                if word.dep_ == "compound" and word.head.pos_ == "NOUN" and word.head.dep_ == "pobj" \
                        and word.head.head.lower_ == "of" and self.towns.overlapping(start, end):
                    # "the kidnappers of the Ostrin schoolchildren": whose town, not who (but
                    # "Harrowland troops" are their country's)
                    continue
                for _, _, entity in self.entities.overlapping(start, end):
                    if exclude_place_names and self.entity_type.get(entity) == "GPE" \
                            and self.towns.overlapping(start, end) or entity in self.misread_towns:
                        continue  # "hit Homs": a place, listed among the places; "attacked Iraq": a target
                    if not owners and word.dep_ == "poss" and word.lower_ in POSSESSIVE_PRONOUNS \
                            and self.entity_type.get(entity) == "PERSON":
                        continue  # "his client had been beaten": whose client, not whom it was done to
                    if entity not in out:
                        out.append(entity)
        return out

    def _doer_of(self, subject: Token) -> list[Token]:
        """A subject, or, when it is itself an event noun ("the attack", "Israel's strikes"),
        the words that name who did that: its possessive, modifiers and "by"."""
        if subject.lemma_.lower() in self.lex.weapons:
            # "a drone operated by Sudan's army carried out the strike", "shells fired by his
            # unit hit the hospital": the weapon's, who wields it
            wielders = [g for acl in subject.children if acl.dep_ == "acl" and acl.tag_ == "VBN"
                        for a in acl.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
            if wielders:
                return wielders
        if subject.pos_ != "NOUN" or (subject.lemma_.lower(), "noun") not in self.lex.triggers:
            return [subject]
        return self._named_doers(subject, ("poss", "compound", "amod"))

    def _state_where(self, verb: Token) -> list[Token]:
        """"Two reporters were detained in Iran": who arrests, jails or bans without being
        named is the state where it happens, when the clause names a country."""
        return [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "inside")
                for g in c.children if g.dep_ == "pobj" and self.countries.overlapping(g.idx, g.idx + len(g.text))]

    def _names(self, token: Token) -> bool:
        return bool(self.entities.overlapping(token.idx, token.idx + len(token.text)))

    def _town(self, token: Token) -> bool:
        """Whether a word names a town: placed there, or a name placed as a town elsewhere."""
        end = token.idx + len(token.text)
        return bool(self.towns.overlapping(token.idx, end)) \
            or any(e in self.town_entities for _, _, e in self.entities.overlapping(token.idx, end))

    # places and time ------------------------------------------------------------------

    def place_ids(self, found: Found, paragraphs: Paragraphs, statement: dict | None = None) -> list[str]:
        if self._recorded(found):
            # "a video of the attack was shared in Beni": where the record went, not the act
            lo, hi = _subtree_chars(found.word)
            own_words = [(start, p) for start, _, p in sorted(self.places.overlapping(lo, hi))]
            return list(dict.fromkeys(self._placed(own_words, found.word.doc)))
        answered = self.answered(found)
        if answered is not None and (own_words := self._places_in(answered)):
            # "shelled Orsk in retaliation for the bombing of Tarsk": the act answered is where
            # its own words say
            return [p for _, _, p in sorted(self.places.overlapping(*_subtree_chars(answered))) if p in own_words]
        # and never where the words of its answer are ("launched strikes on Orsk in
        # retaliation for the attack"): the words around it tell only its country
        answering = _answering_words(answered) if answered is not None else []
        lo, hi = _subtree_chars(found.clause)
        sent = sentence_of(found.word)
        # the phrases of other acts, whose places are theirs, worked out only for a sentence
        # that names a place (most name none): "..., after Iran and Saudi Arabia agreed in
        # Beijing"; "imposed sanctions over the crackdown in Minsk" (causes); "since January,
        # when a drone struck ..."; "were released on Thursday and handed over in Gusau on
        # Friday" (occasions); "seized the crew of a ship carrying coal from Samarinda" (routes)
        named = sorted(self.places.overlapping(sent.start_char, sent.end_char))
        causes = self._causes(found) + self._answers(found) if named else []
        occasions = self._other_occasions(found) if named else []
        routes = _routes(found, self.lex.route_verbs) if named else []
        own = (_other_clauses(found.clause, within=True) + causes + _when_clauses(found, found.clause.subtree)
               + occasions + routes + self._died_where(sent, found) + answering + _acts_ahead(found, self.lex)) if named else []
        subjects = _subjects(found.clause) + [c for c in found.clause.children if c.dep_ == "nsubjpass"]
        subjects += [c for c in found.word.children if c.dep_ == "poss"]  # "Russia's invasion"
        subjects += [c for t in subjects for c in _conjuncts(t)]  # "Egypt and Qatar are mediating"
        acting = set() if self.fallen(found) else \
            {p for c in subjects for _, _, p in self.places.overlapping(c.idx, c.idx + len(c.text))}
        if found.trigger.type in SPOKEN_OF:  # "discussed the situation in Syria": what it is about
            acting |= {p for c in found.clause.children if c.dep_ in ("dobj", "obj") or c.dep_ == "prep"
                       and c.lower_ in ABOUT for p in self._places_in(c)}
        out = self._placed([(start, p) for start, _, p in sorted(self.places.overlapping(lo, hi))
                            if not any(a <= start < b for a, b in own)], found.word.doc)
        out = [p for p in out if p not in acting]  # "Russia withdrew its troops": Russia acts
        said_at: list[tuple[int, int]] = []
        if not out and (there := _where_told(found)) is not None:
            # "In Yandoto, a village where gunmen killed nine people on Tuesday, residents
            # buried the victims": where the clause says it was, whatever the sentence tells
            # of its own
            there_words = self._places_in(there)
            out = [p for start, _, p in sorted(self.places.overlapping(*_subtree_chars(there)))
                   if p in there_words and not lo <= start < hi]
            if out:
                return list(dict.fromkeys(out))
        if not out and _told_apart(found.clause):
            return []  # "a day after the two countries exchanged prisoners": another time, maybe another place
        if not out and self.capital_place and any(
                t.lemma_.lower() == "capital" and t.dep_ in ("pobj", "dobj") for t in found.clause.subtree):
            out.append(self.capital_place)  # "withdrawn from areas around the capital"
        if not out:
            # not where the one who says or denies it is ("Moscow denied targeting the
            # hospital", "Russia's defence ministry said ..."): a place named as a speaker acts
            said = (statement or {}).get("speaker") or {}
            if said.get("start") is not None:
                acting |= {p for _, _, p in self.places.overlapping(said["start"], said["end"])}
            said_at = _said_where(sent, statement) + _asked_where(sent, statement) \
                + (self._died_where(sent, found) if named else []) \
                + [(a, b) for a, b in self.seated if sent.start_char <= a < sent.end_char]
        if not out and named:
            others = _other_clauses(found.clause) + causes + said_at + _when_clauses(found, sent) + occasions \
                + routes + answering + _acts_ahead(found, self.lex)
            out = self._placed([(start, p) for start, _, p in named
                                if p not in acting and not any(lo <= start < hi for lo, hi in others)],
                               found.word.doc)
        if not out:  # the place the paragraph has named so far: news paragraphs stay in one place
            before = self.places.last_before(found.start)
            # "at Habila, north-east of Dilling": Habila; and not where a speaker is ("the UN
            # office in Ouagadougou said"), but the scene the paragraph named before it
            away = said_at + self.seated + self.said_where + answering
            while before is not None and self._landmark(found.word.doc, before[0]):
                before = self.places.last_before(before[0])
            if self._town_again(found.clause):
                # "opened fire near the village of Ak-Sai in the Batken region ... mortar
                # rounds later hit homes in the village": the village, not the region
                while before is not None and before[2] in self.areas:
                    before = self.places.last_before(before[0])
            if before is not None and any(lo <= before[0] < hi for lo, hi in away):
                before = None
            if before is not None and before[0] >= paragraphs.start(found.start) and before[2] not in acting \
                    and before[0] >= self.body and (answered is None or before[0] < sent.start_char):
                return [before[2]]
        if answered is not None:
            # the other places of its answer's sentence are likely the answer's: its country only
            out = [p for p in out if p in self.country_places]
        return list(dict.fromkeys(out))

    def answered(self, found: Found) -> Token | None:
        """The phrase that names the act another answers, when the event is told in it
        ("shelled Orsk in retaliation for the bombing of Tarsk", "to avenge the killing of
        its commander", "responded to the attack"; roles.tsv `retaliation`, and the verbs of
        answering, `means`): an act done before, maybe by another, elsewhere."""
        if found.word.i not in self._answered:  # asked for its places, its time and its doer
            roles = self.lex.roles
            self._answered[found.word.i] = next(
                (token for token in (found.word, *found.word.ancestors)
                 if token.dep_ == "pobj" and _names_answered(token.head.head, token.head, roles)
                 or token.dep_ in ("dobj", "obj") and _names_answered(token.head, token, roles)), None)
        return self._answered[found.word.i]

    def _recorded(self, found: Found) -> bool:
        """Whether an act is named as what a record issued tells of ("a video of the
        attack", "a recording in which a voice boasts of the ambush"; statements/channels.tsv
        `document`): the record's sentence tells where it went, not where the act was."""
        word = found.word
        if found.light is not None or word.pos_ != "NOUN" or word.dep_ != "pobj" \
                or word.head.lower_ not in ("of", "about"):
            return False
        held = word.head.head
        while held.dep_ in ("acl", "relcl", "xcomp") and held.pos_ in ("VERB", "AUX") and held.head != held:
            held = held.head  # "a recording in which a voice appears to boast of the ambush"
        return held.pos_ == "NOUN" and held.lemma_.lower() in self.lex.documents

    def _other_occasions(self, found: Found) -> list[tuple[int, int]]:
        """The verbs joined to the event's that share its subject but tell a time of their
        own, other than the event's ("were released late on Thursday and handed over to
        officials in Gusau on Friday"): acts of another occasion, at their own places."""
        verb = found.clause
        if found.word not in (verb, *verb.children) and found.light is None:
            return []
        own = self._times_of(verb)
        out = []
        for c in verb.children:
            if c.dep_ == "conj" and c.pos_ == "VERB" and own:
                theirs = self._times_of(c)
                if theirs and not theirs & own:
                    out.append(_subtree_chars(c))
        return out

    def _times_of(self, verb: Token) -> set[str]:
        """The values of the times a verb's own phrases hold, not its joined verbs'."""
        return {t["value"] for c in verb.children if c.dep_ not in ("conj", "cc", "punct")
                for _, _, t in self.times.overlapping(*_subtree_chars(c)) if t["value"]}

    def _placed(self, named: list[tuple[int, str]], doc: Doc) -> list[str]:
        """The places named (by where each mention starts), without those named only as
        the landmark another is placed by (`_landmark`), unless only landmarks are named."""
        kept = [p for start, p in named if not self._landmark(doc, start)]
        return list(dict.fromkeys(kept or [p for _, p in named]))

    def _town_again(self, clause: Token) -> bool:
        """Whether a clause names a town told before by a definite noun ("homes in the
        village", "entered the town"; events/place-nouns.tsv `town`)."""
        return any(self.lex.place_nouns.get(t.lemma_.lower()) == "town"
                   and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in t.children)
                   for t in clause.subtree)

    def _landmark(self, doc: Doc, start: int) -> bool:
        """Whether the place mention starting at a character is what a compass point or a
        distance that places another named place is of or from ("attacked a garrison at
        Habila, north-east of Dilling", "the village of Tarsk, 20 km from Orsk"); not of
        a place left unnamed ("a checkpoint 20 km south of Mosul", "a hamlet north of
        Abala"), which the landmark is the nearest to."""
        span = doc.char_span(start, start + 1, alignment_mode="expand")
        if span is None or not len(span):
            return False
        token = span[0]
        while token.dep_ in ("compound", "flat") and token.head != token:
            token = token.head  # "of Abu Jubayhah": Jubayhah
        by = token.head.head
        if token.dep_ != "pobj" or token.head.lower_ not in ("of", "from") \
                or not (COMPASS.match(by.lower_) or by.lemma_.lower() in DISTANCES):
            return False
        if by.dep_ == "npadvmod" and COMPASS.match(by.head.lower_):
            by = by.head  # "100 km east of Léré": the phrase is east's
        # set off after a place it places ("in Bara, about 60 km north of El Obeid"), however
        # the parser hangs it
        first = by.left_edge.i
        named = doc[first - 2] if first >= 2 and doc[first - 1].text in (",", "(") else None
        return named is not None and bool(self.places.overlapping(named.idx, named.idx + len(named.text)))

    def _died_where(self, sent, found: Found) -> list[tuple[int, int]]:
        """The phrases of where the wounded died or were cared for, or the dead buried, after
        an event, not where it happened ("wounded during the attack died in hospital in Gusau",
        "was wounded and taken to hospital in Batken": data/events/aftermath.tsv)."""
        if sent.start not in self._aftermath:  # a sentence's, for each of its events
            found_in = []
            for verb in sent:
                kind = self.lex.aftermath.get(verb.lemma_.lower())
                if kind not in ("verb", "after") or verb.pos_ != "VERB":
                    continue
                near = [w for c in verb.children for w in ([c] + [g for g in c.children if g.dep_ == "pobj"])]
                near += [w for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for w in c.subtree]
                if kind == "after" or any(self.lex.aftermath.get(w.lemma_.lower()) == "sign"
                                          or self.lex.aftermath.get(w.lower_) == "sign" for w in near):
                    found_in += [(verb.i, _subtree_chars(c)) for c in verb.children
                                 if c.dep_ == "prep" and c.lower_ in ("in", "at")]
            self._aftermath[sent.start] = found_in
        return [chars for i, chars in self._aftermath[sent.start] if i != found.word.i]

    def _causes(self, found: Found) -> list[tuple[int, int]]:
        """The phrases that give another act as the reason for this one ("over the crackdown
        on protesters in Minsk", "for attacks in Syria"), where that act's places are."""
        return [_subtree_chars(g) for head in {found.clause, found.word} for c in head.children
                if c.dep_ == "prep" and c.lower_ in CAUSES for g in c.children
                if g.dep_ == "pobj" and (g.lemma_.lower(), "noun") in self.lex.triggers]

    def _answers(self, found: Found) -> list[tuple[int, int]]:
        """The phrases that name the act this one answers ("shelled Orsk in response to the
        bombing of Batken", "retaliated for the raid on Batken", "fired rockets to avenge the
        killing of its commander in Tarsk"), where that act's places are."""
        roles = self.lex.roles
        return [_subtree_chars(c) for head in {found.clause, found.word} for c in head.children
                if _names_answered(head, c, roles)
                # "in response to", "to avenge": a phrase or a clause of a word of striking back
                or c.dep_ == "prep" and any(g.dep_ == "pobj" and roles.get(g.lemma_.lower()) == "retaliation"
                                            for g in c.children)
                or c.dep_ in ("advcl", "xcomp") and roles.get(c.lemma_.lower()) == "retaliation"]

    def _places_in(self, token: Token) -> set[str]:
        """The places named by the words of a phrase: its subtree's own, not those of words
        between its ends that hang elsewhere ("signed an agreement in Doha, under which
        ... Korvel": "in Doha" is the verb's, within the span of the agreement's clause)."""
        lo, hi = _subtree_chars(token)
        words = [(t.idx, t.idx + len(t.text)) for t in token.subtree]
        return {p for start, _, p in self.places.overlapping(lo, hi) if any(a <= start < b for a, b in words)}

    def time_id(self, found: Found, statement: dict | None) -> str | None:
        answered = self.answered(found)
        if answered is not None:
            # "shelled Orsk on Monday in retaliation for Sunday's air strike": its own words only
            return self._nearest(found, *_subtree_chars(answered),
                                 lambda start, end: not _dates_another(found, start, end))
        lo, hi = _subtree_chars(found.clause)
        sent = sentence_of(found.word)
        described = _described(found, self.lex.saying) + _acts_ahead(found, self.lex)
        own = self._nearest(found, max(lo, sent.start_char), min(hi, sent.end_char), lambda start, end: not (
            _dates_another(found, start, end) or any(a <= start < b for a, b in described)))
        if own is not None:
            return own
        named = self._when_named(found)
        if named is not None:
            return named
        verb = found.clause
        # "launched ... last week and took control"; "on Monday, the army began shelling the
        # town", "tried to storm it last year": what the verb sets out to do is done then
        while verb.dep_ in ("conj", "xcomp") and verb.head != verb:
            verb = verb.head
            timed = _timed_clauses(verb, found)
            shared = self._nearest(found, *_own_chars(verb),
                                   lambda start, end: not any(a <= start < b for a, b in timed))
            if shared is not None:
                return shared
        spoken_of = self._spoken_of(found)
        if spoken_of is not None:
            return spoken_of
        carrier = self._carrier(found, verb)
        if carrier is not None:
            # not a time of the event's own clause, which its own words were not dated by
            # ("a statement condemning the shelling of Orsk on Tuesday", released on Friday)
            # (nor of a clause it is told after: "were killed in the attack, after a wounded
            # guard died on Saturday")
            timed = _timed_clauses(carrier, found)
            carried = self._nearest(found, *_own_chars(carrier),
                                    lambda start, end: not _dates_another(found, start, end)
                                    and not lo <= start < hi and not any(a <= start < b for a, b in timed))
            if carried is not None:
                return carried
        if statement is None or _before_saying(found) \
                or found.word.dep_ == "pobj" and found.word.head.lower_ == "during":
            return None  # nor "fled during the attack", said on Wednesday: the attack's day is the fleeing's
        if found.light is None and found.trigger.pos == "noun" and _definite(found.word):
            return None  # "said on Thursday that 38 were killed in the strike": the strike told before
        return statement.get("time")

    def _when_named(self, found: Found) -> str | None:
        """The time a "when" clause of the event's follows ("since February last year, when
        an air strike killed 19 people"; "in 2019, when rebels seized the town"): the parser
        hangs such a clause on the main verb, but it tells what happened at that time."""
        for token in (found.word, *found.word.ancestors):
            marker = next((c for c in token.children if c.dep_ == "advmod" and c.lower_ == "when" and c.i < token.i),
                          None)
            if marker is not None:
                before = marker.nbor(-1) if marker.i > marker.sent.start else None
                if before is not None and before.is_punct and before.i > marker.sent.start:
                    before = before.nbor(-1)
                if before is None or before.is_punct:
                    return None
                end = before.idx + len(before.text)
                return next((t["id"] for _, stop, t in self.times.overlapping(before.idx, end) if stop == end), None)
            if token.dep_ == "ROOT":
                return None
        return None

    def _nearest(self, found: Found, lo: int, hi: int,
                 keep: Callable[[int, int], bool] = lambda start, end: True) -> str | None:
        """The time between lo and hi nearest the trigger, of those `keep` takes; of two set
        side by side for one time ("nearly one year ago, on July 11"), the more precise."""
        near = sorted(((abs(start - found.start), start, end, t) for start, end, t in self.times.overlapping(lo, hi)
                       if keep(start, end)), key=lambda n: n[:3])
        if not near:
            return None
        _, start, end, chosen = near[0]
        text = self.text
        for other_start, other_end, other in self.times.overlapping(max(0, start - APPOSED_CHARS), end + APPOSED_CHARS):
            between = text[end:other_start] if other_start >= end else text[other_end:start]
            if other is not chosen and APPOSED.fullmatch(between) and _precision(other) > _precision(chosen):
                chosen = other
        return chosen["id"]

    def _spoken_of(self, found: Found) -> str | None:
        """The time hung on a verb in the present tense, or the present perfect, whose
        object the event noun is, or what its object is for or of ("welcomes the recapture
        of Ayorou on Tuesday", "has never acknowledged responsibility for a strike in Kauda
        in February 2030"): such a verb says what is so now, so the day is that of what it
        speaks of; not a time of its subject ("today's action follows the attacks")."""
        word = found.word
        if found.light is not None or found.trigger.pos != "noun":
            return None
        if word.dep_ == "pobj" and word.head.lower_ in ("for", "of") and word.head.head.dep_ in ("dobj", "obj"):
            word = word.head.head  # "responsibility for the attack", "news of the attack"
        head = word.head
        if word.dep_ not in ("dobj", "obj") or not _present(head):
            return None
        for c in head.children:
            if c.dep_ in ("prep", "npadvmod") and c.i > word.i:
                time = self._nearest(found, *_subtree_chars(c))
                if time is not None:
                    return time
        return None

    def _carrier(self, found: Found, verb: Token) -> Token | None:
        """The clause whose time is the event's, when the event's own words give none: the
        verb whose subject the event noun is ("a drone strike hit the market on Monday":
        data/events/occurrence-verbs.tsv), the verb of what it did to people ("on Monday,
        two soldiers were killed in a drone attack": data/events/outcome-verbs.tsv), or the
        verb an -ing clause tells the outcome of ("exploded on Sunday, killing five
        officers"), or the verb that issued a document the event's clause says what it says
        of ("passed a resolution on Monday demanding that the attacks end", "issued a
        statement on January 3, which called for ...": it demands when it is passed), or
        the verb that met the act its object names as it happened ("repelled an attack on
        Tuesday": roles.tsv `meets`)."""
        head = found.word.head
        if found.word.dep_ in ("acl", "relcl") and head.lemma_.lower() in self.lex.documents \
                and head.dep_ in ("dobj", "obj", "nsubjpass") and head.head.pos_ == "VERB":
            return head.head
        if found.light is None and found.word.dep_ == "nsubj" and head.pos_ == "VERB":
            lemma, occurs = head.lemma_.lower(), self.lex.occurrence_verbs
            if lemma in occurs or any(f"{lemma} {c.lemma_.lower()}" in occurs for c in head.children):
                return head
        if found.light is None and found.word.dep_ in ("pobj", "pcomp") and head.dep_ == "prep" \
                and head.head.pos_ == "VERB" \
                and (head.head.lemma_.lower(), head.lower_) in self.lex.outcome_verbs:
            return head.head
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.pos_ in ("VERB", "AUX"):
            return verb.head
        if found.light is None and found.word.dep_ in ("dobj", "obj") and head.pos_ == "VERB" \
                and self.lex.roles.get(head.lemma_.lower()) == "meets":
            return head  # "repelled an attack on its garrison on Tuesday": attacked on Tuesday
        return None


def _blamed_on(noun: Token, lex: Lexicon) -> list[Token]:
    """Whom an event noun is blamed on ("blamed the shelling on the army", roles.tsv
    `blames`), the parser hanging "on" on the verb or on the noun ("the attack on")."""
    if noun.dep_ not in ("dobj", "obj") or lex.roles.get(noun.head.lemma_.lower()) != "blames":
        return []
    return [g for c in (*noun.head.children, *noun.children) if c.dep_ == "prep" and c.lower_ == "on"
            for g in c.children if g.dep_ == "pobj"]


def _before_saying(found: Found) -> bool:
    """Whether a reported event is told in the past perfect ("said on Monday that 40
    students had been kidnapped"): done before the saying, whose day is not its own."""
    verb = found.clause
    while verb.dep_ == "conj" and verb.head != verb:  # "had attacked the town and taken ..."
        verb = verb.head
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for c in verb.children)


def _routes(found: Found, verbs: frozenset[str]) -> list[tuple[int, int]]:
    """The places a clause describing who or what the act was done by, to or from gives as
    where they came from or were going, by a verb of `verbs` (route-verbs.tsv: "a convoy
    that was travelling from Gao to Tessit was attacked", "seized the crew of the MV Laut
    Biru, which was carrying coal from Samarinda to Cebu"): the route of what was hit, not
    where it was hit; not "extradite people accused of crimes from Hong Kong"."""
    verb = found.clause
    args = [a for a in verb.children if a.dep_ in ("nsubj", "nsubjpass", "dobj") and a.i != found.word.i]
    args += [g for a in verb.children if a.dep_ == "prep" for g in a.children if g.dep_ == "pobj"]
    return [_own_phrase_chars(g) for a in args for clause in a.children if clause.dep_ in ("acl", "relcl")
            for p in clause.subtree if p.dep_ == "prep" and p.lower_ in ROUTE and _moved_by(p, clause, verbs)
            for g in p.children if g.dep_ == "pobj"]


def _moved_by(prep: Token, clause: Token, verbs: frozenset[str]) -> bool:
    """Whether a "from" or "to" of a clause belongs to a verb of moving: the verb it hangs
    on, or the one whose object it hangs on ("carrying pilgrims to Karbala")."""
    head = prep.head
    while head.pos_ not in ("VERB", "AUX") and head.i != clause.i and head.head.i != head.i:
        head = head.head
    return head.lemma_.lower() in verbs


def _own_phrase_chars(noun: Token) -> tuple[int, int]:
    """The characters of a noun's phrase with its "of" ("the besieged town of Djibo"), not
    the phrases that place it further ("near the village of Namsiguia"), which the parser
    may hang on it."""
    words = [noun]
    todo = [noun]
    while todo:
        word = todo.pop()
        for c in word.children:
            if c.dep_ in ("relcl", "acl", "appos") or c.dep_ == "prep" and c.lower_ != "of" or c.i > noun.i \
                    and c.dep_ == "cc":
                continue
            words.append(c)
            todo.append(c)
    last = max(words, key=lambda t: t.i)
    return min(t.idx for t in words), last.idx + len(last.text)


def _described(found: Found, saying: frozenset[str]) -> list[tuple[int, int]]:
    """The clauses that describe the event's subject or object, whose times are theirs
    ("the students abducted on May 3 have been released": not the day of the release);
    not those of the event noun itself ("a truce, which began on April 2"), nor of what it
    was done in or by ("killed in a bombing that happened on June 27")."""
    verb = found.clause
    heads = [a for a in verb.children if a.dep_ in ("nsubj", "nsubjpass", "dobj") and a.i != found.word.i]
    # who did it, and what it is said to be: "fired by the KPA, a rebel movement whose
    # fighters have held positions since January"
    heads += [g for a in verb.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
    heads += [c for a in heads for c in a.children if c.dep_ == "appos"]
    # where or at whom it was done: "two bombs fell on the Wendou site, where 9,000 people
    # have lived since 2037", a relative clause that says what the place is; but one that
    # tells in the past what happened there then tells of the act ("fired on Baila, where
    # five people were killed on September 14"), and a participle may hold the act's own
    # time, which the parser hangs on it ("fired on civilians fleeing the town on Saturday")
    places = [g for a in verb.children if a.dep_ == "prep" and a.lower_ in PLACE_PREPOSITIONS
              for g in a.children if g.dep_ == "pobj" and g.i != found.word.i]
    # and the name a noun is of: "the town of Dornik, which has been held since 2029"
    places += [g for a in heads + places for c in a.children if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children if g.dep_ == "pobj" and g.i != found.word.i]
    # and what the nouns of a clause the act is told beside are ("As we approach one year
    # since the violence committed by the army on Unity Day 2030, the Kessa government is
    # imposing sanctions"): a "when" or "as" clause may give the act its time by its own
    # words, never by a description of its nouns
    # (or beside a clause joined to it: "two crew members had died and four were injured,
    # repeating the figures it gave on Thursday")
    beside = [t for v in (verb, *_conjuncts(verb)) for c in v.children if c.dep_ == "advcl" and found.word not in c.subtree
              for t in c.subtree if t.dep_ in ("acl", "relcl") and t is not c]
    # and what was said of the act itself: "the strike, which the army acknowledged this
    # week" (but "a truce, which began on April 2", "the strike that U.S. forces took last
    # night" are the act's day)
    done_to = [t for t in found.word.children if t.dep_ == "relcl" and t.lemma_.lower() in saying and any(
        c.dep_ in ("dobj", "obj") and c.tag_ in ("WDT", "WP") for c in t.children)]
    return [_subtree_chars(t) for a in heads for t in a.children if t.dep_ in ("acl", "relcl")] \
        + [_subtree_chars(t) for a in places for t in a.children if t.dep_ == "relcl" and not _told_past(t)] \
        + [_subtree_chars(t) for t in done_to] \
        + [_subtree_chars(t) for t in beside] + _timed_clauses(verb, found)


def _told_past(verb: Token) -> bool:
    """Whether a clause tells in the simple past what happened ("five people were killed",
    "who parked a truck"), not what is ("have lived since 2037", "starting in March")."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lemma_ == "have" for a in auxes):
        return False
    return verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes)


def _timed_clauses(verb: Token, found: Found) -> list[tuple[int, int]]:
    """The clauses of a verb that the event is told before, after or because of, whose
    times are their own ("were killed, after footage of the raid was broadcast this week");
    not those of "when" or "as", whose time is the event's."""
    return [_subtree_chars(c) for c in verb.children if c.dep_ == "advcl" and found.word not in c.subtree
            and any(m.dep_ == "mark" and m.lower_ in OWN_TIME_MARKS for m in c.children)]


# the prepositions of where an act is done or whom it is aimed at, whose nouns' clauses
# describe them, not the act
PLACE_PREPOSITIONS = frozenset({"on", "at", "near", "into", "onto", "inside", "outside", "against", "toward",
                                "towards", "across", "along", "around", "behind", "beside", "from", "upon"})
# what lies between two times that name one: "a year ago, on July 11", "Monday, March 3"
APPOSED = re.compile(r"\s*,\s*(?:on|in)?\s*")
APPOSED_CHARS = 6
CALENDAR = re.compile(r"\d{4}(-\d{2})?(?:(-\d{2})(T)?)?")
SIGNALS = ("after", "before")  # "a day after", "two weeks before": a distance from another event
# the conjunctions of a clause that happens at another time than the one it is attached to
# (grammar's closed set); not "since", which the parser also takes for the preposition of
# "held since Sunday", whose day is the event's
OWN_TIME_MARKS = frozenset({"after", "before", "until", "till", "once", "because", "although", "though"})


def _dates_another(found: Found, start: int, end: int) -> bool:
    """Whether a time that ends in "after" or "before" dates the clause it modifies rather
    than this event, which it only measures from: in "withdrew on Tuesday, a day after
    fighters entered the city" the entry is the day before, not the day after, Tuesday
    (and in "two days after the attack, troops withdrew" the withdrawal takes the time, the
    attack does not). The event is then left to its other times, or to none."""
    span = found.word.doc.char_span(start, end, alignment_mode="expand")
    if span is not None and _compared(found, span):
        return True
    if span is None or span[-1].lower_ not in SIGNALS:
        return False
    signal = span[-1]
    complement = [c for c in signal.children if c.dep_ in ("pobj", "pcomp")]
    if complement:  # "after the attack": the attack is measured from
        return any(found.word in c.subtree for c in complement)
    # "a day after fighters entered": the clause the time hangs on is measured from
    measured = {t.head for t in span if t.head.i < span.start or t.head.i >= span.end}
    return found.word in measured or found.clause in measured


def _definite(noun: Token) -> bool:
    """Whether an act's noun names one told before: "the strike", "this attack"."""
    return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children)


def _compared(found: Found, span: Span) -> bool:
    """Whether a time frames a comparison a noun of the sentence makes ("killed 38, making
    it the deadliest attack on civilians this year"), the act's own noun too ("the most
    serious attack on a candidate before the October elections"): the time of the
    ranking, not of the act."""
    for token in span[0].ancestors:
        if token.pos_ in ("VERB", "AUX"):
            return False
        if token.pos_ == "NOUN" and any(
                c.dep_ == "amod" and (c.tag_ == "JJS" or any(m.lower_ == "most" for m in c.children))
                for c in token.children):
            return True
    return False


def _between(noun: Token) -> list[Token]:
    """The parties a noun is "between" ("clashes between the army and the rebels")."""
    return [t for g in noun.children if g.dep_ == "prep" and g.lower_ == "between"
            for p in g.children if p.dep_ == "pobj" for t in (p, *_conjuncts(p))]


def _conjuncts(token: Token) -> list[Token]:
    out, todo = [], [c for c in token.children if c.dep_ == "conj"]
    while todo:
        t = todo.pop()
        out.append(t)
        todo += [c for c in t.children if c.dep_ == "conj"]
    return out


def _comitative(noun: Token) -> Token | None:
    """"in cooperation with", "in partnership with Egypt": a noun with its "with" that says
    how the clause's subject acts; the verb of that clause. The parser may hang the phrase
    on the verb's object ("sent funds to the group in cooperation with"), but it tells how
    the verb is done."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "in" or not any(
            c.dep_ == "prep" and c.lower_ == "with" for c in noun.children):
        return None
    verb = noun.head.head
    while verb.pos_ in ("NOUN", "PROPN") and verb.dep_ in ("dobj", "conj") and verb.head != verb:
        verb = verb.head
    return verb if verb.pos_ in ("VERB", "AUX") else None


def _possessor_undergoes(found: Found) -> bool:
    """Whether the possessive of a bare noun trigger is the one it is done to ("her
    release", "the activist's arrest"), by the trigger's `possessor`; an "of" complement
    takes that role, and the possessive acts ("Iran's detention of journalists")."""
    return found.light is None and found.trigger.pos == "noun" and found.trigger.possessor == "target" \
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in found.word.children)


def _passive(clause: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in clause.children) \
        or reduced_passive(clause) or _bare_participle(clause) \
        or _participle_clause(clause)  # "Americans detained in Russia"


def _participle_clause(verb: Token) -> bool:
    """A past participle set beside a clause with no auxiliary, subject or object of its own
    ("Wounded in the attack, the soldier was flown to Orsk", "had treated 80 wounded", as
    the parser reads it): done to the clause's subject, or to the people it counts, never by
    them. Only set before its clause, or after a count: one after a comma may share the
    clause's "have" ("have learned of her story, advocated for her release")."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBN" and not any(
        c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "dobj", "obj") for c in verb.children) \
        and (verb.i < verb.head.i or verb.i > 0 and verb.doc[verb.i - 1].like_num)


def _bare_participle(verb: Token) -> bool:
    """A past participle heading the sentence without "have" or "be" ("the firms sanctioned
    today play key roles", parsed with the firms as its subject): a participle is finite
    only with an auxiliary, so it is done to that noun, which does not do it. Not one with
    an object of its own ("forces, with support from allies, conducted strikes", which the
    tagger may also read as a participle): that one acts."""
    return verb.dep_ == "ROOT" and verb.tag_ == "VBN" \
        and not any(c.dep_ in ("aux", "auxpass", "dobj", "obj") for c in verb.children)


def _elided_subject(verb: Token) -> list[Token]:
    """"We remember the hostages. And reaffirm our pledge", "The ministry reaffirms its
    commitment; will continue to support": a finite verb that opens its sentence with a
    coordinator, or follows a semicolon, without a subject shares the subject of the clause
    before it (a clause the parser hung on it, or the previous sentence)."""
    doc = verb.doc
    sent = verb.sent
    first = sent[0]
    opens = first.dep_ == "cc" and first.head.i == verb.i
    finite = any(c.dep_ == "aux" for c in verb.children) or verb.tag_ in ("VBD", "VBP", "VBZ")
    after_semicolon = any(t.text == ";" for t in doc[sent.start:verb.i])
    if not (opens or finite and after_semicolon):
        return []
    for clause in reversed([c for c in verb.lefts if c.dep_ in ("ccomp", "conj", "parataxis")]):
        if _subjects(clause):
            return _subjects(clause)
    if opens and sent.start > 0:
        return _subjects(doc[sent.start - 1].sent.root)
    return []


def _partitive_relative(token: Token) -> bool:
    """"both of whom", "all of which": a part of what a relative pronoun stands for."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ in ("whom", "which") for g in c.children)
               for c in token.children)


def _noun_before(token: Token) -> Token | None:
    """The head noun of the phrase that ends just before a token (past its comma): "the
    Sultan of Oman, both of whom": the Sultan."""
    i = token.left_edge.i - 1
    while i >= 0 and token.doc[i].is_punct:
        i -= 1
    if i < 0:
        return None
    noun = token.doc[i]
    while noun.dep_ in ("pobj", "prep", "compound") and noun.head != noun:
        noun = noun.head
    return noun if noun.pos_ in ("NOUN", "PROPN") else None


def _finite_active(verb: Token) -> bool:
    """A verb that acts in its own right: with an auxiliary of its own, or in a finite
    form ("have attacked", "attacked"), not a bare participle ("arrested and charged": he
    was charged too)."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return False
    return verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ == "aux" for c in verb.children)


def _precision(time: dict) -> int:
    """How closely a time's value dates: 1 for a year (or a week of it), 2 a month, 3 a day,
    4 a time of the day; 0 for what no calendar date gives ("PRESENT_REF")."""
    found = CALENDAR.match(time.get("value") or "")
    return 0 if found is None else 1 + sum(part is not None for part in found.groups())


def _passive_unsaid(verb: Token) -> bool:
    """Whether a verb is a passive with no subject of its own, in a clause set beside
    another ("after being detained", "having been freed") or joined to it ("stepped off
    the stage and was shot"): whom it is done to is that clause's subject."""
    return verb.dep_ in ("pcomp", "advcl", "conj") and any(c.dep_ == "auxpass" for c in verb.children) \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _main_subjects(verb: Token) -> list[Token]:
    """The subjects of the verb a clause set beside it hangs from, through its
    prepositions and their nouns ("After months of being detained, Tessel ...": Tessel)."""
    head = verb.head
    while head.dep_ in ("prep", "pobj", "pcomp") and head.head != head:
        head = head.head
    if head.pos_ not in ("VERB", "AUX") or head is verb:
        return []
    return [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]


def _subjects(verb: Token) -> list[Token]:
    found = [c for c in verb.children if c.dep_ == "nsubj"]
    if not found:  # "Egypt and Qatar are mediating": the model may hang the subject on the auxiliary
        found = [g for c in verb.children if c.dep_ == "aux" for g in c.children if g.dep_ == "nsubj"]
    if not found:  # "the forces operating in Hama are conducting fire", parsed as a clausal subject
        found = [g for c in verb.children if c.dep_ == "csubj" for g in c.children if g.dep_ == "nsubj"]
    if not found and verb.dep_ == "pcomp":  # "news about the president leaving Damascus"
        found = [c for c in verb.head.children if c.dep_ == "pobj"]
    return found


def _phrase_subject(token: Token) -> Token | None:
    """The subject a noun phrase's last noun belongs to, through the prepositions,
    conjuncts and participles between them ("Gunmen" of "Gunmen armed with rifles and
    machetes"), else None."""
    while token.dep_ in ("pobj", "prep", "conj", "acl") and token.head is not token:
        token = token.head
    return token if token.dep_ in ("nsubj", "nsubjpass") else None


def _controllers(verb: Token) -> list[Token]:
    """The object of a verb that an infinitive hangs from, which does what the infinitive
    says: "urged all parties", "called on Iran" (object control)."""
    found = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    return found or [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")
                     for g in c.children if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME")]


def _argument_words(token: Token) -> list[Token]:
    """The words of an argument: its head and what belongs to it, without the clauses that
    describe it ("the forces operating in Hama" is the forces), nor where it is ("the
    Front, a group active west of Mangina", the compass point the parser hung on the name)."""
    words = []
    stack = [token]
    while stack:
        t = stack.pop()
        words.append(t)
        stack.extend(c for c in t.children if c.dep_ not in SKIP_IN_ARGUMENT
                     and not (c.dep_ == "prep" and c.lower_ in LOCATIVE)
                     and not (c.dep_ == "advmod" and COMPASS.match(c.lower_)))
    return words


def _phrase_words(token: Token) -> list[Token]:
    """A noun phrase's own words and those of the phrases joined to it ("Velnor's border
    guards", "Tarsk and Orsk"), not the phrases that hang on it."""
    words, stack = [], [token]
    while stack:
        t = stack.pop()
        words.append(t)
        stack.extend(c for c in t.children if c.dep_ in NAME_PARTS or c.dep_ == "conj")
    return words


def _done_to(found: Found) -> list[Token]:
    """Whom a threat, a promise or a refusal is about when it names no one itself: whom the
    act it announces is done to ("threatened to cut off relations with Harrowland", "agreed
    to send food aid to Orsk", "refused to lift the curfew on the traders of Tarsk"); not
    what is the doer's own ("agreed to pull its fighters back")."""
    out: list[Token] = []
    for head in dict.fromkeys((found.clause, found.word)):
        for act in head.children:
            if act.dep_ not in ("xcomp", "acl") or act.pos_ != "VERB" \
                    or not any(c.dep_ == "aux" and c.lower_ == "to" for c in act.children):
                continue
            # "to break off diplomatic relations with Congo": the relations' "with", after the
            # act's own (not where it is: "reinforce the base at Oicha")
            objects_with: list[Token] = []
            for c in act.children:
                if c.dep_ in ("dobj", "obj", "dative") and not any(
                        d.dep_ == "poss" and d.lower_ in POSSESSIVE_PRONOUNS for d in c.children):
                    out.append(c)
                elif c.dep_ == "prep" and c.lower_ in TARGET_PREPS:
                    out += [g for g in c.children if g.dep_ == "pobj"]
                if c.dep_ in ("dobj", "obj"):
                    objects_with += [g for p in c.children if p.dep_ == "prep" and p.lower_ in TARGET_PREPS - {"at"}
                                     for g in p.children if g.dep_ == "pobj"]
            out += objects_with
    # a pronoun is left to whom the record ties it, too often wrongly to be what is done to
    return [t for t in out if t.pos_ != "PRON"]


def _asked(found: Found) -> list[Token]:
    """Who a demand is made of, told as the subject of what it demands ("demanded that
    Harrowland recall its envoy", "are demanding that the governor resign"): not of what
    is demanded to be done ("demanded that the prisoners be freed")."""
    return [s for head in dict.fromkeys((found.clause, found.word)) for c in head.children if c.dep_ == "ccomp"
            for s in c.children if s.dep_ == "nsubj" and s.pos_ != "PRON"]


def _pressed(found: Found) -> list[Token]:
    """Who a threat presses, told by the condition it sets: the subject of its "unless" or
    "if" ("threatened to walk out of the talks if Harrowland moves its missiles", "threatened
    to call a strike unless the council lifted the ban")."""
    heads = [found.clause, *(c for c in found.clause.children if c.dep_ == "xcomp")]
    return [s for head in heads for c in head.children if c.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ in ("unless", "if") for m in c.children)
            for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]


def _present(verb: Token) -> bool:
    """Whether a verb is in the present tense ("welcomes") or the present perfect ("has
    never acknowledged"), neither of which a past day can be the time of."""
    return verb.tag_ in ("VBZ", "VBP") or verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children)


def _subtree_chars(token: Token) -> tuple[int, int]:
    left, right = token.left_edge, token.right_edge
    return left.idx, right.idx + len(right.text)


def _other_clauses(verb: Token, within: bool = False) -> list[tuple[int, int]]:
    """The clauses of other acts, where their places are: joined to the verb's (`within`),
    or also to a clause it hangs from, with a subject of their own ("Egypt condemned the
    strike and Jordan recalled its ambassador from Israel": Israel is where the ambassador
    was; but "shelled and stormed Orsk" is one clause); and those that tell what came
    before or after it ("reopened its embassy, two weeks after they agreed in Beijing"),
    or why ("the gates did not open because the troops had no orders from Dushanbe")."""
    above = list(verb.ancestors)
    passed = {verb.i} | {t.i for t in above}
    out = []
    for head in [verb] if within else [verb, *above]:
        out += [_joined_clause_chars(c) for c in head.children if c.i not in passed
                and _subjects(c) and (c.dep_ == "conj" and not _elliptical(c) or _told_apart(c) or _reason(c))]
    return out


def _elliptical(verb: Token) -> bool:
    """Whether a joined participle shares its head's passive auxiliary ("two soldiers were
    killed and five wounded in an ambush near Orsk"): one clause of one act's outcomes,
    whose phrases, the parser hangs on the last, tell both."""
    return verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children) \
        and any(c.dep_ == "auxpass" for c in verb.head.children)


def _where_told(found: Found) -> Token | None:
    """The phrase of the place a "where" clause tells the act at ("In Yandoto, a village in
    Tsafe district where gunmen killed nine people"): from the noun it describes up through
    the nouns and prepositions that hold it."""
    clause = found.clause
    if clause.dep_ != "relcl" or not any(c.dep_ == "advmod" and c.lower_ == "where" for c in clause.children):
        return None
    there = clause.head
    while there.dep_ in ("pobj", "prep", "appos", "compound") and there.head != there \
            and there.head.pos_ in ("NOUN", "PROPN", "ADP"):
        there = there.head
    return there


def _names_answered(head: Token, child: Token, roles: dict[str, str]) -> bool:
    """Whether `child` of `head` names the act `head` answers: its "for" or "to" after a word
    of striking back or of answering ("in retaliation for", "responded to": roles.tsv
    `retaliation`, `means`), or the object of a verb of striking back ("avenge the killing")."""
    role = roles.get(head.lemma_.lower())
    return child.dep_ == "prep" and child.lower_ in ("for", "to") and role in ("retaliation", "means") \
        or child.dep_ in ("dobj", "obj") and head.pos_ == "VERB" and role == "retaliation"


def _answering_words(answered: Token) -> list[tuple[int, int]]:
    """The words of the act that answers another (`Arguments.answered`) that say who did
    it, to whom and where: its verb, subject, object and places ("the army launched strikes
    on Orsk in retaliation for the attack"); and those of the verb that a verb of striking
    back says the purpose of ("fired rockets at Orsk to avenge the killing"). Not why or
    what for ("to show our support for the people of Burma")."""
    verb = governing_verb(answered)
    verbs = [verb] if verb is not None else []
    if verb is not None and verb.dep_ in ("advcl", "xcomp") and verb.head != verb:
        verbs.append(verb.head)
    return [span for v in verbs for span in [(v.idx, v.idx + len(v.text))] + [
        _subtree_chars(c) for c in v.children if answered not in c.subtree and (
            c.dep_ in (*SUBJECTS, "dobj", "obj", "dative", "agent")
            or c.dep_ == "prep" and (c.lower_ in PLACE_PREPOSITIONS or c.lower_ == "in"))]]


def _reason(verb: Token) -> bool:
    """Whether a clause gives the reason for another ("because they had no orders")."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in REASONS for c in verb.children)


def _when_clauses(found: Found, words: Iterable[Token]) -> list[tuple[int, int]]:
    """The clauses among `words` that tell what happened at a time they name ("the
    deadliest attack since January, when a drone struck a ship off Assab"): their places
    are their act's, unless the event is told in one."""
    out = []
    for token in words:
        if token.dep_ in ("relcl", "advcl") and token.head.i != token.i and token.head.ent_type_ in ("DATE", "TIME") \
                and any(c.dep_ == "advmod" and c.lower_ == "when" and c.i < token.i for c in token.children) \
                and found.word not in token.subtree:
            out.append(_subtree_chars(token))
    return out


# the prepositions of a phrase that names another act the event came before ("shelled the
# town ahead of talks in Dornik next week", "before the vote", "until the elections")
BEFORE_ANOTHER = frozenset({"ahead", "before", "until", "till"})


def _acts_ahead(found: Found, lex: Lexicon) -> list[tuple[int, int]]:
    """The phrases in the event's clause that name, by an event's noun, an act it came
    before ("ahead of talks in Dornik next week", "until the truce in March"): their
    place and time are that act's. Not a time told so ("before dawn on Tuesday", "until
    Friday"): the event's own bound."""
    out = []
    for word in found.clause.subtree:
        if word.lower_ not in BEFORE_ANOTHER or word.dep_ not in ("prep", "advmod") or found.word in word.subtree:
            continue
        # "ahead of talks": the parser makes "ahead" an adverb, "of" its preposition
        prep = next((c for c in word.children if c.dep_ == "prep" and c.lower_ == "of"), None) \
            if word.lower_ == "ahead" else word
        noun = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if noun is not None and noun.pos_ == "NOUN" and (noun.lemma_.lower(), "noun") in lex.triggers:
            out.append(_subtree_chars(word))
    return out


def _told_apart(verb: Token) -> bool:
    """Whether a clause tells what came before or after another ("after they agreed"), or
    a noun names it ("a day after an artillery attack on the hospital")."""
    while verb.dep_ == "conj" and verb.head != verb:
        verb = verb.head
    while verb.dep_ in ("compound", "nmod") and verb.head.pos_ in ("NOUN", "PROPN"):
        verb = verb.head  # "since Tuesday's failed coup attempt": the phrase "since" takes
    if verb.dep_ == "pobj" and verb.head.lower_ in SEQUENCE:
        return True
    # the parser may take "a day after they exchanged prisoners" for what was said (ccomp)
    return verb.dep_ in ("advcl", "ccomp") and any(c.dep_ == "mark" and c.lower_ in SEQUENCE for c in verb.children)


def _joined_clause_chars(verb: Token) -> tuple[int, int]:
    """A joined clause from its subject's own words to its end: the parser may hang what
    comes before the subject on it ("attacked positions outside Maarat al-Numan and
    government warplanes bombed the city", Maarat al-Numan hung on "warplanes")."""
    words = [verb, *(w for s in _subjects(verb) for w in (s, *(c for c in s.children if c.dep_ in NAME_PARTS)))]
    return min(w.idx for w in words), _subtree_chars(verb)[1]


def _own_chars(verb: Token) -> tuple[int, int]:
    """The verb's clause without its conjoined clauses."""
    tokens = [verb]
    stack = [c for c in verb.children if c.dep_ not in ("conj", "cc")]
    while stack:
        t = stack.pop()
        tokens.append(t)
        stack.extend(t.children)
    return min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens)


# where a saying was made, not where what it tells happened: "told reporters in Bishkek",
# "said in Geneva", "speaking in Kigali"
WHERE_SAID = {"in", "at", "from"}
ROUTE = {"from", "to", "towards", "toward"}  # where what an act hit was going, or came from (`_routes`)
SPEAKING = {"speak", "talk", "address", "write", "brief"}
TELLING = {"tell", "brief", "address", "inform"}  # verbs whose object is who hears it: an audience


def _where_said(doc: Doc, record: dict) -> list[tuple[int, int]]:
    """The phrases that say where each of the article's statements was made ("told
    reporters in The Hague", `_said_where`)."""
    spans = []
    for st in record.get("statements", []):
        cue = doc.char_span(st["cue"]["start"], st["cue"]["end"], alignment_mode="expand") if st.get("cue") else None
        if cue is not None and len(cue):
            spans += _said_where(sentence_of(cue[0]), st)
    return spans


def _body(doc: Doc, filed_at: int) -> int:
    """Where the article's first sentence begins after its dateline, whose place ends at
    `filed_at`: the places of the whole line before it ("DAKAR, Senegal (Atlas) —", a
    report on Mali) are where the report was filed (the document layer starts a sentence
    after a dateline). -1 for an article with no dateline."""
    if filed_at < 0:
        return -1
    return next((s.start_char for s in doc.sents if s.start_char >= filed_at), filed_at)


def _seated(record: dict, text: str, entity_type: dict[str, str], seats: frozenset[str]) -> list[tuple[int, int]]:
    """The mentions of a capital (of `seats`) that open a body's saying ("In Rome, the
    Italian defence ministry acknowledged that a missile had hit the ship"), or that say
    where the body speaking is ("the UN humanitarian office in Ouagadougou said it was
    alarmed by the bombing", "a rights group based in Niamey said"): where the body sits and
    speaks from, not the scene of what it tells or of what the paragraph tells next, as a
    town before people's saying is ("In Kidal, residents said gunmen attacked the market"),
    or people's own town ("officials in Djibo said"). (A town a body is "based" in is no
    candidate at all: `BASED`.)"""
    bodies = [(s["speaker"]["start"], s["speaker"]["end"], s["cue"]["start"]) for s in record.get("statements", [])
              if s.get("cue") and (s.get("speaker") or {}).get("start") is not None
              and entity_type.get(s["speaker"].get("entity")) == "ORG"]
    out = []
    for p in record.get("places", []):
        if p["id"] not in seats:
            continue
        for m in p["mentions"]:
            opening = text[max(0, m["start"] - 3):m["start"]].lower() == "in " \
                and (m["start"] < 4 or text[m["start"] - 5:m["start"] - 3].strip() in ("", ".", "\n"))
            if opening and text[m["end"]:m["end"] + 1] == "," and any(
                    m["end"] < start <= m["end"] + 3 for start, _, _ in bodies):
                out.append((m["start"] - 3, m["end"]))
            elif any(end <= m["start"] and m["end"] <= cue and SEAT_OF.fullmatch(text[end:m["start"]])
                     and not text[m["end"]:cue].strip(" ,") for _, end, cue in bodies):
                out.append((m["start"], m["end"]))
    return out


def _asked_where(sent, statement: dict | None) -> list[tuple[int, int]]:
    """The words of a call or a warning's sentence outside what it asks for or warns of,
    whose places are where it was made (ASKING): "in Kadugli, students marched to demand an
    inquiry into the market strike"."""
    if statement is None or statement.get("stance") not in ASKING:
        return []
    content = statement["content"]
    return [(sent.start_char, content["start"]), (content["end"], sent.end_char)]


def _said_where(sent, statement: dict | None) -> list[tuple[int, int]]:
    """The phrases that say where a statement was made: a place phrase of its cue verb after
    it ("told reporters in Bishkek") or of whom it was told to ("told a news conference in
    Port Sudan"; not of what was denied, "denied the attack in Kadugli"), and one of a
    participle of speaking hung on it ("Speaking in Geneva, the minister said"). Not one
    before the cue ("In Kidal, residents said gunmen attacked the market"), which
    sets the scene of what is told."""
    if statement is None or not statement.get("cue"):
        return []
    start = statement["cue"]["start"]
    cue = next((t for t in sent if t.idx == start), None)
    if cue is None:
        return []
    heads = [cue] + [c for c in cue.children if c.dep_ == "advcl" and c.lemma_.lower() in SPEAKING]
    if cue.lemma_.lower() in TELLING:
        heads += [c for c in cue.children if c.dep_ in ("dobj", "dative") and c.i > cue.i]
    # and the occasion it was said on: "said after its first meeting in Isfara"
    return [_subtree_chars(c) for head in heads for c in head.children
            if c.dep_ == "prep" and (c.lower_ in WHERE_SAID or c.lower_ in SEQUENCE and head is cue)
            and (head is not cue or c.i > cue.i)]
