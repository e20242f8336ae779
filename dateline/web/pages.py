"""The analyst's pages, rendered on the server: articles with their layers in place, who
said what, a map and a timeline of events. Every value reaches the HTML through Jinja's
autoescaping (and data for scripts through its `tojson`), so article text stays text."""
from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

import jinja2
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from ..store import corpus, queries
from ..store.corpus import sentence_link
from ..store.links import actors_of_forms
from . import highlight
from .filters import (actor_filters, choices, claim_filters, contradiction_filters, document_filters, event_filters,
                      known_parameters, link_choices, linked_event_filters, neighbours, paging, statement_filters,
                      track_filters)

# a parameter a page does not take is refused with the error page, as the API refuses it:
# a link with a misspelt filter would otherwise show everything as if it were filtered
router = APIRouter(include_in_schema=False, dependencies=[Depends(known_parameters)])
PAGE_PREFIXES = ("/read/", "/said", "/map", "/timeline", "/story")
MAP_LIMIT = 2000  # markers on one map; the filters narrow it down
TIMELINE_LIMIT = 1000
STORY_LIMIT = 200  # linked events on one page of the story (the pager shows the rest)
BACKGROUND_LIMIT = 50
SIDE_ARTICLES = 4  # articles shown in full on each side of a contradiction; the rest as links
ACTOR_LIMIT = 100  # events and claims listed on an actor's page


def is_page(path: str) -> bool:
    return path == "/" or path.startswith(PAGE_PREFIXES)


def web_url(url: str | None) -> str | None:
    """The URL when it is http(s), to be a link; None for javascript:, data: and the rest."""
    if url and urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return url.strip()
    return None


def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
                             autoescape=True, undefined=jinja2.StrictUndefined)
    env.globals["choices"] = choices
    env.globals["link_choices"] = link_choices
    env.filters["named"] = lambda ids, names: ", ".join(names.get(i, i) for i in ids)
    env.filters["web_url"] = web_url
    return env


def _render(request: Request, template: str, **context: Any) -> HTMLResponse:
    html = request.app.state.templates.get_template(template).render(
        request_path=request.url.path, query=dict(request.query_params), **context)
    return HTMLResponse(html)


def _pages(request: Request, listing: queries.Listing) -> dict[str, str | None]:
    previous, following = neighbours(request, listing)
    return {"previous": previous, "next": following}


@router.get("/", response_class=HTMLResponse)
def index(request: Request, filters: Annotated[dict, Depends(document_filters)],
          page: Annotated[dict, Depends(paging)]) -> HTMLResponse:
    conn = request.app.state.backend.conn()
    listing = queries.documents(conn, **filters, **page)
    return _render(request, "index.html", totals=queries.totals(conn), listing=listing, pages=_pages(request, listing))


@router.get("/read/{ref}", response_class=HTMLResponse)
def read(request: Request, ref: str, focus: Annotated[str | None, Query(max_length=20)] = None) -> HTMLResponse:
    conn = request.app.state.backend.conn()
    row = queries.document(conn, ref)
    if row is None:
        raise HTTPException(404, f"no document {ref!r} in the store")
    record = json.loads(row["record"])
    text = record["document"]["text"]
    sentence = highlight.item_sentence(record, focus)
    anchors = highlight.anchors(record)
    runs = highlight.runs(text, highlight.marks(record), sentence, anchors)
    entities = record.get("entities", [])
    actors = _actors(request, conn, [(e["name"], e.get("type")) for e in entities])
    parties = {e["id"]: {"name": e["name"], "actor": actors.get((e["name"], e.get("type")))} for e in entities}
    places = {p["id"]: p["name"] for p in record.get("places", [])}
    return _render(request, "article.html", key=row["key"], record=record, runs=runs, anchors=anchors,
                   focus=focus if sentence else None,
                   parties=parties, places=places, sources=queries.sources(conn, row["key"]),
                   statements={s["id"]: s for s in record.get("statements", [])})


def _actors(request: Request, conn: Any, names: list[tuple[str, str | None]]) -> dict[tuple[str, str | None], int]:
    """The actor each (name, entity type) is one of, for the names linking has made one of:
    the name folded as corpus/names.py folds it, looked up in the store's actor names."""
    folding = request.app.state.backend.names()
    forms = {n: folding.name(*n).form for n in set(names) if n[0]}
    found = actors_of_forms(conn, {f for f in forms.values() if f})
    return {n: found[f] for n, f in forms.items() if f in found}


