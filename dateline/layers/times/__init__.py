"""The times layer: temporal expressions with TIMEX3 types and values.

grammar.py finds candidates with patterns built from data/times/words.tsv; stage.py keeps
those the parse agrees are times and gives each the tense of its clause; anchor.py gives
the value, counting relative dates from the publication date (news) or the latest date
mentioned (narrative). quoted.py is a second pass once statements are known: "tonight"
inside what someone said on Sunday counts from Sunday.
"""
from ..base import Layer, Section
from . import quoted, rows, score, stage, summary  # noqa: F401  (registers the two stages)

LAYER = Layer(
    name="times",
    stage="times",
    tables=("times",),
    rows=rows.rows,
    reading=5,
    section=Section("When", summary.lines),
    score=score.score,
)

# the dated-statement pass: it writes the times again, after the statements
QUOTED = Layer(name="quoted_times", stage="quoted_times")
