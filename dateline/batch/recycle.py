"""Worker recycling: a worker that has grown past a limit is restarted between tasks.

spaCy's memory grows over a long run (its string store keeps every new word it meets);
a fresh process starts small again and loads the pipeline anew. The restart goes through
the worker's nanny, gracefully: the worker takes no new task and hands its results on
first. A LocalCluster's memory limit stays the hard stop behind it (the nanny kills a
worker past 95% of it, and its task is tried again elsewhere).
"""
from __future__ import annotations

from typing import Any

import psutil
from distributed import WorkerPlugin
from distributed.core import Status


class Recycle(WorkerPlugin):
    """Restart the worker once its process holds more than `limit` bytes after a task."""

    name = "dateline-recycle"

    def __init__(self, limit: int):
        self.limit = limit
        self.worker: Any = None

    def setup(self, worker: Any) -> None:
        self.worker = worker

    def transition(self, key: Any, start: str, finish: str, **kwargs: Any) -> None:
        # checked as each task finishes; a retirement that cannot hand its results on (the
        # only worker, its result not fetched yet) leaves the worker running, and it asks again
        if finish != "memory" or self.worker is None or self.worker.status != Status.running:
            return
        rss = psutil.Process().memory_info().rss
        if rss > self.limit:
            self.worker.loop.add_callback(self.worker.close_gracefully, restart=True,
                                          reason=f"dateline: recycled at {rss / 2**20:.0f} MiB")
