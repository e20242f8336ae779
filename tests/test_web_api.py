"""The HTTP API over a real store: filters agree with SQL over the tables, pages add up,
bad input gets 4xx and never a traceback, writes need the token. The reading tests run on
an SQLite store and on a PostgreSQL one (when the tests have a server: conftest.py)."""
from __future__ import annotations

import json
import shutil
import sqlite3

import pytest
from fastapi.testclient import TestClient

from dateline.record import validation_errors
from dateline.store import Store
from dateline.web import create_app

from .conftest import HOSTILE_TEXT, HOSTILE_TITLE

TOKEN = "a-test-token-of-32-characters-xx"


@pytest.fixture(scope="module")
def client(invented_store) -> TestClient:
    with TestClient(create_app(invented_store), raise_server_exceptions=False) as c:
        yield c


def sql(db, query: str, params: tuple = ()) -> list:
    """A query's rows (as tuples) in a store of either backend; `?` placeholders."""
    with Store(db, readonly=True) as store:
        return [tuple(r) for r in store.rows(query, params).fetchall()]


def all_items(client: TestClient, path: str, limit: int = 7) -> list[dict]:
    """Walk every page through the `next` links."""
    items, url = [], f"{path}{'&' if '?' in path else '?'}limit={limit}"
    while url:
        page = client.get(url).json()
        items += page["items"]
        url = page["next"]
    return items


def test_pages_add_up_to_the_table(client, invented_store):
    total = sql(invented_store, "SELECT count(*) FROM events")[0][0]
    items = all_items(client, "/events")
    assert len(items) == total > 10
    assert len({i["event_id"] for i in items}) == total  # no row twice, none missed
    first = client.get("/events?limit=3").json()
    assert first["total"] == total and len(first["items"]) == 3 and "offset=3" in first["next"]


@pytest.mark.parametrize("query, table_sql", [
    ("/events?type=ASSAULT", "SELECT count(*) FROM events WHERE type = 'ASSAULT'"),
    ("/events?factuality=denied", "SELECT count(*) FROM events WHERE factuality = 'denied'"),
    ("/statements?stance=deny", "SELECT count(*) FROM statements WHERE stance = 'deny'"),
    ("/statements?speaker=grace", "SELECT count(*) FROM statements WHERE lower(speaker) LIKE '%grace%' "
                                  "OR lower(speaker_text) LIKE '%grace%'"),
    ("/figures?category=killed", "SELECT count(*) FROM figures WHERE category = 'killed'"),
    ("/places?country=so", "SELECT count(*) FROM places WHERE country = 'SO'"),
    ("/documents?q=rubble", "SELECT count(*) FROM documents WHERE lower(text) LIKE '%rubble%' "
                            "OR lower(title) LIKE '%rubble%'"),
])
def test_filters_agree_with_sql_over_the_tables(client, invented_store, query, table_sql):
    expected = sql(invented_store, table_sql)[0][0]
    assert expected > 0, "the invented corpus should exercise this filter"
    assert client.get(query).json()["total"] == expected


def test_event_filters_hold_for_every_item(client):
    ukraine = all_items(client, "/events?type=ASSAULT&country=ua")
    assert ukraine and all(e["event_type"] == "ASSAULT" and e["country"] == "UA" for e in ukraine)
    boxed = all_items(client, "/events?bbox=30,-5,50,10")  # East Africa: Kismayo, not Kharkiv
    assert boxed and all(30 <= e["longitude"] <= 50 and -5 <= e["latitude"] <= 10 for e in boxed)
    march = all_items(client, "/statements?date_from=2024-03-05&date_to=2024-03-08")
    assert march and all("2024-03-05" <= s["date"] <= "2024-03-08" for s in march)
    month = client.get("/statements?date_from=2024-05&date_to=2024-05").json()
    assert month["total"] > 0 and all(s["date"].startswith("2024-05") for s in month["items"])


def test_next_links_keep_the_filters(client):
    page = client.get("/events?type=ASSAULT&country=UA&limit=1").json()
    assert page["total"] > 1 and "type=ASSAULT" in page["next"] and "country=UA" in page["next"]
    assert client.get(page["next"]).json()["items"][0]["event_type"] == "ASSAULT"


