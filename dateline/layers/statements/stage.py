"""The statements layer: who said what, how, through which channel, with which stance.

For every cue (a verb or phrase of data/statements/cues.tsv) the parse gives the speaker
(speaker.py: its subject, or the subject it shares with the verb it hangs from: "...,
adding that"), the content (here: a clause, a quotation beside it, an object, an
infinitive) and the channel (channel.py: a statement, state TV, an interview). Contents are then snapped to quotation marks:
content inside one quotation is `direct` and spans the whole quotation (over sentences and
paragraphs), content holding a quoted fragment is `mixed`, the rest `indirect`. Quoted
paragraphs with no cue of their own continue the statement before them.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token

from ...record import span
from ...resources import Resources
from ...spanindex import SpanIndex
from ...syntax import (CLAUSE_BREAKS, RELATIVES, find_child, gerund, none_of, of_a_time, sentence_of, subject,
                       text_of, trim)
from ..base import Context, stage
from ..entities.lexicon import Lexicon as EntityLexicon, lexicon as entity_lexicon
from ..events.lexicon import lexicon as events_lexicon
from .channel import ChannelRules
from .lexicon import Cue, Lexicon, lexicon
from ...quotes import Quote, quotes_of
from .speaker import SpeakerRules, possessor

REPORTING_MARKS = {"that"}
QUESTION_MARKS = {"if", "whether"}
# the prepositions of where, how or to whom something was told, which may stand between a
# cue and its that-clause ("told the agency by telephone from a shelter in Orsk that ...",
# "insisted in the days after the attack that ...")
TOLD_FROM = {"in", "at", "from", "on", "by", "via", "through", "during", "to", "with", "after", "before"}
WH_TAGS = {"WP", "WDT", "WRB"}  # "why", "who", "which", "how": a question the clause only names
FRAMING_MARKS = {"as", "amid", "while"}
# the conjunctions of a clause that frames a saying rather than reports it: "..., a rights
# group said, as demonstrations turned violent" (the parser may make it the cue's complement)
CIRCUMSTANCE_MARKS = {"as", "while", "after", "before", "because", "since", "although", "though", "when", "until",
                      "once", "whereas"}
# "condemned the attack in the strongest terms": how it was said, not what
MANNER_NOUNS = {"term"}
REFLEXIVES = {"itself", "themselves", "himself", "herself"}  # a name taken, not said: "calling itself"
FINITE = {"VBD", "VBZ", "VBP"}  # Penn tags of a verb with a tense
# prepositions that begin a phrase of a noun more often than one of the verb before it
INVERTED_CONDITIONS = ("should", "had", "were")  # "should they continue", "had they known"
NOUN_PREPS = {"of", "on", "between", "across", "against", "over", "regarding", "concerning", "about"}
# what a state of mind is about, when it governs no clause: "deeply concerned by reports of
# abuses", "encouraged by the outcome of the summit" (grammar's closed set)
ATTITUDE_PREPS = {"by", "about", "over", "at", "with"}
MIN_ORPHAN_WORDS = 4
# a closing attribution read from its words (`closing_attributions`): a speaker of a few
# words ("their employer, the charity Bright Hands"), and after the cue a phrase of when or
# how ("on Sunday", "in a statement on its website")
# the pronouns a speaker is taken up by, and the kinds of speaker each may be
SPEAKING_PRONOUNS = {"he": ("PERSON",), "she": ("PERSON",), "it": ("ORG", "GROUP", "GPE")}
CLOSING_SPEAKER = 10
CLOSING_TAIL = 8
CLOSING_APPOSED = {"their", "his", "her", "its", "the", "a", "an"}  # a title set off before the name
ORPHAN_PARAGRAPHS = 2
SPEECHLESS = ("ASSAULT", "RETREAT")  # the event types whose nouns are never who speaks
QUOTED_WORDS = 8  # what an object is called in quotation marks is a few words: "cowardly", "an act of war"


@dataclass
class Found:
    """A statement before ids are given: character spans and what the parse told."""

    cue: tuple[int, int]
    content: tuple[int, int]
    kind: str
    stance: str
    speaker: tuple[int, int] | None
    speaker_entity: str | None
    channel: str | None
    shown: bool = False  # said by what shows it, no one ("weapon fragments indicate that ..."): `told_within`


class StatementFinder(SpeakerRules, ChannelRules):
    """One article's statements: cues, then for each its speaker (speaker.py), its content
    (here), its channel (channel.py), its stance and kind."""

    def __init__(self, doc: Doc, record: dict[str, Any], lex: Lexicon, entities: EntityLexicon,
                 agency: frozenset[str] = frozenset(), acts: frozenset[str] = frozenset()):
        self.doc = doc
        self.text = text_of(doc)
        self.lex = lex
        self.cues = lex.cues
        # every word a cue can be made of: a verb of saying, a said noun or its light verb, a
        # word of an attitude; most words of an article are none, and need no more asking
        self.cue_words = frozenset(lex.cues) | frozenset(lex.said_nouns) | frozenset(lex.attitudes) \
            | {verb for _, verbs in lex.said_nouns.values() for verb in verbs}
        self.channels = lex.channels
        self.roles = entities.roles
        self.actor_heads = entities.actor_heads
        # nouns of a part in an act, whose "in" or "for" is theirs ("denied any role in the
        # killing"): data/events/roles.tsv's `agency` nouns
        self.agency = agency
        # nouns of violence and of truces, which say nothing: "the ceasefire agreed on Friday
        # has held", parsed with the ceasefire agreeing that it has held (`speaker_of`)
        self.acts = acts
        # a cue the parser hung inside another cue's object ("reject the use of force to
        # demarcate the border and call on both sides to ...": "call" joined to "demarcate"),
        # by its token, to the cue it is coordinated with and whose speaker it shares
        self.carried: dict[int, Token] = {}
        quotes = quotes_of(doc)
        self.double = [q for q in quotes if not q.single]
        self.double_index = SpanIndex(((q.open, q.close + 1, q) for q in self.double), disjoint=True)
        self.single_index = SpanIndex(((q.open, q.close + 1, q) for q in quotes if q.single), disjoint=True)
        # entity mentions, for speaker resolution: payload (entity id, entity type)
        self.mentions = SpanIndex((m["start"], m["end"], (e["id"], e["type"]))
                                  for e in record["entities"] for m in e["mentions"])
        self.issuer = entities.issuer(record)  # the actor a release speaks for, whose sayings are its own voice

    # -- cues ------------------------------------------------------------------------
    def cue_entry(self, tok: Token) -> Cue | None:
        if tok.lower_ not in self.cue_words and tok.lemma_.lower() not in self.cue_words:
            return None
        if tok.pos_ == "NOUN" and self.possessed_clause(tok) is not None:
            # "Russia's claim that it is committed to diplomacy": the noun is the cue, whose it is the speaker
            return Cue(tok.lemma_.lower(), "", self.lex.said_nouns[tok.lemma_.lower()][0], frozenset({"possessed"}))
        said = self.said_noun(tok)
        if said is not None:  # "made a promise that ...": the light verb and its noun are the cue
            return Cue(tok.lemma_.lower(), "", self.lex.said_nouns[said.lemma_.lower()][0], frozenset({"noun-clause"}))
        held = self.lex.attitudes.get(tok.lower_)
        if held is not None and (tok.pos_ == "ADJ" or tok.dep_ == "acomp"
                                 or any(c.dep_ == "auxpass" for c in tok.children)):
            # "we are encouraged that ...", "remains concerned that ...": a state of mind, as written
            if any(c.dep_ == "ccomp" for c in tok.children):
                return held
            about = next((c for c in tok.children if c.dep_ in ("prep", "agent") and c.lower_ in ATTITUDE_PREPS
                          and c.i > tok.i and find_child(c, ("pobj",)) is not None), None)
            if about is None:
                return None
            return Cue(held.lemma, about.lower_, held.stance, frozenset({"attitude", "prep"}))
        entries = self.cues.get(tok.lemma_.lower()) or self.cues.get(tok.lower_)
        # a word with a subject of its own is a verb, whatever its tag (", a figure Israel
        # disputes": the tagger's plural noun), and so is one the parser gave a subject and
        # a clause ("President Ruel hopes that ...", "hopes" tagged a plural noun)
        if not entries or tok.pos_ not in ("VERB", "AUX") and tok.lower_ != "according" \
                and not (tok.dep_ == "relcl" and subject(tok) is not None) \
                and not (find_child(tok, ("nsubj",)) is not None and find_child(tok, ("ccomp",)) is not None):
            return None
        if tok.dep_ == "amod":
            return None  # "the said agreement"
        if any(c.dep_ == "auxpass" for c in tok.children) and any(c.dep_ in ("dobj", "obj") for c in tok.children):
            return None  # "had been denied access to her lawyers", "was refused entry": withheld, not said"
        if all(e.stance == "deny" for e in entries) and any(c.dep_ == "dative" for c in tok.children) \
                and any(c.dep_ == "dobj" for c in tok.children):
            return None  # "those who deny Kessans the freedoms they deserve": withheld from someone
        if tok.dep_ == "advcl" and tok.tag_ == "VBN" and not any(
                c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "agent") for c in tok.children):
            return None  # "after disputed elections": a participle the parser made a clause
        # after the verb: "On Tuesday, the minister called the deal void" is no "call on"
        # nor is "called the governor on Monday" (a day, not whom the call was on)
        particles = {c.lower_ for c in tok.children if c.dep_ in ("prep", "prt", "agent") and c.i > tok.i
                     and not (c.dep_ == "prep" and of_a_time(c))}
        particles |= {m.lower_ for m in _marked_clauses(tok)}  # "called for the bill to be dropped"
        particles |= _numbers_ending(tok)  # "put the number of people killed at 41"
        # a bare number, which the tagger may take for a day ("put the number of arrests at 48")
        particles |= {c.lower_ for c in tok.children if c.dep_ == "prep" and c.i > tok.i
                      and any(o.dep_ == "pobj" and o.like_num and not list(o.children) for o in c.children)}
        for entry in entries:
            if entry.particle and entry.particle in particles:
                return entry
        # "warned the rebels against further attacks", parsed with the phrase on the object
        particles = {c.lower_ for c in _addressee_preps(tok)}
        for entry in entries:
            if entry.particle and entry.particle in particles and "prep" in entry.content:
                return entry
        plain = [e for e in entries if not e.particle]
        if len(plain) > 1:
            # one verb, two sayings by what it governs: "advised its citizens to leave" is
            # a call, "advised the President that an attack is likely" what he was told
            kinds = {"clause"} if find_child(tok, ("ccomp",)) is not None else set()
            kinds |= {"infinitive"} if find_child(tok, ("xcomp",)) is not None else set()
            return next((e for e in plain if kinds & e.content), plain[0])
        return plain[0] if plain else None

    def said_noun(self, verb: Token) -> Token | None:
        """The noun of "made a promise that ...", "gave assurances that ...", "made clear
        that ..." (said-nouns.tsv), when the verb is its light verb and a that-clause follows."""
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        for noun in verb.children:
            entry = self.lex.said_nouns.get(noun.lemma_.lower())
            if entry is None or verb.lemma_.lower() not in entry[1] or noun.i < verb.i:
                continue
            if noun.dep_ in ("dobj", "ccomp", "acomp", "oprd") and (
                    self.said_clause(verb, noun) is not None
                    or noun.lemma_.lower() in self.lex.announcing and self.announced(verb) is not None
                    or entry[0] == "call" and self.called_for(noun) is not None):
                return noun  # "sent a clear message that ...", "... a clear message: ...", "renewed its call for ..."
        return None

    def called_for(self, noun: Token) -> Token | None:
        """What a call asks for: the object of its "for" ("renewed its call for a ceasefire")."""
        prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "for" and c.i > noun.i), None)
        return find_child(prep, ("pobj",)) if prep is not None else None

    def _gloss(self, noun: Token) -> Token | None:
        """The cue of a said noun set after a comma to gloss what comes before it ("..., a
        claim the rebels denied", "..., an accusation the army rejected", "..., a charge
        police denied"): the relative clause's verb, when it is a cue."""
        if noun.lemma_.lower() not in self.lex.said_nouns or noun.dep_ not in ("appos", "npadvmod", "dobj") \
                or noun.left_edge.i == 0 or self.doc[noun.left_edge.i - 1].text != ",":
            return None
        return next((c for c in noun.children if c.dep_ == "relcl" and c.i > noun.i and self.cues.get(c.lemma_.lower())
                     and subject(c) is not None), None)

    def _glosses_which(self, verb: Token) -> bool:
        """Whether a cue of content `which` (cues.tsv) opens a relative clause after a comma
        with "which" its object and a subject of its own: ", which Hamas denies"."""
        if verb.dep_ != "relcl" or verb.left_edge.i == 0 or self.doc[verb.left_edge.i - 1].text != ",":
            return False
        entry = self.cue_entry(verb)
        objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
        who = subject(verb)
        return entry is not None and "which" in entry.content and len(objects) == 1 \
            and objects[0].lower_ == "which" and objects[0].i == verb.left_edge.i \
            and who is not None and who.lower_ != "which"

    def _which(self, verb: Token) -> bool:
        """Whether a cue glosses a saying before it as ", which" its object ("Israel says
        Hamas uses hospitals as command centres, which Hamas denies"): what is denied is
        what was said, not the noun the parser hangs the clause on. Only cues of content
        `which` (cues.tsv), and only after a saying: in "sent the police a plan, which they
        rejected" or "acknowledged the strike, which it had denied", the noun is the object."""
        if not self._glosses_which(verb):
            return False
        clause = verb.sent.root  # the saying the gloss closes: "Israel says ..., which ..."
        said = self.cue_entry(clause) if clause.i < verb.i else None
        found = self._content_of(clause, said) if said is not None and said.stance != "deny" else None
        return found is not None and found[0] < verb.left_edge.i < found[1]

    def _which_said(self, verb: Token) -> Token | None:
        """The said noun a cue glosses as ", which" ("sentenced on charges of inciting
        unrest, which she denies", the clause hung on the phrase's last noun): what is
        denied is what the noun says, though no saying is told; else None."""
        if not self._glosses_which(verb):
            return None
        said = verb.head
        while said.lemma_.lower() not in self.lex.said_nouns and said.dep_ in ("pobj", "dobj", "pcomp", "prep") \
                and said.head.i != said.i:
            said = said.head
        return said if said.pos_ == "NOUN" and said.lemma_.lower() in self.lex.said_nouns else None

    def _gloss_start(self, token: Token) -> int | None:
        """Where a gloss begins that this token heads, as a said noun ("a claim the rebels
        denied") or as a cue (", which Moscow denies"); None when it heads none."""
        if self._gloss(token) is not None:
            return token.left_edge.i
        return token.left_edge.i if self._which(token) else None

    def glossed(self, verb: Token) -> tuple[int, int] | None:
        """What a glossing cue ("..., a claim the rebels denied") is about: the sentence
        before the comma, or what its cue says ("the army said ..., a claim ...")."""
        noun = verb.head
        if verb.dep_ != "relcl":
            return None
        if self._gloss(noun) == verb:
            cut = noun.left_edge.i  # where the gloss begins: "a claim ..." or "which ..."
        elif self._which(verb):
            cut = verb.left_edge.i
        elif (said := self._which_said(verb)) is not None:
            # "on charges of inciting unrest, which she denies": the charges, a said noun
            end = verb.left_edge.i
            while end > said.left_edge.i and (self.doc[end - 1].is_punct or self.doc[end - 1].is_space):
                end -= 1
            return (said.left_edge.i, end) if end - said.left_edge.i >= 2 else None
        else:
            return None
        clause = noun.sent.root
        if clause.i > cut or clause.pos_ not in ("VERB", "AUX"):
            return None
        # "The government said rebels had shelled the hospital, killing two nurses, an
        # accusation ...", "A UN panel accused it of killing civilians, an accusation ...":
        # the accusation is what was said, not the saying
        entry = self.cue_entry(clause)
        if entry is not None and clause != verb:
            found = self.content_of(clause, entry)
            if found is not None and found[0] < cut:
                return found[0], min(found[1], cut)
        # or a saying told in a clause of it, whose content the gloss follows: "The shelling
        # came a day after the rebels claimed to have shot down a helicopter, a claim the
        # ministry denied" denies the helicopter, not the shelling
        for inner in reversed(self.doc[clause.left_edge.i:cut]):
            entry = self.cue_entry(inner) if inner.dep_ in ("advcl", "pcomp", "relcl", "ccomp", "conj") else None
            found = self.content_of(inner, entry) if entry is not None and inner != verb else None
            if found is not None and found[0] < cut <= found[1] + 1:
                return found[0], min(found[1], cut)
        said = next((c for c in clause.children if c.dep_ in ("ccomp", "parataxis") and c.i < cut), None)
        top = said if said is not None else clause  # "repeated that a drone had killed five, an accusation ..."
        start, end = top.left_edge.i, cut - 1
        while start < end and self.doc[start].dep_ == "mark":
            start += 1
        while end > start and (self.doc[end - 1].is_punct or self.doc[end - 1].is_space):
            end -= 1
        return (start, end) if end - start >= 2 else None

    def possessed_clause(self, noun: Token) -> Token | None:
        """The that-clause of a said noun that someone's is ("the army's denial that it
        shelled the market", "his claim that the city had fallen", "it is our position
        that ...", "the claim by the army that ..."), with no light verb."""
        if noun.lemma_.lower() not in self.lex.said_nouns or possessor(noun) is None:
            return None
        candidates = [c for c in noun.children if c.dep_ in ("acl", "ccomp")]
        if noun.dep_ == "attr" and any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in noun.head.children):
            # "it remains our firm position that ...": the clause hangs on the verb
            candidates += [c for c in noun.head.children if c.dep_ == "ccomp"]
        return next((c for c in candidates if c.i > noun.i
                     and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)

    def said_clause(self, verb: Token, noun: Token) -> Token | None:
        """The that-clause of a said noun: the noun's own ("assurances that ..."), or the
        verb's after the noun ("made a promise to the people that ...")."""
        candidates = [c for c in noun.children if c.dep_ in ("acl", "ccomp")]
        candidates += [c for c in verb.children if c.dep_ == "ccomp" and c.i > noun.i and c != noun]
        for clause in candidates:
            if any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
                return clause
        return None

    def inside_quote(self, char: int) -> Quote | None:
        return next((q for _, _, q in self.double_index.holding(char) if q.start <= char < q.end), None)


    # -- content ---------------------------------------------------------------------
    def clause_after_time(self, verb: Token) -> Token | None:
        """ "acknowledged for the first time that a missile had hit the ship": the parser
        hangs the clause on "time" as a relative clause."""
        for prep in verb.children:
            obj = find_child(prep, ("pobj",)) if prep.dep_ == "prep" and prep.i > verb.i else None
            if obj is None or obj.lemma_.lower() != "time":
                continue
            for clause in obj.children:
                if clause.dep_ == "relcl" and clause.left_edge.lower_ == "that" and subject(clause) is not None:
                    return clause
        return None

    def clause_after_phrase(self, verb: Token) -> Token | None:
        """ "told the agency from a shelter in Orsk that shells hit the market": a cue with no
        clause of its own, and a that-clause with a subject of its own after the phrases that
        follow it, which the parser hung on a noun of them as a relative clause (a shelter
        "that shells hit", or as a clause of the noun: "insisted in the days after the attack that
        ..."): what was told, as a verb of telling wants one."""
        if verb.dep_ in ("parataxis", "ccomp") and verb.head.i < verb.i:
            return None  # "..., Ameng said, despite statements that ...": said of what came before
        heads = [verb] + [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i > verb.i]
        for prep in (c for head in heads for c in head.children
                     if c.dep_ == "prep" and c.i > verb.i and c.lower_ in TOLD_FROM):
            for clause in prep.subtree:
                # (not the clause of a noun that is said: "despite statements that ...")
                if clause.dep_ in ("acl", "relcl") and clause.left_edge.lower_ == "that" \
                        and clause.head.lemma_.lower() not in self.lex.said_nouns \
                        and clause.left_edge.dep_ != "nsubj" and (who := subject(clause)) is not None \
                        and who.lower_ not in ("that", "which", "who"):
                    return clause
        return None

    def _withheld(self, verb: Token) -> bool:
        """Whether a cue says that nothing was said: negated ("did not explain") or what a
        speaker declined or refused to do ("declined to say")."""
        return find_child(verb, ("neg",)) is not None \
            or verb.dep_ == "xcomp" and verb.head.lemma_.lower() in self.lex.refusals

    def block(self, clause: Token, verb: Token) -> tuple[int, int] | None:
        """The clause's tokens on its side of the cue, as one contiguous range."""
        ids = [t.i for t in clause.subtree]
        if clause.i > verb.i:
            start, end = min(i for i in ids if i > verb.i), max(ids) + 1
        else:
            start, end = min(ids), max(i for i in ids if i < verb.i) + 1
        # ("the first time that ...": a "that" the parser took for a relative adverb, or, in
        # "from a hospital in Jolo that bullets had struck the boat", for a relative pronoun)
        while start < end and (self.doc[start].dep_ == "mark" or self.doc[start].dep_ in ("advmod", "dobj")
                               and self.doc[start].lower_ == "that") and self.doc[start].lower_ in REPORTING_MARKS:
            start += 1
        if any(c.dep_ == "mark" and c.lower_ in QUESTION_MARKS for c in clause.children):
            return None  # "did not disclose whether ...": no content was stated
        if start < end and self.doc[start].tag_ in WH_TAGS and self._withheld(verb):
            return None  # "did not explain why ...", "declined to say how many ...": nor here
        between = self.doc[end:verb.i] if clause.i < verb.i else self.doc[verb.i + 1:start]
        if any(t.text == ";" for t in between):
            return None  # a semicolon ends the sentence the cue belongs to
        # "The cost is six billion euros, but investors are likely to stay away, he noted":
        # two clauses before the cue that the parser hung on it apart, joined by "but"
        if clause.i < verb.i and end > start and self.doc[end - 1].dep_ == "cc":
            other = next((c for c in verb.children if c.dep_ == "ccomp" and c.left_edge.i == end), None)
            if other is not None and other.i < verb.i:
                end = max(i for i in (t.i for t in other.subtree) if i < verb.i) + 1
        if clause.i > verb.i:
            end = self.run_on(verb, end)
            called = _called(clause)
            end = called.right_edge.i + 1 if called is not None else end
        # "warned that they would be held accountable should they continue ...": a condition
        # told by inversion, which the parser hangs on the cue as a clause of its own
        if clause.i > verb.i and end < len(self.doc) and self.doc[end].lower_ in INVERTED_CONDITIONS:
            other = next((c for c in verb.children if c.dep_ in ("ccomp", "advcl") and c.left_edge.i == end
                          and subject(c) is not None and subject(c).i > end), None)
            if other is not None:
                end = other.right_edge.i + 1
        return start, end

    def run_on(self, verb: Token, end: int) -> int:
        """Where what a cue reports ends, when the parser cut it in two and hung the rest on
        the cue, right after it, as a verb with no subject of its own ("said the inquiry
        ordered on Wednesday was examining whether ...": a subject and its participle taken
        for a clause; "called on them to ensure grain convoys are reaching Orsk": the
        subject taken for an object), or a count told with the verb of the one before left
        out ("said that 31 people had been killed and 67 wounded"). Not another saying of
        the speaker's ("said the remains could be decades old and warned ...")."""
        rest = next((c for c in verb.children if c.dep_ in ("ccomp", "conj") and c.left_edge.i == end
                     and c.left_edge.pos_ in ("AUX", "VERB") and subject(c) is None
                     and self.cue_entry(c) is None), None)
        if rest is None and end < len(self.doc) and self.doc[end].lower_ == "and":
            rest = next((c for c in verb.children if c.dep_ == "conj" and c.left_edge.i == end + 1 and c.tag_ == "VBN"
                         and (who := subject(c)) is not None and who.like_num and who.i == end + 1
                         and not any(a.dep_ in ("aux", "auxpass") for a in c.children)), None)
        if rest is None:
            return end
        # not the speaker's next saying the parser hung on it (", citing health workers")
        cited = next((t.i - 1 for t in rest.children if t.dep_ == "advcl" and t.tag_ == "VBG"
                      and self.doc[t.i - 1].text == "," and self.cue_entry(t) is not None), None)
        return cited if cited is not None else rest.right_edge.i + 1

    def _object_subject(self, verb: Token, clause: Token, start: int) -> int:
        """Where a reported clause with no subject of its own begins when the parser took
        its subject for the cue's object ("announced the tests by a military laboratory
        found Novichok": the tests found it), the object and what it hung between them
        with no punctuation in the way; else `start`."""
        if clause.i < verb.i or subject(clause) is not None:
            return start
        obj = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < clause.left_edge.i), None)
        if obj is None or any(t.is_punct for t in self.doc[obj.left_edge.i:clause.left_edge.i]):
            return start
        return min(start, obj.left_edge.i)

    def content_of(self, verb: Token, entry: Cue) -> tuple[int, int, str] | None:
        """Token range of what the cue reports, and how it was found: "clause" (a complement,
        or the clause an inverted cue closes), "infinitive", "prep", "object" (an object, or
        an object with what it is called) or "host" (the clause around "according to").
        Never what a said noun after a comma glosses it with ("..., an accusation the
        group rejected"): that is another's statement about it."""
        found = self._content_of(verb, entry)
        if found is None:
            return None
        start, end, how = found
        end = self.list_rest(verb, start, end)
        gloss = next((cut for t in self.doc[start:end] if t.i != verb.i and self._gloss(t) != verb
                      and (cut := self._gloss_start(t)) is not None), None)
        # ", contradicting residents' accounts": the writer's comment on what was said
        comment = next((t.i for t in self.doc[start + 1:end] if t.i > verb.i and t.lower_ in self.lex.comments
                        and self.doc[t.i - 1].text == ","), None)
        if comment is not None and (gloss is None or comment < gloss):
            gloss = comment
        if gloss is not None:
            end = gloss
            while end > start and (self.doc[end - 1].is_punct or self.doc[end - 1].is_space):
                end -= 1
        # "said the remains could be decades old and warned ...": the "and" that joins the
        # speaker's next act, which the parser left on the last word of the saying
        while end > start + 1 and self.doc[end - 1].dep_ == "cc":
            end = max(start + 1, self.doc[end - 1].left_edge.i)  # "as well as"
            while end > start and (self.doc[end - 1].text == "," or self.doc[end - 1].is_space):
                end -= 1
        return (start, end, how) if end > start else None

    def list_rest(self, verb: Token, start: int, end: int) -> int:
        """Where what a cue reports ends, with the rest of a list its last words begin, which
        the parser hung on the cue ("would continue to threaten lives, the global economy,
        and the free flow of commerce"; "enables Yemenis to seek medical care, pursue
        educational opportunities, and see loved ones"; "the ceasefire was holding, the roads
        were open, and aid was moving"): a piece after a comma, of the part of speech of the
        member before it (a clause, if it has a subject; else a verb of the same form),
        holding its own "and" and the sentence's end. Not another act of the speaker's
        ("..., and warned ..."), nor the writer's ("which had vowed to avenge the bombing,
        attacked a post and killed five soldiers")."""
        doc = self.doc
        last = end - 1 if end > start and doc[end - 1].text == "," else end  # the range may hold the comma
        if not start < last < len(doc) - 1 or doc[last].text != "," or doc[last - 1].is_punct:
            return end
        end = last
        piece = doc[end + 1]
        while piece.head.i != piece.i and piece.head.left_edge.i in (end, end + 1) and not start <= piece.head.i < end:
            piece = piece.head  # the root of the words from there: "the global economy, and ..."
        kind = _kind(piece)
        member = next((t for t in doc[start:end] if t.right_edge.i in (end - 1, end) and t.head.i != t.i
                       and _kind(t) == kind and kind in ("NOUN", "VERB")), None)
        sentence_end = sentence_of(verb).end
        while sentence_end > end and doc[sentence_end - 1].is_punct:
            sentence_end -= 1
        if member is None or start <= piece.head.i < end or piece.right_edge.i + 1 != sentence_end \
                or piece.is_ancestor(verb) \
                or kind == "VERB" and subject(member) is None and _form(member) != _form(piece) \
                or not any(c.dep_ == "cc" for c in piece.children) or not any(c.dep_ == "conj" for c in piece.children) \
                or subject(piece) is not None and subject(member) is None or self.cue_entry(piece) is not None \
                or any(self.cue_entry(c) is not None for c in piece.children if c.dep_ == "conj"):
            return end
        return sentence_end

    def _content_of(self, verb: Token, entry: Cue) -> tuple[int, int, str] | None:
        kinds = entry.content
        glossed = self.glossed(verb)
        if glossed is not None:  # "..., a claim the rebels denied"
            return (*glossed, "clause")
        shifted = self._denied_as(verb, entry)
        if shifted is not None:  # "dismissed as fake news reports that the president had fled"
            return (*shifted, "clause")
        if "possessed" in kinds:
            clause = self.possessed_clause(verb)
            mark = next(m for m in clause.children if m.dep_ == "mark")
            return mark.i + 1, clause.right_edge.i + 1, "clause"
        if kinds & {"clause", "object", "object-clause", "quote", "noun-clause"} \
                and (found := self.announced(verb)) is not None:
            return (*found, "clause")
        if "noun-clause" in kinds:
            noun = self.said_noun(verb)
            clause = self.said_clause(verb, noun) if noun is not None else None
            if clause is None and noun is not None and (asked := self.called_for(noun)) is not None:
                return asked.left_edge.i, asked.right_edge.i + 1, "prep"  # "renewed its call for a ceasefire"
            if clause is None:
                return None
            mark = next(m for m in clause.children if m.dep_ == "mark")
            return mark.i + 1, clause.right_edge.i + 1, "clause"
        if "host" in kinds:
            found = self.hosted(verb)
            return (*found, "host") if found else None
        if "clause" in kinds:
            # not a clause of the sentence before a semicolon ("... cannot address the roots of
            # this crisis; we urge the parties to ..."), which the parser may hang on the cue
            clauses = [c for c in verb.children if (c.dep_ == "ccomp"
                       or c.dep_ == "parataxis" and c.pos_ in ("VERB", "AUX"))
                       and not (c.i < verb.i and any(t.text == ";" for t in self.doc[c.right_edge.i:verb.i]))
                       and not (c.i > verb.i and _framing(c))
                       and not self._closing(c)  # "..., Biden said": who says it, not what
                       and _a_clause(c)]
            clauses.sort(key=lambda c: (c.dep_ != "ccomp", c.i < verb.i))  # "said that ..." first
            clauses += [c for c in (self.clause_after_channel(verb), self.clause_after_time(verb)) if c is not None]
            if not clauses and (after := self.clause_after_phrase(verb)) is not None:
                clauses.append(after)
            for clause in clauses:
                found = self.block(clause, verb)
                if found:
                    return self._object_subject(verb, clause, found[0]), \
                        self.before_carried(verb, clause, found[1], verbal=True, cues_only=True), "clause"
            if clauses:
                return None
        particle = next((c for c in verb.children if c.dep_ in ("prep", "prt", "agent") and c.lower_ == entry.particle
                         and c.i > verb.i), None) if entry.particle else None
        addressed = None  # "warned the rebels against ...": the phrase may hang on the one warned
        if particle is None and entry.particle and "prep" in kinds:
            particle = next((c for c in _addressee_preps(verb) if c.lower_ == entry.particle), None)
            addressed = particle.head if particle is not None else None
        particle_obj = find_child(particle, ("pobj", "pcomp")) if particle is not None else None
        if "infinitive" in kinds:
            xcomp = find_child(verb, ("xcomp",)) or (find_child(particle_obj, ("acl", "xcomp"))
                                                     if particle_obj is not None else None) or _infinitive_clause(verb)
            if xcomp is not None and xcomp.lemma_ in self.lex.anonymity and find_child(xcomp, ("neg",)) is not None:
                return None  # "who asked not to be named": a condition of the interview, not a call
            if xcomp is not None and any(c.dep_ == "aux" and c.lower_ == "to" for c in xcomp.children):
                starts = [xcomp.left_edge.i] + [o.left_edge.i for o in (find_child(verb, ("dobj",)), particle_obj)
                                                if o is not None and verb.i < o.i < xcomp.i]
                return min(starts), self.before_carried(verb, xcomp, self.run_on(verb, xcomp.right_edge.i + 1),
                                                        verbal=True), "infinitive"
        if "prep" in kinds and particle_obj is not None and not any(
                c.dep_ == "dobj" and c.lower_ in REFLEXIVES and c.i < particle.i for c in verb.children):
            # (not "a group which calls itself the Council for National Unity": a name it takes)
            # the one warned is part of the warning ("warned the Houthis against further
            # attacks"), whichever word the parser hung the phrase on; not the one briefed
            # ("briefed the council on the talks": what was said is the talks)
            if addressed is None:
                addressed = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < particle.i), None)
            warned = addressed is not None and entry.stance == "warn"
            start = addressed.left_edge.i if warned else particle_obj.left_edge.i
            end = self._again(verb, particle, particle_obj.right_edge.i + 1)
            # "appealed for $40 million to fund the response": what it is for, hung on the cue
            purpose = next((c for c in verb.children if c.left_edge.i == end and c.dep_ in ("advcl", "xcomp")
                            and c.tag_ == "VB" and c.left_edge.lower_ == "to"), None)
            return start, purpose.right_edge.i + 1 if purpose is not None else end, "prep"
        if "prep" in kinds and particle is None and entry.particle:
            # "called for the bill to be dropped", parsed with "for" as the mark of a clause
            for mark, clause in _marked_clauses(verb).items():
                if mark.lower_ == entry.particle:
                    return mark.i + 1, self.before_carried(verb, clause, clause.right_edge.i + 1, verbal=True), "prep"
        if "characterize" in kinds:
            found = self.characterized(verb, entry.particle)
            if found:
                return (*found, "object")
        if "object" in kinds or "object-clause" in kinds:
            obj = find_child(verb, ("dobj",))
            if obj is None and "object" in kinds:  # "denied leaving", "denied being involved"
                obj = next((c for c in verb.children if c.dep_ == "xcomp" and gerund(c)), None)
            if obj is None and "object" in kinds and not any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
                # "welcomes and strongly supports the declaration": an object the two verbs share,
                # which the parser hangs on the second (not "is condemned by all and leaves
                # them isolated", a passive and another act)
                shared = next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
                               and subject(c) is None), None)
                obj = find_child(shared, ("dobj",)) if shared is not None else None
            if obj is not None and obj.i > verb.i and (
                    "object" in kinds or any(t.pos_ == "VERB" for t in obj.subtree)):
                # the verb the object hangs on: the cue, or the verb coordinated with it that
                # the parser gave a shared object ("welcomes and strongly supports the ...")
                start, end = obj.left_edge.i, self.object_end(obj.head if obj.head.head.i == verb.i else verb, obj)
                end = self.before_carried(verb, obj, end)
                if "reason" in kinds and obj.lower_ == "you":
                    return None  # "thank you for your time": a courtesy to the listener, nothing reported
                if "reason" in kinds:  # "accused X of Y", "blamed X for Y", "commended X for Y"
                    # (or "accused X last year of Y", the parser hanging the phrase on the time)
                    of = next((c for c in (*verb.children, *(g for t in verb.children if t.dep_ == "npadvmod"
                                                            for g in t.children))
                               if c.dep_ == "prep" and c.lower_ in ("of", "for") and c.i >= end), None) \
                        or _reason_past_phrase(verb, end)
                    if of is not None:
                        end = of.right_edge.i + 1
                return start, end, "object"
        if "clause" in kinds:
            found = self.inverted(verb) or self.introduced(verb)
            return (*found, "clause") if found else None
        return None

    def _again(self, verb: Token, particle: Token, end: int) -> int:
        """End of what a cue's particle takes, with the same particle again after "and" or
        "as well as" ("called for his release, as well as for the release of the other
        prisoners"): one saying of two things."""
        # (wherever the parser hung it: on the cue, on the particle, or on a word above the cue,
        # "joins countries in calling for his release, as well as for ...")
        again = [c for head in (verb, *verb.ancestors) for c in head.children if c.dep_ == "prep"] \
            + [c for c in particle.children if c.dep_ == "conj"]
        for prep in sorted((c for c in again if c.lower_ == particle.lower_ and c.i >= end), key=lambda c: c.i):
            between = self.doc[end:prep.i]
            if any(t.dep_ == "cc" for t in between) and all(t.is_punct or t.dep_ in ("cc", "advmod") for t in between):
                end = prep.right_edge.i + 1
        return end

    def announced(self, verb: Token) -> tuple[int, int] | None:
        """ "Reiterated the following: the attacks are illegal", "emphasized what I have
        said throughout this conflict: the United States supports ...": what the cue says
        is only a word standing for what the colon after it gives (data/statements/
        announcing.tsv), so the content is the words after the colon, to the end of their
        sentence. Every word between the cue and the colon must be the cue's ("reiterate
        the following and warn the Houthis against further attacks: ..."); a quotation
        after the colon is left to the quotations."""
        sentence = verb.sent
        colon = next((t for t in self.doc[verb.i + 1:sentence.end] if t.text == ":"), None)
        if colon is None or colon.i + 1 >= len(self.doc):
            return None
        if not any(self._announcing(c) for c in verb.children if verb.i < c.i < colon.i):
            return None
        if any(not verb.is_ancestor(t) for t in self.doc[verb.i + 1:colon.i]):
            return None
        start = colon.i + 1
        while start < len(self.doc) and self.doc[start].is_space:
            start += 1
        if start >= len(self.doc) or self.doc[start].is_quote or self.inside_quote(self.doc[start].idx) is not None:
            return None
        end = self.doc[start].sent.end
        while end > start and (self.doc[end - 1].is_punct or self.doc[end - 1].is_space):
            end -= 1
        return (start, end) if end - start >= 2 else None

    def _announcing(self, child: Token) -> bool:
        """Whether a cue's dependent only stands for what a colon gives: "the following",
        "this", "one point", "as follows", a clause "what I have said"."""
        if child.dep_ in ("dobj", "advcl") and child.lemma_.lower() in self.lex.announcing:
            return child.dep_ == "dobj" or find_child(child, ("mark",), ("as",)) is not None
        return child.dep_ in ("ccomp", "dobj") and child.left_edge.lower_ in self.lex.announcing \
            and child.left_edge.tag_ in ("WP", "WDT")

    def object_end(self, verb: Token, obj: Token) -> int:
        """End of an object, with what the parser hung from the cue but belongs to the noun
        right before it: another piece of the same noun phrase ("welcome ECOWAS’s
        engagement", "urge de-escalation of the conflict", parsed as two or three objects),
        and a phrase of the noun's own ("welcome the agreement between the two on a
        timeline", "urged the release of all detainees"), past a "today" the parser hung
        between them ("welcomes the arrival today of a convoy", "supports the declaration
        today by the government of a truce": an active cue has no "by" of its own), and what
        the noun is for ("proposed measures to ensure ...", the infinitive hung on the cue;
        what a demand asks it for, "demanded 500 million naira for their freedom"), and what
        a condemnation calls it ("condemned the attack as cowardly").
        Not a date ("on Monday") nor a channel ("on Twitter"): when and how it was said."""
        entry = self.cue_entry(verb)
        preps = NOUN_PREPS | ({"by"} if not any(c.dep_ == "auxpass" for c in verb.children) else set()) \
            | ({"in", "for"} if obj.lemma_.lower() in self.agency else set()) \
            | ({"as"} if entry is not None and entry.stance == "condemn" else set()) \
            | ({"for"} if entry is not None and entry.stance == "call" else set())  # "demanded $1m for their release"

        def of_the_noun(start: int) -> Token | None:
            return next((c for c in verb.children if c.left_edge.i == start and (
                c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ in preps and not self._when_or_how(c)
                # "condemned the attack as cowardly": an adjective the parser made the "as" clause's
                or c.dep_ == "prep" and c.lower_ == "as" and "as" in preps and find_child(c, ("pcomp",)) is not None
                # "proposed a series of measures to ensure that aid flows": what they are for
                or c.dep_ in ("advcl", "xcomp") and c.tag_ == "VB" and c.left_edge.lower_ == "to")), None)

        end = obj.right_edge.i + 1
        said = next((c for c in obj.subtree if c.dep_ == "relcl" and c.i > obj.i and self.cue_entry(c) is not None
                     and any(s.dep_ == "nsubj" and s.lower_ not in RELATIVES for s in c.children)
                     and find_child(c, ("ccomp", "xcomp")) is not None), None)  # not "in which they agreed on borders"
        if said is not None:
            # "welcomed the council's establishment, which we urge to act": a saying of its own
            end = said.left_edge.i
            while end > obj.i + 1 and obj.doc[end - 1].is_punct:
                end -= 1
            return end
        how = self._told_how(obj)
        if how is not None and how.right_edge.i + 1 == end:
            end = how.left_edge.i  # "denied any involvement in a statement posted online"
        while True:
            nxt = of_the_noun(end)
            if nxt is None:
                day = next((c for c in verb.children if c.i == end and c.dep_ == "npadvmod" and c.ent_type_ == "DATE"
                            and c.left_edge.i == c.right_edge.i), None)
                nxt = of_the_noun(end + 1) if day is not None else None
            if nxt is None:
                return self._listed(end)
            end = nxt.right_edge.i + 1

    def _listed(self, end: int) -> int:
        """End of an object with the list a colon opens after it, to its sentence's end,
        when the list tells no act of its own ("announced the designation of three
        commanders: Aram Tessel, Orin Vale and Dornik Sav")."""
        doc = self.doc
        if end >= len(doc) or doc[end].text != ":":
            return end
        last = doc[end].sent.end
        listed = doc[end + 1:last]
        if not listed or any(t.pos_ in ("VERB", "AUX") or t.text in (":", ";", "“", '"') for t in listed):
            return end
        return last

    def _told_how(self, obj: Token) -> Token | None:
        """The channel phrase the parser hung on the object rather than on the cue ("denied
        any involvement in a statement", "condemned the attack in a post on X"): how it was
        said, not what."""
        last = next(reversed(list(obj.rights)), None)
        if last is None or last.dep_ != "prep" or last.lower_ not in ("in", "on", "during"):
            return None  # not "concern over reports of atrocities": what the concern is about
        noun = find_child(last, ("pobj",))
        return last if noun is not None and noun.lemma_.lower() in self.channels.nouns \
            and find_child(noun, ("prep",), ("of",)) is None else None

    def _when_or_how(self, prep: Token) -> bool:
        obj = find_child(prep, ("pobj",))
        return obj is None or obj.ent_type_ in ("DATE", "TIME") or obj.lemma_.lower() in self.channels.nouns \
            or obj.lower_ == "behalf" \
            or obj.lemma_.lower() == "time"  # "on behalf of the government", "for the second time"

    def before_carried(self, verb: Token, obj: Token, end: int, verbal: bool = False, cues_only: bool = False) -> int:
        """End of an object before the speaker's next act, which the parser coordinated into
        it: a cue ("reject the use of force to demarcate the border and call on both sides
        ..."), or a verb in the cue's own finite form joined to one in another ("expressed
        condolences for the lives lost in the floods and outlined its support": "outlined"
        to "lost"). Not "the soldiers who fought and died", two verbs of one form. In what
        is called for (`verbal`, an infinitive), a cue of the same form is one only with a
        clause of its own: "call for both sides to observe the truce and note that ...",
        not "urged them to observe the truce and report violations". In a reported clause
        (`cues_only`), only a cue: "said the rebels were defeated and fled" is one report.
        A cue's participle after a comma is the speaker's next saying too, wherever the
        parser hung it: "denied that its forces had withdrawn, saying the army held the city"."""
        for tok in obj.subtree:
            if tok.dep_ == "advcl" and tok.tag_ == "VBG" and verb.i < tok.i < end and subject(tok) is None \
                    and self.doc[tok.i - 1].text == "," and self.cue_entry(tok) is not None:
                self.carried[tok.i] = verb
                end = min(end, tok.i - 1)
                continue
            if tok.dep_ != "conj" or tok.pos_ != "VERB" or tok.i >= end:
                continue
            # the "and" before it and its own words ("... and has denied that", "..., and the
            # UN office estimated that")
            joined = tok.left_edge.i - 1
            if joined <= obj.i or self.doc[joined].dep_ != "cc":
                continue
            if subject(tok) is not None:
                # "..., and the UN office estimated that ...": another's saying, with its own cue
                if self.cue_entry(tok) is not None and any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children):
                    end = joined
                    while end > obj.i + 1 and self.doc[end - 1].is_punct:
                        end -= 1
                continue
            entry = self.cue_entry(tok)
            cue = entry is not None and (
                not verbal or tok.tag_ != tok.head.tag_ or any(c.dep_ == "ccomp" for c in tok.children)
                or cues_only and self._addressed(tok, entry))
            if cue or not cues_only and tok.tag_ == verb.tag_ != tok.head.tag_ and tok.tag_ in FINITE:
                if cue:
                    self.carried[tok.i] = verb
                end = joined
                while end > obj.i + 1 and self.doc[end - 1].is_punct:
                    end -= 1
        return end

    def _addressed(self, verb: Token, entry: Cue) -> bool:
        """Whether a cue coordinated into a reported clause is the speaker's next saying: it
        takes someone or something of its own, as a saying does, and shares no auxiliary
        with the clause's verb, which would make it that clause's ("said more than 20 people
        had been killed and blamed the shelling on the army": a passive's auxiliary is no
        active verb's; "said all the dead were civilians and put the toll at 27"; not "said
        experts were documenting and assessing war crimes", "said the army would
        investigate and report its findings", nor "have withdrawn ... and have reiterated
        their commitment", which has its own; but one of its own after a passive is the
        speaker's: "says the count was rigged and has called for a recount")."""
        head = verb.head
        passive = any(c.dep_ == "auxpass" for c in head.children)
        if not passive and any(c.dep_ == "aux" for c in (*verb.children, *head.children)):
            return False
        return any(c.dep_ == "dobj" or c.dep_ == "prep" and entry.particle and c.lower_ == entry.particle
                   for c in verb.children if c.i > verb.i)

    def characterized(self, verb: Token, particle: str = "") -> tuple[int, int] | None:
        """ "called the stabbing an act of barbarity", "named the PKK as terrorists": the
        object and its predicate, and the prepositions that follow them; for a cue that
        needs a preposition, the object and what that puts it at, a number ("put the death
        toll at 30", not "put troops at the border")."""
        parts = [c for c in verb.rights if c.dep_ in ("dobj", "oprd", "npadvmod")
                 or c.dep_ == "prep" and (c.lower_ == "as" or particle and c.lower_ == particle
                                          and any(t.like_num for t in c.subtree))]
        if particle and not any(c.dep_ == "prep" and c.lower_ == particle for c in parts):
            # the parser may hang the number on the object's last words ("put the number of
            # people killed in the ambush at 41", "at 41" on "killed"): it ends the object
            obj = find_child(verb, ("dobj",))
            return (obj.left_edge.i, obj.right_edge.i + 1) if particle in _numbers_ending(verb) else None
        objects = [c for c in parts if c.dep_ == "dobj"]
        if len(parts) == 1 and objects:
            # what it is called, as the parser may hang it on the object: an adjective after it
            # ("called its actions defensive"), a quotation beside it ("called the raid "an act
            # of war"")
            said = next((c for c in objects[0].rights if c.dep_ in ("acl", "amod") and c.tag_ == "JJ"
                         or c.dep_ == "appos" and c.left_edge.i > 0 and self.doc[c.left_edge.i - 1].is_quote),
                        None)
            # or an "as" that ends it ("derided our warnings and alarms as melodrama",
            # "dismissed the reports of a mutiny as fantasy")
            said = said or next((t for t in objects[0].subtree if t.dep_ == "prep" and t.lower_ == "as"
                                 and t.right_edge == objects[0].right_edge and find_child(t, ("pobj",)) is not None),
                                None)
            if said is not None:
                return objects[0].left_edge.i, said.right_edge.i + 1
            # or a quotation right after it, however the parser hangs its word ("called the
            # attacks "cowardly"", the adjective read as an adverb of the verb)
            quoted = self._quoted_after(objects[0].right_edge.i + 1)
            if quoted is not None:
                return objects[0].left_edge.i, quoted
        if len(parts) < 2 or not (any(c.dep_ in ("oprd", "npadvmod") or c.lower_ in ("as", particle) for c in parts)
                                  or len(objects) >= 2):  # "calling it "an aggression""
            return None
        if parts[0].dep_ == "dobj" and parts[0].lower_ in REFLEXIVES:
            return None  # "a group calling itself the Sons of Dornik": a name it takes, no saying
        start, end = parts[0].left_edge.i, max(c.right_edge.i for c in parts) + 1
        for child in verb.rights:
            if child.dep_ == "prep" and child.left_edge.i == end:
                end = child.right_edge.i + 1
        return start, end

    def _quoted_after(self, at: int) -> int | None:
        """The end (past its closing mark) of a short quotation opening at token `at`, in
        its sentence: what an object is called in quotation marks."""
        if at >= len(self.doc) or not self.doc[at].is_quote or not self.doc[at].is_left_punct:
            return None
        sentence = self.doc[at].sent
        for token in self.doc[at + 1:min(sentence.end, at + 1 + QUOTED_WORDS)]:
            if token.is_quote:
                return token.i + 1 if token.i > at + 1 else None
        return None

    def inverted(self, verb: Token) -> tuple[int, int] | None:
        """ "The army withdrew, officials said": the cue hangs from the clause it reports.
        In "..., a military source was quoted as saying", the parser may hang "quoted" on
        that clause as its conjunct: the quoting closes the sentence as a cue does."""
        if verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.head.lemma_.lower() == "quote" \
                and verb.head.head.dep_ == "conj":
            verb = verb.head.head
            if not any(c.dep_ == "nsubjpass" for c in verb.children):
                return None  # "... and quoted him as saying": who is quoted is not the subject
        head = verb.head
        if verb.dep_ not in ("parataxis", "ccomp", "advcl", "conj") or head.i >= verb.i \
                or head.pos_ not in ("VERB", "AUX") or verb.dep_ == "conj" and verb.lemma_.lower() != "quote":
            return None
        if self.cue_entry(head) is not None and not self._closing(verb) or find_child(verb, ("mark",)) is not None:
            return None  # "..., as insurgents claimed ...": a clause of its own, not an attribution
        framing = {t.i for c in head.children if c.i > verb.i and _framing(c)
                   for t in c.subtree}  # "..., a rights group said, as demonstrations turned violent"
        if any(t.i > verb.right_edge.i and not (t.is_punct or t.is_space) and t.i not in framing for t in head.subtree):
            return None  # the attribution closes the sentence it reports
        if not any(t.text == "," for t in self.doc[head.i:verb.i]):
            return None
        start, end = head.left_edge.i, verb.left_edge.i
        stranded = self.stranded_speaker(verb)
        if stranded is not None:  # "..., residents and a local official said": not what was said
            end = stranded.i
            while end > start and self.doc[end - 1].text != ",":
                end -= 1
        return (start, end) if end > start else None

    def _denied_as(self, verb: Token, entry: Cue) -> tuple[int, int] | None:
        """What a denial says is false when what it is called comes first and the reports
        after it ("dismissed as fake news reports that the president had fled", "rejected as
        baseless claims that its soldiers had looted the market"): the parser makes one
        phrase of the two, the that-clause of its noun is what is denied."""
        if entry.stance != "deny" or verb.i + 1 >= len(self.doc):
            return None
        prep = self.doc[verb.i + 1]
        if prep.dep_ != "prep" or prep.lower_ != "as" or prep.head != verb:
            return None
        return next(((mark.i + 1, clause.right_edge.i + 1) for noun in prep.children if noun.dep_ == "pobj"
                     for clause in noun.children if clause.dep_ in ("acl", "ccomp")
                     and (mark := find_child(clause, ("mark",), ("that",))) is not None), None)

    def _closing(self, verb: Token) -> bool:
        """Whether a cue hung after a comma on another cue is the attribution that closes
        the sentence ("Hamas has agreed to the deal, Biden said on Wednesday", parsed with
        "said" under "agreed", or as a clause of its own when a phrase comes before its
        subject: "..., after four days of talks, both sides said"): it has a subject and
        nothing to report of its own after it."""
        first = next((t for t in verb.subtree if not t.is_punct), verb)  # the parser may give it the comma
        return verb.dep_ in ("ccomp", "parataxis", "advcl") and verb.head.i < verb.i and subject(verb) is not None \
            and first.i > 0 and self.doc[first.i - 1].text == "," \
            and self.cue_entry(verb) is not None \
            and not any(c.dep_ in ("ccomp", "dobj", "xcomp", "parataxis") and c.i > verb.i for c in verb.children)

    def introduced(self, verb: Token) -> tuple[int, int] | None:
        """ "As the minister said on Monday, the border will stay closed" ("As we said when
        the talks began: ..."): the cue, in a clause opened by "as" before the one it
        reports, with nothing of its own to report."""
        head = verb.head
        if verb.dep_ != "advcl" or head.i <= verb.i or head.pos_ not in ("VERB", "AUX") \
                or find_child(verb, ("mark",), ("as",)) is None \
                or any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
            return None
        comma = next((t.i for t in self.doc[verb.right_edge.i:head.i] if t.text in (",", ":")), None)
        if comma is None:
            return None
        end = head.right_edge.i + 1
        # "..., this is a moment of risk, but I also believe ...": the speaker's next statement
        # is not part of this one ("they are despicable and they must stop" is one)
        joined = next((c for c in head.children if c.dep_ == "conj" and c.i > head.i and subject(c) is not None
                       and self.cue_entry(c) is not None), None)
        if joined is not None:
            end = joined.left_edge.i
            while end > comma + 1 and (self.doc[end - 1].dep_ == "cc" or self.doc[end - 1].is_punct):
                end -= 1
        return comma + 1, end

    def hosted(self, verb: Token) -> tuple[int, int] | None:
        """ "..., according to the ministry": the predicate the phrase hangs from, with what
        depends on it ("largely Kurdish and, according to Turkey, supportive of the PKK"),
        or the whole clause when that predicate holds too little. A phrase with words of the
        clause on both sides ("the rebels then, according to officials, fled the town";
        "were injured, according to officials, ranging in age from ...") gives the side
        that holds the predicate: what was said cannot hold who said it."""
        sent = sentence_of(verb)
        lo, hi = sent.start, sent.end
        for tok in sent:  # a semicolon closes the clause the phrase belongs to
            if tok.text == ";":
                lo, hi = (tok.i + 1, hi) if tok.i < verb.i else (lo, min(hi, tok.i))
        phrase = {t.i for t in verb.subtree}
        host = verb.head
        while host.pos_ not in ("VERB", "AUX", "ADJ") and host.head.i != host.i:
            host = host.head
        if host.tag_ in ("VBN", "VBD") and host.i == max(phrase) + 1 and subject(host) is None \
                and host.head.i != host.i:
            # "according to the charge sheet read out in court, he was detained ...": the
            # participle, which the parser made the phrase's host, tells of the source
            phrase |= {t.i for t in host.subtree if t.i < host.head.i}
            host = host.head
        for candidate in (host, sent.root):
            ids = [t.i for t in candidate.subtree if lo <= t.i < hi and t.i not in phrase
                   and not t.is_punct and not t.is_space]
            if len(ids) >= 3:
                break
        if not ids:
            return None
        before = [i for i in ids if i < verb.i]
        after = [i for i in ids if i > max(phrase)]
        if len(before) > 2 and len(after) > 2 and host.i in ids:
            side = before if host.i < verb.i else after
            return min(side), max(side) + 1
        side = before if len(before) >= len(after) else after
        return min(side), max(side) + 1

    def adjacent_quote(self, verb: Token, speaker: tuple[int, int] | None, after_only: bool = False) -> Quote | None:
        """A quotation right before the cue's clause in its sentence (“...,” he said) or
        right after it in the same sentence (he said, “...”), or on the next line after a
        colon (he said:\n“...”), with nothing but punctuation and a few words between."""
        frame_start = min(verb.i, speaker[0]) if speaker else verb.i
        frame_end = max(verb.i + 1, speaker[1]) if speaker else verb.i + 1
        left = self.doc[frame_start].idx
        right = self.doc[frame_end - 1].idx + len(self.doc[frame_end - 1])
        if not after_only:
            for _, _, q in self.double_index.overlapping(sentence_of(verb).start_char - 1, left):
                if q.close < left and not self.text[q.close + 1:left].strip(" ,\n—–-"):
                    return q
        following = self.double_index.first_from(right)
        if following is None or following[0] - right > 120:
            return None
        q = following[2]
        gap = self.text[right:q.open]
        if gap.strip() == ":":
            return q
        if after_only and "," not in gap:
            return None  # “Part one,” he said, “part two.”: the comma joins the halves
        if "\n" in gap or any(gap[i] in ".?!" and gap[i + 1:i + 2].isspace() for i in range(len(gap))) \
                or len(gap.replace(",", " ").replace(":", " ").split()) > 6:
            return None  # the quotation belongs to another sentence
        between = self.doc.char_span(right, q.open, alignment_mode="expand")
        if between is not None and any(t.pos_ == "VERB" for t in between):
            return None
        quoted = self.doc.char_span(q.start, q.end, alignment_mode="expand")
        if quoted is not None and len(quoted) and quoted[0].dep_ == "prep" and quoted[0].head.i == verb.i:
            return None  # 'would respond "with force"': how it is done, in the speaker's words
        return q


    # -- kinds and spans -------------------------------------------------------------
    def snap(self, start: int, end: int) -> tuple[int, int, str]:
        """Character span and kind of a content, after looking at the quotation marks."""
        core_start, core_end = start, end
        while core_start < core_end and self.text[core_start] in "“”\"‘’'«» ,":
            core_start += 1
        while core_end > core_start and self.text[core_end - 1] in "“”\"‘’'«» ,.;:":
            core_end -= 1
        for _, _, q in self.double_index.overlapping(start, end):
            inside = q.start <= core_start and core_end <= q.end
            # “They need us,” while addressing the press: what trails the quotation is the writer's
            after = self.text[q.close + 1:end].lstrip()
            leads = start - 1 <= q.open <= start and q.close < end and (
                after[:1] in (",", ";") or after.split(" ", 1)[0] in ("and", "but", "while", "as"))
            if inside or leads:
                a, b = q.start, q.end
                while b > a and self.text[b - 1] in " ,;:\n":
                    b -= 1
                return a, b, "direct"
        for _, _, q in self.double_index.overlapping(start, end) + self.single_index.overlapping(start, end):
            if q.open < end and q.close >= start:
                if q.open >= start and q.close >= end - 1:
                    end = q.close + 1
                if q.open < start:
                    start = q.open
                return start, end, "mixed"
        return start, end, "indirect"

    def char_range(self, start: int, end: int, how: str = "clause", own_voice: bool = False) -> tuple[int, int] | None:
        doc = self.doc
        while end < len(doc) and doc[end - 1].whitespace_ == "" and not doc[end - 1].is_space \
                and (doc[end].is_alpha or doc[end].text == "-"):
            end += 1  # a word the tokenizer cut at a hyphen: "anti-semitism"
        if how == "clause":
            end = self.without_framing(start, end)
        if how in ("object", "prep"):
            # ", which is territory held by ...": the writer's gloss, not what was said; unless
            # what one is accused of comes after it ("accused soldiers of the 8th Division, who
            # man the checkpoint, of looting the trucks")
            for tok in doc[start:end] if not own_voice else ():
                if tok.dep_ == "relcl" and tok.left_edge.i > start and doc[tok.left_edge.i - 1].text == "," \
                        and not any(t.dep_ == "prep" and t.lower_ in ("of", "for") and any(
                            c.dep_ == "pcomp" and c.tag_ == "VBG" for c in t.children)
                            for t in doc[tok.right_edge.i + 1:end]):
                    end = tok.left_edge.i - 1
                    break
            for tok in doc[start + 1:end]:
                if tok.dep_ == "prep" and tok.lower_ == "in" and tok.right_edge.i == end - 1 \
                        and any(c.lemma_.lower() in MANNER_NOUNS for c in tok.children if c.dep_ == "pobj"):
                    end = tok.i
                    break
        start, end = trim(doc, start, end, CLAUSE_BREAKS - {"“", "”", '"', "‘", "’"} | {"."})
        if start >= end or end - start == 1 and doc[start].pos_ in ("PRON", "DET"):
            return None  # "reiterated that": a pronoun is no content
        text = doc[start:end].text
        if end < len(doc) and doc[end].text == ")" and text.count("(") > text.count(")"):
            end += 1  # "(PKK)": the bracket that closes one inside the content
        return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])

    def without_framing(self, start: int, end: int) -> int:
        """End of a reported clause without the writer's framing at its tail: "said it was
        reinforcing its lines as panic spread", "announced a deal after Turkey began an
        offensive". A clause with its own subject opened by as/amid/while (or after, before a
        name) is the writer's, not the speaker's: it and all that follows it are cut."""
        doc = self.doc
        for tok in doc[start:end]:
            first = tok.left_edge
            if first.i <= start + 3 or tok.dep_ not in ("advcl", "prep"):
                continue
            # a verb of the opener's own clause, not of a relative clause inside its noun
            # ("was seen as support of the protesters who have marched": no framing)
            clause = [t for t in tok.subtree if t.pos_ in ("VERB", "AUX") and subject(t) is not None
                      and not any(a.dep_ in ("relcl", "acl") for a in _between(t, tok))]
            opener = first.lower_
            if opener == "as" and self._aside(tok, end):
                continue  # "the army would, as he had promised, withdraw by Friday": the speaker's aside
            if clause and (opener in FRAMING_MARKS and not _as_long_as(first)
                           or opener == "after" and doc[first.i + 1].pos_ == "PROPN"):
                cut = first.i
                while cut > start and doc[cut - 1].is_punct:
                    cut -= 1
                return cut
        return end

    def _aside(self, clause: Token, end: int) -> bool:
        """Whether an "as" clause is an aside within what is said, set off by commas, that
        tells only who else said or promised it ("to ensure, as the president has said,
        unhindered access"): a saying verb with nothing said of its own, and more of the
        saying after it."""
        doc = self.doc
        last = clause.right_edge.i
        return clause.lemma_.lower() in self.cue_words and clause.left_edge.i > 0 \
            and doc[clause.left_edge.i - 1].text == "," and last + 2 < end and doc[last + 1].text == "," \
            and not any(c.dep_ in ("dobj", "obj", "ccomp", "xcomp") for c in clause.children)

    def chars(self, start: int, end: int) -> tuple[int, int]:
        return self.doc[start].idx, self.doc[end - 1].idx + len(self.doc[end - 1])

    # -- the whole pass ------------------------------------------------------------
    def find(self) -> list[Found]:
        found: list[Found] = []
        for tok in self.doc:
            entry = self.cue_entry(tok)
            if entry is None or self.inside_quote(tok.idx) is not None:
                continue
            found.extend(self.statements_for(tok, entry, found))
        found.extend(self.headlined())
        found.extend(self.closing_attributions(found))
        found = self.told_within(self.dedupe(found))
        found.extend(self.orphans(found))
        found.sort(key=lambda f: (f.content[0], f.cue[0]))
        return found

    def closing_attributions(self, found: list[Found]) -> list[Found]:
        """ "Two aid workers have been freed, the charity Bright Hands said on Sunday": the
        newswire's closing attribution (a clause with a subject and a tense, a comma, a
        speaker and a cue in the past, at most a phrase of when or how after it), read from
        the words in a sentence where the parser made something else of them (the cue a
        relative clause of the speaker's noun) and no statement was found. The speaker is a
        noun phrase of its own ("their employer, the charity Bright Hands"), not one that
        goes on the clause before it ("..., and its spokesman said", "..., which the army
        denied")."""
        out: list[Found] = []
        told = SpanIndex((f.cue[0], f.cue[1], f) for f in found)
        for sent in self.doc.sents:
            if told.overlapping(sent.start_char, sent.end_char):
                continue
            end = sent.end
            while end > sent.start and (self.doc[end - 1].is_punct or self.doc[end - 1].is_space):
                end -= 1
            # "..., residents said, forcing thousands to flee": a consequence set off after the
            # attribution is the writer's own, and the attribution ends before it
            end = next((t.i for t in reversed(self.doc[sent.start:end - 1])
                        if t.text == "," and self.doc[t.i + 1].tag_ == "VBG"), end)
            cue = next((t for t in reversed(self.doc[sent.start:end]) if t.tag_ == "VBD"), None)
            if cue is None or end - cue.i > CLOSING_TAIL or self.inside_quote(cue.idx) is not None \
                    or any(t.pos_ in ("VERB", "AUX") for t in self.doc[cue.i + 1:end]):
                continue
            entries = [e for e in self.cues.get(cue.lemma_.lower(), ()) if not e.particle and "clause" in e.content]
            commas = [t.i for t in self.doc[sent.start:cue.i] if t.text == ","]
            comma = next((c for c in reversed(commas) if cue.i - c > 1), None)
            if not entries or comma is None or cue.i - comma - 1 > CLOSING_SPEAKER:
                continue
            # the speaker's title set off before their name: "their employer, the charity ..."
            # or the name set off before the title: "Colonel Hernán Restrepo, the police commander"
            before = [c for c in commas if c < comma]
            if before and not any(t.pos_ in ("VERB", "AUX", "CCONJ") for t in self.doc[before[-1] + 1:comma]) and (
                    self.doc[before[-1] + 1].lower_ in CLOSING_APPOSED
                    or self.doc[comma + 1].lower_ in CLOSING_APPOSED
                    and all(t.pos_ == "PROPN" for t in self.doc[before[-1] + 1:comma])):
                comma = before[-1]
            first, last = comma + 1, cue.i
            while last > first and self.doc[last - 1].is_punct:
                last -= 1
            words = self.doc[first:last]
            if not len(words) or words[0].pos_ not in ("DET", "PRON", "PROPN", "NOUN", "ADJ", "NUM") or words[0].lower_ in RELATIVES \
                    or any(t.pos_ in ("VERB", "AUX", "SCONJ") or t.lower_ in RELATIVES for t in words):
                continue
            clause = self.doc[sent.start:comma]
            if not any(t.pos_ in ("VERB", "AUX") and (t.tag_ in FINITE or t.tag_ == "MD") for t in clause) \
                    or not any(t.dep_ in ("nsubj", "nsubjpass") for t in clause):
                continue  # "Speaking on state radio on Tuesday, ...": no clause reported
            head = next((t for t in words if t.pos_ in ("NOUN", "PROPN")
                         and (self.is_actor(t) or self.mentions.holding(t.idx))), None)
            if head is None:
                continue
            while head.i + 1 < last and self.doc[head.i + 1].pos_ in ("NOUN", "PROPN"):
                head = self.doc[head.i + 1]  # "the charity Bright Hands": the name
            a, b, kind = self.snap(*self.chars(sent.start, comma))
            out.append(Found(self.chars(cue.i, cue.i + 1), (a, b), kind, entries[0].stance,
                             self.chars(first, last), self.speaker_entity(head, first, last), None))
        return out

    def headlined(self) -> list[Found]:
        """ "Zelenskiy: Russia is preparing a new offensive": a headline that a person's name
        and a colon begin says what that person said. Only a person's ("Sudan: fighting
        spreads to Darfur" names a subject, not a speaker), and only a headline, the text's
        first line with no full stop: in a transcript "THE PRESIDENT: ..." labels a turn."""
        out = []
        first = next(iter(self.doc.sents), None)
        for sentence in [first] if first is not None and "\n" not in first.text.strip() \
                and not first.text.rstrip().endswith(".") else []:
            colon = next((t for t in sentence if t.text == ":"), None)
            if colon is None or colon.i == sentence.start or colon.i + 2 >= sentence.end:
                continue
            name = self.doc[sentence.start:colon.i]
            mentions = [m for m in self.mentions.overlapping(name.start_char, name.end_char)
                        if m[0] <= name.start_char and name.end_char <= m[1]]
            if not mentions or mentions[0][2][1] != "PERSON":
                continue
            end = sentence.end
            while end > colon.i + 1 and self.doc[end - 1].is_space:
                end -= 1
            rest = self.doc[colon.i + 1:end]
            if not any(t.pos_ in ("VERB", "AUX") for t in rest):
                continue  # "Ukraine's president: a profile" names no saying
            a, b, kind = self.snap(*self.chars(rest.start, rest.end))
            out.append(Found(self.chars(colon.i, colon.i + 1), (a, b), kind, "assert",
                             self.chars(name.start, name.end), mentions[0][2][0], None))
        return out

    def _before_speaker(self, found: tuple[int, int, str], speaker: Token, verb: Token) -> tuple[int, int, str] | None:
        """What a reported clause before its cue says, up to the speaker the parser hung at
        its end, set off by commas with their title ("... the presence of chlorine, the
        watchdog's director-general, Hendrik Vos, told reporters"); None for any other
        overlap of the two."""
        top = speaker
        while top.dep_ == "appos" and top.head.i < top.i and top.head.left_edge.i > found[0] \
                and self.doc[top.head.left_edge.i - 1].is_punct:
            top = top.head  # the title before the name, set off as it is
        end = top.left_edge.i
        if not (found[0] < end < found[1] <= verb.i) or not self.doc[end - 1].is_punct:
            return None
        while end > found[0] and (self.doc[end - 1].is_punct or self.doc[end - 1].is_space):
            end -= 1
        return (found[0], end, found[2]) if end > found[0] else None

    def statements_for(self, verb: Token, entry: Cue, earlier: list[Found]) -> list[Found]:
        """The statements one cue makes: usually one, two for a quotation split by its cue."""
        speaker_head = self.speaker_of(verb, entry)
        if speaker_head is not None and none_of(speaker_head):
            return []  # "no group has claimed responsibility": what no one said is no statement
        document = None
        if speaker_head is not None and speaker_head.lemma_.lower() in self.channels.knowledge \
                and find_child(speaker_head, ("poss",)) is not None:
            # "our information indicates that ...": whose it is speaks ("US intelligence said"
            # is the intelligence services' saying)
            speaker_head = find_child(speaker_head, ("poss",))
        if speaker_head is not None and speaker_head.lemma_.lower() in self.channels.documents:
            # "a statement from the ministry said": the statement is the channel, its owner the speaker
            document, speaker_head = speaker_head, self.channel_owner(speaker_head)
        found = self.content_of(verb, entry)
        if found and (found[2] in ("object", "prep", "infinitive") or "noun-clause" in entry.content) \
                and speaker_head is not None and speaker_head.pos_ != "PRON" and not self.is_actor(speaker_head) \
                and not ("characterize" in entry.content and speaker_head.pos_ == "PROPN"):
            # (a name the tagger missed that calls something something speaks all the same)
            # "the explosion claimed the lives of ...": an object, and no one who speaks; "the
            # strikes sent a message that ...": a figure of speech
            return []
        speaker = self.speaker_phrase(speaker_head) if speaker_head is not None else None
        if found and speaker is not None and found[0] < speaker[1] and speaker[0] < found[1]:
            found = self._before_speaker(found, speaker_head, verb)  # content and speaker cannot be the same words
        speaker_chars, speaker_entity = self.speaker_info(speaker_head, speaker, document, earlier)
        spans = self.contents(verb, entry, found, speaker, speaker_entity is not None and speaker_entity == self.issuer)
        if not spans:
            return []
        if speaker_entity is None and speaker_head is not None and speaker_head.lower_ in SPEAKING_PRONOUNS:
            speaker_entity = self._last_speaker(earlier, verb, SPEAKING_PRONOUNS[speaker_head.lower_])
        if speaker_chars is None and entry.lemma != "according" and any(k != "direct" for _, _, k in spans):
            return []  # reported speech from no one the text names is most often a misparse
        channel = self.channel_for(verb, speaker_head, document, found)
        stance = self.stance(verb, entry, found)
        cue = self.cue_span(verb, entry)
        # what evidence shows, a noun that is no one and no one's knowledge ("weapon
        # fragments", "the images"): a statement unless another's words hold it (`told_within`)
        shown = speaker_entity is None and document is None and speaker_head is not None \
            and speaker_head.pos_ == "NOUN" and not self.is_actor(speaker_head) \
            and speaker_head.lemma_.lower() not in self.channels.knowledge
        return [Found(cue, (a, b), kind, stance, speaker_chars, speaker_entity, channel, shown)
                for a, b, kind in spans
                if b - a >= 2 and not (a <= cue[0] < b and kind != "direct" and entry.lemma != "according")]

    def contents(self, verb: Token, entry: Cue, found: tuple[int, int, str] | None,
                 speaker: tuple[int, int] | None, issuer: bool = False) -> list[tuple[int, int, str]]:
        """Character spans and kinds of what the cue reports; `issuer`: the speaker is the
        actor the text is issued for."""
        if found is not None:
            # the writer's own voice ("We condemn the raid, which ...", "The United States
            # reiterates its support for the talks, which ..." in the State Department's
            # release) has no gloss apart from it
            own = issuer or speaker is not None and speaker[1] - speaker[0] == 1 \
                and self.doc[speaker[0]].lower_ in ("we", "i")
            ranges = [self.char_range(*part, own_voice=own) for part in self.propositions(verb, found)]
            spans = [self.snap(*rng) for rng in ranges if rng is not None]
        elif "quote" in entry.content and (quote := self.adjacent_quote(verb, speaker)) is not None:
            spans = [self.snap(quote.start, quote.end)]
        else:
            return []
        # “Part one,” he said, “part two.”: the cue serves the quotation after it too
        if spans and spans[0][2] == "direct":
            after = self.adjacent_quote(verb, speaker, after_only=True)
            if after is not None and after.start != spans[0][0]:
                spans.append(self.snap(after.start, after.end))
        return spans

    def propositions(self, verb: Token, found: tuple[int, int, str]) -> list[tuple[int, int, str]]:
        """A reported clause cut at each "that" which opens another: "noted that the House
        rejected the deal, and that the two might end up in court" reports two things, and
        a later report may bear out one and not the other. Clauses joined without a second
        "that" ("said the army had withdrawn and the city was calm") stay one."""
        start, end, how = found
        if how != "clause":
            return [found]
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and start <= c.i < end), None)
        joined = [c for c in (*(clause.children if clause is not None else ()), *verb.children)
                  if c.dep_ == "conj" and c.i > start and self._that(c) is not None]
        if not joined:
            return [found]
        parts, first = [], start
        for conj in sorted(joined, key=lambda c: c.i):
            mark = self._that(conj)
            last = min(mark.i, end)
            while last > first and self.doc[last - 1].dep_ in ("cc", "punct"):
                last -= 1  # ", and"
            if last > first:
                parts.append((first, last, how))
            first, end = mark.i + 1, max(end, conj.right_edge.i + 1)
        parts.append((first, end, how))
        return parts

    @staticmethod
    def _that(clause: Token) -> Token | None:
        return next((m for m in clause.children if m.dep_ == "mark" and m.lower_ == "that"), None)

    def _last_speaker(self, earlier: list[Found], verb: Token, types: tuple[str, ...]) -> str | None:
        """Who "he", "she" or "it" is, when the entities found no one for the pronoun: the
        one of `types` who spoke last, in this sentence or the one before ("..., the
        watchdog's director-general, Hendrik Vos, told reporters. 'Two cylinders were
        dropped,' he said": the parser made Vos no subject, whom a pronoun would look back
        to; "..., according to the charity Bright Hands. It said ...")."""
        sent = sentence_of(verb)
        since = sentence_of(self.doc[sent.start - 1]).start_char if sent.start > 0 else sent.start_char
        last = max((f for f in earlier if f.speaker_entity is not None and f.cue[0] >= since
                    and f.cue[1] <= verb.idx), key=lambda f: f.cue[0], default=None)
        if last is None or last.speaker is None:
            return None
        # a person by what their mention is: the speaker's words as the entities found them
        typed = {entity: etype for _, _, (entity, etype) in self.mentions.overlapping(*last.speaker)}
        return last.speaker_entity if typed.get(last.speaker_entity) in types else None

    def speaker_info(self, head: Token | None, phrase: tuple[int, int] | None, document: Token | None,
                     earlier: list[Found]) -> tuple[tuple[int, int] | None, str | None]:
        """The speaker as written (character span) and the entity it resolves to."""
        if head is not None and phrase is not None:
            return self.chars(*phrase), self.speaker_entity(head, *phrase)
        if document is None:
            return None, None
        # "The statement said ...": whoever issued the statement last named; "reports
        # suggest ...": the reports themselves, unnamed
        if find_child(document, ("det",), ("the", "this", "that")) is not None:
            source = next((f for f in reversed(earlier) if f.channel and f.speaker is not None
                           and document.lemma_.lower() in f.channel.lower()), None)
            if source is not None:
                return source.speaker, source.speaker_entity
        return self.chars(*self.speaker_phrase(document)), None

    def stance(self, verb: Token, entry: Cue, found: tuple[int, int, str] | None) -> str:
        if find_child(verb, ("neg",)) is not None:
            return "other"
        if found and found[2] == "object" and "characterize" in entry.content and entry.stance == "assert" \
                and any(t.lemma_.lower() in self.lex.condemnation for t in self.doc[found[0]:found[1]]):
            return "condemn"  # "called the stabbing an act of barbarity"
        return entry.stance

    def cue_span(self, verb: Token, entry: Cue) -> tuple[int, int]:
        if "noun-clause" in entry.content and (noun := self.said_noun(verb)) is not None:
            return self.chars(verb.i, noun.i + 1)  # "made a promise", "gave assurances"
        end = verb.i + 1
        if entry.particle:
            particle = find_child(verb, ("prep", "prt"), (entry.particle,))
            if particle is not None and particle.i == verb.i + 1:
                end = particle.i + 1
        return self.chars(verb.i, end)

    @staticmethod
    def told_within(found: list[Found]) -> list[Found]:
        """Without what evidence shows where another statement's words hold its cue ("weapon
        fragments and satellite images indicate that a drone ... carried out the strike, a
        monitoring group said"): the group's word, told as it tells it, not a saying of the
        fragments."""
        return [f for f in found if not (f.shown and any(g is not f and g.content[0] <= f.cue[0] < g.content[1]
                                                          for g in found))]

    def dedupe(self, found: list[Found]) -> list[Found]:
        """One statement per content and stance: the cue nearest to one of its edges wins.
        A denial of the same words is another statement ("the government said rebels had
        shelled the hospital, a claim the rebels denied")."""
        def distance(f: Found) -> int:
            return f.content[0] - f.cue[1] if f.cue[1] <= f.content[0] else max(0, f.cue[0] - f.content[1])

        best: dict[tuple[tuple[int, int], bool], Found] = {}
        for f in found:
            key = (f.content, f.stance == "deny")
            kept = best.get(key)
            if kept is None or distance(f) < distance(kept):
                best[key] = f
        return list(best.values())

    def orphans(self, found: list[Found]) -> list[Found]:
        """A quotation that makes up its sentences alone, with no cue of its own, continues
        the statement before it, when that one ended at most two paragraphs earlier; a run
        of such paragraphs continues it paragraph after paragraph."""
        out: list[Found] = []
        taken = SpanIndex((f.content[0], f.content[1], f) for f in found)
        spoken = sorted((f for f in found if f.speaker is not None), key=lambda f: f.content[1])
        ends = [f.content[1] for f in spoken]
        previous: Found | None = None  # the last orphan made, which the next may continue
        for q in self.double:
            if taken.overlapping(q.start, q.end) or len(self.text[q.start:q.end].split()) < MIN_ORPHAN_WORDS:
                continue
            first = self.doc.char_span(q.open, q.open + 1, alignment_mode="expand")
            final = self.doc.char_span(q.close, q.close + 1, alignment_mode="expand")
            if first is None or final is None:
                continue
            sent_start, sent_end = sentence_of(first[0]).start_char, sentence_of(final[0]).end_char
            outside = (self.text[sent_start:q.open] + self.text[q.close + 1:sent_end]).strip(" .,“”\"\n")
            if outside:
                continue  # the quotation is part of a sentence that says something else
            i = bisect_right(ends, q.open)
            source = spoken[i - 1] if i else None
            if previous is not None and (source is None or previous.content[1] > source.content[1]):
                source = previous
            if source is None or source.content[1] < q.open - 5000 \
                    or self.text.count("\n", source.content[1], q.open) > ORPHAN_PARAGRAPHS:
                continue
            a, b, _ = self.snap(q.start, q.end)
            previous = Found(source.cue, (a, b), "direct", source.stance, source.speaker, source.speaker_entity,
                             source.channel)
            out.append(previous)
        return out

    def time_of(self, f: Found, times: SpanIndex) -> str | None:
        """The date the statement was made: a time of the cue's sentence, outside the
        content, that hangs from the cue ("said on Saturday") or sits between the speaker
        and the cue ("Lavrov, addressing the forum on Saturday, said")."""
        cue = self.doc.char_span(*f.cue, alignment_mode="expand")
        if cue is None:
            return None
        sent = sentence_of(cue[0])
        lo = min(sent.start_char, f.speaker[0] if f.speaker else sent.start_char)
        # a saying told in the present is made as the text is: a day after what it says is
        # that of what it says ("welcomes the recapture of the town on Tuesday")
        now = cue.root.tag_ in ("VBZ", "VBP")
        for start, end, time in times.overlapping(lo, sent.end_char):
            if time["type"] not in ("DATE", "TIME") or start < f.content[1] and end > f.content[0] \
                    or now and start >= f.content[1] > f.cue[1]:
                continue
            token = self.doc.char_span(start, end, alignment_mode="expand")
            if token is None:
                continue
            # "Lavrov, addressing the forum on Saturday, said", not "McGurk, who was envoy until
            # December, said": a relative clause describes the speaker, not the statement
            path = []
            for a in token.root.ancestors:
                if cue.start <= a.i < cue.end:
                    break
                path.append(a)
            between = f.speaker is not None and f.speaker[1] <= start and end <= f.cue[0] \
                and not any(a.dep_ == "relcl" for a in [token.root, *path])
            head = token.root.head
            if head.pos_ == "ADP":  # "said on Saturday": through the preposition
                head = head.head
            if between or cue.start <= head.i < cue.end:
                return time["id"]
        return None

    def to_record(self, found: list[Found], times: SpanIndex | None = None) -> list[dict[str, Any]]:
        out = []
        for n, f in enumerate(found, 1):
            speaker: dict[str, Any] = {"entity": f.speaker_entity, "text": None, "start": None, "end": None}
            if f.speaker is not None:
                speaker.update(text=self.text[f.speaker[0]:f.speaker[1]], start=f.speaker[0], end=f.speaker[1])
            out.append({
                "id": f"S{n}",
                "speaker": speaker,
                "cue": span(self.text, *f.cue),
                "content": span(self.text, *f.content),
                "kind": f.kind,
                "stance": f.stance,
                "channel": f.channel,
                "time": self.time_of(f, times) if times is not None else None,
            })
        return out


