"""What runs inside a Dask worker: one partition of articles made into records and rows.

The pipeline is loaded once per worker process (`pipeline_for`, a per-process cache) and
never travels inside a task; a task takes the articles of one partition and gives back
plain data (JSON text of the records, columns of the flat tables, the reasons of the
articles that failed), never spaCy Docs.

The flat tables are made the way `dateline export` makes them: each partition's records
go into a throwaway SQLite store on the worker, and the export's views are read from it,
so a batch's tables and an export's are one code path and one set of columns.
"""
from __future__ import annotations

import json
import os
import resource
import tempfile
from pathlib import Path
from typing import Any

from ..export import flat_rows, flats
from ..export.tables import columns_of
from ..ingest.run import extract_batch
from ..pipeline import Pipeline
from ..settings import Settings
from ..store import Store

_PIPELINES: dict[str, Pipeline] = {}  # this process's pipelines, one per set of settings


def pipeline_for(settings: Settings) -> Pipeline:
    """This process's pipeline for these settings, loaded on first use."""
    key = repr(settings)
    if key not in _PIPELINES:
        _PIPELINES[key] = Pipeline(settings)
    return _PIPELINES[key]


def warm(settings: Settings) -> dict[str, Any]:
    """Load the pipeline now (run on every worker as the batch starts, so a model that
    cannot be loaded stops the run at once rather than failing every article)."""
    pipeline_for(settings)
    return memory()


def memory() -> dict[str, Any]:
    """This process's id and peak resident memory, in MiB."""
    return {"pid": os.getpid(), "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def extract_part(part: dict[str, Any], settings: Settings) -> dict[str, Any]:
    """Records, flat-table columns and errors of one partition.

    `part` is {"name": str, "articles": [(seq, key, [Found, ...]), ...]}: each text once,
    with every source it was read from in this run (the first gives its metadata, as in
    `dateline ingest`). An article that cannot be extracted is an error of its own; the
    others go on."""
    pipeline = pipeline_for(settings)
    articles = part["articles"]
    outcomes = extract_batch(pipeline, [founds[0].article for _, _, founds in articles])
    records: list[dict[str, Any]] = []
    errors: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="dateline-batch-") as folder:
        with Store(Path(folder) / "part.db") as store:
            for (seq, key, founds), (_, record, error) in zip(articles, outcomes, strict=True):
                if record is None:
                    errors.append({"seq": seq, "key": key, "reason": error or "extraction failed"})
                    continue
                store.add(record, founds[0])
                for found in founds[1:]:
                    store.add_source(key, found)
                records.append({"seq": seq, "key": key, "record": json.dumps(record, ensure_ascii=False)})
            tables = {flat.name: columns_of(flat_rows(store, flat)) for flat in flats()}
    return {"name": part["name"], "records": records, "errors": errors, "tables": tables, **memory()}

