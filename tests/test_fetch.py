"""Fetching: only what the user asked for, never a private address unless allowed, with a
size limit, a time limit and every redirect checked. A server on 127.0.0.1 stands in for
the web: refused by default, fetched once it is on the allow-list."""
from __future__ import annotations

import http.server
import threading
import time
from html import escape

import pytest

from dateline.cli import main
from dateline.errors import FetchError
from dateline.ingest import Found, Problem, ReadOptions, read_sources
from dateline.ingest.fetch import FetchPolicy, fetch, is_public
from tests.conftest import invented_article


def _page(i: int) -> bytes:
    a = invented_article(i)
    body = "".join(f"<p>{escape(p)}</p>" for p in a["text"].split("\n"))
    return (f"<html><head><title>{escape(a['title'])}</title>"
            f"<meta property=\"article:published_time\" content=\"{a['published']}\"></head>"
            f"<body><article>{body}</article></body></html>").encode()


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (the http.server API)
        routes = {
            "/story": (200, "text/html; charset=utf-8", _page(1)),
            "/feed": (200, "application/rss+xml", (
                '<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title>'
                f'<item><title>Linked</title><link>http://{self.headers["Host"]}/story</link></item>'
                '</channel></rss>').encode()),
            "/huge": (200, "text/html", b"<html><body><p>" + b"word " * 300_000 + b"</p></body></html>"),
        }
        if self.path == "/moved":
            self._send(302, "text/plain", b"", location="/story")
        elif self.path == "/to-metadata":
            self._send(302, "text/plain", b"", location="http://169.254.169.254/latest/meta-data/")
        elif self.path == "/trickle":  # a byte at a time: each read is quick, the whole never ends
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(40):
                self.wfile.write(b"<")
                self.wfile.flush()
                time.sleep(0.1)
        elif self.path == "/bad-redirect":
            self._send(302, "text/plain", b"", location="http://[::1/")
        elif self.path == "/slow":
            time.sleep(3)
            self._send(200, "text/html", _page(2))
        elif self.path in routes:
            self._send(*routes[self.path])
        else:
            self._send(404, "text/plain", b"not here")

    def _send(self, status, ctype, body, location=None):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        if location:
            self.send_header("Location", location)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


ALLOW = FetchPolicy(allow=frozenset({"127.0.0.1"}))


@pytest.mark.parametrize("address, public", [
    ("8.8.8.8", True), ("2001:4860:4860::8888", True),
    ("127.0.0.1", False), ("10.1.2.3", False), ("192.168.0.1", False), ("172.16.5.4", False),
    ("169.254.169.254", False), ("::1", False), ("fe80::1", False), ("fc00::1", False),
    ("::ffff:127.0.0.1", False), ("100.64.0.1", False), ("0.0.0.0", False), ("224.0.0.1", False),
    # IPv4 inside IPv6: NAT64, 6to4, compatible; all lead to the IPv4 address
    ("64:ff9b::a9fe:a9fe", False), ("64:ff9b:1::a00:1", False), ("2002:7f00:1::", False), ("::127.0.0.1", False),
    ("64:ff9b::808:808", True), ("192.0.0.8", False), ("fe80::1%eth0", False),
])
def test_public_addresses(address, public):
    assert is_public(address) is public


def test_loopback_is_refused_without_the_allow_list(server):
    with pytest.raises(FetchError, match="private, loopback or link-local"):
        fetch(f"{server}/story", FetchPolicy())
    page = fetch(f"{server}/story", ALLOW)
    assert page.content_type.startswith("text/html") and b"Aleppo" in page.body


def test_localhost_by_name_is_refused_too(server):
    port = server.rsplit(":", 1)[1]
    with pytest.raises(FetchError, match="resolves to 127.0.0.1"):
        fetch(f"http://localhost:{port}/story", FetchPolicy())


def test_every_redirect_is_checked(server):
    assert fetch(f"{server}/moved", ALLOW).url == f"{server}/story"
    with pytest.raises(FetchError, match="169.254.169.254"):
        fetch(f"{server}/to-metadata", ALLOW)


def test_limits(server):
    with pytest.raises(FetchError, match="limit"):
        fetch(f"{server}/huge", FetchPolicy(allow=ALLOW.allow, max_bytes=100_000))
    with pytest.raises(FetchError, match="timed out|Timeout"):
        fetch(f"{server}/slow", FetchPolicy(allow=ALLOW.allow, timeout=0.5))
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch(f"{server}/missing", ALLOW)
    with pytest.raises(FetchError, match="only http and https"):
        fetch("file:///etc/passwd", ALLOW)


def test_a_trickling_server_cannot_hold_the_fetch(server):
    start = time.monotonic()
    with pytest.raises(FetchError, match="timed out"):
        fetch(f"{server}/trickle", FetchPolicy(allow=ALLOW.allow, timeout=1.0))
    assert time.monotonic() - start < 2.5


@pytest.mark.parametrize("url", ["http://example.org:99999/", "http://[::1/", "http://example.org:abc/",
                                 "http://" + "a" * 64 + ".example/"])
def test_malformed_urls_are_refused_with_a_reason(url):
    with pytest.raises(FetchError):
        fetch(url, FetchPolicy(timeout=2))


def test_a_malformed_redirect_is_refused(server):
    with pytest.raises(FetchError, match="redirect"):
        fetch(f"{server}/bad-redirect", ALLOW)


def test_a_url_source_is_read_as_what_it_serves(server):
    items = list(read_sources([f"{server}/story"], ReadOptions(policy=ALLOW)))
    assert isinstance(items[0], Found) and items[0].article.title == "Market shelled in Aleppo"
    assert items[0].article.url == f"{server}/story" and items[0].reader == "html"
    refused = list(read_sources([f"{server}/story"], ReadOptions(policy=FetchPolicy())))
    assert isinstance(refused[0], Problem) and "refused" in refused[0].reason


def test_feed_links_are_fetched_only_when_asked(server):
    (item,) = read_sources([f"{server}/feed"], ReadOptions(policy=ALLOW))
    assert isinstance(item, Problem) and "--fetch-links" in item.reason
    (item,) = read_sources([f"{server}/feed"], ReadOptions(policy=ALLOW, fetch_links=True))
    assert isinstance(item, Found) and item.article.title == "Linked" and "Aleppo" in item.article.text
    assert item.article.source == "Local Wire" and item.article.published == "2024-03-02"


def test_extract_a_url_from_the_command_line(server, capsys, monkeypatch):
    monkeypatch.delenv("DATELINE_FETCH_ALLOW", raising=False)
    assert main(["extract", f"{server}/story", "--compact"]) == 1
    assert "refused" in capsys.readouterr().err
    assert main(["extract", f"{server}/story", "--compact", "--allow-host", "127.0.0.1"]) == 0
    out = capsys.readouterr().out
    assert '"title": "Market shelled in Aleppo"' in out and '"published": "2024-03-02"' in out
