"""A batch's output folder: partitioned Parquet, written so that a run can be killed and rerun.

    DIR/batch.json                       what made it: the format, the settings, each run
    DIR/records/part-R-P.parquet         one row per document record (its JSON), with its key
    DIR/sources/part-R-P.parquet         one row per place a text was read from
    DIR/errors/part-R-P.parquet          one row per article or source that could not be done, and why
    DIR/tables/NAME/part-R-P.parquet     the flat tables of `dateline export` (events, statements, ...)

A partition is named by its run R and its number P. Its files are written each beside its
final name and moved into place, the records last: a partition whose records file exists
is complete (even one whose articles all failed has one, with no rows), and the other
files of a partition without one (a run killed while writing it) are removed when the
next run starts. Partition 0 of a run holds what was read and not extracted: the sources
that could not be read, and the new sources of texts an earlier run had done.

Each folder of partitions reads as one dataset: `pyarrow.dataset.dataset("DIR/tables/events")`,
`pandas.read_parquet("DIR/tables/events")`, DuckDB's `read_parquet('DIR/tables/events/*.parquet')`.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import os
import re
from pathlib import Path
from typing import Any

from ..errors import BatchError
from ..export import flats
from ..version import __version__

FORMAT = "dateline.batch/1"
MANIFEST = "batch.json"
PART = re.compile(r"part-(?P<name>\d{4,}-\d{5,}(?:-\d{3,})?)\.parquet$")
KINDS = ("records", "sources", "errors")


def _schemas() -> dict[str, Any]:
    import pyarrow as pa

    text, number = pa.string(), pa.int64()
    return {
        "records": pa.schema([("seq", number), ("key", text), ("id", text), ("published", text), ("source", text),
                              ("title", text), ("pipeline", text), ("record", text)]),
        "sources": pa.schema([("key", text), ("origin", text), ("locator", text), ("reader", text), ("id", text),
                              ("url", text), ("source", text), ("title", text), ("published", text),
                              ("meta", text)]),
        "errors": pa.schema([("run", number), ("seq", number), ("key", text), ("origin", text), ("locator", text),
                             ("stage", text), ("reason", text)]),
    }


def source_row(key: str, found: Any) -> dict[str, Any]:
    """A sources row for an ingest.Found (what `Store.add_source` keeps of it)."""
    a = found.article
    return {"key": key, "origin": found.origin, "locator": found.locator, "reader": found.reader, "id": a.id,
            "url": a.url, "source": a.source, "title": a.title,
            "published": None if a.published is None else str(a.published),
            "meta": json.dumps(found.meta, ensure_ascii=False, sort_keys=True) if found.meta else None}


class Output:
    """One batch output folder, held by one run at a time (a lock file)."""

    def __init__(self, folder: str | Path, *, create: bool = True):
        self.folder = Path(folder)
        manifest = self.folder / MANIFEST
        if self.folder.exists() and not self.folder.is_dir():
            raise BatchError(f"{self.folder} is a file; --out names a folder")
        if not manifest.is_file():
            if not create:
                raise BatchError(f"{self.folder} is not the output of `dateline batch` (it has no {MANIFEST})")
            if self.folder.is_dir() and any(p.name != ".lock" for p in self.folder.iterdir()):
                raise BatchError(f"{self.folder} holds other files and is not a batch's output: give a new or "
                                 "empty folder (nothing in it is touched)")
        self._lock: Any = None

    # -- a run ------------------------------------------------------------------------------

    def open_run(self, settings: dict[str, Any], sources: list[str]) -> int:
        """Lock the folder, check it was made with these settings, remove what a killed run
        left half-written, and start a run; its number."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._lock = open(self.folder / ".lock", "a")
        except OSError as e:
            raise BatchError(f"cannot write {self.folder}: {e.strerror}") from None
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self.close()
            raise BatchError(f"another `dateline batch` is writing {self.folder}; wait for it to finish") from None
        manifest = self.manifest()
        if manifest["runs"] and manifest["settings"] != settings:
            changed = sorted(k for k in {*settings, *manifest["settings"]}
                             if settings.get(k) != manifest["settings"].get(k))
            raise BatchError(f"{self.folder} holds records made with other settings ({', '.join(changed)}): give "
                             "another --out, or the settings it was made with")
        try:
            for folder in self._folders():
                folder.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise BatchError(f"cannot write {self.folder}: {e.strerror}") from None
        self._clean()
        run = 1 + max((r["run"] for r in manifest["runs"]), default=0)
        manifest["settings"] = settings
        manifest["runs"].append({"run": run, "dateline": __version__, "sources": sources, "started": _now()})
        self._write_manifest(manifest)
        return run

    def close_run(self, run: int, **figures: Any) -> None:
        manifest = self.manifest()
        for entry in manifest["runs"]:
            if entry["run"] == run:
                entry.update(figures, finished=_now())
        self._write_manifest(manifest)

    def close(self) -> None:
        if self._lock is not None:
            self._lock.close()  # and with it the lock
            self._lock = None

    def __enter__(self) -> "Output":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def manifest(self) -> dict[str, Any]:
        path = self.folder / MANIFEST
        if not path.is_file():
            return {"format": FORMAT, "settings": {}, "runs": []}
        try:
            manifest = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise BatchError(f"{path} cannot be read: {e}") from None
        if manifest.get("format") != FORMAT:
            raise BatchError(f"{path} is not a {FORMAT} manifest (it says {manifest.get('format')!r})")
        return manifest

    def _write_manifest(self, manifest: dict[str, Any]) -> None:
        self._atomic(self.folder / MANIFEST, lambda f: f.write(json.dumps(manifest, indent=1).encode() + b"\n"))

    def _clean(self) -> None:
        """Remove the files of partitions a killed run did not finish, and its temporary files."""
        complete = set(self.parts())
        for folder in self._folders():
            for path in folder.iterdir():
                m = PART.match(path.name)
                if path.name.startswith(".") or (m and folder.name != "records" and m["name"] not in complete):
                    path.unlink()

    def _folders(self) -> list[Path]:
        return [self.folder / kind for kind in KINDS] + [self.folder / "tables" / f.name for f in flats()]

    # -- reading ----------------------------------------------------------------------------

    def parts(self) -> list[str]:
        """The complete partitions, in the order they were made."""
        folder = self.folder / "records"
        if not folder.is_dir():
            return []
        return sorted(m["name"] for path in folder.iterdir() if (m := PART.match(path.name)))

    def read(self, kind: str, part: str, columns: list[str] | None = None) -> list[dict[str, Any]]:
        """The rows of one partition's file (records, sources, errors); none when it has no such file."""
        import pyarrow.parquet as pq

        path = self.folder / kind / f"part-{part}.parquet"
        if not path.exists():
            return []
        try:
            return pq.read_table(path, columns=columns).to_pylist()
        except Exception as e:  # noqa: BLE001 (pyarrow's errors have no common base worth naming)
            raise BatchError(f"{path} cannot be read as Parquet: {e}") from None

    def done(self) -> set[str]:
        """The keys of the texts whose records are written."""
        return {row["key"] for part in self.parts() for row in self.read("records", part, ["key"])}

    def sources_seen(self) -> set[tuple[str, str, str]]:
        """(key, origin, locator) of every source row written."""
        return {(r["key"], r["origin"], r["locator"] or "") for part in self.parts()
                for r in self.read("sources", part, ["key", "origin", "locator"])}

    def count(self, kind: str) -> int:
        import pyarrow.parquet as pq

        return sum(pq.ParquetFile(self.folder / kind / f"part-{part}.parquet").metadata.num_rows
                   for part in self.parts() if (self.folder / kind / f"part-{part}.parquet").exists())

    # -- writing ----------------------------------------------------------------------------

    def supersede_errors(self, keys: set[str], origins: set[str]) -> None:
        """Drop the errors of earlier runs that this run tries again: the articles it
        extracts again (by key) and the sources it reads again that could not be read."""
        for part in self.parts():
            rows = self.read("errors", part)
            kept = [r for r in rows if not (r["key"] in keys if r["key"] else r["origin"] in origins)]
            if len(kept) != len(rows):
                self._write_table("errors", part, kept)

    def write_part(self, part: str, records: list[dict[str, Any]], sources: list[dict[str, Any]],
                   errors: list[dict[str, Any]], tables: dict[str, dict[str, list]]) -> None:
        """One partition's files, its records last (they say the partition is complete)."""
        from ..export.tables import arrow_table

        for flat in flats():
            columns = tables.get(flat.name)
            if columns and any(columns.values()):
                self._write_arrow(self.folder / "tables" / flat.name / f"part-{part}.parquet",
                                  arrow_table(columns, flat))
        if sources:
            self._write_table("sources", part, sources)
        if errors:
            self._write_table("errors", part, errors)
        self._write_table("records", part, records)

    def _write_table(self, kind: str, part: str, rows: list[dict[str, Any]]) -> None:
        import pyarrow as pa

        self._write_arrow(self.folder / kind / f"part-{part}.parquet",
                          pa.Table.from_pylist(rows, schema=_schemas()[kind]))

    def _write_arrow(self, path: Path, table: Any) -> None:
        import pyarrow.parquet as pq

        self._atomic(path, lambda f: pq.write_table(table, f))

    @staticmethod
    def _atomic(path: Path, write: Any) -> None:
        tmp = path.parent / f".{path.name}.{os.getpid()}.tmp"
        try:
            with open(tmp, "wb") as f:
                write(f)
            os.replace(tmp, path)
        except OSError as e:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise BatchError(f"cannot write {path}: {e.strerror}; every partition written before is kept: "
                             "run the same command again") from None


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
