"""The declaration of the layers: what runs, in what order, what each stores, exports and
shows; the knowledge each reads from one source (the contract's enums, the data files);
and no module of the package importing one that imports it back."""
from __future__ import annotations

import subprocess
import sys

import pytest

from dateline.layers import LAYERS, reading_order
from dateline.layers.base import REGISTRY
from dateline.pipeline import Pipeline, check_order
from dateline.record import enum, layers, schema

from .conftest import ROOT, shared_path


def test_layers_run_in_an_order_that_works():
    stages = [REGISTRY[layer.stage] for layer in LAYERS]
    check_order(stages)
    assert [layer.name for layer in LAYERS][:2] == ["document", "entities"]


def test_layers_fill_every_layer_of_the_contract(pipeline):
    written = {field.split(".")[0] for layer in LAYERS for field in REGISTRY[layer.stage].provides}
    assert set(layers()) <= written
    assert [st.name for st in pipeline.stages] == [layer.stage for layer in LAYERS]


def test_layers_in_reading_order_show_who_said_what_first():
    shown = [layer.name for layer in reading_order() if layer.section]
    assert shown == ["statements", "events", "figures", "places", "times"]


def test_layers_rows_fit_their_declared_tables(pipeline, tmp_path):
    from dateline.store import Store, layer_rows

    record = pipeline("Rebels shelled Kharkiv on Monday, killing 4 people, the governor said.", published="2024-03-05")
    tables = {layer.name: set(layer.tables) for layer in LAYERS}
    with Store(tmp_path / "s.db") as store:
        for table, row in layer_rows("k", record):
            owner = [name for name, declared in tables.items() if table in declared]
            assert len(owner) == 1, table
            columns = {r[1] for r in store.rows(f"PRAGMA table_info({table})")}
            assert set(row) <= columns, (table, set(row) - columns)


def test_enumerations_come_from_the_contract(tmp_path, monkeypatch):
    """A value the contract adds is one a data table may use, with no change to the code."""
    import copy

    from dateline import record
    from dateline.errors import LexiconError
    from dateline.layers.events.lexicon import lexicon
    from dateline.resources import Resources
    from dateline.settings import Settings

    (tmp_path / "events").mkdir()
    (tmp_path / "events" / "triggers.tsv").write_text(
        "# version 1\ntrigger\tpos\ttype\nbesiege\tverb\tBESIEGE\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="'BESIEGE' is not a valid type"):
        Resources(Settings(data=str(tmp_path))).get(lexicon)
    wider = copy.deepcopy(schema())
    wider["properties"]["events"]["items"]["properties"]["type"]["enum"].append("BESIEGE")
    monkeypatch.setattr(record, "schema", lambda: wider)
    record.enum.cache_clear()
    try:
        assert "BESIEGE" in enum("events", "type")
        found = Resources(Settings(data=str(tmp_path))).get(lexicon).triggers[("besiege", "verb")]
        assert found[0].type == "BESIEGE"
    finally:
        record.enum.cache_clear()


def test_enumerations_are_not_repeated_in_the_code():
    """No tuple, list or set of the code spells out one of the contract's value lists."""
    import ast

    contract = {layer: set(values) for layer, values in
                {("events", "type"): enum("events", "type"), ("events", "factuality"): enum("events", "factuality"),
                 ("statements", "stance"): enum("statements", "stance"), ("statements", "kind"): enum("statements", "kind"),
                 ("figures", "category"): enum("figures", "category"), ("figures", "qualifier"): enum("figures", "qualifier"),
                 ("entities", "type"): enum("entities", "type")}.items()}
    for path in (ROOT / "dateline").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.Tuple, ast.List, ast.Set)) and node.elts and \
                    all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
                written = {e.value for e in node.elts}
                for name, values in contract.items():
                    assert written != values, f"{path.relative_to(ROOT)}:{node.lineno} spells out {name}"


def test_no_import_cycle_in_the_package():
    tool = shared_path("tools/import_cycles.py")
    proc = subprocess.run([sys.executable, str(tool), str(ROOT / "dateline")], capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout == "", proc.stdout


def test_adding_a_layer_is_a_package_and_a_line(tmp_path, monkeypatch):
    """A layer declared as the README shows, with a migration for its table, runs, is stored
    and is exported, and no other module names it."""
    import shutil

    from dateline import layers
    from dateline.export import export
    from dateline.layers.base import Flat, Layer, stage
    from dateline.store import Store, migrate

    @stage("test_loud", requires=("statements",), provides=("loud",), needs_doc=False)
    def loud(doc, record, context):
        return {"loud": [{"id": s["id"], "bang": s["content"]["text"].count("!")} for s in record["statements"]]}

    def rows(key, record):
        for item in record["loud"]:
            yield "loud", {"doc": key, "id": item["id"], "bang": item["bang"]}

    folder = tmp_path / "migrations"
    shutil.copytree(migrate.FOLDER, folder)
    number = migrate.latest() + 1
    (folder / f"{number:04d}_loud.sql").write_text(
        "CREATE TABLE loud (doc TEXT NOT NULL, id TEXT NOT NULL, bang INTEGER NOT NULL, PRIMARY KEY (doc, id));\n"
        "CREATE VIEW loud_rows AS SELECT l.doc, l.id, l.bang, d.published FROM loud l JOIN documents d "
        "ON d.key = l.doc;\n", encoding="utf-8")
    monkeypatch.setattr(migrate, "FOLDER", folder)
    monkeypatch.setattr(layers, "LAYERS", (*LAYERS, Layer(name="loud", stage="test_loud", tables=("loud",), rows=rows,
                                                         flat=Flat("loud", view="loud_rows", order="doc, id"))))
    try:
        pipeline = Pipeline()
        record = pipeline('"We will hold the bridge!" said Omar Yusuf, a spokesperson for the army.')
        assert record["loud"] == [{"id": "S1", "bang": 1}]
        with Store(tmp_path / "s.db") as store:
            store.add(record)
            assert store.version() == number and store.count("loud") == 1
            written = export(store, "csv", str(tmp_path / "csv"))
        assert written["loud.csv"] == 1
        assert (tmp_path / "csv" / "loud.csv").read_text(encoding="utf-8").splitlines()[1].endswith(",S1,1,")
    finally:
        REGISTRY.pop("test_loud", None)
