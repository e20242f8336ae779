"""The filters of each list, as FastAPI dependencies shared by the JSON API and the page,
and the links from one page of a list to the next.

The allowed values of stance, event type, factuality, category... come from the contract's
JSON Schema, so the API's documentation lists them and anything else is answered with 422.
An empty value ("type=", as an HTML form sends it) means no filter. Numbers and dates are
written in the ASCII digits 0-9 only, and a parameter the endpoint does not take is refused
(422, naming it) rather than ignored, so that a misspelt filter never looks like an answer.
"""
from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from urllib.parse import urlencode

from fastapi import Query, Request
from fastapi.dependencies.models import Dependant
from pydantic import BeforeValidator

from ..corpus.actors import ACTING
from ..record import enum as choices
from ..store.queries import DEFAULT_LIMIT, MAX_LIMIT, BBox, FilterError, Listing, check_range, parse_date


def _literal(layer: str, prop: str) -> Any:
    return Literal[("", *choices(layer, prop))]  # type: ignore[valid-type]


def link_choices(part: str, prop: str) -> tuple[str, ...]:
    """The values the links contract allows for a property: link_choices("claims", "status")."""
    from ..corpus.record import schema

    return tuple(schema()["properties"][part]["items"]["properties"][prop]["enum"])


def _link_literal(part: str, prop: str) -> Any:
    return Literal[("", *link_choices(part, prop))]  # type: ignore[valid-type]


Stance = _literal("statements", "stance")
Kind = _literal("statements", "kind")
EventType = _literal("events", "type")
Factuality = _literal("events", "factuality")
Category = _literal("figures", "category")
Qualifier = _literal("figures", "qualifier")
PlaceKind = _literal("places", "kind")
LinkedFactuality = _link_literal("events", "factuality")
ClaimStatus = _link_literal("claims", "status")
ContradictionKind = _link_literal("contradictions", "kind")
TrackKind = _link_literal("track_record", "kind")
YesNo = Literal["", "yes", "no"]
TrackSort = Literal["claims", "confirmed", "refuted", "open", "name"]
Order = Literal["desc", "asc"]
ActorType = Literal[("", *ACTING)]  # type: ignore[valid-type]

# no control characters: a NUL would cut SQLite's comparison short
_PRINTABLE = r"^[^\x00-\x1f\x7f]*$"


def _text(description: str, max_length: int = 200) -> Any:
    return Annotated[str | None, Query(max_length=max_length, pattern=_PRINTABLE, description=description)]


Outlet = _text("the outlet (part of its name)")
Country = Annotated[str | None, Query(pattern=r"^([A-Za-z]{2})?$", description="ISO 3166-1 alpha-2 code, e.g. UA")]
DateFrom = Annotated[str | None, Query(description="on or after: YYYY-MM-DD, YYYY-MM or YYYY (items whose "
                                                   "date lies wholly inside the range)")]
DateTo = Annotated[str | None, Query(description="on or before: YYYY-MM-DD, YYYY-MM or YYYY (a month or year "
                                                 "includes all of it)")]
Box = Annotated[str | None, Query(description="west,south,east,north in degrees, e.g. 22,44,41,53; west > east "
                                              "crosses the antimeridian")]
Doc = Annotated[str | None, Query(max_length=64, pattern=_PRINTABLE, description="a document's store key")]


def _given(value: Any) -> Any:
    return value if value not in ("", None) else None


def _dates(date_from: str | None, date_to: str | None) -> dict[str, Any]:
    start, end = parse_date("date_from", _given(date_from)), parse_date("date_to", _given(date_to))
    check_range(start, end)
    return {"date_from": start, "date_to": end}


def _box(bbox: str | None) -> BBox | None:
    return BBox.parse(bbox) if _given(bbox) else None


_WHOLE = re.compile(r"[0-9]{1,10}")


def _ascii_whole(raw: Any) -> Any:
    # pydantic's int also takes "１０", "1_0", "+10", " 10" and "10.0", which are not what
    # the documentation asks for; an int given from Python is left to the bounds
    if isinstance(raw, str) and not _WHOLE.fullmatch(raw):
        raise ValueError(f"{raw!r} is not a whole number written in the digits 0-9")
    return raw


