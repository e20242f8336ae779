"""`dateline benchmark --scaling N`: articles/s of `ingest` in one process and of `batch` on
one and on two local Dask workers, over a corpus replicated to N articles; with `--postgres
URL`, the same ingest into PostgreSQL beside SQLite's.

Each copy of an article differs from the others (identical texts are stored once): its
date is shifted by a round per copy (the corpus's span and a month, as benchmark-links
shifts its copies), its outlet and URL are named after the copy, and a numbered line is
added to its text. Every figure is wall time from the first read to the
last write, start-up (model loads, the cluster) included; `ingest` also stores and links
each record, which `batch` leaves to `ingest --from-batch`. Peak memory is each worker
process's maximum resident set size (for `ingest`, this process's).

Scaling is only worth reading on an idle machine: the one-minute load average is printed
before and after, and a run that started at 0.5 or more says its figures mean little.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import resource
import tempfile
import time
from pathlib import Path
from typing import Any

from .linkspeed import step_days

SCALING_TARGET = 1.7  # two workers against one
PEAK_TARGET_MIB = 1024  # per worker
BUSY = 0.5  # one-minute load average at the start above which the figures mean little


def replicate(source: Path, n: int, target: Path) -> int:
    """Write `n` articles to `target`, copies of the JSON Lines articles of `source`."""
    articles = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not articles:
        raise ValueError(f"{source} holds no article")
    # each round of copies after the one before, as benchmark-links fills its stores: a
    # round a week after the last would tell the same stories again while they still run,
    # and ingest would link every copy to the copies before it (a store as dense in time
    # as no real one is)
    step = step_days([str(a.get("published") or a.get("date") or "") or None for a in articles])
    with target.open("w", encoding="utf-8") as f:
        for i in range(n):
            copy, article = divmod(i, len(articles))
            row = dict(articles[article])
            if copy:
                row["id"] = f"{row.get('id') or article}-copy{copy}"
                row["source"] = f"{row.get('source') or 'Outlet'} (copy {copy})"
                if row.get("url"):
                    row["url"] = f"{row['url']}?copy={copy}"
                published = row.get("published") or row.get("date")
                if published:
                    day = dt.date.fromisoformat(str(published)[:10]) + dt.timedelta(days=step * copy)
                    row["published"] = day.isoformat()
                    row.pop("date", None)
                row["text"] = f"{row['text']}\nCopy {copy} of this report, line {i}."
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return n


def _load() -> float:
    return os.getloadavg()[0]


def measure(source: Path, n: int, workers: tuple[int, ...] = (1, 2), postgres: str | None = None) -> dict[str, Any]:
    """The figures of the report; `postgres`, a server's URL: the same ingest into a
    database made there for the run, beside SQLite's."""
    from ..batch import batch
    from ..ingest.run import ingest
    from ..store import Store

    figures: dict[str, Any] = {"articles": n, "load_before": _load()}
    with tempfile.TemporaryDirectory(prefix="dateline-scaling-") as folder:
        corpus = Path(folder) / "articles.jsonl"
        replicate(source, n, corpus)
        with Store(Path(folder) / "ingest.db") as store:
            start = time.perf_counter()
            report = ingest([str(corpus)], store, workers=1, progress=False)
            seconds = time.perf_counter() - start
        figures["ingest"] = {"done": report.stored, "seconds": seconds, "rate": report.stored / seconds,
                             "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
        if postgres:
            from .storespeed import scratch

            with scratch(postgres) as database, Store(database) as store:
                start = time.perf_counter()
                report = ingest([str(corpus)], store, workers=1, progress=False)
                seconds = time.perf_counter() - start
            figures["ingest_postgresql"] = {"done": report.stored, "seconds": seconds,
                                            "rate": report.stored / seconds}
        for count in workers:
            start = time.perf_counter()
            run = batch([str(corpus)], Path(folder) / f"batch-{count}", workers=count, progress=False)
            seconds = time.perf_counter() - start
            figures[f"batch_{count}"] = {"done": run.done, "failed": run.failed, "seconds": seconds,
                                         "rate": run.done / seconds, "stopped": run.stopped,
                                         "peak_mib": max(run.peaks.values(), default=0.0),
                                         "processes": len(run.peaks)}
    figures["load_after"] = _load()
    return figures


def report(f: dict[str, Any]) -> str:
    lines = [f"scaling: {f['articles']} articles (the corpus replicated); one-minute load average "
             f"{f['load_before']:.2f} before"]
    i = f["ingest"]
    lines.append(f"ingest, 1 process     {i['rate']:8.2f} articles/s  {i['seconds']:7.1f} s for {i['done']} "
                 f"(extract, store, link)   peak {i['peak_mib']:.0f} MiB")
    if "ingest_postgresql" in f:
        p = f["ingest_postgresql"]
        lines.append(f"ingest, PostgreSQL    {p['rate']:8.2f} articles/s  {p['seconds']:7.1f} s for {p['done']} "
                     f"(extract, store, link; {p['rate'] / i['rate']:.2f} of SQLite's rate)")
    for key in sorted(k for k in f if k.startswith("batch_")):
        b = f[key]
        count = key.split("_")[1]
        stopped = f"; stopped: {b['stopped']}" if b["stopped"] else ""
        lines.append(f"batch, {count} worker{'s' if count != '1' else ' '}     {b['rate']:8.2f} articles/s  "
                     f"{b['seconds']:7.1f} s for {b['done']} (extract, tables)   peak {b['peak_mib']:.0f} MiB per "
                     f"worker ({b['processes']} process(es), recycling included){stopped}")
    if "batch_1" in f and "batch_2" in f and f["batch_1"]["rate"]:
        ratio = f["batch_2"]["rate"] / f["batch_1"]["rate"]
        peak = max(f["batch_1"]["peak_mib"], f["batch_2"]["peak_mib"])
        lines.append(f"scaling 2/1 workers   {ratio:.2f}x  (target: at least {SCALING_TARGET}x; "
                     f"{'met' if ratio >= SCALING_TARGET else 'MISSED'})")
        lines.append(f"peak per worker       {peak:.0f} MiB  (target: at most {PEAK_TARGET_MIB} MiB; "
                     f"{'met' if peak <= PEAK_TARGET_MIB else 'MISSED'})")
    lines.append(f"load average          {f['load_before']:.2f} before, {f['load_after']:.2f} after "
                 f"({os.cpu_count()} cores)")
    if f["load_before"] >= BUSY:
        lines.append(f"the machine was too busy (load {f['load_before']:.2f} >= {BUSY} before the start) for the "
                     "scaling figure to mean anything: run it again on an idle machine")
    return "\n".join(lines)


def main(paths: list[str], n: int, postgres: str | None = None) -> int:
    import sys

    sources = [Path(p) for p in paths if p.endswith(".jsonl")]
    if len(sources) != 1:
        print("dateline: error: --scaling takes one JSON Lines file of articles, e.g. "
              "../shared/corpus/dev/articles.jsonl", file=sys.stderr)
        return 1
    print(report(measure(sources[0], n, postgres=postgres)), flush=True)
    return 0