def test_a_box_across_the_antimeridian(tmp_path, pipeline):
    from .conftest import _store_records

    db = _store_records(tmp_path / "pacific.db", pipeline, [
        {"id": "nz", "published": "2024-01-09", "text": "Protesters marched in Christchurch, New Zealand, on "
                                                        "Monday against the new port fees, police said."},
        {"id": "ke", "published": "2024-01-09", "text": "Protesters marched in Nairobi, Kenya, on Monday "
                                                        "against the new fuel taxes, police said."}], "pacific")
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        places = {p["name"] for p in all_items(c, "/places?bbox=170,-90,-170,90")}
        assert "Christchurch" in places and "Nairobi" not in places
        events = all_items(c, "/events?bbox=170,-90,-170,90")
        assert events and all(e["longitude"] >= 170 or e["longitude"] <= -170 for e in events)


def test_free_text_is_literal(client, invented_store):
    # % and _ are characters, not wildcards: only the hostile article's "window.__pwned" has one
    rows = sql(invented_store, "SELECT content, source_sentence, title FROM statement_rows")

    def holding(text: str) -> int:
        return sum(any(text in (value or "") for value in row) for row in rows)

    assert client.get("/statements?q=%25").json()["total"] == holding("%") == 0
    assert client.get("/statements?q=_").json()["total"] == holding("_") > 0
    assert client.get("/statements?q=rubble").json()["total"] > 0


@pytest.mark.parametrize("query", [
    "/events?type=BOMBING", "/events?factuality=maybe", "/statements?stance=shout", "/events?bbox=1,2,3",
    "/events?bbox=a,b,c,d", "/events?bbox=10,50,20,40", "/events?bbox=0,0,200,10", "/events?bbox=nan,0,1,1",
    "/events?date_from=2024-02-30", "/events?date_to=yesterday", "/events?country=Ukraine", "/events?limit=0",
    "/events?limit=100000", "/events?offset=-1", "/figures?category=dead", "/places?kind=planet",
    "/statements?speaker=" + "x" * 300, "/statements?q=%00abc", "/statements?speaker=%00", "/events?doc=%0a",
    "/events?date_from=2024-05&date_to=2024-04",
])
def test_malformed_filters_get_422_with_the_reason(client, query):
    r = client.get(query)
    assert r.status_code == 422, query
    body = r.json()["error"]
    assert body["status"] == 422 and body["details"] and body["details"][0]["where"].startswith("query.")
    assert "Traceback" not in r.text


# Python's int(), float() and str.isdigit() take any script's digits ("２０１９", "٢٠"), and int()
# takes "1_0" and " 10": none of these is what the documentation asks for, and a date kept
# as "２０１９" compares with nothing in the store, answering an empty list as if all were well
@pytest.mark.parametrize("query, name", [
    ("/events?date_from=%EF%BC%92%EF%BC%90%EF%BC%91%EF%BC%99", "date_from"),  # ２０１９
    ("/statements?date_to=2024-%EF%BC%90%EF%BC%93", "date_to"),  # 2024-０３
    ("/documents?date_from=%D9%A2%D9%A0%D9%A1%D9%A9", "date_from"),  # Arabic-Indic ٢٠١٩
    ("/events?limit=%EF%BC%91%EF%BC%90", "limit"), ("/figures?offset=%EF%BC%95", "offset"),
    ("/events?limit=1_0", "limit"), ("/events?limit=%2B10", "limit"), ("/events?offset=%2010", "offset"),
    ("/places?limit=10.0", "limit"),
    ("/events?bbox=%EF%BC%92%EF%BC%92,44,41,53", "bbox"), ("/figures?bbox=22,44,41,5_3", "bbox"),
    ("/places?bbox=22,44,41,5e1", "bbox"), ("/events?bbox=22,44,41,infinity", "bbox"),
])
def test_digits_other_than_ascii_get_422_naming_the_parameter(client, query, name):
    r = client.get(query)
    assert r.status_code == 422, query
    error = r.json()["error"]
    assert name in error["message"] and error["details"][0]["where"] == f"query.{name}"


