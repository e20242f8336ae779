"""The pipeline: stage order checked at load, user stages plug in, output is deterministic."""
import pytest

from dateline import Pipeline, Settings, stage
from dateline.errors import LexiconError, PipelineError
from dateline.layers.base import REGISTRY, Stage
from dateline.pipeline import check_order

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
