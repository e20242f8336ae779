"""`dateline benchmark-links ARTICLES.jsonl`: what linking costs, in a small store and a
large one, and beside extraction.

The articles are extracted once. A store of each size is then filled with copies of their
records, each copy with its dates shifted, another outlet's name and a numbered line
added to its text (the store keys documents by their text), linked as ingest links them.
Then a few articles not in the store are linked into each, one at a time, and the
median time per article is printed for both sizes, with the ratio (the target: linking
into the large store costs at most twice linking into the small one, because it touches
only candidates found through the index) and linking's share of ingest time per article
(target: at most 15%).
"""
from __future__ import annotations

import copy
import datetime as dt
import json
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from ..corpus.link import Linker
from ..pipeline import Pipeline
from ..record import Article, content_key
from ..store import Store

RATIO_TARGET = 2.0
# Each round of copies is this many days after the one before: more than a claim's window
# (claims.DAYS) and an event's, so that each round's happenings and claims are new ones,
# as the next weeks of a real store's are. Rounds closer together would make one claim
# of a speaker's identical words repeated round after round, linked in a chain as long
# as the store (a store of the same article every week would cost that too).
ROUND_DAYS = 15
SHARE_TARGET = 0.15
ISO_DAY = re.compile(r"\b(\d{4}-\d{2}-\d{2})")


def shifted(record: dict[str, Any], n: int, days: int) -> dict[str, Any]:
    """A copy of a record n days later, from outlet "Copy n", its text one numbered line longer."""
    out = copy.deepcopy(record)
    delta = dt.timedelta(days=days)

    def move(value: str | None) -> str | None:
        if not value:
            return value
        return ISO_DAY.sub(lambda m: (dt.date.fromisoformat(m[1]) + delta).isoformat()
                           if _is_day(m[1]) else m[1], value)

    doc = out["document"]
    doc["published"] = move(doc.get("published"))
    doc["source"] = f"Copy {n}"
    doc["id"] = f"{doc.get('id')}-copy{n}"
    doc["text"] = doc["text"] + f"\n[copy {n}]"
    for t in out.get("times", []):
        t["value"] = move(t.get("value"))
    return out


def _is_day(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
        return True
    except ValueError:
        return False


def fill(store: Store, linker: Linker, records: list[dict[str, Any]], size: int) -> None:
    """Store and link `size` copies of the records, each round of copies ROUND_DAYS later."""
    n = 0
    while n < size:
        for record in records:
            if n >= size:
                break
            copy_ = shifted(record, n // len(records), ROUND_DAYS * (n // len(records)))
            store.add(copy_)
            n += 1
    linker.pending(store)


def run(articles_path: str, sizes: tuple[int, ...] = (100, 10_000), probes: int = 7) -> dict[str, Any]:
    lines = [json.loads(line) for line in Path(articles_path).read_text(encoding="utf-8").splitlines() if line.strip()]
    if len(lines) <= probes:
        raise SystemExit(f"{articles_path}: needs more than {probes} articles")
    pipeline = Pipeline()
    articles = [Article(text=a["text"], id=a.get("id"), published=a.get("published"), source=a.get("source"),
                        title=a.get("title"), url=a.get("url")) for a in lines]
    started = time.perf_counter()
    records = list(pipeline.pipe(articles))
    extract_s = (time.perf_counter() - started) / len(records)
    probe, base = records[:probes], records[probes:]
    linker = Linker(pipeline.settings)
    out: dict[str, Any] = {"extract_s_per_article": extract_s, "sizes": {}}
    with tempfile.TemporaryDirectory(prefix="dateline-bench-links-") as tmp:
        for size in sizes:
            with Store(Path(tmp) / f"store-{size}.db") as store:
                began = time.perf_counter()
                fill(store, linker, base, size)
                filled_s = time.perf_counter() - began
                times = []
                for n, record in enumerate(probe):
                    fresh = shifted(record, 10_000 + n, ROUND_DAYS * (size // len(base)) // 2)
                    store.add(fresh)
                    key = content_key(fresh["document"]["text"])
                    began = time.perf_counter()
                    linker.link(store, key)
                    times.append(time.perf_counter() - began)
                out["sizes"][size] = {"median_s": statistics.median(times), "fill_s": filled_s,
                                      "documents": store.count("documents")}
    small, large = (out["sizes"][s]["median_s"] for s in (min(sizes), max(sizes)))
    out["ratio"] = large / small if small else float("inf")
    out["share_of_ingest"] = small / (extract_s + small)
    return out


def report(figures: dict[str, Any]) -> str:
    lines = [f"extraction: {figures['extract_s_per_article'] * 1000:.1f} ms per article"]
    for size, f in figures["sizes"].items():
        lines.append(f"linking one article into a store of {f['documents']} documents: median "
                     f"{f['median_s'] * 1000:.1f} ms (filling it took {f['fill_s']:.1f} s)")
    lines.append(f"large store / small store: {figures['ratio']:.2f} (target at most {RATIO_TARGET:g})")
    lines.append(f"linking's share of ingest time per article: {figures['share_of_ingest']:.1%} "
                 f"(target at most {SHARE_TARGET:.0%})")
    return "\n".join(lines)


def main(articles_path: str, sizes: tuple[int, ...], probes: int, as_json: bool) -> int:
    figures = run(articles_path, sizes, probes)
    print(json.dumps(figures) if as_json else report(figures))
    ok = figures["ratio"] <= RATIO_TARGET and figures["share_of_ingest"] <= SHARE_TARGET
    print(f"dateline: targets {'met' if ok else 'NOT met'}", file=sys.stderr)
    return 0 if ok else 1
