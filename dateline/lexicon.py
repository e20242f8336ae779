"""One loader for the knowledge files under dateline/data/.

Cue verbs, channels, titles, actor words and aliases are tab-separated tables that an
analyst can read and extend in a spreadsheet or an editor: a header row names the
columns, `#` starts a comment line, empty lines are skipped. Each file is read once per
process; a malformed row raises LexiconError naming the file and the line.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .errors import LexiconError

DATA = Path(str(resources.files("dateline") / "data"))


def data_path(name: str) -> Path:
    return DATA / name


@functools.cache
def read_table(name: str, required: tuple[str, ...], choices: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> tuple[dict[str, str], ...]:
    """Rows of DATA/name as dicts keyed by the header; cached per process.

    required: columns that must exist and be non-empty in every row.
    choices: (column, allowed values) pairs; a value outside them is an error. Values of a
        column may hold several space-separated words, each of which must be allowed.
    """
    path = data_path(name)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise LexiconError(f"cannot read data file {path}: {e.strerror}") from e
    header: list[str] | None = None
    rows: list[dict[str, str]] = []
    allowed = dict(choices)
    for lineno, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            missing = [c for c in required if c not in header]
            if missing:
                raise LexiconError(f"{path}:{lineno}: header lacks column(s) {', '.join(missing)}")
            continue
        if len(cells) > len(header):
            raise LexiconError(f"{path}:{lineno}: {len(cells)} cells for {len(header)} columns (a stray tab?)")
        row = dict(zip(header, cells + [""] * (len(header) - len(cells))))
        for col in required:
            if not row[col]:
                raise LexiconError(f"{path}:{lineno}: empty '{col}'")
        for col, values in allowed.items():
            for word in row.get(col, "").split():
                if word not in values:
                    raise LexiconError(f"{path}:{lineno}: '{word}' is not a valid {col} (one of: {', '.join(values)})")
        rows.append(row)
    if header is None:
        raise LexiconError(f"{path}: no header row")
    return tuple(rows)


STANCES = ("assert", "claim", "deny", "condemn", "call", "warn", "accuse", "other")
CONTENT_KINDS = ("clause", "quote", "object", "object-clause", "infinitive", "prep", "characterize", "host")
ENTITY_TYPES = ("PERSON", "ORG", "GROUP", "GPE", "NORP", "OTHER")


@dataclass(frozen=True)
class Cue:
    """One line of data/statements/cues.tsv."""

    lemma: str          # the verb's lemma, or the first word of a fixed phrase
    particle: str       # a preposition that must follow ("call for"), else ""
    stance: str
    content: frozenset[str]


@functools.cache
def cues() -> dict[str, tuple[Cue, ...]]:
    """Cue lexicon keyed by lemma; several entries may share a lemma ("call for", "call on")."""
    table: dict[str, list[Cue]] = {}
    for row in read_table("statements/cues.tsv", ("cue", "stance", "content"),
                          (("stance", STANCES), ("content", CONTENT_KINDS))):
        words = row["cue"].lower().split()
        cue = Cue(words[0], " ".join(words[1:]), row["stance"], frozenset(row["content"].split()))
        table.setdefault(cue.lemma, []).append(cue)
    return {k: tuple(v) for k, v in table.items()}


@functools.cache
def condemnation_words() -> frozenset[str]:
    """Lemmas that make "called X a Y" a condemnation, from data/statements/condemnation.tsv."""
    return frozenset(row["word"].lower() for row in read_table("statements/condemnation.tsv", ("word",)))


@dataclass(frozen=True)
class Channels:
    nouns: frozenset[str]          # lemmas: statement, interview, TV ...
    documents: frozenset[str]      # channels someone issues: statement, post (a subject "the statement" is not the speaker)
    prepositions: frozenset[str]   # in, on, at, during ...
    verbs: dict[str, frozenset[str]]  # verb lemma -> dependents that hold the channel ("dobj", "prep:to")
    addressees: frozenset[str]     # objects of "told" that are audiences, not channels: reporters ...


@functools.cache
def channels() -> Channels:
    nouns, documents, preps, addressees = set(), set(), set(), set()
    verbs: dict[str, set[str]] = {}
    for row in read_table("statements/channels.tsv", ("word", "kind"),
                          (("kind", ("noun", "document", "preposition", "verb", "addressee")),)):
        word = row["word"].lower()
        if row["kind"] in ("noun", "document"):
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
                    frozenset(addressees))


@functools.cache
def roles() -> dict[str, str]:
    """Role phrase (lower case) -> family: "top diplomat" -> "foreign_minister"."""
    return {row["phrase"].lower(): row["family"] for row in read_table("entities/roles.tsv", ("phrase", "family"))}


@dataclass(frozen=True)
class ActorHead:
    type: str
    describes: str   # yes | plural | no
    names: bool


@functools.cache
def actor_heads() -> dict[str, ActorHead]:
    """Head-noun lemma of an actor -> its type and use, from data/entities/actors.tsv."""
    return {row["head"].lower(): ActorHead(row["type"], row["describes"], row["names"] == "yes")
            for row in read_table("entities/actors.tsv", ("head", "type", "describes", "names"),
                                  (("type", ENTITY_TYPES), ("describes", ("yes", "plural", "no")),
                                   ("names", ("yes", "no"))))}


class Aliases:
    """Names of one actor, from data/entities/aliases.tsv: alias -> (canonical name, type)."""

    def __init__(self, exact: dict[str, tuple[str, str]]):
        self.exact = exact
        self.folded = {k.lower(): v for k, v in exact.items() if len(k) > 3 and not k.isupper()}

    def lookup(self, text: str) -> tuple[str, str] | None:
        """Acronyms match only as written ("WHO", never "who"); longer names ignoring case."""
        if text in self.exact:
            return self.exact[text]
        if len(text) > 3 and not text.isupper():
            return self.folded.get(text.lower())
        return None


@functools.cache
def aliases() -> Aliases:
    table: dict[str, tuple[str, str]] = {}
    for row in read_table("entities/aliases.tsv", ("name", "type"), (("type", ENTITY_TYPES),)):
        for alias in [row["name"]] + [a.strip() for a in row.get("aliases", "").split("|") if a.strip()]:
            table[alias] = (row["name"], row["type"])
    return Aliases(table)


@functools.cache
def honorifics() -> frozenset[str]:
    return frozenset(row["word"].lower() for row in read_table("entities/honorifics.tsv", ("word",)))
