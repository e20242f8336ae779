"""Sentence starts the parser cannot see: after every line break, and after the dateline.

News bodies put one paragraph per line, and headlines and subheadings carry no final
full stop; without this the parser runs a headline into the next paragraph. A dateline
("PORT MERAN, March 14 (Wire) —") parsed with its sentence becomes that sentence's subject.
The pipeline adds this component to the spaCy pipeline, before the parser.
"""
from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ...resources import Resources
from .datelines import Datelines, month_names

NAME = "dateline_paragraphs"


class Paragraphs:
    def __init__(self, months: list[str]):
        self.datelines = Datelines(months)

    def __call__(self, doc: Doc) -> Doc:
        for token in doc[1:]:
            prev = doc[token.i - 1]  # spaCy keeps a line break as a space token of its own
            if prev.is_space and "\n" in prev.text and not token.is_space:
                token.is_sent_start = True
        dateline = self.datelines.find(doc.text)
        if dateline is not None:
            body = doc.char_span(dateline.body, dateline.body + 1, alignment_mode="expand")
            if body is not None and body.start > 0:
                body[0].is_sent_start = True
                # the parser, handed a start there, may end a sentence after the body's first
                # word ("— Israel | and Hamas have agreed ..."): no sentence is one word long
                if body.start + 1 < len(doc) and not doc[body.start + 1].is_space:
                    doc[body.start + 1].is_sent_start = False
        return doc


@Language.factory(NAME, default_config={"months": []})
def make_paragraphs(nlp: Language, name: str, months: list[str]) -> Paragraphs:
    return Paragraphs(months)


def config(resources: Resources) -> dict[str, Any]:
    """The component's settings from this pipeline's data: the month names a dateline may use."""
    return {"months": list(resources.get(month_names))}
