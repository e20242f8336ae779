"""`dateline ingest`: sources in, every article extracted once, kept in the store and
linked to the others (dateline/corpus/); and `dateline reextract`: stored texts extracted
again by the pipeline installed now, and linked again.

The order of work makes a run resumable and idempotent: an article's key (the hash of
its text) is looked up before it is parsed, so an article already stored costs a lookup,
not a parse, and only gains the new source it was read from, and the metadata (a date,
an outlet, a title) the store lacked for it, in which case its record is made again. Each
extracted record is written with its source in one transaction as soon as it is ready, so
a run killed at any moment keeps every article finished before, and the next run does
the rest. Re-extraction works the same way: each document is replaced in a transaction of
its own, and the next run takes up those still made by another pipeline.

With `workers > 1` the pipeline runs in that many processes (each loads the model once
and parses batches with nlp.pipe); this process reads the sources and is the only writer.
With one worker, the command's long runs are extracted in a process of their own too
(`processes`), so that storing, linking and publishing here overlap with extraction there.
Either way the records come back, and are stored and linked, in the order they were read.
"""
from __future__ import annotations

import contextlib
import itertools
import json
import logging
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from multiprocessing import get_context
from typing import Any

from ..corpus.link import Linker
from ..corpus.publish import publish
from ..errors import DatelineError
from ..pipeline import Pipeline
from ..record import Article, content_key
from ..settings import Settings
from ..store import Store, version_key
from . import Found, Problem, ReadOptions, read_sources, reason

# a run of at least this many batches with one worker is extracted in a process of its own
# (`processes`); a shorter one would wait for the model to load there for little to overlap
OVERLAP_BATCHES = 3
PROGRESS_SECONDS = 5.0  # how often a run whose standard error is no terminal says how far it is
METADATA = ("published", "source", "title", "url")  # what a later reading may give a stored article

LOGGER = logging.getLogger(__name__)


@dataclass
class Report:
    """What a run did. `complete` is the exit status's question: did everything go in?"""

    read: int = 0  # articles read from the sources
    stored: int = 0  # new documents
    known: int = 0  # articles whose text the store already had (their source is added)
    completed: int = 0  # of those, documents given metadata the store lacked (and extracted again)
    problems: list[Problem] = field(default_factory=list)
    stopped: str | None = None  # why the run stopped before the end

    @property
    def complete(self) -> bool:
        return not self.problems and self.stopped is None

    def summary(self) -> str:
        given = f" ({self.completed} given the metadata it lacked)" if self.completed else ""
        text = (f"{self.read} articles read: {self.stored} stored, {self.known} already in the store{given}, "
                f"{len(self.problems)} problem(s)")
        return text + (f"; stopped: {self.stopped}" if self.stopped else "")


