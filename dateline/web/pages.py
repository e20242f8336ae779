"""The analyst's pages, rendered on the server: articles with their layers in place, who
said what, a map and a timeline of events. Every value reaches the HTML through Jinja's
autoescaping (and data for scripts through its `tojson`), so article text stays text."""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

import jinja2
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from ..store import queries
from . import highlight
from .filters import choices, document_filters, event_filters, known_parameters, neighbours, paging, statement_filters

# a parameter a page does not take is refused with the error page, as the API refuses it:
# a link with a misspelt filter would otherwise show everything as if it were filtered
router = APIRouter(include_in_schema=False, dependencies=[Depends(known_parameters)])
PAGE_PREFIXES = ("/read/", "/said", "/map", "/timeline")
MAP_LIMIT = 2000  # markers on one map; the filters narrow it down
TIMELINE_LIMIT = 1000


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


def sentence_link(doc: str, item: str) -> str:
    return f"/read/{doc}?focus={item}#{item}"


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
    names = {e["id"]: e["name"] for e in record.get("entities", [])}
    names.update({p["id"]: p["name"] for p in record.get("places", [])})
    return _render(request, "article.html", key=row["key"], record=record, runs=runs, anchors=anchors,
                   focus=focus if sentence else None,
                   names=names, sources=queries.sources(conn, row["key"]),
                   statements={s["id"]: s for s in record.get("statements", [])})


@router.get("/said", response_class=HTMLResponse)
def said(request: Request, filters: Annotated[dict, Depends(statement_filters)],
         page: Annotated[dict, Depends(paging)]) -> HTMLResponse:
    listing = queries.statements(request.app.state.backend.conn(), **filters, **page)
    return _render(request, "said.html", listing=listing, pages=_pages(request, listing), link=sentence_link)


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, filters: Annotated[dict, Depends(event_filters)]) -> HTMLResponse:
    conn = request.app.state.backend.conn()
    listing = queries.events(conn, **filters, located=True, limit=MAP_LIMIT)
    unlocated = queries.events(conn, **filters, limit=1).total - listing.total
    # one marker per location, listing its events
    spots: dict[tuple[float, float], dict[str, Any]] = {}
    for e in listing.items:
        spot = spots.setdefault((e["latitude"], e["longitude"]), {
            "lat": e["latitude"], "lon": e["longitude"], "name": e["location"], "country": e["country"], "events": []})
        spot["events"].append({"type": e["event_type"], "date": e["event_date"], "trigger": e["trigger"],
                               "factuality": e["factuality"], "source": e["source"],
                               "link": sentence_link(e["doc"], e["id"])})
    # the other places named in the articles those events come from
    places = queries.places(conn, docs=sorted({e["doc"] for e in listing.items}), country=filters["country"],
                            bbox=filters["bbox"], located=True, limit=MAP_LIMIT)
    place_spots: dict[tuple[float, float], dict[str, Any]] = {}
    for p in places.items:
        if (p["latitude"], p["longitude"]) in spots:
            continue  # the event marker already stands there
        spot = place_spots.setdefault((p["latitude"], p["longitude"]), {
            "lat": p["latitude"], "lon": p["longitude"], "name": p["name"], "country": p["country"], "articles": 0})
        spot["articles"] += 1
    return _render(request, "map.html", spots=list(spots.values()), places=list(place_spots.values()),
                   shown=listing.total, unlocated=unlocated, capped=listing.total > MAP_LIMIT, listing_limit=MAP_LIMIT)


@router.get("/timeline", response_class=HTMLResponse)
def timeline(request: Request, filters: Annotated[dict, Depends(event_filters)]) -> HTMLResponse:
    listing = queries.events(request.app.state.backend.conn(), **filters, oldest_first=True, limit=TIMELINE_LIMIT)
    days: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in listing.items:
        days[e["event_date"] or "undated"].append(e)
    biggest = max((len(v) for v in days.values()), default=1)
    return _render(request, "timeline.html", days=days, biggest=biggest, listing=listing, link=sentence_link,
                   capped=listing.total > TIMELINE_LIMIT)
