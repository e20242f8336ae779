"""The places layer: every place the article names, with coordinates found offline.

stage.py finds the mentions and picks each one's candidate from the article's context;
gazetteer.py compiles GeoNames data from PyPI packages (and data/places/) into SQLite and
looks names up; lexicon.py loads data/places/. Countries' names and demonyms come from
dateline/countries.py, which the entities layer reads too.
"""
from ..base import Layer, Section
from . import rows, score, stage, summary  # noqa: F401  (stage registers the stage)

LAYER = Layer(
    name="places",
    stage="places",
    tables=("places",),
    rows=rows.rows,
    flat=rows.FLAT,
    reading=4,
    section=Section("Where", summary.lines),
    score=score.score,
)
