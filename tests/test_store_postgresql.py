"""A PostgreSQL store (`--db postgresql://...`): made in an empty database and marked as a
store, refused in another's database or when newer than the code; the same tables and
views as an SQLite store; dates in SQL as Python reads them; and four processes ingesting
overlapping articles into one store at once lose and duplicate nothing. Every test needs a
server (conftest.py: DATELINE_TEST_POSTGRES) and skips, saying why, without one."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys

import psycopg
import pytest

from dateline.corpus import links
from dateline.errors import StoreError
from dateline.layers import LAYERS
from dateline.store import Store, migrate
from dateline.store.dialect import POSTGRESQL, shown
from dateline.store.queries import date_span, sql_end, sql_start
from tests.conftest import ROOT, write_invented_jsonl
from tests.test_corpus import groups


@pytest.fixture()
def url(postgres) -> str:
    """A new database of the test server, with nothing in it."""
    postgres.count += 1
    name = f"{postgres.prefix}_{postgres.count}"
    postgres.admin.execute(f"CREATE DATABASE {name}")
    return postgres.url_of(name)


def test_postgresql_store_is_made_in_an_empty_database_and_marked(url):
    with Store(url) as store:
        assert store.version() == migrate.latest("postgresql")
        assert store.dialect is POSTGRESQL
        names = {r[0] for r in store.rows("SELECT table_name FROM information_schema.tables "
                                          "WHERE table_schema = current_schema()")}
    declared = {t for layer in LAYERS for t in layer.tables} | {layer.flat.view for layer in LAYERS if layer.flat}
    from dateline.store.corpus import FLATS, TABLES

    assert declared | {flat.view for flat in FLATS} | set(TABLES) | {"dateline_store", "runs"} <= names
    with Store(url.replace("postgresql://", "postgresql+psycopg://"), readonly=True) as store:  # SQLAlchemy's form
        assert store.count("documents") == 0


def test_postgresql_store_refuses_a_foreign_database_and_a_newer_store(url):
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE TABLE payroll (id INTEGER)")
    with pytest.raises(StoreError, match="is a PostgreSQL database but not a Dateline store"):
        Store(url)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP TABLE payroll")
    Store(url).close()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("UPDATE dateline_store SET version = version + 1")
    for readonly in (False, True):
        with pytest.raises(StoreError, match="made by a newer Dateline"):
            Store(url, readonly=readonly)


def test_postgresql_store_keeps_the_urls_own_options_beside_its_own(url):
    with Store(url + "?options=-c%20statement_timeout%3D5000") as store:
        assert store.rows("SHOW statement_timeout").fetchone()[0] == "5s"
        # each query planned for its own values (dialect.PostgreSQLConnection)
        assert store.rows("SHOW plan_cache_mode").fetchone()[0] == "force_custom_plan"
    with Store(url + "?options=-c%20statement_timeout%3D5000", readonly=True) as store:
        assert store.rows("SHOW statement_timeout").fetchone()[0] == "5s"
        assert store.rows("SHOW default_transaction_read_only").fetchone()[0] == "on"


def test_postgresql_store_names_hide_the_password():
    assert shown("postgresql://ana:s3cret@db.example:5432/news") == "postgresql://ana:***@db.example:5432/news"
    assert shown("postgresql://ana@db.example/news") == "postgresql://ana@db.example/news"


def test_postgresql_store_unreachable_is_one_line(postgres):
    closed = postgres.url.rsplit("/", 1)[0] + "/no_such_database_here"
    with pytest.raises(StoreError, match="cannot open as a Dateline store"):
        Store(closed)


@pytest.mark.parametrize("value", ["2019-06-12", "2019-06", "2019", "2019-W03", "2020-W01", "2019-W03-2",
                                   "2019-SU", "2019-02", "2024-02", "PAST_REF", "P3D", None])
def test_postgresql_dates_in_sql_agree_with_python(postgres, value):
    column = "CAST(NULL AS TEXT)" if value is None else f"CAST('{value}' AS TEXT)"
    with psycopg.connect(postgres.url) as conn:
        row = conn.execute(f"SELECT {sql_start(column, POSTGRESQL)}, {sql_end(column, POSTGRESQL)}").fetchone()
    assert row == (date_span(value) or (None, None))


def test_postgresql_iso_weeks_agree_with_python(postgres):
    with psycopg.connect(postgres.url) as conn:
        for year in range(2000, 2031):
            weeks = dt.date(year, 12, 28).isocalendar().week
            for value in (f"{year}-W01", f"{year}-W{weeks:02d}", f"{year}-W{weeks:02d}-7", f"{year}-W10-3"):
                start, end = sql_start(f"'{value}'", POSTGRESQL), sql_end(f"'{value}'", POSTGRESQL)
                assert conn.execute(f"SELECT {start}, {end}").fetchone() == date_span(value), value


def test_four_processes_ingest_overlapping_articles_into_one_store_and_lose_and_double_nothing(
        postgres, tmp_path):
    db = postgres.database()
    # four windows of five articles over eleven, each overlapping the next: every article but
    # the first and last is in two files, read by two processes at once
    files = []
    for n in range(4):
        write_invented_jsonl(tmp_path / f"part-{n}.jsonl", 5, start=2 * n)
        files.append(tmp_path / f"part-{n}.jsonl")
    runs = [subprocess.Popen([sys.executable, "-m", "dateline", "ingest", str(path), "--db", db], cwd=ROOT,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) for path in files]
    for run in runs:
        _, err = run.communicate(timeout=900)
        assert run.returncode == 0, err
    with Store(db) as store:
        counts = {table: store.rows(f"SELECT count(*) FROM {table}").fetchone()[0]
                  for table in ("documents", "sources", "runs", "linked_documents")}
        items = store.rows("SELECT count(*), count(DISTINCT (doc, item)) FROM link_items").fetchone()
        record = links(store)
    assert counts == {"documents": 11, "sources": 20, "runs": 4, "linked_documents": 11}
    assert items[0] == items[1] > 0
    refs = [(r["document"], r["event"]) for e in record["events"] for r in e["reports"]]
    assert len(refs) == len(set(refs))  # every mention in exactly one linked event
    # and the groups are those of one process ingesting the same articles into SQLite
    write_invented_jsonl(tmp_path / "all.jsonl", 11)
    alone = subprocess.run([sys.executable, "-m", "dateline", "ingest", str(tmp_path / "all.jsonl"), "--db",
                            str(tmp_path / "alone.db")], cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert alone.returncode == 0, alone.stderr
    with Store(tmp_path / "alone.db", readonly=True) as store:
        assert groups(links(store)) == groups(record)


def test_the_store_benchmark_times_both_stores_and_drops_its_database(postgres, tmp_path):
    from dateline.evaluate import scaling, storespeed

    write_invented_jsonl(tmp_path / "a.jsonl", 4)
    figures = storespeed.measure([str(tmp_path / "a.jsonl")], postgres.url)
    assert figures["articles"] == 4
    assert figures["sqlite"]["store_s"] > 0 and figures["postgresql"]["store_s"] > 0
    assert "PostgreSQL/SQLite" in storespeed.report(figures)
    # the same ingest into PostgreSQL beside SQLite's, in the scaling figures (no batch here)
    figures = scaling.measure(tmp_path / "a.jsonl", 6, workers=(), postgres=postgres.url)
    assert figures["ingest"]["done"] == figures["ingest_postgresql"]["done"] == 6
    assert "ingest, PostgreSQL" in scaling.report(figures)
    left = postgres.admin.execute("SELECT count(*) FROM pg_database WHERE datname LIKE 'dateline_bench_%'")
    assert left.fetchone()[0] == 0
