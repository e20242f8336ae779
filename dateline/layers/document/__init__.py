"""The document layer: what the article is before what it says: its dateline, its language,
and the paragraph and dateline sentence breaks the parse needs."""
from ..base import Component, Flat, Layer
from . import paragraphs, stage  # noqa: F401  (registers the stage and the spaCy component)

LAYER = Layer(
    name="document",
    stage="document",
    components=(Component(paragraphs.NAME, paragraphs.config),),
    # the documents table is the store's own; its flat view is this layer's export
    flat=Flat("documents", view="document_rows", order="published, key",
              integers=("characters", "sources", "statements", "events", "figures", "places")),
)
