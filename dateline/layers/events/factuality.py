"""Whether the text says an event happened: asserted, claimed, denied or possible.

The event's own clause speaks first: a modal ("could", "will", "must not be allowed to")
or a governing verb of intent, threat or request ("threatened to strike", "urged them to
withdraw", "plans to") makes it possible; a negation ("did not withdraw") denies it. Then
the statement that holds it: under a claim it is claimed, under a denial denied ("denied
that the army had withdrawn"). An event told as the matter of a report ("rumours about
the president leaving") or hedged ("reportedly") is claimed; it is denied when the report
is called false or is denied, and a rumour when it is condemned: "condemned rumours that
the president had left" says he had not. Promises and offers ("agreed to withdraw",
"ready to help") are commitments: PLOVER codes a cooperative act so governed as AGREE.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ...syntax import DEFINITE, RELATIVES, SEQUENCE, find_child, none_of, singular
from .lexicon import Lexicon
from .triggers import Found

GOVERNED_BY = ("xcomp", "ccomp", "advcl", "acl", "pcomp", "pobj", "prep", "acomp", "conj")
# an act that follows another is as sure as its following: "the truce would be followed by
# the delivery of aid" (not "will not be deterred by these attacks", which happened)
FOLLOWING = {"follow", "precede"}
CONDITIONS = {"if", "unless"}
# the verbs that say only that an act occurs or sets in, whose modality is the act's:
# "the exchange would take place", "aid deliveries are expected to resume" (grammar's closed set)
OCCURRING = {"happen", "occur", "take place", "begin", "start", "resume", "restart", "commence", "go ahead"}
# a noun after these says when or why, not what is intended: "vowed revenge after the
# raid" (the raid happened); "called for a ceasefire", "threatened with sanctions", "ready to
# take part in talks" do not stop
ADJUNCTS = {"after", "before", "since", "during", "following", "amid", "amidst", "despite", "until", "over"}


@dataclass
class Modality:
    possible: bool = False
    negated: bool = False
    commit: bool = False       # governed by a promise, an offer, an agreement
    refused: bool = False      # governed by "refused to", "declined to", "failed to"
    future: bool = False       # "will", "shall"
    conditional: bool = False  # "... if they attack again", "... unless the president steps down"
    unless: bool = False       # the condition is what must happen to avert it: a threat
    governor: Token | None = None  # the word of intent, threat or request above the event
    hearsay: str | None = None  # the event is the matter of a report: hearsay | rumour | false
    hedged: bool = False  # "the army reportedly withdrew"


def modality_of(found: Found, lex: Lexicon) -> Modality:
    words = lex.modality
    out = Modality()
    verb = found.clause
    if found.light is None and found.word.dep_ in ("nsubj", "nsubjpass"):
        # the act is as sure as its occurring: "the exchange would take place", "deliveries
        # are to resume", and the raised subject of "talks are expected to begin"
        head = found.word.head
        occurs = next((v for v in (head, *(c for c in head.children if c.dep_ == "xcomp")) if _occurring(v)), None)
        verb = occurs if occurs is not None else verb
    for child in verb.children:
        word = child.lower_
        if child.dep_ == "neg":
            out.negated = True
        elif child.dep_ in ("aux", "auxpass") and words.get(word) == "possible":
            out.possible = True
            out.future = out.future or word in lex.future
        elif (child.dep_ == "advmod" or child.dep_ == "amod" and verb.pos_ == "NOUN") and lex.hearsay.get(word) == "hedge":
            out.hedged = True
        elif child.dep_ == "mark" and word in CONDITIONS:
            out.possible = True
        elif child.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in CONDITIONS for g in child.children):
            out.conditional = True  # the event depends on another: a threat or an offer
            out.unless = out.unless or any(g.dep_ == "mark" and g.lower_ == "unless" for g in child.children)
    if none_of(found.word) or found.word.pos_ in ("VERB", "AUX") and any(
            c.dep_ in ("nsubj", "nsubjpass", "dobj") and none_of(c) for c in found.word.children):
        # "there are no negotiations", "no attack took place", "no soldiers were killed",
        # "killed no one", "no missile struck the ship"
        out.negated = True
    if found.light is None and found.word.dep_ == "nsubjpass" \
            and words.get(_phrasal(found.word.head)) == "off":
        out.negated = True  # "the visit was postponed", "the march has been called off"
        out.governor = found.word.head
    place = found.word.head  # "he is not in custody", "was never under arrest": the copula's negation
    if found.word.dep_ == "pobj" and place.dep_ == "prep" and place.lower_ in ("in", "under") \
            and place.head.lemma_ == "be" and any(c.dep_ == "neg" for c in place.head.children):
        out.negated = True
    be = verb.head
    if verb.dep_ == "relcl" and be.dep_ == "attr" and be.head.lemma_ == "be" \
            and any(c.dep_ == "neg" for c in be.head.children):
        out.negated = True  # "we are not bandits who attack prisons", "they are not the ones who fired"
    if found.light is None and verb.dep_ == "attr" and be.lemma_ == "be" \
            and any(c.dep_ == "expl" for c in be.children):
        # "there will be more protests", "there were no strikes": the noun's modality is its verb's
        for child in be.children:
            if child.dep_ == "aux" and words.get(child.lower_) == "possible":
                out.possible = True
                out.future = out.future or child.lower_ in lex.future
            elif child.dep_ == "neg":
                out.negated = True
    if found.light is None and found.word.pos_ in ("NOUN", "PROPN"):
        # "warned of a possible attack", "an attack is highly likely", "another attack was
        # possible": a prospect, told by the noun's adjective or its copula's
        prospects = [c for c in found.word.children if c.dep_ == "amod"]
        if found.word.dep_ in ("nsubj", "nsubjpass") and found.word.head.lemma_ == "be":
            prospects += [c for c in found.word.head.children if c.dep_ == "acomp"]
        if any(words.get(c.lower_) == "possible" for c in prospects) and not (out.negated and out.governor is not None):
            # not "the convoy, due to leave on Wednesday, was called off": what was to come did not
            out.possible = True
    # "will open a corridor to evacuate patients": a purpose is as sure as its act ("met
    # officials to discuss the crisis": they discussed it), and no promise of its own
    act = _purpose_of(verb.head if verb.dep_ == "conj" else verb)  # "to enter and deploy"
    if act is not None and any(c.dep_ in ("aux", "auxpass") and words.get(c.lower_) == "possible"
                               or c.dep_ in ("dobj", "nsubjpass") and words.get(c.lemma_.lower()) == "possible"
                               or c.dep_ == "prep" and any(words.get(n.lemma_.lower()) == "possible"
                                                           for n in c.children if n.dep_ == "pobj")
                               for c in act.children):
        # and what an agreement is for has not happened yet: "an agreement has been reached
        # for the army to enter the town", "entered into an agreement for the army to
        # deploy", whatever tense the reaching is told in
        out.possible = True
    # climb through the words that govern the clause, up to the sentence's main verb
    token, steps = verb, 0
    # "called for an investigation into the strike", "an end to the attacks": a definite
    # event noun inside another noun's phrase is told as done, whatever is asked of that noun
    presupposed = found.light is None and found.word.pos_ == "NOUN" and any(
        c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in DEFINITE
        for c in found.word.children)
    through_noun = False
    # "threatened new raids": a noun event is governed by the verb whose object it is, when
    # that verb governs nouns so (modality.tsv); not "called the attack an act of terror"
    while (token.dep_ in GOVERNED_BY or token.dep_ == "agent" and token.head.lemma_ in FOLLOWING
           or token.dep_ == "dobj" and token == found.word and token.pos_ != "VERB"
           and (_phrasal(token.head) in lex.governs_nouns or token.head.lemma_.lower() in lex.governs_nouns)) \
            and token.head != token and steps < 4:
        if token.dep_ == "pobj" and token.head.lower_ in ADJUNCTS:
            break
        # "the movement of aid": a noun's "of" is one step with it
        head, steps = token.head, steps + (token.dep_ != "prep" or token.lower_ != "of")
        if token.dep_ == "ccomp" and head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in lex.asserting \
                and head.dep_ != "xcomp" \
                and not any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in token.children):
            # "rejected the accusation, saying its fighters had not shelled the hospital": what
            # a saying tells is as its own words tell it, whatever governs the saying; not a
            # saying that is itself refused or promised ("declined to confirm that ...",
            # "refused to say whether ...")
            break
        effect = words.get(_phrasal(head)) or words.get(head.lemma_.lower()) or words.get(head.lower_) \
            or (words.get(f"{head.lemma_.lower()} {token.lower_}") if token.dep_ == "prep" else None)  # "warn against"
        if not effect and token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            # "preparations were under way to release them", "plans are in place to withdraw":
            # the noun the purpose is said of governs the act, as in "plans to withdraw"
            effect = next((words.get(c.lemma_.lower()) for c in head.children
                           if c.dep_ in ("nsubj", "nsubjpass") and words.get(c.lemma_.lower())), None)
        if effect == "aim" and not (token is verb and token.dep_ in ("advcl", "acl") and token.tag_ == "VB"
                                    and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)):
            # "launched their largest attack, targeting ships": done, not aimed at; "deployed
            # to verify compliance with the truce": the truce is, whatever is aimed at
            effect = None
        if effect and through_noun and presupposed:
            break
        through_noun = through_noun or head.pos_ == "NOUN"
        if effect == "off":
            if token is not found.word or token.dep_ != "dobj":
                effect = None  # "was postponed, as each side blamed the other": the blaming was done
            else:
                out.negated = True  # "postponed the visit", "called off the convoy"
                out.governor = out.governor or head
                break
        if effect == "claim":
            # "claimed to have captured the town": passed on by whoever claims it, not vouched for
            out.hedged = out.hedged or token.dep_ == "xcomp"
            break
        if effect and token.dep_ != "conj":
            if token.dep_ == "xcomp" and any(c.dep_ == "neg" for c in head.children) \
                    or token.dep_ == "acl" and none_of(head):
                out.negated = True  # "did not want to thank", "does not plan to withdraw", "no plans to attack"
            out.governor = out.governor or head
            if effect == "commit":
                out.commit = True
            if effect == "refuse":
                out.refused = True
            out.possible = True
            break
        if any(c.dep_ == "neg" for c in head.children) and (
                token.dep_ in ("xcomp",) or token.dep_ == "ccomp" and head.lemma_.lower() in PERCEIVING):
            out.negated = True  # and what is not seen ("we do not see that happening on the ground")
        if any(c.dep_ in ("aux", "auxpass") and words.get(c.lower_) == "possible" for c in head.children) \
                and token.dep_ in ("xcomp", "conj", "agent"):  # "agent": of FOLLOWING only
            out.possible = True
            out.future = out.future or any(c.lower_ in lex.future for c in head.children if c.dep_ == "aux")
        token = head
    out.hearsay = _hearsay(verb, lex)
    return out


def _circumstance(found: Found, lex: Lexicon) -> bool:
    """Whether an event noun only tells the circumstance of another act ("killed in
    Israeli strikes", "wounded during the shelling") or the act it is timed by ("hours
    before the attack", "ahead of the talks"): what a denial of that act takes as given,
    not what it denies. Not an act taken part in ("denied taking part in the attack")."""
    word = found.word
    if found.light is None and word.pos_ == "NOUN" and word.dep_ == "pobj" and (
            word.head.lower_ in SEQUENCE or word.head.lower_ == "of" and word.head.head.lower_ == "ahead"):
        return True  # "had abandoned a checkpoint hours before the attack": the attack is given
    if found.light is None and word.pos_ == "NOUN" and word.dep_ == "pobj" \
            and word.head.lower_ in ("in", "during", "amid") and word.head.head.pos_ == "VERB":
        verb = word.head.head
        return not any(lex.roles.get(w.lemma_.lower()) in ("joins", "agency")  # "took part in"
                       for w in (verb, *(c for c in verb.children if c.dep_ == "dobj")))
    return False


def _occurring(verb: Token) -> bool:
    return _phrasal_with(verb, "place") in OCCURRING or _phrasal(verb) in OCCURRING


def _phrasal_with(verb: Token, word: str) -> str:
    """A verb's lemma with `word` when it is the verb's object: "take place"."""
    return f"{verb.lemma_.lower()} {word}" if any(c.dep_ == "dobj" and c.lower_ == word for c in verb.children) \
        else verb.lemma_.lower()


def _phrasal(verb: Token) -> str:
    """A verb's lemma with its particle, as modality.tsv may list it: "rule out"."""
    particle = find_child(verb, ("prt",))
    return f"{verb.lemma_.lower()} {particle.lower_}" if particle is not None else verb.lemma_.lower()


def _blamed_for(found: Found, lex: Lexicon) -> bool:
    """Whether an event noun is what someone is blamed "for", or what is blamed on someone
    ("blamed the shelling on the army"; roles.tsv `blames`)."""
    word = found.word
    if found.light is not None:
        return False
    if word.dep_ == "pobj" and word.head.lower_ == "for":
        return lex.roles.get(word.head.head.lemma_.lower()) == "blames"
    return word.dep_ in ("dobj", "obj") and lex.roles.get(word.head.lemma_.lower()) == "blames" \
        and any(c.dep_ == "prep" and c.lower_ == "on" for c in (*word.head.children, *word.children))


def _fated(found: Found, lex: Lexicon) -> bool:
    """Whether an event noun is the subject of a verb that tells what became of it ("the
    talks had stalled", roles.tsv `fate`; the tagger may take "talks" for a verb): what a
    denial of that takes as given."""
    word = found.word
    return found.light is None and word.dep_ == "nsubj" \
        and lex.roles.get(word.head.lemma_.lower()) == "fate"


def _purpose_of(clause: Token) -> Token | None:
    """The act an infinitive of purpose is the purpose of: "open" for "to evacuate" in
    "will open a corridor to evacuate patients", whether the parser hangs the infinitive
    on the verb or on its object ("a corridor to evacuate")."""
    if clause.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return None
    if clause.dep_ == "advcl":
        return clause.head
    noun = clause.head
    if clause.dep_ in ("acl", "relcl") and noun.pos_ == "NOUN" and noun.dep_ in ("dobj", "pobj", "nsubjpass") \
            and noun.head.pos_ in ("VERB", "AUX"):
        return noun.head
    return None


REPORTED_BY = ("acl", "pcomp", "prep", "pobj", "ccomp", "conj")
# the verbs of seeing, which, negated, deny what they govern (grammar's closed set)
PERCEIVING = {"see", "witness", "observe", "notice"}


def _kind(token: Token, lex: Lexicon) -> str | None:
    kind = lex.hearsay.get(token.lemma_.lower()) or lex.hearsay.get(token.lower_)
    # a noun of evidence only as a noun: "signed a deal", "traced the calls" are no evidence
    return None if kind == "evidence" and token.pos_ not in ("NOUN", "PROPN") else kind


def _hearsay(verb: Token, lex: Lexicon) -> str | None:
    """The kind of report the event is the matter of, if any ("reports that ...",
    "rumours and false news about ... leaving"): the strongest of the report nouns above
    it and their conjuncts, `false` when an adjective calls one false or evidence of it is
    wanting ("no evidence that ...")."""
    token, steps = verb, 0
    if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ in ("NOUN", "PROPN") and token.head.pos_ in ("VERB", "AUX"):
        # "no evidence the attacks came from Yemen": a noun event is reported by way of the
        # clause it is the subject of
        token = token.head
    if _called_a_lie(token, lex):
        return "false"
    stranded = _stranded(token, lex)
    if stranded is not None:
        return _report_kind(stranded, lex)
    while (token.dep_ in REPORTED_BY or _content_clause(token) or _of_a_report(token, token.head)) \
            and token.head != token and steps < 4:
        below, token, steps = token, token.head, steps + 1
        if token.pos_ in ("VERB", "AUX") and _of_a_report(below, token):
            # "credible reports are emerging of children being transferred": what the report
            # noun that is the verb's subject is of
            told = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and _kind(c, lex)]
            if told:
                return _report_kind(told[0], lex)
        if token.pos_ not in ("NOUN", "PROPN") and (_kind(token, lex) is None or _asserts(token, lex)):
            # a verb or preposition on the way ("reports" tagged as a verb is still a report;
            # "QNA reported that ..." is a source's saying, which asserts what it tells)
            continue
        if below.dep_ == "acl" and below.pos_ == "VERB" and token.dep_ == "pobj" and token.head.lower_ == "of" \
                and _kind(token, lex) is None:
            # "reports of civilians shot in the back": the people the act is told of, in the
            # report's "of"; the report noun decides
            continue
        return _report_kind(token, lex)  # the nearest noun above decides: "the attack on the town that ..." is no report
    return None


