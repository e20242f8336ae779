"""The layers Dateline runs over each article, in the order they run: the one place that
says what runs, in what order, and what becomes of what each writes.

Entities come before statements because speakers are entities; places and times before
figures and events, which point at them; quoted_times revisits times inside statements
once the statements are known; sentences, last, gives each statement, event and figure
the sentence that holds it. A new layer is a package beside these and a line here (and a
store migration if it stores rows): see the README, "Adding a layer".
"""
from . import document, entities, events, figures, places, sentences, statements, times
from .base import Layer

LAYERS: tuple[Layer, ...] = (
    document.LAYER,
    entities.LAYER,
    places.LAYER,
    times.LAYER,
    statements.LAYER,
    times.QUOTED,
    figures.LAYER,
    events.LAYER,
    sentences.LAYER,
)


def reading_order() -> list[Layer]:
    """The layers with a place in a reading (summary, scores), in that order: who said what,
    what happened, how many, where, when."""
    return sorted((layer for layer in LAYERS if layer.reading is not None), key=lambda layer: layer.reading)
