"""Where events are mentioned: trigger words of data/events/triggers.tsv, checked against
the parse (their objects, prepositions, particles and modifiers), not by keyword.

A noun trigger that is the object of a light verb ("conducted strikes", "held phone
calls", "imposed a cordon") takes the verb into its trigger; the verb's clause then holds
the event's arguments.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ...syntax import RELATIVES, of_a_time, stands_for, subject, tokens_with
from .lexicon import Lexicon, Need, Trigger

OBJECTS = ("dobj", "obj", "nsubjpass")
NOMINAL_DEPS = ("dobj", "obj", "nsubj", "nsubjpass", "pobj")
MODIFIERS = ("amod", "compound", "nmod", "npadvmod", "poss", "nummod")
# the acts of holding a view: backing, opposing; what a purpose clause aims at, or a deed
# does ("removing sanctions will support their efforts"), is no view anyone stated (signing
# an agreement, SUPPORT's mode `agreement`, is a deed, not a view: "met to sign the accord")
ATTITUDES = frozenset({"SUPPORT", "REJECT"})
DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})  # "this deal": one told before
# the prepositions whose complement says which happening a noun names (`arg` in triggers.tsv)
ARGUMENT_PREPOSITIONS = frozenset({"of", "with", "between", "in", "at", "on", "against", "by", "over", "among",
                                   "to"})


@dataclass
class Found:
    word: Token            # the word that carries the event
    trigger: Trigger
    light: Token | None    # the light verb of a noun trigger
    start: int             # character span of the trigger
    end: int

    @property
    def clause(self) -> Token:
        """The word whose dependents are the event's arguments."""
        return self.light if self.light is not None else self.word


def _characterizes(token: Token, lexicon: dict) -> bool:
    """Whether an event noun only says what another act was: the predicate of its object
    ("called the strike a massacre", "described the bombing as a war crime") or of its
    subject ("the attack was a massacre"), when that is an event noun itself."""
    while token.dep_ == "conj" and token.head != token:
        token = token.head  # "described the bombing as a war crime and a massacre"
    head = token.head

    def act(noun: Token) -> bool:
        return bool(lexicon.get((noun.lemma_.lower(), "noun")) or lexicon.get((noun.lower_, "noun")))

    if token.dep_ == "pobj" and head.lower_ == "as":
        if head.i and token.doc[head.i - 1].lower_ == "such":
            return False  # "attacks such as the metro attack": an example, an act of its own
        if head.head.pos_ == "NOUN" and act(head.head):
            return True  # the parser may hang "as" on the object: "the bombing as a war crime"
        head, role = head.head, "dobj"
    elif token.dep_ == "oprd":
        role = "dobj"
    elif token.dep_ == "attr" and head.lemma_ == "be":
        role = "nsubj"
    else:
        return False
    return any(c.dep_ == role and c != token and act(c) for c in head.children)