def _of_a_report(below: Token, verb: Token) -> bool:
    """Whether a phrase hangs from a verb as what its "of" or "about" tells: the preposition
    itself, or a clause right after a preposition the parser left bare ("are emerging of
    children being transferred", the clause hung on the verb)."""
    if below.dep_ == "prep":
        return below.lower_ in ("of", "about")
    before = below.doc[below.left_edge.i - 1] if below.left_edge.i > 0 else None
    return below.dep_ in ("advcl", "ccomp") and before is not None and before.head == verb \
        and before.dep_ == "prep" and before.lower_ in ("of", "about") and not list(before.children)


def _asserts(token: Token, lex: Lexicon) -> bool:
    """Whether a word is a verb by which someone asserts what it tells ("QNA reported
    that ..."): one of the asserting cues, with a subject; not a report noun the tagger
    took for a verb, nor a claim ("claimed they have public support")."""
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in lex.asserting \
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


def _report_kind(token: Token, lex: Lexicon) -> str | None:
    """The kind of report a noun and its conjuncts make of what they tell, if any."""
    nouns = [token, *(c for c in token.children if c.dep_ == "conj")]
    if token.dep_ == "conj":
        nouns.append(token.head)
    kinds = {_kind(n, lex) for n in nouns}
    if "evidence" in kinds:
        # "no evidence that Iran attacked", "found no trace of poison": what is found
        # wanting is told as untrue; evidence found is no report, and tells nothing
        kinds = {"false" if kind == "evidence" and any(_wanting(n) for n in nouns) else kind
                 for kind in kinds} - {"evidence"}
    kinds |= {"false" for n in nouns for c in n.children
              if c.dep_ == "amod" and lex.hearsay.get(c.lemma_.lower()) == "false"}
    # or a verb calls them so: "reports of a strike on the hospital were false", "the
    # claim that the army withdrew is a lie"
    kinds |= {"false" for n in nouns if n.dep_ in ("nsubj", "nsubjpass") for c in n.head.children
              if c.dep_ in ("acomp", "attr") and lex.hearsay.get(c.lemma_.lower()) in ("false", "rumour")}
    for kind in ("false", "rumour", "hearsay"):
        if kind in kinds:
            return kind
    return None


