"""The corpus layer seen through the API and the exports, on the invented story of
tests/story_corpus.py: lists in the shape of /events, one item by id, filters, the
actor filter's aliases, the track record's numbers and the claims behind them, the corpus
views kept as new as the links, and the exports' row counts; on an SQLite store and on a
PostgreSQL one (conftest.py)."""
from __future__ import annotations

import csv
import json
import math

import pytest
from fastapi.testclient import TestClient

from dateline.cli import main
from dateline.corpus import links
from dateline.corpus.publish import publish
from dateline.store import Store
from dateline.store import corpus as views
from dateline.web import create_app
from tests.conftest import ingest_story
from tests.story_corpus import HOSTILE_OUTLET

LISTS = ("/linked-events", "/claims", "/contradictions", "/track-record", "/actors")


@pytest.fixture(scope="module")
def client(story_store):
    return TestClient(create_app(story_store), base_url="http://127.0.0.1")


def everything(client, path: str, **params) -> list[dict]:
    answer = client.get(path, params={**params, "limit": 500})
    assert answer.status_code == 200, answer.text
    return answer.json()["items"]


@pytest.mark.parametrize("path", LISTS)
def test_story_lists_have_the_shape_of_events_and_answer_without_filters(client, path):
    first = client.get(path, params={"limit": 1})
    assert first.status_code == 200, first.text
    body = first.json()
    assert set(body) == {"items", "total", "next", "limit", "offset"}
    assert body["total"] >= 2 and len(body["items"]) == 1 and "offset=1" in body["next"]
    rest = client.get(body["next"]).json()
    assert rest["total"] == body["total"] and rest["items"][0] != body["items"][0]
    assert client.get(path, params={"limmit": 2}).status_code == 422  # a misspelt parameter is refused


def test_linked_events_hold_every_report_with_a_link_to_its_sentence(client):
    items = everything(client, "/linked-events")
    entry = next(e for e in items if e["factuality"] == "disputed")
    assert entry["type"] == "ASSAULT" and entry["place"]["name"] == "Hama" and entry["place"]["precision"] == "town"
    assert entry["report_count"] == len(entry["reports"]) == 4 and entry["outlet_count"] == 4
    assert {r["factuality"] for r in entry["reports"]} == {"denied", "asserted"}
    assert entry["first_reported"]["published"] == "2031-06-02"
    for r in entry["reports"]:
        assert r["sentence"] == f"/read/{r['doc']}?focus={r['event']}#{r['event']}"
    assert client.get(f"/linked-events/{entry['id']}").json() == entry
    assert "/" not in entry["id"]  # the store's group name, made a path segment
    # days newest first; the background (an uprising of 2011) and a country's middle told apart
    days = [e["day"] for e in items if e["day"]]
    assert days == sorted(days, reverse=True)
    assert [e["type"] for e in items if e["background"]] == ["PROTEST"]
    assert any(e["place"] and e["place"]["precision"] == "country" for e in items)


def test_linked_event_filters_narrow_the_list(client):
    total = client.get("/linked-events").json()["total"]
    disputed = everything(client, "/linked-events", factuality="disputed")
    assert len(disputed) == 1 < total
    assert all(e["place"]["name"] == "Idlib" for e in everything(client, "/linked-events", place="idlib"))
    assert everything(client, "/linked-events", background="yes")[0]["date"]["start"] == "2011-03-18"
    assert len(everything(client, "/linked-events", background="no")) == total - 1
    assert all("Kestrel Daily" in e["outlets"] for e in everything(client, "/linked-events", source="kestrel"))
    june = everything(client, "/linked-events", date_from="2031-06-02", date_to="2031-06-02")
    assert june and all(e["date"] == {"start": "2031-06-02", "end": "2031-06-02"} for e in june)
    box = everything(client, "/linked-events", bbox="36.6,35,36.9,35.3")  # around Hama, not Idlib
    assert box and all(e["place"]["name"] == "Hama" for e in box)
    assert everything(client, "/linked-events", country="sy")  # codes in either case
    assert client.get("/linked-events", params={"factuality": "rumoured"}).status_code == 422


def test_a_denial_refuted_by_later_reports_has_its_history_and_evidence(client):
    refuted = everything(client, "/claims", status="refuted")
    denial = next(c for c in refuted if c["stance"] == "deny")
    assert denial["speaker"]["name"] == "army" and denial["first_reported"]["published"] == "2031-06-02"
    (change,) = denial["history"]
    assert change["status"] == "refuted" and change["date"] == "2031-06-03"
    assert {e["document"] for e in change["evidence"]} >= {"st-2", "st-3"}
    assert all(e["sentence"].startswith(f"/read/{e['doc']}?focus=") for e in change["evidence"])
    assert client.get(f"/claims/{denial['id']}").json() == denial
    assert client.get("/claims/nothing-S1").status_code == 404