@router.get("/said", response_class=HTMLResponse)
def said(request: Request, filters: Annotated[dict, Depends(statement_filters)],
         page: Annotated[dict, Depends(paging)]) -> HTMLResponse:
    conn = request.app.state.backend.conn()
    listing = queries.statements(conn, **filters, **page)
    actors = _actors(request, conn, [(s["speaker"], s["speaker_type"]) for s in listing.items if s["speaker"]])
    return _render(request, "said.html", listing=listing, pages=_pages(request, listing), link=sentence_link,
                   actors=actors)


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, filters: Annotated[dict, Depends(linked_event_filters)]) -> HTMLResponse:
    """One marker per linked event that has a point, sized by its reports, drawn by how
    precisely its place is known (a town, a region, only a country)."""
    conn = request.app.state.backend.corpus()
    listing = corpus.linked_events(conn, **filters, located=True, limit=MAP_LIMIT)
    unlocated = corpus.linked_events(conn, **filters, limit=1).total - listing.total
    markers = [{"id": e["id"], "lat": e["place"]["lat"], "lon": e["place"]["lon"], "place": e["place"]["name"],
                "country": e["country"], "precision": e["place"]["precision"], "reports": e["report_count"],
                "outlets": e["outlet_count"], "type": e["type"], "day": e["day"], "factuality": e["factuality"],
                "links": [{"text": f"{r['source'] or 'unknown outlet'}, {(r['published'] or 'undated')[:10]}",
                           "href": r["sentence"]} for r in e["reports"][:5]]}
               for e in listing.items]
    return _render(request, "map.html", markers=markers, shown=listing.total, unlocated=unlocated,
                   capped=listing.total > MAP_LIMIT, listing_limit=MAP_LIMIT)


@router.get("/timeline", response_class=HTMLResponse)
def timeline(request: Request, filters: Annotated[dict, Depends(event_filters)]) -> HTMLResponse:
    conn = request.app.state.backend.conn()
    listing = queries.events(conn, **filters, oldest_first=True, limit=TIMELINE_LIMIT)
    days: dict[str, list[dict[str, Any]]] = defaultdict(list)
    named: set[str] = set()
    for e in listing.items:
        days[e["event_date"] or "undated"].append(e)
        e["actors"], e["targets"] = _split(e["actor"]), _split(e["target"])
        named.update(e["actors"], e["targets"], [e["attributed_to"]] if e["attributed_to"] else [])
    # the listing gives names without their entity types: a name is folded as one of no type
    actors = {name: a for (name, _), a in _actors(request, conn, [(n, None) for n in named]).items()}
    biggest = max((len(v) for v in days.values()), default=1)
    return _render(request, "timeline.html", days=days, biggest=biggest, listing=listing, link=sentence_link,
                   capped=listing.total > TIMELINE_LIMIT, actors=actors)


def _split(names: str | None) -> list[str]:
    return [n for n in (names or "").split("; ") if n]


# -- the corpus layer: the story, its claims, contradictions, track record and actors -----

Zoom = Literal["", "day", "week", "month"]  # "": the form's default, a day


def bucket(day: str | None, zoom: str) -> str:
    """The day, ISO week or month a story's event falls in ("undated" when it has no day)."""
    if not day:
        return "undated"
    if zoom == "month":
        return day[:7]
    if zoom == "week":
        year, week, _ = dt.date.fromisoformat(day[:10]).isocalendar()
        return f"{year}-W{week:02d}"
    return day[:10]


@router.get("/story", response_class=HTMLResponse)
def story(request: Request, filters: Annotated[dict, Depends(linked_event_filters)],
          page: Annotated[dict, Depends(paging)],
          zoom: Annotated[Zoom, Query(description="group the timeline by day, week or month")] = "day") -> HTMLResponse:
    """The linked events newest first, grouped by day, week or month; background events
    (dated long before the articles that tell them) apart, below."""
    conn = request.app.state.backend.corpus()
    asked = filters["background"]
    limit = page["limit"] if "limit" in request.query_params else STORY_LIMIT
    listing = corpus.linked_events(conn, **{**filters, "background": False if asked is None else asked},
                                   limit=limit, offset=page["offset"])
    background = corpus.linked_events(conn, **{**filters, "background": True}, limit=BACKGROUND_LIMIT) \
        if asked is None else None
    zoom = zoom or "day"
    groups: dict[str, list[dict[str, Any]]] = {}
    for e in listing.items:
        groups.setdefault(bucket(e["day"], zoom), []).append(e)
    biggest = max((len(v) for v in groups.values()), default=1)
    # the same filters on the map, which takes no zoom and no pages
    on_map = {k: v for k, v in request.query_params.items() if k not in ("zoom", "limit", "offset")}
    return _render(request, "story.html", listing=listing, pages=_pages(request, listing), groups=groups,
                   biggest=biggest, zoom=zoom, background=background, published=corpus.published(conn),
                   on_map=on_map)


