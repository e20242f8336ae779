"""Readers: text, HTML, feeds, WARC and JSON Lines into Articles, and every kind of broken
source reported with where and why, never a crash and never a silent loss."""
from __future__ import annotations

import gzip
import io
import json
from html import escape
from pathlib import Path

import pytest

from dateline.ingest import Found, Problem, ReadOptions, kind_of, read_sources
from tests.conftest import invented_article

BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>Boom</title><description>&lol9;</description></item></channel></rss>"""


def page(article: dict, *, headline_in_body: bool = False) -> str:
    """An HTML page as a news site would serve it: title and date in the usual meta tags,
    paragraphs in <p>, navigation and a footer around the article."""
    paragraphs = "".join(f"<p>{escape(p)}</p>\n" for p in article["text"].split("\n"))
    headline = f"<h1>{escape(article['title'])}</h1>" if headline_in_body else ""
    return (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{escape(article['title'])}</title>"
            f"<meta property=\"og:title\" content=\"{escape(article['title'])}\">"
            f"<meta property=\"article:published_time\" content=\"{article['published']}\">"
            f"<meta property=\"og:site_name\" content=\"{escape(article['source'])}\">"
            f"<link rel=\"canonical\" href=\"{escape(article['url'])}\"></head>"
            f"<body><header><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav></header>"
            f"<main><article>{headline}{paragraphs}</article></main>"
            f"<footer><p>Copyright the outlet. All rights reserved.</p></footer></body></html>")


def warc_bytes(pages: list[tuple[str, str]], gzipped: bool = True) -> bytes:
    """A WARC of HTML responses, plus a request record and a non-HTML response to pass over."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzipped)
    image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    records = []
    for url, html in pages:
        request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
        records.append(writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=request))
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        records.append(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode("utf-8")),
                                                 http_headers=headers))
    records.append(writer.create_warc_record("https://example.org/logo.png", "response",
                                             payload=io.BytesIO(b"\x89PNG not really"), http_headers=image))
    for record in records:
        writer.write_record(record)
        record.raw_stream.close()  # warcio spools each payload to a temporary file
    return out.getvalue()


def split(items) -> tuple[list[Found], list[Problem]]:
    items = list(items)
    return [i for i in items if isinstance(i, Found)], [i for i in items if isinstance(i, Problem)]


def test_kind_from_name_then_from_first_bytes():
    assert kind_of("a.html", b"") == "html" and kind_of("b.warc.gz", b"") == "warc"
    assert kind_of("feed.xml", b"") == "feed" and kind_of("x.jsonl", b"") == "jsonl"
    assert kind_of("saved", b"<!DOCTYPE html><html>") == "html"
    assert kind_of("saved", b'<?xml version="1.0"?><rss version="2.0">') == "feed"
    assert kind_of("saved", b"WARC/1.1\r\n") == "warc" and kind_of("saved", b"\x1f\x8b\x08") == "warc"
    assert kind_of("saved", b'{"text": "x"}') == "jsonl"
    assert kind_of("saved", b"KYIV, March 3 - Officials said") == "text"


def test_html_page_gives_main_text_and_metadata(tmp_path):
    article = invented_article(4)
    (tmp_path / "page.html").write_text(page(article), encoding="utf-8")
    found, problems = split(read_sources([str(tmp_path / "page.html")]))
    assert not problems and len(found) == 1
    got = found[0].article
    assert got.text.split() == article["text"].split()  # no menu, no footer
    assert got.title == article["title"] and got.published == article["published"]
    assert got.source == "Invented Wire" and got.url == article["url"]
    assert found[0].reader == "html" and Path(found[0].origin).is_absolute()


@pytest.mark.parametrize("html, why", [
    ("<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>", "no article text"),
    ("", "no article text"),
])
def test_html_without_an_article_is_reported(tmp_path, html, why):
    (tmp_path / "empty.html").write_text(html, encoding="utf-8")
    found, problems = split(read_sources([str(tmp_path / "empty.html")]))
    assert not found and len(problems) == 1 and why in problems[0].reason


def test_truncated_html_keeps_what_arrived(tmp_path):
    html = page(invented_article(2))
    cut = html[:html.index("The army")]  # the page stops mid-document: no closing tags
    (tmp_path / "cut.html").write_text(cut, encoding="utf-8")
    found, problems = split(read_sources([str(tmp_path / "cut.html")]))
    assert not problems and "pulling people from the rubble" in found[0].article.text
    assert "The army" not in found[0].article.text


