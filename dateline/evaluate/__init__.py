"""Measuring Dateline: against hand-made gold by the contract's rules (contract.py, with each
layer's own `score.py`), and on public benchmarks: TIMEX3 (timex.py), geoparsing (geo.py)
and PLOVER event coding (events.py); and its speed against the bare parse (speed.py,
`dateline benchmark`). The matching rules they share are in
dateline/layers/scoring.py, beside the layers that score themselves by them.
"""
