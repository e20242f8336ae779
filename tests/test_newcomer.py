"""What a newcomer meets in the first hour (issue 18, item 8): a mistyped option answered by
the command it was given to, a long run that says how far it is when its output goes to a
log, a text in another language explained, a checkout that generated files leave clean."""
import shutil
import subprocess
import sys
import tomllib

import pytest

from dateline.ingest.run import Lines

from .conftest import ROOT

DATELINE = [sys.executable, "-m", "dateline"]


def run(*args, env=None, timeout: int = 300):
    return subprocess.run([*DATELINE, *args], capture_output=True, text=True, timeout=timeout, env=env)


def test_a_mistyped_option_gets_the_commands_usage_and_a_suggestion(tmp_path):
    proc = run("extract", "--pubished", "2024-12-07", str(tmp_path / "article.txt"))
    assert proc.returncode == 2
    assert proc.stderr.startswith("usage: dateline extract")
    assert "--pubished (did you mean --published?)" in proc.stderr
    assert "{extract," not in proc.stderr  # not the top-level list of commands


def test_an_extra_argument_is_refused_by_its_command():
    proc = run("links", "--db", "a.db", "b.db")
    assert proc.returncode == 2
    assert proc.stderr.startswith("usage: dateline links") and "unrecognized arguments: b.db" in proc.stderr


def test_ingest_into_a_log_says_how_far_it_came(tmp_path):
    for n, town in enumerate(["Tarsk", "Velnor"]):
        (tmp_path / f"{n}.txt").write_text(f"The mayor of {town} said on Monday that the bridge had reopened.",
                                           encoding="utf-8")
    proc = run("ingest", str(tmp_path / "0.txt"), str(tmp_path / "1.txt"), "--db", str(tmp_path / "store.db"),
               "--published", "2025-03-03")
    assert proc.returncode == 0, proc.stderr
    assert "dateline: ingest: 2/2 articles" in proc.stderr  # stderr is a pipe here, not a terminal


def test_progress_lines_come_at_most_every_interval(capsys):
    lines = Lines(total=10, unit="article", desc="ingest", every=3600)
    for _ in range(9):
        lines.update()
    assert capsys.readouterr().err == ""  # the interval has not passed: nothing yet
    lines.every = 0
    lines.update()
    lines.close()
    said = capsys.readouterr().err.splitlines()
    assert said[0].startswith("dateline: ingest: 10/10 articles") and len(said) == 2


def test_a_text_in_another_language_says_what_the_user_can_do(tmp_path):
    source = tmp_path / "fr.txt"
    source.write_text("Le ministre a déclaré lundi que les forces armées avaient quitté la ville après trois "
                      "jours de combats, selon les autorités locales.", encoding="utf-8")
    proc = run("extract", str(source), "-o", str(tmp_path / "fr.json"))
    assert proc.returncode == 0, proc.stderr
    assert "looks like 'fr'" in proc.stderr
    assert "DATELINE_LANGUAGE_CHECK=0" in proc.stderr and "--model" in proc.stderr


def test_the_package_metadata_uses_no_deprecated_license_table():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert isinstance(project["project"]["license"], str)  # an SPDX expression, not {text = ...}
    assert all("==" in r for r in project["build-system"]["requires"])  # the same build wherever it runs


@pytest.mark.parametrize("path", ["seed-record.json", "dateline-example.json", "dateline.db", "out/events.csv",
                                  "map.geojson", "records.jsonl", "links.json", ".hypothesis/examples/x"])
def test_files_the_readme_commands_write_are_ignored_by_git(path):
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: nothing to ignore files for")
    proc = subprocess.run(["git", "-C", str(ROOT), "check-ignore", "-q", path])
    assert proc.returncode == 0, f"{path} would show as an untracked file"


def _block_after(readme: str, marker: str) -> list[str]:
    """The lines of the first fenced block after `marker` in the README."""
    rest = readme[readme.index(marker):]
    start = rest.index("```\n") + 4
    return rest[start:rest.index("```", start)].splitlines()


def test_the_readmes_sample_summary_is_what_make_demo_prints(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    sample = [line for line in _block_after(readme, "`make demo` writes the record") if line.strip() != "..."]
    proc = run("extract", "--example", "--output", str(tmp_path / "example.json"), "--summary")
    assert proc.returncode == 0, proc.stderr
    printed = proc.stderr.splitlines()
    missing = [line for line in sample if line not in printed]
    assert not missing, f"the README shows lines the summary no longer prints: {missing}"


def test_the_readmes_http_examples_are_requests_the_api_answers(invented_db):
    """Every curl line of the README's API section is a request the API takes (no unknown
    parameter, no malformed value), answered 200 by a store of invented articles."""
    import re
    import shlex

    from fastapi.testclient import TestClient

    from dateline.web.app import create_app

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"^curl .*?(?<!\\)$", readme.replace("\\\n", " "), flags=re.M)
    assert len(commands) >= 3
    with TestClient(create_app(invented_db), raise_server_exceptions=False) as client:
        for command in commands:
            words = shlex.split(command)
            url = next(w for w in words if w.startswith("http"))
            path = url.split("8000", 1)[1]
            if "-X" in words and words[words.index("-X") + 1] == "POST":
                r = client.post(path, content=words[words.index("-d") + 1],
                                headers={"content-type": "application/json"})
            else:
                r = client.get(path)
            assert r.status_code == 200, (command, r.text[:300])
