"""The statements layer: who said what, how, through which channel, with which stance.

stage.py finds the cues and what each reports, speaker.py who speaks, channel.py through
what; quotes.py finds the quotation marks (the entities layer reads them too); lexicon.py
loads data/statements/.
"""
from ..base import Layer, Section
from . import rows, score, stage, summary  # noqa: F401  (stage registers the stage)

LAYER = Layer(
    name="statements",
    stage="statements",
    tables=("statements",),
    rows=rows.rows,
    flat=rows.FLAT,
    reading=1,
    section=Section("Who said what", summary.lines, empty="No attributed statements found."),
    score=score.score,
)
