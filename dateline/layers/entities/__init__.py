"""The entities layer: who acts and speaks, with names, titles, affiliations and mentions.

stage.py builds them in three passes over the Doc (names, descriptions, pronouns);
lexicon.py loads data/entities/ (roles, actor heads, aliases, honorifics, pronouns).
"""
from ..base import Layer
from . import rows, stage  # noqa: F401  (stage registers the stage)

LAYER = Layer(
    name="entities",
    stage="entities",
    tables=("entities",),
    rows=rows.rows,
    reading=0,  # counted first in a summary; shown through the other layers
)
