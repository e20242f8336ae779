"""The story pages in a real browser (Playwright, Debian's Chromium) on the invented story
of tests/story_corpus.py: each view loads from the navigation bar, its numbers are the
API's, a contradiction's sentences are highlighted in their articles, the refuted claim's
history shows the refuting reports, the map has one marker per linked event with a point
and no line across the antimeridian, and markup in any field stays text. Screenshots go
to test-artifacts/screenshots/story-*.png.

These skip, saying why, where /usr/bin/chromium is absent."""
from __future__ import annotations

import re

import pytest

from dateline.cli import LOOPBACK_NAMES
from dateline.web import create_app
from dateline.web.app import vendor_missing

from .story_corpus import HOSTILE_OUTLET
from .test_browser import LiveServer, api, shot

pytestmark = pytest.mark.browser

NAV = {"Story": "/story", "Claims": "/story/claims", "Contradictions": "/story/contradictions",
       "Track record": "/story/track-record"}


@pytest.fixture(scope="module")
def story_site(story_db):
    with LiveServer(create_app(story_db, hosts=LOOPBACK_NAMES)) as url:
        yield url


def everything(page, url: str) -> dict:
    return api(page, url + ("&" if "?" in url else "?") + "limit=500")


def test_every_page_leads_to_the_story_views_from_its_navigation_bar(page, story_site):
    first = everything(page, f"{story_site}/linked-events")["items"][0]["reports"][0]
    for path in ("/", "/said", "/timeline", "/map", f"/read/{first['doc']}", *NAV.values(), "/story/actors"):
        page.goto(f"{story_site}{path}")
        for label, target in NAV.items():
            link = page.locator("header.topbar nav a", has_text=re.compile(f"^{label}$"))
            assert link.count() == 1 and link.get_attribute("href") == target, (path, label)
    page.goto(f"{story_site}/")
    for label, target in NAV.items():
        page.locator("header.topbar nav a", has_text=re.compile(f"^{label}$")).click()
        page.wait_for_url(f"{story_site}{target}")
        assert page.locator("h1").inner_text().lower().startswith(label.lower().split()[0])


def test_story_timeline_counts_are_the_apis(page, story_site):
    page.goto(f"{story_site}/story")
    story = everything(page, f"{story_site}/linked-events?background=no")
    cards = page.locator("#story li.linked-event")
    assert cards.count() == story["total"] >= 5  # the story's five happenings of its own days
    shown = [c.get_attribute("data-id") for c in cards.all()]
    assert shown == [e["id"] for e in story["items"]]  # newest first, as the API orders them
    for e in story["items"]:
        card = page.locator(f"#story li.linked-event[data-id='{e['id']}']")
        assert card.locator(".report-count").inner_text() == str(e["report_count"])
        assert card.locator(".outlet-count").inner_text() == str(e["outlet_count"])
        if e["outlets"]:
            assert card.locator(".outlets").inner_text() == ", ".join(e["outlets"])
    disputed = page.locator("#story li.linked-event", has=page.locator(".factuality-disputed"))
    assert disputed.count() == 1 and "Disputed" in disputed.inner_text()
    assert "4 report(s) from 4 outlet(s)" in disputed.inner_text()
    # the uprising of 2011 is background, kept below the story's days
    background = everything(page, f"{story_site}/linked-events?background=yes")
    assert page.locator("#background li.linked-event").count() == background["total"] == 1
    assert "2011-03-18" in page.locator("#background").inner_text()
    assert "2011" not in "".join(page.locator("#story .day-head time").all_text_contents())
    shot(page, "story-timeline")


@pytest.mark.parametrize("zoom, pattern", [("day", r"\d{4}-\d{2}-\d{2}"), ("week", r"\d{4}-W\d{2}"),
                                           ("month", r"\d{4}-\d{2}")])
def test_story_zooms_by_day_week_and_month(page, story_site, zoom, pattern):
    page.goto(f"{story_site}/story")
    page.select_option("select[name=zoom]", zoom)
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(f"zoom={zoom}"))
    heads = page.locator("#story .day-head time").all_text_contents()
    assert heads and all(re.fullmatch(pattern, h) or h == "undated" for h in heads)
    assert heads == sorted(heads, reverse=True) or heads[-1] == "undated"
    assert page.locator("#story li.linked-event").count() == \
        everything(page, f"{story_site}/linked-events?background=no")["total"]
    if zoom == "week":
        shot(page, "story-by-week")


