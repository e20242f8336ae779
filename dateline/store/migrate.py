"""The store's schema as numbered migrations, and upgrading a store in place.

`migrations/NNNN_name.sql` holds SQL common to SQLite and PostgreSQL; where the two differ,
`NNNN_name.sqlite.sql` (and, for a PostgreSQL store, `NNNN_name.postgresql.sql`) holds
each one's own part, run after the common one. A store's version is the number of the
last migration it has; a new store runs them all, an older one the ones it lacks, in one
transaction, so it is either upgraded or left as it was. Before an existing file is
upgraded it is copied aside (`store.db.v1.backup`); the copy is removed once the upgrade
has committed, and kept, with a message naming it, if it fails.

A later feature that stores more adds a migration file; nothing else in the store changes.
"""
from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from ..errors import StoreError

FOLDER = Path(str(resources.files("dateline") / "store" / "migrations"))
FILE = re.compile(r"(?P<number>\d{4})_(?P<name>[a-z0-9_]+)(?:\.(?P<dialect>sqlite|postgresql))?\.sql$")


@dataclass(frozen=True)
class Migration:
    number: int
    name: str
    files: tuple[Path, ...]  # the common part first, then the dialect's

    def statements(self) -> list[str]:
        return [s for path in self.files for s in split_statements(path.read_text(encoding="utf-8"))]


def migrations(dialect: str = "sqlite", folder: Path | None = None) -> list[Migration]:
    """The migrations a store of this dialect runs, in order."""
    folder = folder or FOLDER
    found: dict[int, list[tuple[int, str, Path]]] = {}
    for path in folder.glob("*.sql"):
        m = FILE.match(path.name)
        if m is None:
            raise StoreError(f"{path}: a migration is named NNNN_name.sql or NNNN_name.DIALECT.sql")
        if m["dialect"] in (None, dialect):
            found.setdefault(int(m["number"]), []).append((m["dialect"] is not None, m["name"], path))
    numbers = sorted(found)
    if numbers != list(range(1, len(numbers) + 1)):
        raise StoreError(f"{folder}: migrations must be numbered 1, 2, 3... without a gap, not {numbers}")
    return [Migration(n, sorted(found[n])[0][1], tuple(p for _, _, p in sorted(found[n]))) for n in numbers]


def latest(dialect: str = "sqlite") -> int:
    return _counted(dialect, FOLDER)


@cache  # a folder's migrations do not change while a process runs; publishing asks after each article
def _counted(dialect: str, folder: Path) -> int:
    return len(migrations(dialect, folder))


def split_statements(script: str) -> list[str]:
    """A script's statements one by one (executescript would commit our transaction)."""
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        if line.lstrip().startswith("--"):
            continue
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    if current.strip():
        raise StoreError(f"a migration ends in an unfinished statement: {current.strip()[:80]!r}")
    return statements


def apply(conn: sqlite3.Connection, start: int, dialect: str = "sqlite") -> int:
    """Run the migrations after `start` on a connection, inside a transaction the caller
    holds; returns the version reached."""
    done = start
    for migration in migrations(dialect):
        if migration.number > start:
            for statement in migration.statements():
                conn.execute(statement)
            done = migration.number
    return done


def backup(path: Path, version: int) -> Path:
    """A consistent copy of the store (write-ahead log included) beside it, before an upgrade."""
    target = path.with_name(f"{path.name}.v{version}.backup")
    partial = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with contextlib.closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as source, \
                contextlib.closing(sqlite3.connect(partial)) as copy:
            source.backup(copy)
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as e:
        with contextlib.suppress(OSError):
            os.unlink(partial)
        raise StoreError(f"{path}: cannot copy the store aside before upgrading it ({e}); "
                         "it is left as it was") from None
    return target
