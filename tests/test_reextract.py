"""Records that keep up with the code: each stored record says which pipeline made it;
`dateline reextract` brings the others up to date (keys, sources and metadata kept),
resumes after a kill, and `dateline ingest` gives a stored article the date it lacked."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from dateline.ingest.run import reextract
from dateline.store import Store
from tests.conftest import ROOT, write_invented_jsonl
from tests.test_store import v1_store

DATELINE = [sys.executable, "-m", "dateline"]


def run_cli(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([*DATELINE, *args], capture_output=True, text=True, cwd=ROOT, timeout=600, **kw)


def stored(db: Path) -> dict[str, dict]:
    with Store(db, readonly=True) as store:
        return {r["key"]: dict(r) for r in store.rows("SELECT key, id, title, url, source, published, pipeline, "
                                                      "record FROM documents")}


def test_reextract_brings_records_of_an_older_release_up_to_date(tmp_path, pipeline):
    db = v1_store(tmp_path / "old.db")
    with Store(db) as store:
        sources = store.rows("SELECT * FROM sources ORDER BY doc, origin").fetchall()
        report = reextract(store, progress=False)
        assert (report.stale, report.done, report.current, report.problems) == (4, 4, 0, [])
        again = reextract(store, progress=False)
        assert (again.stale, again.done, again.current) == (0, 0, 4)
        assert [tuple(r) for r in store.rows("SELECT * FROM sources ORDER BY doc, origin")] == \
            [tuple(r) for r in sources]
        docs = {r["key"]: dict(r) for r in store.rows("SELECT * FROM documents")}
        events = store.rows("SELECT doc, count(*) FROM events GROUP BY doc").fetchall()
    for key, doc in docs.items():
        record = json.loads(doc["record"])
        meta = record["document"]
        # the metadata kept, and the record the pipeline makes of it now
        assert (meta["id"], meta["title"], meta["url"], meta["source"], meta["published"]) == \
            (doc["id"], doc["title"], doc["url"], doc["source"], doc["published"])
        assert record == pipeline(doc["text"], id=doc["id"], title=doc["title"], url=doc["url"],
                                  source=doc["source"], published=doc["published"])
        assert json.loads(doc["pipeline"]) == pipeline.version == record["pipeline"]
    assert {doc: n for doc, n in events} == {k: len(json.loads(d["record"])["events"]) for k, d in docs.items()
                                            if json.loads(d["record"])["events"]}


def test_reextract_all_redoes_current_records_too(tmp_path):
    write_invented_jsonl(tmp_path / "a.jsonl", 3)
    db = tmp_path / "s.db"
    assert run_cli("ingest", str(tmp_path / "a.jsonl"), "--db", str(db)).returncode == 0
    before = stored(db)
    plain = run_cli("reextract", "--db", str(db))
    assert plain.returncode == 0 and "0 of 0 document(s) re-extracted, 3 already current" in plain.stderr
    every = run_cli("reextract", "--db", str(db), "--all")
    assert every.returncode == 0 and "3 of 3 document(s) re-extracted" in every.stderr
    assert stored(db) == before  # the same pipeline makes the same records


def test_reextract_killed_halfway_resumes_with_nothing_lost(tmp_path):
    db = tmp_path / "s.db"
    write_invented_jsonl(tmp_path / "a.jsonl", 24)
    assert run_cli("ingest", str(tmp_path / "a.jsonl"), "--db", str(db)).returncode == 0
    with sqlite3.connect(db) as conn:  # as if an older Dateline had made them
        conn.execute("UPDATE documents SET pipeline = NULL")
    conn.close()
    before = stored(db)
    proc = subprocess.Popen([*DATELINE, "reextract", "--db", str(db), "--no-progress"], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "DATELINE_BATCH_SIZE": "1"})
    deadline, done = time.monotonic() + 300, 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        try:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as peek:
                done = peek.execute("SELECT count(*) FROM documents WHERE pipeline IS NOT NULL").fetchone()[0]
            peek.close()
        except sqlite3.OperationalError:
            continue
        if done >= 4:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    halfway = stored(db)
    current = [k for k, d in halfway.items() if d["pipeline"] is not None]
    assert 4 <= len(current) < 24, "the run was to be killed halfway"
    assert halfway.keys() == before.keys()  # nothing lost, nothing doubled
    rerun = run_cli("reextract", "--db", str(db))
    assert rerun.returncode == 0, rerun.stderr
    assert f"{24 - len(current)} of {24 - len(current)} document(s) re-extracted, {len(current)} already current" \
        in rerun.stderr
    after = stored(db)
    assert all(d["pipeline"] is not None for d in after.values())
    assert {k: d["record"] for k, d in after.items()} == {k: d["record"] for k, d in before.items()}
    with Store(db, readonly=True) as store:
        assert store.count("sources") == 24
        per_doc = dict(store.rows("SELECT doc, count(*) FROM statements GROUP BY doc").fetchall())
        assert per_doc == {k: len(json.loads(d["record"])["statements"]) for k, d in after.items()}


def test_ingest_gives_a_stored_article_the_date_it_lacked(tmp_path):
    text = tmp_path / "report.txt"
    text.write_text("Officials said on Monday that 12 people were detained in Goma after the protest.",
                    encoding="utf-8")
    db = tmp_path / "s.db"
    first = run_cli("ingest", str(text), "--db", str(db))
    assert first.returncode == 0, first.stderr
    (undated,) = stored(db).values()
    assert undated["published"] is None
    assert [t["value"] for t in json.loads(undated["record"])["times"]] == [None]  # Monday of no known week
    second = run_cli("ingest", str(text), "--db", str(db), "--published", "2024-03-06", "--source", "Goma Wire",
                     "--title", "Twelve detained")
    assert second.returncode == 0, second.stderr
    assert "1 already in the store (1 given the metadata it lacked)" in second.stderr
    (dated,) = stored(db).values()
    record = json.loads(dated["record"])
    assert (dated["published"], dated["source"], dated["title"]) == ("2024-03-06", "Goma Wire", "Twelve detained")
    assert record["document"]["published"] == "2024-03-06"
    assert [t["value"] for t in record["times"]] == ["2024-03-04"]  # Monday, now that the date is known
    with Store(db, readonly=True) as store:
        assert store.rows("SELECT value FROM times").fetchall()[0][0] == "2024-03-04"
        assert store.count("sources") == 1  # the same file read twice is one source
    third = run_cli("ingest", str(text), "--db", str(db), "--published", "2024-03-09")
    assert "1 already in the store, 0 problem(s)" in third.stderr  # a date the store has is kept
    assert stored(db) == {dated["key"]: dated}


def test_reextract_keeps_each_records_settings_unless_told(tmp_path):
    """A history ingested with narrative anchoring stays narrative when made again; an
    option on the command line changes the records it names."""
    history = tmp_path / "history.jsonl"
    history.write_text(json.dumps({"id": "h", "published": "2024-05-01",
                                   "text": "The siege began on 3 March 1942. On Friday the garrison surrendered."})
                       + "\n", encoding="utf-8")
    news = tmp_path / "news.jsonl"
    write_invented_jsonl(news, 2)
    db = tmp_path / "s.db"
    assert run_cli("ingest", str(history), "--db", str(db), "--anchoring", "narrative").returncode == 0
    assert run_cli("ingest", str(news), "--db", str(db)).returncode == 0
    made = {d["id"]: json.loads(d["record"]) for d in stored(db).values()}
    assert made["h"]["pipeline"]["settings"]["anchoring"] == "narrative"
    assert made["inv-000"]["pipeline"]["settings"]["anchoring"] == "news"
    assert [t["value"] for t in made["h"]["times"]] == ["1942-03-03", "1942-02-27"]  # the Friday before
    every = run_cli("reextract", "--db", str(db), "--all")
    assert every.returncode == 0 and "3 of 3 document(s) re-extracted" in every.stderr
    again = {d["id"]: json.loads(d["record"]) for d in stored(db).values()}
    assert again == made  # each made again as it was made
    told = run_cli("reextract", "--db", str(db), "--anchoring", "news")
    assert told.returncode == 0 and "1 of 1 document(s) re-extracted, 2 already current" in told.stderr
    news_history = {d["id"]: json.loads(d["record"]) for d in stored(db).values()}["h"]
    assert news_history["pipeline"]["settings"]["anchoring"] == "news"
    assert [t["value"] for t in news_history["times"]] == ["1942-03-03", "2024-04-26"]  # before publication