def _stranded(clause: Token, lex: Lexicon) -> Token | None:
    """The report noun a "that" clause tells the matter of when the parser hung the clause
    elsewhere: from the verb ("heard rumours on Friday that the governor had left", "ending
    days of claims that she had fled") or from the noun the report noun is of ("days of
    claims that she had fled"). It is the nearest report noun before the clause in a phrase
    of what the clause hangs from."""
    if not (clause.dep_ == "ccomp" or _content_clause(clause)) \
            or not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
        return None
    head, start = clause.head, clause.left_edge.i
    for token in reversed(head.doc[head.i + 1:start]):
        if token.pos_ in ("NOUN", "PROPN") and _kind(token, lex) in ("hearsay", "rumour") and _phrase_of(token, head):
            return token
    return None


def _phrase_of(noun: Token, head: Token) -> bool:
    """Whether a noun is the object of a word, or in a phrase of it ("days of claims")."""
    while noun.dep_ in ("dobj", "pobj", "prep") and noun.head != head:
        noun = noun.head
    return noun.head == head and noun.dep_ in ("dobj", "pobj", "prep")


def _called_a_lie(clause: Token, lex: Lexicon) -> bool:
    """Whether a clause is what a copula calls a lie, a fabrication or false: "the biggest
    lie is that ISIS is defeated". (In "it is a lie that the army withdrew" the small model
    reads a relative clause of "lie", and the withdrawal stays told.)"""
    if clause.dep_ not in ("ccomp", "attr") or clause.head.lemma_ != "be":
        return False
    return any(c.dep_ in ("nsubj", "attr", "acomp") and c != clause and _kind(c, lex) in ("rumour", "false")
               for c in clause.head.children)


