"""Flat tables (the store's *_rows views) as CSV or Parquet."""
from __future__ import annotations

import csv
import sqlite3
from typing import IO

# Parquet types of the numeric columns, so that a store with no coordinates (or no
# figures) yet still writes them as numbers; every other column is text.
FLOATS = ("latitude", "longitude", "value", "low", "high")
INTEGERS = ("geonameid", "mentions", "characters", "sources", "statements", "events", "figures", "places")


def write_csv(rows: sqlite3.Cursor, f: IO[str]) -> int:
    writer = csv.writer(f)
    writer.writerow([c[0] for c in rows.description])
    count = 0
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
        count += 1
    return count


def write_parquet(rows: sqlite3.Cursor, f: IO[bytes]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    names = [c[0] for c in rows.description]
    columns: dict[str, list] = {name: [] for name in names}
    for row in rows:
        for name, value in zip(names, row):
            columns[name].append(value)

    def kind(name: str):
        return pa.float64() if name in FLOATS else pa.int64() if name in INTEGERS else pa.string()

    table = pa.table({name: pa.array(values, type=kind(name)) for name, values in columns.items()})
    pq.write_table(table, f)
    return table.num_rows
