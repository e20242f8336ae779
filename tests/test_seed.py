"""The seed article of ../shared, scored by the project's rules. Floors sit well below the
measured scores (see the README); they catch regressions, not decimals."""
import json
import subprocess
import sys

from dateline.evaluate.contract import score

from .conftest import assert_valid, shared_path, statement_by_content


def test_seed_record_is_valid(seed_record):
    assert_valid(seed_record)
    assert seed_record["document"]["dateline"] == "DAMASCUS"
    assert seed_record["document"]["language"] == "en"


def test_seed_statements_floor(seed_gold, seed_record):
    report = score([(seed_gold, seed_record)])["statements"]
    assert report["f1"] >= 0.85
    assert report["speaker"] >= 0.85
    assert report["channel"] >= 0.6 and report["stance"] >= 0.8


def test_seed_headline_and_pronoun_speakers(seed_record):
    names = {e["id"]: e["name"] for e in seed_record["entities"]}
    headline = statement_by_content(seed_record, "370,000 displaced in Syria")
    assert headline["speaker"]["text"] == "UN"
    follow_up = statement_by_content(seed_record, "Most of the displaced are women and children.")
    assert names[follow_up["speaker"]["entity"]] == "Stephane Dujarric"
    denial = statement_by_content(seed_record, "the army had withdrawn")
    assert denial["stance"] == "deny"


def test_seed_eval_command_agrees_with_reference_scorer(tmp_path, seed_gold, seed_record):
    scorer = shared_path("tools/score.py")
    gold = shared_path("corpus/seed/gold.json")
    pred = tmp_path / "seed.json"
    pred.write_text(json.dumps(seed_record, ensure_ascii=False), encoding="utf-8")
    reference = json.loads(subprocess.run([sys.executable, str(scorer), str(gold), str(pred), "--json"],
                                          capture_output=True, check=True).stdout)
    ours = json.loads(subprocess.run([sys.executable, "-m", "dateline", "eval", str(gold), "--pred", str(pred),
                                      "--json"], capture_output=True, check=True).stdout)
    assert ours == reference
    assert score([(seed_gold, seed_record)]) == reference


def test_seed_rumoured_departure_is_denied_with_the_president_as_actor(seed_record):
    # the case every analyst tries first: "condemned rumours and false news about President
    # Bashar al-Assad leaving Damascus" is no report of his leaving
    names = {e["id"]: e["name"] for e in seed_record["entities"]}
    leaving = [e for e in seed_record["events"] if "leaving" in e["trigger"]["text"]]
    assert len(leaving) == 1 and leaving[0]["type"] == "RETREAT"
    assert leaving[0]["factuality"] == "denied"
    assert any("Assad" in names[a] for a in leaving[0]["actors"])