def find(doc: Doc, lex: Lexicon, is_place: Callable[[Token], bool],
         named_as: Callable[[Token], str | None], in_names: frozenset[int] = frozenset()) -> list[Found]:
    """Every trigger in the document, in text order; a word carries at most one event.
    `named_as`: the type of the entity that names a word (PERSON, GROUP), if one does;
    `in_names`: the indices of the words of organisations' names, which name no act."""
    lexicon = lex.triggers
    found = []
    taken: set[int] = set()
    lights: set[int] = set()  # light verbs taken by a noun, which the nouns coordinated with it share
    # the parts of speech that `_pos` takes, and modifiers, which may be gerunds (`_gerund_form`)
    words = lex.trigger_words
    for token in tokens_with(doc, pos=("VERB", "ADJ", "NOUN", "PROPN"), dep=("amod", "compound")):
        if token.i in in_names:
            continue  # "leads the Rally for a New Guinea": a party, not a rally
        if token.pos_ != "VERB" and token.ent_type_ in ("DATE", "TIME"):
            continue  # "agreed in March": a month, not a march
        if token.pos_ != "VERB" and token.dep_ not in ("amod", "compound") \
                and token.lower_ not in words and token.lemma_.lower() not in words:
            continue  # a noun or an adjective that no trigger is made of (most of them)
        pos = _pos(token)
        senses = _gerund_senses(token, lexicon) if token.dep_ in ("amod", "compound") else ()  # (_gerund_form)
        if senses:
            pos = "verb"  # "Removing sanctions will help", tagged a noun modifying its object
        elif pos is None:
            continue
        elif pos == "verb" and _nominal_gerund(token) and (token.lower_, "noun") in lexicon:
            pos, senses = "noun", lexicon[(token.lower_, "noun")]  # "ending fighting that began on Sunday"
        else:
            senses = lexicon.get((token.lemma_.lower(), pos)) or lexicon.get((token.lower_, pos)) \
                or pos == "verb" and lexicon.get((lex.verb_forms.get(token.lower_, ""), pos))
        if not senses:
            again = _happened_again(token, found) if pos == "verb" else None
            if again is not None:  # "Russia says it is drawing down its forces. We do not see that happening."
                found.append(again)
                taken.add(token.i)
            continue
        if token.i in taken:
            continue  # a light verb already carried by its noun ("restrictions were imposed")
        if pos == "noun" and _acted_on(token, lex, is_place, named_as):
            continue  # "the sanctions were lifted": told before the verb that acts on them
        if pos == "noun" and _characterizes(token, lexicon):
            continue  # "called the strike a massacre": the strike, said to be one
        if pos == "verb" and token.dep_ in ("amod", "compound") and not _misread_gerund(token, senses, lex.roles) \
                or pos == "noun" and token.dep_ == "compound" and token.head.lemma_.lower() not in ATTEMPTS:
            continue  # "the besieged town", "border patrol agents": describing, not telling (but "a coup attempt")
        if pos == "verb" and all(s.type == "ACCUSE" for s in senses) and not any(c.dep_ == "agent" for c in token.children) \
                and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children) \
                and (token.dep_ == "acl" and token.tag_ == "VBN"
                     or token.dep_ == "relcl" and any(c.dep_ == "auxpass" for c in token.children)):
            # "people accused of crimes", "those who had been accused of crimes": who they
            # are said to be, by no one named (not "an attack that was blamed on the UDD")
            continue
        light = _light_verb(token, lex.light_verbs, lex.roles) if pos == "noun" \
            else token.head if pos == "adj" else None
        if light is not None and light.i in taken and light.i not in lights:
            continue  # "imposed restrictions": "impose" carries the event already
        if pos == "noun" and _striving_for(token, lex) \
                or pos == "noun" and light is None and _a_kind_of_act(token, lex.roles) \
                or pos == "verb" and (_a_kind_of_conduct(token, lex.roles) or _said_to_be(token)) \
                or not (pos == "noun" and _has_argument(token)) \
                and _done_by_anyone(light if light is not None else token, lex.roles):
            # "for fear of reprisals", "those who support it": no one act; but "those who
            # carry out the regime's repression" tell the regime's
            continue
        for sense in senses:
            if _vetoed(token, sense) or not _needs_hold(token, sense, light, is_place, named_as, lex.roles, lex.hearsay):
                continue
            if sense.type in ATTITUDES and sense.mode != "agreement" and pos == "verb" \
                    and (_aimed(token) or _said_of_a_deed(token, lexicon)):
                continue
            # "led arrests, prosecutions and sentencings": the verb is in the first one's trigger
            found.append(_found(token, sense, light, shared=light is not None and light.i in lights))
            taken.add(token.i)
            if light is not None:
                taken.add(light.i)
                lights.add(light.i)
            # "lifted the sanctions", "eased the siege": the object the verb's sense names
            # is what it acts on, not an event of its own
            taken.update(o.i for o in _named_objects(token, sense))
            break
        else:
            sense = _named_again(token, senses, found) if pos == "noun" else None
            if sense is None and pos == "noun" and _undergone_noun(token):
                # "the convoy came under fire": fire that needs no more words to be an attack
                sense = next((s for s in senses if s.type == "ASSAULT" and not _vetoed(token, s)
                              and not _criticized(token.head.head, s)), None)
            if sense is not None:  # "a prisoner exchange ... The exchange will take place on Friday"
                found.append(_found(token, sense, light))
                taken.add(token.i)
    return found


# the nouns whose modifier names the act they try ("a coup attempt", "a bid to ..."): grammar's closed set
ATTEMPTS = {"attempt", "bid"}
# the verbs that tell someone came to be under an act ("came under fire", "was under attack"):
# grammar's closed set
UNDERGOING = {"come", "be", "remain", "fall"}


