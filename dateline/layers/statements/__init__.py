"""The statements layer: who said what, how, through which channel, with which stance.

stage.py finds the cues and what each reports, speaker.py who speaks, channel.py through
what; lexicon.py loads data/statements/. The quotation marks come from dateline/quotes.py,
which the entities layer reads too.
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
