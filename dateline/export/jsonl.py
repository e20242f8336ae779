"""The stored records as JSON Lines."""
from __future__ import annotations

import json
from typing import IO

from ..store import Store


def write_jsonl(store: Store, f: IO[str]) -> int:
    count = 0
    for record in store.records():
        f.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count
