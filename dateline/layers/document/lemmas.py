"""Lemmas spaCy's rule lemmatizer gets wrong, set right before it runs.

The English rule lemmatizer strips an ending and takes the first result its word list
knows: "hoped" becomes "hop" and "staged" "stag". Cues, triggers and light verbs are
looked up by lemma in every layer, so these words were never read. The forms and their
verbs are data/lemmas.tsv. The component runs after the tagger and before the
lemmatizer, which leaves a lemma already set as it is; it changes verbs only (a
"staging area" keeps its noun).
"""
from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ...resources import Resources

NAME = "dateline_lemmas"


class Lemmas:
    def __init__(self, forms: dict[str, str]):
        self.forms = forms

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            lemma = self.forms.get(token.lower_)
            if lemma is not None and token.tag_.startswith("VB"):
                token.lemma_ = lemma
        return doc


@Language.factory(NAME, default_config={"forms": {}})
def make_lemmas(nlp: Language, name: str, forms: dict[str, str]) -> Lemmas:
    return Lemmas(forms)


def config(resources: Resources) -> dict[str, Any]:
    """The forms of data/lemmas.tsv and the verb of each."""
    return {"forms": {row["form"].lower(): row["lemma"].lower()
                      for row in resources.table("lemmas.tsv", ("form", "lemma"))}}
