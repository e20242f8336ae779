"""`dateline benchmark --postgres URL`: the store's own time per article, on SQLite and on
PostgreSQL side by side.

The articles are extracted once, before any clock runs; then each record is written into a
new store and linked, as `dateline ingest` writes and links it (one transaction for the
record and its source, one for its links), first into an SQLite file, then into a
PostgreSQL database made for the run on the server the URL names (whose user may create
databases) and dropped afterwards. Publishing the corpus views, which ingest does once at
the end of a run, is timed apart. The target (issue 20): PostgreSQL within 3x SQLite.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
import time
from pathlib import Path
from typing import Any, Iterator

TARGET = 3.0  # PostgreSQL's time per article against SQLite's, at most


def measure(paths: list[str], url: str) -> dict[str, Any]:
    """Seconds per article to store and link, and to publish, on each backend."""
    from ..ingest import Problem, read_sources
    from ..pipeline import Pipeline

    found = [item for item in read_sources(paths) if not isinstance(item, Problem)]
    pipeline = Pipeline()
    records = list(pipeline.pipe([f.article for f in found]))
    with scratch(url) as database, tempfile.TemporaryDirectory() as folder:
        return {"articles": len(records),
                "sqlite": _timed(str(Path(folder) / "bench.db"), found, records, pipeline),
                "postgresql": _timed(database, found, records, pipeline)}


@contextlib.contextmanager
def scratch(url: str) -> Iterator[str]:
    """The URL of a new database on the server `url` names (whose user may create
    databases), dropped when the block ends."""
    import psycopg

    name = f"dateline_bench_{os.getpid()}"
    server = url.split("://", 1)[1].rsplit("/", 1)[0]
    with psycopg.connect("postgresql://" + url.split("://", 1)[1], autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
        try:
            yield f"postgresql://{server}/{name}"
        finally:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _timed(db: str, found: list[Any], records: list[dict[str, Any]], pipeline: Any) -> dict[str, float]:
    from ..corpus import Linker
    from ..corpus.publish import publish
    from ..record import content_key
    from ..store import Store

    with Store(db) as store:
        linker = Linker(pipeline.settings)
        start = time.perf_counter()
        for item, record in zip(found, records):
            if store.add(record, item) == "stored":
                linker.link(store, content_key(record["document"]["text"]))
        stored = time.perf_counter() - start
        start = time.perf_counter()
        publish(store, pipeline.settings, linker=linker)
        published = time.perf_counter() - start
    return {"store_s": stored, "publish_s": published}


def report(f: dict[str, Any]) -> str:
    n = f["articles"]
    lines = [f"store and link, {n} records already extracted (extraction not counted):"]
    for name in ("sqlite", "postgresql"):
        b = f[name]
        lines.append(f"  {name:10} {1000 * b['store_s'] / n:7.1f} ms/article to store and link; "
                     f"publishing the corpus views {b['publish_s']:.2f} s")
    ratio = f["postgresql"]["store_s"] / f["sqlite"]["store_s"]
    lines.append(f"  PostgreSQL/SQLite {ratio:.2f}x  (target: at most {TARGET:g}x; "
                 f"{'met' if ratio <= TARGET else 'MISSED'})")
    return "\n".join(lines)


def main(paths: list[str], url: str) -> int:
    print(report(measure(paths, url)), flush=True)
    return 0
