"""The page in a real browser: Playwright drives Debian's Chromium against `dateline serve`
running on a real store. Screenshots go to test-artifacts/screenshots/.

These skip, saying why, where /usr/bin/chromium is absent (`make test` installs it where
it can: as root with apt-get)."""
from __future__ import annotations

import re
import threading
import time

import pytest

from dateline.cli import LOOPBACK_NAMES
from dateline.web import create_app
from dateline.web.app import vendor_missing
from dateline.store.queries import date_start

from .conftest import HOSTILE_TITLE, ROOT

pytestmark = pytest.mark.browser

SHOTS = ROOT / "test-artifacts" / "screenshots"


class LiveServer:
    """uvicorn serving an app on a free port of 127.0.0.1, in a thread of the test process."""

    def __init__(self, app):
        import uvicorn

        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}"

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def dev_site(dev_db):
    with LiveServer(create_app(dev_db, hosts=LOOPBACK_NAMES)) as url:
        yield url


@pytest.fixture(scope="module")
def invented_site(invented_db):
    with LiveServer(create_app(invented_db, hosts=LOOPBACK_NAMES)) as url:
        yield url


# what each store is filtered by: the dev corpus of ../shared, and the invented corpus that
# a fresh clone has too
SITES = {
    "dev": {"speaker": "Hotak", "map_filter": ("type", "PROTEST"), "country": "AF", "outlet": "Wikinews"},
    "invented": {"speaker": "Mbeki", "map_filter": ("country", "UA"), "country": "UA", "outlet": "Invented Wire"},
}


@pytest.fixture(params=sorted(SITES))
def site(request) -> tuple[str, dict]:
    return request.getfixturevalue(f"{request.param}_site"), SITES[request.param]


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def api(page, url: str) -> dict:
    return page.request.get(url).json()


def test_seed_article_highlights_speaker_cue_and_content(page, dev_site):
    record = api(page, f"{dev_site}/documents/seed")
    page.goto(f"{dev_site}/read/seed")
    text = record["document"]["text"]
    for s in record["statements"]:
        for part in ("speaker", "cue", "content"):
            shown = page.eval_on_selector_all(
                f"#text span.{part}", "(spans, id) => spans.filter(s => s.dataset.items.split(' ').includes(id))"
                                      ".map(s => s.textContent).join('')", s["id"])
            assert shown == text[s[part]["start"]:s[part]["end"]], (s["id"], part)
    triggers = page.locator("#text span.trigger").count()
    figures = page.locator("#text span.figure").count()
    assert triggers >= len(record["events"]) > 0 and figures >= len(record["figures"]) > 0
    # the layers look different from one another
    style = "el => getComputedStyle(el)"
    speaker = page.locator("#text span.speaker").first.evaluate(f"{style}.color")
    content = page.locator("#text span.content").first.evaluate(f"{style}.backgroundColor")
    assert speaker != "rgb(29, 35, 42)" and content != "rgba(0, 0, 0, 0)"
    # a click on a marked word selects its card
    first = record["statements"][0]["id"]
    page.locator("#text span.speaker").first.click()
    assert "selected" in page.locator(f"#card-{first}").get_attribute("class")
    shot(page, "seed-article")


def test_map_shows_a_marker_per_linked_event_on_an_offline_basemap(page, site):
    url, case = site
    if vendor_missing():
        pytest.skip(f"front-end assets missing ({', '.join(vendor_missing())}): run `make install`")
    page.goto(f"{url}/map")
    page.wait_for_selector("#map[data-basemap=loaded]", timeout=15000)
    markers = page.evaluate("JSON.parse(document.getElementById('map-data').textContent).events.length")
    assert markers > 5
    assert page.locator("path.event-marker").count() == markers
    assert page.locator(".leaflet-overlay-pane canvas").count() >= 1  # the country outlines, on a canvas
    page.locator("path.event-marker").last.click()  # drawn last, so on top of any it overlaps
    popup = page.locator(".leaflet-popup-content a").first
    popup.wait_for()
    page.wait_for_timeout(400)  # let the popup fade in for the screenshot
    assert re.search(r"/read/[0-9a-f]{64}\?focus=V\d+#V\d+$", popup.get_attribute("href"))
    shot(page, f"map-{case['outlet'].split()[0].lower()}")


