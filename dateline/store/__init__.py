"""The SQLite store: every document once, every source it came from, its layers as tables.

Safety comes from SQLite itself: the file is in WAL mode, each document is written with
its source and its layer rows in one IMMEDIATE transaction, and a writer waits for another
(busy timeout) instead of failing. A process killed at any point leaves each document
either fully stored or absent; two ingests may write the same file at once.

The tables are made by the numbered migrations of migrate.py; a store made by an older
Dateline is upgraded in place when it is opened. Which tables a layer's rows go to, and
which view is its flat export, the layer declares (dateline/layers/).
"""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
import time
import contextlib
import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from ..errors import StoreError
from .. import layers
from ..record import content_key
from ..version import __version__
from . import migrate
from .links import LinkTables

LOGGER = logging.getLogger(__name__)

# PRAGMA application_id marks a file as a Dateline store ("DLN1"); user_version is the
# number of the last migration it has (store/migrations/).
APPLICATION_ID = 0x444C4E31
BUSY_TIMEOUT_S = 60.0
Row = tuple[str, dict[str, Any]]
T = TypeVar("T")


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def layer_rows(key: str, record: dict[str, Any]) -> Iterator[Row]:
    """(table, row) for every item of every layer that stores rows."""
    for layer in layers.LAYERS:
        if layer.rows is not None:
            yield from layer.rows(key, record)


def layer_tables() -> tuple[str, ...]:
    """The tables the layers' rows go to."""
    return tuple(t for layer in layers.LAYERS for t in layer.tables)


def flat_views() -> tuple[str, ...]:
    """The views the exports read, one per layer that has a flat table."""
    return tuple(layer.flat.view for layer in layers.LAYERS if layer.flat)


def version_key(made_by: dict[str, Any] | None) -> str | None:
    """The pipeline that made a record (its `pipeline` field), as the `pipeline` column keeps it."""
    return json.dumps(made_by, sort_keys=True, separators=(",", ":")) if made_by else None


