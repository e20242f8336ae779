"""`dateline batch` on a real Dask LocalCluster: its output, loaded into a store, is the store
`dateline ingest` makes of the same articles (records, sources, links, flat tables); an
article that fails is a row of the errors table and the others go on; a rerun does only
what is not done. One cluster (two worker processes) serves the module."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.batch import batch
from dateline.batch.work import warm
from dateline.batch.load import load
from dateline.batch.output import Output
from dateline.corpus import links
from dateline.errors import BatchError
from dateline.export import export
from dateline.ingest.run import ingest
from dateline.settings import Settings
from dateline.store import Store
from tests.conftest import invented_article
from tests.test_ingest import run_cli

distributed = pytest.importorskip("distributed")
pq = pytest.importorskip("pyarrow.parquet")

MARKER = "Report number 3 of the invented test corpus."  # the article the broken stage fails on


@pytest.fixture(scope="module")
def scheduler():
    """The address of a LocalCluster of two worker processes, one thread each."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"},
                                  memory_limit="2GiB") as cluster:
        yield cluster.scheduler_address


def write_articles(path: Path, numbers: list[int]) -> list[dict]:
    rows = [invented_article(i) for i in numbers]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return rows


def sources_of(store: Store) -> list[tuple]:
    return sorted(tuple(r) for r in store.rows("SELECT doc, origin, locator, reader, url, source, title, published, "
                                               "version, meta FROM sources"))


