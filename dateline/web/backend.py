"""What the web application works on: the store (read-only connections, one per thread),
the extraction pipeline (loaded on first use) and the operator's write token."""
from __future__ import annotations

import hmac
import sqlite3
import threading
from pathlib import Path
from typing import Any

from ..errors import SettingsError
from ..settings import Settings
from ..store import Store

MIN_TOKEN_CHARS = 16


class Backend:
    def __init__(self, db: str | Path, *, token: str | None = None, settings: Settings | None = None):
        self.db = Path(db)
        Store(self.db, readonly=True).close()  # a missing or foreign file fails now, not on the first request
        if token is not None and len(token) < MIN_TOKEN_CHARS:
            raise SettingsError(f"the write token must be at least {MIN_TOKEN_CHARS} characters")
        self._token = token.encode("utf-8") if token else None
        self.settings = settings or Settings.from_env()
        self._local = threading.local()
        self._pipeline: Any = None
        self._pipeline_lock = threading.Lock()  # one spaCy pipeline, used by one request at a time
        self._write_lock = threading.Lock()

    @property
    def writable(self) -> bool:
        return self._token is not None

    def token_matches(self, given: str) -> bool:
        """Constant time in the token's content, so a wrong guess teaches nothing."""
        return self._token is not None and hmac.compare_digest(given.encode("utf-8"), self._token)

    def conn(self) -> sqlite3.Connection:
        """This thread's read-only connection (sqlite3 connections are not for sharing)."""
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = Store(self.db, readonly=True)
        return store.conn

    def extract(self, articles: list[Any]) -> list[dict[str, Any]]:
        with self._pipeline_lock:
            if self._pipeline is None:
                from ..pipeline import Pipeline

                self._pipeline = Pipeline(self.settings)
            return list(self._pipeline.pipe(articles))

    def store(self, record: dict[str, Any], found: Any) -> str:
        with self._write_lock, Store(self.db) as store:
            return store.add(record, found)
