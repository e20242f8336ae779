"""Where SQLite and PostgreSQL differ, in one place: the store's code writes one query for
both and asks the dialect of its connection (`conn.dialect`) for the few parts that differ.

The queries are written with `?` placeholders and the SQL both engines share (INSERT ... ON
CONFLICT DO NOTHING, RETURNING, IS NOT DISTINCT FROM, aggregates with FILTER, TRUE and
FALSE). What is left differs, and lives here:

- opening: a file through sqlite3, a `postgresql://` URL through psycopg 3 (whose `%s`
  placeholders the PostgreSQL connection writes in for `?`, once per query text);
- what marks a store and its version: SQLite's `application_id` and `user_version`
  PRAGMAs; a one-row table `dateline_store` in PostgreSQL;
- transactions: a writer takes SQLite's one write lock (BEGIN IMMEDIATE); in PostgreSQL an
  advisory lock held to the end of the transaction (pg_advisory_xact_lock) does the same,
  so writers take turns there as they do in a file, and each writes what the one before
  it committed. A reader's snapshot is REPEATABLE READ there, as every SQLite transaction is;
- text: SQLite's LIKE ignores ASCII case, PostgreSQL's ILIKE does; instr() is strpos();
  COLLATE NOCASE is lower() on both sides; json_extract() is ->>;
- a date's first and last day from a stored TIMEX value (GLOB and date() against regular
  expressions and date arithmetic);
- finding words: SQLite keeps them in FTS5 trigram tables beside the corpus views;
  PostgreSQL's pg_trgm indexes the column itself, which ILIKE reads;
- waiting: a server answers each statement a round trip away, so linking's many small writes
  go out without waiting for their answers (psycopg's pipeline mode, `pipelined`), and each
  query is planned for its own values (a plan made once, when a new store's tables were
  small, stays slow as they grow); SQLite answers in the process;
- INSERT OR REPLACE against an upsert naming the key, and SQLite's `+column`, which keeps
  its planner off an index (PostgreSQL has no such operator on text, nor the need).

SQLite is the default and its SQL is exactly what it was before PostgreSQL came: its
connections are sqlite3's own (a subclass that only carries `dialect`), so nothing is
added to each query's path.
"""
from __future__ import annotations

import contextlib
import functools
import re
import sqlite3
from pathlib import Path
from typing import Any, Iterable, Sequence

# What a --db value names: one of these URLs is a PostgreSQL database, anything else a file.
POSTGRESQL_SCHEMES = ("postgresql://", "postgresql+psycopg://", "postgres://")
# PRAGMA application_id marks a file as a Dateline store ("DLN1"); PostgreSQL keeps it in
# dateline_store, and uses it as the key of the writers' advisory lock.
APPLICATION_ID = 0x444C4E31


def is_url(db: str | Path) -> bool:
    """Whether a --db value names a PostgreSQL database rather than an SQLite file."""
    return isinstance(db, str) and db.startswith(POSTGRESQL_SCHEMES)


def shown(db: str | Path) -> str:
    """A store's name for messages: a URL without its password."""
    if not is_url(db):
        return str(db)
    return re.sub(r"(//[^/:@]*):[^/@]*@", r"\1:***@", str(db))


class SQLite:
    name = "sqlite"
    like = "LIKE"  # ignores the case of ASCII letters
    walk = "+"  # `+id IN (...)`: the planner walks the order's index instead of fetching the set
    word_tables = True  # the corpus views' words in FTS5 trigram tables (migration 4)
    begin_read = "BEGIN"  # a read transaction is one snapshot from its first read (WAL)

    @property
    def Error(self) -> type[Exception]:
        return sqlite3.Error

    def begin_write(self, conn: Any) -> None:
        conn.execute("BEGIN IMMEDIATE")

    def equals_nocase(self, column: str) -> str:
        return f"{column} = ? COLLATE NOCASE"

    def instr(self, text: str, part: str) -> str:
        return f"instr({text}, {part})"

    def json_text(self, column: str, key: str) -> str:
        return f"json_extract({column}, '$.{key}')"

    def replace(self, table: str, columns: Sequence[str], keys: Sequence[str]) -> str:
        """An INSERT that puts the row in the place of the one with the same key."""
        return f"INSERT OR REPLACE INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"

    def date_start(self, column: str) -> str:
        return _SQLITE_START.format(d=column)

    def date_end(self, column: str) -> str:
        return _SQLITE_END.format(d=column)

    def has_table(self, conn: Any, name: str) -> bool:
        return conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone() is not None

    def store_name(self, conn: Any) -> str:
        return conn.execute("PRAGMA database_list").fetchone()[2]

    def state(self, conn: Any) -> str:
        """'empty' (nothing in it), 'store' (a Dateline store) or 'foreign'."""
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id == APPLICATION_ID:
            return "store"
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        return "empty" if app_id == 0 and tables == 0 else "foreign"

    def version(self, conn: Any) -> int:
        return conn.execute("PRAGMA user_version").fetchone()[0]

    def set_version(self, conn: Any, version: int) -> None:
        conn.execute(f"PRAGMA user_version={int(version)}")
        conn.execute(f"PRAGMA application_id={APPLICATION_ID}")


