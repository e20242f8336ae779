"""The times layer's knowledge: the grammar's words (data/times/words.tsv), the words that
make a four-digit number no year (not-years.tsv) and a bare month a time (calendar-leads.tsv),
and the words that put a clause in the future (data/tense.tsv)."""
from __future__ import annotations

from dataclasses import dataclass

from ...resources import Resources
from ...syntax import auxiliaries, future_governors
from .grammar import Grammar, grammar


@dataclass(frozen=True)
class Lexicon:
    grammar: Grammar
    not_years_before: frozenset[str]  # "Resolution 2254", "Flight 17"
    not_years_after: frozenset[str]   # "1500 km", "2000 dollars"
    calendar_leads: frozenset[str]    # "in December", "late summer"
    future: frozenset[str]            # "will", "shall"
    reported_future: frozenset[str]   # "would", unless perfect
    future_governors: frozenset[str]  # "expected to", "plans to"


def lexicon(resources: Resources) -> Lexicon:
    rows = resources.table("times/not-years.tsv", ("word", "position"), (("position", ("before", "after")),))
    leads = frozenset(r["word"].lower() for r in resources.table("times/calendar-leads.tsv", ("word",)))
    tense = resources.get(auxiliaries)
    return Lexicon(resources.get(grammar),
                   frozenset(r["word"].lower() for r in rows if r["position"] == "before"),
                   frozenset(r["word"].lower() for r in rows if r["position"] == "after"),
                   leads,
                   frozenset(w for w, t in tense.items() if t == "future"),
                   frozenset(w for w, t in tense.items() if t == "reported"),
                   resources.get(future_governors))