def ingest(sources: list[str], store: Store, *, settings: Settings | None = None, workers: int = 1,
           options: ReadOptions | None = None, progress: bool | None = None,
           on_problem: Callable[[Problem], None] | None = None, overlap: bool = False,
           link: bool = True) -> Report:
    """Read every source, extract what the store lacks, store it and link it. Never raises
    for bad input: problems are in the report (and passed to `on_problem` as they happen); a
    store that cannot be written (disk full) stops the run with `report.stopped` set.
    `overlap`: a long run with one worker is extracted in a process of its own while this
    one stores and links (`processes`); the command asks for it, a script calling this must
    then start under `if __name__ == "__main__":`, as every use of worker processes must.
    `link=False` stores without linking (what the speed benchmark compares against): the
    next ingest or `dateline relink` links what it left."""
    settings = settings or Settings.from_env()
    report = Report()
    on_problem = on_problem or (lambda p: None)

    def problem(p: Problem) -> None:
        report.problems.append(p)
        on_problem(p)

    run = store.start_run(list(sources))
    linker = Linker(settings)
    linker.pending(store)  # the documents a killed run stored and did not link
    found: list[Found] = []
    for item in read_sources(sources, options):
        if isinstance(item, Problem):
            problem(item)
        else:
            found.append(item)
    report.read = len(found)
    with until_stopped(report, len(found), "article", "ingest", progress) as bar:
        todo: dict[str, list[Found]] = {}  # key -> every source of that text in this run
        for item in found:
            key = content_key(item.article.text)
            todo.setdefault(key, []).append(item)
        new: dict[str, Article] = {}
        completing: dict[str, Article] = {}  # stored documents this run gives a date, an outlet...
        for key, items in todo.items():
            stored = store.document(key, text=False)
            if stored is None:
                new[key] = items[0].article  # the first reading; the others add their sources
                continue
            article = _merged([item.article for item in items])
            for item in items:
                store.add_source(key, item)
            report.known += len(items)
            lacking = {f: getattr(article, f) for f in METADATA if stored[f] is None and getattr(article, f)}
            if lacking:  # extracted again from the stored text, whose offsets the record keeps
                completing[key] = _stored_article(store.document(key), **lacking)
            else:
                bar.update(len(items))
        jobs = [*new.values(), *completing.values()]
        idle = (lambda: publish(store, settings, linker=linker)) if link else None
        for key, record, error in _extract(jobs, settings, processes(workers, len(jobs), settings, overlap), idle=idle):
            items = todo[key]
            if record is None:
                for item in items:
                    problem(Problem(item.origin, error or "extraction failed", item.locator))
            elif key in completing:
                if store.replace(key, record):
                    report.completed += 1
                    if link:
                        linker.again(store, key)
            else:
                outcome = store.add(record, items[0])
                if outcome == "stored" and link:
                    linker.link(store, key)
                report.stored += outcome == "stored"
                report.known += outcome == "known"  # another ingest stored it meanwhile
                for item in items[1:]:
                    store.add_source(key, item)
                    report.known += 1
            bar.update(len(items))
    if report.stopped is None:
        if link:
            publish(store, settings, linker=linker)  # the pages and the API read the links as tables
        store.finish_run(run, report.read, report.stored, report.known, len(report.problems))
    return report


def _merged(articles: list[Article]) -> Article:
    """A stored text read again from several sources: the first reading, with what it
    lacks taken from the next ones that have it."""
    first = articles[0]
    filled = {f: next((getattr(a, f) for a in articles if getattr(a, f)), None) for f in METADATA}
    return replace(first, **{f: v for f, v in filled.items() if v and not getattr(first, f)})


def _stored_article(stored: dict[str, Any], **metadata: Any) -> Article:
    """A stored document as the article it was read as, with metadata given over it."""
    fields = {f: stored[f] for f in ("id", *METADATA)}
    return Article(text=stored["text"], **{**fields, **metadata})


@dataclass
class Reextracted:
    """What `dateline reextract` did."""

    stale: int = 0  # documents made by another pipeline (or by any, with --all)
    done: int = 0   # of those, re-extracted and replaced
    current: int = 0  # documents already made by this pipeline, left alone
    problems: list[Problem] = field(default_factory=list)
    stopped: str | None = None

    @property
    def complete(self) -> bool:
        return not self.problems and self.stopped is None

    def summary(self) -> str:
        text = (f"{self.done} of {self.stale} document(s) re-extracted, {self.current} already current, "
                f"{len(self.problems)} problem(s)")
        return text + (f"; stopped: {self.stopped}" if self.stopped else "")


