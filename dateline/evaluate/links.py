"""`dateline eval-links GOLD ARTICLES.jsonl`: the corpus layer scored against links gold
(../shared/contract/links-gold.md).

The articles the gold names are ingested into a fresh temporary store (extracted and
linked as `dateline ingest` does), the store's links record and document records are
written out, and the reference scorer (../shared/tools/link_score.py) reads them. A text
whose sha256 is not the gold's is an error: the gold's offsets would point elsewhere.
"""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from ..errors import InputError
from ..settings import Settings

SCORER = Path("..") / "shared" / "tools" / "link_score.py"


def find_scorer(given: str | None) -> Path:
    """The scorer given, else ../shared/tools/link_score.py from here or from the checkout."""
    candidates = [Path(given)] if given else [SCORER, Path(__file__).resolve().parents[3] / "shared" / "tools" /
                                              "link_score.py"]
    for path in candidates:
        if path.is_file():
            return path
    raise InputError(f"cannot find the links scorer ({', '.join(map(str, candidates))}); give it with --scorer")


def select(gold_path: str, articles_path: str, out: Path) -> int:
    """Write the lines of ARTICLES.jsonl whose id the gold names to `out`; their number."""
    try:
        gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise InputError(f"{gold_path}: cannot read the gold ({e})") from None
    if gold.get("schema") != "dateline.links-gold/1":
        raise InputError(f"{gold_path}: not links gold (schema {gold.get('schema')!r}); build it with links_gold.py")
    wanted = {a["id"]: a["sha256"] for a in gold["articles"]}
    found = 0
    try:
        lines = Path(articles_path).read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise InputError(f"{articles_path}: {e}") from None
    with out.open("w", encoding="utf-8") as f:
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                article = json.loads(line)
            except ValueError:
                raise InputError(f"{articles_path}:{n}: not JSON") from None
            if article.get("id") not in wanted:
                continue
            text = article.get("text", "").replace("\r\n", "\n").replace("\r", "\n")
            if hashlib.sha256(text.encode("utf-8")).hexdigest() != wanted[article["id"]]:
                raise InputError(f"{articles_path}:{n}: the text of {article['id']} is not the one the gold was made on")
            f.write(line + "\n")
            found += 1
    missing = sorted(set(wanted) - {json.loads(line).get("id") for line in lines if line.strip()})
    if missing:
        raise InputError(f"{articles_path} lacks {len(missing)} article(s) the gold names: {', '.join(missing[:5])}")
    return found


def evaluate(gold_path: str, articles_path: str, *, scorer: str | None = None, as_json: bool = False,
             settings: Settings | None = None, keep: str | None = None) -> int:
    """Ingest, link, export and score; prints the scorer's report; the scorer's exit status."""
    from ..corpus import links
    from ..export import export
    from ..ingest.run import ingest
    from ..store import Store

    script = find_scorer(scorer)
    with tempfile.TemporaryDirectory(prefix="dateline-eval-links-") as tmp:
        folder = Path(keep) if keep else Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        chosen = folder / "articles.jsonl"
        count = select(gold_path, articles_path, chosen)
        for made in ("store.db", "store.db-wal", "store.db-shm"):  # a fresh store, also in a kept folder
            (folder / made).unlink(missing_ok=True)
        with Store(folder / "store.db") as store:
            report = ingest([str(chosen)], store, settings=settings, progress=False, overlap=True)
            if not report.complete:
                raise InputError(f"ingest of the gold's articles did not complete: {report.summary()}")
            record = links(store, settings)
            export(store, "jsonl", str(folder / "records.jsonl"))
        (folder / "links.json").write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"dateline: {count} articles ingested and linked: {len(record['events'])} linked events, "
              f"{len(record['claims'])} claims, {len(record['contradictions'])} contradictions", file=sys.stderr)
        command = [sys.executable, str(script), gold_path, str(folder / "records.jsonl"), str(folder / "links.json")]
        return subprocess.run(command + (["--json"] if as_json else [])).returncode
