"""The `dateline` command: the record and nothing else on stdout, one line on stderr for
every input it refuses, never a traceback, never a hang."""
import json
import subprocess
import sys

import pytest

from .conftest import ROOT, assert_valid, shared_path

DATELINE = [sys.executable, "-m", "dateline"]


def run(*args, stdin: bytes | None = None, timeout: int = 120):
    return subprocess.run([*DATELINE, *args], input=stdin, capture_output=True, timeout=timeout)


def test_cli_extract_example_writes_record_and_summary(tmp_path):
    out = tmp_path / "example.json"
    proc = run("extract", "--example", "-o", str(out), "--summary")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == b""
    record = json.loads(out.read_text(encoding="utf-8"))
    assert_valid(record)
    assert record["document"]["dateline"] == "PORT MERAN"
    assert b"Who said what" in proc.stderr and b"Ilse Varga" in proc.stderr
    assert b"What happened" in proc.stderr and b"Where" in proc.stderr


def test_cli_extract_stdin_prints_only_json():
    text = "The ministry said on Monday that the border crossing had reopened.".encode()
    proc = run("extract", "-", "--published", "2025-01-06", "--source", "Test Wire", "--title", "Crossing reopens",
               "--url", "https://example.org/a", stdin=text)
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert_valid(record)
    doc = record["document"]
    assert (doc["published"], doc["source"], doc["title"], doc["url"]) == (
        "2025-01-06", "Test Wire", "Crossing reopens", "https://example.org/a")
    assert record["statements"][0]["content"]["text"] == "the border crossing had reopened"


def test_cli_extract_seed_article():
    path = shared_path("corpus/seed/article.txt")
    proc = run("extract", str(path), "--published", "2024-12-07")
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert_valid(record)
    assert record["document"]["dateline"] == "DAMASCUS"