def test_contradiction_sides_stand_side_by_side_with_their_sentences_highlighted(page, story_site):
    listing = everything(page, f"{story_site}/contradictions")
    page.goto(f"{story_site}/story/contradictions")
    assert page.locator("#contradictions li.contradiction").count() == listing["total"] >= 2
    shot(page, "story-contradictions")
    for x in listing["items"]:
        page.goto(f"{story_site}/story/contradictions/{x['id']}")
        sides = page.locator("#sides section.side")
        assert sides.count() == len(x["sides"]) >= 2
        boxes = [sides.nth(n).bounding_box() for n in range(sides.count())]
        # next to each other
        assert all(abs(b["y"] - boxes[0]["y"]) < 2 for b in boxes) and boxes[0]["x"] < boxes[1]["x"]
        for n, side in enumerate(x["sides"]):
            for item in side["items"]:
                record = api(page, f"{story_site}/documents/{item['doc']}")
                found = next(i for layer in ("statements", "events", "figures") for i in record[layer]
                             if i["id"] == item["item"])
                sentence = record["document"]["text"][found["sentence"]["start"]:found["sentence"]["end"]]
                article = sides.nth(n).locator(f"article[data-doc='{item['doc']}'][data-items~='{item['item']}']")
                assert "".join(article.locator("span.focus").all_text_contents()) == sentence
                assert (item["source"] or "unknown outlet") in sides.nth(n).locator(".outlets").inner_text()
        focus = sides.nth(0).locator("span.focus").first
        assert focus.is_visible()
        shot(page, f"story-contradiction-{x['kind']}")


def test_the_refuted_denial_shows_its_history_with_the_refuting_reports(page, story_site):
    claims = everything(page, f"{story_site}/claims")
    page.goto(f"{story_site}/story/claims")
    assert page.locator("#claims li.claim").count() == claims["total"]
    denial = next(c for c in claims["items"] if c["stance"] == "deny" and c["status"] == "refuted")
    card = page.locator(f"#claims li.claim[data-id='{denial['id']}']")
    card.scroll_into_view_if_needed()
    assert card.locator("h3 .status-refuted").inner_text() == "refuted"
    assert card.locator(".report-count").inner_text() == str(denial["report_count"])
    entry = card.locator(".history-entry")
    assert entry.count() == len(denial["history"]) == 1
    assert "2031-06-03" in entry.inner_text() and "refuted" in entry.inner_text()
    links = entry.locator(".evidence a")
    hrefs = sorted(links.nth(n).get_attribute("href") for n in range(links.count()))
    assert hrefs == sorted(e["sentence"] for e in denial["history"][0]["evidence"])
    assert "Harrow Wire" in entry.inner_text() and "entered Hama" in entry.inner_text()  # who refuted it, and how
    shot(page, "story-claims")
    links.first.click()  # to the refuting report's sentence in its article
    page.wait_for_url(re.compile(r"/read/[0-9a-f]{64}\?focus=V\d+"))
    assert page.locator("#text span.focus").count() > 0


def test_track_record_sorts_and_its_numbers_open_the_claims_behind_them(page, story_site):
    rows = everything(page, f"{story_site}/track-record")
    page.goto(f"{story_site}/story/track-record")
    assert page.locator("#track-record tbody tr").count() == rows["total"]
    page.locator("#track-record thead a", has_text="Refuted").click()
    page.wait_for_url(re.compile("sort=refuted"))
    shown = [int(t) for t in page.locator("#track-record td[data-column=refuted]").all_text_contents()]
    assert shown == sorted(shown, reverse=True) and shown[0] == 2
    shot(page, "story-track-record")
    army = page.locator("#track-record tr[data-kind=speaker][data-name=army]")
    army.locator("td[data-column=refuted] a").click()
    page.wait_for_url(re.compile("track_name=army"))
    assert page.locator("#claims li.claim").count() == 2
    assert all(s == "refuted" for s in page.locator("#claims li.claim").evaluate_all(
        "cards => cards.map(c => c.dataset.status)"))


def test_an_actor_page_lists_its_names_events_and_claims(page, story_site):
    page.goto(f"{story_site}/story")
    link = page.locator("#story a.actor", has_text="Turkey").first
    link.click()
    page.wait_for_url(re.compile(r"/story/actors/\d+$"))
    actor_id = int(page.url.rsplit("/", 1)[1])
    actor = api(page, f"{story_site}/actors/{actor_id}")
    assert page.locator("h1").inner_text().startswith(actor["name"])
    assert page.locator("#aliases .alias").all_text_contents() == actor["aliases"]
    assert page.locator("#count-actor").inner_text() == str(actor["as_actor"]) == "1"
    assert page.locator("#count-target").inner_text() == str(actor["as_target"])
    assert page.locator("#count-claims").inner_text() == str(actor["claims"])
    assert page.locator("#as-actor li").count() == actor["as_actor"]
    shot(page, "story-actor")


