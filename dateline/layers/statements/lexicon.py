"""The statements layer's knowledge, from data/statements/: cue verbs with their stance (one
of the contract's) and where their content sits, channels, condemnation words and the
words of anonymity, and those that stand for what a colon then gives."""
from __future__ import annotations

from dataclasses import dataclass

from ...record import enum
from ...resources import Resources

CONTENT_KINDS = ("clause", "quote", "object", "object-clause", "infinitive", "prep", "characterize", "host", "which",
                 "reason", "attitude")


@dataclass(frozen=True)
class Cue:
    """One line of cues.tsv."""

    lemma: str          # the verb's lemma, or the first word of a fixed phrase
    particle: str       # a preposition that must follow ("call for"), else ""
    stance: str
    content: frozenset[str]


@dataclass(frozen=True)
class Channels:
    nouns: frozenset[str]          # lemmas: statement, interview, TV ...
    documents: frozenset[str]      # channels someone issues: statement, post (a subject "the statement" is not the speaker)
    prepositions: frozenset[str]   # in, on, at, during ...
    verbs: dict[str, frozenset[str]]  # verb lemma -> dependents that hold the channel ("dobj", "prep:to")
    addressees: frozenset[str]     # objects of "told" that are audiences, not channels: reporters ...
    knowledge: frozenset[str] = frozenset()  # what a speaker knows: "our information indicates" (we speak)
    issuing: frozenset[str] = frozenset()  # "a statement released by the ministry": its agent speaks


@dataclass(frozen=True)
class Lexicon:
    cues: dict[str, tuple[Cue, ...]]   # by lemma; several entries may share one ("call for", "call on")
    channels: Channels
    condemnation: frozenset[str]       # lemmas that make "called X a Y" a condemnation
    anonymity: frozenset[str]          # "asked not to be named": a condition, not a call
    said_nouns: dict[str, tuple[str, frozenset[str]]]  # "made a promise that": noun -> (stance, light verbs)
    attitudes: dict[str, Cue]          # the cues.tsv rows of kind "attitude", by the word as written ("encouraged")
    announcing: frozenset[str]         # "reiterated the following: ...": words for what a colon gives
    comments: frozenset[str] = frozenset()  # ", contradicting ...": the writer's comment on what was said
    refusals: frozenset[str] = frozenset()  # "declined to say how many ...": events/modality.tsv, effect refuse


def lexicon(resources: Resources) -> Lexicon:
    said = {row["word"].lower(): (row["stance"], frozenset(row["verbs"].lower().split("|"))) for row in resources.table(
        "statements/said-nouns.tsv", ("word", "stance", "verbs"), (("stance", enum("statements", "stance")),))}
    cues, attitudes = _cues(resources)
    return Lexicon(cues, _channels(resources),
                   frozenset(row["word"].lower() for row in resources.table("statements/condemnation.tsv", ("word",))),
                   frozenset(row["word"].lower() for row in resources.table("statements/anonymity.tsv", ("word",))),
                   said, attitudes,
                   frozenset(row["word"].lower() for row in resources.table("statements/announcing.tsv", ("word",))),
                   frozenset(row["word"].lower() for row in resources.table("statements/comments.tsv", ("word",))),
                   frozenset(row["word"].lower() for row in resources.table("events/modality.tsv", ("word", "effect"))
                             if row["effect"] == "refuse"))


def _cues(resources: Resources) -> tuple[dict[str, tuple[Cue, ...]], dict[str, Cue]]:
    """The verbs and phrases by lemma, and the words of a state of mind apart (they are
    looked up as written, and only where they govern a clause)."""
    table: dict[str, list[Cue]] = {}
    attitudes: dict[str, Cue] = {}
    for row in resources.table("statements/cues.tsv", ("cue", "stance", "content"),
                               (("stance", enum("statements", "stance")), ("content", CONTENT_KINDS))):
        words = row["cue"].lower().split()
        cue = Cue(words[0], " ".join(words[1:]), row["stance"], frozenset(row["content"].split()))
        if "attitude" in cue.content:
            attitudes[cue.lemma] = cue
        else:
            table.setdefault(cue.lemma, []).append(cue)
    return {k: tuple(v) for k, v in table.items()}, attitudes


def _channels(resources: Resources) -> Channels:
    nouns, documents, preps, addressees, knowledge, issuing = set(), set(), set(), set(), set(), set()
    verbs: dict[str, set[str]] = {}
    for row in resources.table("statements/channels.tsv", ("word", "kind"),
                               (("kind", ("noun", "document", "preposition", "verb", "addressee", "knowledge",
                                          "issues")),)):
        word = row["word"].lower()
        if row["kind"] == "knowledge":
            knowledge.add(word)
        elif row["kind"] == "issues":
            issuing.add(word)
        elif row["kind"] in ("noun", "document"):
            nouns.add(word)
            if row["kind"] == "document":
                documents.add(word)
        elif row["kind"] == "preposition":
            preps.add(word)
        elif row["kind"] == "addressee":
            addressees.add(word)
        else:
            verbs.setdefault(word, set()).update(row.get("dependents", "").split() or ["dobj"])
    return Channels(frozenset(nouns), frozenset(documents), frozenset(preps), {k: frozenset(v) for k, v in verbs.items()},
                    frozenset(addressees), frozenset(knowledge), frozenset(issuing))