@pytest.mark.parametrize("stdin, message", [
    (b"", b"empty"),
    (b"   \n\t\n  ", b"empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"binary"),
    ("Le minist\u00e8re a d\u00e9clar\u00e9".encode("latin-1"), b"not UTF-8"),
])
def test_cli_refuses_bad_input_in_one_line(stdin, message):
    proc = run("extract", "-", stdin=stdin)
    assert proc.returncode == 1
    assert proc.stdout == b""
    lines = proc.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and message.decode() in lines[0]
    assert "Traceback" not in proc.stderr.decode()


@pytest.mark.parametrize("args, message", [
    (["extract", "no/such/file.txt"], "no such file"),
    (["extract", "-", "--published", "07/12/2024"], "not an ISO date"),
    (["extract", "-", "--published", "2024-02-30"], "not an ISO date"),
    (["extract"], "--example"),
    (["eval", "no/such/gold.json"], "cannot read gold file"),
])
def test_cli_usage_errors_in_one_line(args, message):
    proc = run(*args, stdin=b"Some text.")
    assert proc.returncode == 1
    stderr = proc.stderr.decode()
    assert len(stderr.strip().splitlines()) == 1 and message in stderr


@pytest.mark.parametrize("text", [
    "...... !!! ;;; ---",                              # no sentences
    ("“ " * 100 + "” " * 50 + '" ' * 50) + "he said.",  # 200 unbalanced quote marks
    "Die Regierung teilte am Samstag mit, dass die Armee ihre Stellungen rund um die Hauptstadt verstärke. "
    "Ein Sprecher sagte, die Lage sei unter Kontrolle.",  # not English
    "a",
])
def test_cli_odd_texts_give_valid_records(text):
    proc = run("extract", "-", stdin=text.encode(), timeout=60)
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert_valid(record)


def test_cli_non_english_text_is_labelled_and_left_unanalysed():
    text = ("Die Regierung teilte am Samstag mit, dass die Armee ihre Stellungen rund um die Hauptstadt verstärke. "
            "Ein Sprecher sagte, die Lage sei unter Kontrolle.")
    proc = run("extract", "-", stdin=text.encode())
    record = json.loads(proc.stdout)
    assert record["document"]["language"] == "de"
    assert record["statements"] == [] and record["entities"] == []
    assert b"looks like 'de'" in proc.stderr


def test_cli_show_and_validate(tmp_path):
    path = tmp_path / "r.json"
    assert run("extract", "--example", "-o", str(path)).returncode == 0
    shown = run("show", str(path))
    assert shown.returncode == 0 and b"Who said what" in shown.stdout
    assert run("validate", str(path)).returncode == 0
    broken = json.loads(path.read_text(encoding="utf-8"))
    broken["statements"][0]["content"]["start"] += 1
    path.write_text(json.dumps(broken), encoding="utf-8")
    proc = run("validate", str(path))
    assert proc.returncode == 1 and b"is not" in proc.stdout


def test_cli_bad_setting_in_one_line():
    proc = subprocess.run([*DATELINE, "extract", "-"], input=b"The army said it had withdrawn.",
                          capture_output=True, timeout=60, env={**__import__("os").environ, "DATELINE_CHUNK_CHARS": "0"})
    assert proc.returncode == 1 and b"chunk_chars" in proc.stderr and b"Traceback" not in proc.stderr


@pytest.mark.parametrize("payload", ['[1, 2]', '{"statements": [{"id": "S1"}]}', '{"schema": "x", "document": 3}'])
def test_cli_validate_and_show_report_malformed_records(tmp_path, payload):
    path = tmp_path / "bad.json"
    path.write_text(payload, encoding="utf-8")
    checked = run("validate", str(path))
    assert checked.returncode == 1 and b"Traceback" not in checked.stderr and checked.stdout
    shown = run("show", str(path))
    assert shown.returncode == 1 and b"not a dateline.document/1 record" in shown.stderr


def test_cli_refuses_an_unknown_anchoring_mode_in_one_line():
    import os

    env = {**os.environ, "DATELINE_ANCHORING": "historical"}
    proc = subprocess.run([*DATELINE, "extract", "-"], input=b"Some text.", capture_output=True, timeout=120, env=env)
    assert proc.returncode == 1
    stderr = proc.stderr.decode()
    assert len(stderr.strip().splitlines()) == 1 and "anchoring (DATELINE_ANCHORING) must be one of news, narrative" in stderr


def test_cli_day_first_and_narrative_options():
    text = b"On 3/4/2021 the truce began. Two days later it collapsed."
    month_first = json.loads(run("extract", "-", "--published", "2021-06-01", stdin=text).stdout)
    day_first = json.loads(run("extract", "-", "--published", "2021-06-01", "--day-first", "--anchoring", "narrative",
                               stdin=text).stdout)
    assert [t["value"] for t in month_first["times"]] == ["2021-03-04", "2021-03-06"]
    assert [t["value"] for t in day_first["times"]] == ["2021-04-03", "2021-04-05"]


def test_cli_extract_jsonl_with_an_unreadable_third_line_writes_the_others(tmp_path):
    lines = [json.dumps({"id": "a", "text": "The army said it had retaken the town of Tarsk on Monday."}),
             json.dumps({"id": "b", "text": "Officials said 12 people were detained in Goma."}),
             '{"id": "c", "text": the third line is not JSON',
             json.dumps({"id": "d", "text": "The minister denied that troops had withdrawn from the border."})]
    source = tmp_path / "four.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = subprocess.run([*DATELINE, "extract", str(source)], capture_output=True, timeout=300)
    assert proc.returncode == 1
    records = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [r["document"]["id"] for r in records] == ["a", "b", "d"]
    stderr = proc.stderr.decode().strip().splitlines()
    assert len(stderr) == 1 and "line 3" in stderr[0] and "not JSON" in stderr[0], stderr


def test_cli_extract_jsonl_an_article_that_fails_extraction_is_named(tmp_path, capsys):
    """A stage that fails on one article (here a stand-in for the figures stage) costs that
    article only: the others are written, the failure is named with its line, the status is 1."""
    from dateline.cli import main
    from dateline.layers.base import REGISTRY, stage

    lines = [json.dumps({"id": "a", "text": "The army said it had retaken the town."}),
             json.dumps({"id": "b", "text": "Rebels said they had taken Tarsk."}),
             json.dumps({"id": "c", "text": "Officials said 12 people were detained."})]
    source = tmp_path / "three.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    real = REGISTRY["figures"]

    @stage("figures", requires=real.requires, provides=real.provides)
    def breaks_on_tarsk(doc, record, context):
        if "Tarsk" in record["document"]["text"]:
            raise ValueError("cannot count in Tarsk")
        return real.func(doc, record, context)

    try:
        status = main(["extract", str(source), "-o", str(tmp_path / "out.jsonl")])
    finally:
        REGISTRY["figures"] = real
    stderr = capsys.readouterr().err
    assert status == 1
    ids = [json.loads(line)["document"]["id"] for line in (tmp_path / "out.jsonl").read_text("utf-8").splitlines()]
    assert ids == ["a", "c"]
    assert "three.jsonl (line 2): [D400] stage 'figures' failed" in stderr and "cannot count in Tarsk" in stderr
    assert "2 record(s) written" in stderr and "1 article(s) skipped" in stderr


def test_cli_settings_says_each_value_and_where_it_came_from():
    import os

    env = {**os.environ, "DATELINE_BATCH_SIZE": "7", "DATELINE_TOKEN": "s3cret-s3cret-s3cret"}
    proc = subprocess.run([*DATELINE, "settings", "--json"], capture_output=True, timeout=120, env=env)
    assert proc.returncode == 0, proc.stderr
    rows = {r["name"]: r for r in json.loads(proc.stdout)}
    assert rows["batch_size"]["value"] == "7" and rows["batch_size"]["source"] == "environment (DATELINE_BATCH_SIZE)"
    assert rows["model"]["source"] == "default"
    assert "s3cret" not in proc.stdout.decode() and rows["token"]["value"] == "(set, 20 characters)"
    assert {r["env"] for r in rows.values()} >= {"DATELINE_MODEL", "DATELINE_GAZETTEER", "DATELINE_FETCH_ALLOW",
                                                  "DATELINE_MAX_BODY", "DATELINE_DEBUG", "DATELINE_DATA"}


def test_settings_are_read_in_one_place():
    """No module but settings.py reads the environment for a setting."""
    for path in (ROOT / "dateline").rglob("*.py"):
        if path.name != "settings.py":
            assert "os.environ" not in path.read_text(encoding="utf-8"), path


# -- issue 18: caps, codes and names on the command line ---------------------------------

def _stderr_of(capsys, *args: str) -> tuple[int, str]:
    from dateline.cli import main

    status = main(list(args))
    return status, capsys.readouterr().err


def test_cli_error_carries_its_own_code(tmp_path, capsys):
    """A source refused by a reader keeps its error's code, not a general D100."""
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    for name, code in [("empty.txt", "D101"), ("image.txt", "D102"), ("missing.txt", "D104")]:
        status, stderr = _stderr_of(capsys, "extract", str(tmp_path / name))
        assert status == 1 and f"[{code}]" in stderr, (name, stderr)


def test_error_codes_are_unique_and_each_finds_its_class():
    from dateline import errors

    kinds = [errors.DatelineError]
    for kind in kinds:
        kinds.extend(kind.__subclasses__())
    shipped = [k for k in kinds if k.__module__ == "dateline.errors"]
    assert len({k.code for k in shipped}) == len(shipped)
    assert all(type(errors.error_of(k.code, "why")) is k for k in shipped)


def test_cli_stdin_and_files_are_read_no_further_than_the_cap(tmp_path, capsys, monkeypatch):
    import io

    from dateline.ingest import source

    monkeypatch.setattr(source, "MAX_SOURCE_BYTES", 1000)
    data = b"The army said it held the bridge. " * 150  # past the cap of a text, and of a record (4 times it)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    status, stderr = _stderr_of(capsys, "extract", "-")
    assert status == 1 and "[D105]" in stderr and "more than the limit of 1000" in stderr
    (tmp_path / "record.json").write_bytes(b'{"text": "' + data + b'"}')
    status, stderr = _stderr_of(capsys, "show", str(tmp_path / "record.json"))
    assert status == 1 and "[D105]" in stderr


def test_cli_file_names_are_printed_with_control_characters_escaped(tmp_path, capsys):
    name = tmp_path / "report\x1b[2J\nforged line.txt"
    name.write_bytes(b"")
    status, stderr = _stderr_of(capsys, "extract", str(name))
    assert status == 1 and len(stderr.strip().splitlines()) == 1
    assert "\x1b" not in stderr and "report\\x1b[2J\\nforged line.txt" in stderr