class PostgreSQL:
    name = "postgresql"
    like = "ILIKE"
    walk = ""
    word_tables = False  # pg_trgm's GIN indexes on the words columns (migration 4's part)
    begin_read = "BEGIN ISOLATION LEVEL REPEATABLE READ"

    @property
    def Error(self) -> type[Exception]:
        import psycopg

        return psycopg.Error

    def begin_write(self, conn: Any) -> None:
        conn.execute("BEGIN")
        conn.execute("SELECT pg_advisory_xact_lock(?)", (APPLICATION_ID,))

    def equals_nocase(self, column: str) -> str:
        return f"lower({column}) = lower(?)"

    def instr(self, text: str, part: str) -> str:
        return f"strpos({text}, {part})"

    def json_text(self, column: str, key: str) -> str:
        return f"(({column})::json ->> '{key}')"

    def replace(self, table: str, columns: Sequence[str], keys: Sequence[str]) -> str:
        # a table with a `rowid` (migration 3's PostgreSQL part) gets a new one, as a
        # replaced row does in SQLite: what reads the last rowid sees the change
        others = [f"{c} = EXCLUDED.{c}" for c in columns if c not in keys]
        if table in ROWID_TABLES:
            others.append("rowid = DEFAULT")
        return (f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) "
                f"ON CONFLICT ({', '.join(keys)}) DO " + (f"UPDATE SET {', '.join(others)}" if others else "NOTHING"))

    def date_start(self, column: str) -> str:
        return _PG_START.format(d=column)

    def date_end(self, column: str) -> str:
        return _PG_END.format(d=column)

    def has_table(self, conn: Any, name: str) -> bool:
        return conn.execute("SELECT to_regclass(?) IS NOT NULL", (name,)).fetchone()[0]

    def store_name(self, conn: Any) -> str:
        info = conn.raw.info
        return f"postgresql://{info.host}:{info.port}/{info.dbname}"

    def state(self, conn: Any) -> str:
        if self.has_table(conn, "dateline_store"):
            return "store"
        tables = conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()").fetchone()[0]
        return "empty" if tables == 0 else "foreign"

    def version(self, conn: Any) -> int:
        return conn.execute("SELECT version FROM dateline_store WHERE id = 1").fetchone()[0]

    def set_version(self, conn: Any, version: int) -> None:
        conn.execute("CREATE TABLE IF NOT EXISTS dateline_store (id INTEGER PRIMARY KEY CHECK (id = 1), "
                     "application_id BIGINT NOT NULL, version INTEGER NOT NULL)")
        conn.execute("INSERT INTO dateline_store (id, application_id, version) VALUES (1, ?, ?) "
                     "ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version", (APPLICATION_ID, int(version)))


SQLITE = SQLite()
POSTGRESQL = PostgreSQL()
# the tables to which PostgreSQL's part of migration 3 gives a `rowid`, for what reads
# SQLite's (the order items were stored in, the last document linked)
ROWID_TABLES = ("link_items", "linked_documents")


# -- a date's first and last day (queries.date_span, in SQL) -------------------------------

