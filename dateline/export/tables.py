"""Flat tables (the store's *_rows views) as CSV or Parquet."""
from __future__ import annotations

import csv
import sqlite3
from collections.abc import Iterable
from typing import IO


def write_csv(rows: Iterable[sqlite3.Row], f: IO[str]) -> int:
    cursor = rows
    writer = csv.writer(f)
    writer.writerow([c[0] for c in cursor.description])
    count = 0
    for row in cursor:
        writer.writerow(["" if v is None else v for v in row])
        count += 1
    return count


def write_parquet(rows: Iterable[sqlite3.Row], f: IO[bytes]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    cursor = rows
    names = [c[0] for c in cursor.description]
    columns: dict[str, list] = {name: [] for name in names}
    for row in cursor:
        for name, value in zip(names, row):
            columns[name].append(value)
    table = pa.table({name: pa.array(values) for name, values in columns.items()})
    pq.write_table(table, f)
    return table.num_rows
