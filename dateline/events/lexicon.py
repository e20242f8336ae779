"""The event knowledge in data/events/: triggers, light verbs, weapons, modality."""
from __future__ import annotations

import functools
from dataclasses import dataclass

from ..errors import LexiconError
from ..lexicon import data_path, read_table

TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
FACTUALITIES = ("asserted", "claimed", "denied", "possible")
NEEDS = ("obj", "prep", "prt", "mod", "subj", "light", "xcomp")


@dataclass(frozen=True)
class Need:
    """One alternative of a trigger's `needs` column."""

    kind: str                     # obj, prep, prt, mod, light, xcomp
    words: frozenset[str] = frozenset()  # lemmas; PLACE, PERSON, ANY are classes


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str                      # verb | noun
    type: str
    mode: str | None
    needs: tuple[Need, ...]       # any one must hold; none: always
    vetoes: frozenset[str]        # modifiers that give the word another sense
    factuality: str | None


def _needs(cell: str, where: str) -> tuple[Need, ...]:
    out = []
    for alternative in cell.split():
        kind, _, words = alternative.partition("=")
        if kind not in NEEDS or (kind in ("light", "xcomp")) == bool(words):
            raise LexiconError(f"{where}: cannot read need '{alternative}' (one of {', '.join(NEEDS)}, "
                               "the first five as kind=a|b)")
        out.append(Need(kind, frozenset(w for w in words.split("|") if w)))
    return tuple(out)


@functools.cache
def triggers() -> dict[tuple[str, str], tuple[Trigger, ...]]:
    """Triggers by (lemma, pos): a word may carry several senses, told apart by `needs`."""
    rows = read_table("events/triggers.tsv", ("trigger", "pos", "type"),
                      choices=(("pos", ("verb", "noun")), ("type", TYPES), ("factuality", FACTUALITIES)))
    out: dict[tuple[str, str], list[Trigger]] = {}
    for row in rows:
        where = f"{data_path('events/triggers.tsv')}: {row['trigger']} ({row['pos']})"
        trigger = Trigger(row["trigger"].lower(), row["pos"], row["type"], row.get("mode") or None,
                          _needs(row.get("needs", ""), where),
                          frozenset(w for w in row.get("not", "").split("|") if w),
                          row.get("factuality") or None)
        out.setdefault((trigger.lemma, trigger.pos), []).append(trigger)
    return {k: tuple(v) for k, v in out.items()}


@functools.cache
def light_verbs() -> frozenset[str]:
    return frozenset(r["verb"].lower() for r in read_table("events/light-verbs.tsv", ("verb",)))


@functools.cache
def weapons() -> dict[str, str]:
    return {r["word"].lower(): r["mode"] for r in read_table("events/weapons.tsv", ("word", "mode"))}


@functools.cache
def modality() -> dict[str, str]:
    rows = read_table("events/modality.tsv", ("word", "effect"), choices=(("effect", ("possible", "commit", "refuse")),))
    return {r["word"].lower(): r["effect"] for r in rows}
