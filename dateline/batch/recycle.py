"""Worker recycling: a worker that has grown past a limit is restarted between tasks.

spaCy's memory grows over a long run (its string store keeps every new word it meets);
a fresh process starts small again and loads the pipeline anew. The restart goes through
the worker's nanny once the client has fetched the worker's results; the partition it
is running then is done again, by another worker or by itself restarted. A LocalCluster's memory limit stays the hard stop behind it (the nanny kills a
worker past 95% of it, and its task is tried again elsewhere).
"""
from __future__ import annotations

from typing import Any

import psutil
from distributed import WorkerPlugin
from distributed.core import Status


class Recycle(WorkerPlugin):
    """Restart the worker once its process holds more than `limit` bytes, when it holds no
    result that the client has not fetched."""

    name = "dateline-recycle"

    def __init__(self, limit: int):
        self.limit = limit
        self.worker: Any = None
        self.closing = False

    def setup(self, worker: Any) -> None:
        self.worker = worker

    def transition(self, key: Any, start: str, finish: str, **kwargs: Any) -> None:
        # checked as the client releases a result it has fetched and written: a worker that
        # closed while holding one would have it computed again elsewhere (the task it is
        # running then is handed to another worker, or to itself restarted)
        if start != "memory" or self.closing or self.worker is None or self.worker.status != Status.running:
            return
        if any(ts.state == "memory" for ts in self.worker.state.tasks.values()):
            return
        rss = psutil.Process().memory_info().rss
        if rss > self.limit:
            self.closing = True
            self.worker.loop.add_callback(self.worker.close_gracefully, restart=True,
                                          reason=f"dateline: recycled at {rss / 2**20:.0f} MiB")
