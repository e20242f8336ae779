"""Words spaCy's tokenizer cuts in pieces that the layers know as one: a hyphenated word
("cease-fire", "sit-in", "walk-out") and the abbreviation of a title before a name
("Col. Adan Weir", "Sgt. Ana Lee").

The layers know "ceasefire", "sit-in" and "walkout" whole (data/events/triggers.tsv); cut,
"cease-fire" told no act and "fire" might have told one. Two words joined by a hyphen,
with no space, are made one token when the pipeline's words know them joined
("ceasefire") or hyphenated ("sit-in"), in the singular or as written; the token's lemma
is the word as the data files have it and its tag the last part's.

The tokenizer keeps "Gen." and "Gov." whole but cuts "Col." and "Sgt." from their full
stop, which the parser then took for the end of a sentence ('"We fought bravely,"
spokesman Col. | Adan Weir told reporters'): the quote lost its speaker. A title of
data/entities/honorifics.tsv written with its full stop is made one token again, and the
name after it continues the sentence.

The component runs before the parser, which then reads one word where there was one.
"""
from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from ...resources import Resources
from ...syntax import singular

NAME = "dateline_compounds"
NAMES = ("NNP", "NNPS")  # a title abbreviates itself before a name, not before "The"


class Compounds:
    def __init__(self, words: list[str], titles: list[str]):
        self.words = frozenset(words)
        self.titles = frozenset(titles)  # "col.", "sgt."

    def __call__(self, doc: Doc) -> Doc:
        merges: list[tuple[Span, dict[str, str]]] = []
        last = -1  # "sit-in-like" joins its first two words only
        for token in doc[1:]:
            before = doc[token.i - 1]
            if token.text == "." and not before.whitespace_ and f"{before.lower_}." in self.titles \
                    and token.i + 1 < len(doc) and doc[token.i + 1].tag_ in NAMES:
                merges.append((doc[before.i:token.i + 1], {"TAG": "NNP", "LEMMA": f"{before.text}."}))
                last = token.i
                continue
            if token.i + 1 >= len(doc):
                break
            after = doc[token.i + 1]
            if token.text != "-" or before.whitespace_ or token.whitespace_ or before.i <= last \
                    or not before.is_alpha or not after.is_alpha:
                continue
            lemma = self._known(before.lower_, after.lower_)
            if lemma is not None:
                merges.append((doc[before.i:after.i + 1], {"LEMMA": lemma, "TAG": after.tag_}))
                last = after.i
        if merges:
            with doc.retokenize() as retokenizer:
                for span, attrs in merges:
                    retokenizer.merge(span, attrs=attrs)
        for token in doc[1:]:  # the name after a title (those the tokenizer kept whole too) goes on
            if doc[token.i - 1].lower_ in self.titles and token.tag_ in NAMES:
                token.is_sent_start = False
        return doc

    def _known(self, first: str, second: str) -> str | None:
        for word in (f"{first}{second}", f"{first}-{second}"):
            for form in (word, singular(word)):
                if form in self.words:
                    return form
        return None


@Language.factory(NAME, default_config={"words": [], "titles": []})
def make_compounds(nlp: Language, name: str, words: list[str], titles: list[str]) -> Compounds:
    return Compounds(words, titles)


def config(resources: Resources) -> dict[str, Any]:
    """The words of the layers that are one word written whole or with a hyphen (triggers,
    the heads of actors, weapons), and the titles written with a full stop."""
    from ..entities.lexicon import lexicon as entities_lexicon
    from ..events.lexicon import lexicon as events_lexicon

    events = resources.get(events_lexicon)
    entities = resources.get(entities_lexicon)
    words = {lemma for lemma, _ in events.triggers} | set(events.weapons) | set(entities.actor_heads)
    return {"words": sorted(w for w in words if " " not in w and len(w) > 4),
            "titles": sorted(t for t in entities.honorifics if t.endswith(".") and " " not in t)}
