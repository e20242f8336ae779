"""Which event and claim pairs the linker got wrong on a links gold, with their likeness:
a tuning aid for the corpus layer (on the tuning half only; see tests/gold/links/README.md).

    .venv/bin/python bench/link_pairs.py GOLD.json FOLDER [--kind event|statement]

FOLDER is what `dateline eval-links GOLD ARTICLES --keep FOLDER` left (store.db,
records.jsonl, links.json). Reads the reference scorer's alignment from
../shared/tools/link_score.py.
"""
from __future__ import annotations

import itertools
import json
import sqlite3
import sys
from pathlib import Path

from dateline.corpus.link import Linker
from reference import link_score  # bench/reference.py, beside this script


def main(argv: list[str]) -> int:
    gold_path, folder = argv[1], Path(argv[2])
    kind = argv[argv.index("--kind") + 1] if "--kind" in argv else "event"
    ls = link_score()
    gold, by_sha, _ = ls.load_gold(gold_path)
    records, doc2gold, _ = ls.load_records(folder / "records.jsonl", by_sha, [])
    plural = kind + "s"
    cluster, optional = {}, set()
    scope = {c["id"]: c.get("scope", "happening") for c in gold["event_clusters"]}
    label = {}
    for a in gold["articles"]:
        for item in a[plural]:
            ref = f"{a['id']}:{item['id']}"
            cluster[ref] = item["cluster" if kind == "event" else "claim"]
            label[ref] = item.get("trigger") or item.get("content", "")[:60] if isinstance(item.get("content"), str) else item.get("trigger")
            if item["optional"] or kind == "event" and scope.get(item["cluster"], "happening") != "happening":
                optional.add(ref)
    aligned = {}
    for aid, rec in records.items():
        ga = next(a for a in gold["articles"] if a["id"] == aid)
        if kind == "event":
            m = ls.align(rec["events"], [(e["id"], (e["trigger"]["start"], e["trigger"]["end"])) for e in ga["events"]],
                         0, any_overlap=True)
        else:
            m = ls.align(rec["statements"], [(s["id"], (s["content"]["start"], s["content"]["end"]))
                                             for s in ga["statements"]], ls.STMT_J)
        for sid, gid in m.items():
            aligned[(rec["doc"], sid)] = f"{aid}:{gid}"
    conn = sqlite3.connect(folder / "store.db")
    items = {}
    for doc, item, grp, data in conn.execute("SELECT doc, item, grp, data FROM link_items WHERE kind = ?", (kind,)):
        d = json.loads(data)
        items[(d["document"], item)] = (grp, d)
    linker = Linker()
    like = (lambda a, b: __import__("dateline.corpus.events", fromlist=["x"]).likeness(a, b, linker.lex.names)) \
        if kind == "event" else (lambda a, b: __import__("dateline.corpus.claims", fromlist=["x"]).likeness(a, b, linker.lex.names))
    refs = [(r, g) for r, g in aligned.items() if r in items and g not in optional]
    tally = {"ok": 0, "false": 0, "missed": 0}
    for (ra, ga), (rb, gb) in itertools.combinations(refs, 2):
        same_gold = cluster[ga] == cluster[gb]
        same_sys = items[ra][0] == items[rb][0]
        if same_gold and same_sys:
            tally["ok"] += 1
            continue
        if not same_gold and not same_sys:
            continue
        a, b = items[ra][1], items[rb][1]
        what = "MISSED" if same_gold else "FALSE"
        tally["missed" if same_gold else "false"] += 1
        text = lambda d: d.get("trigger") or d.get("content", "")[:50]
        print(f"{what:6} {like(a, b)!s:>6.6}  {ra[0]}:{ra[1]} {a.get('type', '')} {text(a)!r} "
              f"[{a.get('lo')}..{a.get('hi')}] {[p['name'] for p in a.get('places', [])]} {[x['name'] for x in a.get('actors', [])]}"
              f" {(a.get('speaker') or {}).get('name')}\n"
              f"{'':13} {rb[0]}:{rb[1]} {b.get('type', '')} {text(b)!r} [{b.get('lo')}..{b.get('hi')}] "
              f"{[p['name'] for p in b.get('places', [])]} {[x['name'] for x in b.get('actors', [])]}"
              f" {(b.get('speaker') or {}).get('name')}")
    print(tally)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
