"""The document layer: what the article is before what it says: its dateline, its language,
and the paragraph and dateline sentence breaks the parse needs, the hyphenated words the
tokenizer cuts, the lemmas the lemmatizer would get wrong, and, once parsed, the participles
the parser took for verbs and the verbs of a series the tagger took for nouns."""
from ..base import Component, Flat, Layer
from . import compounds, lemmas, paragraphs, participles, series, stage  # noqa: F401  (registers the stage and the spaCy components)

LAYER = Layer(
    name="document",
    stage="document",
    components=(Component(paragraphs.NAME, paragraphs.config), Component(compounds.NAME, compounds.config),
                Component(lemmas.NAME, lemmas.config), Component(participles.NAME, after_parser=True),
                Component(series.NAME, after_parser=True)),
    # the documents table is the store's own; its flat view is this layer's export
    flat=Flat("documents", view="document_rows", order="published, key",
              integers=("characters", "sources", "statements", "events", "figures", "places")),
)