def event_words(resources: Resources) -> tuple[frozenset[str], frozenset[str]]:
    """What the statements read of the events' data, once per pipeline: the nouns of a part
    in an act (roles.tsv `agency`) and the nouns of acts that never speak (SPEECHLESS)."""
    events = resources.get(events_lexicon)
    agency = frozenset(w for w, role in events.roles.items() if role == "agency")
    acts = frozenset(lemma for (lemma, pos), senses in events.triggers.items()
                     if pos == "noun" and any(t.type in SPEECHLESS for t in senses))
    return agency, acts


@stage("statements", requires=("entities", "times"), provides=("statements",),
       resources=(lexicon, entity_lexicon, event_words))
def extract_statements(doc: Doc, record: dict[str, Any], context: Context) -> dict[str, Any]:
    agency, acts = context.get(event_words)
    finder = StatementFinder(doc, record, context.get(lexicon), context.get(entity_lexicon), agency, acts)
    times = SpanIndex((t["start"], t["end"], t) for t in record["times"])
    return {"statements": finder.to_record(finder.find(), times)}


def _between(token: Token, top: Token) -> list[Token]:
    """The tokens from a token up to (not including) one of its heads."""
    out = []
    while token.i != top.i and token.head.i != token.i:
        out.append(token)
        token = token.head
    return out


