"""What a layer is: a stage over the shared Doc, the record field it fills, and how its items
are stored, exported and read.

A stage is a plain function `(doc, record, context) -> {field: value}` registered with
`@stage(name, requires=..., provides=...)`, which says which record fields it reads and
writes and which resources it needs; the built-in stages register the same way a user's
would. A `Layer` wraps a stage with what the rest of Dateline needs to know about its
output: the store tables its rows go to, its flat table for exports, its section in a
readable summary, its scoring against gold. `dateline/layers/__init__.py` declares the
built-in layers in the order they run.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from ..resources import Resources
from ..settings import Settings
from .scoring import Matches, Tally

T = TypeVar("T")
Record = dict[str, Any]
StageFunc = Callable[[Doc | None, Record, "Context"], dict[str, Any]]
Resource = Callable[[Resources], Any]
Row = tuple[str, dict[str, Any]]


@dataclass(frozen=True)
class Context:
    """What a stage may consult besides the Doc and the record."""

    settings: Settings
    nlp: Language  # the loaded spaCy pipeline
    resources: Resources  # lexicons and the gazetteer, built once per pipeline

    def get(self, build: Callable[[Resources], T]) -> T:
        """A resource of this pipeline: `context.get(cues)`."""
        return self.resources.get(build)


@dataclass(frozen=True)
class Stage:
    name: str
    func: StageFunc
    requires: tuple[str, ...]
    provides: tuple[str, ...]
    needs_doc: bool = True
    resources: tuple[Resource, ...] = ()  # built when the pipeline loads, so a bad data file fails then


REGISTRY: dict[str, Stage] = {}


def stage(name: str, *, requires: Sequence[str] = (), provides: Sequence[str], needs_doc: bool = True,
          resources: Sequence[Resource] = ()) -> Callable[[StageFunc], StageFunc]:
    """Register a stage under `name`. Fields are record paths: "entities", "document.language"."""

    def register(func: StageFunc) -> StageFunc:
        REGISTRY[name] = Stage(name, func, tuple(requires), tuple(provides), needs_doc, tuple(resources))
        return func

    return register


def _no_config(resources: Resources) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class Component:
    """A spaCy component a layer adds to the parse, before the parser (or, to mend the
    parse, right after it): its registered factory, and its config made from the
    pipeline's resources."""

    factory: str
    config: Callable[[Resources], dict[str, Any]] = _no_config
    after_parser: bool = False


@dataclass(frozen=True)
class Flat:
    """A layer's flat table in exports (CSV, Parquet): a view of the store, one row per item."""

    name: str                       # the export's name: events.csv, events.parquet
    view: str                       # the store's view it reads
    order: str                      # its ORDER BY, stable across runs
    floats: tuple[str, ...] = ()    # typed columns for Parquet; the others are text
    integers: tuple[str, ...] = ()
    feature: str | None = None      # its rows are GeoJSON features of this `layer` where they have a point


@dataclass(frozen=True)
class Section:
    """A layer's part of the readable summary (`dateline extract --summary`, `dateline show`)."""

    heading: str
    lines: Callable[[Record], list[str]]
    empty: str | None = None  # said when the layer found nothing; None: the section is left out


@dataclass(frozen=True)
class Layer:
    """A stage and what Dateline does with what it writes."""

    name: str
    stage: str                                          # the registered stage that makes it
    components: tuple[Component, ...] = ()              # spaCy components it adds around the parser
    tables: tuple[str, ...] = ()                        # the store tables its rows go to
    rows: Callable[[str, Record], Iterator[Row]] | None = None  # (table, row) for a stored record
    flat: Flat | None = None
    reading: int | None = None                          # its place when a record is read: summary, scores
    section: Section | None = None
    score: Callable[[dict, Record, Tally, Matches], None] | None = None  # against gold, by the contract's rules


# -- helpers for the rows and sections layers declare ---------------------------------------

def first_start(mentions: list[dict[str, Any]]) -> int | None:
    """Where an item is first mentioned, for the store's `first_start` column."""
    return min((m["start"] for m in mentions), default=None)


def sentence_columns(item: dict[str, Any]) -> dict[str, int | None]:
    """The store's columns for the sentence an item is told in."""
    sentence = item.get("sentence") or {}
    return {"sentence_start": sentence.get("start"), "sentence_end": sentence.get("end")}


def clip(text: str, limit: int = 220) -> str:
    """Text on one line, cut to `limit` characters, for a summary."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def speaker_name(statement: dict[str, Any], entities: dict[str, Any]) -> str:
    """Who made a statement: the entity's name, else the words that name the speaker."""
    ent = entities.get(statement["speaker"].get("entity"))
    return ent["name"] if ent else (statement["speaker"].get("text") or "(unnamed)")