def _whole(low: int, high: int) -> Any:
    # Query first: after a validator, FastAPI would leave the bounds out of the OpenAPI schema
    return Annotated[int, Query(ge=low, le=high), BeforeValidator(_ascii_whole)]


def paging(limit: _whole(1, MAX_LIMIT) = DEFAULT_LIMIT, offset: _whole(0, 10**9) = 0) -> dict[str, int]:
    return {"limit": limit, "offset": offset}


def _query_names(dependant: Dependant) -> set[str]:
    names = {p.alias for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


def known_parameters(request: Request) -> None:
    """Refuse a query parameter the endpoint does not take (a router's dependency): a
    misspelt filter (`speker=`) would otherwise be dropped and the answer look complete."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    taken = _query_names(dependant)  # a few dozen fields: cheaper than a cache to keep right
    for name in request.query_params:
        if name not in taken:
            listed = ", ".join(sorted(taken)) or "none"
            raise FilterError(name, f"not a parameter of {request.url.path}, which takes {listed}")


ActorName = _text("an actor: part of any of its names; every name of the actors it names matches")


def event_filters(type: Annotated[EventType | None, Query(description="PLOVER event type")] = None,
                  factuality: Annotated[Factuality | None, Query()] = None,
                  actor: ActorName = None,
                  target: _text("whom it was done to (part of the name)") = None,
                  speaker: _text("who the event is attributed to") = None,
                  country: Country = None, bbox: Box = None, date_from: DateFrom = None, date_to: DateTo = None,
                  source: Outlet = None, q: _text("words in the sentence, title or place") = None,
                  doc: Doc = None) -> dict[str, Any]:
    return {"type": _given(type), "factuality": _given(factuality), "actor": _given(actor), "target": _given(target),
            "speaker": _given(speaker), "country": _given(country), "source": _given(source), "q": _given(q),
            "doc": _given(doc), "bbox": _box(bbox), **_dates(date_from, date_to)}


def statement_filters(speaker: _text("the speaker's name, or the phrase that names them") = None,
                      actor: ActorName = None,
                      stance: Annotated[Stance | None, Query()] = None,
                      kind: Annotated[Kind | None, Query(description="direct, indirect or mixed speech")] = None,
                      cue: _text("the cue word: said, denied...", 60) = None,
                      date_from: DateFrom = None, date_to: DateTo = None,
                      source: Outlet = None, q: _text("words in what was said, its sentence or the title") = None,
                      doc: Doc = None) -> dict[str, Any]:
    return {"speaker": _given(speaker), "actor": _given(actor), "stance": _given(stance), "kind": _given(kind),
            "cue": _given(cue),
            "source": _given(source), "q": _given(q), "doc": _given(doc), **_dates(date_from, date_to)}


def figure_filters(category: Annotated[Category | None, Query()] = None,
                   qualifier: Annotated[Qualifier | None, Query()] = None,
                   speaker: _text("who gave the figure") = None, actor: ActorName = None,
                   country: Country = None, bbox: Box = None, date_from: DateFrom = None, date_to: DateTo = None,
                   source: Outlet = None, q: _text("words in the sentence or title") = None,
                   doc: Doc = None) -> dict[str, Any]:
    return {"category": _given(category), "qualifier": _given(qualifier), "speaker": _given(speaker),
            "actor": _given(actor),
            "country": _given(country), "source": _given(source), "q": _given(q), "doc": _given(doc),
            "bbox": _box(bbox), **_dates(date_from, date_to)}


def place_filters(name: _text("part of the place's name") = None, kind: Annotated[PlaceKind | None, Query()] = None,
                  country: Country = None, bbox: Box = None, source: Outlet = None,
                  doc: Doc = None) -> dict[str, Any]:
    return {"name": _given(name), "kind": _given(kind), "country": _given(country), "bbox": _box(bbox),
            "source": _given(source), "doc": _given(doc)}


def document_filters(date_from: DateFrom = None, date_to: DateTo = None, source: Outlet = None,
                     q: _text("words in the title or text") = None) -> dict[str, Any]:
    return {"source": _given(source), "q": _given(q), **_dates(date_from, date_to)}


def _yes_no(value: str | None) -> bool | None:
    return {"yes": True, "no": False}.get(value or "")


Place = _text("part of a place's name")


def linked_event_filters(type: Annotated[EventType | None, Query(description="PLOVER event type")] = None,
                         factuality: Annotated[LinkedFactuality | None, Query(
                             description="across its reports; disputed: some assert or claim it, some deny it")] = None,
                         actor: ActorName = None, place: Place = None, country: Country = None, bbox: Box = None,
                         date_from: DateFrom = None, date_to: DateTo = None, source: Outlet = None,
                         q: _text("words of its type, places, actors, targets or outlets") = None,
                         background: Annotated[YesNo | None, Query(
                             description="yes: only events dated long before the first article that tells them; "
                                         "no: only the others")] = None) -> dict[str, Any]:
    return {"type": _given(type), "factuality": _given(factuality), "actor": _given(actor), "place": _given(place),
            "country": _given(country), "bbox": _box(bbox), "source": _given(source), "q": _given(q),
            "background": _yes_no(background), **_dates(date_from, date_to)}


def claim_filters(actor: _text("the speaker: part of any of its names") = None,
                  status: Annotated[ClaimStatus | None, Query()] = None,
                  stance: Annotated[Stance | None, Query(description="the stance of its first report")] = None,
                  date_from: DateFrom = None, date_to: DateTo = None, source: Outlet = None,
                  q: _text("words of what was said, the speaker or the outlets") = None,
                  track_kind: Annotated[TrackKind | None, Query(
                      description="with track_name: the claims a row of the track record counts")] = None,
                  track_name: _text("the speaker or outlet of that row (its whole name)") = None) -> dict[str, Any]:
    if _given(track_kind) and not _given(track_name) or _given(track_name) and not _given(track_kind):
        raise FilterError("track_name", "track_kind and track_name go together")
    return {"actor": _given(actor), "status": _given(status), "stance": _given(stance), "source": _given(source),
            "q": _given(q), "track_kind": _given(track_kind), "track_name": _given(track_name),
            **_dates(date_from, date_to)}


def contradiction_filters(kind: Annotated[ContradictionKind | None, Query()] = None,
                          actor: _text("an actor of the linked event it is about") = None,
                          place: Place = None, country: Country = None,
                          date_from: DateFrom = None, date_to: DateTo = None, source: Outlet = None,
                          q: _text("words of what it is about or the outlets") = None) -> dict[str, Any]:
    return {"kind": _given(kind), "actor": _given(actor), "place": _given(place), "country": _given(country),
            "source": _given(source), "q": _given(q), **_dates(date_from, date_to)}


def track_filters(kind: Annotated[TrackKind | None, Query(description="speaker or source (an outlet)")] = None,
                  name: _text("part of the speaker's or outlet's name") = None,
                  sort: Annotated[TrackSort, Query(description="the column to sort by")] = "claims",
                  order: Annotated[Order, Query()] = "desc") -> dict[str, Any]:
    return {"kind": _given(kind), "name": _given(name), "sort": sort, "descending": order == "desc"}


def actor_filters(name: _text("part of any of its names") = None,
                  type: Annotated[ActorType | None, Query(description="entity type")] = None) -> dict[str, Any]:
    return {"name": _given(name), "type": _given(type)}


def page_link(request: Request, offset: int) -> str:
    """This request's URL, filters kept, at another offset."""
    return f"{request.url.path}?{urlencode({**request.query_params, 'offset': str(offset)})}"


def neighbours(request: Request, listing: Listing) -> tuple[str | None, str | None]:
    """The links to the previous and the next page of a listing, when there are such pages."""
    if listing.offset >= listing.total > 0:  # past the end: back to the last page
        return page_link(request, (listing.total - 1) // listing.limit * listing.limit), None
    previous = page_link(request, max(0, listing.offset - listing.limit)) if listing.offset > 0 else None
    following = page_link(request, listing.offset + listing.limit) \
        if listing.offset + listing.limit < listing.total else None
    return previous, following
