"""`dateline benchmark-links ARTICLES.jsonl`: what linking costs, in a small store and a
large one, and beside extraction.

The articles are extracted once. A store of each size is then filled with copies of their
records, each copy with its dates shifted (round after round, each after the one before),
another outlet's name and a numbered line added to its text (the store keys documents by
their text), linked as ingest links them.
Then a few articles not in the store are linked into each, one at a time, and the
median time per article is printed for both sizes, with the ratio (the target: linking
into the large store costs at most twice linking into the small one, because it touches
only candidates found through the index), and what linking adds to ingest time (target:
at most 15%): `dateline ingest` of the whole file timed with its linking and without,
the pipeline in a process of its own while this one stores, links and publishes. Beside
it, what linking and publishing cost in CPU time, which that overlap does not change:
each probe's ingest timed step by step in one process (extract it alone, store, link,
publish), the median of the articles' shares, and the same articles ingested as one run,
which publishes once at its end. Printed too: what publishing the corpus views costs after each article
(corpus/publish.py: the groups it changed written again), beside writing them whole once
the store is filled; the target is the same ratio: it costs what the article's groups
cost, not what the store holds.
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
from ..corpus.publish import publish
from ..pipeline import Pipeline
from ..record import Article, content_key
from ..store import Store

RATIO_TARGET = 2.0
# Each round of copies starts after the one before ends (the corpus's span of publication
# days and a month), so that the store grows in time as a real store does, at the density
# of the articles given: linking then costs what the candidates of one time and place
# cost, whatever the store's size. Rounds laid over each other would make a store ever
# denser in time, the cost of which is that of the density, not of the size.
MARGIN_DAYS = 31
SHARE_TARGET = 0.15
ISO_DAY = re.compile(r"\b(\d{4}-\d{2}-\d{2})")
ISO_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def shifted(record: dict[str, Any], n: int, days: int) -> dict[str, Any]:
    """A copy of a record n days later, from outlet "Copy n", its text one numbered line longer."""
    out = copy.deepcopy(record)
    delta = dt.timedelta(days=days)

    def move(value: str | None) -> str | None:
        if not value:
            return value
        return ISO_DAY.sub(lambda m: (dt.date.fromisoformat(m[1]) + delta).isoformat()
                           if _is_day(m[1]) else m[1], value)

    def move_time(value: str | None) -> str | None:
        """Days, and the weeks and months TIMEX3 values name, moved alike (a value that is
        no calendar's, such as week 53 of a 52-week year, is kept)."""
        try:
            return _moved(value)
        except ValueError:
            return value

    def _moved(value: str | None) -> str | None:
        if value and ISO_WEEK.match(value):
            m = ISO_WEEK.match(value)
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1) + delta
            return "{}-W{:02d}".format(*monday.isocalendar()[:2])
        if value and ISO_MONTH.match(value):
            m = ISO_MONTH.match(value)
            moved = dt.date(int(m[1]), int(m[2]), 15) + delta
            return f"{moved.year}-{moved.month:02d}"
        return move(value)

    doc = out["document"]
    doc["published"] = move(doc.get("published"))
    doc["source"] = f"Copy {n}"
    doc["id"] = f"{doc.get('id')}-copy{n}"
    doc["text"] = doc["text"] + f"\n[copy {n}]"
    for t in out.get("times", []):
        t["value"] = move_time(t.get("value"))
    return out


