"""A participle the parser took for its sentence's verb, set right after the parse.

"Nine drivers abducted near Gusau last week were freed on Thursday": the small English
parser reads "abducted" as the sentence's verb, with the drivers as its subject (as if
they had abducted someone), and hangs "were freed" from it with no subject of its own.
The events layer then had the drivers abducting, and no release at all. The reading the
parser missed is the only one English allows: a participle after the noun, and the verb
after it the sentence's, with that noun its subject. The component puts the tree that
way: the later verb takes the participle's place (its head and its relation), the noun
becomes its subject, and the participle a clause on the noun (acl, VBN) with everything it
had and every word between the two ("near Gusau last week").

Only when the later verb is finite ("were freed", "had been released", "will be tried",
"died", "are safe") and has no subject, and nothing but words stands between the two (no
comma, no "and"): a verb joined by "and" shares its subject ("gunmen abducted six men and
were later arrested"), a clause with a subject of its own is another's ("officials said
the men were freed"), and "there were" has one. The first verb may have an object only
in a fixed phrase whose noun stands bare ("workers held hostage for four days were
freed"), and must be a form a participle may take ("withdrew" is none).

The component runs right after the parser, before the attribute ruler and the lemmatizer,
which read the corrected tag.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from ...syntax import SUBJECTS, tokens_with

NAME = "dateline_participles"
HANGS = ("relcl", "advcl", "ccomp", "conj", "dep")  # where the parser hangs the verb it could not place
FINITE = ("VBD", "VBZ", "VBP", "MD")  # "died", "were", "has", "are", "will"
# past tenses that are also the participle, not in "-ed" (grammar's closed set): "workers
# held hostage", "a man shot in the leg"; "withdrew" or "took" is never one
SAME_FORMS = frozenset({"held", "shot", "hit", "caught", "kept", "sent", "found", "left", "brought", "fought",
                        "put", "set", "cut", "hurt", "struck", "lost", "led", "paid", "laid", "sold", "spent",
                        "won", "built", "bought", "sought", "fed", "met", "heard", "burnt"})
HEADS = ("NN", "NNS", "NNP", "NNPS", "CD")  # what a participle may follow ("those" too)


class Participles:
    def __call__(self, doc: Doc) -> Doc:
        # only a verb hung where the parser hangs what it could not place can be one; a
        # mend changes the labels of that verb and of words before it, never of one after
        for verb in tokens_with(doc, dep=HANGS):
            found = _misread(verb)
            if found is not None:
                _mend(*found, verb)
        return doc


def _misread(verb: Token) -> tuple[Token, Token] | None:
    """For a finite verb with no subject ("were freed", "are safe", "died"), the
    participle the parser took for the verb of its clause and the noun it follows, if the
    tree reads so."""
    if verb.dep_ not in HANGS:
        return None
    children = list(verb.children)
    auxiliaries = [c for c in children if c.dep_ in ("aux", "auxpass")]
    # (a verb joined to one after it keeps its place: "were freed on Wednesday and handed over")
    if any(c.dep_ in SUBJECTS or c.dep_ in ("expl", "mark", "agent") or c.dep_ == "cc" and c.i < verb.i
           for c in children) \
            or not (verb.tag_ in FINITE or any(c.tag_ in FINITE for c in auxiliaries)):
        return None  # "backed by Russia", "having been freed": no verb of a sentence
    participle = verb.head
    while not participle.tag_.startswith("VB") and participle.head.i != participle.i:
        participle = participle.head
    # (the parser may tag it a participle and still make it the verb of the noun before it:
    # "Two soldiers captured near Orsk last week were freed", "captured" its root)
    if participle.tag_ not in ("VBD", "VBN") or participle.i >= verb.i \
            or not (participle.lower_.endswith("ed") or participle.lower_ in SAME_FORMS):
        return None  # "the rebels withdrew": no participle
    nouns = [c for c in participle.lefts if c.dep_ == "nsubj"]
    if len(nouns) != 1 or not (nouns[0].tag_ in HEADS or nouns[0].lower_ == "those"):
        return None
    if any(c.dep_ in ("aux", "auxpass", "neg", "nsubjpass", "mark") for c in participle.children) \
            or any(c.dep_ in ("dobj", "obj") and (c.tag_ != "NN" or any(c.lefts)) for c in participle.children):
        return None  # "had abducted", "did not"; "abducted six men" is a verb with its object
    first = min([verb.i, *(c.i for c in auxiliaries)])
    if any(t.is_punct or t.dep_ == "cc" or t.tag_.startswith("VB") for t in verb.doc[participle.i + 1:first]):
        return None
    return participle, nouns[0]


def _mend(participle: Token, noun: Token, verb: Token) -> None:
    """Set the tree as English reads it: the verb in the participle's place, the noun its
    subject (passive, when the verb is), the participle on the noun; what followed the verb
    is the verb's."""
    later = [c for c in participle.children if c.i > verb.i]
    # and what stands between them is the participle's, wherever the parser hung it ("last
    # week" of "captured near Orsk last week were freed")
    first = min([verb.i, *(c.i for c in verb.children if c.dep_ in ("aux", "auxpass"))])
    between = [c for c in verb.children if participle.i < c.i < first]
    if participle.head.i == participle.i:
        verb.head = verb
        verb.dep_ = "ROOT"
    else:
        verb.head = participle.head
        verb.dep_ = participle.dep_
    noun.head = verb
    noun.dep_ = "nsubjpass" if any(c.dep_ == "auxpass" for c in verb.children) else "nsubj"
    participle.head = noun
    participle.dep_ = "acl"
    participle.tag_ = "VBN"
    for child in later:
        child.head = verb
    for child in between:
        child.head = participle


@Language.factory(NAME)
def make_participles(nlp: Language, name: str) -> Participles:
    return Participles()