def test_contradictions_keep_their_sides(client):
    kinds = {x["kind"]: x for x in everything(client, "/contradictions")}
    assert set(kinds) >= {"figure", "denial"}
    figure = kinds["figure"]
    assert sorted(side["position"] for side in figure["sides"]) == ["9 people", "At least 30 people"]
    assert sorted(i["source"] for side in figure["sides"] for i in side["items"]) == ["Harrow Wire", "Kestrel Daily"]
    denial = kinds["denial"]
    assert denial["event"] and client.get(f"/linked-events/{denial['event']}").json()["factuality"] == "disputed"
    assert everything(client, "/contradictions", kind="figure") == [figure]
    assert client.get(f"/contradictions/{figure['id']}").json() == figure


def test_track_record_numbers_are_the_claims_behind_them(client):
    rows = everything(client, "/track-record")
    army = next(r for r in rows if r["kind"] == "speaker" and r["name"] == "army")
    # the denial that rebels entered and "Hama is fully under our control" right after it are
    # two claims, as in links-gold.md's worked example, both refuted
    assert (army["claims"], army["refuted"]) == (2, 2)
    for row in rows:
        assert row["claims"] == row["confirmed"] + row["refuted"] + row["open"]
        for status in ("", "confirmed", "refuted", "open"):
            behind = client.get("/claims", params={"track_kind": row["kind"], "track_name": row["name"],
                                                   "status": status, "limit": 1}).json()["total"]
            assert behind == row[status or "claims"], (row, status)
    by_refuted = everything(client, "/track-record", sort="refuted", order="desc")
    assert [r["refuted"] for r in by_refuted] == sorted((r["refuted"] for r in by_refuted), reverse=True)
    outlet = client.get("/track-record/source/Kestrel Daily").json()
    assert outlet["claims"] == 3
    assert client.get("/claims", params={"track_name": "army"}).status_code == 422  # kind and name go together


def test_the_actor_filter_matches_every_name_of_the_actor(client, story_store):
    with Store(story_store) as store:  # one actor seen under two names, as linking learns them
        conn = store.conn
        actor = conn.execute("INSERT INTO actors (id, name, type) SELECT max(id) + 1, 'Vesna Marek', 'PERSON' "
                             "FROM actors RETURNING id").fetchone()[0]
        conn.execute("INSERT INTO actor_summary (actor, name, type, aliases, as_actor, as_target, claims, words) "
                     "VALUES (?, 'Vesna Marek', 'PERSON', '[\"Vesna Marek\", \"Rebels\"]', 0, 0, 0, "
                     "'\nvesna marek\nrebels\n')", (actor,))
    try:
        by_alias = client.get("/events", params={"actor": "Vesna Marek", "limit": 500}).json()
        plain = client.get("/events", params={"actor": "Rebels", "limit": 500}).json()
        assert by_alias["total"] == plain["total"] > 0  # "Rebels" is one of her names
        found = client.get("/actors", params={"name": "marek"}).json()["items"]
        assert found[0]["aliases"] == ["Vesna Marek", "Rebels"]
        assert client.get("/statements", params={"actor": "Orlov"}).json()["total"] >= 1
    finally:
        with Store(story_store) as store:
            store.conn.execute("DELETE FROM actor_summary WHERE actor = ?", (actor,))
            store.conn.execute("DELETE FROM actors WHERE id = ?", (actor,))


def test_actors_list_their_names_and_what_they_did(client):
    actors = everything(client, "/actors")
    turkey = next(a for a in actors if a["name"] == "Turkey")
    assert turkey["as_actor"] == 1
    acted = everything(client, "/linked-events", actor="Turkey")
    assert [e["type"] for e in acted] == ["MOBILIZE"] and acted[0]["actors"][0]["actor"] == turkey["id"]
    assert client.get(f"/actors/{turkey['id']}").json() == turkey
    assert client.get("/actors/999999").status_code == 404


def test_openapi_lists_the_story_endpoints_with_their_enumerations(client):
    spec = client.get("/openapi.json").json()
    for path in (*LISTS, "/linked-events/{id}", "/claims/{id}", "/contradictions/{id}", "/actors/{id}"):
        assert path in spec["paths"], path

    def enum(path: str, name: str) -> list[str]:
        parameter = next(p for p in spec["paths"][path]["get"]["parameters"] if p["name"] == name)
        schema = parameter["schema"]
        return next(s for s in schema.get("anyOf", [schema]) if "enum" in s)["enum"]

    assert "disputed" in enum("/linked-events", "factuality")
    assert set(enum("/claims", "status")) >= {"open", "confirmed", "refuted"}
    assert set(enum("/contradictions", "kind")) >= {"figure", "denial", "factuality", "detail"}
    assert set(enum("/track-record", "kind")) >= {"speaker", "source"}