@pytest.mark.parametrize("query, name", [
    ("/events?speker=Amira", "speker"), ("/documents?type=ASSAULT", "type"), ("/statements?limit=5&pgae=2", "pgae"),
    ("/health?verbose=1", "verbose"), ("/documents/inv-001?pretty=1", "pretty"), ("/places?=x", ""),
])
def test_unknown_parameters_get_422_naming_them(client, query, name):
    r = client.get(query)
    assert r.status_code == 422, query
    error = r.json()["error"]
    assert f"'{name}'" in error["message"] and error["details"][0]["where"] == f"query.{name}"
    assert "takes" in error["details"][0]["problem"]


def test_known_parameters_in_their_documented_shapes_still_work(client):
    assert client.get("/events?type=ASSAULT&country=ua&date_from=2024&date_to=2024-12-31&limit=5&offset=0"
                      "&source=wire&q=market&actor=&target=&speaker=&factuality=&doc=").status_code == 200
    boxed = client.get("/events?bbox=30,-5.5,50.25,10").json()
    assert boxed["total"] == client.get("/events?bbox=30, -5.5, 50.25, 10").json()["total"] > 0
    assert client.get("/documents/inv-001").status_code == 200
    assert client.get("/health").status_code == 200


def test_empty_form_values_mean_no_filter(client):
    everything = client.get("/events").json()["total"]
    assert client.get("/events?type=&factuality=&country=&bbox=&date_from=&q=").json()["total"] == everything


def test_document_by_key_and_by_id(client, invented_store):
    key, = sql(invented_store, "SELECT key FROM documents WHERE id = 'inv-003'")[0]
    record = client.get(f"/documents/{key}").json()
    assert record["document"]["id"] == "inv-003" and not validation_errors(record)
    assert client.get("/documents/inv-003").json() == record
    sources = client.get("/documents/inv-003/sources").json()
    assert sources[0]["origin"] == "invented.jsonl" and sources[0]["locator"] == "line 4"


@pytest.mark.parametrize("path", ["/documents/nope", "/documents/nope/sources", "/read/nope", "/no/such/path"])
def test_unknown_ids_get_404(client, path):
    r = client.get(path)
    assert r.status_code == 404 and "Traceback" not in r.text
    if path.startswith("/read/"):
        assert r.headers["content-type"].startswith("text/html") and "404" in r.text
    else:
        assert r.json()["error"]["status"] == 404 and r.json()["error"]["message"]


def test_wrong_methods_and_unreadable_bodies_answer_in_the_same_shape(client):
    r = client.post("/health")
    assert r.status_code == 405 and r.json()["error"]["status"] == 405
    r = client.post("/extract", content=b'{"text": "\xff\xfe"}', headers={"content-type": "application/json"})
    assert 400 <= r.status_code < 500 and r.json()["error"]["message"] and "Traceback" not in r.text


def test_a_record_id_shared_by_two_documents_is_refused_with_the_reason(tmp_path, pipeline):
    from .conftest import _store_records

    db = _store_records(tmp_path / "twins.db", pipeline, [
        {"id": "same", "text": "Troops left the town of Kherson on Friday, officials said."},
        {"id": "same", "text": "Troops entered the town of Izium on Saturday, officials said."}], "twins")
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        r = c.get("/documents/same")
        assert r.status_code == 422 and "key" in r.json()["error"]["details"][0]["problem"]


def test_hostile_metadata_comes_back_as_the_same_characters(client):
    record = client.get("/documents/hostile").json()
    assert record["document"]["title"] == HOSTILE_TITLE and record["document"]["text"] == HOSTILE_TEXT


def test_extract_a_text_and_a_page(client):
    text = ("Government forces shelled the town of Kupiansk on Friday, killing 2 civilians, the regional governor "
            "said. The defence ministry denied targeting civilians.")
    r = client.post("/extract", json={"text": text, "published": "2025-02-07", "source": "Test Desk"})
    assert r.status_code == 200
    record = r.json()
    assert not validation_errors(record)
    assert record["document"]["published"] == "2025-02-07" and record["statements"] and record["figures"]
    page = (f"<html><head><title>Shelling in Kupiansk</title></head><body><nav>Home News</nav>"
            f"<article><h1>Shelling in Kupiansk</h1><p>{text}</p></article></body></html>")
    from_page = client.post("/extract", json={"html": page, "url": "https://example.org/k"}).json()
    assert "Government forces shelled" in from_page["document"]["text"] and "Home" not in from_page["document"]["text"]
    assert from_page["document"]["url"] == "https://example.org/k"


