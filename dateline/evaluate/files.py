"""Reading gold files (the contract's shape) and benchmark files (JSON lines of texts and spans)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import GoldError


def load_gold(path: str | Path, layers: tuple[str, ...]) -> dict[str, Any]:
    """A gold record: the document with its text, and the gold items of each scored layer."""
    try:
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise GoldError(f"cannot read gold file {path}: {e}") from e
    if not isinstance(gold, dict):
        raise GoldError(f"{path} is not a gold record: a JSON object is expected")
    missing = [k for k in ("document", *layers) if k not in gold]
    if missing or "text" not in gold.get("document", {}):
        raise GoldError(f"{path} is not a gold record: missing {', '.join(missing) or 'document.text'}")
    return gold


def load_documents(path: str | Path) -> list[dict[str, Any]]:
    """Benchmark documents, one JSON object per line, each with `text` and `spans`."""
    docs = []
    try:
        lines = Path(path).read_text(encoding="utf-8").split("\n")  # not splitlines: texts hold U+2028
    except OSError as e:
        raise GoldError(f"cannot read {path}: {e.strerror}") from e
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
        except ValueError as e:
            raise GoldError(f"{path}:{n}: not JSON ({e})") from e
        if not isinstance(doc, dict) or "text" not in doc or "spans" not in doc:
            raise GoldError(f"{path}:{n}: a document needs 'text' and 'spans'")
        docs.append(doc)
    return docs
