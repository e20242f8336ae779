"""Throughput and memory: the bare spaCy parse against the whole extraction, same texts.

Both sides use the same loaded pipeline (the model's components and Dateline's paragraph
rule, which sets sentence starts before the parser). After a warm-up, each round parses
every text with `nlp(text)` and extracts every text with the pipeline (parse included); rounds alternate so that drift in the machine's speed hits both alike. Load
time is reported apart and counted in neither. Peak memory is the process's maximum
resident set size. Given files, it then ingests them into a new store with 1 and 2 worker
processes and prints articles/s for each.
"""
from __future__ import annotations

import json
import resource
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .. import nlp as nlp_mod
from ..pipeline import Pipeline
from ..resources import DATA

RATIO_TARGET = 1.25  # extraction may cost at most a quarter more than the bare parse


@dataclass
class Figures:
    articles: int
    tokens: int
    chars: int
    load_s: float
    parse_s: float
    extract_s: float
    rounds: int
    peak_mib: float
    stage_s: dict[str, float]  # each stage's own time per round, parse excluded

    @property
    def ratio(self) -> float:
        return self.extract_s / self.parse_s if self.parse_s else float("nan")


def read_texts(paths: Iterable[str]) -> list[str]:
    """Texts from .txt files, JSON Lines with a `text` field, or gold/record JSON files."""
    texts: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    texts.append(json.loads(line)["text"])
        elif path.suffix == ".json":
            texts.append(json.loads(path.read_text(encoding="utf-8"))["document"]["text"])
        else:
            texts.append(path.read_text(encoding="utf-8"))
    return texts


def run(texts: list[str], rounds: int = 3, pipeline: Pipeline | None = None) -> Figures:
    start = time.perf_counter()
    pipeline = pipeline or Pipeline()
    load_s = time.perf_counter() - start
    nlp = pipeline.nlp
    for text in texts[:2]:  # warm-up: caches, lexicons, lazy imports
        nlp(text)
        pipeline(text)
    tokens = sum(len(nlp.make_doc(t)) for t in texts)
    parse_s = extract_s = 0.0
    pipeline.stage_seconds = dict.fromkeys(pipeline.stage_seconds, 0.0)  # the warm-up does not count
    for _ in range(rounds):
        t0 = time.perf_counter()
        for text in texts:
            if len(text) < nlp.max_length:
                nlp(text)
            else:  # past spaCy's limit the bare side parses in the same chunks as extraction
                next(nlp_mod.parse_many(nlp, [text], pipeline.settings.chunk_chars))
        t1 = time.perf_counter()
        for text in texts:
            pipeline(text)
        t2 = time.perf_counter()
        parse_s += t1 - t0
        extract_s += t2 - t1
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    stage_s = {name: seconds / rounds for name, seconds in pipeline.stage_seconds.items()}
    return Figures(len(texts), tokens, sum(map(len, texts)), load_s, parse_s / rounds, extract_s / rounds,
                   rounds, peak, stage_s)


def report(f: Figures) -> str:
    def rate(seconds: float) -> str:
        return f"{f.articles / seconds:8.2f} articles/s  {f.tokens / seconds:9.0f} tokens/s  " \
               f"{1000 * seconds / f.articles:7.1f} ms/article"

    return "\n".join([
        f"texts: {f.articles} articles, {f.tokens} tokens, {f.chars} characters; "
        f"{f.rounds} rounds after warm-up; pipeline load {f.load_s:.2f} s (not counted)",
        f"bare spaCy parse     {rate(f.parse_s)}",
        f"dateline.extract     {rate(f.extract_s)}",
        f"ratio extract/parse  {f.ratio:.3f}  (target: at most {RATIO_TARGET}; "
        f"{'met' if f.ratio <= RATIO_TARGET else 'MISSED'})",
        f"peak memory          {f.peak_mib:.0f} MiB (max resident set size)",
        "stages (their own time, parse excluded; share of extract):",
        *(f"  {name:18} {1000 * seconds / f.articles:7.2f} ms/article  {100 * seconds / f.extract_s:5.1f}%"
          for name, seconds in f.stage_s.items()),
    ])


def ingest_rates(paths: list[str], workers: tuple[int, ...] = (1, 2)) -> list[str]:
    """`dateline ingest` of the same sources into a new store, once per worker count: wall
    time from the first read to the last commit, worker start-up (model load) included."""
    import tempfile

    from ..ingest.run import ingest
    from ..store import Store

    lines = []
    for n in workers:
        with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "bench.db") as store:
            start = time.perf_counter()
            report = ingest(paths, store, workers=n, progress=False)
            seconds = time.perf_counter() - start
        lines.append(f"ingest, {n} worker{'s' if n > 1 else ' '}    {report.stored / seconds:8.2f} articles/s  "
                     f"{seconds:7.1f} s for {report.stored} articles (read, extract, store; start-up included)")
    return lines


def default_texts() -> list[str]:
    return [(DATA / "examples" / "wire-report.txt").read_text(encoding="utf-8")]


def main(paths: list[str], rounds: int) -> int:
    texts = read_texts(paths) if paths else default_texts()
    if not texts:
        print("dateline: error: no texts to measure", file=sys.stderr)
        return 1
    print(report(run(texts, rounds)), flush=True)
    if paths:
        print("\n".join(ingest_rates(paths)))
    return 0
