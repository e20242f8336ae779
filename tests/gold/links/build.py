"""Build the two halves of the links gold from the per-cluster annotations.

    python3 tests/gold/links/build.py [OUT_FOLDER]

merges annotation/<story>.annotation.json into tune.annotation.json and
test.annotation.json (the split below, fixed before any tuning: README.md) in OUT_FOLDER
(default: this folder) and runs ../shared/tools/links_gold.py on each, which writes
tune.gold.json and test.gold.json beside them and prints their counts.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[3] / "shared"
HALVES = {
    "tune": ["hong-kong-protests-2019", "zawahiri-strike-2022", "turkey-libya-maritime-deal-2020",
             "red-sea-houthi-strikes-2024", "assad-fall-2024", "yemen-truce-2022", "russia-war-crimes-ukraine-2022",
             "black-sea-talks-2025", "ethiopia-humanitarian-truce-2022"],
    "test": ["abqaiq-attack-2019", "turkey-syria-offensive-2019", "navalny-poisoning-2020", "gaza-ceasefire-may-2021",
             "soleimani-killing-2020", "kabul-airport-attack-2021", "russia-invasion-ukraine-feb-2022"],
}


def merged(stories: list[str], folder: Path = HERE / "annotation") -> dict:
    """The annotations of the stories, one annotation (ids must not clash)."""
    out: dict = {"schema": "dateline.links-annotation/1", "notes": [], "articles": {}, "event_clusters": {},
                 "claim_clusters": {}, "contradictions": [], "lifecycle": []}
    for story in stories:
        path = folder / f"{story}.annotation.json"
        if not path.exists():
            print(f"missing {path.name}: left out", file=sys.stderr)
            continue
        part = json.loads(path.read_text(encoding="utf-8"))
        out["notes"] += [f"{story}: {note}" for note in part.get("notes", [])]
        for key in ("articles", "event_clusters", "claim_clusters"):
            clash = set(out[key]) & set(part.get(key, {}))
            if clash:
                raise SystemExit(f"{story}: {key} ids used twice: {sorted(clash)[:5]}")
            out[key].update(part.get(key, {}))
        out["contradictions"] += part.get("contradictions", [])
        out["lifecycle"] += part.get("lifecycle", [])
    return out


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else HERE
    folder.mkdir(parents=True, exist_ok=True)
    articles = SHARED / "corpus" / "dev" / "articles.jsonl"
    status = 0
    for half, stories in HALVES.items():
        annotation = folder / f"{half}.annotation.json"
        annotation.write_text(json.dumps(merged(stories), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"== {half}: {', '.join(stories)}")
        status |= subprocess.run([sys.executable, str(SHARED / "tools" / "links_gold.py"), str(annotation),
                                  str(articles), str(folder / f"{half}.gold.json")]).returncode
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