def test_map_filter_narrows_the_markers(page, site):
    url, case = site
    if vendor_missing():
        pytest.skip(f"front-end assets missing ({', '.join(vendor_missing())}): run `make install`")
    page.goto(f"{url}/map")
    before = page.locator("path.event-marker").count()
    name, value = case["map_filter"]
    if name == "type":
        page.select_option(f"select[name={name}]", value)
    else:
        page.fill(f"input[name={name}]", value)
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(f"{name}={value}"))
    linked = api(page, f"{url}/linked-events?{name}={value}&limit=500")["items"]
    expected = sum(e["place"] is not None for e in linked)  # one marker per linked event with a point
    assert 0 < page.locator("path.event-marker").count() == expected < before


def test_who_said_what_filter_and_link_to_the_sentence(page, site):
    dev_site, case = site
    speaker = case["speaker"]
    page.goto(f"{dev_site}/said")
    page.fill("input[name=speaker]", speaker)
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(f"speaker={speaker}"))
    rows = page.locator("#statements tbody tr")
    assert rows.count() > 0
    for i in range(rows.count()):
        assert speaker in rows.nth(i).locator("td").nth(1).inner_text()
    shot(page, f"who-said-what-{speaker.lower()}")
    link = rows.first.locator("a.to-sentence")
    href = link.get_attribute("href")
    doc, item = re.fullmatch(r"/read/([0-9a-f]{64})\?focus=(S\d+)#S\d+", href).groups()
    link.click()
    page.wait_for_url(re.compile(re.escape(href.split("#")[0])))
    record = api(page, f"{dev_site}/documents/{doc}")
    statement = next(s for s in record["statements"] if s["id"] == item)
    sentence = record["document"]["text"][statement["sentence"]["start"]:statement["sentence"]["end"]]
    assert "".join(page.locator("#text span.focus").all_text_contents()) == sentence
    assert page.locator("#text span.focus").first.is_visible()
    assert page.evaluate("location.hash") == f"#{item}"
    top = page.locator("#text span.focus").first.bounding_box()["y"]
    assert 0 <= top < 900  # scrolled to it
    assert "focus" in page.locator(f"#card-{item}").get_attribute("class")
    shot(page, f"sentence-from-table-{speaker.lower()}")


def test_timeline_lists_events_by_day_with_their_sources(page, site):
    dev_site, case = site
    page.goto(f"{dev_site}/timeline?country={case['country']}")
    days = page.locator("#timeline > li.day time").all_text_contents()
    assert len(days) >= 2
    starts = [date_start(d) for d in days if date_start(d)]  # days, months, years and ISO weeks
    assert len(starts) >= len(days) - 1 and starts == sorted(starts)
    total = api(page, f"{dev_site}/events?country={case['country']}")["total"]
    assert page.locator("#timeline li.event-row").count() == total
    assert case["outlet"] in page.locator("#timeline li.event-row").first.inner_text()
    shot(page, f"timeline-{case['country'].lower()}")


@pytest.mark.no_csp
def test_markup_in_an_article_renders_as_text(page, invented_site):
    for path in ("/read/hostile", "/", "/said?q=Nobody", "/timeline", "/map"):
        page.goto(f"{invented_site}{path}")
        page.wait_for_load_state("load")
        assert page.evaluate("typeof window.__pwned") == "undefined", path
        assert page.locator("#text img, #text b, #text script, h1 script, td b, td img").count() == 0, path
    page.goto(f"{invented_site}/read/hostile")
    assert page.inner_text("h1") == HOSTILE_TITLE
    assert page.locator("a[href^='javascript' i], a[href*='javascript:' i]").count() == 0
    assert "<script>window.__pwned = 'quote'</script>" in page.inner_text("#text")
    page.goto(f"{invented_site}/said?q=Nobody")
    assert "<b>Nobody</b>" in page.inner_text("#statements")
    shot(page, "hostile-article")
