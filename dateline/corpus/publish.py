"""The links record kept as tables (store/corpus.py) for the pages, the API and the exports.

Linking changes a few groups per document; the links record is made from all of them.
Making it for every page view would read the whole store each time, so it is made once
after linking (by `ingest`, `reextract`, `relink`, `links` and `story`, and by the
server when it finds the tables older than the links) and written as tables.
"""
from __future__ import annotations

import logging

from ..settings import Settings
from ..store import Store
from ..store import corpus as views
from ..store.links import LinkTables
from .link import Linker
from .record import build

LOGGER = logging.getLogger(__name__)


def publish(store: Store, settings: Settings | None = None, *, linker: Linker | None = None,
            force: bool = False) -> bool:
    """Write the store's links record as tables, in one transaction, unless they are up to
    date already; True when they were written."""
    linker = linker or Linker(settings)
    names = linker.lex.names

    def work(tables: LinkTables) -> bool:
        at = views.stamp(tables.conn)
        if not force and views.published_stamp(tables.conn) == at:
            return False
        record = build(tables, linker.lex)

        def actor_of(text: str, type: str | None) -> int | None:
            form = names.name(text, type).form
            return tables.actor_of_form(form) if form else None

        counts = views.write(tables.conn, record, actor_of, at)
        LOGGER.info("published the links record: %s", counts)
        return True

    return store.linking(work)