def test_an_actors_name_leads_to_its_page_from_the_article_the_timeline_and_who_said_what(page, story_site):
    actors = everything(page, f"{story_site}/actors")["items"]
    turkey = next(a for a in actors if "Turkey" in a["aliases"])
    terzi = next(a for a in actors if any("Terzi" in n for n in a["aliases"]))
    sent = everything(page, f"{story_site}/events?actor=Turkey")["items"]
    assert sent, "the invented story has Turkey sending troops"
    page.goto(f"{story_site}/read/{sent[0]['doc']}")
    link = page.locator("#cards a.actor", has_text="Turkey").first
    assert link.get_attribute("href") == f"/story/actors/{turkey['id']}"
    shot(page, "story-article-actors")
    link.click()
    page.wait_for_url(f"{story_site}/story/actors/{turkey['id']}")
    assert page.locator("h1").inner_text().startswith(turkey["name"])
    page.goto(f"{story_site}/timeline")
    assert page.locator("#timeline a.actor", has_text="Turkey").first.get_attribute("href") == \
        f"/story/actors/{turkey['id']}"
    page.goto(f"{story_site}/said?speaker=Terzi")
    speakers = page.locator("#statements a.actor")
    assert speakers.count() >= 1
    assert {h for h in speakers.evaluate_all("links => links.map(a => a.getAttribute('href'))")} == \
        {f"/story/actors/{terzi['id']}"}
    # a description that no actor was made of stays plain text
    assert page.locator("#statements span.actor").count() + speakers.count() == page.locator("#statements tbody tr").count()


def test_the_map_has_one_marker_per_linked_event_and_no_line_across_the_antimeridian(page, story_site):
    if vendor_missing():
        pytest.skip(f"front-end assets missing ({', '.join(vendor_missing())}): run `make install`")
    located = [e for e in everything(page, f"{story_site}/linked-events")["items"] if e["place"]]
    page.goto(f"{story_site}/map")
    page.wait_for_selector("#map[data-basemap=loaded]", timeout=15000)
    assert page.locator("path.event-marker").count() == len(located) > 5
    by_precision = {p: sum(e["place"]["precision"] == p for e in located) for p in ("town", "region", "country")}
    for precision, n in by_precision.items():
        assert page.locator(f"path.event-marker.precision-{precision}").count() == n, precision
    assert by_precision["country"] >= 1 and by_precision["town"] >= 1
    dashes = {p: page.locator(f"path.precision-{p}").first.get_attribute("stroke-dasharray")
              for p, n in by_precision.items() if n}
    assert dashes["town"] in (None, "") and dashes["country"]  # a country's middle is drawn as a dotted ring
    radii = page.evaluate("""() => { const r = []; window.datelineMap.eachLayer(l => {
        if (l.getRadius && l.options.className) r.push(l.getRadius()); }); return r; }""")
    assert max(radii) > min(radii)  # sized by reports
    assert page.locator("#map-legend li").count() == 4
    # no edge of the basemap's outlines spans more than half the world: nothing drawn across it
    longest = page.evaluate("""() => { let worst = 0;
        const walk = (ll) => { if (!Array.isArray(ll)) return; if (ll.length && ll[0].lng !== undefined) {
            const open = ll.length > 1 && Math.abs(ll[0].lng - ll[ll.length - 1].lng) > 180;
            for (let i = 1; i < ll.length; i++) if (Math.abs(ll[i].lat) < 85 && Math.abs(ll[i-1].lat) < 85)
                worst = Math.max(worst, Math.abs(ll[i].lng - ll[i-1].lng));
            if (open && Math.abs(ll[0].lat) < 84 ) worst = Math.max(worst, 999); } else ll.forEach(walk); };
        window.datelineBasemap.eachLayer(l => walk(l.getLatLngs())); return worst; }""")
    assert longest < 180
    page.locator("path.event-marker").last.click()  # drawn last, so on top of any it overlaps
    page.locator(".leaflet-popup-content a").first.wait_for()
    page.wait_for_timeout(1000)  # the popup fades in and the map pans to it
    shot(page, "story-map")


@pytest.mark.no_csp
def test_markup_in_any_field_renders_as_text_on_the_story_pages(page, story_site):
    x = everything(page, f"{story_site}/contradictions?kind=denial")["items"][0]
    paths = ("/story", "/story/claims", "/story/contradictions", f"/story/contradictions/{x['id']}",
             "/story/track-record", "/story/actors", "/map")
    for path in paths:
        page.goto(f"{story_site}{path}")
        page.wait_for_load_state("load")
        assert page.evaluate("typeof window.__pwned") == "undefined", path
        assert page.locator("main b, main i, main img, main script:not([type='application/json'])").count() == 0, path
        assert page.locator("a[href^='javascript' i]").count() == 0, path
    page.goto(f"{story_site}/story/track-record?kind=source")
    assert HOSTILE_OUTLET in page.inner_text("#track-record")
    page.goto(f"{story_site}/story/claims")
    assert "spokeswoman for the <i>rebel</i> council" in page.inner_text("#claims")
    page.goto(f"{story_site}/story/contradictions/{x['id']}")
    assert HOSTILE_OUTLET in page.inner_text("#sides")
    shot(page, "story-hostile-text")
