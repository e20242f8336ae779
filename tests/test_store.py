"""The store's migrations: a store written by Dateline 0.1 (store version 1) is upgraded in
place and takes new articles; a newer store is refused; a failed upgrade leaves the store
as it was, with its copy kept; the migrations make the tables the layers declare."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dateline.errors import StoreError
from dateline.ingest import Found
from dateline.layers import LAYERS
from dateline.record import Article, content_key
from dateline.store import APPLICATION_ID, Store, migrate
from tests.conftest import ROOT, invented_article

STORE_VERSION = migrate.latest()
V1_DUMP = ROOT / "tests" / "fixtures" / "store-v1.sql"


def v1_store(path: Path) -> Path:
    """A store exactly as Dateline 0.1 wrote it (its dump, made with that release's code)."""
    with sqlite3.connect(path) as conn:
        conn.executescript(V1_DUMP.read_text(encoding="utf-8"))
    conn.close()
    return path


def schema_of(path: Path) -> dict[str, str]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT name, type FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchall()
    conn.close()
    return dict(rows)


def test_store_fixture_is_a_version_1_store(tmp_path):
    path = v1_store(tmp_path / "old.db")
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        columns = [r[1] for r in conn.execute("PRAGMA table_info(documents)")]
    conn.close()
    assert "pipeline" not in columns


def test_store_version_1_is_upgraded_in_place_and_takes_new_articles(tmp_path, pipeline):
    path = v1_store(tmp_path / "old.db")
    with sqlite3.connect(path) as conn:
        before = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("documents", "sources", "events", "statements", "figures", "runs")}
        records = [r[0] for r in conn.execute("SELECT record FROM documents ORDER BY key")]
    conn.close()
    with Store(path) as store:
        assert store.version() == STORE_VERSION
        assert {t: store.count(t) for t in before} == before  # nothing lost
        assert [r[0] for r in store.rows("SELECT record FROM documents ORDER BY key")] == records
        assert store.rows("SELECT count(*) FROM documents WHERE pipeline IS NULL").fetchone()[0] == 4
        new = invented_article(7)
        article = Article(**{k: new[k] for k in ("id", "url", "source", "title", "published", "text")})
        assert store.add(pipeline(article.text, id=article.id, published=article.published),
                         Found(article, "new.jsonl", "jsonl", "line 1")) == "stored"
        assert store.count("documents") == 5
        made_by = store.rows("SELECT pipeline FROM documents WHERE key = ?", (content_key(article.text),)).fetchone()[0]
        assert '"dateline"' in made_by
    assert not list(tmp_path.glob("*.backup"))  # the copy went once the upgrade committed


def test_store_upgraded_schema_equals_a_new_store(tmp_path):
    old = v1_store(tmp_path / "old.db")
    Store(old).close()
    Store(tmp_path / "new.db").close()
    assert schema_of(old) == schema_of(tmp_path / "new.db")
    with sqlite3.connect(old) as a, sqlite3.connect(tmp_path / "new.db") as b:
        for table in ("documents", "runs", "event_arguments"):
            assert a.execute(f"PRAGMA table_info({table})").fetchall() == b.execute(f"PRAGMA table_info({table})").fetchall()
    a.close()
    b.close()


def test_store_opened_read_only_is_upgraded_first(tmp_path):
    path = v1_store(tmp_path / "old.db")
    with Store(path, readonly=True) as store:
        assert store.version() == STORE_VERSION
        assert store.count("documents") == 4


def test_store_newer_than_the_code_is_refused(tmp_path):
    path = tmp_path / "future.db"
    Store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version={STORE_VERSION + 1}")
    conn.close()
    for readonly in (False, True):
        with pytest.raises(StoreError, match=f"version {STORE_VERSION + 1} store, made by a newer Dateline"):
            Store(path, readonly=readonly)


def test_store_failed_upgrade_leaves_it_as_it_was_and_keeps_the_copy(tmp_path, monkeypatch):
    path = v1_store(tmp_path / "old.db")
    real = migrate.apply

    def breaks_halfway(conn, start, dialect="sqlite"):
        real(conn, start, dialect)
        conn.execute("CREATE TABLE half_done (x)")
        raise sqlite3.OperationalError("disk I/O error (simulated)")

    monkeypatch.setattr(migrate, "apply", breaks_halfway)
    with pytest.raises(StoreError, match="left as it was") as failure:
        Store(path)
    backup = tmp_path / "old.db.v1.backup"
    assert backup.exists() and str(backup) in str(failure.value)
    assert "half_done" not in schema_of(path)  # rolled back: still version 1, pipeline column absent
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert "pipeline" not in [r[1] for r in conn.execute("PRAGMA table_info(documents)")]
    conn.close()
    monkeypatch.setattr(migrate, "apply", real)
    with Store(path) as store:  # the next open upgrades it
        assert store.version() == STORE_VERSION
    assert not backup.exists()


def test_store_empty_file_read_only_is_not_made_a_store(tmp_path):
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    with pytest.raises(StoreError, match="empty"):
        Store(path, readonly=True)
    assert path.read_bytes() == b""


def test_store_migrations_make_every_table_and_view_the_layers_declare(tmp_path):
    with Store(tmp_path / "s.db") as store:
        names = {r[0] for r in store.rows("SELECT name FROM sqlite_master")}
    declared = {t for layer in LAYERS for t in layer.tables} | {layer.flat.view for layer in LAYERS if layer.flat}
    assert declared <= names
    from dateline.store.corpus import FLATS, TABLES, WORDS

    assert {flat.view for flat in FLATS} | set(TABLES) | {index for index, _, _ in WORDS} <= names  # the corpus views


@pytest.mark.parametrize("name, problem", [
    ("0003-extra.sql", "NNNN_name.sql"),
    (f"{migrate.latest() + 2:04d}_gap.sql", "without a gap"),
])
def test_store_migration_files_are_checked(tmp_path, name, problem):
    for path in migrate.FOLDER.glob("*.sql"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / name).write_text("CREATE TABLE x (y);\n", encoding="utf-8")
    with pytest.raises(StoreError, match=problem):
        migrate.migrations("sqlite", tmp_path)


def test_store_migrations_keep_dialects_apart():
    sqlite = {p.name for m in migrate.migrations("sqlite") for p in m.files}
    postgresql = {p.name for m in migrate.migrations("postgresql") for p in m.files}
    assert any(".sqlite." in name for name in sqlite) and not any(".sqlite." in name for name in postgresql)
    assert {n for n in sqlite if n.count(".") == 1} == {n for n in postgresql if n.count(".") == 1}


def test_store_older_on_a_read_only_file_is_read_as_it_is(tmp_path, monkeypatch):
    import dateline.store

    path = v1_store(tmp_path / "old.db")
    before = path.read_bytes()
    # as on a read-only mount (the suite runs as root, which writes read-only files anyway)
    monkeypatch.setattr(dateline.store.os, "access", lambda path, mode: False)
    with Store(path, readonly=True) as store:
        assert store.older == 1 and store.count("documents") == 4
        assert store.version() == 1
    assert path.read_bytes() == before and not list(tmp_path.glob("*.backup"))
