"""Grid search of the event-linking weights and bar on links gold (the tuning half and
the invented stories, never the test half: tests/gold/links/README.md). Relinks a copy of
each store `dateline eval-links --keep FOLDER` left, for each setting, and prints the
reference scorer's happening-level pairwise F1 given the extracted mentions on each set,
best first: by the first set's F1, ties by the next set's, so that a setting the tuning
half cannot tell apart is chosen by the invented stories (how the bar of 0.375 was chosen).

    .venv/bin/python bench/tune_links.py GOLD.json FOLDER [GOLD.json FOLDER ...]
    .venv/bin/python bench/tune_links.py GOLD.json FOLDER --claims   (the claims' measure and bar)

Each setting relinks every store: on the invented stories, some 30 seconds a setting.
"""
from __future__ import annotations

import itertools
import json
import shutil
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from dateline.corpus import claims, events, links
from dateline.corpus.link import Linker
from dateline.settings import Settings
from dateline.store import Store
from reference import link_score  # bench/reference.py, beside this script


def main(argv: list[str]) -> int:
    args = [a for a in argv[1:] if not a.startswith("--")]
    if not args or len(args) % 2:
        raise SystemExit(__doc__)
    sets = [(gold, Path(folder)) for gold, folder in zip(args[::2], args[1::2])]
    ls = link_score()
    if "--claims" in argv:
        return tune_claims(*sets[0], ls)
    base = dict(events.WEIGHTS)
    grid = {"bar": [0.35, 0.375, 0.4, 0.5, 0.6], "document": [0.1, 0.2, 0.3], "trigger": [0.2, 0.3, 0.4],
            "conflict": [-0.2, -0.4], "words": [0.4, 0.8]}
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        stores = []
        for n, (gold, folder) in enumerate(sets):
            db = Path(tmp) / f"store{n}.db"
            shutil.copy(folder / "store.db", db)
            stores.append((gold, folder, db))
        for values in itertools.product(*grid.values()):
            setting = dict(zip(grid, values))
            events.WEIGHTS.clear()
            events.WEIGHTS.update(base, **{k: v for k, v in setting.items() if k != "bar"})
            settings = replace(Settings(), link_events=setting["bar"])
            scores = []
            for gold, folder, db in stores:
                with Store(db) as store:
                    Linker(settings).relink(store)
                    record = links(store, settings)
                (Path(tmp) / "links.json").write_text(json.dumps(record))
                result = ls.score(gold, str(folder / "records.jsonl"), str(Path(tmp) / "links.json"))
                scores.append(result["events"]["happenings_given"]["pairwise_all"])
            rows.append((scores, setting))
    events.WEIGHTS.clear()
    events.WEIGHTS.update(base)
    # a set with no pairs made or in the gold has no F1: it ranks as 0
    for scores, setting in sorted(rows, key=lambda row: [-(s["f1"] or 0) for s in row[0]])[:15]:
        each = " | ".join(f"F1 {s['f1'] or 0:.3f} ({s['sys_correct']}/{s['sys_n']} right, of {s['gold_n']})"
                          for s in scores)
        print(f"{each}  {setting}")
    return 0


def tune_claims(gold: str, folder: Path, ls) -> int:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "store.db"
        shutil.copy(folder / "store.db", db)
        for measure, bar in itertools.product(claims.MEASURES, [0.4, 0.5, 0.6, 0.7, 0.8, 0.9]):
            claims.MEASURE = measure
            settings = replace(Settings(), link_claims=bar)
            with Store(db) as store:
                Linker(settings).relink(store)
                record = links(store, settings)
            (Path(tmp) / "links.json").write_text(json.dumps(record))
            result = ls.score(gold, str(folder / "records.jsonl"), str(Path(tmp) / "links.json"))
            given = result["claims_given"]["pairwise_all"]
            rows.append((given["f1"] or 0, given["p"], given["r"], measure, bar))
    for f1, p, r, measure, bar in sorted(rows, key=lambda t: -t[0]):
        print(f"F1 {f1:.3f} P {p} R {r}  {measure} {bar}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
