"""The worst cases: time and peak memory for texts made to be slow, each beside a normal
article of the same length (`dateline benchmark --worst-case`).

Each text is extracted in a process of its own, so that its peak memory is its own: the
peak after loading the pipeline is printed apart from the peak after extracting. A text
over its budget (`article_seconds` per 100,000 characters) is reported as skipped.
"""
from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable

from ..resources import DATA

LIMIT_MIB = 1024  # no input may take more (issue 18)


def _normal(length: int) -> str:
    """The shipped example article, repeated (its towns numbered) to the length asked."""
    example = (DATA / "examples" / "wire-report.txt").read_text(encoding="utf-8")
    pieces, size, n = [], 0, 0
    while size < length:
        pieces.append(example.replace("Tarsk", f"Tarsk-{n}"))
        size += len(pieces[-1]) + 1
        n += 1
    return "\n".join(pieces)[:length]


CASES: dict[str, Callable[[], str]] = {
    "16,000 closing brackets": lambda: "x" + ")" * 16_000,
    "20 KB of nested brackets": lambda: "(" * 10_000 + ")" * 10_000,
    "6 KB of opening quotes": lambda: "x" + '"' * 6_000,
    "a 1 MB line of words, no punctuation": lambda: " ".join(["convoy"] * 150_000)[:1_000_000],
}


def _measure(name: str, normal: bool) -> dict[str, object]:
    """Extract one case (or the normal article of its length) in this process."""
    from ..errors import TooCostly
    from ..pipeline import Pipeline

    text = CASES[name]()
    if normal:
        text = _normal(len(text))
    pipeline = Pipeline()
    loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    try:
        pipeline(text)
        outcome = "extracted"
    except TooCostly:
        outcome = "skipped: over its budget"
    return {"chars": len(text), "seconds": time.perf_counter() - start, "loaded_mib": loaded,
            "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "outcome": outcome,
            "budget": pipeline.budget(text)}


def main() -> int:
    print(f"worst cases: each text extracted in its own process (pipeline load not counted); "
          f"limit {LIMIT_MIB} MiB", flush=True)
    over = 0
    for name in CASES:
        for normal in (False, True):
            proc = subprocess.run([sys.executable, "-m", "dateline.evaluate.worst", name, "normal" if normal else "case"],
                                  capture_output=True, text=True)
            label = "  normal article, same length" if normal else name
            if proc.returncode != 0:
                print(f"{label:40} FAILED: {proc.stderr.strip().splitlines()[-1:]}", flush=True)
                over += 1
                continue
            f = json.loads(proc.stdout)
            over += f["peak_mib"] > LIMIT_MIB or f["seconds"] > f["budget"]
            print(f"{label:40} {f['chars']:>9,} chars  {f['seconds']:7.2f} s (budget {f['budget']:.0f} s)  "
                  f"peak {f['peak_mib']:5.0f} MiB (after load {f['loaded_mib']:.0f})  {f['outcome']}", flush=True)
    print("all within their budgets and the memory limit" if not over else f"{over} over a budget or the limit")
    return 0 if not over else 1


if __name__ == "__main__":
    print(json.dumps(_measure(sys.argv[1], sys.argv[2] == "normal")))
