"""The corpus layer: what many articles tell together.

Beside the layers of one document (dateline/layers/), this layer reads the records of a
store and links them: event mentions that report one happening become one linked event
(events.py), statements of one speaker with one content one claim (claims.py), figures
that count one thing one count (figures.py). From these groups it judges where reports
contradict each other (contradictions.py) and what became of each claim (lifecycle.py),
and writes the links record of ../shared/contract/links.md (record.py).

    items.py      a record's events, statements and figures, made comparable
    names.py      one actor across articles: when two names are one
    compare.py    dates, places, actors and words, compared two items at a time
    link.py       the Linker: a document into the store, incrementally; the store again
    judge.py      what a change of groups changes: contradictions, claim statuses
    actors.py     the actors table, every alias kept
    story.py      the linked events of a place, an actor or a period as a timeline

Linking runs as part of `dateline ingest`, after each document is stored; the link tables
are the store's (dateline/store/links.py); linking never changes a record.
"""
from __future__ import annotations

from typing import Any

from ..settings import Settings
from ..store import Store
from .link import Linker
from .record import build, validation_errors

__all__ = ["Linker", "links", "validation_errors"]


def links(store: Store, settings: Settings | None = None) -> dict[str, Any]:
    """The links record of a whole store."""
    linker = Linker(settings)
    return store.reading(lambda tables: build(tables, linker.lex))