@pytest.mark.parametrize("body", [
    '{}', '{"text": ""}', '{"text": "   "}', '{"text": "a", "html": "<p>a</p>"}',
    '{"text": "War.", "published": "last week"}', '{"html": "<nav>Home</nav>"}', '{"text": 5}', '[]',
    # lone surrogates, which JSON can carry and UTF-8 cannot
    '{"text": "\\ud800 said the army"}', '{"html": "<p>\\udfff</p>"}', '{"text": "Shelling.", "title": "\\ud83d"}',
    '{"text": "Shelling \\u0000 was reported."}',
])
def test_extract_refuses_bad_bodies_with_422(client, body):
    r = client.post("/extract", content=body.encode(), headers={"content-type": "application/json"})
    assert r.status_code == 422, body
    assert "Traceback" not in r.text and r.json()["error"]["message"]


def test_extract_refuses_malformed_json(client):
    r = client.post("/extract", content=b'{"text": "unfinished', headers={"content-type": "application/json"})
    assert r.status_code == 422 and "Traceback" not in r.text


def test_oversized_bodies_get_413(invented_db):
    with TestClient(create_app(invented_db, max_body=1000), raise_server_exceptions=False) as small:
        big = {"text": "word " * 400}
        r = small.post("/extract", json=big)
        assert r.status_code == 413 and "1000 bytes" in r.json()["error"]["message"]
        assert "content-security-policy" in r.headers

        def chunks():  # no Content-Length: the limit must count what arrives
            for _ in range(20):
                yield b"x" * 100

        r = small.post("/extract", content=chunks(), headers={"content-type": "application/json"})
        assert r.status_code == 413 and "1000 bytes" in r.json()["error"]["message"]
        assert small.post("/extract", json={"text": "Troops withdrew from the town on Monday."}).status_code == 200