def _undergone_noun(noun: Token) -> bool:
    """Whether a noun is what someone "came under" or is "under" ("the convoy came under
    fire", "the town remained under shelling")."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "under" and noun.head.head.lemma_.lower() in UNDERGOING


def _criticized(verb: Token, sense: Trigger) -> bool:
    """Whether what one came under is words, by the prepositions of the verb and their
    nouns that the sense vetoes ("came under fire from lawmakers over the budget")."""
    return any(c.lower_ in sense.vetoes or any(g.dep_ == "pobj" and g.lemma_.lower() in sense.vetoes
                                               for g in c.children)
               for c in verb.children if c.dep_ == "prep")


def _named_again(noun: Token, senses: tuple[Trigger, ...], found: list[Found]) -> Trigger | None:
    """The sense of a definite noun with no words of its own to tell it by ("the exchange",
    "the swap"), that the article told an act by before: the last one told by a noun of that
    sense ("a prisoner exchange between the government and the rebels ... the exchange
    would take place on Thursday"), not the exchange of fire it may otherwise be."""
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children) \
            or any(c.dep_ in ("compound", "amod", "poss", "nmod") for c in noun.children) or _complements(noun, "of"):
        return None
    # only a word that means another thing without its object (an exchange of prisoners, of
    # fire); one that must say which happening it names ("the agreement", `arg`) names none.
    # Another such word of the same act may name it ("a prisoner exchange ... the swap")
    for before in reversed(found):
        told = before.trigger
        if before.word.i >= noun.i:
            continue
        # a deed told before by the verb of this noun ("the students were released ... the
        # release came a week after the abduction"; "exchanged prisoners ... the exchange"):
        # the noun names it again, though alone it must say which happening it names (not
        # a press release) or what it is of (not an exchange of fire)
        # (or by another verb of that very kind of deed, for a noun that must say which one it
        # names: "were freed ... the release"; not "the payment" after "handed over")
        again = next((s for s in senses if (s.type, s.mode) == (told.type, told.mode) and s.type in DEEDS
                      and before.word.pos_ == "VERB"
                      and (before.word.lemma_.lower() == noun.lemma_.lower() or told.mode is not None and any(
                          p.kind == "arg" for n in s.needs for p in n.parts()))), None)
        if again is not None:
            return again
        if before.word.pos_ != "NOUN" or not told.needs \
                or not all(p.kind == "obj" for n in told.needs for p in n.parts()):
            continue
        same = next((s for s in senses if (s.type, s.mode) == (told.type, told.mode) and s.needs
                     and all(p.kind == "obj" for n in s.needs for p in n.parts())), None)
        if same is not None:
            return same
    return None


# a clause that says an act happened, or did not, of a word that points back at it ("that
# never happened", "we do not see that happening"): grammar's closed sets
HAPPENING = {"happen", "occur"}
POINTING = {"that", "this", "it"}
# the acts that "it happened" may stand for: deeds, not talk ("speaking to PBS, he said:
# 'It happened under my watch'" is not the talk that happened)
DEEDS = {"ASSAULT", "COERCE", "RETREAT", "MOBILIZE", "PROTEST", "AID"}


def _happened_again(verb: Token, found: list[Found]) -> Found | None:
    """The act a pointing subject of "happen" stands for: the last one told, when the
    sentence right before told it ("Russia says it is drawing down its forces. We do not
    see that happening on the ground"; "The army said it had shelled the market. That never
    happened, residents said"). The verb carries it again, with its own factuality."""
    if verb.lemma_.lower() not in HAPPENING or not found \
            or not any(c.dep_ == "nsubj" and c.lower_ in POINTING for c in verb.children):
        return None
    before = found[-1]
    if before.word.sent.end != verb.sent.start or before.trigger.type not in DEEDS:
        return None
    return _found(verb, before.trigger, None)


def _acted_on(noun: Token, lex: Lexicon, is_place: Callable[[Token], bool],
              named_as: Callable[[Token], str | None]) -> bool:
    """Whether a noun is the subject of a passive whose verb names it as what it acts on
    ("these designations are being revoked"): the verb's event, told after it."""
    verb = noun.head
    if noun.dep_ != "nsubjpass" or verb.pos_ != "VERB":
        return False
    senses = lex.triggers.get((verb.lemma_.lower(), "verb")) or lex.triggers.get((verb.lower_, "verb")) or ()
    for sense in senses:
        if not _vetoed(verb, sense) and _needs_hold(verb, sense, None, is_place, named_as, lex.roles, lex.hearsay):
            return noun in _named_objects(verb, sense)
    return False


def _a_kind_of_act(noun: Token, roles: dict[str, str]) -> bool:
    """A bare event noun (no article, possessor, number or complement) after a word that
    makes it a kind of act (roles.tsv, `kind`): "for fear of reprisals", "freedom from
    repression and abuses", "those responsible for past atrocities"; not "responsible for
    this crackdown", one that happened."""
    first = noun
    while first.dep_ == "conj" and first.head.pos_ in ("NOUN", "PROPN"):
        first = first.head  # "freedom from repression and human rights abuses"
    if first.dep_ != "pobj" or any(c.dep_ in ("det", "poss", "nummod") for n in (noun, first) for c in n.children) \
            or _has_argument(noun) or first.head.head == first.head:
        return False
    prep = first.head
    # the parser may hang the preposition on the verb ("deserve freedom from repression"):
    # the word just before it then governs it as well
    governors = {prep.head, prep.doc[prep.i - 1]} if prep.i > 0 else {prep.head}
    return any("kind" in (roles.get(g.lemma_.lower()), roles.get(g.lower_)) for g in governors)