def reextract(store: Store, *, settings: Settings | None = None, overrides: dict[str, Any] | None = None,
              everything: bool = False, workers: int = 1, progress: bool | None = None,
              on_problem: Callable[[Problem], None] | None = None, overlap: bool = False) -> Reextracted:
    """Extract again the stored texts whose records another pipeline made (every text, with
    `everything`), keeping each document's key, sources and metadata. A record is made again
    with the settings it was made with (narrative anchoring stays narrative), unless
    `overrides` (the command line's) say otherwise; a record that says none takes `settings`.
    Each document is replaced in a transaction of its own, so a killed run loses nothing
    and the next run does the rest. `overlap` as for `ingest`."""
    settings = settings or Settings.from_env()
    overrides = {k: v for k, v in (overrides or {}).items() if v is not None}
    report = Reextracted()
    on_problem = on_problem or (lambda p: None)
    if everything:
        store.forget_versions()
    linker = Linker(settings)
    pipelines: dict[str, Pipeline] = {}  # one per distinct set of settings
    todo: list[tuple[Pipeline, list[str]]] = []
    for made, count in store.pipelines().items():
        recorded = json.loads(made).get("settings", {}) if made else {}
        wanted = replace(settings, **{**{k: v for k, v in recorded.items() if hasattr(settings, k)}, **overrides})
        key = json.dumps(wanted.recorded(), sort_keys=True)
        if key not in pipelines:
            pipelines[key] = Pipeline(wanted)
        pipeline = pipelines[key]
        if made == version_key(pipeline.version):
            report.current += count
        else:
            todo.append((pipeline, store.made_by(made)))
            report.stale += count
    with until_stopped(report, report.stale, "document", "reextract", progress) as bar:
        for pipeline, keys in todo:
            articles = (_stored_article(doc) for key in keys if (doc := store.document(key)) is not None)
            for key, record, error in _extract(articles, pipeline.settings,
                                               processes(workers, len(keys), pipeline.settings, overlap), pipeline,
                                               idle=lambda: publish(store, settings, linker=linker)):
                if record is None:
                    report.problems.append(Problem(f"document {key}", f"{error}; its record is kept as it was"))
                    on_problem(report.problems[-1])
                elif store.replace(key, record):
                    report.done += 1
                    linker.again(store, key)
                bar.update()
    if report.stopped is None:
        publish(store, settings, linker=linker)
    return report


@contextlib.contextmanager
def until_stopped(report: Any, total: int, unit: str, desc: str, progress: bool | None) -> Iterator[Any]:
    """A progress bar for a run (ingest, reextract, batch: a report with a `stopped` field);
    what stops it early (a store that cannot be written, a model that cannot be loaded, a
    worker that died) is said in `report.stopped`, and what was stored before is kept."""
    from tqdm import tqdm

    if progress is None and not sys.stderr.isatty():
        bar: Any = Lines(total, unit, desc)  # a log or a pipe: a line now and then, not a redrawn bar
    else:
        bar = tqdm(total=total, unit=unit, desc=desc, file=sys.stderr, dynamic_ncols=True,
                   disable=progress is False)
    try:
        yield bar
    except DatelineError as e:
        report.stopped = str(e.args[0])
    except BrokenProcessPool:
        report.stopped = (f"a worker process died (out of memory?); every {unit} done before is kept: "
                          "run the same command again (with fewer --workers, if it had more than one)")
    finally:
        bar.close()


class Lines:
    """Progress for a standard error that is no terminal (a log file, a pipe, a service's
    journal): a line every PROGRESS_SECONDS, and one at the end, so a long run says it is
    alive and how far it has come without filling the log with a redrawn bar."""

    def __init__(self, total: int, unit: str, desc: str, every: float = PROGRESS_SECONDS):
        self.total, self.unit, self.desc, self.every = total, unit, desc, every
        self.done = 0
        self.started = self.said = time.monotonic()

    def update(self, n: int = 1) -> None:
        self.done += n
        if time.monotonic() - self.said >= self.every:
            self._say()

    def close(self) -> None:
        if self.done:
            self._say()

    def _say(self) -> None:
        self.said = time.monotonic()
        seconds = self.said - self.started
        rate = self.done / seconds if seconds else 0.0
        left = f", about {(self.total - self.done) / rate:.0f} s left" if rate and self.done < self.total else ""
        print(f"dateline: {self.desc}: {self.done}/{self.total} {self.unit}s, {rate:.2f}/s{left}",
              file=sys.stderr, flush=True)


