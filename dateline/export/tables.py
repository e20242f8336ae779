"""Flat tables (the layers' views of the store) as CSV or Parquet."""
from __future__ import annotations

import csv
from typing import IO, Any

from ..layers.base import Flat


def write_csv(rows: Any, flat: Flat, f: IO[str]) -> int:
    writer = csv.writer(f)
    writer.writerow([c[0] for c in rows.description])
    count = 0
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
        count += 1
    return count


def write_parquet(rows: Any, flat: Flat, f: IO[bytes]) -> int:
    import pyarrow.parquet as pq

    table = arrow_table(columns_of(rows), flat)
    pq.write_table(table, f)
    return table.num_rows


def columns_of(rows: Any) -> dict[str, list]:
    """A flat table's rows as plain columns (name -> values), in the view's order of columns."""
    names = [c[0] for c in rows.description]
    columns: dict[str, list] = {name: [] for name in names}
    for row in rows:
        for name, value in zip(names, row):
            columns[name].append(value)
    return columns


def arrow_table(columns: dict[str, list], flat: Flat):
    """The columns as an Arrow table with the flat table's types (`dateline batch` writes its
    partitions of the flat tables with these, so they read as one dataset with the export's)."""
    import pyarrow as pa

    # the flat table's numeric columns keep their types when a store has no such values yet
    def kind(name: str):
        return pa.float64() if name in flat.floats else pa.int64() if name in flat.integers else pa.string()

    return pa.table({name: pa.array(values, type=kind(name)) for name, values in columns.items()})