def _a_clause(clause: Token) -> bool:
    """Whether what the parser hung on a cue as a clause is one: it has a verb, or at least
    a subject ("declared Andrianasolo the winner"; "said, and fighters have re-dug
    trenches" is none, a word the tokenizer broke at its hyphen; "declared President Rivo
    Andrianasolo the winner" is one, the name taken for the clause), and a "was" has its
    complement ("a man who said he was the commander's spokesman said ...": the
    complement taken for the subject of the next verb)."""
    return (any(t.pos_ in ("VERB", "AUX") for t in clause.subtree) or subject(clause) is not None
            or _called(clause) is not None) and not (
        clause.lemma_ == "be" and all(c.dep_ in ("nsubj", "neg", "punct") for c in clause.children))


def _called(noun: Token) -> Token | None:
    """What a cue calls a noun it took for its clause, right after it ("declared President
    Rivo Andrianasolo the winner of the runoff"), which the parser may take for a clause
    of its own too."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    return next((c for c in noun.head.children if c.left_edge.i == noun.right_edge.i + 1 and (
        c.dep_ == "oprd" or c.dep_ == "ccomp" and c.pos_ in ("NOUN", "ADJ"))), None)


def _reason_past_phrase(verb: Token, end: int) -> Token | None:
    """The "of" of "accused X of Y" that the parser hung on the last noun of a phrase
    between ("accusing staff at the embassy of running a plot", "accused the army in a
    message on social media of massacring civilians"): the first phrase right after the
    object, down its chain of prepositions and their nouns."""
    phrase = next((c for c in verb.children if c.dep_ == "prep" and c.left_edge.i == end), None)
    while phrase is not None:
        noun = find_child(phrase, ("pobj",))
        if noun is None:
            return None
        phrase = next((c for c in noun.children if c.dep_ == "prep" and c.i > noun.i), None)
        if phrase is not None and phrase.lower_ in ("of", "for") and find_child(phrase, ("pcomp", "pobj")) is not None \
                and any(t.pos_ == "VERB" for t in phrase.subtree):
            return phrase
    return None


def _addressee_preps(verb: Token) -> list[Token]:
    """The prepositions the parser hung on a cue's object rather than on the cue ("warned
    the rebels against further attacks")."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    return [c for c in obj.children if c.dep_ == "prep" and c.i > obj.i] if obj is not None else []


def _numbers_ending(verb: Token) -> set[str]:
    """The prepositions of a number that end a verb's object, wherever the parser hung them
    ("put the number of people killed in the ambush at 41", "at 41" hung on "killed")."""
    obj = find_child(verb, ("dobj",))
    if obj is None or obj.i < verb.i:
        return set()
    return {t.lower_ for t in obj.subtree if t.dep_ == "prep" and t.right_edge == obj.right_edge
            and any(n.like_num for n in t.subtree)}


def _marked_clauses(verb: Token) -> dict[Token, Token]:
    """The clause a verb governs through a preposition right after it, by that mark: "for"
    in "called for the bill to be dropped", parsed as a clause. Not a purpose clause after
    an object ("called the election early for his party to regain momentum")."""
    if any(c.dep_ == "dobj" for c in verb.children):
        return {}
    return {m: c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i
            for m in c.children if m.dep_ == "mark" and m.i == verb.i + 1}


def _kind(token: Token) -> str:
    """A list member's part of speech, an auxiliary as a verb and a name as a noun."""
    return {"AUX": "VERB", "PROPN": "NOUN"}.get(token.pos_, token.pos_)


def _form(verb: Token) -> str:
    """A verb's form, the tagger's base and present forms as one ("demonstrate, prevent")."""
    return "VB" if verb.tag_ in ("VB", "VBP") else verb.tag_


def _framing(clause: Token) -> bool:
    """Whether a clause is opened by a conjunction of circumstance (CIRCUMSTANCE_MARKS):
    it frames a saying rather than tells what was said."""
    return any(m.dep_ == "mark" and m.lower_ in CIRCUMSTANCE_MARKS and not _as_long_as(m) for m in clause.children)


# "as long as", "as soon as": a condition or a time the speaker sets, part of what is said
# ("officers would respect the truce as long as the gangs did"), not the writer's "as" of
# circumstance (grammar's closed set)
AS_AS = {"long", "soon"}


def _as_long_as(token: Token) -> bool:
    """Whether an "as" is one of "as long as", "as soon as" (either "as" of the pair)."""
    doc, i = token.doc, token.i
    if token.lower_ != "as":
        return False
    after = i + 2 < len(doc) and doc[i + 1].lower_ in AS_AS and doc[i + 2].lower_ == "as"
    before = i >= 2 and doc[i - 1].lower_ in AS_AS and doc[i - 2].lower_ in ("as", "so")
    return after or before


def _infinitive_clause(verb: Token) -> Token | None:
    """ "calls on the government to cease the arrests": the infinitive, which the parser
    often hangs from the cue as a clause of its own rather than as its complement, or from
    an aside ("as we have"). Not one with a mark of its own ("in order to ...")."""
    found = next((c for c in verb.rights if c.dep_ == "advcl"
                  and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                  and not any(m.dep_ == "mark" for m in c.children)), None)
    if found is None:
        # "urge the parties, as my team and I have in recent days, to seize the opportunity":
        # the parser hangs the infinitive on the aside's elided verb
        found = next((x for c in verb.rights if c.dep_ == "advcl" and find_child(c, ("mark",)) is not None
                      and find_child(c, ("mark",)).lower_ == "as" for x in c.rights if x.dep_ == "xcomp"
                      and any(a.dep_ == "aux" and a.lower_ == "to" for a in x.children)
                      and x.doc[x.left_edge.i - 1].text == ","), None)
    return found

