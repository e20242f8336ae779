"""`dateline batch`: the per-article extraction mapped over partitions on a Dask cluster,
its output written as partitioned Parquet (output.py), loaded into a store later (load.py).

This process reads the sources with the readers of `dateline ingest` (one way to read),
keeps each text once, leaves out the texts the output folder already has (by content
key), and cuts the rest into partitions. A dask.bag maps `work.extract_part` over them
on the cluster's workers, each of which loads the pipeline once; partitions go to the
cluster a window at a time, so a run of hundreds of thousands of articles never holds
them all in the scheduler. Each partition is written as soon as it comes back.

An article that cannot be extracted is a row of the errors table and the run goes on; a
partition whose worker died (out of memory, a crash) is tried again article by article,
so that only the article that kills a worker is lost. A run killed at any point keeps
every partition written; the same command again does the rest.

Local by default: a LocalCluster of processes with one thread each, sized to the machine
(a worker per core, as many as the memory allows), each with a memory limit, and
restarted between tasks once it has grown past `recycle_mib` (recycle.py). With
`scheduler`, the run uses an existing cluster as it is (its workers need Dateline and
the model installed, and see the pipeline's data where this process does).
"""
from __future__ import annotations

import contextlib
import logging
import os
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import BatchError, DatelineError
from ..ingest import Found, Problem, ReadOptions, read_sources
from ..record import content_key, normalise_text
from ..settings import Settings
from .output import Output, source_row

__all__ = ["batch", "BatchReport", "local_size", "PARTITION_SIZE", "MEMORY_LIMIT_MIB", "RECYCLE_MIB"]

PARTITION_SIZE = 32  # articles per partition: a worker's work between two writes
MEMORY_LIMIT_MIB = 2048  # per local worker; the nanny kills a worker past 95% of it
RECYCLE_MIB = 900  # a local worker past this after a task is restarted (the target is at most 1 GiB)

LOGGER = logging.getLogger(__name__)


@dataclass
class BatchReport:
    """What a batch run did; `complete`: every article read is in the output."""

    read: int = 0  # articles read from the sources
    texts: int = 0  # distinct texts among them
    skipped: int = 0  # texts an earlier run had done
    done: int = 0  # records written by this run
    failed: int = 0  # texts that could not be extracted (in the errors table)
    problems: list[Problem] = field(default_factory=list)  # sources that could not be read
    stopped: str | None = None
    seconds: float = 0.0
    workers: int = 0
    peaks: dict[int, float] = field(default_factory=dict)  # each worker process's peak resident MiB

    @property
    def complete(self) -> bool:
        return not self.failed and not self.problems and self.stopped is None

    def summary(self) -> str:
        text = (f"{self.read} articles read ({self.texts} distinct texts): {self.done} extracted, "
                f"{self.skipped} done by an earlier run, {self.failed} failed, {len(self.problems)} source "
                f"problem(s); {self.workers} worker(s), {self.seconds:.1f} s")
        if self.peaks:
            text += f", peak {max(self.peaks.values()):.0f} MiB per worker"
        return text + (f"; stopped: {self.stopped}" if self.stopped else "")


def key_of(found: Found) -> str:
    """The content key the store gives the record of this article."""
    return content_key(normalise_text(found.article.text))