# SQL, not a Python function called per row: that would hold the interpreter's lock and
# slow every concurrent request.
_IS_WEEK = "{d} GLOB '[0-9][0-9][0-9][0-9]-W[0-9][0-9]*'"
_WEEK_DAY = "{d} GLOB '[0-9][0-9][0-9][0-9]-W[0-9][0-9]-[1-7]*'"
_IS_DAY = "{d} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'"
_IS_MONTH = "{d} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*'"
_IS_YEAR = "{d} GLOB '[0-9][0-9][0-9][0-9]*'"
# the Monday of ISO week 1 is the Monday on or before 4 January
_WEEK_START = ("date(substr({d}, 1, 4) || '-01-04', '-6 days', 'weekday 1', "
               "'+' || ((CAST(substr({d}, 7, 2) AS INTEGER) - 1) * 7) || ' days')")
_SQLITE_START = (f"(CASE WHEN {_WEEK_DAY} THEN date({_WEEK_START}, '+' || (CAST(substr({{d}}, 10, 1) AS INTEGER) - 1) "
                 f"|| ' days') WHEN {_IS_WEEK} THEN {_WEEK_START} WHEN {_IS_DAY} THEN substr({{d}}, 1, 10) "
                 f"WHEN {_IS_MONTH} THEN substr({{d}}, 1, 7) || '-01' WHEN {_IS_YEAR} THEN substr({{d}}, 1, 4) "
                 f"|| '-01-01' END)")
_SQLITE_END = (f"(CASE WHEN {_WEEK_DAY} THEN {_SQLITE_START} WHEN {_IS_WEEK} THEN date({_WEEK_START}, '+6 days') "
               f"WHEN {_IS_DAY} THEN substr({{d}}, 1, 10) "
               f"WHEN {_IS_MONTH} THEN date(substr({{d}}, 1, 7) || '-01', '+1 month', '-1 day') "
               f"WHEN {_IS_YEAR} THEN substr({{d}}, 1, 4) || '-12-31' END)")

# PostgreSQL: to_date(.., 'IYYY-IW') is the Monday of an ISO week. A date that is not in the
# calendar raises there where SQLite's date() gives NULL, so the patterns that compute a
# date admit months 01-12 only (week numbers past 53 roll over on both).
_PG_WEEK_MONDAY = "to_date(substr({d}, 1, 4) || '-' || substr({d}, 7, 2), 'IYYY-IW')"
_PG_START = (f"(CASE WHEN {{d}} ~ '^[0-9]{{{{4}}}}-W[0-9]{{{{2}}}}-[1-7]' THEN ({_PG_WEEK_MONDAY} "
             f"+ (CAST(substr({{d}}, 10, 1) AS INTEGER) - 1))::text "
             f"WHEN {{d}} ~ '^[0-9]{{{{4}}}}-W[0-9]{{{{2}}}}' THEN ({_PG_WEEK_MONDAY})::text "
             f"WHEN {{d}} ~ '^[0-9]{{{{4}}}}-[0-9]{{{{2}}}}-[0-9]{{{{2}}}}' THEN substr({{d}}, 1, 10) "
             f"WHEN {{d}} ~ '^[0-9]{{{{4}}}}-[0-9]{{{{2}}}}' THEN substr({{d}}, 1, 7) || '-01' "
             f"WHEN {{d}} ~ '^[0-9]{{{{4}}}}' THEN substr({{d}}, 1, 4) || '-01-01' END)")
_PG_END = (f"(CASE WHEN {{d}} ~ '^[0-9]{{{{4}}}}-W[0-9]{{{{2}}}}-[1-7]' THEN {_PG_START} "
           f"WHEN {{d}} ~ '^[0-9]{{{{4}}}}-W[0-9]{{{{2}}}}' THEN ({_PG_WEEK_MONDAY} + 6)::text "
           f"WHEN {{d}} ~ '^[0-9]{{{{4}}}}-[0-9]{{{{2}}}}-[0-9]{{{{2}}}}' THEN substr({{d}}, 1, 10) "
           f"WHEN {{d}} ~ '^[0-9]{{{{4}}}}-(0[1-9]|1[0-2])' THEN "
           f"((to_date(substr({{d}}, 1, 7), 'YYYY-MM') + interval '1 month')::date - 1)::text "
           f"WHEN {{d}} ~ '^[0-9]{{{{4}}}}-[0-9]{{{{2}}}}' THEN NULL "
           f"WHEN {{d}} ~ '^[0-9]{{{{4}}}}' THEN substr({{d}}, 1, 4) || '-12-31' END)")


# -- connections ------------------------------------------------------------------------------

