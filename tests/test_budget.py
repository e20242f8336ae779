"""Bounded work per article (issue 18, item 1): a run of text without whitespace is
tokenized in pieces, so its cost grows with its length, not its square; and an article
that still takes longer than its budget is reported as too costly and skipped while the
rest of its batch goes on."""
import os
import subprocess
import sys

import pytest

from dateline import Article, Pipeline, Settings
from dateline.errors import SettingsError, TooCostly
from dateline.nlp import LONGEST_RUN, BoundedTokenizer, parse_many
from dateline.record import validation_errors

HOSTILE = {
    "closing brackets": "x" + ")" * 16_000,
    "nested brackets": "(" * 10_000 + ")" * 10_000,
    "quotes": 'The envoy said "' + '"' * 6_000 + " and left.",
    "a long word among words": "The convoy reached " + "Velnor" * 2_000 + " on Monday, officials said.",
    "runs and spaces": ("(" * 700 + " ") * 5 + "The mayor said 12 died.",
}


class Recorder:
    """spaCy's tokenizer, noting the length of every text it is given."""

    def __init__(self, tokenizer):
        self.tokenizer, self.vocab, self.lengths = tokenizer, tokenizer.vocab, []

    def __call__(self, text):
        self.lengths.append(len(text))
        return self.tokenizer(text)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_long_run_reaches_spacys_tokenizer_only_in_bounded_pieces(pipeline, name):
    text = HOSTILE[name]
    spacy_tokenizer = Recorder(pipeline.nlp.tokenizer.tokenizer)
    doc = BoundedTokenizer(spacy_tokenizer)(text)
    assert doc.text == text  # offsets into the original text stay exact
    longest_run = max(len(w) for w in text.split())
    assert max(spacy_tokenizer.lengths) < longest_run
    assert all(len(t.text) <= LONGEST_RUN for t in doc)


def test_the_loaded_pipeline_tokenizes_through_the_bound(pipeline):
    assert isinstance(pipeline.nlp.tokenizer, BoundedTokenizer)


def test_text_without_long_runs_is_tokenized_as_spacy_does(pipeline):
    text = "Rebels (the Free Arvesh Front) said on 3 May: \"We hold Tarsk.\" The army denied it."
    bounded = [(t.text, t.whitespace_) for t in pipeline.nlp.tokenizer(text)]
    assert bounded == [(t.text, t.whitespace_) for t in pipeline.nlp.tokenizer.tokenizer(text)]


def test_words_around_a_long_run_are_tokenized_as_spacy_does(pipeline):
    before, after = "Officials in Tarsk said (on Monday) ", " that 12 people died."
    doc = pipeline.nlp.tokenizer(before + "=" * 3_000 + after)
    tokens = [t.text for t in doc]
    first = [t.text for t in pipeline.nlp.tokenizer.tokenizer(before)]
    last = [t.text for t in pipeline.nlp.tokenizer.tokenizer(after.strip())]
    assert tokens[:len(first)] == first and tokens[-len(last):] == last
    assert all(set(t) == {"="} for t in tokens[len(first):-len(last)])  # no stray whitespace token


def test_a_hostile_text_still_makes_a_valid_record_with_exact_spans(pipeline):
    text = HOSTILE["runs and spaces"] + ' "We will stay," the mayor of Tarsk told reporters.'
    record = pipeline(text)
    assert record["document"]["text"] == text
    assert not validation_errors(record)
    assert all(text[s["content"]["start"]:s["content"]["end"]] == s["content"]["text"] for s in record["statements"])


def test_an_article_over_its_budget_is_skipped_and_its_batch_goes_on(pipeline):
    costly = Pipeline(pipeline.settings)
    costly.budget = lambda text: 0.0 if "Velnor" in text else 600.0  # one article that can never fit
    articles = [Article(text="The army said it held Kharkiv."), Article(text="Rebels said they took Velnor."),
                Article(text="Officials said 12 were detained in Tarsk.")]
    failed = []
    out = list(costly.pipe(((a, n) for n, a in enumerate(articles)), as_tuples=True,
                           error_handler=lambda item, error: failed.append((item[1], error))))
    assert [n for _, n in out] == [0, 2]
    assert [n for n, _ in failed] == [1]
    error = failed[0][1]
    assert isinstance(error, TooCostly) and "D410" in str(error) and "DATELINE_ARTICLE_SECONDS" in str(error)


def test_a_long_text_over_its_budget_stops_between_chunks(pipeline):
    paragraph = "Officials in Tarsk said the convoy arrived on Monday. " * 40 + "\n"
    text = paragraph * 30
    out = list(parse_many(pipeline.nlp, [text, "The army said it held Kharkiv."], chunk_chars=2_000,
                          budget=lambda t: 0.0 if len(t) > 2_000 else 600.0))
    assert isinstance(out[0], TooCostly) and "chunks" in str(out[0])
    assert out[1].text == "The army said it held Kharkiv."


def test_the_budget_grows_with_the_length_of_the_article():
    pipeline_settings = Settings(article_seconds=30.0)
    budget = Pipeline.budget
    holder = type("Holder", (), {"settings": pipeline_settings})()
    assert budget(holder, "x" * 1_000) == 30.0  # a short article gets as long as 100,000 characters
    assert budget(holder, "x" * 250_000) == pytest.approx(75.0)


@pytest.mark.parametrize("value", [0, -1.0, float("inf"), True, "30"])
def test_unworkable_budgets_are_refused(value):
    with pytest.raises(SettingsError, match="article_seconds"):
        Settings(article_seconds=value)


def test_the_command_line_says_an_article_was_too_costly(tmp_path):
    source = tmp_path / "article.txt"
    source.write_text("Rebels said they took Velnor on Monday.", encoding="utf-8")
    env = dict(os.environ, DATELINE_ARTICLE_SECONDS="0.000001")
    proc = subprocess.run([sys.executable, "-m", "dateline", "extract", str(source)], capture_output=True, text=True,
                          env=env, timeout=300)
    assert proc.returncode != 0
    assert "D410" in proc.stderr and "budget" in proc.stderr
    assert proc.stdout == ""  # no record of a skipped article


def test_the_api_answers_an_article_over_its_budget_with_422(invented_db):
    from fastapi.testclient import TestClient

    from dateline.web.app import create_app

    settings = Settings(article_seconds=1e-6)
    with TestClient(create_app(invented_db, settings=settings), raise_server_exceptions=False) as client:
        r = client.post("/extract", json={"text": "Rebels said they took Velnor on Monday."})
    assert r.status_code == 422, r.text
    assert "D410" in r.json()["error"]["message"]