def local_size(workers: int | None, memory_limit_mib: int) -> int:
    """Workers for a LocalCluster: as asked, else one per core, as many as the memory holds."""
    import psutil

    if workers is not None:
        if workers < 1:
            raise BatchError("--workers must be at least 1")
        return workers
    fits = max(1, int(psutil.virtual_memory().total / 2**20 * 0.8 // memory_limit_mib))
    return max(1, min(os.cpu_count() or 1, fits))


def batch(sources: list[str], out: str | Path, *, settings: Settings | None = None, workers: int | None = None,
          scheduler: str | None = None, memory_limit_mib: int = MEMORY_LIMIT_MIB, recycle_mib: int = RECYCLE_MIB,
          partition_size: int = PARTITION_SIZE, options: ReadOptions | None = None, progress: bool | None = None,
          on_problem: Callable[[Problem], None] | None = None) -> BatchReport:
    """Extract every article of the sources that `out` does not have yet, on a Dask
    cluster, into `out`. Never raises for bad input: a source that cannot be read and an
    article that cannot be extracted are reported (to `on_problem` as they come) and
    written to the errors table; what stops the run (an output that cannot be written, a
    model that cannot be loaded, a scheduler that cannot be reached) is `report.stopped`."""
    from ..ingest.run import until_stopped

    settings = settings or Settings.from_env()
    if partition_size < 1:
        raise BatchError("--partition-size must be at least 1")
    report = BatchReport()
    on_problem = on_problem or (lambda p: None)
    started = time.perf_counter()
    with Output(out) as output:
        run = output.open_run(settings.recorded(), list(sources))
        found: list[Found] = []
        for item in read_sources(sources, options):
            if isinstance(item, Problem):
                report.problems.append(item)
                on_problem(item)
            else:
                found.append(item)
        report.read = len(found)
        texts: dict[str, list[Found]] = {}  # key -> every source of that text in this run, in reading order
        for item in found:
            texts.setdefault(key_of(item), []).append(item)
        report.texts = len(texts)
        done = output.done()
        seen = output.sources_seen()
        todo = [(seq, key, items) for seq, (key, items) in enumerate(texts.items()) if key not in done]
        report.skipped = len(texts) - len(todo)
        # partition 0: the new sources of texts done before, and the sources that could not be read
        again = [source_row(key, f) for key, items in texts.items() if key in done for f in items
                 if (key, f.origin, f.locator or "") not in seen]
        unread = [{"run": run, "seq": None, "key": None, "origin": p.origin, "locator": p.locator, "stage": "read",
                   "reason": p.reason} for p in report.problems]
        output.supersede_errors({key for _, key, _ in todo}, {f.origin for f in found} | {p.origin for p in
                                                                                           report.problems})
        output.write_part(f"{run:04d}-00000", [], again, unread, {})
        parts = [{"name": f"{run:04d}-{n + 1:05d}", "articles": todo[i:i + partition_size]}
                 for n, i in enumerate(range(0, len(todo), partition_size))]
        with until_stopped(report, len(todo), "article", "batch", progress) as bar:
            if todo:
                with _cluster(scheduler, workers, memory_limit_mib, recycle_mib, settings) as client:
                    report.workers = len(client.nthreads())
                    for result in _results(client, parts, settings, run):
                        _write(output, run, result, report, on_problem)
                        bar.update(len(result["records"]) + len(result["errors"]))
        report.seconds = time.perf_counter() - started
        output.close_run(run, read=report.read, done=report.done, skipped=report.skipped, failed=report.failed,
                         problems=len(report.problems), stopped=report.stopped)
    return report


def _write(output: Output, run: int, result: dict[str, Any], report: BatchReport,
           on_problem: Callable[[Problem], None]) -> None:
    """Write one partition that came back, and count it."""
    import json

    part = result["part"]
    by_seq = {seq: items for seq, _, items in part["articles"]}
    records = []
    for row in result["records"]:
        record = json.loads(row["record"])
        document, made = record["document"], record.get("pipeline")
        records.append({"seq": row["seq"], "key": row["key"], "id": document["id"],
                        "published": document.get("published"), "source": document.get("source"),
                        "title": document.get("title"),
                        "pipeline": json.dumps(made, sort_keys=True) if made else None, "record": row["record"]})
    sources = [source_row(row["key"], f) for row in result["records"] for f in by_seq[row["seq"]]]
    errors = []
    for row in result["errors"]:
        first = by_seq[row["seq"]][0]
        errors.append({"run": run, "seq": row["seq"], "key": row["key"], "origin": first.origin,
                       "locator": first.locator, "stage": "extract", "reason": row["reason"]})
        on_problem(Problem(first.origin, row["reason"], first.locator))
    output.write_part(result["name"], records, sources, errors, result["tables"])
    report.done += len(records)
    report.failed += len(errors)
    if "pid" in result:
        report.peaks[result["pid"]] = max(report.peaks.get(result["pid"], 0.0), result["peak_mib"])


@contextlib.contextmanager
def _cluster(scheduler: str | None, workers: int | None, memory_limit_mib: int, recycle_mib: int,
             settings: Settings) -> Iterator[Any]:
    """A client of the cluster given, or of a new LocalCluster that closes with it; every
    worker has loaded the pipeline when it is handed over."""
    import dask
    from distributed import Client, LocalCluster

    from .work import warm

    # the workers keep no data worth spilling: a partition's result is fetched and released at once;
    # the cluster's comings and goings are not the user's business, its errors are
    with dask.config.set({"distributed.worker.memory.target": False, "distributed.worker.memory.spill": False}), \
            _quiet("distributed"):
        if scheduler:
            try:
                client = Client(scheduler, timeout="20s")
            except (OSError, TimeoutError, ValueError) as e:
                raise BatchError(f"cannot reach the Dask scheduler at {scheduler}: {e}") from None
            with client:
                _warm(client, warm, settings)
                yield client
            return
        from ..ingest.run import compile_resources
        from .recycle import Recycle

        compile_resources(settings)  # here once, not by every worker at once
        n = local_size(workers, memory_limit_mib)
        # no dashboard, and the scheduler's own HTTP endpoints on a free port of loopback only;
        # the workers' own logs silenced: a worker recycled as the run ends may log the
        # nanny's stop queue closing under it, with a traceback, and what goes wrong with an
        # article is in the errors table
        with LocalCluster(n_workers=n, threads_per_worker=1, processes=True, memory_limit=f"{memory_limit_mib}MiB",
                          host="127.0.0.1", scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"},
                          silence_logs=logging.CRITICAL) as cluster, Client(cluster) as client:
            client.register_plugin(Recycle(recycle_mib * 2**20))
            _warm(client, warm, settings)
            yield client


@contextlib.contextmanager
def _quiet(name: str) -> Iterator[None]:
    logger = logging.getLogger(name)
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _warm(client: Any, warm: Callable, settings: Settings) -> None:
    if not client.nthreads():
        try:
            client.wait_for_workers(1, timeout=60)
        except TimeoutError:
            raise BatchError("the cluster has no worker, and none joined it in 60 s") from None
    try:
        client.run(warm, settings)
    except DatelineError:
        raise
    except Exception as e:  # noqa: BLE001 (a worker that cannot even start the pipeline: said in one line)
        raise BatchError(f"the workers could not load the pipeline: {type(e).__name__}: {e}") from None


def _results(client: Any, parts: list[dict[str, Any]], settings: Settings, run: int) -> Iterator[dict[str, Any]]:
    """Each partition's result, as they come back, with the partition it is of. A window of
    partitions (twice the cluster's threads) is on the cluster at a time. A partition whose
    task failed as a whole (its worker died) comes back tried article by article; an article
    that fails alone so comes back as an error."""
    from distributed import as_completed

    queue = deque(parts)
    window = max(2, 2 * sum(client.nthreads().values()))
    waiting: dict[Any, dict[str, Any]] = {}
    done = as_completed()

    def submit(more: list[dict[str, Any]]) -> None:
        import dask.bag as db

        from .work import extract_part

        bag = db.from_sequence(more, npartitions=len(more)).map(extract_part, settings)
        for future, part in zip(client.compute(bag.to_delayed()), more, strict=True):
            waiting[future] = part
            done.add(future)

    def top_up() -> None:
        free = window - len(waiting)
        if queue and (free >= window // 2 or not waiting):
            submit([queue.popleft() for _ in range(min(free, len(queue)))])

    top_up()
    for future in done:
        part = waiting.pop(future)
        try:
            (result,) = future.result()
        except Exception as e:  # noqa: BLE001 (whatever ended the task: the articles are tried alone)
            if len(part["articles"]) > 1:
                queue.extendleft(reversed([{"name": f"{part['name']}-{i:03d}", "articles": [a]}
                                           for i, a in enumerate(part["articles"])]))
            else:
                (seq, key, _), = part["articles"]
                result = {"name": part["name"], "records": [], "tables": {}, "errors": [
                    {"seq": seq, "key": key, "reason": f"the worker failed on it: {_why(e)}"}]}
                yield {**result, "part": part}
        else:
            yield {**result, "part": part}
        finally:
            future.release()
        top_up()


def _why(error: BaseException) -> str:
    from distributed import KilledWorker

    if isinstance(error, KilledWorker):
        return "each worker that ran it died (out of memory? a crash in a library?)"
    return f"{type(error).__name__}: {error}"