def _striving_for(noun: Token, lex: Lexicon) -> bool:
    """An effort whose infinitive names the act striven for (roles.tsv, `effort`: "their
    diplomatic efforts to mediate the talks"): the act is the event, not the effort."""
    if lex.roles.get(noun.lemma_.lower()) != "effort":
        return False
    return any(c.dep_ == "acl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
               and (c.lemma_.lower(), "verb") in lex.triggers for c in noun.children)


def _a_kind_of_conduct(verb: Token, roles: dict[str, str]) -> bool:
    """An infinitive that says what a noun of that kind is for (roles.tsv, `kind`): "the
    ability to protest", "the right to assemble": a kind of act, not one that happened."""
    return verb.dep_ == "acl" and verb.head != verb and any(c.dep_ == "aux" and c.lower_ == "to"
                                                                for c in verb.children) \
        and roles.get(verb.head.lemma_.lower()) == "kind"


def _said_to_be(verb: Token) -> bool:
    """A gerund that is the subject of a copula ("Paying ransom to kidnappers is a criminal
    offence", "Attacking civilians is a war crime"): what such an act is, not one that
    happened."""
    return verb.dep_ == "csubj" and verb.tag_ == "VBG" and verb.head.lemma_ == "be" \
        and not any(c.dep_ in ("nsubj", "poss") for c in verb.children)


def _aimed(verb: Token) -> bool:
    """An infinitive of purpose ("took to the streets to oppose", "retained to support"), or
    a participle that describes its noun ("a pillar supporting the rule of law")."""
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return True
    return verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _said_of_a_deed(verb: Token, lexicon: dict[tuple[str, str], tuple[Trigger, ...]]) -> bool:
    """A verb whose subject is a deed and not someone: a clause ("removing sanctions will
    support"), even one the parser read as a gerund modifying its object, or an event noun
    ("this deal supports their sovereignty", "the sanctions back the reformers")."""
    return any(c.dep_ == "csubj" or c.dep_ == "nsubj" and (any(
        _gerund_form(g) and g.i == c.left_edge.i for g in c.children)
        or c.pos_ == "NOUN" and (c.lemma_.lower(), "noun") in lexicon) for c in verb.children)


def _misread_gerund(verb: Token, senses: tuple[Trigger, ...], roles: dict[str, str] | None = None) -> bool:
    """A gerund the parser took for a modifier of its object ("Removing sanctions will help",
    "evaluate suspending sanctions"): one whose sense names that noun as what it acts on, or
    one right after a verb that owns or disowns a part in an act ("denied attacking
    civilians", roles.tsv), which takes the act, not people who attack."""
    if not _gerund_form(verb):
        return False
    if any(_named_objects(verb, sense) for sense in senses):
        return True
    noun = verb.head
    return roles is not None and noun.dep_ == "dobj" and noun.head.i == verb.i - 1 \
        and roles.get(noun.head.lemma_.lower()) in ("owns", "disowns")


def _gerund_form(token: Token) -> bool:
    return token.dep_ in ("amod", "compound") and (token.tag_ == "VBG" or token.lower_.endswith("ing"))


def _nominal_gerund(token: Token) -> bool:
    """Whether an "-ing" word the tagger took for a verb stands as a noun: where a noun
    stands, with no subject or object of its own ("fighting over the intake killed 21",
    "ending fighting that began on Sunday"; not "began shelling the town")."""
    return token.tag_ == "VBG" and token.dep_ in ("nsubj", "nsubjpass", "csubj", "dobj", "pobj", "xcomp") \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "obj", "dative", "attr", "aux", "auxpass")
                    for c in token.children)


def _gerund_senses(token: Token, lexicon: dict[tuple[str, str], tuple[Trigger, ...]]) -> tuple[Trigger, ...]:
    """The verb senses of an "-ing" word the tagger took for a noun or an adjective modifying
    its object ("evaluate suspending sanctions"), when one of them names that object."""
    if token.pos_ == "VERB" or not _gerund_form(token):
        return ()
    stem = token.lower_[:-3]
    for lemma in (stem, stem + "e", stem[:-1]):  # "suspending", "removing", "stopping"
        senses = lexicon.get((lemma, "verb"), ())
        if any(_named_objects(token, sense) for sense in senses):
            return senses
    return ()


