"""Build the held-out links gold from the per-story annotations of the blind corpus.

    python3 tests/gold/blind-links/build.py [OUT_FOLDER]

merges annotation/<story>.annotation.json into held-out.annotation.json in OUT_FOLDER
(default: this folder) and runs ../shared/tools/links_gold.py on it, which writes
held-out.gold.json beside it and prints its counts. Nothing is tuned on this set: it is
scored as it is (README.md).
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[3] / "shared"
sys.path.insert(0, str(HERE.parent / "links"))

from build import merged  # noqa: E402  (the dev gold's merge: one way to merge annotations)


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else HERE
    folder.mkdir(parents=True, exist_ok=True)
    stories = sorted(path.name.removesuffix(".annotation.json") for path in (HERE / "annotation").glob("*.annotation.json"))
    annotation = folder / "held-out.annotation.json"
    annotation.write_text(json.dumps(merged(stories, HERE / "annotation"), ensure_ascii=False, indent=1) + "\n",
                          encoding="utf-8")
    print(f"== held-out: {', '.join(stories)}")
    articles = SHARED / "corpus" / "blind" / "articles.jsonl"
    return subprocess.run([sys.executable, str(SHARED / "tools" / "links_gold.py"), str(annotation), str(articles),
                           str(folder / "held-out.gold.json")]).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv))
