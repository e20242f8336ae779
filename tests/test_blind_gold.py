"""The blind pools' gold (tests/gold/blind/): it builds from the annotations and the texts
of ../shared, and the layers it measures stay above floors well below their first runs
(tests/gold/blind/README.md); they catch regressions, not decimals."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.evaluate.contract import score

from .conftest import ROOT, shared_path

BUILD = ROOT / "tests" / "gold" / "blind" / "build.py"


@pytest.fixture(scope="module")
def blind_gold(tmp_path_factory) -> Path:
    shared_path("corpus/blind/articles.jsonl")  # skips, saying why, without ../shared
    out = tmp_path_factory.mktemp("blind")
    proc = subprocess.run([sys.executable, str(BUILD), str(out)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return out


def _scored(pipeline, folder: Path) -> dict:
    pairs = []
    for path in sorted(folder.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc = gold["document"]
        pairs.append((gold, pipeline(doc["text"], **{k: doc.get(k) for k in ("published", "id", "title", "source")})))
    return score(pairs)


def test_every_annotation_builds_into_gold(blind_gold):
    for pool in ("A", "B"):
        annotations = sorted((ROOT / "tests" / "gold" / "blind" / pool).glob("*.annotation.json"))
        built = sorted(blind_gold.joinpath(pool).glob("*.gold.json"))
        assert len(annotations) == len(built) == 30
        for path in built:
            gold = json.loads(path.read_text(encoding="utf-8"))
            text = gold["document"]["text"]
            for event in gold["events"]:
                assert text[event["trigger"]["start"]:event["trigger"]["end"]] == event["trigger"]["text"]


def test_pool_a_events_and_statements_floor(pipeline, blind_gold):
    report = _scored(pipeline, blind_gold / "A")
    assert report["events"]["f1"] >= 0.45 and report["events"]["precision"] >= 0.7
    assert report["statements"]["f1"] >= 0.45


def test_pool_b_places_and_figures_floor(pipeline, blind_gold):
    report = _scored(pipeline, blind_gold / "B")
    assert report["places"]["f1"] >= 0.6 and report["places"]["acc161"] >= 0.55
    assert report["figures"]["f1"] >= 0.7