def _done_by_anyone(verb: Token, roles: dict[str, str]) -> bool:
    """A clause that describes whoever does a thing (roles.tsv, `anyone`): "costs for those
    who support or carry out the repression", "those providing support to terrorists": a
    kind of conduct, not someone's act. Not what is done to them ("those who were
    detained", "those detained"): that happened to someone."""
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head
    if verb.dep_ not in ("relcl", "acl") or verb.head == verb or verb.tag_ == "VBN" \
            or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return False
    if verb.dep_ == "relcl" and not any(c.dep_ == "nsubj" and c.lower_ in ("who", "that") for c in verb.children):
        return False  # "those whom the regime detained": the regime acts
    return roles.get(verb.head.lower_) == "anyone"


def _named_objects(word: Token, sense: Trigger) -> list[Token]:
    """The objects of a trigger that its `obj=` need names by their word: "lifted the
    sanctions", "the suspension of arms deliveries"; and those coordinated with them, which
    the parser may hang on the last ("fired tear gas and water cannon": gas on cannon)."""
    words = {w for need in sense.needs for part in need.parts() if part.kind == "obj"
             for w in part.words} - {"ANY", "PLACE", "PERSON", "GROUP", "NUMBER"}
    if not words:
        return []
    objects = [x for o in _objects(word)
               for x in (o, *(c for c in o.children if c.dep_ == "conj" or c.dep_ == "nmod" and c.i < o.i))]
    return [o for o in objects if o.lemma_.lower() in words or o.lower_ in words]


def _pos(token: Token) -> str | None:
    if token.ent_type_ == "ORG":
        return None  # "the Organisation of Islamic Cooperation": a word of a name
    if token.pos_ == "VERB":
        return "verb"
    if token.pos_ == "ADJ" and token.dep_ == "acomp" and token.head.pos_ in ("AUX", "VERB"):
        return "adj"  # "we are grateful": its copula holds the clause, as a light verb does
    if token.pos_ == "NOUN" or token.pos_ in ("ADJ", "PROPN") and token.dep_ in NOMINAL_DEPS:
        return "noun"  # "launched a surprise offensive": the model may call the noun an adjective
    return None


def _light_verb(noun: Token, light_verbs: frozenset[str], roles: dict[str, str]) -> Token | None:
    """The light verb whose object the noun is ("conducted strikes", "strikes and raids"), or
    whose object is a batch of it (roles.tsv, `batch`: "announced the first tranche of
    sanctions", "held a new round of talks")."""
    while noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
        noun = noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and roles.get(noun.head.head.lemma_.lower()) == "batch":
        noun = noun.head.head
    head = noun.head
    if noun.dep_ in OBJECTS and head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in light_verbs:
        return head
    return None


def _vetoed(token: Token, sense: Trigger) -> bool:
    """A word next to the trigger gives it another sense: a modifier ("heart attack"), its
    object ("struck a deal", "met its targets"), its subject ("the earthquake hit"), the
    verb it governs ("declined to comment"), the object of its preposition ("fought
    against the virus") or, for a noun, the preposition it hangs from, alone or after its
    verb ("in violation of": `in`; "went on strike": `go on`), or the verb it is the object
    of ("defused a car bomb", "a car bomb was found")."""
    if not sense.vetoes:
        return False
    if token.dep_ == "pobj" and token.pos_ != "VERB":
        prep = token.head
        if prep.lower_ in sense.vetoes or f"{prep.head.lemma_.lower()} {prep.lower_}" in sense.vetoes:
            return True
    near: list[Token] = []
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ in OBJECTS and token.head.pos_ == "VERB":
        near.append(token.head)
    for c in token.children:
        if c.dep_ in MODIFIERS or c.dep_ in ("xcomp", "acomp", "oprd", "prt", "advmod"):
            near.append(c)  # "held accountable", "held down"
        elif c.dep_ in OBJECTS or c.dep_ in ("nsubj", "attr"):
            near += _object_words(c)
        elif c.dep_ in ("prep", "agent"):
            near += [w for g in c.children if g.dep_ == "pobj" for w in _object_words(g)]
    if token.pos_ == "VERB" and token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX") \
            and subject(token) is None and (shared := subject(token.head)) is not None:
        # a verb joined to another shares its subject: "attackers overran the camp and
        # marched the workers into the forest" (no protest)
        near += _object_words(shared)
    if token.pos_ == "VERB" and token.dep_ in ("acl", "relcl") and token.head != token and not any(
            c.dep_ == "nsubj" and c.lower_ not in ("which", "that", "who") for c in token.children):
        # the noun a clause describes is its subject: "sanctions targeting the regime's
        # officials", "an order which targets terrorists", "the storm that killed three"
        near += _object_words(token.head)
    return any(w.lemma_.lower() in sense.vetoes or w.lower_ in sense.vetoes for w in near)


