"""The events layer: what happened, coded in PLOVER, with its actors, targets, places, time
and whether the text asserts it, reports a claim of it, denies it or only considers it.

stage.py codes the events; triggers.py finds trigger words and checks them against the
parse; arguments.py finds who did it, to whom, where and when; factuality.py reads
modals, negation and the statement that holds the event; lexicon.py loads data/events/.
"""
from ..base import Layer, Section
from . import rows, score, stage, summary  # noqa: F401  (stage registers the stage)

LAYER = Layer(
    name="events",
    stage="events",
    tables=("events", "event_arguments"),
    rows=rows.rows,
    flat=rows.FLAT,
    reading=2,
    section=Section("What happened", summary.lines),
    score=score.score,
)