class Store:
    """One store file. `Store(path)` creates it when absent, and upgrades one an older
    Dateline made. `readonly=True` never writes records; it still upgrades an older store
    first, as the first open by a new Dateline does, when the file can be written, and
    otherwise reads it as it is."""

    def __init__(self, path: str | Path, *, readonly: bool = False):
        self.path = Path(path)
        if readonly and not self.path.exists():
            raise StoreError(f"{self.path}: no such store")
        if self.path.is_dir():
            raise StoreError(f"{self.path} is a directory; give a file name for the store")
        self.older: int | None = None  # the version of an older store read as it is
        found = _version_of(self.path) if readonly else None
        if found is not None and found < migrate.latest():
            if os.access(self.path, os.W_OK) and os.access(self.path.parent, os.W_OK):
                Store(self.path).close()
            else:
                self.older = found
                LOGGER.warning("%s is a version %d store on a read-only file: read as it is; upgrade it "
                               "(version %d) where it can be written", self.path, self.older, migrate.latest())
        # a URI with the path quoted: "run#2.db" is that file, not "run"
        uri = f"{self.path.resolve().as_uri()}?mode={'ro' if readonly else 'rwc'}"
        try:
            self.conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None,
                                        check_same_thread=False)
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: cannot open as a Dateline store ({e})") from None
        self.conn.row_factory = sqlite3.Row
        try:
            self._open(readonly)
        except sqlite3.DatabaseError as e:
            self.conn.close()
            raise StoreError(f"{self.path}: cannot open as a Dateline store ({e})") from None
        except BaseException:
            self.conn.close()
            raise

    def _open(self, readonly: bool) -> None:
        if not readonly:
            # two ingests may start on a new file together: one creates (or upgrades) it,
            # the other waits for the lock and then finds it made
            self._backup: Path | None = None
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                self._check_or_create()
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
            if self._backup is not None:  # the upgrade committed: the copy has served
                self._backup.unlink(missing_ok=True)
            self._use_wal()
        else:
            self._check_or_create(create=False)
        # NORMAL in WAL mode: a killed process loses nothing committed; only a power cut may
        # lose the last transactions, never the file's consistency
        self.conn.execute("PRAGMA synchronous=NORMAL")

    def _use_wal(self) -> None:
        """WAL mode (persistent; readers go on while one writes). Switching needs the file to
        itself, which SQLite does not wait for: another process opening it at the same
        moment makes us try again."""
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        while True:
            try:
                if self.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                    self.conn.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as e:
                if "locked" not in str(e) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _check_or_create(self, create: bool = True) -> None:
        """Inside the caller's transaction (IMMEDIATE when `create`): make a new store, upgrade
        an older one, refuse a newer one or a file that is no store."""
        app_id = self.conn.execute("PRAGMA application_id").fetchone()[0]
        tables = self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        latest = migrate.latest()
        if app_id == 0 and tables == 0:
            if not create:
                raise StoreError(f"{self.path}: the file is empty, not a Dateline store")
            self.conn.execute(f"PRAGMA user_version={migrate.apply(self.conn, 0)}")
            self.conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
        elif app_id != APPLICATION_ID:
            raise StoreError(f"{self.path} is an SQLite file but not a Dateline store")
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > latest:
            raise StoreError(f"{self.path} is a version {version} store, made by a newer Dateline; this one "
                             f"({__version__}) reads and writes stores up to version {latest}: "
                             "upgrade Dateline to use it")
        if version < latest and create:
            self._upgrade(version)

    def _upgrade(self, version: int) -> None:
        """From `version` to the latest, in the transaction the caller holds, with the old
        file copied aside until the upgrade commits (the caller commits; see _open)."""
        self._backup = migrate.backup(self.path, version)
        try:
            reached = migrate.apply(self.conn, version)
            self.conn.execute(f"PRAGMA user_version={reached}")
        except sqlite3.Error as e:
            raise StoreError(f"{self.path}: the upgrade from version {version} failed ({e}); the store is left "
                             f"as it was, and a copy of it is in {self._backup}") from None
        LOGGER.warning("upgraded %s from store version %d to %d", self.path, version, reached)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------

    def _write(self, work) -> Any:
        """Run `work(conn)` in one IMMEDIATE transaction; SQLite errors become StoreError."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as e:
            raise StoreError(self._why(e)) from None
        try:
            result = work(self.conn)
            self.conn.execute("COMMIT")
            return result
        except BaseException as e:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(e, sqlite3.Error):
                raise StoreError(self._why(e)) from None
            raise

    def _why(self, e: sqlite3.Error) -> str:
        message = str(e)
        if "full" in message:
            return (f"{self.path}: the disk is full ({message}); every document stored before this one is kept: "
                    "free some space and run the same command again")
        if "locked" in message or "busy" in message:
            return f"{self.path}: the store stayed locked by another writer for {BUSY_TIMEOUT_S:g} s ({message})"
        if "readonly" in message:
            return f"{self.path}: the store cannot be written ({message})"
        return f"{self.path}: {message}"

    def add(self, record: dict[str, Any], found: Any = None) -> str:
        """Store a record, and where it was found (an ingest.Found). Returns "stored", or
        "known" when the same text is already there (then only the source is added)."""
        key = content_key(record["document"]["text"])

        def work(conn: sqlite3.Connection) -> str:
            doc = record["document"]
            inserted = conn.execute(
                "INSERT OR IGNORE INTO documents (key, id, title, url, source, published, dateline, language, text, "
                "record, stored_at, pipeline) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (key, doc["id"], doc.get("title"), doc.get("url"), doc.get("source"), doc.get("published"),
                 doc.get("dateline"), doc.get("language"), doc["text"],
                 json.dumps(record, ensure_ascii=False), _now(), version_key(record.get("pipeline")))).rowcount
            if inserted:
                self._insert_rows(conn, key, record)
            if found is not None:
                self._add_source(conn, key, found)
            return "stored" if inserted else "known"

        return self._write(work)

    @staticmethod
    def _insert_rows(conn: sqlite3.Connection, key: str, record: dict[str, Any]) -> None:
        for table, row in layer_rows(key, record):
            columns = ", ".join(f'"{c}"' for c in row)
            conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({', '.join('?' * len(row))})", tuple(row.values()))

    def replace(self, key: str, record: dict[str, Any]) -> bool:
        """Put a new record in the place of a stored document's (re-extraction, corrected
        metadata), its layer rows with it, in one transaction; the key and the sources stay.
        False when the store has no such document."""
        if content_key(record["document"]["text"]) != key:
            raise StoreError(f"the record's text is not that of document {key}")

        def work(conn: sqlite3.Connection) -> bool:
            doc = record["document"]
            updated = conn.execute(
                "UPDATE documents SET id = ?, title = ?, url = ?, source = ?, published = ?, dateline = ?, "
                "language = ?, record = ?, pipeline = ? WHERE key = ?",
                (doc["id"], doc.get("title"), doc.get("url"), doc.get("source"), doc.get("published"),
                 doc.get("dateline"), doc.get("language"), json.dumps(record, ensure_ascii=False),
                 version_key(record.get("pipeline")), key)).rowcount
            if updated:
                for table in layer_tables():
                    conn.execute(f"DELETE FROM {table} WHERE doc = ?", (key,))
                self._insert_rows(conn, key, record)
                # its links were made from the record it replaces: link it again (the next
                # ingest or relink does, if this run stops before it does)
                conn.execute("DELETE FROM linked_documents WHERE doc = ?", (key,))
            return bool(updated)

        return self._write(work)

    def linking(self, work: Callable[[LinkTables], T]) -> T:
        """Run `work` over the link tables (store/links.py) in one IMMEDIATE transaction:
        the corpus layer's changes for a document are all there or not at all, and two
        ingests linking at once take turns."""
        return self._write(lambda conn: work(LinkTables(conn)))

    def reading(self, work: Callable[[LinkTables], T]) -> T:
        """Run `work` over the link tables in one read transaction: a links record made
        while another process links is of one moment."""
        self.conn.execute("BEGIN")
        try:
            return work(LinkTables(self.conn))
        except sqlite3.Error as e:
            raise StoreError(self._why(e)) from None
        finally:
            self.conn.execute("ROLLBACK")

    def pipelines(self) -> dict[str | None, int]:
        """Each pipeline that made records here (as the `pipeline` column keeps it; None for
        records that do not say, made before Dateline 0.2), with how many it made."""
        return {r[0]: r[1] for r in self.conn.execute("SELECT pipeline, count(*) FROM documents GROUP BY pipeline")}

    def made_by(self, pipeline: str | None) -> list[str]:
        """Keys of the documents one pipeline made, oldest publication first."""
        return [r[0] for r in self.conn.execute("SELECT key FROM documents WHERE pipeline IS ? "
                                                "ORDER BY published IS NULL, published, key", (pipeline,))]

    def forget_versions(self) -> int:
        """Mark every record to be made again: each keeps the settings it was made with, not
        the versions (a re-extraction stopped halfway is finished by the next one)."""
        def work(conn: sqlite3.Connection) -> int:
            changed = 0
            for (made,) in conn.execute("SELECT DISTINCT pipeline FROM documents WHERE pipeline IS NOT NULL").fetchall():
                kept = {"settings": json.loads(made).get("settings", {})}
                changed += conn.execute("UPDATE documents SET pipeline = ? WHERE pipeline = ?",
                                        (version_key(kept), made)).rowcount
            return changed

        return self._write(work)

    def document(self, key: str, *, text: bool = True) -> dict[str, Any] | None:
        """A stored document's metadata, and its text unless `text=False` (not its record)."""
        columns = "key, id, title, url, source, published" + (", text" if text else "")
        row = self.conn.execute(f"SELECT {columns} FROM documents WHERE key = ?", (key,)).fetchone()
        return dict(row) if row else None

    def keys(self) -> list[str]:
        """Every document's key, oldest publication first."""
        return [r[0] for r in self.conn.execute("SELECT key FROM documents ORDER BY published IS NULL, published, key")]

    def add_source(self, key: str, found: Any) -> bool:
        """Record another place a stored document was read; False when it was already listed."""
        return self._write(lambda conn: self._add_source(conn, key, found))

    @staticmethod
    def _add_source(conn: sqlite3.Connection, key: str, found: Any) -> bool:
        article = found.article
        version = None
        if article.url:
            known = conn.execute("SELECT version FROM sources WHERE url = ? AND doc = ?", (article.url, key)).fetchone()
            if known:
                version = known[0]
            else:
                seen = conn.execute("SELECT count(DISTINCT doc) FROM sources WHERE url = ?", (article.url,)).fetchone()
                version = seen[0] + 1
        return bool(conn.execute(
            "INSERT OR IGNORE INTO sources (doc, origin, locator, reader, url, source, title, published, version, "
            "meta, first_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (key, found.origin, found.locator or "", found.reader, article.url, article.source, article.title,
             article.published, version, json.dumps(found.meta, ensure_ascii=False, sort_keys=True)
             if found.meta else None, _now())).rowcount)

    def start_run(self, sources: list[str]) -> int:
        return self._write(lambda conn: conn.execute("INSERT INTO runs (started, sources) VALUES (?, ?)",
                                                     (_now(), json.dumps(sources))).lastrowid)

    def finish_run(self, run: int, read: int, stored: int, known: int, problems: int) -> None:
        self._write(lambda conn: conn.execute(
            "UPDATE runs SET finished = ?, read = ?, stored = ?, known = ?, problems = ? WHERE id = ?",
            (_now(), read, stored, known, problems, run)))

    # -- reading ---------------------------------------------------------------------------

    def has(self, key: str) -> bool:
        return self.conn.execute("SELECT 1 FROM documents WHERE key = ?", (key,)).fetchone() is not None

    def count(self, table: str) -> int:
        if table not in ("documents", "sources", "runs", *layer_tables(), *flat_views()):
            raise StoreError(f"no table {table!r} in the store")
        return self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def records(self) -> Iterator[dict[str, Any]]:
        """Every stored record, oldest publication first (then by key, so the order is stable)."""
        for (raw,) in self.conn.execute("SELECT record FROM documents ORDER BY published IS NULL, published, key"):
            yield json.loads(raw)

    def rows(self, query: str, params: tuple = ()) -> Iterator[sqlite3.Row]:
        return self.conn.execute(query, params)


def _version_of(path: Path) -> int:
    """The version of an existing Dateline store, read without writing; for any other file
    the current version, so that opening it says what is wrong with it."""
    try:
        with contextlib.closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
            if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                return migrate.latest()
            return conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.Error:
        return migrate.latest()