def _needs_hold(token: Token, sense: Trigger, light: Token | None, is_place: Callable[[Token], bool],
                named_as: Callable[[Token], str | None], roles: dict[str, str], hearsay: dict[str, str]) -> bool:
    if not sense.needs:
        return True
    return any(all(_holds(token, part, light, is_place, named_as, roles, hearsay) for part in need.parts())
               for need in sense.needs)


def _holds(token: Token, need: Need, light: Token | None, is_place: Callable[[Token], bool],
           named_as: Callable[[Token], str | None], roles: dict[str, str], hearsay: dict[str, str]) -> bool:
    if need.kind == "light":
        return light is not None
    if need.kind == "evidence":  # "no traces of poison": what evidence would be of (hearsay.tsv `evidence`)
        return token.dep_ == "pobj" and token.head.lower_ == "of" \
            and hearsay.get(token.head.head.lemma_.lower()) == "evidence"
    if need.kind == "arg":
        return _has_argument(token) or _part_in_the(token, roles)
    if need.kind == "that":  # "agreed that their countries should cooperate"
        return any(c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                   for c in token.children)
    if need.kind == "xcomp":
        if token.pos_ != "VERB":  # "a pledge to withdraw"
            return any(c.dep_ == "acl" and c.pos_ in ("VERB", "AUX") and any(a.lower_ == "to" for a in c.children)
                       for c in token.children)
        return any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for c in token.children)
    if need.kind == "prt":
        # "brought home", "pulled back": the model may call it an adverb; or, before another
        # preposition and with no object, one itself ("pulled out of the camp", not "pulled
        # a boy out of the rubble")
        alone = not any(c.dep_ == "dobj" for c in token.children)
        return any((c.dep_ in ("prt", "advmod") or alone and c.dep_ == "prep" and any(g.dep_ == "prep" for g in c.children))
                   and c.lower_ in need.words for c in token.children)
    if need.kind == "prep":  # "call on" is sometimes parsed with a particle, "paid it to them" as a dative
        return any(c.dep_ in ("prep", "agent", "prt", "dative") and _prep_holds(c, need.words, named_as, is_place)
                   for c in token.children) \
            or any(m.dep_ == "mark" and m.lower_ in need.words and m.i < c.i  # "call for both sides to observe"
                   for c in token.children if c.dep_ in ("advcl", "ccomp") and c.i > token.i for m in c.children)
    if need.kind == "subj":
        subjects = _shared_subjects(token, "nsubj") if token.pos_ == "VERB" \
            else _nominal_subjects(token) + _taking_part(token, roles)
        if light is not None and token.pos_ != "VERB":  # "gunmen carried out the raid": the light verb's subject
            subjects += [c for c in light.children if c.dep_ == "nsubj"]
        return any(named_as(c) in need.words or "PLACE" in need.words and is_place(c)
                   # "more than 40 soldiers died", "six of them have died": people counted
                   or "NUMBER" in need.words and (c.like_num or any(g.dep_ == "nummod" for g in c.children)) or any(
            w.lemma_.lower() in need.words or w.lower_ in need.words or w.lower_.removesuffix("s") in need.words
            for w in _object_words(c)) for c in subjects)  # "Rebels entered": a proper noun at the start
    if need.kind == "mod":
        # "air strike"; "was taken hostage", "the guns fell silent": what the one taken, or they, became
        return any((c.dep_ in MODIFIERS or c.dep_ in ("oprd", "acomp"))
                   and (c.lemma_.lower() in need.words or c.lower_ in need.words) for c in token.children)
    # obj
    objects = _objects(token)
    if "ANY" in need.words and (_complements(token, "of") if token.pos_ != "VERB" else objects):
        return True  # a noun's object is its "of": "an offer of talks", not "a takeover offer"
    for obj in objects:
        if "PLACE" in need.words and is_place(obj) or "PERSON" in need.words and named_as(obj) == "PERSON":
            return True
        if "NUMBER" in need.words and obj.like_num and not any(c.dep_ == "prep" for c in obj.children):
            return True  # "the 40 will be freed": people counted (not "40 of the hostages", whose noun says who)
        if any(w.lemma_.lower() in need.words or w.lower_ in need.words or w.lower_.removesuffix("s") in need.words
               for w in _object_words(obj)):
            return True  # "these Americans": the tagger may leave a name's plural as it is
    return False


