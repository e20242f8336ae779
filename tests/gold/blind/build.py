"""Build the gold of the blind pools from their annotations.

    python3 tests/gold/blind/build.py OUT_FOLDER [A|B ...]

For each annotation in A/ (events and statements) and B/ (places and figures), reads its
article's text from ../shared/corpus/blind/articles.jsonl, runs
../shared/tools/anchor_gold.py on the pair and writes OUT_FOLDER/<pool>/<id>.gold.json,
which `dateline eval` scores. The texts are not in this repository (README.md).
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[3] / "shared"
ARTICLES = SHARED / "corpus" / "blind" / "articles.jsonl"


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        raise SystemExit(__doc__)
    out, pools = Path(argv[1]), argv[2:] or ["A", "B"]
    if not ARTICLES.exists():
        raise SystemExit(f"{ARTICLES} not found: the blind pool's texts come from ../shared")
    texts = {}
    with ARTICLES.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                article = json.loads(line)
                texts[article["id"]] = article["text"]
    status = 0
    with tempfile.TemporaryDirectory() as tmp:
        for pool in pools:
            (out / pool).mkdir(parents=True, exist_ok=True)
            annotations = sorted((HERE / pool).glob("*.annotation.json"))
            for annotation in annotations:
                doc = annotation.name.removesuffix(".annotation.json")
                text = Path(tmp) / f"{doc}.txt"
                with text.open("w", encoding="utf-8", newline="") as f:  # the text exactly as published
                    f.write(texts[doc])
                with (out / pool / f"{doc}.gold.json").open("w", encoding="utf-8") as gold:
                    status |= subprocess.run([sys.executable, str(SHARED / "tools" / "anchor_gold.py"), str(text),
                                              str(annotation)], stdout=gold).returncode
            print(f"pool {pool}: {len(annotations)} gold files in {out / pool}")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
