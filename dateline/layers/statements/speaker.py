"""Who speaks: the speaker of a cue, as written and as the entity it names.

The subject of the cue ("the ministry said"), or of the verb it hangs from ("..., adding
that"); the object of "according to"; the agent of a passive; the one quoted in "quoted the
minister as saying"; the issuer of a statement that is the subject ("a statement from the
ministry said"). The phrase keeps what describes the speaker ("a source within the
ministry", "Foreign Minister Abbas Araghchi"); the entity is the mention that holds its
head word, or a name in apposition to it.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ...spanindex import SpanIndex
from ...syntax import CLAUSE_BREAKS, SEQUENCE, find_child, noun_phrase, of_a_time, subject
from ..entities.lexicon import SPOKESPERSON, ActorHead, Roles
from .lexicon import Channels, Cue

NOT_SPEAKERS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}


class SpeakerRules:
    """Mixed into StatementFinder (stage.py), whose parse, lexicons and mentions it reads, and
    whose `cue_entry` and `chars` it calls."""

    doc: Doc
    text: str                      # the doc's text, which spaCy would build again on each access
    mentions: SpanIndex            # entity mentions: (start, end, (entity id, type))
    channels: Channels
    roles: Roles
    actor_heads: dict[str, ActorHead]
    carried: dict[int, Token]      # a cue coordinated into another's object -> that other cue
    acts: frozenset[str]           # nouns of acts that never speak (stage.SPEECHLESS)

    def speaker_of(self, verb: Token, entry: Cue) -> Token | None:
        """The head word of who speaks, or None when the parse names no one."""
        head = self._speaker_of(verb, entry, 0)
        if head is not None and (head.ent_type_ in NOT_SPEAKERS and not find_child(head, ("prep",), ("of",))):
            return None  # "January called for ...": a misparse, not a speaker ("One of the groups" is one)
        if head is not None and head.lemma_.lower() in self.acts and not self.mentions.holding(head.idx):
            return None  # "the ceasefire agreed on Friday has held", "the attack stating ...": no one speaks
        return head

    def _issuer(self, channel: Token) -> Token | None:
        """Who a channel noun's words are of: its owner ("the army's statement", "a
        statement by the council"), else the subject of the verb it hangs from ("issued a
        statement", "posted a message")."""
        owner = self.channel_owner(channel)
        if owner is not None:
            return owner
        governor = channel
        while governor.pos_ not in ("VERB", "AUX") and governor.head.i != governor.i:
            governor = governor.head
        return subject(governor) if governor.pos_ in ("VERB", "AUX") else None

    def _speaker_of(self, verb: Token, entry: Cue, depth: int) -> Token | None:
        if entry.lemma == "according":
            return self.according_to(verb)
        if "possessed" in entry.content:  # "the army's denial that ...": the army denies
            return possessor(verb)
        if "attitude" in entry.content:  # "we are encouraged that", "the UN remains concerned that"
            held = find_child(verb, ("nsubjpass", "nsubj"))
            if held is None and verb.dep_ in ("acomp", "oprd") and verb.head.pos_ in ("VERB", "AUX"):
                held = find_child(verb.head, ("nsubj",))
            return held
        if verb.i in self.carried and depth < 3:  # coordinated with an earlier cue (stage.py)
            first = self.carried[verb.i]
            return self._speaker_of(first, self.cue_entry(first) or entry, depth + 1)
        subj = subject(verb)
        if subj is not None and subj.dep_ == "nsubjpass":
            subj = None  # "it was reported that": the subject is not who spoke
        if subj is not None:
            if subj.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
                head = verb.head
                if head.dep_ == "pobj" and of_a_time(head.head) and head.head.i > 0 \
                        and verb.doc[head.head.i - 1].pos_ in ("NOUN", "PROPN"):
                    # "issued a statement on Monday, which called for ...": the parser hangs
                    # the clause on the day; it is of the noun the day follows, and a
                    # statement's words are its issuer's
                    head = verb.doc[head.head.i - 1]
                    if head.lemma_.lower() in self.channels.nouns:
                        return self._issuer(head)
                return head
            if subj.lower_ in ("who", "which") and subj.i > 0 and subj.doc[subj.i - 1].text == ",":
                # "confirmed by residents on Tuesday, who said ...", which the parser may
                # hang on the main verb: who said it is the noun before the comma
                return _before_comma(subj) or subj
            return subj
        csubj = find_child(verb, ("csubj",))
        if csubj is not None and subject(csubj) is not None:
            return subject(csubj)  # "Lavrov addressing the forum said"
        participle = next((c for c in verb.lefts if c.dep_ == "advcl" and c.tag_ == "VBG"), None)
        if participle is not None and find_child(participle, ("nsubj",)) is not None:
            # "a group calling itself the Sons of Dornik said": the parser may hang the
            # subject on the participle that describes it
            return find_child(participle, ("nsubj",))
        hung = self._set_off_before(verb) or self._named_after_quote(verb)
        if hung is not None:
            return hung
        agent = find_child(verb, ("agent",))
        if agent is not None:
            return find_child(agent, ("pobj",))
        head = verb.head
        # "was more forceful in blaming Iran": the word that says how, and the verb it completes
        governor = head.head.head if head.head.dep_ == "acomp" else head.head
        if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.dep_ == "prep" and head.lower_ in ("in", "by") \
                and governor.pos_ in ("VERB", "AUX"):
            # "joined forty nations in condemning the threats", "responded by calling for
            # talks": who joined, who responded; "have been united in condemning": who are
            found = subject(governor)
            return found if found is not None and (found.dep_ != "nsubjpass" or head.lower_ == "in") else None
        if verb.lower_ == "saying" and head.lower_ == "as" and head.head.lemma_ == "quote":
            quoted = head.head  # "state media quoted the minister as saying"
            return find_child(quoted, ("dobj",)) or find_child(quoted, ("nsubjpass",))
        if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
            if head.lemma_.lower() in self.channels.nouns:
                # "the statement by the Security Council condemning ...": who issued it;
                # "posted a message on Twitter blaming Iran": who posted it
                return self._issuer(head)
            if self.is_actor(head):
                return head  # "with officials saying ..."
        stranded = self.stranded_speaker(verb) or self._taken_for_an_object(verb)
        if stranded is not None:
            return stranded
        if depth >= 3 or head.i == verb.i or verb.dep_ not in ("conj", "advcl", "xcomp"):
            return None
        asked = verb
        while asked.dep_ == "conj" and asked.head.i != asked.i:
            asked = asked.head
        if asked.dep_ == "xcomp" and find_child(asked.head, ("dobj",)) is not None:
            return None  # "urged both sides to condemn the attack": asked of them, not said by anyone
        if verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
                and head.pos_ in ("VERB", "AUX") and subject(head) is not None and subject(head).dep_ == "nsubj":
            # "said the kidnappers had called the family to demand a ransom": who called, to
            # demand it, not who reports the call
            return subject(head)
        # "..., adding that": the speaker of the statement the clause hangs from; when the
        # clause hangs inside a reported clause, the speaker of that report
        report = self.cue_entry(head.head) if head.dep_ == "ccomp" else None
        if report is not None and "attitude" not in report.content:
            # (not "we are encouraged that the rebels have withdrawn and have reiterated ...":
            # a state of mind reports no speech the next verb could add to)
            return self._speaker_of(head.head, report, depth + 1)
        if head.pos_ in ("VERB", "AUX"):
            found = self._speaker_of(head, self.cue_entry(head) or entry, depth + 1)
            if found is None and self.cue_entry(head) is not None:
                found = find_child(head, ("nsubjpass",))  # "the attacker is reported to have ... claimed"
            return found
        return None

    def _set_off_before(self, verb: Token) -> Token | None:
        """The subject of a cue that has none, which the parser hung on a word before it: a
        phrase set off by commas that runs up to the cue. Hung as an apposition on the noun
        of a phrase that opens the sentence ("Speaking to the Courier, the president of the
        league, Aram Tessel, said"; "In an audio message sent to journalists, a man who
        identified himself as the group's spokesman, Major Ezechiel Paluku, said"), or as a
        name on the clause the cue closes ("... the presence of chlorine, the watchdog's
        director-general, Hendrik Vos, told reporters"): the nearest such word to the cue,
        which is the name where a title comes before it."""
        if verb.i < 3 or self.doc[verb.i - 1].text != "," or subject(verb) is not None or verb.dep_ != "ROOT" \
                or verb.tag_ == "VBG":
            return None  # (not "addressed reporters in New York, New York, calling for ...": a participle)
        for node in (self.doc[verb.i - 2], *self.doc[verb.i - 2].ancestors):
            if node.i >= verb.i:
                return None
            if node.head.i < node.left_edge.i and self.doc[node.left_edge.i - 1].text == "," \
                    and (node.dep_ == "appos" and node.head.dep_ == "pobj"
                         or node.pos_ == "PROPN" and self.is_actor(node)):
                return node
        return None

    def _named_after_quote(self, verb: Token) -> Token | None:
        """The name right after a cue that follows a quotation ('..." said Tsehay Alemu, a
        mother from Debark whose son ... was captured'), which the parser may hang anywhere
        but on the cue: the one who said it."""
        if verb.i < 1 or verb.i + 1 >= len(self.doc) or not self.doc[verb.i - 1].is_quote \
                or subject(verb) is not None:
            return None
        named = self.mentions.holding(self.doc[verb.i + 1].idx)
        if not named:
            return None
        start, end, _ = min(named, key=lambda m: m[0])
        if start != self.doc[verb.i + 1].idx:
            return None
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span[-1] if span is not None else None

    def stranded_speaker(self, verb: Token) -> Token | None:
        """ "M23 rebels have seized Rubaya, home to a coltan mine, residents and a local
        official said": a cue at the end of its sentence with no subject, the parser having
        hung the words before it on a noun of the clause it reports. Its speaker is the
        first actor among the words between the last comma and the cue; so too where the
        clause before it hangs on the cue as it should, and its speaker on the clause ("...,
        a nurse there said"). (A speaker set off by commas of its own: `_set_off_before`.)"""
        told = verb.lemma_.lower() == "tell"
        if subject(verb) is not None or any(c.dep_ == "ccomp" and c.i > verb.i or c.dep_ == "dobj" and c.i > verb.i
                                            and not told for c in verb.children):
            return None
        closing = verb.dep_ == "ROOT" and any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children)
        if not closing and (verb.dep_ not in ("advcl", "conj", "parataxis", "ccomp") or verb.head.i > verb.i):
            return None
        start = verb.i
        while start > verb.sent.start and self.doc[start - 1].text != "," and not self.doc[start - 1].is_space:
            start -= 1
        if start == verb.i or start == verb.sent.start or any(t.head.i == verb.i for t in self.doc[start:verb.i]):
            return None  # no comma before it, or words of its own ("..., as residents fled, said")
        return next((t for t in self.doc[start:verb.i] if t.pos_ in ("NOUN", "PROPN") and self.is_actor(t)), None)

    def _taken_for_an_object(self, verb: Token) -> Token | None:
        """ "days after a state minister who asked not to be named said it would reopen":
        the parser may read "after" as a preposition and the clause's subject, with what
        describes it, as its object, and leave the cue right after it with no subject. Who
        said it is that object, if it names an actor."""
        if subject(verb) is not None:
            return None
        for child in verb.lefts:
            if child.right_edge.i != verb.i - 1:
                continue
            for prep in (t for t in child.subtree if t.dep_ == "prep" and t.lower_ in SEQUENCE):
                obj = find_child(prep, ("pobj",))
                if obj is not None and obj.right_edge.i == verb.i - 1 and obj.pos_ in ("NOUN", "PROPN") \
                        and self.is_actor(obj):
                    return obj
        return None

    def according_to(self, verb: Token) -> Token | None:
        to = find_child(verb, ("prep",), ("to",))
        if to is None:
            return None
        obj = find_child(to, ("pobj",))
        if obj is not None:
            return obj
        # the parser sometimes leaves "to" without object: take the phrase up to the comma
        end = to.i + 1
        while end < len(self.doc) and self.doc[end].text not in CLAUSE_BREAKS and not self.doc[end].is_space:
            end += 1
        phrase = self.doc[to.i + 1:end]
        if not any(t.is_alpha for t in phrase):
            return None  # "..., according to." at the end of a text: no one is named
        return phrase.root

    def is_actor(self, tok: Token) -> bool:
        lemma = tok.lemma_.lower()
        head = self.actor_heads.get(lemma)
        if head is not None and head.describes == "acting":
            # "people" speak where the entities layer found them acting ("people said"), not
            # in what an infinitive says they may do ("must allow its people to express ...")
            return bool(self.mentions.holding(tok.idx))
        return head is not None or lemma in self.roles or bool(self.mentions.holding(tok.idx))

    def speaker_phrase(self, head: Token) -> tuple[int, int]:
        keep = ("of", "for")
        if head.lemma_.lower() in self.roles or head.lemma_.lower() in self.actor_heads:
            keep = ("of", "for", "within", "from", "at", "with", "to")  # "a source within the ministry"
        start, end = noun_phrase(head, keep_preps=keep)
        for child in head.rights:
            if child.i < end or child.left_edge.i != end or end >= len(self.doc) or self.doc[end].is_punct:
                continue
            # "Foreign Minister Abbas Araghchi": a name right after its title belongs to the phrase
            if child.dep_ in ("appos", "compound", "flat") and child.pos_ == "PROPN":
                # (the name, not a clause that describes it: "the rights group Civic Watch,
                # which said ...")
                last = child
                for right in child.rights:
                    if right.dep_ in ("relcl", "acl", "punct", "appos"):
                        break
                    last = right.right_edge
                end = last.i + 1
                while end > child.i + 1 and (self.doc[end - 1].is_punct or self.doc[end - 1].is_space):
                    end -= 1
        # a name the entities layer found whole, which the parse cut at a preposition
        # ("Doctors Without Borders said", "a spokesman for Reporters Without Borders said")
        lo, hi = self.doc[start].idx, self.doc[end - 1].idx + len(self.doc[end - 1])
        last = max((m[1] for m in self.mentions.overlapping(lo, hi) if lo <= m[0]), default=0)
        if last > hi:
            whole = self.doc.char_span(lo, last, alignment_mode="expand")
            end = whole.end if whole is not None else end
        return start, end

    def speaker_entity(self, head: Token, start: int, end: int) -> str | None:
        """The entity the speaker phrase names: the mention holding its head word, a name in
        apposition to it, else the most person-like mention inside the phrase."""
        holding = self.mentions.holding(head.idx)
        if holding:
            return min(holding, key=lambda m: m[1] - m[0])[2][0]
        for appos in head.children:  # "the council's coordinator, Amira Haddou, said"
            if appos.dep_ == "appos" and (named := self.mentions.holding(appos.idx)):
                return min(named, key=lambda m: m[1] - m[0])[2][0]
        inside = self.mentions.within(self.doc[start].idx, self.doc[end - 1].idx + len(self.doc[end - 1]))
        possessor = find_child(head, ("poss",))
        if possessor is not None and possessor.tag_ == "PRP$" and self.roles.get(head.lemma_.lower()) != SPOKESPERSON:
            # "their employer said": someone of theirs, not they ("its spokesman" speaks for it)
            inside = [m for m in inside if not m[0] <= possessor.idx < m[1]]
        if not self.is_actor_head(head) and head.lemma_.lower() not in self.channels.nouns | self.channels.knowledge:
            # "the Batken regional hospital said", "the Taiz military axis denies": a name before
            # the noun says where or whose the speaker is, not who; but a place speaks through
            # its bodies ("the Orsk government"), anyone through what they issue ("UN figures"),
            # and a possessive names whose voice it is ("Peru's central bank", "the Traders' Alliance")
            inside = [m for m in inside if m[0] >= head.idx or self.text[m[1]:m[1] + 1] in ("'", "’")]
        for wanted in ("PERSON", "ORG", "GROUP", "GPE"):
            for _, _, (entity, etype) in inside:
                if etype == wanted:
                    return entity
        return None

    def is_actor_head(self, head: Token) -> bool:
        """Whether a noun names an actor by its kind: a body ("army", "ministry") or a role."""
        lemma = head.lemma_.lower()
        return lemma in self.actor_heads or lemma in self.roles

    def channel_owner(self, noun: Token) -> Token | None:
        """ "a statement from the ministry", "the ministry's statement": who issued it."""
        poss = find_child(noun, ("poss",))
        if poss is not None and poss.pos_ != "PRON":
            return poss
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in ("from", "by", "of"):
                obj = find_child(prep, ("pobj",))
                if obj is not None:
                    return obj
            # "a statement released by Erdogan's office" (not "a report seen by Reuters")
            if prep.dep_ == "acl" and prep.lemma_.lower() in self.channels.issuing:
                agent = find_child(prep, ("agent",))
                obj = find_child(agent, ("pobj",)) if agent is not None else None
                if obj is not None:
                    return obj
        for child in noun.children:  # "The Turkish statement": the demonym's country
            if child.dep_ == "amod" and self.mentions.holding(child.idx):
                return child
        return None


def _before_comma(relative: Token) -> Token | None:
    """The noun a relative pronoun after a comma stands for: the nearest before the comma
    that is not a date or a time ("residents on Tuesday, who")."""
    for tok in reversed(relative.doc[relative.sent.start:relative.i - 1]):
        if tok.pos_ in ("NOUN", "PROPN") and tok.ent_type_ not in ("DATE", "TIME"):
            return tok
        if tok.pos_ in ("VERB", "AUX") or tok.text in (",", ";", ":"):
            return None
    return None


def possessor(noun: Token) -> Token | None:
    """Whose a said noun is: its possessive ("the army's denial"), or who it is by ("the
    claim by the army that ...")."""
    found = find_child(noun, ("poss",))
    if found is not None:
        return found
    by = next((c for c in noun.children if c.dep_ in ("prep", "agent") and c.lower_ == "by" and c.i > noun.i), None)
    return find_child(by, ("pobj",)) if by is not None else None
