"""`dateline export`: every format loads with the tools analysts use, with as many rows as
the store holds; from an SQLite store and from a PostgreSQL one (conftest.py)."""
from __future__ import annotations

import csv
import datetime as dt
import json
import math

import pytest

from dateline.cli import main
from dateline.ingest.run import ingest
from dateline.store import Store
from tests.conftest import BACKENDS, new_db, write_invented_jsonl


@pytest.fixture(scope="module", params=BACKENDS)
def store_path(request, tmp_path_factory, pipeline):
    folder = tmp_path_factory.mktemp("export")
    write_invented_jsonl(folder / "a.jsonl", 10)
    db = new_db(request, request.param, folder)
    with Store(db) as store:
        assert ingest([str(folder / "a.jsonl")], store).complete
    return db


def _count(db, query: str) -> int:
    with Store(db, readonly=True) as store:
        return store.rows(query).fetchone()[0]


def test_jsonl_gives_back_the_records(store_path, tmp_path):
    assert main(["export", "--db", str(store_path), "--format", "jsonl", "-o", str(tmp_path / "r.jsonl")]) == 0
    records = [json.loads(line) for line in (tmp_path / "r.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(records) == _count(store_path, "SELECT count(*) FROM documents") == 10
    from dateline.record import validation_errors

    assert all(not validation_errors(r) for r in records)


def test_csv_tables_load_with_the_csv_module(store_path, tmp_path):
    assert main(["export", "--db", str(store_path), "--format", "csv", "-o", str(tmp_path / "csv")]) == 0
    for name, table in (("events", "events"), ("statements", "statements"), ("figures", "figures"),
                        ("places", "places"), ("documents", "documents")):
        with open(tmp_path / "csv" / f"{name}.csv", newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        assert len(rows) == _count(store_path, f"SELECT count(*) FROM {table}") > 0, name
    with open(tmp_path / "csv" / "events.csv", newline="", encoding="utf-8") as f:
        events = list(csv.DictReader(f))
    acled = ["event_date", "event_type", "sub_event_type", "actor", "target", "location", "admin1", "country",
             "latitude", "longitude", "source", "source_sentence", "attributed_to", "factuality"]
    assert all(column in events[0] for column in acled)
    killing = next(e for e in events if e["trigger"] == "killing")
    # "Shelling hit a market ... on Monday, killing ...": the toll takes the shelling's day
    assert dt.date.fromisoformat(killing["event_date"][:10]).weekday() == 0, killing["event_date"]
    assert killing["country"] and killing["latitude"]
    assert killing["trigger"] in killing["source_sentence"] and killing["source_sentence"].startswith("Shelling")
    with open(tmp_path / "csv" / "statements.csv", newline="", encoding="utf-8") as f:
        statements = list(csv.DictReader(f))
    quote = next(s for s in statements if s["kind"] == "direct")
    assert quote["content"] in quote["source_sentence"] and quote["speaker"]


def test_geojson_is_valid_points(store_path, tmp_path):
    assert main(["export", "--db", str(store_path), "--format", "geojson", "-o", str(tmp_path / "m.geojson")]) == 0
    collection = json.loads((tmp_path / "m.geojson").read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    expected = (_count(store_path, "SELECT count(*) FROM event_rows WHERE latitude IS NOT NULL")
                + _count(store_path, "SELECT count(*) FROM places WHERE lat IS NOT NULL")
                + _count(store_path, "SELECT count(*) FROM linked_events WHERE latitude IS NOT NULL"))
    assert len(collection["features"]) == expected > 0
    layers = set()
    for feature in collection["features"]:  # RFC 7946: a Feature with a Point geometry, longitude first
        assert feature["type"] == "Feature" and isinstance(feature["properties"], dict)
        geometry = feature["geometry"]
        assert geometry["type"] == "Point" and len(geometry["coordinates"]) == 2
        lon, lat = geometry["coordinates"]
        assert all(isinstance(v, float | int) and math.isfinite(v) for v in (lon, lat))
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        layers.add(feature["properties"]["layer"])
    assert layers == {"event", "place", "linked_event"}


def test_parquet_reads_back_with_pyarrow(store_path, tmp_path):
    import pyarrow.parquet as pq

    assert main(["export", "--db", str(store_path), "--format", "parquet", "-o", str(tmp_path / "pq")]) == 0
    for name in ("events", "statements", "figures", "places", "documents"):
        table = pq.read_table(tmp_path / "pq" / f"{name}.parquet")
        assert table.num_rows == _count(store_path, f"SELECT count(*) FROM {name}"), name
    events = pq.read_table(tmp_path / "pq" / "events.parquet")
    assert str(events.schema.field("latitude").type) == "double"


def test_export_refuses_what_it_cannot_do(store_path, tmp_path, capsys):
    assert main(["export", "--db", str(store_path), "--format", "csv"]) == 1
    assert "give a folder" in capsys.readouterr().err
    assert main(["export", "--db", str(tmp_path / "none.db"), "--format", "jsonl"]) == 1
    assert "no such store" in capsys.readouterr().err
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert main(["export", "--db", str(store_path), "--format", "parquet", "-o", str(tmp_path / "file")]) == 1
    assert "needs a folder" in capsys.readouterr().err