def _content_clause(verb: Token) -> bool:
    """Whether a clause the parser hung from a noun as a relative clause tells what the noun
    says, having no relative word of its own ("no evidence the attacks came from Yemen"; not
    "the report that the ministry issued")."""
    return verb.dep_ == "relcl" and not any(
        c.tag_ in ("WDT", "WP", "WP$", "WRB") or c.lower_ == "that" and c.dep_ in ("nsubj", "nsubjpass", "dobj")
        for c in verb.children)


def _wanting(noun: Token) -> bool:
    """Whether a noun of evidence is found wanting: "no evidence", "did not find any trace",
    "there was not a sign"."""
    return none_of(noun) or noun.dep_ in ("dobj", "attr", "nsubj", "nsubjpass") \
        and any(c.dep_ == "neg" for c in noun.head.children)


# "had nothing to do with the attack": the pronoun that says the part is none, or some
# (grammar's closed set)
NO_PART = {"nothing": "disowns", "anything": "disowns", "something": "holds"}


def part_in(word: Token, lex: Lexicon) -> tuple[Token, str] | None:
    """The verb that claims, denies or holds a part in the event a noun names, and how
    (`owns`, `disowns` or `holds`, data/events/roles.tsv): "the group claimed responsibility
    for the bombing", "Iran denied any involvement in the attacks", "it had no role in the
    attack" and "we have nothing to do with this attack" (disowns), "it had a role in the
    attack" (holds: told as its saying tells it)."""
    if word.dep_ != "pobj" or word.head.lower_ not in ("for", "in", "with"):
        return None
    held = _part_held(word.head, lex)
    if held is not None:
        return held
    if word.head.lower_ == "with":
        return None
    noun = word.head.head
    if noun.pos_ in ("VERB", "AUX"):
        # the preposition hung on the verb, past a time: "claimed responsibility on Monday
        # for the bombing"
        noun = next((c for c in noun.children if c.dep_ == "dobj" and lex.roles.get(c.lemma_.lower()) == "agency"),
                    noun)
    if lex.roles.get(noun.lemma_.lower()) != "agency" or noun.dep_ != "dobj":
        return None
    verb = noun.head
    role = lex.roles.get(verb.lemma_.lower())
    if role not in ("owns", "disowns") or any(c.dep_ == "neg" for c in verb.children):
        return None  # "did not claim responsibility" says nothing either way
    return verb, role


