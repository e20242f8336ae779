"""`dateline ingest` into the SQLite store: idempotent, resumable after SIGKILL, safe with
two writers, stopped cleanly by a full disk, and the same article from JSON Lines, HTML
pages and a WARC stored once with every source listed."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dateline.errors import StoreError
from dateline.ingest.run import ingest
from dateline.record import content_key
from dateline.settings import Settings
from dateline.store import Store
from tests.conftest import ROOT, SPEAKERS, invented_article, shared_path, write_invented_jsonl
from tests.test_readers import page, warc_bytes

DATELINE = [sys.executable, "-m", "dateline"]
LAYERS = ("entities", "places", "times", "statements", "events", "figures")


def counts(db: Path) -> dict[str, int]:
    with Store(db, readonly=True) as store:
        return {t: store.count(t) for t in ("documents", "sources", *LAYERS, "event_arguments")}


def run_cli(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([*DATELINE, *args], capture_output=True, text=True, cwd=ROOT, timeout=600, **kw)


def test_ingest_stores_layers_and_is_idempotent(tmp_path):
    rows = write_invented_jsonl(tmp_path / "a.jsonl", 6)
    db = tmp_path / "store.db"
    first = run_cli("ingest", str(tmp_path / "a.jsonl"), "--db", str(db))
    assert first.returncode == 0, first.stderr
    assert "6 stored" in first.stderr
    before = counts(db)
    assert before["documents"] == 6 and before["sources"] == 6
    assert all(before[layer] > 0 for layer in ("entities", "places", "statements", "events", "figures"))
    with Store(db, readonly=True) as store:
        stored = {r["document"]["id"]: r for r in store.records()}
        dump = [tuple(row) for row in store.rows("SELECT * FROM sources ORDER BY doc")]
        # the record, whole, with the layer rows that flatten it
        record = stored["inv-002"]
        assert record["document"]["title"] == rows[2]["title"]
        key = content_key(record["document"]["text"])
        assert store.rows("SELECT count(*) FROM events WHERE doc = ?", (key,)).fetchone()[0] == len(record["events"])
        speaker = store.rows("SELECT speaker FROM statements WHERE doc = ? AND kind = 'direct'", (key,)).fetchone()
        assert speaker[0] == SPEAKERS[2] and SPEAKERS[2] in rows[2]["text"]
    again = run_cli("ingest", str(tmp_path / "a.jsonl"), "--db", str(db))
    assert again.returncode == 0 and "0 stored, 6 already in the store" in again.stderr
    assert counts(db) == before
    with Store(db, readonly=True) as store:
        assert [tuple(row) for row in store.rows("SELECT * FROM sources ORDER BY doc")] == dump


def test_same_text_from_two_sources_is_one_document_listing_both(tmp_path):
    article = invented_article(3)
    (tmp_path / "feed.jsonl").write_text(json.dumps(article) + "\n", encoding="utf-8")
    (tmp_path / "page.html").write_text(page(article), encoding="utf-8")
    db = tmp_path / "store.db"
    with Store(db) as store:
        report = ingest([str(tmp_path / "feed.jsonl"), str(tmp_path / "page.html")], store)
        assert report.complete and report.stored == 1 and report.known == 1
        sources = store.rows("SELECT reader, title, published, url, version FROM sources ORDER BY reader").fetchall()
    assert [tuple(s) for s in sources] == [("html", article["title"], article["published"], article["url"], 1),
                                           ("jsonl", article["title"], article["published"], article["url"], 1)]


def test_a_changed_text_at_the_same_url_is_a_new_version(tmp_path):
    article = invented_article(5)
    (tmp_path / "v1.jsonl").write_text(json.dumps(article) + "\n", encoding="utf-8")
    updated = {**article, "text": article["text"] + "\nThe death toll later rose, officials said."}
    (tmp_path / "v2.jsonl").write_text(json.dumps(updated) + "\n", encoding="utf-8")
    with Store(tmp_path / "store.db") as store:
        ingest([str(tmp_path / "v1.jsonl")], store)
        ingest([str(tmp_path / "v2.jsonl")], store)
        versions = store.rows("SELECT version FROM sources WHERE url = ? ORDER BY version", (article["url"],))
        assert [v[0] for v in versions] == [1, 2] and store.count("documents") == 2


def test_bad_sources_are_reported_and_the_exit_status_says_so(tmp_path):
    write_invented_jsonl(tmp_path / "good.jsonl", 2)
    (tmp_path / "bad.jsonl").write_text('{"text": "fine text about shelling in Homs, officials said."}\n{oops\n',
                                        encoding="utf-8")
    proc = run_cli("ingest", str(tmp_path / "good.jsonl"), str(tmp_path / "bad.jsonl"),
                   str(tmp_path / "missing.html"), "--db", str(tmp_path / "s.db"))
    assert proc.returncode == 1
    assert "bad.jsonl (line 2): not JSON" in proc.stderr and "missing.html: no such file" in proc.stderr
    assert "3 stored" in proc.stderr and "Traceback" not in proc.stderr


def test_a_file_that_is_not_a_store_is_refused(tmp_path):
    (tmp_path / "notes.db").write_text("just some notes\n" * 100, encoding="utf-8")
    with pytest.raises(StoreError, match="cannot open as a Dateline store"):
        Store(tmp_path / "notes.db")
    other = sqlite3.connect(tmp_path / "other.db")
    other.execute("CREATE TABLE t (x)")
    other.close()
    with pytest.raises(StoreError, match="not a Dateline store"):
        Store(tmp_path / "other.db")
    assert (tmp_path / "notes.db").read_text(encoding="utf-8").startswith("just some notes")


def test_a_full_disk_stops_cleanly_and_keeps_what_was_stored(tmp_path, pipeline):
    write_invented_jsonl(tmp_path / "a.jsonl", 12)
    db = tmp_path / "store.db"
    with Store(db) as store:
        ingest([str(tmp_path / "a.jsonl")], store, settings=Settings(batch_size=4), workers=1)
    kept = counts(db)
    write_invented_jsonl(tmp_path / "b.jsonl", 12, start=100)
    with Store(db) as store:
        pages = store.rows("PRAGMA page_count").fetchone()[0]
        # SQLite's own limit on the file's size: the writes after it fail as on a full disk
        per_document = pages // kept["documents"]  # an overestimate: the empty schema's pages count too
        store.conn.execute(f"PRAGMA max_page_count = {pages + 4 * per_document}")
        report = ingest([str(tmp_path / "b.jsonl")], store, settings=Settings(batch_size=4))
    assert report.stopped and "disk is full" in report.stopped and not report.complete
    after = counts(db)
    assert kept["documents"] < after["documents"] < 24  # some went in before the disk filled
    with sqlite3.connect(db) as check:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # no document without its layers: every stored record's events are all there
        for key, raw in check.execute("SELECT key, record FROM documents"):
            events = check.execute("SELECT count(*) FROM events WHERE doc = ?", (key,)).fetchone()[0]
            assert events == len(json.loads(raw)["events"])
    with Store(db) as store:  # space again: the same command finishes the work
        report = ingest([str(tmp_path / "b.jsonl")], store)
    assert report.complete and counts(db)["documents"] == 24


def test_sigkill_halfway_then_rerun_stores_every_article_once(tmp_path):
    write_invented_jsonl(tmp_path / "corpus.jsonl", 40)
    db = tmp_path / "store.db"
    args = [*DATELINE, "ingest", str(tmp_path / "corpus.jsonl"), "--db", str(db), "--no-progress"]
    proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env={**os.environ, "DATELINE_BATCH_SIZE": "2"})
    deadline = time.monotonic() + 300
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        if db.exists():
            try:
                with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as peek:
                    stored = peek.execute("SELECT count(*) FROM documents").fetchone()[0]
            except sqlite3.OperationalError:
                continue
            if stored >= 6:
                break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    halfway = counts(db)["documents"]
    assert 6 <= halfway < 40, "the run was to be killed halfway"
    rerun = run_cli("ingest", str(tmp_path / "corpus.jsonl"), "--db", str(db))
    assert rerun.returncode == 0, rerun.stderr
    assert f"{40 - halfway} stored, {halfway} already in the store" in rerun.stderr
    final = counts(db)
    assert final["documents"] == 40 and final["sources"] == 40
    with Store(db, readonly=True) as store:
        runs = store.rows("SELECT finished IS NOT NULL FROM runs ORDER BY id").fetchall()
        assert [r[0] for r in runs] == [0, 1]  # the killed run never finished; the rerun did
        per_doc = store.rows("SELECT count(*) FROM events GROUP BY doc").fetchall()
        records = list(store.records())
        assert sorted(r[0] for r in per_doc) == sorted(len(r["events"]) for r in records if r["events"])


def test_two_ingests_writing_the_same_store_at_once(tmp_path):
    write_invented_jsonl(tmp_path / "a.jsonl", 10)
    write_invented_jsonl(tmp_path / "b.jsonl", 10, start=5)  # 5 articles in both
    db = tmp_path / "store.db"
    procs = [subprocess.Popen([*DATELINE, "ingest", str(tmp_path / name), "--db", str(db)], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
             for name in ("a.jsonl", "b.jsonl")]
    outputs = [p.communicate(timeout=600)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    final = counts(db)
    assert final["documents"] == 15 and final["sources"] == 20
    with Store(db, readonly=True) as store:
        assert store.rows("SELECT count(*) FROM (SELECT doc, id FROM events GROUP BY doc, id HAVING count(*) > 1)"
                          ).fetchone()[0] == 0


def test_two_workers_store_the_same_as_one(tmp_path):
    write_invented_jsonl(tmp_path / "a.jsonl", 8)
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    assert run_cli("ingest", str(tmp_path / "a.jsonl"), "--db", str(one)).returncode == 0
    proc = run_cli("ingest", str(tmp_path / "a.jsonl"), "--db", str(two), "--workers", "2")
    assert proc.returncode == 0, proc.stderr
    with Store(one, readonly=True) as a, Store(two, readonly=True) as b:
        assert {r["document"]["id"]: r for r in a.records()} == {r["document"]["id"]: r for r in b.records()}


def _normalised(text: str) -> str:
    return " ".join(text.split())


def test_dev_corpus_same_from_jsonl_pages_and_warc(tmp_path, dev_articles):
    """The issue's check: the dev corpus as JSON Lines, as a folder of HTML pages and as a
    WARC gives the same texts, titles, dates and layer counts; together, one document each."""
    jsonl = shared_path("corpus/dev/articles.jsonl")
    pages = tmp_path / "pages"
    pages.mkdir()
    for a in dev_articles:
        (pages / f"{a['id']}.html").write_text(page(a), encoding="utf-8")
    (tmp_path / "dev.warc.gz").write_bytes(warc_bytes([(a["url"], page(a)) for a in dev_articles]))
    # all three into one store: the pages and the archive find every text already there
    together = tmp_path / "together.db"
    proc = run_cli("ingest", str(jsonl), str(pages), str(tmp_path / "dev.warc.gz"), "--db", str(together),
                   "--workers", "2")
    assert proc.returncode == 0, proc.stderr
    n = len({_normalised(a["text"]) for a in dev_articles})
    with Store(together, readonly=True) as store:
        assert store.count("documents") == n and store.count("sources") == 3 * len(dev_articles)
        by_reader = {}
        for row in store.rows("SELECT d.text, s.reader, s.title, s.published FROM sources s "
                              "JOIN documents d ON d.key = s.doc"):
            by_reader.setdefault(row["reader"], set()).add((_normalised(row["text"]), row["title"],
                                                            row["published"][:10]))
    assert by_reader["jsonl"] == by_reader["html"] == by_reader["warc"]
    # each on its own (a sample, to keep the suite quick): the same layers
    sample = dev_articles[:8]
    (tmp_path / "sample.jsonl").write_text("".join(json.dumps(a) + "\n" for a in sample), encoding="utf-8")
    small = tmp_path / "small"
    small.mkdir()
    for a in sample:
        (small / f"{a['id']}.html").write_text(page(a), encoding="utf-8")
    (tmp_path / "sample.warc.gz").write_bytes(warc_bytes([(a["url"], page(a)) for a in sample]))
    layers = []
    for source in ("sample.jsonl", "small", "sample.warc.gz"):
        db = tmp_path / f"{source}.db"
        with Store(db) as store:
            assert ingest([str(tmp_path / source)], store).complete
            layers.append({(_normalised(r["document"]["text"]), r["document"]["title"]):
                           tuple(len(r[layer]) for layer in LAYERS) for r in store.records()})
    assert layers[0] == layers[1] == layers[2] and len(layers[0]) == len(sample)


def test_extract_reads_any_source_and_gives_one_record_per_line_for_many(tmp_path):
    write_invented_jsonl(tmp_path / "two.jsonl", 2)
    proc = run_cli("extract", str(tmp_path / "two.jsonl"))
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["document"]["id"] for r in records] == ["inv-000", "inv-001"]
    (tmp_path / "one.html").write_text(page(invented_article(7)), encoding="utf-8")
    proc = run_cli("extract", str(tmp_path / "one.html"), "--published", "2024-04-01")
    record = json.loads(proc.stdout)
    assert record["document"]["title"] == invented_article(7)["title"]
    assert record["document"]["published"] == "2024-04-01"  # the option overrides the page's date


def test_one_text_at_two_places_of_one_source_lists_both(tmp_path):
    article = invented_article(9)
    syndicated = {**article, "url": "https://another.example/wire/9", "source": "Another Outlet"}
    (tmp_path / "dump.jsonl").write_text(json.dumps(article) + "\n" + json.dumps(syndicated) + "\n",
                                         encoding="utf-8")
    with Store(tmp_path / "odd#name?.db") as store:  # a path SQLite would read as a URI
        report = ingest([str(tmp_path / "dump.jsonl")], store)
        assert report.complete and report.stored == 1 and report.known == 1
        rows = store.rows("SELECT source, locator FROM sources ORDER BY locator").fetchall()
        assert [tuple(r) for r in rows] == [("Invented Wire", "line 1"), ("Another Outlet", "line 2")]
    assert (tmp_path / "odd#name?.db").exists() and not (tmp_path / "odd").exists()


@pytest.mark.parametrize("articles, workers", [
    (2, "2"),
    (3, "1"),  # one worker, and a run long enough (batches of one) to be extracted in a process of its own
])
def test_workers_that_cannot_load_the_model_stop_the_run_cleanly(tmp_path, articles, workers):
    write_invented_jsonl(tmp_path / "a.jsonl", articles)
    proc = run_cli("ingest", str(tmp_path / "a.jsonl"), "--db", str(tmp_path / "s.db"), "--workers", workers,
                   "--model", "no_such_model_anywhere", env={**os.environ, "DATELINE_BATCH_SIZE": "1"})
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "no_such_model_anywhere" in proc.stderr and "stopped" in proc.stderr


def test_a_folder_s_odd_entries_are_reported_with_their_names_escaped(tmp_path, capsys):
    """Issue 18, item 5: a FIFO, a dangling link and an empty JSON Lines file each make a
    line on stderr and the exit status 1; a name's control characters cannot forge a line."""
    from dateline.cli import main

    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "queue\n[ok] all read.txt")
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (folder / "empty.jsonl").write_bytes(b"")
    status = main(["ingest", str(folder), "--db", str(tmp_path / "s.db"), "--no-progress"])
    stderr = capsys.readouterr().err.splitlines()
    skipped = [line for line in stderr if line.startswith("dateline: skipped: ")]
    assert status == 1 and len(skipped) == 3, stderr
    assert any("queue\\n[ok] all read.txt" in line and "FIFO" in line for line in skipped), skipped
    assert not any(line.startswith("[ok]") for line in stderr)
