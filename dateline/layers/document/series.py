"""A verb in a series of verbs that the tagger took for a noun, set right after the parse.

"Officials continue to detain, harass, and threaten mothers of detainees": the small
English tagger reads "harass" as a noun, so the events layer finds no harassment, though
the parser joins it to "detain" and "threaten" as their conjunct. A bare singular noun
between two verbs of one series, with nothing of a noun's own (no article, possessive,
adjective, number or preposition), is a verb of the series: it takes the tag of the verb
it is joined to, which the attribute ruler and the lemmatizer then read.

Only inside a series that goes on after it with another verb ("detain, harass, and
threaten"): "to arrest and torture" may end in a noun the tagger read right ("to protect
lives and property").
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from ...syntax import tokens_with

NAME = "dateline_series"
VERB_TAGS = ("VB", "VBP", "VBZ", "VBD")
NOUN_PARTS = ("det", "poss", "amod", "compound", "nummod", "prep", "case", "nmod")


class Series:
    def __call__(self, doc: Doc) -> Doc:
        for token in tokens_with(doc, dep=("conj",)):  # only a conjunct can be one
            if _misread(token):
                token.tag_ = token.head.tag_
        return doc


def _misread(token: Token) -> bool:
    if token.tag_ != "NN" or token.dep_ != "conj" or token.head.tag_ not in VERB_TAGS:
        return False
    if any(c.dep_ in NOUN_PARTS for c in token.children):
        return False
    return any(c.dep_ == "conj" and c.tag_ == token.head.tag_ for c in token.children)


@Language.factory(NAME)
def make_series(nlp: Language, name: str) -> Series:
    return Series()
