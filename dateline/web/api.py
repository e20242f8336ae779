"""The JSON API: the store's layers with filters and pages, and extraction on demand.

Reading is open; writing (POST /documents) needs the operator's token as a Bearer header.
"""
from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field, field_validator, model_validator

from ..errors import DatelineError, InputError, MetadataError, StoreError, TooCostly
from ..record import Article, content_key
from ..store import corpus, queries
from .backend import EXTRACT, WRITE, Backend, Busy
from .filters import (actor_filters, claim_filters, contradiction_filters, document_filters, event_filters,
                      figure_filters, known_parameters, linked_event_filters, neighbours, paging, place_filters,
                      statement_filters, track_filters)


class Problem(BaseModel):
    where: str = Field(description="the parameter: query.bbox, body.text...")
    problem: str


class ErrorDetail(BaseModel):
    status: int
    message: str
    details: list[Problem] | None = None


class Error(BaseModel):
    """Every error the API answers has this shape."""

    error: ErrorDetail


ERRORS: dict[int | str, dict[str, Any]] = {
    422: {"model": Error, "description": "a parameter or the body is not valid; `details` says which and why"},
    500: {"model": Error, "description": "an internal error; its details are in the server's log only"},
}
router = APIRouter(responses=ERRORS, dependencies=[Depends(known_parameters)])
bearer = HTTPBearer(auto_error=False, description="the operator's write token (DATELINE_TOKEN)")


class Page(BaseModel):
    total: int = Field(description="rows matching the filters, over all pages")
    limit: int
    offset: int
    next: str | None = Field(description="the URL of the next page; null on the last")
    items: list[dict[str, Any]]


class ArticleIn(BaseModel):
    """An article as text or as an HTML page, with what is known about it."""

    text: str | None = Field(None, description="the article's plain text")
    html: str | None = Field(None, description="a whole page or a fragment; its main text is extracted")
    title: str | None = Field(None, max_length=2000)
    source: str | None = Field(None, max_length=2000, description="the outlet")
    url: str | None = Field(None, max_length=8000)
    published: str | None = Field(None, max_length=40, description="YYYY-MM-DD or an ISO timestamp")
    id: str | None = Field(None, max_length=200)

    @field_validator("*")
    @classmethod
    def encodable(cls, value: Any) -> Any:
        # JSON may carry lone surrogates ("\ud800") and NUL, which are not text
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise ValueError("contains a lone surrogate (\\ud800-\\udfff): not valid Unicode text") from None
            if "\x00" in value:
                raise ValueError("contains a NUL character: not text")
        return value

    @model_validator(mode="after")
    def one_body(self) -> "ArticleIn":
        if (self.text is None) == (self.html is None):
            raise ValueError("give either text or html")
        return self


class Stored(BaseModel):
    key: str
    status: str = Field(description="stored, or known when the same text was already in the store")
    document: str = Field(description="where the record can be read")


def _page(request: Request, listing: queries.Listing) -> Response:
    """A page as `Page` describes it, written out directly: the rows are the store's plain
    values, and validating fifty nested items against `dict[str, Any]` cost a list request a
    third of its time (the routes still declare `response_model=Page` for the OpenAPI document)."""
    head = {"total": listing.total, "limit": listing.limit, "offset": listing.offset,
            "next": neighbours(request, listing)[1]}
    items = listing.encoded if listing.encoded is not None else \
        [json.dumps(item, ensure_ascii=False, separators=(",", ":"), allow_nan=False) for item in listing.items]
    text = json.dumps(head, ensure_ascii=False, separators=(",", ":"))[:-1] + ',"items":[' + ",".join(items) + "]}"
    return Response(text, media_type="application/json")


def _article(body: ArticleIn) -> Article:
    """The article the body gives; metadata given wins over what a page says."""
    meta = {"title": body.title, "source": body.source, "url": body.url, "published": body.published, "id": body.id}
    if body.html is None:
        return Article(text=body.text or "", **meta)
    from ..ingest.html import article_from_html

    found = article_from_html(body.html, url=body.url)
    return Article(text=found.text, **{k: v or getattr(found, k, None) for k, v in meta.items()})


def _made(result: dict[str, Any] | DatelineError) -> dict[str, Any]:
    """A record, or the error that kept an article from being one, raised."""
    if isinstance(result, DatelineError):
        raise result
    return result


