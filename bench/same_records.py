"""Are the records of this checkout those of an earlier release, field for field?

    .venv/bin/python bench/same_records.py REVISION [TEXTS...]

Extracts the seed article of ../shared (published 2024-12-07) and the 86 articles of
../shared/corpus/dev/articles.jsonl (or the given .txt / .jsonl files) twice: with the
code of REVISION (a git worktree of it, run by this virtual environment's Python) and
with the code checked out here. Then compares the two records of each article: every
field the earlier record has must be there with the same value; fields it lacks are
allowed at the top of the record only (new fields, such as `pipeline`). Prints each
difference and exits 1 when there is one.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DATELINE_SHARED", ROOT.parent / "shared"))


def differences(old, new, path: str = "") -> list[str]:
    if isinstance(old, dict) and isinstance(new, dict):
        out = [f"{path}/{key}: new" for key in new if key not in old and path]  # new fields only at the top
        for key in old:
            out += [f"{path}/{key}: missing"] if key not in new else differences(old[key], new[key], f"{path}/{key}")
        return out
    if isinstance(old, list) and isinstance(new, list):
        out = [f"{path}: {len(old)} items, now {len(new)}"] if len(old) != len(new) else []
        for n, (a, b) in enumerate(zip(old, new)):
            out += differences(a, b, f"{path}/{n}")
        return out
    return [] if old == new and type(old) is type(new) else [f"{path}: {old!r} -> {new!r}"]


def extract(code: Path, source: Path, out: Path, published: str | None, gazetteer: Path) -> list[dict]:
    """Records by the package in `code` (its own data files and gazetteer), one per article."""
    args = [sys.executable, "-m", "dateline", "extract", str(source), "--compact", "-o", str(out)]
    if published:
        args += ["--published", published]
    env = {**os.environ, "PYTHONPATH": str(code), "DATELINE_GAZETTEER": str(gazetteer)}
    proc = subprocess.run(args, cwd=code, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"extraction by {code} failed: {proc.stderr.strip()}")
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]


def main(revision: str, texts: list[str]) -> int:
    sources = [(Path(t), None) for t in texts] or [
        (SHARED / "corpus" / "seed" / "article.txt", "2024-12-07"), (SHARED / "corpus" / "dev" / "articles.jsonl", None)]
    for path, _ in sources:
        if not path.exists():
            sys.exit(f"{path} is absent: give texts, or run where ../shared is")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        earlier = folder / "earlier"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(earlier), revision], check=True)
        try:
            compared = differing = 0
            for n, (source, published) in enumerate(sources):
                old = extract(earlier, source, folder / f"old{n}.jsonl", published, folder / "gazetteer-old.sqlite")
                new = extract(ROOT, source, folder / f"new{n}.jsonl", published, folder / "gazetteer-new.sqlite")
                if len(old) != len(new):
                    print(f"{source}: {len(old)} records by {revision}, {len(new)} now")
                    differing += 1
                for a, b in zip(old, new):
                    found = differences(a, b)
                    compared += 1
                    if found:
                        differing += 1
                        print(f"{source} {a['document']['id']}: {len(found)} difference(s): {found[:5]}")
            added = sorted(set(new[0]) - set(old[0])) if old and new else []
            print(f"{compared} records compared with {revision}: {compared - differing} identical field for field, "
                  f"{differing} differing" + (f"; fields added: {', '.join(added)}" if added else ""))
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(earlier)], check=False)
    return 1 if differing else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2:]))