def _objects(token: Token) -> list[Token]:
    """A word's objects; a verb of a coordination without its own takes those the
    coordination shares ("continue to detain, harass and threaten mothers of detainees").
    A noun's are its "of" complement and the noun before it ("the delivery of arms",
    "arms deliveries")."""
    if _gerund_form(token):
        return [token.head]  # a gerund read as its object's modifier ("suspending sanctions")
    if token.pos_ != "VERB":
        return [c for c in token.children if c.dep_ == "compound"] + _complements(token, "of")
    own = [c for c in token.children if c.dep_ in OBJECTS]
    if not own and reduced_passive(token):
        return [token.head]  # "the persons designated today", "the villages destroyed"
    if not own and token.dep_ == "conj" and any(c.dep_ == "auxpass" for c in token.children) \
            and (_undergone(token.head) or token.head.pos_ in ("VERB", "AUX")):
        # a passive coordinated with one before it, whose subject it shares ("the town was
        # shelled and burned", "the mayor stepped off the stage and was shot"), or with a
        # participle that describes its subject, which the parser took for the main verb
        # ("seven drivers abducted last week were freed")
        own = [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not own and any(c.dep_ == "auxpass" for c in token.children):
        # a passive whose subject the parser took for an active one's, as it does where the
        # relative clause has a saying of its own ("a guard who they said had been shot")
        own = [c for c in token.children if c.dep_ == "nsubj"]
    if own:
        # "a convoy of 14 trucks that had been held at a checkpoint": what "that" stands for
        return [stands_for(token, c) if c.lower_ in RELATIVES else c for c in own]
    # "allowed the candidate to run", parsed with the candidate as the subject of an
    # infinitive clause: the one allowed is the verb's object (not in a participle that
    # describes a thing: "a licence allowing him to buy a gun")
    own = [g for c in token.children if c.dep_ == "ccomp" and token.dep_ != "acl"
           and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for g in c.children if g.dep_ == "nsubj"]
    if own:
        return own
    first = token
    while first.dep_ == "conj" and first.head.pos_ == "VERB":
        first = first.head
    verbs, todo = [], [first]  # every verb of the coordination: "detain, harass and threaten" chain
    while todo:
        verb = todo.pop()
        verbs.append(verb)
        todo += [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    return [c for verb in verbs if verb != token for c in verb.children if c.dep_ in OBJECTS]


def _undergone(verb: Token) -> bool:
    """Whether a verb tells what its subject underwent: a passive, or (with no "and"
    joining it to the passive after it, which the parser took for its conjunct) a
    participle that describes its subject ("drivers abducted last week were freed")."""
    return verb.pos_ == "VERB" and (any(c.dep_ == "auxpass" for c in verb.children)
                                    or verb.tag_ in ("VBN", "VBD") and not any(c.dep_ in ("aux", "cc", "dobj")
                                                                              for c in verb.children))


def _prep_holds(prep: Token, words: frozenset[str], named_as: Callable[[Token], str | None],
                is_place: Callable[[Token], bool]) -> bool:
    """`prep=with`: the preposition, but not "on" a day ("called on Monday"); `prep=to:street`: the preposition with that noun ("took to the streets");
    `with:PERSON`: with a person ("spoke with the minister's envoy"); `into:PLACE`, with a
    place ("moved into northern Syria", not "into recession")."""
    # (and the gerund the parser may give as its complement: "held for questioning")
    nouns = [g for g in prep.children if g.dep_ in ("pobj", "pcomp")]
    if prep.lower_ in words:
        # a day is when, not what: "called on Monday" (but "sentenced to ten years")
        return not (prep.lower_ == "on" and of_a_time(prep))
    return any(f"{prep.lower_}:{n.lemma_.lower()}" in words or f"{prep.lower_}:{n.lower_}" in words
               or f"{prep.lower_}:PERSON" in words and named_as(n) == "PERSON"
               or f"{prep.lower_}:PLACE" in words and is_place(n) for n in nouns)


def reduced_passive(verb: Token) -> bool:
    """A participle that describes the noun it is done to ("the persons designated today",
    "a protester being shot"), not a clause of its own ("rumours that the president had left"),
    nor a verb with an object, which the parser hung on a noun as a participle ("Gunmen
    armed with rifles and machetes killed 23 civilians"). The tagger may give a participle
    that is also a past tense its tag ("young men shot in the chest")."""
    return verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD") and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "dobj", "obj") or c.dep_ == "auxpass" and c.lower_ != "being"
        for c in verb.children)


def _complements(noun: Token, *prepositions: str) -> list[Token]:
    return [g for c in noun.children if c.dep_ in ("prep", "agent") and c.lower_ in prepositions
            for g in c.children if g.dep_ == "pobj"]


def _nominal_subjects(noun: Token) -> list[Token]:
    """Who does what a noun names: its possessive, "by", or "of" ("the rebels' entry", "the
    arrival of peacekeepers")."""
    return [c for c in noun.children if c.dep_ == "poss"] + _complements(noun, "by", "of")


def _taking_part(noun: Token, roles: dict[str, str]) -> list[Token]:
    """Who takes part in what a noun names ("some 200 gunmen took part in the raid",
    "fighters participated in the raid", "the men involved in the raid"): the subject of a
    verb of joining it (roles.tsv `joins`), of one that holds a part in it (an `agency`
    noun: "took part in", "played a role in"), or of being involved in it."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "in":
        return []
    holder = noun.head.head
    if roles.get(holder.lemma_.lower()) in ("joins", "agency") and holder.pos_ != "VERB":
        holder = holder.head  # "took part in", "played a role in": the part's verb
    elif any(c.dep_ == "dobj" and roles.get(c.lemma_.lower()) in ("joins", "agency") for c in holder.children):
        pass  # the same, with "in" hung on the verb
    elif holder.lemma_.lower() == "involve":
        return _shared_subjects(holder, "nsubjpass") or \
            ([holder.head] if holder.dep_ == "acl" else [])  # "the men involved in the raid"
    elif roles.get(holder.lemma_.lower()) != "joins":
        return []
    return _shared_subjects(holder, "nsubj")


def _shared_subjects(verb: Token, dep: str) -> list[Token]:
    """A verb's subjects of that relation; a verb coordinated with one before it, with no
    subject of its own, shares that one's ("these officials led arrests ... and were
    involved in raids")."""
    own = [c for c in verb.children if c.dep_ == dep]
    while not own and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        verb = verb.head
        own = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return own


def _has_argument(noun: Token) -> bool:
    """Whether a noun names one happening by who or what it concerns, or where: a
    possessive ("Iran's detention of", "today's meeting"), a name before it ("the ECOWAS
    summit"), a demonstrative that points back at it ("this deal"), a complement with its
    noun ("the detention of journalists", "talks with the rebels", "the discussions in
    Geneva") or a participle that says by whom ("talks brokered by a priest"); not a kind
    of thing ("detention is a tool of repression")."""
    return any(c.dep_ == "poss" or c.dep_ == "compound" and c.pos_ == "PROPN"  # "the ECOWAS summit"
               or c.dep_ == "det" and c.lower_ in DEMONSTRATIVES  # "this deal": one told before
               or c.dep_ in ("prep", "agent") and c.lower_ in ARGUMENT_PREPOSITIONS
               and any(g.dep_ in ("pobj", "pcomp") for g in c.children)  # "talks on ending"
               or c.dep_ == "acl" and c.tag_ == "VBN" and any(g.dep_ == "agent" for g in c.children)
               for c in noun.children)  # "talks brokered by a priest": who made them says which


def _part_in_the(noun: Token, roles: dict[str, str]) -> bool:
    """Whether a noun with "the" is what a part is taken in or owned ("played no part in the
    looting", "denied any involvement in the killing", "was involved in the shelling"):
    one happening, told before, that the part points back at (roles.tsv `agency` nouns and
    `holds` verbs)."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("in", "for") \
            or not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return False
    return roles.get(noun.head.head.lemma_.lower()) in ("agency", "holds")


def _object_words(obj: Token) -> list[Token]:
    """The object and the words that say what it is: "aid deliveries", "tons of food aid",
    "part of a military aid programme"."""
    words = [obj, *(c for c in obj.children if c.dep_ in ("compound", "amod"))]
    for prep in obj.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for noun in prep.children:
                if noun.dep_ == "pobj":
                    words += [noun, *(c for c in noun.children if c.dep_ in ("compound", "amod"))]
    return words


def _clause_between(noun: Token, light: Token) -> bool:
    """Whether another verb stands between a noun and its light verb ("the airstrike that
    killed the emir was carried out"): the trigger is then the noun alone, not the clause."""
    lo, hi = sorted((noun.i, light.i))
    return any(t.pos_ == "VERB" for t in noun.doc[lo + 1:hi])


def _found(token: Token, sense: Trigger, light: Token | None, shared: bool = False) -> Found:
    first, last = token, token
    if light is not None and not shared and not _clause_between(token, light):
        first, last = (light, token) if light.i < token.i else (token, light)
    elif sense.pos == "noun":
        # "air strikes", "artillery and rocket fire": the noun with the words that name it
        for child in token.lefts:
            if child.dep_ in ("compound", "amod") and child.i < first.i:
                first = child
    else:
        for child in token.children:
            if child.i > last.i and (child.dep_ == "prt" or child.dep_ in OBJECTS and child.i == token.i + 1):
                last = child  # "pull out", "took control", "opened fire"
    return Found(token, sense, light, first.idx, last.idx + len(last.text))
