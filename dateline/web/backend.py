"""What the web application works on: the store (an SQLite file or a PostgreSQL database;
read-only connections, one per thread),
the extraction pipeline (loaded on first use, run on a thread of its own) and the
operator's write token."""
from __future__ import annotations

import asyncio
import hmac
import itertools
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from starlette.exceptions import HTTPException

from ..errors import DatelineError, SettingsError
from ..settings import MIN_TOKEN_CHARS, Settings
from ..store import Store, writable
from ..store.dialect import Connection, is_url, shown
from ..store import corpus as corpus_views

# extractions running or waiting, per kind; past this a request is told to come back (503),
# so that a queue of long articles cannot hold the server. Writes (token holders) have
# their own slots and go ahead of anonymous extractions in the queue.
EXTRACTION_SLOTS = 4
WRITE_SLOTS = 2
WRITE, EXTRACT = 0, 1  # priorities: lower runs first
# how long the corpus views count as fresh before their stamp is read again: a check per
# request would cost every request a query
FRESHNESS_S = 2.0

T = TypeVar("T")

if TYPE_CHECKING:
    from ..corpus.names import Names


class Busy(Exception):
    """Every extraction slot is taken."""


class Worker(threading.Thread):
    """One thread that runs jobs by priority, then in order of arrival. A daemon: stopping
    the server does not wait for extractions whose clients are gone."""

    def __init__(self) -> None:
        super().__init__(name="dateline-extract", daemon=True)
        self._jobs: queue.PriorityQueue = queue.PriorityQueue()
        self._order = itertools.count()

    def submit(self, priority: int, job: Callable[[], T]) -> "Future[T]":
        future: Future = Future()
        self._jobs.put((priority, next(self._order), job, future))
        return future

    def run(self) -> None:
        while True:
            _, _, job, future = self._jobs.get()
            if not future.set_running_or_notify_cancel():
                continue  # its request went away while it waited
            try:
                future.set_result(job())
            except BaseException as e:  # handed to the request that waits for it
                future.set_exception(e)


class Backend:
    def __init__(self, db: str | Path, *, token: str | None = None, settings: Settings | None = None):
        self.db = db if is_url(db) else Path(db)
        self.name = shown(db) if is_url(db) else self.db.name  # what /stats calls it: no folder, no password
        Store(self.db, readonly=True).close()  # a missing or foreign store fails now, not on the first request
        if token is not None and len(token) < MIN_TOKEN_CHARS:
            raise SettingsError(f"the write token must be at least {MIN_TOKEN_CHARS} characters")
        self._token = token.encode("utf-8") if token else None
        self.settings = settings or Settings.from_env()
        self._local = threading.local()
        self._publishing = threading.Lock()
        self._fresh_until = 0.0  # time.monotonic() until which the corpus views count as fresh
        self._pipeline: Any = None
        self._names: Any = None
        # one spaCy pipeline on one thread: reads keep the request threads to themselves
        self._worker = Worker()
        self._worker.start()
        self._slots = {EXTRACT: threading.BoundedSemaphore(EXTRACTION_SLOTS),
                       WRITE: threading.BoundedSemaphore(WRITE_SLOTS)}

    @property
    def writable(self) -> bool:
        return self._token is not None

    def token_matches(self, given: str) -> bool:
        """Constant time in the token's content, so a wrong guess teaches nothing."""
        return self._token is not None and hmac.compare_digest(given.encode("utf-8", "replace"), self._token)

    def corpus(self) -> Connection:
        """This thread's connection, after making sure the corpus views (store/corpus.py)
        are as new as the links: a store linked since they were written (by a run killed
        before it wrote them, or by an older Dateline) gets them written again, once, when
        it can be written. A few seconds per thousand documents, paid by one request."""
        conn = self.conn()
        if time.monotonic() < self._fresh_until:
            return conn
        with self._publishing:
            if time.monotonic() >= self._fresh_until:
                if corpus_views.stale(conn) and writable(self.db):
                    from ..corpus.publish import publish

                    with Store(self.db) as store:
                        publish(store, self.settings)
                elif not conn.dialect.has_table(conn, "links_published"):
                    # a store an older Dateline made, read as it is: it has no such tables
                    raise HTTPException(503, "this store has no corpus views and its file cannot be written: "
                                             "run `dateline links --db FILE` where it can be")
                self._fresh_until = time.monotonic() + FRESHNESS_S
        return conn

    def names(self) -> "Names":
        """How corpus/names.py folds a name, to find the actor a name in a record is one of
        (its data read on the first page that asks: under a second)."""
        if self._names is None:
            from ..corpus.names import Names
            from ..resources import Resources

            self._names = Names(Resources(self.settings))
        return self._names

    def conn(self) -> Connection:
        """This thread's read-only connection (connections are not for sharing)."""
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = Store(self.db, readonly=True)
        return store.conn

    async def extraction(self, job: Callable[["Backend"], T], priority: int = EXTRACT) -> T:
        """Run `job(self)` on the extraction thread; Busy when the slots of its kind are taken.
        A request that goes away while its job waits takes the job out of the queue."""
        slots = self._slots[priority]
        if not slots.acquire(blocking=False):
            raise Busy
        try:
            return await asyncio.wrap_future(self._worker.submit(priority, lambda: job(self)))
        finally:
            slots.release()

    def extract(self, articles: list[Any]) -> list[dict[str, Any] | DatelineError]:
        """For each article its record, or the error that says why it could not be read: one
        bad article never sinks the others. Call it from `extraction` (the pipeline is not shared)."""
        if self._pipeline is None:
            from ..pipeline import Pipeline

            self._pipeline = Pipeline(self.settings)
        out: dict[int, dict[str, Any] | DatelineError] = {}
        for record, n in self._pipeline.pipe(((article, n) for n, article in enumerate(articles)), as_tuples=True,
                                             error_handler=lambda item, error: out.setdefault(item[1], error)):
            out[n] = record
        return [out[n] for n in range(len(articles))]

    def store(self, record: dict[str, Any], found: Any) -> str:
        with Store(self.db) as store:
            return store.add(record, found)