def part_in_act(word: Token, lex: Lexicon) -> tuple[Token, str] | None:
    """`part_in` for an event's word, or for the noun its relative clause describes: "claimed
    responsibility for a car bomb that killed 12 people" claims the killing."""
    part = part_in(word, lex)
    if part is None and word.dep_ == "relcl" \
            and any(c.dep_ == "nsubj" and c.lower_ in RELATIVES for c in word.children):
        part = part_in(word.head, lex)
    return part


def _part_held(prep: Token, lex: Lexicon) -> tuple[Token, str] | None:
    """A part held in the event or none (roles.tsv `holds`), told by the verb the
    preposition's phrase depends on: "had a role in", "played no part in", "was not involved
    in", "had nothing to do with"."""
    head = prep.head
    if prep.lower_ == "with":  # "have nothing to do with": the pronoun says none or some
        pronoun = head.head if head.lemma_ == "do" and head.dep_ in ("relcl", "acl", "xcomp") else None
        if pronoun is None or pronoun.lower_ not in NO_PART or pronoun.dep_ != "dobj" \
                or lex.roles.get(pronoun.head.lemma_.lower()) != "holds":
            return None
        verb = pronoun.head
        none = NO_PART[pronoun.lower_] == "disowns" or any(c.dep_ == "neg" for c in verb.children)
        return verb, "disowns" if none else "holds"
    if prep.lower_ != "in":
        return None
    if lex.roles.get(head.lemma_.lower()) == "holds" and head.lower_ == "involved":
        # "it was (not) involved in the raid"; not "anyone involved in the attack", which
        # describes whoever took part
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children) and head.dep_ != "xcomp":
            return None  # "denied being involved in": the denier's own part
        return head, "disowns" if any(c.dep_ == "neg" for c in head.children) else "holds"
    if lex.roles.get(head.lemma_.lower()) == "holds":  # "played no part in", the "in" hung on the verb
        head = next((c for c in head.children if c.dep_ == "dobj" and lex.roles.get(c.lemma_.lower()) == "agency"),
                    head)
    if lex.roles.get(head.lemma_.lower()) != "agency" or head.dep_ != "dobj" \
            or lex.roles.get(head.head.lemma_.lower()) != "holds":
        return None
    verb = head.head  # "had a role in", "played no part in"
    none = any(c.dep_ == "det" and c.lower_ == "no" for c in head.children) \
        or any(c.dep_ == "neg" for c in verb.children)
    return verb, "disowns" if none else "holds"