class SQLiteConnection(sqlite3.Connection):
    """sqlite3's connection, which says its dialect."""

    dialect = SQLITE

    def pipelined(self) -> contextlib.AbstractContextManager[Any]:
        """SQLite answers in the process: there is no answer to wait for."""
        return contextlib.nullcontext()


def connect_sqlite(path: Path, *, readonly: bool, timeout: float) -> SQLiteConnection:
    # a URI with the path quoted: "run#2.db" is that file, not "run"
    uri = f"{path.resolve().as_uri()}?mode={'ro' if readonly else 'rwc'}"
    conn = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None, check_same_thread=False,
                           factory=SQLiteConnection)
    conn.row_factory = sqlite3.Row
    return conn


class Row(tuple):
    """A row of a PostgreSQL query as sqlite3.Row reads: by position or by column name,
    and `dict(row)`."""

    def __new__(cls, values: Iterable[Any], names: dict[str, int]) -> "Row":
        row = super().__new__(cls, values)
        row._names = names
        return row

    def keys(self) -> list[str]:
        return list(self._names)

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self._names[key])
        return tuple.__getitem__(self, key)


def _row_factory(cursor: Any):
    names = {c.name: n for n, c in enumerate(cursor.description or ())}
    return lambda values: Row(values, names)


@functools.lru_cache(maxsize=4096)
def _pg_sql(sql: str) -> str:
    """A query written for sqlite3 with psycopg's placeholders: `?` outside quotes is `%s`,
    and every `%` (a LIKE pattern written in the SQL) is doubled."""
    out, quote = [], None
    for ch in sql:
        if quote:
            if ch == quote:
                quote = None
        elif ch in "'\"":
            quote = ch
        elif ch == "?":
            out.append("%s")
            continue
        out.append("%%" if ch == "%" else ch)
    return "".join(out)


class PostgreSQLConnection:
    """A psycopg connection used as the store uses sqlite3's: `execute` and `executemany`
    with `?` placeholders, rows read by index or by name, transactions begun and ended by
    the statements the store sends (autocommit otherwise, as sqlite3's isolation_level=None)."""

    dialect = POSTGRESQL

    def __init__(self, url: str, *, readonly: bool):
        import psycopg
        from psycopg.conninfo import conninfo_to_dict

        conninfo = "postgresql://" + url.split("://", 1)[1]  # SQLAlchemy's postgresql+psycopg:// too
        # psycopg prepares a query run five times, and PostgreSQL may then plan it once for
        # any values, from the statistics of the tables when they were small (a new store):
        # the candidates' query kept a plan that read every key of a kind, 2.3 ms a time
        # where a plan for its own keys takes 0.2. Each query is planned for its values.
        settings = ["-c plan_cache_mode=force_custom_plan"] + (["-c default_transaction_read_only=on"] if readonly else [])
        given = conninfo_to_dict(conninfo).get("options")  # the URL's own options are kept
        self.raw = psycopg.connect(conninfo, autocommit=True, row_factory=_row_factory,
                                   options=" ".join(([str(given)] if given else []) + settings))

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.raw.execute(_pg_sql(sql), params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> Any:
        rows = list(rows)
        if len(rows) == 1:  # most often (a change noted, a key added): no pipeline to set up for one
            return self.raw.execute(_pg_sql(sql), rows[0])
        cursor = self.raw.cursor()
        if rows:
            cursor.executemany(_pg_sql(sql), rows)
        return cursor

    def pipelined(self) -> contextlib.AbstractContextManager[Any]:
        """Statements sent without waiting for each one's answer (psycopg's pipeline mode):
        only a read waits, for its own answer and those of the writes before it. Linking
        writes in many small steps between its reads; each write waiting for the server
        made PostgreSQL's store time six times SQLite's. A write's error is raised at the
        next read or at the block's end, and the transaction is rolled back as before; a
        write's `rowcount` is not known inside the block, so what reads it stays outside."""
        return self.raw.pipeline()

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        return self.raw.info.transaction_status != TransactionStatus.IDLE

    def close(self) -> None:
        self.raw.close()

    def __del__(self) -> None:
        # a connection dropped unclosed (a server thread's, at exit) is closed, as sqlite3's
        # are, rather than left to psycopg's warning
        raw = getattr(self, "raw", None)
        if raw is not None and not raw.closed:
            raw.close()


# What the store's code is given: either connection, used alike.
Connection = SQLiteConnection | PostgreSQLConnection
