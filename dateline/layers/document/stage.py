"""The document layer: the dateline that opens the article, and the article's language."""
from __future__ import annotations

import functools
import itertools
from typing import TYPE_CHECKING, Any

from ..base import Context, stage
from .datelines import datelines

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier


@functools.cache  # py3langid's model: a file of the package, the same for every pipeline
def _identifier() -> "LanguageIdentifier":
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


# a creole and the language of its words, which the classifier confuses on news of the
# places it is spoken: English about Kaduna or Lagos ("Gunmen kidnapped 20 students from a
# school in Kaduna state") scores 0.5 to 0.7 as Nigerian Pidgin, Pidgin itself 0.99
LEXIFIERS = {"pcm": "en"}
CREOLE_SURE = 0.9  # below this, a creole ranked first over its lexifier is its lexifier


def detect_language(text: str) -> str | None:
    """BCP-47 code of the text's language, or None when the text is too short to tell."""
    sample = text[:5000]
    if next(itertools.islice((c for c in sample if c.isalpha()), 19, None), None) is None:  # fewer than 20 letters
        return None
    ranked = _identifier().rank(sample)
    lang, prob = ranked[0]
    if lang in LEXIFIERS and prob < CREOLE_SURE and len(ranked) > 1 and ranked[1][0] == LEXIFIERS[lang]:
        return LEXIFIERS[lang]
    return lang if prob >= 0.5 else None


@stage("document", provides=("document.dateline", "document.language"), needs_doc=False, resources=(datelines,))
def describe_document(doc: None, record: dict[str, Any], context: Context) -> dict[str, Any]:
    text = record["document"]["text"]
    dateline = context.get(datelines).find(text)
    return {"document.dateline": dateline.place if dateline else None, "document.language": detect_language(text)}
