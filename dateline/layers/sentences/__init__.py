"""The sentences pass: each statement, event and figure gets the sentence that holds it
(the store's sentence columns, the line a web page scrolls to)."""
from ..base import Layer
from . import stage  # noqa: F401  (registers the stage)

LAYER = Layer(name="sentences", stage="sentences")
