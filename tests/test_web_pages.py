"""The pages as HTML: the article's runs give back its text exactly, every layer is marked
where the record says, and markup in an article stays text."""
from __future__ import annotations

import html
import json
import re
import sqlite3

import pytest
from fastapi.testclient import TestClient

from dateline.web import create_app
from dateline.web.highlight import Mark, marks, runs

from .conftest import HOSTILE_TEXT, HOSTILE_TITLE, HOSTILE_URL, invented_article


@pytest.fixture(scope="module")
def client(invented_db) -> TestClient:
    with TestClient(create_app(invented_db), raise_server_exceptions=False) as c:
        yield c


@pytest.mark.parametrize("value, span", [
    ("2024-12-07", ("2024-12-07", "2024-12-07")), ("2024-12-07T14:30", ("2024-12-07", "2024-12-07")),
    ("2024-02", ("2024-02-01", "2024-02-29")), ("2023-12", ("2023-12-01", "2023-12-31")),
    ("2019", ("2019-01-01", "2019-12-31")), ("2019-W03", ("2019-01-14", "2019-01-20")),
    ("2020-W01", ("2019-12-30", "2020-01-05")), ("2019-W03-2", ("2019-01-15", "2019-01-15")),
    ("2019-SU", ("2019-01-01", "2019-12-31")), ("PAST_REF", None), ("P3D", None), (None, None),
    ("2019-02-30", None), ("2019-W60", None),
])
def test_the_days_a_stored_date_covers(value, span):
    from dateline.store.queries import date_span, sql_end, sql_start

    assert date_span(value) == span
    if span or value is None:  # the SQL that filters and orders rows agrees
        conn = sqlite3.connect(":memory:")
        assert conn.execute(f"SELECT {sql_start('?1')}, {sql_end('?1')}", (value,)).fetchone() == (span or (None, None))


@pytest.mark.parametrize("year", range(2000, 2031))
def test_iso_weeks_in_sql_agree_with_python(year):
    import datetime as dt

    from dateline.store.queries import date_span, sql_end, sql_start

    conn = sqlite3.connect(":memory:")
    weeks = dt.date(year, 12, 28).isocalendar().week
    for value in (f"{year}-W01", f"{year}-W{weeks:02d}", f"{year}-W{weeks:02d}-7", f"{year}-W10-3"):
        assert conn.execute(f"SELECT {sql_start('?1')}, {sql_end('?1')}", (value,)).fetchone() == date_span(value)


def test_runs_give_back_the_text_and_carry_overlapping_marks():
    text = "The governor said 12 people died in Kharkiv."
    found = [Mark(4, 12, "speaker", "S1"), Mark(13, 17, "cue", "S1"), Mark(18, 43, "content", "S1"),
             Mark(18, 27, "figure", "F1"), Mark(28, 32, "trigger", "V1"), Mark(36, 43, "place", "P1")]
    cut = runs(text, found, focus=(0, 44))
    assert "".join(r.text for r in cut) == text
    twelve = next(r for r in cut if r.text == "12 people")
    assert twelve.classes == "content figure focus" and set(twelve.items.split()) == {"S1", "F1"}
    died = next(r for r in cut if r.text == "died")
    assert died.classes == "content trigger focus"
    assert next(r for r in cut if r.text == "The ").marks == ()


def test_runs_survive_spans_past_the_text_and_empty_ones():
    text = "Short text."
    cut = runs(text, [Mark(6, 40, "content", "S1"), Mark(3, 3, "cue", "S1"), Mark(-5, 2, "time", "T1")])
    assert "".join(r.text for r in cut) == text


def test_every_record_span_is_marked_on_the_seed(seed_record):
    text = seed_record["document"]["text"]
    found = marks(seed_record)
    cut = runs(text, found)
    assert "".join(r.text for r in cut) == text
    for s in seed_record["statements"]:
        for part, kind in (("speaker", "speaker"), ("cue", "cue"), ("content", "content")):
            span = s[part]
            covered = "".join(r.text for r in cut if any(m.kind == kind and m.item == s["id"] for m in r.marks))
            assert covered == text[span["start"]:span["end"]], (s["id"], part)


def _text_div(page: str) -> str:
    return page.split('<div class="text" id="text">', 1)[1].split("</div>", 1)[0]


def test_article_view_marks_the_layers(client):
    page = client.get("/read/inv-002").text
    shown = html.unescape(re.sub(r"<[^>]+>", "", _text_div(page)))
    assert shown == invented_article(2)["text"]
    assert re.search(r'<span class="speaker[^"]*" data-items="S\d+">Grace Mbeki</span>', page)
    assert re.search(r'<span class="[^"]*\bfigure\b[^"]*" data-items="[^"]*F\d+[^"]*">', page)
    assert 'class="card statement' in page and 'id="card-V1"' in page


def test_focus_marks_the_sentence_of_the_item(client):
    record = client.get("/documents/inv-002").json()
    statement = record["statements"][0]
    page = client.get(f"/read/inv-002?focus={statement['id']}").text
    focused = html.unescape("".join(re.findall(r'<span class="[^"]*\bfocus\b[^"]*"[^>]*>([^<]*)</span>', page)))
    sentence = record["document"]["text"][statement["sentence"]["start"]:statement["sentence"]["end"]]
    assert focused == sentence
    assert f'<a class="anchor" id="{statement["id"]}"></a>' in page


OWN_SCRIPTS = re.compile(r'<script src="/(static|vendor)/[\w./-]+">|<script type="application/json" id="map-data">')


