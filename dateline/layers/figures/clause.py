"""What happened to the people a figure counts, read from the clause the figure belongs to.

The count is first taken to the head of its list ("150 soldiers, 95 civilians and ..."
share one verb). Then, in this order:

1. its predicate: the verb of which the count is the subject or the object, with that
   verb's own particles, complements and prepositions ("were killed", "killing 20", "remain
   missing", "were among the dead", "lost their lives", "were forced to flee"); the noun
   it is the complement of ("the deaths of seven", "the release of 20", "a city of
   300,000"); for a verb of verbs.tsv that only links or tallies, the noun it links the
   count to ("the death toll rose to 45", "the dead include 14 women");
2. the figure it is part of ("killed 12 people, including five children");
3. its own modifiers ("wounded civilians", "people who fled", "five released earlier");
4. the noun counted ("refugees", "detainees");
5. the place it belongs to: "the country's 20 million people" is a population;
6. a word right after a bare number ("370,000 displaced"), a phrase right before ("a death
   toll of 22", "home to 2 million");
7. the nearest category word of the clause, only when no verb of the clause said what
   happened to them in other words ("eleven men were charged with the murder" counts men
   charged, not killed).

A category the predicate gives wins over the noun's ("14,000 detainees died" are killed),
except a displacement, which does not undo what the people moved are ("evacuated 20 wounded
soldiers" are injured). The words are those of data/figures/categories.tsv and verbs.tsv.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Doc, Span, Token

from ...spanindex import SpanIndex
from ...syntax import sentence_of
from .lexicon import Lexicon

WINDOW = 8  # tokens either side searched for a category word when the parse links none
# the nouns that name a count of no kind of their own ("put the number at 20"): of what the
# count before them in the sentence counts (grammar's closed set)
COUNT_NOUNS = {"number", "figure", "total", "count", "tally", "estimate"}
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
OBJECTS = ("dobj", "dative", "oprd")
# where people are taken to when they are moved, not captured ("taken to hospital", "took
# 300 people to safety"): a verb of categories.tsv's `away` rows then tells nothing of them
AWAY_TO = ("to", "into", "toward", "towards")
# the parts of a verb that belong to what it says of its subject or object: "lost their
# lives", "were forced to flee", "fled abroad", "shot dead", "were taken into custody"
VERB_PARTS = ("prt", "dobj", "acomp", "oprd", "xcomp", "attr", "prep", "advmod", "dative", "ccomp")
COMPLEMENTS = ("acomp", "oprd", "attr", "xcomp", "advmod")
# the words that make a count part of a larger one ("12 people, including five children")
PART_OF = {"including", "include", "among", "like", "incl", "notably", "especially"}
MODIFIERS = ("amod", "acl", "relcl", "nmod", "compound")
RELATIVES = {"that", "who", "whom", "which"}
NOUNS = ("NOUN", "PROPN", "NUM", "PRON")
PLACE_LABELS = ("GPE", "LOC", "FAC")
# the prepositions that give a tally its new value: "rose to 45", "put the toll at 1,200"
# (not "from 20", the value it had)
TALLIED = ("to", "at")
# what the predicate says, but not over what its people are: a move ("evacuated 20 wounded
# soldiers") or a home ("home to 2 million people and 300,000 displaced persons")
WEAK = ("displaced", "population")
DEPTH = 3  # how far the part-of chain ("including ... among them ...") is followed


class Categories:
    """The category of each figure of one parsed article."""

    def __init__(self, doc: Doc, lex: Lexicon, places: SpanIndex, is_people: Callable[[Token], bool]):
        self.doc = doc
        self.is_people = is_people
        self.lex = lex
        self.places = places

    def of(self, span: Span, last: Token, counted: Token | None) -> str | None:
        """What happened to the people counted, or None when no word of the lexicon says.
        span: the number's tokens; last: its last token; counted: the noun for people it
        counts, if any. A bare number ("killing 20") needs a word linked to it; the nearest
        word of the clause only settles the category of a number that counts people by its
        noun."""
        # the number heads its phrase when the parse hangs the noun from it ("two more")
        anchor = counted if counted is not None and counted.head != last else last
        found, said = self._category(_phrase_head(anchor, span[0], last), last, counted, DEPTH)
        if found:
            return found
        lex = self.lex
        nxt = self.doc[last.i + 1] if last.i + 1 < len(self.doc) else None
        if nxt is not None and counted is None:  # "370,000 displaced", "20 dead"
            found = self._word(nxt)
            if found:
                return found
        # a phrase right before: "home to 2 million people", "a death toll of 22"
        sent = sentence_of(last)
        window_start = max(sent.start, span[0].i - WINDOW)
        window_end = min(sent.end, anchor.i + 1 + WINDOW)
        before = " ".join(t.lower_ for t in self.doc[window_start:span[0].i])
        for phrase, category in lex.phrases:
            if before.endswith(phrase) or before.endswith(phrase + " of"):
                return category
        if counted is None or said:
            return None
        # the nearest category word of the clause, when the parse links none
        best: tuple[int, str] | None = None
        for i in range(window_start, window_end):
            t = self.doc[i]
            if span[0].i <= i <= anchor.i or t.like_num:
                continue
            found = self._word(t)
            if found:
                distance = abs(i - span[0].i)
                if best is None or distance < best[0]:
                    best = (distance, found)
        return best[1] if best else None

    def _category(self, anchor: Token, last: Token, counted: Token | None, depth: int) -> tuple[str | None, bool]:
        """(category, said) from the parse alone: `said` when a verb that tells what
        happened, in words of no category, governs the count."""
        head = _list_head(anchor)
        told, said = self._predicate(head)
        if told is None and head != anchor:
            told, said = self._predicate(anchor)  # a list item may have a verb of its own
        if told is None and depth > 0:
            whole = self._whole(head)
            if whole is not None:
                if whole.pos_ in ("VERB", "AUX"):  # "killed 12, including five children"
                    told, said_whole = self._verb(whole, head, "object")
                else:
                    told, said_whole = self._category(whole, whole, whole if whole.pos_ != "NUM" else None, depth - 1)
                said = said or said_whole
        own = self._own(counted)
        modified = self._modifiers({anchor, last} | ({counted} if counted is not None else set()))
        home = "population" if counted is not None and not told and self._at_home(anchor) else None
        # the first that says what happened (the predicate's, then the modifiers', then the
        # noun's); else a move; else a home (WEAK)
        found = [c for c in (told, modified, own, home) if c]
        best = next((c for c in found if c not in WEAK), None) or next((c for c in WEAK if c in found), None)
        return best, said or told is not None

    def _predicate(self, head: Token) -> tuple[str | None, bool]:
        """The category the count's predicate gives: the verb it is the subject or object
        of, or the noun it is the complement of."""
        if head.dep_ in ("nummod", "quantmod") and head.head.pos_ in ("NOUN", "PROPN") and head.head.i > head.i:
            head = head.head  # "3, 4 and 5 people": the first number of a list that ends in the noun
        gov, dep = head.head, head.dep_
        if gov == head:
            return None, False
        if gov.dep_ in ("aux", "auxpass") and gov.head != gov:
            gov = gov.head  # "400 are missing", misparsed with "are" as the subject's head
        if dep == "pobj":
            prep, holder = gov, gov.head
            if prep.lower_ in PART_OF or prep == holder:
                return None, False
            for _ in range(3):  # "as well as on two of its leaders": past the words that join
                if holder.pos_ not in ("ADP", "CCONJ", "ADV", "SCONJ") or holder.head == holder:
                    break
                holder = holder.head
            if holder.pos_ in ("NOUN", "PROPN") and holder.lower_ in self.lex.not_alone and prep.lower_ == "of":
                return self._predicate(holder)  # "claimed the lives of 3,000 civilians"
            if holder.pos_ in ("NOUN", "PROPN"):
                # "the deaths of seven workers", "the release of 20", "home to 2 million",
                # "a city of 300,000"
                found = self._word(holder) or self._phrase([holder, prep])
                if not found and prep.lower_ == "of" and self._home(holder):
                    found = "population"
                return found, False
            if holder.pos_ in ("VERB", "AUX"):
                return self._verb(holder, head, "oblique")
            return None, False
        if dep in SUBJECTS:
            return self._verb(gov, head, "subject")
        if dep in OBJECTS or dep == "attr":
            return self._verb(gov, head, "object")
        if dep in ("npadvmod", "advmod", "amod") and gov.head != gov:
            # "about 250 taken hostage", parsed with the number hanging from the participle
            found = self._phrase([gov, gov.head] if gov.head.i > gov.i else [gov.head, gov]) or self._word(gov)
            if found:
                return found, True
        verb = self._lost_verb(head)
        return self._verb(verb, head, "subject") if verb is not None else (None, False)

    def _lost_verb(self, head: Token) -> Token | None:
        """The verb the parse lost the count from: the next main verb of its sentence, when
        that verb has no subject of its own ("around twenty more, including a colleague,
        were injured", where "more" hangs from an earlier verb)."""
        sent = head.sent
        for t in self.doc[head.i + 1:sent.end]:
            if t.pos_ == "VERB" and t.dep_ in ("ROOT", "ccomp", "conj"):
                return None if any(c.dep_ in SUBJECTS for c in t.children) else t
        return None

    def _verb(self, verb: Token, head: Token, role: str) -> tuple[str | None, bool]:
        lex = self.lex
        lemma = verb.lemma_.lower()
        kind = lex.verbs.get(lemma) or ("link" if verb.pos_ == "AUX" else None)
        found = self._word(verb)
        if not found and role == "subject":
            found = self._departure(verb)  # "12,000 people had left the town"
        if not found and (role == "object" or head.dep_ == "nsubjpass"):
            found = self._done_to(verb, passive=head.dep_ == "nsubjpass")
        parts = [t for child in verb.children if child.dep_ in VERB_PARTS and child.i != head.i
                 and not (child.dep_ == "ccomp" and kind != "link") for t in child.subtree]
        if not found:
            # the count's noun may be part of the phrase ("lives were lost"), not its number;
            # and its negation ("could not be accounted for")
            negation = [child for child in verb.children if child.dep_ == "neg"]
            tokens = sorted({verb, *(p for p in [head, *parts, *negation] if not p.like_num)}, key=lambda t: t.i)
            found = self._phrase(tokens)
        if not found:
            # "continue to be detained", "were left wounded", "190 were dead"
            # ("forced to live as refugees": the refugees say more than the living)
            told = [self._word(t) for child in verb.children if child.dep_ in COMPLEMENTS and child.i != head.i
                    for t in [child, *(c for c in child.children if c.dep_ in COMPLEMENTS),
                              *(o for c in child.children if c.dep_ == "prep" and c.lower_ == "as"
                                for o in c.children if o.dep_ == "pobj")]]
            told = [c for c in told if c]
            found = next((c for c in told if c not in WEAK), told[0] if told else None)
        if not found and kind == "link":
            # "six journalists were among the dead", "14 are in custody"
            for child in verb.children:
                if child.dep_ == "prep":
                    found = self._in_nouns(child.subtree)
                    if found:
                        break
        if not found and kind in ("link", "tally") and (role == "object" or role == "oblique" and head.head.lower_ in TALLIED):
            # "the death toll rose to 45", "the dead include 14 women", "put the toll at 1,200"
            # what is put at a number is its object; the subject then is who puts it ("residents")
            told_of = [c for c in verb.children if c.dep_ == "dobj" and c.i < head.i] \
                or [c for c in verb.children if c.dep_ in SUBJECTS and c.i < head.i]
            for child in told_of:
                found = self._in_nouns(_noun_phrase(child))
                if not found and child.lemma_.lower() in COUNT_NOUNS:
                    # "12 people were killed, while residents put the number at 20"
                    found = self._counted_before(child)
                if found:
                    break
        if not found:
            # "were shot and killed", "were arrested and later released": verbs sharing the subject
            for conj in verb.children:
                if conj.dep_ == "conj" and conj.pos_ == "VERB" and not any(c.dep_ in SUBJECTS for c in conj.children):
                    found = self._word(conj)
                    if found:
                        break
        if found == "displaced" and (self._abroad(verb) or self._phrase(parts) == "refugees"):
            found = "refugees"  # "fled to Chad", "fled Sudan", "fled for neighbouring countries"
        # a verb that tells what happened in words of no category, or a tally of nothing that
        # says one ("aid reached 17 million people")
        said = verb.pos_ == "VERB" and (kind is None or kind == "tally" and role != "subject")
        return found, said

    def _counted_before(self, noun: Token) -> str | None:
        """What the nearest count before a noun of no kind in its sentence counts ("the
        number" that residents put at 20, after "12 people were killed")."""
        sent = sentence_of(noun)
        for token in reversed(self.doc[sent.start:noun.i]):
            if token.like_num and token.ent_type_ not in ("DATE", "TIME", "ORDINAL"):
                counted = token.head if token.dep_ == "nummod" and token.head.pos_ in ("NOUN", "PROPN") else None
                found, _ = self._category(_phrase_head(counted or token, token, token), token, counted, DEPTH - 1)
                return found
        return None

    def _whole(self, head: Token) -> Token | None:
        """The larger count this one is part of: "12 people, including five children"; the
        parse may hang "including" from a noun after the count ("seven workers from the
        charity, including one"), so the nearest count or verb above it is taken."""
        if head.dep_ != "pobj" or head.head.lower_ not in PART_OF:
            return None
        token = head.head
        for _ in range(4):
            if token.head == token:
                return None
            token = token.head
            if token.pos_ in ("VERB", "AUX") or token.like_num or self.is_people(token):
                return token
        return None

    def _modifiers(self, holders: Iterable[Token]) -> str | None:
        """Words hanging from the counted noun or the number: "wounded civilians", "people
        killed in the attack", "100,000 who left their homes", "20 in custody". Not
        appositions: "1.9 million people, about 90 percent of the population," rephrases the
        count and says nothing of what happened to them."""
        for holder in holders:
            for child in holder.children:
                if child.dep_ in MODIFIERS:
                    if child.dep_ == "compound" and child.i > holder.i:
                        continue
                    subject = next((c for c in child.children if c.dep_ in SUBJECTS), None)
                    if child.dep_ == "relcl" and subject is not None and subject.lower_ not in RELATIVES \
                            and any(t.lower_ in ("whom", "which") for t in subject.subtree):
                        continue  # "14 suspects, four of whom were arrested": said of some of them
                    if child.dep_ == "acl" and child.tag_ == "VBG" and any(c.dep_ in ("dobj", "obj") for c in child.children):
                        # "supporters demanding the release of their leader": what they do, not
                        # what its object tells of others
                        found = self._word(child)
                    else:
                        found = self._in(child.subtree)
                    if not found and child.dep_ == "acl" and child.tag_ == "VBN":
                        found = self._done_to(child, passive=True)  # "the Americans held in Venezuela"
                    elif not found and child.dep_ == "relcl":
                        # "the 13 soldiers we lost", "the sailors who are held": the count is
                        # what the relative verb is done to
                        obj = next((c for c in child.children if c.dep_ == "dobj"), None)
                        if subject is not None and subject.dep_ == "nsubjpass" and subject.lower_ in RELATIVES:
                            found = self._done_to(child, passive=True)
                        elif subject is not None and subject.lower_ in RELATIVES:
                            found = self._departure(child)  # "13,400 people who had left Kutum"
                        elif obj is None or obj.lower_ in RELATIVES:
                            found = self._done_to(child, passive=False)
                    if found:
                        return found
                elif child.dep_ == "prep" and child.i > holder.i and child.lower_ not in PART_OF:
                    found = self._phrase(list(child.subtree))  # "20 in custody"
                    if found:
                        return found
        return None

    def _abroad(self, verb: Token) -> bool:
        """The move crosses a border: "fled to neighbouring Chad", "crossed into Poland",
        "fled Sudan" (a place the places layer calls a country)."""
        ends = [obj for child in verb.children if child.dep_ == "prep" and child.lower_ in ("to", "into", "across")
                for obj in child.children if obj.dep_ == "pobj"]
        ends += [c for c in verb.children if c.dep_ == "dobj"]  # "fled Sudan": left the country
        return any(p.get("kind") == "country" for obj in ends
                   for _, _, p in self.places.overlapping(obj.idx, obj.idx + len(obj.text)))

    def _departure(self, verb: Token) -> str | None:
        """The category of a verb of categories.tsv's `place` rows whose object is a place
        (one the places layer found, or a word for a kind of place): those who left it;
        refugees when it is a country ("fled Sudan", `_abroad`)."""
        found = self.lex.departures.get(verb.lemma_.lower())
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if not found or obj is None or not (self.places.overlapping(obj.idx, obj.idx + len(obj.text))
                                            or obj.lemma_.lower() in self.lex.place_nouns):
            return None
        return "refugees" if found == "displaced" and self._abroad(verb) else found

    def _done_to(self, verb: Token, passive: bool) -> str | None:
        """The category of a verb of categories.tsv's `object`, `passive` and `away` rows,
        for the people it is done to."""
        lemma = verb.lemma_.lower()
        found = self.lex.objects.get(verb.lower_) or self.lex.objects.get(lemma)
        if not found and passive:
            found = self.lex.passives.get(verb.lower_) or self.lex.passives.get(lemma)
        if not found and not any(c.dep_ == "prep" and c.lower_ in AWAY_TO or c.lemma_.lower() == "life"
                                 for c in verb.children):  # not "took the lives of 20 people"
            found = self.lex.aways.get(verb.lower_) or self.lex.aways.get(lemma)
        return found

    def _own(self, counted: Token | None) -> str | None:
        if counted is None:
            return None
        people = self.lex.people
        return people.get(counted.lower_) or people.get(counted.lemma_.lower()) or None

    def _at_home(self, anchor: Token) -> bool:
        """The count belongs to a place: "the country's roughly 20 million people", "Gaza's
        2 million residents", "the 2 million people of the region"."""
        for child in anchor.children:
            if child.dep_ == "poss" and self._home(child):
                return True
            if child.dep_ == "prep" and child.lower_ == "of" and child.i > anchor.i:
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None and self._home(obj):
                    return True
        return False

    def _home(self, token: Token) -> bool:
        """A place people live in: a place the places layer found, a place name, or a noun
        of categories.tsv's `home` rows written in lower case ("the country", not
        "Islamic State")."""
        if self.places.overlapping(token.idx, token.idx + len(token.text)) or token.ent_type_ in PLACE_LABELS:
            return True
        return token.text.islower() and (token.lower_ in self.lex.homes or token.lemma_.lower() in self.lex.homes)

    def _in(self, tokens: Iterable[Token]) -> str | None:
        tokens = list(tokens)
        return self._phrase(tokens) or next((self._word(t) for t in tokens if self._word(t)), None)

    def _in_nouns(self, tokens: Iterable[Token]) -> str | None:
        return self._in(t for t in tokens if not t.like_num)

    def _phrase(self, tokens: list[Token]) -> str | None:
        text = " " + " ".join(t.lower_ for t in tokens) + " "
        for phrase, category in self.lex.phrases:
            if f" {phrase} " in text:
                return category
        return None

    def _word(self, token: Token) -> str | None:
        words = self.lex.words
        return words.get(token.lower_) or words.get(token.lemma_.lower())


def _list_head(token: Token) -> Token:
    """The first item of the list the count is in: "150 soldiers, 95 civilians and 20
    police" share the first one's verb."""
    seen = 0
    while token.dep_ in ("conj", "appos") and token.head.pos_ in NOUNS and token.head.i < token.i and seen < 20:
        token, seen = token.head, seen + 1
    return token


def _phrase_head(anchor: Token, first: Token, last: Token) -> Token:
    """The head of the count's noun phrase: the number itself in "two of its leaders" and
    "thousands of people", where the noun hangs from it by "of"."""
    token = anchor
    while token.dep_ == "pobj" and token.head.lower_ == "of" and first.i <= token.head.head.i <= last.i:
        token = token.head.head
    return token




def _noun_phrase(noun: Token) -> list[Token]:
    """The noun with its modifiers and "of" complements ("the number of displaced"), not its
    clauses ("the rebels who killed five")."""
    out = [noun]
    for child in noun.children:
        if child.dep_ in ("compound", "amod", "nmod", "poss"):
            out.extend(child.subtree)
        elif child.dep_ == "prep" and child.lower_ == "of":
            out.extend(child.subtree)
    return out
