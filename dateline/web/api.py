"""The JSON API: the store's layers with filters and pages, and extraction on demand.

Reading is open; writing (POST /documents) needs the operator's token as a Bearer header.
"""
from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Header, HTTPException, Request, Response
from pydantic import BaseModel, Field, model_validator

from ..errors import DatelineError
from ..record import Article, content_key
from . import queries
from .filters import document_filters, event_filters, figure_filters, paging, place_filters, statement_filters

router = APIRouter()


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

    @model_validator(mode="after")
    def one_body(self) -> "ArticleIn":
        if (self.text is None) == (self.html is None):
            raise ValueError("give either text or html")
        return self


class Stored(BaseModel):
    key: str
    status: str = Field(description="stored, or known when the same text was already in the store")
    document: str = Field(description="where the record can be read")


def _page(request: Request, listing: queries.Listing) -> Page:
    following = None
    if listing.offset + listing.limit < listing.total:
        params = dict(request.query_params)
        params["offset"] = str(listing.offset + listing.limit)
        following = f"{request.url.path}?{urlencode(params)}"
    return Page(total=listing.total, limit=listing.limit, offset=listing.offset, next=following, items=listing.items)


def _extract(request: Request, body: ArticleIn) -> tuple[Article, dict[str, Any]]:
    """The article the body gives (metadata given wins over what a page says) and its record."""
    meta = {"title": body.title, "source": body.source, "url": body.url, "published": body.published, "id": body.id}
    try:
        if body.html is not None:
            from ..ingest.html import article_from_html

            found = article_from_html(body.html, url=body.url)
            article = Article(text=found.text, **{k: v or getattr(found, k, None) for k, v in meta.items()})
        else:
            article = Article(text=body.text or "", **meta)
        return article, request.app.state.backend.extract([article])[0]
    except DatelineError as e:  # empty text, a date that is not one, HTML with no article
        raise HTTPException(422, str(e)) from None


def require_token(request: Request, authorization: Annotated[str | None, Header()] = None) -> None:
    backend = request.app.state.backend
    if not backend.writable:
        raise HTTPException(403, "this server is read-only: the operator enables writes by starting it with "
                                 "DATELINE_TOKEN (or --token-file) set")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not backend.token_matches(given.strip()):
        raise HTTPException(401, "a write needs the header Authorization: Bearer <token>",
                            headers={"WWW-Authenticate": "Bearer"})


@router.post("/extract", tags=["extract"], summary="Extract an article, without storing it")
def extract(request: Request, body: ArticleIn) -> dict[str, Any]:
    """The document record (dateline.document/1) of a text or page."""
    return _extract(request, body)[1]


@router.post("/documents", tags=["documents"], status_code=201, dependencies=[Depends(require_token)],
             summary="Extract an article and store it (needs the write token)")
def add_document(request: Request, response: Response, body: ArticleIn) -> Stored:
    from ..ingest import Found

    article, record = _extract(request, body)
    status = request.app.state.backend.store(record, Found(article, origin="http-api", reader="api",
                                                           locator=request.client.host if request.client else None))
    key = content_key(record["document"]["text"])
    if status == "known":
        response.status_code = 200
    return Stored(key=key, status=status, document=f"/documents/{key}")


@router.get("/documents", tags=["documents"], summary="Documents in the store")
def list_documents(request: Request, filters: Annotated[dict, Depends(document_filters)],
                   page: Annotated[dict, Depends(paging)]) -> Page:
    return _page(request, queries.documents(request.app.state.backend.conn(), **filters, **page))


def _document(request: Request, ref: str) -> Any:
    row = queries.document(request.app.state.backend.conn(), ref)
    if row is None:
        raise HTTPException(404, f"no document {ref!r} in the store")
    return row


@router.get("/documents/{ref}", tags=["documents"], summary="One document's record")
def get_document(request: Request, ref: str) -> Response:
    """The stored record, as `dateline extract` writes it; `ref` is the store key or the record's id."""
    return Response(_document(request, ref)["record"], media_type="application/json")


@router.get("/documents/{ref}/sources", tags=["documents"], summary="Where a document was read")
def get_sources(request: Request, ref: str) -> list[dict[str, Any]]:
    row = _document(request, ref)
    return queries.sources(request.app.state.backend.conn(), row["key"])


@router.get("/statements", tags=["layers"], summary="Who said what")
def list_statements(request: Request, filters: Annotated[dict, Depends(statement_filters)],
                    page: Annotated[dict, Depends(paging)]) -> Page:
    return _page(request, queries.statements(request.app.state.backend.conn(), **filters, **page))


@router.get("/events", tags=["layers"], summary="What happened (PLOVER events)")
def list_events(request: Request, filters: Annotated[dict, Depends(event_filters)],
                page: Annotated[dict, Depends(paging)]) -> Page:
    return _page(request, queries.events(request.app.state.backend.conn(), **filters, **page))


@router.get("/figures", tags=["layers"], summary="How many: killed, injured, displaced...")
def list_figures(request: Request, filters: Annotated[dict, Depends(figure_filters)],
                 page: Annotated[dict, Depends(paging)]) -> Page:
    return _page(request, queries.figures(request.app.state.backend.conn(), **filters, **page))


@router.get("/places", tags=["layers"], summary="Where: places with coordinates")
def list_places(request: Request, filters: Annotated[dict, Depends(place_filters)],
                page: Annotated[dict, Depends(paging)]) -> Page:
    return _page(request, queries.places(request.app.state.backend.conn(), **filters, **page))


@router.get("/health", tags=["server"], summary="The store's counts")
def health(request: Request) -> dict[str, Any]:
    return {"store": str(request.app.state.backend.db.name), "writable": request.app.state.backend.writable,
            "counts": queries.totals(request.app.state.backend.conn())}