Outcome = tuple[str, dict[str, Any] | None, str | None]  # key, record or None, error


def processes(workers: int, articles: int, settings: Settings, overlap: bool = False) -> int:
    """How many processes other than this one extract a run of `articles`: the workers asked
    for; with one and `overlap`, a process of its own once the run fills OVERLAP_BATCHES
    batches and the machine has a second core, so that this process stores, links and
    publishes what it has while the next batch is extracted (linking then adds to the run's
    time only what the last batch needs); a short run is extracted here, sparing a process
    its model's load."""
    if workers > 1:
        return workers
    if overlap and articles >= OVERLAP_BATCHES * settings.batch_size and (os.cpu_count() or 1) > 1:
        return 1
    return 0


def _extract(articles: Iterable[Article], settings: Settings, processes: int,
             pipeline: Pipeline | None = None, idle: Callable[[], None] | None = None) -> Iterator[Outcome]:
    """(key, record, None) or (key, None, why) for each article, batch after batch, in the
    order of the articles; the batches are cut as the articles come, so a long run holds
    two batches per process. `processes`: 0 extracts here (with `pipeline`, or one made from
    the settings); more extracts in that many processes, and `idle` is called whenever the
    next batch is not done yet."""
    batches = _batches(articles, settings.batch_size)
    first = next(batches, None)
    if first is None:
        return
    batches = itertools.chain([first], batches)
    if processes <= 0:
        pipeline = pipeline or Pipeline(settings)
        for batch in batches:
            yield from extract_batch(pipeline, batch)
        return
    compile_resources(settings)
    # spawn: workers start clean, without this process's open store or threads
    with ProcessPoolExecutor(processes, mp_context=get_context("spawn"), initializer=_start_worker,
                             initargs=(settings,)) as pool:
        # taken in the order they were sent, not as they finish: a run stores, numbers and
        # links its articles in the order it read them, however many processes extract them
        # (the actors table numbers actors as linking first meets them)
        waiting: deque[Future] = deque()
        queue = iter(batches)
        try:
            for batch in _take(queue, 2 * processes):
                waiting.append(pool.submit(_work, batch))
            while waiting:
                if idle is not None and not waiting[0].done():
                    idle()
                outcomes = waiting.popleft().result()
                for batch in _take(queue, 1):
                    waiting.append(pool.submit(_work, batch))
                yield from outcomes
        finally:
            for future in waiting:
                future.cancel()


def compile_resources(settings: Settings) -> None:
    """Compile what the pipeline compiles on first use (the gazetteer) here, once, if it is
    stale, so that the worker processes about to start do not all compile it at once."""
    from ..layers.places.gazetteer import gazetteer
    from ..resources import Resources

    Resources(settings).get(gazetteer).db.close()


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _take(queue: Iterator[list[Article]], n: int) -> Iterable[list[Article]]:
    for _ in range(n):
        batch = next(queue, None)
        if batch is None:
            return
        yield batch


def extract_batch(pipeline: Pipeline, batch: list[Article]) -> list[Outcome]:
    """Records for a batch; an article that cannot be extracted is reported, the others go on."""
    out: dict[int, Outcome] = {}
    for record, n in pipeline.pipe(((article, n) for n, article in enumerate(batch)), as_tuples=True,
                                   error_handler=lambda item, error: out.setdefault(
                                       item[1], (content_key(item[0].text), None, reason(error)))):
        out[n] = (content_key(batch[n].text), record, None)
    return [out[n] for n in range(len(batch))]


_PIPELINE: Pipeline | None = None  # one per worker process
_FAILED: DatelineError | None = None  # why it could not be loaded


def _start_worker(settings: Settings) -> None:
    global _PIPELINE, _FAILED
    import multiprocessing
    import os
    import threading

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
    return extract_batch(_PIPELINE, batch)