def _is_day(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
        return True
    except ValueError:
        return False


def round_days(records: list[dict[str, Any]]) -> int:
    """Days from one round of copies to the next: the span of the records' publication days
    and a month."""
    return step_days([r["document"].get("published") for r in records])


def step_days(published: list[str | None]) -> int:
    """Days from one round of copies to the next, for articles published on these days:
    their span and a month, so that a round tells its stories after the last has."""
    days = sorted(d for value in published if (d := _day(value)))
    return ((days[-1] - days[0]).days if days else 0) + MARGIN_DAYS


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def fill(store: Store, linker: Linker, records: list[dict[str, Any]], size: int) -> None:
    """Store and link `size` copies of the records, each round of copies after the one before."""
    step = round_days(records)
    n = 0
    while n < size:
        for record in records:
            if n >= size:
                break
            copy_ = shifted(record, n // len(records), step * (n // len(records)))
            store.add(copy_)
            n += 1
    linker.pending(store)


def run(articles_path: str, sizes: tuple[int, ...] = (100, 10_000), probes: int = 11) -> dict[str, Any]:
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
                began = time.perf_counter()
                publish(store, linker=linker, force=True)
                whole_s = time.perf_counter() - began
                steps: dict[str, list[float]] = {"extract": [], "store": [], "link": [], "publish": []}
                shift = round_days(base) * (size // len(base) // 2)
                for n, record in enumerate(probe):
                    # ingest's steps for one article, timed one after the other, so that the
                    # share compares what was measured under the same load of the machine;
                    # extraction in the small store only, where the share is taken
                    spent = ingested(store, linker, pipeline, record, n, shift,
                                     articles[n] if size == min(sizes) else None)
                    began = time.perf_counter()
                    publish(store, linker=linker)
                    spent["publish"] = time.perf_counter() - began
                    for step, seconds in spent.items():
                        steps[step].append(seconds)
                out["sizes"][size] = {"median_s": statistics.median(steps["link"]), "fill_s": filled_s,
                                      "publish_s": statistics.median(steps["publish"]), "publish_whole_s": whole_s,
                                      "documents": store.count("documents"), "steps": steps}
        with Store(Path(tmp) / "store-run.db") as store:
            out["run"] = one_run(store, linker, pipeline, base, probe, articles[:probes], min(sizes))
        out["overlapped"] = overlapped(Path(tmp), articles_path, linker, base, min(sizes))
    out.update(ratios(out["sizes"][min(sizes)], out["sizes"][max(sizes)], out["run"]))
    out["overlap_added"] = out["overlapped"]["added"]
    return out


def overlapped(tmp: Path, articles_path: str, linker: Linker, base: list[dict[str, Any]], size: int,
               pairs: int = 4) -> dict[str, Any]:
    """Seconds that `dateline ingest` takes for the whole file of articles into a store of
    `size` copies, with its linking and without: with one worker, a run this long is
    extracted in a process of its own while this one stores, links and publishes
    (ingest/run.py `processes`), so that linking adds to the run's time what is left when
    the last batch is extracted, and what this process's work slows the other by, where CPU
    time counts all of it. Without a second core there is no overlap.

    The runs go in `pairs`, one with linking and one without back to back, which goes first
    alternating: the machine's speed drifts by more than linking costs (other work on a
    shared host), and a pair's two runs share its moment. What linking adds is the median
    over the pairs of each pair's ratio (`added`)."""
    from ..ingest.run import ingest

    seconds: dict[str, list[float]] = {"with": [], "without": []}
    stored = 0
    for n in range(pairs):
        for linking in ((True, False) if n % 2 == 0 else (False, True)):
            with Store(tmp / f"store-overlap-{linking}-{n}.db") as store:
                fill(store, linker, base, size)
                publish(store, linker=linker, force=True)
                began = time.perf_counter()
                report = ingest([articles_path], store, settings=linker.settings, progress=False, overlap=True,
                                link=linking)
                seconds["with" if linking else "without"].append(time.perf_counter() - began)
                if not report.complete:
                    raise SystemExit(f"{articles_path}: the timed ingest did not complete: {report.summary()}")
                stored = report.stored
    return {**seconds, "articles": stored, **added(seconds["with"], seconds["without"])}


def added(with_: list[float], without: list[float]) -> dict[str, Any]:
    """What linking adds to a run's time, from runs taken in pairs (the n-th of each list one
    pair): each pair's ratio, less one, and their median."""
    each = [w / wo - 1 for w, wo in zip(with_, without)]
    return {"added_each": each, "added": statistics.median(each)}


def one_run(store: Store, linker: Linker, pipeline: Pipeline, base: list[dict[str, Any]],
            probe: list[dict[str, Any]], articles: list[Article], size: int) -> dict[str, float]:
    """The probe articles ingested as `dateline ingest` takes a run of them into a store of
    `size` documents: each extracted, stored and linked, the views published once at the
    end. Seconds of each step, summed over the articles."""
    fill(store, linker, base, size)
    publish(store, linker=linker, force=True)
    total = {"extract": 0.0, "store": 0.0, "link": 0.0}
    for n, (record, article) in enumerate(zip(probe, articles)):
        for step, seconds in ingested(store, linker, pipeline, record, n,
                                      round_days(base) * (size // len(base) // 2), article).items():
            total[step] += seconds
    began = time.perf_counter()
    publish(store, linker=linker)
    total["publish"] = time.perf_counter() - began
    return total


def ingested(store: Store, linker: Linker, pipeline: Pipeline, record: dict[str, Any], n: int, days: int,
             article: Article | None = None) -> dict[str, float]:
    """Seconds that extracting `article` (when given), storing the n-th probe's record
    shifted by `days` and linking it took."""
    spent: dict[str, float] = {}
    if article is not None:
        began = time.perf_counter()
        next(pipeline.pipe([article]))
        spent["extract"] = time.perf_counter() - began
    fresh = shifted(record, 10_000 + n, days)
    began = time.perf_counter()
    store.add(fresh)
    spent["store"] = time.perf_counter() - began
    began = time.perf_counter()
    linker.link(store, content_key(fresh["document"]["text"]))
    spent["link"] = time.perf_counter() - began
    return spent


def ratios(small: dict[str, Any], large: dict[str, Any], run: dict[str, float] | None = None) -> dict[str, float]:
    """The targets' figures from the small and the large store's probes: linking's and
    publishing's cost in the large store over the small one (of their medians), and the
    share of an article's ingest time (extract, store, link, publish) taken by what ingest
    does after storing it (link it, then publish the views), in the small store: the median
    over the articles of each one's share (the target's). Beside it, the same share of a
    run of them (`one_run`), which publishes once."""
    steps = small["steps"]
    shares = [(link + pub) / (ext + put + link + pub)
              for ext, put, link, pub in zip(steps["extract"], steps["store"], steps["link"], steps["publish"])]
    return {"ratio": large["median_s"] / small["median_s"] if small["median_s"] else float("inf"),
            "publish_ratio": large["publish_s"] / small["publish_s"] if small["publish_s"] else float("inf"),
            "share_of_ingest": statistics.median(shares) if shares else float("nan"),
            "run_share": (run["link"] + run["publish"]) / sum(run.values()) if run else float("nan"),
            "probe_extract_s": statistics.median(steps["extract"]) if steps["extract"] else float("nan"),
            "probe_store_s": statistics.median(steps["store"]) if steps["store"] else float("nan")}


def report(figures: dict[str, Any]) -> str:
    small = figures["sizes"][min(figures["sizes"])]
    lines = [f"extraction: {figures['extract_s_per_article'] * 1000:.1f} ms per article"]
    for size, f in figures["sizes"].items():
        lines.append(f"linking one article into a store of {f['documents']} documents: median "
                     f"{f['median_s'] * 1000:.1f} ms (filling it took {f['fill_s']:.1f} s)")
    lines.append(f"large store / small store: {figures['ratio']:.2f} (target at most {RATIO_TARGET:g})")
    for size, f in figures["sizes"].items():
        lines.append(f"publishing the corpus views after one article, store of {f['documents']} documents: median "
                     f"{f['publish_s'] * 1000:.1f} ms (writing them whole: {f['publish_whole_s']:.1f} s)")
    lines.append(f"publishing, large store / small store: {figures['publish_ratio']:.2f} "
                 f"(target at most {RATIO_TARGET:g})")
    lines.append(f"the same articles' ingest, step by step in the small store (medians): extracting "
                 f"{figures['probe_extract_s'] * 1000:.1f} ms, storing {figures['probe_store_s'] * 1000:.1f} ms, "
                 f"linking {small['median_s'] * 1000:.1f} ms, publishing {small['publish_s'] * 1000:.1f} ms")
    if figures.get("run"):
        run = figures["run"]
        lines.append(f"the same articles ingested as one run, the views published once at its end: extracting "
                     f"{run['extract'] * 1000:.0f} ms, storing {run['store'] * 1000:.0f} ms, linking "
                     f"{run['link'] * 1000:.0f} ms, publishing {run['publish'] * 1000:.0f} ms in all; linking and "
                     f"publishing's share {figures['run_share']:.1%}")
    lines.append(f"linking and publishing's share of an article's ingest, step by step in one process, small store: "
                 f"{figures['share_of_ingest']:.1%} of its CPU time (the median of each article's share)")
    run = figures["overlapped"]
    pairs = ", ".join(f"{w:.2f} s against {wo:.2f} s ({a:+.1%})"
                      for w, wo, a in zip(run["with"], run["without"], run["added_each"]))
    lines.append(f"`dateline ingest` of all {run['articles']} articles into a store of {min(figures['sizes'])} "
                 f"copies, the pipeline in a process of its own, with linking and publishing and without, "
                 f"in {len(run['with'])} pairs of runs back to back: {pairs}")
    lines.append(f"linking adds {figures['overlap_added']:.1%} to ingest time, the median of the pairs "
                 f"(target at most {SHARE_TARGET:.0%}; with one core, or every core extracting, it adds its CPU "
                 f"time above)")
    return "\n".join(lines)


def main(articles_path: str, sizes: tuple[int, ...], probes: int, as_json: bool) -> int:
    figures = run(articles_path, sizes, probes)
    print(json.dumps(figures) if as_json else report(figures))
    ok = figures["ratio"] <= RATIO_TARGET and figures["overlap_added"] <= SHARE_TARGET \
        and figures["publish_ratio"] <= RATIO_TARGET
    print(f"dateline: targets {'met' if ok else 'NOT met'}", file=sys.stderr)
    return 0 if ok else 1