async def _run(request: Request, job, priority: int = EXTRACT) -> Any:
    """A job on the extraction thread, its refusals as HTTP answers."""
    try:
        return await request.app.state.backend.extraction(job, priority)
    except Busy:
        raise HTTPException(503, "every extraction slot is busy: try again shortly",
                            headers={"Retry-After": "5"}) from None
    except (InputError, MetadataError, TooCostly) as e:
        # the article's fault: empty text, a date that is not one, HTML with no article, a
        # text that takes longer than its budget
        raise HTTPException(422, str(e)) from None
    except StoreError as e:
        if "locked" in str(e):
            raise HTTPException(503, "the store is busy with another writer: try again shortly",
                                headers={"Retry-After": "10"}) from None
        raise  # the server's own trouble: 500, and the log says what


def backend(request: Request) -> Backend:
    return request.app.state.backend


Served = Annotated[Backend, Depends(backend)]


def require_token(store: Served, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
    if not store.writable:
        raise HTTPException(403, "this server is read-only: the operator enables writes by starting it with "
                                 "DATELINE_TOKEN (or --token-file) set")
    if credentials is None or credentials.scheme.lower() != "bearer" or not store.token_matches(credentials.credentials):
        raise HTTPException(401, "a write needs the header Authorization: Bearer <token>",
                            headers={"WWW-Authenticate": "Bearer"})


@router.post("/extract", tags=["extract"], summary="Extract an article, without storing it",
             responses={503: {"model": Error, "description": "busy extracting others: retry"}})
async def extract(request: Request, body: ArticleIn) -> dict[str, Any]:
    """The document record (dateline.document/1) of a text or page."""
    return await _run(request, lambda b: _made(b.extract([_article(body)])[0]))


@router.post("/documents", tags=["documents"], status_code=201, dependencies=[Depends(require_token)],
             summary="Extract an article and store it (needs the write token)",
             responses={401: {"model": Error}, 403: {"model": Error}, 503: {"model": Error}})
async def add_document(request: Request, response: Response, body: ArticleIn) -> Stored:
    from ..ingest import Found

    where = request.client.host if request.client else None

    def job(b: Backend) -> tuple[str, str]:
        article = _article(body)
        record = _made(b.extract([article])[0])
        status = b.store(record, Found(article, origin="http-api", reader="api", locator=where))
        return content_key(record["document"]["text"]), status

    key, status = await _run(request, job, WRITE)
    if status == "known":
        response.status_code = 200
    return Stored(key=key, status=status, document=f"/documents/{key}")


@router.get("/documents", tags=["documents"], summary="Documents in the store", response_model=Page)
def list_documents(request: Request, store: Served, filters: Annotated[dict, Depends(document_filters)],
                   page: Annotated[dict, Depends(paging)]) -> Response:
    return _page(request, queries.documents(store.conn(), **filters, **page))


def _document(store: Backend, ref: str) -> Any:
    row = queries.document(store.conn(), ref)
    if row is None:
        raise HTTPException(404, f"no document {ref!r} in the store")
    return row


@router.get("/documents/{ref}", tags=["documents"], summary="One document's record",
            responses={404: {"model": Error}})
def get_document(store: Served, ref: str) -> Response:
    """The stored record, as `dateline extract` writes it; `ref` is the store key or the record's id."""
    return Response(_document(store, ref)["record"], media_type="application/json")


@router.get("/documents/{ref}/sources", tags=["documents"], summary="Where a document was read",
            responses={404: {"model": Error}})
def get_sources(store: Served, ref: str) -> list[dict[str, Any]]:
    return queries.sources(store.conn(), _document(store, ref)["key"])


@router.get("/statements", tags=["layers"], summary="Who said what", response_model=Page)
def list_statements(request: Request, store: Served, filters: Annotated[dict, Depends(statement_filters)],
                    page: Annotated[dict, Depends(paging)]) -> Response:
    return _page(request, queries.statements(store.conn(), **filters, **page))


@router.get("/events", tags=["layers"], summary="What happened (PLOVER events)", response_model=Page)
def list_events(request: Request, store: Served, filters: Annotated[dict, Depends(event_filters)],
                page: Annotated[dict, Depends(paging)]) -> Response:
    return _page(request, queries.events(store.conn(), **filters, **page))


@router.get("/figures", tags=["layers"], summary="How many: killed, injured, displaced...", response_model=Page)
def list_figures(request: Request, store: Served, filters: Annotated[dict, Depends(figure_filters)],
                 page: Annotated[dict, Depends(paging)]) -> Response:
    return _page(request, queries.figures(store.conn(), **filters, **page))


@router.get("/places", tags=["layers"], summary="Where: places with coordinates", response_model=Page)
def list_places(request: Request, store: Served, filters: Annotated[dict, Depends(place_filters)],
                page: Annotated[dict, Depends(paging)]) -> Response:
    return _page(request, queries.places(store.conn(), **filters, **page))


# The corpus layer: what many articles tell together (../shared/contract/links.md), read
# from the corpus views (store/corpus.py). Ids are the store's group names, URL-safe.

def _found(item: dict[str, Any] | None, what: str, id: str) -> dict[str, Any]:
    if item is None:
        raise HTTPException(404, f"no {what} {id!r} in the store")
    return item


@router.get("/linked-events", tags=["corpus"], summary="Linked events: one per happening, with every report",
            response_model=Page)
def list_linked_events(request: Request, store: Served, filters: Annotated[dict, Depends(linked_event_filters)],
                       page: Annotated[dict, Depends(paging)]) -> Response:
    """Newest first by the day it happened (else the day it was first reported)."""
    return _page(request, corpus.linked_events(store.corpus(), **filters, **page, decode=False))


@router.get("/linked-events/{id}", tags=["corpus"], summary="One linked event", responses={404: {"model": Error}})
def get_linked_event(store: Served, id: str) -> dict[str, Any]:
    return _found(corpus.linked_event(store.corpus(), id), "linked event", id)


@router.get("/claims", tags=["corpus"], summary="Claims: one per proposition of one speaker, with status",
            response_model=Page)
def list_claims(request: Request, store: Served, filters: Annotated[dict, Depends(claim_filters)],
                page: Annotated[dict, Depends(paging)]) -> Response:
    """Newest first by the day first reported; each with every report and the history of its status."""
    return _page(request, corpus.claims(store.corpus(), **filters, **page, decode=False))


@router.get("/claims/{id}", tags=["corpus"], summary="One claim", responses={404: {"model": Error}})
def get_claim(store: Served, id: str) -> dict[str, Any]:
    return _found(corpus.claim(store.corpus(), id), "claim", id)


@router.get("/contradictions", tags=["corpus"], summary="Where reports disagree, side by side", response_model=Page)
def list_contradictions(request: Request, store: Served, filters: Annotated[dict, Depends(contradiction_filters)],
                        page: Annotated[dict, Depends(paging)]) -> Response:
    return _page(request, corpus.contradictions(store.corpus(), **filters, **page, decode=False))


@router.get("/contradictions/{id}", tags=["corpus"], summary="One contradiction", responses={404: {"model": Error}})
def get_contradiction(store: Served, id: str) -> dict[str, Any]:
    return _found(corpus.contradiction(store.corpus(), id), "contradiction", id)


@router.get("/track-record", tags=["corpus"], summary="Per speaker and per outlet: claims confirmed, refuted, open",
            response_model=Page)
def list_track_record(request: Request, store: Served, filters: Annotated[dict, Depends(track_filters)],
                      page: Annotated[dict, Depends(paging)]) -> Response:
    return _page(request, corpus.track_record(store.corpus(), **filters, **page))


@router.get("/track-record/{kind}/{name}", tags=["corpus"], summary="One speaker's or outlet's record",
            responses={404: {"model": Error}})
def get_track_record(store: Served, kind: str, name: str) -> dict[str, Any]:
    """The row; `/claims?track_kind={kind}&track_name={name}` lists the claims behind it."""
    return _found(corpus.track_row(store.corpus(), kind, name), f"{kind} track record", name)


@router.get("/actors", tags=["corpus"], summary="Actors: one person, organisation or group across articles",
            response_model=Page)
def list_actors(request: Request, store: Served, filters: Annotated[dict, Depends(actor_filters)],
                page: Annotated[dict, Depends(paging)]) -> Response:
    """The most active first; each with every name it was seen under."""
    return _page(request, corpus.actors(store.corpus(), **filters, **page))


@router.get("/actors/{id}", tags=["corpus"], summary="One actor", responses={404: {"model": Error}})
def get_actor(store: Served, id: int) -> dict[str, Any]:
    return _found(corpus.actor(store.corpus(), id), "actor", str(id))


@router.get("/health", tags=["server"], summary="The store's counts")
def health(store: Served) -> dict[str, Any]:
    return {"store": store.name, "writable": store.writable, "counts": queries.totals(store.conn())}