def test_jsonl_bad_lines_are_reported_and_the_rest_read(tmp_path):
    good = [invented_article(i) for i in range(3)]
    lines = [json.dumps(good[0]), "{not json", json.dumps([1, 2]), json.dumps({"title": "no text"}),
             json.dumps({**good[1], "published": "07/03/2024"}), "", json.dumps(good[2]),
             json.dumps({"text": "A text with a numeric id.", "id": 7})]
    (tmp_path / "mixed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    found, problems = split(read_sources([str(tmp_path / "mixed.jsonl")]))
    assert [f.article.id for f in found] == ["inv-000", "inv-002"]
    assert found[0].meta == {} and found[0].locator == "line 1"
    reasons = {p.locator: p.reason for p in problems}
    assert "not JSON" in reasons["line 2"] and "not an object" in reasons["line 3"]
    assert "no text" in reasons["line 4"] and "not an ISO date" in reasons["line 5"]
    assert "must be a string" in reasons["line 8"]


def test_jsonl_keeps_extra_metadata(tmp_path):
    row = {**invented_article(1), "licence": "CC0", "story": "market-shelling", "date": "2024-03-02"}
    del row["published"]
    (tmp_path / "a.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    (found,), _ = split(read_sources([str(tmp_path / "a.jsonl")]))
    assert found.meta == {"licence": "CC0", "story": "market-shelling"}
    assert found.article.published == "2024-03-02"


def test_feed_entries_with_content_are_articles(tmp_path):
    items = []
    for i in range(2):
        a = invented_article(i)
        body = "".join(f"<p>{escape(p)}</p>" for p in a["text"].split("\n"))
        items.append(f"<item><title>{escape(a['title'])}</title><link>{a['url']}</link>"
                     f"<pubDate>Sat, 0{i + 1} Mar 2024 10:00:00 GMT</pubDate>"
                     f"<content:encoded><![CDATA[{body}]]></content:encoded></item>")
    items.append("<item><title>Teaser only</title><link>https://example.org/news/teaser</link>"
                 "<description>Read the full story on our site.</description></item>")
    feed = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Invented Wire</title>'
            + "".join(items) + "</channel></rss>")
    (tmp_path / "feed.rss").write_text(feed, encoding="utf-8")
    found, problems = split(read_sources([str(tmp_path / "feed.rss")]))
    assert [f.article.title for f in found] == ["Market shelled in Kharkiv", "Market shelled in Aleppo"]
    assert found[1].article.published == "2024-03-02T10:00:00Z" and found[0].article.source == "Invented Wire"
    assert found[0].article.text.split() == invented_article(0)["text"].split()
    assert len(problems) == 1 and problems[0].locator == "entry 3" and "--fetch-links" in problems[0].reason


def test_xml_bomb_is_refused_quickly(tmp_path):
    (tmp_path / "bomb.xml").write_text(BOMB, encoding="utf-8")
    found, problems = split(read_sources([str(tmp_path / "bomb.xml")]))
    assert not found and len(problems) == 1 and "XML entities" in problems[0].reason


def test_entities_declared_anywhere_are_refused(tmp_path):
    padded = BOMB.replace('<?xml version="1.0"?>', '<?xml version="1.0"?><!--' + "x" * 100_000 + "-->")
    (tmp_path / "padded.xml").write_text(padded, encoding="utf-8")
    (tmp_path / "wide.xml").write_bytes(BOMB.replace('<?xml version="1.0"?>', "").encode("utf-16"))
    for name in ("padded.xml", "wide.xml"):
        found, problems = split(read_sources([str(tmp_path / name)]))
        assert not found and "XML entities" in problems[0].reason, name


def test_hostile_json_lines(tmp_path):
    lines = ["[" * 100_000 + "]" * 100_000, '{"text": "A lone surrogate \\ud800 in the text."}',
             json.dumps(invented_article(1))]
    (tmp_path / "hostile.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    found, problems = split(read_sources([str(tmp_path / "hostile.jsonl")]))
    assert [f.article.id for f in found] == ["inv-001"]
    assert [p.locator for p in problems] == ["line 1", "line 2"]
    assert "nested too deeply" in problems[0].reason and "not valid Unicode" in problems[1].reason


def test_not_a_feed_is_reported(tmp_path):
    (tmp_path / "broken.xml").write_text("<?xml version='1.0'?><rss><channel><title>x</tit", encoding="utf-8")
    found, problems = split(read_sources([str(tmp_path / "broken.xml")]))
    assert not found and "no entries" in problems[0].reason


def test_warc_html_responses_are_pages(tmp_path):
    articles = [invented_article(i) for i in range(3)]
    (tmp_path / "crawl.warc.gz").write_bytes(warc_bytes([(a["url"], page(a)) for a in articles]))
    found, problems = split(read_sources([str(tmp_path / "crawl.warc.gz")]))
    assert not problems
    assert [f.article.title for f in found] == [a["title"] for a in articles]  # the request and the PNG skipped
    assert found[0].meta["warc_target_uri"] == articles[0]["url"] and found[0].locator.startswith("record at byte")


def _with_length(data: bytes, record: int, delta: int) -> bytes:
    """The WARC with the Content-Length of its `record`-th record (from 0) changed by `delta`."""
    out = bytearray(data)
    at = -1
    for _ in range(record + 1):
        at = out.index(b"Content-Length: ", at + 1)
    end = out.index(b"\r\n", at)
    out[at + 16:end] = str(int(out[at + 16:end]) + delta).encode()
    return bytes(out)


def test_warc_records_with_wrong_lengths_are_reported(tmp_path):
    articles = [invented_article(i) for i in range(3)]
    plain = warc_bytes([(a["url"], page(a)) for a in articles], gzipped=False)
    # records: request, response, request, response, request, response, png
    (tmp_path / "short.warc").write_bytes(_with_length(plain, 3, -40))
    found, problems = split(read_sources([str(tmp_path / "short.warc")]))
    assert [f.article.title for f in found] == [articles[0]["title"], articles[2]["title"]]
    assert len(problems) == 1 and "length" in problems[0].reason
    (tmp_path / "long.warc").write_bytes(_with_length(plain, 3, +200))
    found, problems = split(read_sources([str(tmp_path / "long.warc")]))
    assert [f.article.title for f in found] == [articles[0]["title"]]
    assert any("cannot be read past" in p.reason for p in problems)
    last_page = plain.rindex(b"</html>")  # the file ends inside the third page's record
    (tmp_path / "cut.warc").write_bytes(plain[:last_page - 100])
    found, problems = split(read_sources([str(tmp_path / "cut.warc")]))
    assert [f.article.title for f in found] == [a["title"] for a in articles[:2]]
    assert len(problems) == 1 and "truncated" in problems[0].reason


def test_truncated_gzip_warc_keeps_the_records_before(tmp_path):
    articles = [invented_article(i) for i in range(3)]
    data = warc_bytes([(a["url"], page(a)) for a in articles])
    (tmp_path / "cut.warc.gz").write_bytes(data[:len(data) * 2 // 3])
    found, problems = split(read_sources([str(tmp_path / "cut.warc.gz")]))
    assert 1 <= len(found) < 3 and any("ends in the middle" in p.reason for p in problems)


def test_garbage_warc_is_reported(tmp_path):
    (tmp_path / "junk.warc").write_bytes(b"this is not an archive\n" * 10)
    found, problems = split(read_sources([str(tmp_path / "junk.warc")]))
    assert not found and len(problems) == 1
    assert "cannot be read" in problems[0].reason or "no HTML response" in problems[0].reason


def test_folder_is_read_recursively_and_a_vanished_file_is_reported(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").write_text("not read", encoding="utf-8")
    for i, name in enumerate(("a.txt", "b.txt", "sub/c.txt")):
        (tmp_path / name).write_text(invented_article(i)["text"], encoding="utf-8")
    items = read_sources([str(tmp_path)])
    first = next(items)
    (tmp_path / "b.txt").unlink()  # vanishes while the run is on
    found, problems = split([first, *items])
    assert [Path(f.origin).name for f in found] == ["a.txt", "c.txt"]
    assert len(problems) == 1 and "b.txt" in problems[0].origin and "vanished" in problems[0].reason


def test_missing_and_binary_files_are_reported(tmp_path):
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    found, problems = split(read_sources([str(tmp_path / "nope.txt"), str(tmp_path / "image.txt")]))
    assert not found and "no such file" in problems[0].reason and "binary" in problems[1].reason


def test_forced_kind(tmp_path):
    (tmp_path / "story.dat").write_text("<p>Officials said the town was shelled overnight, "
                                        "killing four people and wounding eleven.</p>", encoding="utf-8")
    (found,), _ = split(read_sources([str(tmp_path / "story.dat")], ReadOptions(kind="text")))
    assert found.article.text.startswith("<p>Officials")
    (found,), _ = split(read_sources([str(tmp_path / "story.dat")], ReadOptions(kind="html")))
    assert found.article.text.startswith("Officials")


def test_gzip_text_is_not_mistaken_for_an_article(tmp_path):
    (tmp_path / "notes.txt.gz").write_bytes(gzip.compress(b"hello"))
    found, problems = split(read_sources([str(tmp_path / "notes.txt.gz")]))
    assert not found and problems


# -- issue 18, item 3: what is read is capped, whatever the source --------------------------

@pytest.fixture
def small_cap(monkeypatch):
    """A cap of 64 KiB instead of 64 MiB, so that going past it costs the test nothing."""
    from dateline.ingest import source

    monkeypatch.setattr(source, "MAX_SOURCE_BYTES", 64 * 1024)
    return 64 * 1024


def test_a_device_without_end_is_read_no_further_than_the_cap(small_cap):
    # /dev/zero says its size is 0: a cap on the size it says reads until memory runs out
    found, problems = split(read_sources(["/dev/zero"], ReadOptions(kind="text")))
    assert not found and len(problems) == 1
    assert "more than the limit" in problems[0].reason and problems[0].code == "D105"


def test_a_pipe_named_as_a_source_is_read_once_and_whole(tmp_path):
    """A FIFO named on the command line (or /dev/fd/N from a shell) can be read only once:
    its first bytes are not lost to the guess of its kind."""
    import os
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    text = " ".join(invented_article(i)["text"] for i in range(40))  # well past the 4096 bytes sniffed
    assert len(text) > 8192

    def write() -> None:
        with open(fifo, "w", encoding="utf-8") as f:
            f.write(text)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    result: list = []
    reader = threading.Thread(target=lambda: result.extend(read_sources([str(fifo)])), daemon=True)
    reader.start()
    reader.join(timeout=20)
    if reader.is_alive():  # blocked opening the pipe a second time: let it go before failing
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        reader.join(timeout=5)
        pytest.fail("the pipe was opened twice: the reader waited for a second writer")
    (found,), problems = split(result)
    assert not problems and found.article.text == text


# -- issue 18, item 5: nothing in a folder is passed over without a word ------------------

def test_what_a_folder_holds_besides_readable_files_is_reported(tmp_path):
    import os

    folder = tmp_path / "reports"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(invented_article(0)["text"], encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "b.txt").write_text(invented_article(1)["text"], encoding="utf-8")
    (folder / "more").symlink_to(elsewhere)  # a link to a folder is followed
    (folder / "gone.txt").symlink_to(tmp_path / "deleted.txt")
    (folder / "loop1.txt").symlink_to(folder / "loop2.txt")
    (folder / "loop2.txt").symlink_to(folder / "loop1.txt")
    (folder / "sub" / "up").symlink_to(folder)  # walking it would never end
    os.mkfifo(folder / "queue.txt")  # opened, it would wait for a writer forever
    (folder / "empty.jsonl").write_bytes(b"")
    (folder / "blank.jsonl").write_bytes(b"\n  \n")
    found, problems = split(read_sources([str(folder)]))
    assert sorted(Path(f.origin).name for f in found) == ["a.txt", "b.txt"]
    why = {Path(p.origin).name: p.reason for p in problems}
    assert set(why) == {"gone.txt", "loop1.txt", "loop2.txt", "up", "queue.txt", "empty.jsonl", "blank.jsonl"}, why
    assert "dangling" in why["gone.txt"] and "deleted.txt" in why["gone.txt"]
    assert "loop" in why["loop1.txt"] and "loop" in why["loop2.txt"] and "loop" in why["up"]
    assert "FIFO" in why["queue.txt"]
    assert "no JSON lines" in why["empty.jsonl"] and "no JSON lines" in why["blank.jsonl"]
    assert all(p.origin.startswith(str(folder)) for p in problems)  # each named where it is met


def test_an_unreadable_subfolder_is_reported(tmp_path, monkeypatch):
    """Root reads a folder whatever its mode, so the refusal is simulated where the walk asks
    the system for the folder's entries."""
    import os

    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "c.txt").write_text(invented_article(2)["text"], encoding="utf-8")
    (tmp_path / "a.txt").write_text(invented_article(0)["text"], encoding="utf-8")
    scandir = os.scandir

    def refusing(path="."):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    found, problems = split(read_sources([str(tmp_path)]))
    assert [Path(f.origin).name for f in found] == ["a.txt"]
    assert len(problems) == 1 and problems[0].origin.endswith("locked") and "Permission denied" in problems[0].reason


@pytest.mark.skipif(not hasattr(__import__("os"), "geteuid") or __import__("os").geteuid() == 0,
                    reason="root reads a folder whatever its mode; the test above simulates the refusal")
def test_an_unreadable_subfolder_is_reported_for_real(tmp_path):
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "c.txt").write_text(invented_article(2)["text"], encoding="utf-8")
    (tmp_path / "a.txt").write_text(invented_article(0)["text"], encoding="utf-8")
    (tmp_path / "locked").chmod(0)
    try:
        found, problems = split(read_sources([str(tmp_path)]))
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert [Path(f.origin).name for f in found] == ["a.txt"]
    assert len(problems) == 1 and problems[0].origin.endswith("locked") and "Permission denied" in problems[0].reason


def test_a_file_name_that_is_not_utf8_is_kept_by_its_bytes(tmp_path):
    """Python holds such a name's bytes as lone surrogates, which no store can write: the
    article is kept, its origin names the bytes."""
    import os

    name = os.path.join(os.fsencode(tmp_path), b"report-\xff.txt")
    with open(name, "wb") as f:
        f.write(invented_article(0)["text"].encode())
    (found,), problems = split(read_sources([str(tmp_path)]))
    assert not problems and found.origin.endswith("report-\\xff.txt")
    found.origin.encode("utf-8")
