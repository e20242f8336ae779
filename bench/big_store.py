"""A large store for `make latency`: the records of a small store (the seed and dev corpus,
as `dateline ingest` made them) copied round after round until it holds SIZE documents,
each copy with its dates shifted, another outlet's name ("Copy n") and a numbered line
added to its text (the store keeps identical texts once), linked as ingest links them,
then its corpus views written. Copying records, not texts, spares the extraction: linking
and the views are what a large store costs.

Usage: python bench/big_store.py BASE.db OUT.db [SIZE]
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from dateline.corpus.link import Linker
from dateline.corpus.publish import publish
from dateline.evaluate.linkspeed import fill
from dateline.store import Store


def main(base: str, out: str, size: int = 10_000) -> int:
    with Store(base, readonly=True) as store:
        records = list(store.records())
    for suffix in ("", "-wal", "-shm"):
        Path(out + suffix).unlink(missing_ok=True)
    began = time.perf_counter()
    with Store(out) as store:
        linker = Linker()
        fill(store, linker, records, size)
        filled = time.perf_counter() - began
        publish(store, linker=linker)
        print(f"{out}: {store.count('documents')} documents from {len(records)} records; copied and linked in "
              f"{filled:.0f} s, corpus views written in {time.perf_counter() - began - filled:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], *(int(a) for a in sys.argv[3:4])))