def owned(found: Found, lex: Lexicon) -> Token | None:
    """The verb of owning an act (data/events/roles.tsv, `owns`) whose object is the noun of
    an attack or an abduction: "the Front, which claimed the strike", "the group admitted the
    bombing" own the act as "claimed responsibility for" does. Not a capture ("claimed the
    capture of the town" claims control), nor a negated verb."""
    word = found.word
    if found.light is not None or found.trigger.pos != "noun" or word.dep_ != "dobj" \
            or found.trigger.type not in ("ASSAULT", "COERCE") or found.trigger.mode == "territory":
        return None
    verb = word.head
    if lex.roles.get(verb.lemma_.lower()) != "owns" or any(c.dep_ == "neg" for c in verb.children):
        return None
    return verb


def factuality(found: Found, mod: Modality, statement: dict | None, lex: Lexicon) -> str:
    if found.trigger.factuality:
        return found.trigger.factuality  # "claimed control of Daraa"
    if owned(found, lex) is not None:
        return "asserted"  # who did it is what is claimed: "claimed the strike" tells a strike
    part = part_in_act(found.word, lex)
    if part is not None and part[1] == "holds":
        # "had a role in it" tells the act as its saying does: "denied that it had any role
        # in the attack" denies that it attacked
        if statement is not None and statement.get("stance") == "deny":
            return "denied"
        part = None
    if part is not None:
        # who did it is what is claimed or denied: "claimed responsibility for the bombing"
        # tells a bombing; "denied any involvement in the attacks" denies that the denier
        # attacked (the attacks' actor), not that there were attacks; so does "denied taking
        # part in the attack", a part owned inside what is denied
        inside = statement is not None and statement.get("stance") == "deny" \
            and statement["content"]["start"] <= part[0].idx < statement["content"]["end"]
        return "denied" if part[1] == "disowns" or inside else "asserted"
    if _fated(found, lex):
        return "asserted"  # "denied reports that the talks had stalled": it is their fate that is in doubt
    if mod.possible:
        return "possible"
    if mod.negated or mod.hearsay == "false":
        return "denied"
    stance = statement.get("stance") if statement else None
    if stance == "deny" and _circumstance(found, lex):
        return "asserted"  # "denied that hostages were killed in Israeli strikes": not the strikes
    if stance == "accuse" and _blamed_for(found, lex):
        return "asserted"  # "blamed Iran for the attacks": the attacks are given, their doer is claimed
    if stance == "deny" or stance == "condemn" and mod.hearsay == "rumour":
        return "denied"
    if found.word.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "any" for c in found.word.children):
        # "would respond to any attack", "will not tolerate any attack on our forces": no act
        # that happened, but whichever may come (denied, it is denied above: "denied
        # carrying out any attack")
        return "possible"
    if _accused_of(found.word, lex):
        return "claimed"  # "two men accused of planting the bomb": what they are accused of
    if stance in ("claim", "accuse") or mod.hedged or mod.hearsay in ("hearsay", "rumour") \
            or statement is not None and _said_by_reports(statement, lex):
        # "reports that the army withdrew", "unconfirmed reports said rebels had entered the
        # city": passed on, not vouched for
        return "claimed"
    return "asserted"


