"""The store: every document once, every source it came from, its layers as tables. An
SQLite file by default; a PostgreSQL database when `--db` is a `postgresql://` URL (one
schema and one set of queries for both: the few differences are in dialect.py).

Safety comes from the database. Each document is written with its source and its layer
rows in one transaction, and writers take turns: in SQLite through the file's write lock
(the file is in WAL mode; a writer waits for another, busy timeout, instead of failing),
in PostgreSQL through an advisory lock held to the end of the transaction. A process
killed at any point leaves each document either fully stored or absent; several ingests
may write one store at once, and a text stored twice is stored once (its key is unique).

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
from .dialect import APPLICATION_ID, PostgreSQLConnection, connect_sqlite, is_url, shown
from .links import LinkTables

LOGGER = logging.getLogger(__name__)

BUSY_TIMEOUT_S = 60.0
# Pages the write-ahead log may hold before SQLite copies them into the file. Each copy
# ends with two disk syncs; ingest writes some 500 pages per article (its record, its
# links, the views), so SQLite's default of 1000 synced every other article, a few ms each
# here. At 4000 (16 MB) it syncs every eight or so, and a page written by several articles
# in between is copied once.
CHECKPOINT_PAGES = 4000
Row = tuple[str, dict[str, Any]]
T = TypeVar("T")

# the store's public names (APPLICATION_ID, which marks a file as a store, lives in dialect.py)
__all__ = ["APPLICATION_ID", "Store", "exists", "flat_views", "layer_rows", "layer_tables", "version_key", "writable"]


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


def exists(db: str | Path) -> bool:
    """Whether a --db value names a store that may be there: an existing file, or any
    PostgreSQL URL (opening it says whether it is one)."""
    return is_url(db) or Path(db).is_file()


def writable(db: str | Path) -> bool:
    """Whether a store can be written: a file and its folder writable; a PostgreSQL
    database as its user's rights say (opening it for writing says)."""
    return is_url(db) or (os.access(db, os.W_OK) and os.access(Path(db).resolve().parent, os.W_OK))