@pytest.mark.parametrize("path", ["/read/hostile", "/", "/said", "/said?q=Nobody", "/timeline", "/map", "/story",
                                  "/story/claims", "/story/contradictions", "/story/track-record", "/story/actors"])
def test_markup_in_an_article_stays_text(client, path):
    page = client.get(path).text
    for tag in re.findall(r"<script\b[^>]*>", page, flags=re.I):  # only the page's own, from this server
        assert OWN_SCRIPTS.fullmatch(tag), tag
    assert "<img" not in page and "<b>Nobody" not in page and "<i>Hostile" not in page
    assert not re.search(r'href="\s*javascript:', page, flags=re.I)


def test_hostile_article_reads_back_exactly(client):
    page = client.get("/read/hostile").text
    assert html.unescape(re.sub(r"<[^>]+>", "", _text_div(page))) == HOSTILE_TEXT
    title = re.search(r"<h1>(.*?)</h1>", page, flags=re.S).group(1)
    assert html.unescape(title) == HOSTILE_TITLE
    assert html.unescape(re.search(r'<span class="url">(.*?)</span>', page).group(1)) == HOSTILE_URL  # not a link
    assert "&lt;i&gt;Hostile&lt;/i&gt; Outlet" in page


def test_map_data_cannot_close_its_script(client):
    page = client.get("/map").text
    block = page.split('<script type="application/json" id="map-data">', 1)[1].split("</script>", 1)[0]
    data = json.loads(block)  # the whole JSON sits inside the block: nothing closed it early
    assert data["events"] and all({"lat", "lon", "reports", "precision"} <= set(e) for e in data["events"])
    assert any("Hostile" in link["text"] for e in data["events"] for link in e["links"])  # the outlet, as data


@pytest.mark.parametrize("path", ["/said?stance=bogus", "/map?bbox=1,2", "/timeline?date_from=2024-02-31",
                                  "/story?zoom=year", "/story/claims?status=maybe", "/story/track-record?sort=x",
                                  "/read/inv-001?focus=" + "S" * 30])
def test_malformed_filters_on_pages_get_an_html_422(client, path):
    r = client.get(path)
    assert r.status_code == 422 and r.headers["content-type"].startswith("text/html")
    assert "Traceback" not in r.text and "not valid" in r.text


@pytest.mark.parametrize("path, name", [
    ("/said?speker=Pavel", "speker"), ("/timeline?date_from=%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%94", "date_from"),
    ("/map?limit=5", "limit"), ("/story?zom=week", "zom"), ("/read/inv-001?focus=S1&fcous=S2", "fcous"), ("/?offset=%EF%BC%92", "offset"),
])
def test_unknown_parameters_and_odd_digits_on_pages_get_an_html_422_naming_them(client, path, name):
    r = client.get(path)
    assert r.status_code == 422 and r.headers["content-type"].startswith("text/html")
    assert f"query.{name}" in html.unescape(r.text)


def _forms_and_links(page: str) -> list[str]:
    """Every URL of this server the page links to, and each filter form submitted as it stands."""
    urls = [html.unescape(u) for u in re.findall(r'<a [^>]*href="(/[^"#]*)', page)]
    for form in re.findall(r"<form\b.*?</form>", page, flags=re.S):
        fields = re.findall(r'<(?:input|select)[^>]*\bname="([^"]+)"(?:[^>]*\bvalue="([^"]*)")?', form)
        urls.append("?" + "&".join(f"{name}={value}" for name, value in fields))
    return urls


@pytest.mark.parametrize("start", ["/?limit=2", "/said?limit=2&speaker=a", "/map?source=x&type=ASSAULT",
                                   "/timeline?country=ua", "/read/inv-001?focus=S1", "/story?zoom=week&limit=3",
                                   "/story/claims?limit=2", "/story/contradictions", "/story/track-record?sort=open",
                                   "/story/actors?limit=2"])
def test_the_pages_own_links_and_forms_send_only_parameters_they_take(client, start):
    page = client.get(start)
    assert page.status_code == 200
    path = start.split("?")[0]
    for url in _forms_and_links(page.text):
        target = path + url if url.startswith("?") else url
        if target.startswith(("/static/", "/vendor/", "/docs")):
            continue
        r = client.get(target)
        assert r.status_code in (200, 404), (start, target, r.status_code)
        assert r.status_code == 200 or "no document" in r.text, (start, target)


def test_who_said_what_filters_and_links_to_the_sentence(client):
    page = client.get("/said?speaker=Pavel").text
    rows = re.findall(r"<tr>\s*<td class=\"date\">.*?</tr>", page, flags=re.S)
    assert rows and all("Pavel Sorokin" in r for r in rows)
    link = html.unescape(re.search(r'<a class="to-sentence" href="([^"]+)"', page).group(1))
    assert re.fullmatch(r"/read/[0-9a-f]{64}\?focus=S\d+#S\d+", link)
    assert 'class="anchor" id="' + link.split("#")[1] + '"' in client.get(link.split("#")[0]).text


def test_a_capped_map_and_timeline_say_so(client, monkeypatch):
    from dateline.web import pages

    monkeypatch.setattr(pages, "MAP_LIMIT", 3)
    monkeypatch.setattr(pages, "TIMELINE_LIMIT", 4)
    page = client.get("/map").text
    data = json.loads(page.split('<script type="application/json" id="map-data">', 1)[1].split("</script>", 1)[0])
    assert len(data["events"]) == 3  # one marker per linked event
    assert "the first 3 shown" in page
    timeline = client.get("/timeline").text
    assert timeline.count('class="event-row"') == 4 and "the first 4 shown" in timeline