@router.get("/story/claims", response_class=HTMLResponse)
def claims_page(request: Request, filters: Annotated[dict, Depends(claim_filters)],
                page: Annotated[dict, Depends(paging)]) -> HTMLResponse:
    conn = request.app.state.backend.corpus()
    listing = corpus.claims(conn, **filters, **page)
    refs = [(ev["doc"], ev["item"]) for c in listing.items for h in c["history"] for ev in h["evidence"]]
    refs += [(r["doc"], r["statement"]) for c in listing.items for r in c["reports"]]
    return _render(request, "claims.html", listing=listing, pages=_pages(request, listing),
                   sentences=corpus.sentences(conn, refs))


@router.get("/story/contradictions", response_class=HTMLResponse)
def contradictions_page(request: Request, filters: Annotated[dict, Depends(contradiction_filters)],
                        page: Annotated[dict, Depends(paging)]) -> HTMLResponse:
    conn = request.app.state.backend.corpus()
    listing = corpus.contradictions(conn, **filters, **page)
    refs = [(i["doc"], i["item"]) for x in listing.items for side in x["sides"] for i in side["items"]]
    return _render(request, "contradictions.html", listing=listing, pages=_pages(request, listing),
                   sentences=corpus.sentences(conn, refs))


@router.get("/story/contradictions/{id}", response_class=HTMLResponse)
def contradiction_page(request: Request, id: str) -> HTMLResponse:
    """The sides next to each other, each item's article with its sentence highlighted as
    the article view highlights it; items of one side told in one sentence share one box."""
    conn = request.app.state.backend.corpus()
    found = corpus.contradiction(conn, id)
    if found is None:
        raise HTTPException(404, f"no contradiction {id!r} in the store")
    records: dict[str, dict[str, Any] | None] = {}
    sides = []
    for side in found["sides"]:
        boxes: dict[tuple[str, Any], dict[str, Any]] = {}
        for i in side["items"]:
            if i["doc"] not in records:
                row = queries.document(conn, i["doc"])
                records[i["doc"]] = json.loads(row["record"]) if row else None
            record = records[i["doc"]]
            sentence = highlight.item_sentence(record, i["item"]) if record else None
            box = boxes.setdefault((i["doc"], sentence), {"doc": i["doc"], "items": [], "sentence": i["sentence"],
                                                          "source": i["source"], "published": i["published"],
                                                          "title": None, "runs": None})
            box["items"].append(i["item"])
            if record and box["runs"] is None and len(boxes) <= SIDE_ARTICLES:
                box["title"] = record["document"].get("title") or record["document"]["id"]
                box["runs"] = highlight.runs(record["document"]["text"], highlight.marks(record), sentence)
        outlets = dict.fromkeys(f"{i['source'] or 'unknown outlet'}, {(i['published'] or 'undated')[:10]}"
                                for i in side["items"])
        sides.append({"position": side["position"], "items": side["items"], "boxes": list(boxes.values()),
                      "outlets": list(outlets)})
    event = corpus.linked_event(conn, found["event"]) if found["event"] else None
    return _render(request, "contradiction.html", x=found, sides=sides, event=event)


@router.get("/story/track-record", response_class=HTMLResponse)
def track_page(request: Request, filters: Annotated[dict, Depends(track_filters)],
               page: Annotated[dict, Depends(paging)]) -> HTMLResponse:
    listing = corpus.track_record(request.app.state.backend.corpus(), **filters, **page)
    return _render(request, "track.html", listing=listing, pages=_pages(request, listing), filters=filters)


@router.get("/story/actors", response_class=HTMLResponse)
def actors_page(request: Request, filters: Annotated[dict, Depends(actor_filters)],
                page: Annotated[dict, Depends(paging)]) -> HTMLResponse:
    listing = corpus.actors(request.app.state.backend.corpus(), **filters, **page)
    return _render(request, "actors.html", listing=listing, pages=_pages(request, listing))


@router.get("/story/actors/{id}", response_class=HTMLResponse)
def actor_page(request: Request, id: int) -> HTMLResponse:
    conn = request.app.state.backend.corpus()
    found = corpus.actor(conn, id)
    if found is None:
        raise HTTPException(404, f"no actor {id} in the store")
    acted = corpus.linked_events(conn, actor_id=id, role="actor", limit=ACTOR_LIMIT)
    targeted = corpus.linked_events(conn, actor_id=id, role="target", limit=ACTOR_LIMIT)
    said = corpus.claims(conn, actor_id=id, limit=ACTOR_LIMIT)
    return _render(request, "actor.html", actor=found, acted=acted, targeted=targeted, said=said)