class Store:
    """One store: a file (created when absent) or a PostgreSQL database named by a URL
    (made a store when empty). An older Dateline's store is upgraded when opened.
    `readonly=True` never writes records; it still upgrades an older store first, as the
    first open by a new Dateline does, when it can be written, and otherwise reads it as
    it is."""

    def __init__(self, db: str | Path, *, readonly: bool = False):
        self.url = str(db) if is_url(db) else None
        self.path = Path(db) if self.url is None else None
        self.name = shown(db)  # what messages call it
        self.older: int | None = None  # the version of an older store read as it is
        if self.url is not None:
            self._connect_postgresql(readonly)
            return
        if readonly and not self.path.exists():
            raise StoreError(f"{self.path}: no such store")
        if self.path.is_dir():
            raise StoreError(f"{self.path} is a directory; give a file name for the store")
        found = _version_of(self.path) if readonly else None
        if found is not None and found < migrate.latest():
            if writable(self.path):
                Store(self.path).close()
            else:
                self.older = found
                LOGGER.warning("%s is a version %d store on a read-only file: read as it is; upgrade it "
                               "(version %d) where it can be written", self.path, self.older, migrate.latest())
        try:
            self.conn = connect_sqlite(self.path, readonly=readonly, timeout=BUSY_TIMEOUT_S)
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: cannot open as a Dateline store ({e})") from None
        try:
            self._open(readonly)
        except sqlite3.DatabaseError as e:
            self.conn.close()
            raise StoreError(f"{self.path}: cannot open as a Dateline store ({e})") from None
        except BaseException:
            self.conn.close()
            raise

    def _connect_postgresql(self, readonly: bool) -> None:
        import psycopg

        try:
            self.conn = PostgreSQLConnection(self.url, readonly=readonly)
        except psycopg.Error as e:
            raise StoreError(f"{self.name}: cannot open as a Dateline store ({str(e).strip()})") from None
        try:
            if not readonly:
                self._write(lambda conn: self._check_or_create())
                return
            self._check_or_create(create=False)
            if self.dialect.version(self.conn) < migrate.latest(self.dialect.name):
                Store(self.url).close()  # upgraded first, as a file that can be written is
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
        self.conn.execute(f"PRAGMA wal_autocheckpoint={CHECKPOINT_PAGES}")

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
        """Inside the caller's write transaction when `create`: make a new store, upgrade an
        older one, refuse a newer one or a database that is no store."""
        dialect = self.conn.dialect
        latest = migrate.latest(dialect.name)
        state = dialect.state(self.conn)
        if state == "empty":
            if not create:
                raise StoreError(f"{self.name}: the {'file' if self.url is None else 'database'} is empty, "
                                 "not a Dateline store")
            dialect.set_version(self.conn, migrate.apply(self.conn, 0, dialect.name))
        elif state == "foreign":
            raise StoreError(f"{self.name} is {'an SQLite file' if self.url is None else 'a PostgreSQL database'} "
                             "but not a Dateline store")
        version = dialect.version(self.conn)
        if version > latest:
            raise StoreError(f"{self.name} is a version {version} store, made by a newer Dateline; this one "
                             f"({__version__}) reads and writes stores up to version {latest}: "
                             "upgrade Dateline to use it")
        if version < latest and create:
            self._upgrade(version)

    def _upgrade(self, version: int) -> None:
        """From `version` to the latest, in the transaction the caller holds (the caller
        commits; see _open). A file is copied aside until the upgrade commits; PostgreSQL
        undoes a failed one itself (its schema changes are transactional)."""
        dialect = self.conn.dialect
        self._backup = migrate.backup(self.path, version) if self.url is None else None
        try:
            reached = migrate.apply(self.conn, version, dialect.name)
            dialect.set_version(self.conn, reached)
        except dialect.Error as e:
            kept = f", and a copy of it is in {self._backup}" if self._backup else ""
            raise StoreError(f"{self.name}: the upgrade from version {version} failed ({e}); the store is left "
                             f"as it was{kept}") from None
        LOGGER.warning("upgraded %s from store version %d to %d", self.name, version, reached)

    def close(self) -> None:
        self.conn.close()

    @property
    def dialect(self) -> Any:
        """The SQL dialect of the store's database (dialect.py)."""
        return self.conn.dialect

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------

    def _write(self, work) -> Any:
        """Run `work(conn)` in one write transaction (writers take turns); database errors
        become StoreError."""
        dialect = self.conn.dialect
        try:
            dialect.begin_write(self.conn)
        except dialect.Error as e:
            self._rollback()
            raise StoreError(self._why(e)) from None
        try:
            result = work(self.conn)
            self.conn.execute("COMMIT")
            return result
        except BaseException as e:
            self._rollback()
            if isinstance(e, dialect.Error):
                raise StoreError(self._why(e)) from None
            raise

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def _why(self, e: Exception) -> str:
        message = str(e).strip()
        if "full" in message:
            return (f"{self.name}: the disk is full ({message}); every document stored before this one is kept: "
                    "free some space and run the same command again")
        if "locked" in message or "busy" in message:
            return f"{self.name}: the store stayed locked by another writer for {BUSY_TIMEOUT_S:g} s ({message})"
        if "readonly" in message or "read-only" in message:
            return f"{self.name}: the store cannot be written ({message})"
        return f"{self.name}: {message}"

    def add(self, record: dict[str, Any], found: Any = None) -> str:
        """Store a record, and where it was found (an ingest.Found). Returns "stored", or
        "known" when the same text is already there (then only the source is added)."""
        key = content_key(record["document"]["text"])

        def work(conn: Any) -> str:
            doc = record["document"]
            inserted = conn.execute(
                "INSERT INTO documents (key, id, title, url, source, published, dateline, language, text, "
                "record, stored_at, pipeline) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
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
    def _insert_rows(conn: Any, key: str, record: dict[str, Any]) -> None:
        # one statement per table and set of columns, in the record's order: PostgreSQL
        # sends a table's rows in one round trip rather than one each
        batches: dict[tuple[str, tuple[str, ...]], list[tuple]] = {}
        for table, row in layer_rows(key, record):
            batches.setdefault((table, tuple(row)), []).append(tuple(row.values()))
        for (table, names), rows in batches.items():
            columns = ", ".join(f'"{c}"' for c in names)
            conn.executemany(f"INSERT INTO {table} ({columns}) VALUES ({', '.join('?' * len(names))})", rows)

    def replace(self, key: str, record: dict[str, Any]) -> bool:
        """Put a new record in the place of a stored document's (re-extraction, corrected
        metadata), its layer rows with it, in one transaction; the key and the sources stay.
        False when the store has no such document."""
        if content_key(record["document"]["text"]) != key:
            raise StoreError(f"the record's text is not that of document {key}")

        def work(conn: Any) -> bool:
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
        def linked(conn: Any) -> T:
            with conn.pipelined():
                tables = LinkTables(conn)
                result = work(tables)
                tables.flush()  # what it changed, noted in the same transaction
            return result

        return self._write(linked)

    def reading(self, work: Callable[[LinkTables], T]) -> T:
        """Run `work` over the link tables in one read transaction: a links record made
        while another process links is of one moment."""
        self.conn.execute(self.dialect.begin_read)
        try:
            return work(LinkTables(self.conn))
        except self.dialect.Error as e:
            raise StoreError(self._why(e)) from None
        finally:
            self.conn.execute("ROLLBACK")

    def pipelines(self) -> dict[str | None, int]:
        """Each pipeline that made records here (as the `pipeline` column keeps it; None for
        records that do not say, made before Dateline 0.2), with how many it made."""
        return {r[0]: r[1] for r in self.conn.execute("SELECT pipeline, count(*) FROM documents GROUP BY pipeline")}

    def made_by(self, pipeline: str | None) -> list[str]:
        """Keys of the documents one pipeline made, oldest publication first."""
        return [r[0] for r in self.conn.execute("SELECT key FROM documents WHERE pipeline IS NOT DISTINCT FROM ? "
                                                "ORDER BY published IS NULL, published, key", (pipeline,))]

    def forget_versions(self) -> int:
        """Mark every record to be made again: each keeps the settings it was made with, not
        the versions (a re-extraction stopped halfway is finished by the next one)."""
        def work(conn: Any) -> int:
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

    def statement_text(self, document: str, statement: str) -> str | None:
        """What a statement says (its content), by the document's id as the links record
        names it (its key, for a document stored without an id)."""
        row = self.conn.execute(
            "SELECT s.content FROM statements s JOIN documents d ON d.key = s.doc "
            "WHERE s.id = ? AND (d.id = ? OR d.key = ?) ORDER BY d.key LIMIT 1", (statement, document, document)).fetchone()
        return row[0] if row else None

    def keys(self) -> list[str]:
        """Every document's key, oldest publication first."""
        return [r[0] for r in self.conn.execute("SELECT key FROM documents ORDER BY published IS NULL, published, key")]

    def add_source(self, key: str, found: Any) -> bool:
        """Record another place a stored document was read; False when it was already listed."""
        return self._write(lambda conn: self._add_source(conn, key, found))

    @staticmethod
    def _add_source(conn: Any, key: str, found: Any) -> bool:
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
            "INSERT INTO sources (doc, origin, locator, reader, url, source, title, published, version, "
            "meta, first_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (key, found.origin, found.locator or "", found.reader, article.url, article.source, article.title,
             article.published, version, json.dumps(found.meta, ensure_ascii=False, sort_keys=True)
             if found.meta else None, _now())).rowcount)

    def start_run(self, sources: list[str]) -> int:
        return self._write(lambda conn: conn.execute("INSERT INTO runs (started, sources) VALUES (?, ?) RETURNING id",
                                                     (_now(), json.dumps(sources))).fetchone()[0])

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
        return self.dialect.version(self.conn)

    def records(self) -> Iterator[dict[str, Any]]:
        """Every stored record, oldest publication first (then by key, so the order is stable)."""
        for (raw,) in self.conn.execute("SELECT record FROM documents ORDER BY published IS NULL, published, key"):
            yield json.loads(raw)

    def rows(self, query: str, params: tuple = ()) -> Any:
        """A cursor over a query's rows (with a description)."""
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
