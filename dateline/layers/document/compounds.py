"""Words written with a hyphen that spaCy's tokenizer cuts in three: "cease-fire",
"sit-in", "walk-out". The layers know these words whole ("ceasefire", "sit-in",
"walkout" in data/events/triggers.tsv); cut, "cease-fire" told no act and "fire" might
have told one. Two words joined by a hyphen, with no space, are made one token when the
pipeline's words know them joined ("ceasefire") or hyphenated ("sit-in"), in the
singular or as written; the token's lemma is the word as the data files have it and
its tag the last part's. The component runs before the parser, which then reads one
noun where there was one.
"""
from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ...resources import Resources
from ...syntax import singular

NAME = "dateline_compounds"


class Compounds:
    def __init__(self, words: list[str]):
        self.words = frozenset(words)

    def __call__(self, doc: Doc) -> Doc:
        merges = []
        last = -1  # "sit-in-like" joins its first two words only
        for hyphen in doc[1:-1]:
            before, after = doc[hyphen.i - 1], doc[hyphen.i + 1]
            if hyphen.text != "-" or before.whitespace_ or hyphen.whitespace_ or before.i <= last \
                    or not before.is_alpha or not after.is_alpha:
                continue
            lemma = self._known(before.lower_, after.lower_)
            if lemma is not None:
                merges.append((doc[before.i:after.i + 1], lemma, after.tag_))
                last = after.i
        if merges:
            with doc.retokenize() as retokenizer:
                for span, lemma, tag in merges:
                    retokenizer.merge(span, attrs={"LEMMA": lemma, "TAG": tag})
        return doc

    def _known(self, first: str, second: str) -> str | None:
        for word in (f"{first}{second}", f"{first}-{second}"):
            for form in (word, singular(word)):
                if form in self.words:
                    return form
        return None


@Language.factory(NAME, default_config={"words": []})
def make_compounds(nlp: Language, name: str, words: list[str]) -> Compounds:
    return Compounds(words)


def config(resources: Resources) -> dict[str, Any]:
    """The words of the layers that are one word written whole or with a hyphen: triggers,
    the heads of actors, weapons."""
    from ..entities.lexicon import lexicon as entities_lexicon
    from ..events.lexicon import lexicon as events_lexicon

    events = resources.get(events_lexicon)
    words = {lemma for lemma, _ in events.triggers} | set(events.weapons) | set(resources.get(entities_lexicon).actor_heads)
    return {"words": sorted(w for w in words if " " not in w and len(w) > 4)}