def _accused_of(word: Token, lex: Lexicon) -> bool:
    """Whether an act is what someone is accused of by a participle or a relative clause
    ("two men accused of planting the bomb", "people who had been accused of crimes": the
    accusing cues of statements/cues.tsv), which tells no saying the act could be claimed
    under."""
    return word.dep_ in ("pcomp", "pobj") and word.head.lower_ == "of" \
        and word.head.head.lemma_.lower() in lex.accusing and word.head.head.dep_ in ("acl", "relcl", "amod")


# the words a report of no one may have before it ("unconfirmed media reports"): grammar's
# and the newsroom's closed set; "a UN report", "witness accounts" name whose they are,
# and "the report" is one told before, most often with whose it is ("the report that the
# ministry issued")
UNOWNED = frozenset({"a", "some", "several", "other", "many", "unconfirmed", "unverified",
                     "initial", "early", "earlier", "conflicting", "local", "media", "news", "press"})


def _said_by_reports(statement: dict, lex: Lexicon) -> bool:
    """Whether what says it is a report or a rumour of no one named ("Unconfirmed reports
    said ...", "Rumours say ...", "according to media reports"): its speaker's last word,
    in the singular, with none but UNOWNED words before it. A report someone made is
    theirs and asserts ("a UN report concluded", "according to witness accounts")."""
    words = ((statement.get("speaker") or {}).get("text") or "").lower().split()
    return bool(words) and lex.hearsay.get(singular(words[-1])) in ("hearsay", "rumour") \
        and all(w in UNOWNED for w in words[:-1])
