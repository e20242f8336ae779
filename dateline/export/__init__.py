"""`dateline export`: the store's data in the formats analysts load into their tools.

- jsonl: the document records, one per line (the contract's shape, as stored).
- csv: a folder of flat tables (events.csv in a layout an ACLED user recognises,
  statements.csv, figures.csv, places.csv, documents.csv): each layer's flat view; and
  the corpus layer's: linked_events.csv, claims.csv, contradictions.csv, actors.csv and
  track_record.csv, one row per item, with linked_event_reports.csv, claim_reports.csv
  and contradiction_items.csv holding their reports.
- geojson: the rows of the layers that say so (events, places) that have coordinates,
  and the linked events that have one, as Point features for a map.
- parquet: the same flat tables as csv, typed, for pandas, polars and DuckDB.

Which tables there are is the layers' declaration (dateline/layers/): a layer with a
flat view is exported, in reading order.

Each file is written beside its final name and moved into place, so a failed export
never leaves a half-written file where a complete one was expected.
"""
from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from .. import layers
from ..layers.base import Flat
from ..store import Store, corpus

FORMATS = ("jsonl", "csv", "geojson", "parquet")


def flats() -> list[Flat]:
    """The flat tables, in reading order (a layer that has no place in a reading comes
    last), then the corpus layer's (store/corpus.py)."""
    ranked = sorted((layer for layer in layers.LAYERS if layer.flat),
                    key=lambda layer: (layer.reading is None, layer.reading or 0))
    return [layer.flat for layer in ranked] + list(corpus.FLATS)


def flat_rows(store: Store, flat: Flat):
    """A flat table's rows, in its stable order (a cursor with a description)."""
    return store.rows(f"SELECT * FROM {flat.view} ORDER BY {flat.order}")


def export(store: Store, fmt: str, output: str | None) -> dict[str, int]:
    """Write the export; returns what was written (file name -> rows, or features for GeoJSON)."""
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    # one read transaction: every file sees the same store, whatever an ingest writes meanwhile
    store.conn.execute(store.dialect.begin_read)
    try:
        return _export(store, fmt, output)
    finally:
        store.conn.execute("COMMIT")


def _export(store: Store, fmt: str, output: str | None) -> dict[str, int]:
    if fmt in ("csv", "parquet"):
        if not output or output == "-":
            raise InputError(f"--format {fmt} writes one file per table: give a folder with --output")
        folder = Path(output)
        if folder.exists() and not folder.is_dir():
            raise InputError(f"{output} is a file; --format {fmt} needs a folder")
        folder.mkdir(parents=True, exist_ok=True)
        if fmt == "csv":
            from .tables import write_csv as write
        else:
            from .tables import write_parquet as write
        written = {}
        for flat in flats():
            path = folder / f"{flat.name}.{fmt}"
            with _atomic(path, binary=fmt == "parquet") as f:
                written[path.name] = write(flat_rows(store, flat), flat, f)
        return written
    if fmt == "jsonl":
        from .jsonl import write_jsonl as write_one
    else:
        from .geojson import write_geojson

        def write_one(store: Store, f):  # the layers whose rows are features
            return write_geojson(store, [flat for flat in flats() if flat.feature], f)
    if not output or output == "-":
        return {"stdout": write_one(store, sys.stdout)}
    with _atomic(Path(output)) as f:
        return {Path(output).name: write_one(store, f)}


@contextlib.contextmanager
def _atomic(path: Path, binary: bool = False) -> Iterator:
    tmp = path.parent / f".{path.name}.{os.getpid()}.tmp"
    try:
        f = open(tmp, "xb" if binary else "x", **({} if binary else {"encoding": "utf-8", "newline": ""}))
    except OSError as e:
        raise InputError(f"cannot write {path}: {e.strerror}") from None
    try:
        with f:
            yield f
        os.replace(tmp, path)
    except OSError as e:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise InputError(f"cannot write {path}: {e.strerror}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
