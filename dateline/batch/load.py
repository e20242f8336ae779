"""`dateline ingest --from-batch DIR`: a batch's records into a store, linked, never extracted again.

The partitions are read in the order they were made and each record in the order its
text was read, so the store is the one `dateline ingest` makes of the same sources: each
record is stored with its first source and linked as it is stored, its other sources are
added. Loading is idempotent as ingesting is: a text the store has gains only the
sources it lacked, so a load that is stopped is finished by the same command.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..corpus.link import Linker
from ..ingest import Found, Problem
from ..ingest.run import Report, until_stopped
from ..record import Article
from ..settings import Settings
from ..store import Store
from .output import Output


def load(folder: str | Path, store: Store, *, settings: Settings | None = None, progress: bool | None = None,
         on_problem: Callable[[Problem], None] | None = None) -> tuple[Report, int]:
    """Store and link every record of a batch's output; the report, and how many errors
    the batch lists (articles it could not extract or sources it could not read, which are
    not in it: see DIR/errors)."""
    settings = settings or Settings.from_env()
    output = Output(folder, create=False)
    parts = output.parts()
    report = Report()
    run = store.start_run([str(Path(folder).resolve())])
    linker = Linker(settings)
    linker.pending(store)  # the documents a stopped run stored and did not link
    with until_stopped(report, output.count("records"), "record", "load", progress) as bar:
        for part in parts:
            sources: dict[str, list[Found]] = {}
            for row in output.read("sources", part):
                sources.setdefault(row["key"], []).append(_found(row))
            records = sorted(output.read("records", part, ["seq", "key", "record"]), key=lambda r: r["seq"])
            for row in records:
                key, record = row["key"], json.loads(row["record"])
                founds = sources.pop(key, [])
                report.read += 1
                outcome = store.add(record, founds[0] if founds else None)
                if outcome == "stored":
                    linker.link(store, key)
                report.stored += outcome == "stored"
                report.known += outcome == "known"
                for found in founds[1:]:
                    store.add_source(key, found)
                bar.update()
            for key, founds in sources.items():  # new sources of texts an earlier run had done
                if store.has(key):
                    for found in founds:
                        store.add_source(key, found)
    if report.stopped is None:
        store.finish_run(run, report.read, report.stored, report.known, 0)
    return report, output.count("errors")


def _found(row: dict[str, Any]) -> Found:
    """A sources row as the Found it was read as (the text is not needed to add a source)."""
    article = Article(text="", id=row["id"], url=row["url"], source=row["source"], title=row["title"],
                      published=row["published"])
    return Found(article, row["origin"], row["reader"], row["locator"], json.loads(row["meta"]) if row["meta"] else {})