def test_batch_loaded_into_a_store_equals_ingest(tmp_path, scheduler):
    # two articles on the same town a few days apart (their events and claims may link), and
    # one text read twice (a second source of one document)
    write_articles(tmp_path / "a.jsonl", [0, 1, 2, 16, 17, 18])
    write_articles(tmp_path / "b.jsonl", [1, 5, 6])
    sources = [str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl")]
    with Store(tmp_path / "ingest.db") as store:
        assert ingest(sources, store).complete
    report = batch(sources, tmp_path / "out", scheduler=scheduler, partition_size=3, progress=False)
    assert report.complete, report.summary()
    assert (report.read, report.texts, report.done) == (9, 8, 8)
    with Store(tmp_path / "loaded.db") as store:
        loaded, errors = load(tmp_path / "out", store, progress=False)
        assert loaded.complete and loaded.stored == 8 and errors == 0
    with Store(tmp_path / "ingest.db", readonly=True) as a, Store(tmp_path / "loaded.db", readonly=True) as b:
        assert list(a.records()) == list(b.records())
        assert sources_of(a) == sources_of(b)
        assert links(a) == links(b)
        export(a, "parquet", str(tmp_path / "export"))
    for name in ("events", "statements", "figures", "places", "documents"):
        exported = pq.read_table(tmp_path / "export" / f"{name}.parquet")
        batched = pq.read_table(tmp_path / "out" / "tables" / name)
        assert batched.schema.names == exported.schema.names
        drop = [c for c in ("stored_at",) if c in exported.schema.names]  # when it was stored: differs
        def rows(t):
            return sorted(json.dumps(r, sort_keys=True) for r in t.drop_columns(drop).to_pylist())
        assert rows(batched) == rows(exported), name
    # loading again changes nothing
    with Store(tmp_path / "loaded.db") as store:
        again, _ = load(tmp_path / "out", store, progress=False)
        assert again.stored == 0 and again.known == 8 and store.count("documents") == 8


def _break_on(marker: str):
    """A function for client.run: the workers' pipelines fail, in the events stage, on a text
    holding `marker` (a stage that raises, as a bug would)."""
    def patch() -> None:
        from dataclasses import replace

        from dateline.batch import work

        for pipeline in work._PIPELINES.values():
            def failing(doc, record, context, _func=next(s.func for s in pipeline.stages if s.name == "events")):
                if marker in record["document"]["text"]:
                    raise ValueError("an invented bug")
                return _func(doc, record, context)
            pipeline.stages = [replace(s, func=failing) if s.name == "events" else s for s in pipeline.stages]
    return patch


def _mend():
    from dateline.batch import work

    work._PIPELINES.clear()  # loaded again, unbroken, by the next task


def test_a_failing_article_is_in_the_errors_table_and_a_rerun_does_only_it(tmp_path, scheduler):
    write_articles(tmp_path / "a.jsonl", list(range(6)))
    with distributed.Client(scheduler) as client:
        client.run(warm, Settings.from_env())  # the pipelines the batch will use, loaded to be broken
        client.run(_break_on(MARKER))
        try:
            report = batch([str(tmp_path / "a.jsonl")], tmp_path / "out", scheduler=scheduler, partition_size=4,
                           progress=False)
        finally:
            client.run(_mend)
    assert (report.done, report.failed) == (5, 1) and not report.complete and report.stopped is None
    errors = pq.read_table(tmp_path / "out" / "errors").to_pylist()
    assert len(errors) == 1
    assert errors[0]["stage"] == "extract" and errors[0]["locator"] == "line 4"
    assert "stage 'events' failed" in errors[0]["reason"] and "an invented bug" in errors[0]["reason"]
    assert pq.read_table(tmp_path / "out" / "records").num_rows == 5

    # a rerun with one more article: the five done are skipped, the failed one and the new one are done
    write_articles(tmp_path / "b.jsonl", [6])
    again = batch([str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl")], tmp_path / "out", scheduler=scheduler,
                  progress=False)
    assert (again.skipped, again.done, again.failed) == (5, 2, 0) and again.complete
    assert pq.read_table(tmp_path / "out" / "errors").num_rows == 0  # the old error is superseded
    keys = pq.read_table(tmp_path / "out" / "records", columns=["key"]).column("key").to_pylist()
    assert len(keys) == len(set(keys)) == 7
    runs = Output(tmp_path / "out", create=False).manifest()["runs"]
    assert [(r["run"], r["done"], r["failed"]) for r in runs] == [(1, 5, 1), (2, 2, 0)]


def test_a_partition_a_killed_run_left_half_written_is_done_again(tmp_path, scheduler):
    write_articles(tmp_path / "a.jsonl", list(range(4)))
    batch([str(tmp_path / "a.jsonl")], tmp_path / "out", scheduler=scheduler, partition_size=2, progress=False)
    # as if killed after writing a partition's tables, before its records: that partition is not done
    records = sorted((tmp_path / "out" / "records").glob("part-0001-0000[12].parquet"))
    records[-1].unlink()
    orphan = tmp_path / "out" / "tables" / "events" / records[-1].name
    assert orphan.exists()
    report = batch([str(tmp_path / "a.jsonl")], tmp_path / "out", scheduler=scheduler, progress=False)
    assert (report.skipped, report.done) == (2, 2)
    assert not orphan.exists()
    assert pq.read_table(tmp_path / "out" / "records").num_rows == 4
    assert pq.read_table(tmp_path / "out" / "tables" / "documents").num_rows == 4


def test_an_output_folder_of_other_files_or_settings_is_refused(tmp_path, scheduler):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("mine", encoding="utf-8")
    write_articles(tmp_path / "a.jsonl", [0])
    with pytest.raises(BatchError, match="holds other files"):
        batch([str(tmp_path / "a.jsonl")], tmp_path / "mine", scheduler=scheduler, progress=False)
    assert [p.name for p in (tmp_path / "mine").iterdir()] == ["notes.txt"]
    with pytest.raises(BatchError, match="is not the output of `dateline batch`"), Store(tmp_path / "s.db") as store:
        load(tmp_path / "mine", store)
    with Output(tmp_path / "other") as other:  # an output made with another model
        other.open_run({**Settings.from_env().recorded(), "model": "another_model"}, [])
        with pytest.raises(BatchError, match="another `dateline batch` is writing"), \
                Output(tmp_path / "other") as second:
            second.open_run({**Settings.from_env().recorded(), "model": "another_model"}, [])
    with pytest.raises(BatchError, match=r"other settings \(model\)"):
        batch([str(tmp_path / "a.jsonl")], tmp_path / "other", scheduler=scheduler, progress=False)


def test_the_command_line_on_a_local_cluster(tmp_path):
    """`dateline batch` starting its own LocalCluster (one worker, restarted after each
    partition since it holds more than 1 MiB), then `ingest --from-batch`."""
    write_articles(tmp_path / "a.jsonl", [0, 1, 2])
    (tmp_path / "bad.jsonl").write_text("{oops\n", encoding="utf-8")
    out, db = str(tmp_path / "out"), str(tmp_path / "s.db")
    proc = run_cli("batch", str(tmp_path / "a.jsonl"), str(tmp_path / "bad.jsonl"), "--out", out, "--workers", "1",
                   "--recycle-at", "1", "--partition-size", "1", "--no-progress")
    assert proc.returncode == 1, proc.stderr  # a source could not be read
    assert "bad.jsonl (line 1): not JSON" in proc.stderr and "3 extracted" in proc.stderr
    assert "Traceback" not in proc.stderr
    unread = pq.read_table(tmp_path / "out" / "errors").to_pylist()
    assert [(e["stage"], e["locator"]) for e in unread] == [("read", "line 1")]
    proc = run_cli("ingest", out, "--db", db)
    assert proc.returncode == 1 and "--from-batch" in proc.stderr
    proc = run_cli("ingest", "--db", db, "--from-batch", out, "--no-progress")
    assert proc.returncode == 0, proc.stderr
    assert "3 stored" in proc.stderr and "the batch lists 1" in proc.stderr
