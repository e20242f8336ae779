"""Whether the text says an event happened: asserted, claimed, denied or possible.

The event's own clause speaks first: a modal ("could", "will", "must not be allowed to")
or a governing verb of intent, threat or request ("threatened to strike", "urged them to
withdraw", "plans to") makes it possible; a negation ("did not withdraw") denies it. Then
the statement that holds it: under a claim it is claimed, under a denial denied ("denied
that the army had withdrawn"). Promises and offers ("agreed to withdraw", "ready to help")
are commitments: PLOVER codes a cooperative act so governed as AGREE.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from .lexicon import Lexicon
from .triggers import Found

GOVERNED_BY = ("xcomp", "ccomp", "advcl", "acl", "pcomp", "pobj", "prep", "acomp", "conj")
CONDITIONS = {"if", "unless"}


@dataclass
class Modality:
    possible: bool = False
    negated: bool = False
    commit: bool = False       # governed by a promise, an offer, an agreement
    refused: bool = False      # governed by "refused to", "declined to", "failed to"
    future: bool = False       # "will", "shall"
    conditional: bool = False  # "... unless the president steps down"
    governor: Token | None = None  # the word of intent, threat or request above the event


def modality_of(found: Found, lex: Lexicon) -> Modality:
    words = lex.modality
    out = Modality()
    verb = found.clause
    for child in verb.children:
        word = child.lower_
        if child.dep_ == "neg":
            out.negated = True
        elif child.dep_ in ("aux", "auxpass") and words.get(word) == "possible":
            out.possible = True
            out.future = out.future or word in lex.future
        elif child.dep_ == "mark" and word in CONDITIONS:
            out.possible = True
        elif child.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in CONDITIONS for g in child.children):
            out.conditional = True  # the event depends on another: a threat or an offer
    # climb through the words that govern the clause, up to the sentence's main verb
    token, steps = verb, 0
    while token.dep_ in GOVERNED_BY and token.head is not token and steps < 4:
        head, steps = token.head, steps + 1
        effect = words.get(head.lemma_.lower()) or words.get(head.lower_)
        if effect and token.dep_ != "conj":
            out.governor = out.governor or head
            if effect == "commit":
                out.commit = True
            if effect == "refuse":
                out.refused = True
            out.possible = True
            break
        if any(c.dep_ == "neg" for c in head.children) and token.dep_ in ("xcomp",):
            out.negated = True
        if any(c.dep_ in ("aux", "auxpass") and words.get(c.lower_) == "possible" for c in head.children) \
                and token.dep_ in ("xcomp", "conj"):
            out.possible = True
            out.future = out.future or any(c.lower_ in lex.future for c in head.children if c.dep_ == "aux")
        token = head
    return out


def factuality(found: Found, mod: Modality, statement: dict | None) -> str:
    if found.trigger.factuality:
        return found.trigger.factuality  # "claimed control of Daraa"
    if mod.possible:
        return "possible"
    if mod.negated:
        return "denied"
    stance = statement.get("stance") if statement else None
    if stance == "deny":
        return "denied"
    if stance in ("claim", "accuse"):
        return "claimed"
    return "asserted"
