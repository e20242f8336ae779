"""The filters of each list, as FastAPI dependencies shared by the JSON API and the page.

The allowed values of stance, event type, factuality, category... come from the contract's
JSON Schema, so the API's documentation lists them and anything else is answered with 422.
An empty value ("type=", as an HTML form sends it) means no filter.
"""
from __future__ import annotations

from functools import cache
from typing import Annotated, Any, Literal

from fastapi import Query

from ..record import schema
from .queries import DEFAULT_LIMIT, MAX_LIMIT, BBox, parse_date


@cache
def choices(layer: str, prop: str) -> tuple[str, ...]:
    """The enum of a property in the contract (e.g. statements.stance)."""
    item = schema()["properties"][layer]["items"]
    for part in [item, *item.get("allOf", [])]:
        if prop in part.get("properties", {}):
            return tuple(part["properties"][prop]["enum"])
    raise KeyError(f"{layer}.{prop} has no enum in the contract")


def _literal(layer: str, prop: str) -> Any:
    return Literal[("", *choices(layer, prop))]  # type: ignore[valid-type]


Stance = _literal("statements", "stance")
Kind = _literal("statements", "kind")
EventType = _literal("events", "type")
Factuality = _literal("events", "factuality")
Category = _literal("figures", "category")
Qualifier = _literal("figures", "qualifier")
PlaceKind = _literal("places", "kind")

Text = Annotated[str | None, Query(max_length=200)]
Country = Annotated[str | None, Query(pattern=r"^([A-Za-z]{2})?$", description="ISO 3166-1 alpha-2 code, e.g. UA")]
DateFrom = Annotated[str | None, Query(description="on or after: YYYY-MM-DD, YYYY-MM or YYYY")]
DateTo = Annotated[str | None, Query(description="on or before: YYYY-MM-DD, YYYY-MM or YYYY (a month or year "
                                                 "includes all of it)")]
Box = Annotated[str | None, Query(description="west,south,east,north in degrees, e.g. 22,44,41,53")]
Doc = Annotated[str | None, Query(max_length=64, description="a document's store key")]


def _given(value: Any) -> Any:
    return value if value not in ("", None) else None


def _common(date_from: str | None, date_to: str | None, bbox: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"date_from": parse_date("date_from", _given(date_from)),
                           "date_to": parse_date("date_to", _given(date_to))}
    if bbox is not None:
        out["bbox"] = BBox.parse(bbox) if _given(bbox) else None
    return out


def paging(limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
           offset: Annotated[int, Query(ge=0, le=10**9)] = 0) -> dict[str, int]:
    return {"limit": limit, "offset": offset}


def event_filters(type: Annotated[EventType | None, Query(description="PLOVER event type")] = None,
                  factuality: Annotated[Factuality | None, Query()] = None,
                  actor: Text = None, target: Text = None,
                  speaker: Annotated[str | None, Query(max_length=200, description="who the event is attributed to")] = None,
                  country: Country = None, bbox: Box = None, date_from: DateFrom = None, date_to: DateTo = None,
                  source: Annotated[str | None, Query(max_length=200, description="the outlet")] = None,
                  q: Annotated[str | None, Query(max_length=200, description="words in the sentence, title or place")] = None,
                  doc: Doc = None) -> dict[str, Any]:
    return {"type": _given(type), "factuality": _given(factuality), "actor": _given(actor), "target": _given(target),
            "speaker": _given(speaker), "country": _given(country), "source": _given(source), "q": _given(q),
            "doc": _given(doc), **_common(date_from, date_to, bbox)}


def statement_filters(speaker: Annotated[str | None, Query(max_length=200, description="name or phrase")] = None,
                      stance: Annotated[Stance | None, Query()] = None,
                      kind: Annotated[Kind | None, Query(description="direct, indirect or mixed speech")] = None,
                      cue: Annotated[str | None, Query(max_length=60, description="the cue word: said, denied...")] = None,
                      date_from: DateFrom = None, date_to: DateTo = None,
                      source: Annotated[str | None, Query(max_length=200, description="the outlet")] = None,
                      q: Annotated[str | None, Query(max_length=200, description="words in what was said")] = None,
                      doc: Doc = None) -> dict[str, Any]:
    return {"speaker": _given(speaker), "stance": _given(stance), "kind": _given(kind), "cue": _given(cue),
            "source": _given(source), "q": _given(q), "doc": _given(doc), **_common(date_from, date_to)}


def figure_filters(category: Annotated[Category | None, Query()] = None,
                   qualifier: Annotated[Qualifier | None, Query()] = None,
                   speaker: Annotated[str | None, Query(max_length=200, description="who gave the figure")] = None,
                   country: Country = None, bbox: Box = None, date_from: DateFrom = None, date_to: DateTo = None,
                   source: Annotated[str | None, Query(max_length=200, description="the outlet")] = None,
                   q: Annotated[str | None, Query(max_length=200, description="words in the sentence or title")] = None,
                   doc: Doc = None) -> dict[str, Any]:
    return {"category": _given(category), "qualifier": _given(qualifier), "speaker": _given(speaker),
            "country": _given(country), "source": _given(source), "q": _given(q), "doc": _given(doc),
            **_common(date_from, date_to, bbox)}


def place_filters(name: Text = None, kind: Annotated[PlaceKind | None, Query()] = None,
                  country: Country = None, bbox: Box = None,
                  source: Annotated[str | None, Query(max_length=200, description="the outlet")] = None,
                  doc: Doc = None) -> dict[str, Any]:
    return {"name": _given(name), "kind": _given(kind), "country": _given(country),
            "bbox": BBox.parse(bbox) if _given(bbox) else None, "source": _given(source), "doc": _given(doc)}


def document_filters(date_from: DateFrom = None, date_to: DateTo = None,
                     source: Annotated[str | None, Query(max_length=200, description="the outlet")] = None,
                     q: Annotated[str | None, Query(max_length=200, description="words in the title or text")] = None,
                     ) -> dict[str, Any]:
    return {"source": _given(source), "q": _given(q), **_common(date_from, date_to)}
