"""Sentence starts the parser cannot see: after every line break, and after the dateline.

News bodies put one paragraph per line, and headlines and subheadings carry no final
full stop; without this the parser runs a headline into the next paragraph. A dateline
("PORT MERAN, March 14 (Wire) —") parsed with its sentence becomes that sentence's subject.
The pipeline adds this component to the spaCy pipeline, before the parser.
"""
from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from ...resources import Resources
from ...syntax import one_of
from .datelines import Datelines, month_names

NAME = "dateline_paragraphs"
# what ends the sentence before a word (the parser has not found sentences yet): grammar's
# closed set; a full stop of a title cut from it ("Col. Gendarmes" might be a name) ends none
OPENERS = frozenset({".", "!", "?"})


class Paragraphs:
    def __init__(self, months: list[str], nouns: list[str] | None = None, titles: list[str] | None = None):
        self.datelines = Datelines(months)
        self.titles = frozenset(titles or ())  # "col.", "sgt.": data/entities/honorifics.tsv
        # "March 3 was the day ...": a month is a name, though "march" is a noun too
        self.nouns = frozenset(nouns or ()) - {m.lower() for m in months}

    def __call__(self, doc: Doc) -> Doc:
        for token in doc[1:]:
            prev = doc[token.i - 1]  # spaCy keeps a line break as a space token of its own
            if prev.is_space and "\n" in prev.text and not token.is_space:
                token.is_sent_start = True
                self._common(token)
            elif prev.text in OPENERS and (token.i < 2 or f"{doc[token.i - 2].lower_}." not in self.titles):
                self._common(token)
        if len(doc):
            self._common(doc[0])
        dateline = self.datelines.find(doc.text)
        if dateline is not None:
            body = doc.char_span(dateline.body, dateline.body + 1, alignment_mode="expand")
            if body is not None and body.start > 0:
                body[0].is_sent_start = True
                # the parser, handed a start there, may end a sentence after the body's first
                # word ("— Israel | and Hamas have agreed ..."): no sentence is one word long
                if body.start + 1 < len(doc) and not doc[body.start + 1].is_space:
                    doc[body.start + 1].is_sent_start = False
                self._common(body[0])
        return doc

    def _common(self, token: Token) -> None:
        """A sentence's first word, which the tagger takes for a name for its capital
        ("Militiamen attacked ...", "Gendarmes fired ...") or for part of the dateline's run
        of names ("BENI, Congo, March 13 (Wire) - Gunmen ambushed ..."): a common noun that
        the pipeline's words know ("gunmen", "shells", "artillery") is one, told as the
        plural or the singular it is before the lemmatizer and the layers read it."""
        after = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if after is not None and after.text[:1].isupper():
            return  # the first word of a name ("Amnesty International said ...")
        if token.tag_ in ("NNP", "NNPS") and token.text[:1].isupper() and not token.text.isupper():
            lower = token.lower_
            one = one_of(lower)
            if one != lower and one in self.nouns:
                token.tag_ = "NNS"
            elif lower in self.nouns:
                token.tag_ = "NN"


@Language.factory(NAME, default_config={"months": [], "nouns": [], "titles": []})
def make_paragraphs(nlp: Language, name: str, months: list[str], nouns: list[str], titles: list[str]) -> Paragraphs:
    return Paragraphs(months, nouns, titles)


def config(resources: Resources) -> dict[str, Any]:
    """The component's settings from this pipeline's data: the month names a dateline may
    use, and the common nouns the layers know (who acts, what weapons, what acts), which
    a dateline's body may open with."""
    from ..entities.lexicon import lexicon as entities_lexicon
    from ..events.lexicon import lexicon as events_lexicon

    events = resources.get(events_lexicon)
    entities = resources.get(entities_lexicon)
    nouns = set(entities.actor_heads) | set(events.weapons) | {lemma for lemma, pos in events.triggers if pos == "noun"}
    return {"months": list(resources.get(month_names)), "nouns": sorted(n for n in nouns if " " not in n),
            "titles": sorted(t for t in entities.honorifics if t.endswith("."))}
