"""The figures layer: counts of people (killed, injured, displaced...), how exact each is,
and who gave it. stage.py finds them; lexicon.py loads data/figures/; the numbers
themselves are read by dateline/numbers.py, which the times layer shares."""
from ..base import Layer, Section
from . import rows, score, stage, summary  # noqa: F401  (stage registers the stage)

LAYER = Layer(
    name="figures",
    stage="figures",
    tables=("figures",),
    rows=rows.rows,
    flat=rows.FLAT,
    reading=3,
    section=Section("How many", summary.lines),
    score=score.score,
)