def test_writes_need_the_operators_token(tmp_path, invented_db, monkeypatch):
    db = tmp_path / "copy.db"
    shutil.copy(invented_db, db)
    article = {"text": "Militia fighters attacked a convoy near Goma on Sunday, killing 6 soldiers, the army said.",
               "published": "2024-06-02", "source": "Test Desk"}
    with TestClient(create_app(db), raise_server_exceptions=False) as readonly:
        assert readonly.post("/documents", json=article).status_code == 403
        assert readonly.get("/health").json()["writable"] is False

    compared = []
    import dateline.web.backend as backend

    real = backend.hmac.compare_digest
    monkeypatch.setattr(backend.hmac, "compare_digest", lambda a, b: compared.append(1) or real(a, b))
    before = sql(db, "SELECT count(*) FROM documents")[0][0]
    with TestClient(create_app(db, token=TOKEN), raise_server_exceptions=False) as writable:
        assert writable.post("/documents", json=article).status_code == 401
        assert writable.post("/documents", json=article, headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert writable.post("/documents", json=article,
                             headers={"Authorization": f"Basic {TOKEN}"}).status_code == 401
        r = writable.post("/documents", json=article, headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 201 and r.json()["status"] == "stored"
        again = writable.post("/documents", json=article, headers={"Authorization": f"Bearer {TOKEN}"})
        assert again.status_code == 200 and again.json()["status"] == "known"
        stored = writable.get(r.json()["document"]).json()
        assert stored["document"]["source"] == "Test Desk" and stored["events"]
    assert compared, "the token is compared with hmac.compare_digest"
    assert sql(db, "SELECT count(*) FROM documents")[0][0] == before + 1
    assert sql(db, "SELECT origin, reader FROM sources WHERE doc = ?", (r.json()["key"],)) == [("http-api", "api")]


def test_a_short_token_is_refused(invented_db):
    from dateline.errors import SettingsError

    with pytest.raises(SettingsError):
        create_app(invented_db, token="short")


def test_internal_errors_say_nothing_of_the_code(invented_db, monkeypatch):
    from dateline.store import queries

    def broken(*args, **kwargs):
        raise RuntimeError("secret detail of /srv/app/queries.py")

    monkeypatch.setattr(queries, "events", broken)
    with TestClient(create_app(invented_db), raise_server_exceptions=False) as c:
        for path in ("/events", "/timeline"):
            r = c.get(path)
            assert r.status_code == 500
            assert "secret" not in r.text and "Traceback" not in r.text and "queries.py" not in r.text
            assert "script-src 'self'" in r.headers["content-security-policy"]


def test_extraction_beyond_its_slots_is_told_to_retry_and_writes_keep_theirs(tmp_path, invented_db, monkeypatch):
    import dateline.web.backend as backend

    db = tmp_path / "copy.db"
    shutil.copy(invented_db, db)
    monkeypatch.setattr(backend, "EXTRACTION_SLOTS", 0)
    article = {"text": "Rebels seized the airport on Sunday, the army said.", "published": "2024-06-02"}
    with TestClient(create_app(db, token=TOKEN), raise_server_exceptions=False) as c:
        r = c.post("/extract", json=article)
        assert r.status_code == 503 and r.headers["retry-after"] and r.json()["error"]["status"] == 503
        assert c.get("/events?limit=1").status_code == 200  # reading goes on
        assert c.post("/documents", json=article, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 201


def test_a_pipeline_that_cannot_load_is_the_servers_fault(invented_db):
    from dateline.settings import Settings

    with TestClient(create_app(invented_db, settings=Settings(model="no_such_model_here")),
                    raise_server_exceptions=False) as c:
        r = c.post("/extract", json={"text": "Rebels seized the airport on Sunday, the army said."})
        assert r.status_code == 500 and "no_such_model" not in r.text and "Traceback" not in r.text
        assert c.get("/health").status_code == 200


def test_only_the_named_hosts_are_answered(invented_db):
    with TestClient(create_app(invented_db, hosts=["127.0.0.1", "localhost"]), base_url="http://127.0.0.1",
                    raise_server_exceptions=False) as c:
        assert c.get("/health").status_code == 200
        assert c.get("/health", headers={"host": "rebound.example"}).status_code == 400
        assert c.post("/extract", json={"text": "x"}, headers={"host": "rebound.example"}).status_code == 400


@pytest.mark.parametrize("host, allowed, expected", [
    ("127.0.0.1", None, ["127.0.0.1", "localhost", "[::1]"]),
    ("127.0.0.2", ["dateline.lan"], ["127.0.0.1", "localhost", "[::1]", "dateline.lan"]),
    ("::1", None, ["127.0.0.1", "localhost", "[::1]"]),
    ("localhost", None, ["127.0.0.1", "localhost", "[::1]"]),
    ("0.0.0.0", None, None), ("0.0.0.0", ["dateline.example.org"], ["dateline.example.org"]),
])
def test_serve_answers_to_loopback_names_on_loopback(host, allowed, expected):
    from dateline.cli import serving_hosts

    assert serving_hosts(host, allowed) == expected


def test_loopback_names_include_ipv6_with_a_port(invented_db):
    from dateline.cli import LOOPBACK_NAMES

    with TestClient(create_app(invented_db, hosts=LOOPBACK_NAMES), raise_server_exceptions=False) as c:
        assert c.get("/health", headers={"host": "[::1]:8000"}).status_code == 200
        assert c.get("/health", headers={"host": "localhost:8000"}).status_code == 200


@pytest.mark.parametrize("env, args, message", [
    ({"DATELINE_MAX_BODY": "-1"}, [], "DATELINE_MAX_BODY"),
    ({"DATELINE_MAX_BODY": "lots"}, [], "DATELINE_MAX_BODY"),
    ({}, ["--token-file", "EMPTY"], "is empty"),
    ({}, ["--token-file", "MISSING"], "cannot read the token file"),
    ({"DATELINE_TOKEN": "short"}, [], "at least 16 characters"),
])
def test_serve_refuses_bad_settings_before_it_listens(tmp_path, invented_db, monkeypatch, capsys, env, args, message):
    from dateline.cli import main

    (tmp_path / "EMPTY").write_text("\n")
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    args = [str(tmp_path / a) if a in ("EMPTY", "MISSING") else a for a in args]
    assert main(["serve", "--db", str(invented_db), "--port", "1", *args]) == 1
    assert message in capsys.readouterr().err


def test_pages_carry_security_headers(client):
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert r.headers["x-content-type-options"] == "nosniff"


def test_openapi_lists_the_endpoints_and_the_contracts_values(client):
    spec = client.get("/openapi.json").json()
    for path in ("/extract", "/documents", "/documents/{ref}", "/statements", "/events", "/figures", "/places"):
        assert path in spec["paths"], path
    params = {p["name"]: p for p in spec["paths"]["/events"]["get"]["parameters"]}
    assert {"type", "factuality", "country", "bbox", "date_from", "date_to", "source", "q", "limit", "offset"} <= set(params)
    assert "ASSAULT" in json.dumps(params["type"]["schema"])
    assert "#/components/schemas/Error" in json.dumps(spec["paths"]["/events"]["get"]["responses"]["422"])
    assert "HTTPBearer" in spec["components"]["securitySchemes"]


def test_docs_page_is_served_from_this_server(client):
    from dateline.web.app import vendor_missing

    r = client.get("/docs")
    if "swagger-ui" in vendor_missing():
        assert r.status_code == 404 and "make install" in r.json()["error"]["message"]
        return
    assert r.status_code == 200 and "/vendor/swagger-ui/swagger-ui-bundle.js" in r.text and "cdn" not in r.text
    assert client.get("/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200


def test_a_date_range_keeps_what_lies_wholly_inside_it():
    from dateline.store.dialect import SQLITE
    from dateline.store.queries import Where

    conn = sqlite3.connect(":memory:")
    dated = ["2019", "2019-06", "2019-W22", "2019-W24", "2019-W26", "2019-06-12", "2019-06-30T23:00", "2019-07-01",
             None, "PAST_REF", "P3D"]
    conn.execute("CREATE TABLE t (d TEXT)")
    conn.executemany("INSERT INTO t VALUES (?)", [(d,) for d in dated])

    def inside(start, end):
        where = Where(SQLITE)
        where.dates("d", start, end)
        return {r[0] for r in conn.execute(f"SELECT d FROM t{where.sql()}", where.params)}

    # W22 runs from 27 May to 2 June, so it is not wholly in June; W26 (24-30 June) is; the year is not
    june = {"2019-06", "2019-W24", "2019-W26", "2019-06-12", "2019-06-30T23:00"}
    assert inside("2019-06", "2019-06") == inside("2019-06-01", "2019-06-30") == june
    assert inside("2019", "2019") == set(dated) - {None, "PAST_REF", "P3D"}
    assert inside("2019-06-13", None) == {"2019-06-30T23:00", "2019-07-01", "2019-W26"}
    assert inside(None, "2019-05") == set()


def test_date_ranges_hold_whole_months_and_years(dev_db):
    with TestClient(create_app(dev_db), raise_server_exceptions=False) as c:
        def total(query: str) -> int:
            return c.get(f"/events?{query}").json()["total"]

        assert total("date_from=2019-06&date_to=2019-06") == total("date_from=2019-06-01&date_to=2019-06-30") > 0
        assert total("date_from=2019&date_to=2019") == total("date_from=2019-01-01&date_to=2019-12-31") > 0
        # an event dated by ISO week lies in its month
        weeks = [e for e in all_items(c, "/events?date_from=2019-01&date_to=2019-01", limit=100)
                 if "-W" in e["event_date"]]
        assert weeks, "the dev corpus has week-dated events in January 2019"


def test_dev_corpus_filters(dev_db):
    with TestClient(create_app(dev_db), raise_server_exceptions=False) as c:
        afghan = all_items(c, "/events?country=AF&type=ASSAULT", limit=50)
        expected = sql(dev_db, "SELECT count(*) FROM event_rows WHERE country = 'AF' AND event_type = 'ASSAULT'")[0][0]
        assert len(afghan) == expected > 0
        seed = c.get("/documents/seed").json()
        assert seed["document"]["published"] == "2024-12-07" and seed["statements"]
        assert c.get("/statements?doc=" + sql(dev_db, "SELECT key FROM documents WHERE id='seed'")[0][0]).json()[
            "total"] == len(seed["statements"])
