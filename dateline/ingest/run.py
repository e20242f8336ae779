"""`dateline ingest`: sources in, every article extracted once and kept in the store.

The order of work makes a run resumable and idempotent: an article's key (the hash of
its text) is looked up before it is parsed, so an article already stored costs a lookup,
not a parse, and only gains the new source it was read from. Each extracted record is
written with its source in one transaction as soon as it is ready, so a run killed at any
moment keeps every article finished before, and the next run does the rest.

With `workers > 1` the pipeline runs in that many processes (each loads the model once
and parses batches with nlp.pipe); this process reads the sources and is the only writer.
"""
from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import get_context
from typing import Any

from ..errors import DatelineError
from ..record import Article, content_key
from ..settings import Settings
from ..store import Store
from . import Found, Problem, ReadOptions, read_sources, reason

LOGGER = logging.getLogger(__name__)


@dataclass
class Report:
    """What a run did. `complete` is the exit status's question: did everything go in?"""

    read: int = 0  # articles read from the sources
    stored: int = 0  # new documents
    known: int = 0  # articles whose text the store already had (their source is added)
    problems: list[Problem] = field(default_factory=list)
    stopped: str | None = None  # why the run stopped before the end

    @property
    def complete(self) -> bool:
        return not self.problems and self.stopped is None

    def summary(self) -> str:
        text = (f"{self.read} articles read: {self.stored} stored, {self.known} already in the store, "
                f"{len(self.problems)} problem(s)")
        return text + (f"; stopped: {self.stopped}" if self.stopped else "")


def ingest(sources: list[str], store: Store, *, settings: Settings | None = None, workers: int = 1,
           options: ReadOptions | None = None, progress: bool | None = None,
           on_problem: Callable[[Problem], None] | None = None) -> Report:
    """Read every source, extract what the store lacks, store it. Never raises for bad input:
    problems are in the report (and passed to `on_problem` as they happen); a store that
    cannot be written (disk full) stops the run with `report.stopped` set."""
    from tqdm import tqdm

    settings = settings or Settings.from_env()
    report = Report()
    on_problem = on_problem or (lambda p: None)

    def problem(p: Problem) -> None:
        report.problems.append(p)
        on_problem(p)

    run = store.start_run(list(sources))
    found: list[Found] = []
    for item in read_sources(sources, options):
        if isinstance(item, Problem):
            problem(item)
        else:
            found.append(item)
    report.read = len(found)
    bar = tqdm(total=len(found), unit="article", desc="ingest", file=sys.stderr, dynamic_ncols=True,
               disable=(not sys.stderr.isatty()) if progress is None else not progress)
    try:
        todo: dict[str, list[Found]] = {}  # key -> every source of that text in this run
        for item in found:
            key = content_key(item.article.text)
            if key in todo:
                todo[key].append(item)
            elif store.has(key):
                store.add_source(key, item)
                report.known += 1
                bar.update()
            else:
                todo[key] = [item]
        articles = [items[0].article for items in todo.values()]
        for key, record, error in _extract(articles, settings, workers):
            items = todo[key]
            if record is None:
                for item in items:
                    problem(Problem(item.origin, error or "extraction failed", item.locator))
            else:
                outcome = store.add(record, items[0])
                report.stored += outcome == "stored"
                report.known += outcome == "known"  # another ingest stored it meanwhile
                for item in items[1:]:
                    store.add_source(key, item)
                    report.known += 1
            bar.update(len(items))
    except DatelineError as e:  # the store cannot be written (disk full), the model cannot be loaded
        report.stopped = str(e.args[0])
    except BrokenProcessPool:
        report.stopped = ("a worker process died (out of memory?); every article stored before is kept: "
                          "run the same command again, with fewer --workers")
    finally:
        bar.close()
    if report.stopped is None:
        store.finish_run(run, report.read, report.stored, report.known, len(report.problems))
    return report


Outcome = tuple[str, dict[str, Any] | None, str | None]  # key, record or None, error


def _extract(articles: list[Article], settings: Settings, workers: int) -> Iterator[Outcome]:
    if not articles:
        return
    batches = [articles[i:i + settings.batch_size] for i in range(0, len(articles), settings.batch_size)]
    if workers <= 1:
        from ..pipeline import Pipeline

        pipeline = Pipeline(settings)
        for batch in batches:
            yield from _extract_batch(pipeline, batch)
        return
    from ..layers.places.gazetteer import gazetteer
    from ..resources import Resources

    Resources(settings).get(gazetteer).db.close()  # compiled here once if stale, not by every worker at once
    # spawn: workers start clean, without this process's open store or threads
    with ProcessPoolExecutor(workers, mp_context=get_context("spawn"), initializer=_start_worker,
                             initargs=(settings,)) as pool:
        waiting: set[Future] = set()
        queue = iter(batches)
        try:
            for batch in _take(queue, 2 * workers):
                waiting.add(pool.submit(_work, batch))
            while waiting:
                done, waiting = wait(waiting, return_when=FIRST_COMPLETED)
                for future in done:
                    for batch in _take(queue, 1):
                        waiting.add(pool.submit(_work, batch))
                    yield from future.result()
        finally:
            for future in waiting:
                future.cancel()


def _take(queue: Iterator[list[Article]], n: int) -> Iterable[list[Article]]:
    for _ in range(n):
        batch = next(queue, None)
        if batch is None:
            return
        yield batch


def _extract_batch(pipeline: Any, batch: list[Article]) -> list[Outcome]:
    """Records for a batch; when one article breaks the batch, each is tried alone so
    that only the broken one is lost."""
    try:
        return [(content_key(a.text), r, None) for a, r in zip(batch, pipeline.pipe(batch), strict=True)]
    except Exception as e:  # noqa: BLE001 (one article's failure is reported, the others go on)
        if len(batch) == 1:
            return [(content_key(batch[0].text), None, reason(e))]
    outcomes: list[Outcome] = []
    for article in batch:
        try:
            outcomes.append((content_key(article.text), pipeline(article.text, **_meta(article)), None))
        except Exception as e:  # noqa: BLE001
            outcomes.append((content_key(article.text), None, reason(e)))
    return outcomes


def _meta(article: Article) -> dict[str, Any]:
    return {"id": article.id, "url": article.url, "source": article.source, "title": article.title,
            "published": article.published}


_PIPELINE: Any = None  # one per worker process
_FAILED: DatelineError | None = None  # why it could not be loaded


def _start_worker(settings: Settings) -> None:
    global _PIPELINE, _FAILED
    import multiprocessing
    import os
    import threading

    from ..pipeline import Pipeline

    parent = multiprocessing.parent_process()
    if parent is not None:  # a killed ingest takes its workers with it
        threading.Thread(target=lambda: (parent.join(), os._exit(1)), daemon=True).start()
    try:
        _PIPELINE = Pipeline(settings)
    except DatelineError as e:  # said once, by the first batch, in the ingest's own words
        _FAILED = e


def _work(batch: list[Article]) -> list[Outcome]:
    if _FAILED is not None:
        raise _FAILED
    return _extract_batch(_PIPELINE, batch)