def test_the_views_follow_the_links(db, tmp_path, pipeline):
    ingest_story(db, tmp_path, pipeline)
    with Store(db) as store:
        assert not views.stale(store.conn)
        assert not publish(store)  # nothing new: not written again
        record = links(store)
        counts = views.totals(store.conn)
        assert counts["linked_events"] == len(record["events"]) and counts["claims"] == len(record["claims"])
        assert counts["contradictions"] == len(record["contradictions"])
        store.conn.execute("DELETE FROM linked_documents WHERE doc = (SELECT min(doc) FROM linked_documents)")
        assert views.stale(store.conn)
    # the server finds them stale and writes them again from the links (linking the document first is
    # the next ingest's work; here the store simply has one document fewer linked)
    app = TestClient(create_app(db, settings=pipeline.settings), base_url="http://127.0.0.1")
    assert app.get("/linked-events").status_code == 200
    with Store(db, readonly=True) as store:
        assert not views.stale(store.conn)


def _count(db, table: str) -> int:
    with Store(db, readonly=True) as store:
        return store.rows(f"SELECT count(*) FROM {table}").fetchone()[0]


TABLES = {"linked_events": "linked_events", "linked_event_reports": "linked_event_reports", "claims": "claims",
          "claim_reports": "claim_reports", "contradictions": "contradictions",
          "contradiction_items": "contradiction_items", "actors": "actors", "track_record": "track_record"}


def test_story_exports_load_in_pandas_and_pyarrow_with_the_stores_counts(story_store, tmp_path):
    import pandas as pd
    import pyarrow.parquet as pq

    assert main(["export", "--db", str(story_store), "--format", "csv", "-o", str(tmp_path / "csv")]) == 0
    assert main(["export", "--db", str(story_store), "--format", "parquet", "-o", str(tmp_path / "pq")]) == 0
    for name, table in TABLES.items():
        n = _count(story_store, table)
        assert n > 0, name
        assert len(pd.read_csv(tmp_path / "csv" / f"{name}.csv")) == n, name
        assert pq.read_table(tmp_path / "pq" / f"{name}.parquet").num_rows == n, name
        assert len(pd.read_parquet(tmp_path / "pq" / f"{name}.parquet")) == n, name
    events = pq.read_table(tmp_path / "pq" / "linked_events.parquet")
    assert str(events.schema.field("latitude").type) == "double"
    assert str(events.schema.field("reports").type) == "int64"
    with open(tmp_path / "csv" / "linked_events.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert any(HOSTILE_OUTLET in r["sources"] for r in rows)  # the text as it is, for the analyst's tools


def test_linked_events_in_geojson_are_rfc_7946_points(story_store, tmp_path):
    assert main(["export", "--db", str(story_store), "--format", "geojson", "-o", str(tmp_path / "m.geojson")]) == 0
    collection = json.loads((tmp_path / "m.geojson").read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection" and "crs" not in collection  # RFC 7946 drops crs
    linked = [f for f in collection["features"] if f["properties"]["layer"] == "linked_event"]
    assert len(linked) == _count(story_store, "linked_events WHERE latitude IS NOT NULL") > 0
    for feature in linked:
        assert feature["type"] == "Feature" and feature["id"] == feature["properties"]["linked_event_id"]
        geometry = feature["geometry"]
        assert geometry["type"] == "Point" and len(geometry["coordinates"]) == 2
        lon, lat = geometry["coordinates"]
        assert all(isinstance(v, float) and math.isfinite(v) for v in (lon, lat))
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    hama = next(f for f in linked if f["properties"]["location"] == "Hama")
    assert hama["geometry"]["coordinates"][0] > hama["geometry"]["coordinates"][1]  # longitude first: 36.7, 35.1


@pytest.mark.parametrize("type, forms, shown", [
    # a person by their fullest name, however much more often the surname alone is seen
    ("PERSON", [("assad", "Assad", 9), ("bashar al assad", "Bashar al-Assad", 2),
                ("bashir al assad", "Bashir al] Assad", 1)], "Bashar al-Assad"),
    # a state, a body or a group by the name seen most, not its longest
    ("GPE", [("iran", "Iran", 11), ("islamic republic of iran", "Islamic Republic of Iran", 1)], "Iran"),
    ("ORG", [("united nations charter", "United Nations Charter", 1), ("united nations", "United Nations", 4)],
     "United Nations"),
    ("ORG", [], None),
])
def test_an_actor_is_shown_by_a_persons_fullest_name_or_a_bodys_most_seen(type, forms, shown):
    assert views._shown_name(type, forms) == views._shown_name(type, forms[::-1]) == shown
