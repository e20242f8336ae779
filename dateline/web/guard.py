"""What stands between the network and the application: headers that keep a browser from
running anything the page did not ship, and errors that say what went wrong without ever
showing a traceback. (The cap on request bodies is FastAPI's own `max_body_size`.)"""
from __future__ import annotations

import logging
from typing import Any

from fastapi import HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .queries import FilterError

log = logging.getLogger("dateline.web")

DEFAULT_MAX_BODY = 2 * 2**20  # bytes: a long article as JSON is a few hundred KB

# scripts, styles, images and data only from this server; nothing may frame the page
SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                 b"object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
# Swagger UI's page starts itself with an inline script: the one page that may run one
DOCS_PATHS = ("/docs",)
DOCS_HEADERS = [
    (b"content-security-policy", b"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                 b"script-src 'self' 'unsafe-inline'; object-src 'none'; frame-ancestors 'none'"),
    *SECURITY_HEADERS[1:],
]


class SecurityHeaders:
    """ASGI middleware: the security headers on every response."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = DOCS_HEADERS if scope["path"].startswith(DOCS_PATHS) else SECURITY_HEADERS

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, with_headers)


def wants_page(request: Request) -> bool:
    """The page's own paths answer errors in HTML; everything else in JSON."""
    return request.app.state.is_page(request.url.path)


def _answer(request: Request, status: int, message: str, details: list[Any] | None = None,
            headers: dict[str, str] | None = None) -> Response:
    if wants_page(request):
        try:
            html = request.app.state.templates.get_template("error.html").render(
                status=status, message=message, details=details or [], request_path=request.url.path, query={})
            return HTMLResponse(html, status_code=status, headers=headers)
        except Exception as e:  # the error page itself failed: say so in JSON rather than not at all
            log.error("the error page failed: %s: %s", type(e).__name__, e)
    error: dict[str, Any] = {"status": status, "message": message}
    if details:
        error["details"] = details
    return JSONResponse({"error": error}, status_code=status, headers=headers)


async def on_http_error(request: Request, exc: HTTPException) -> Response:
    message = exc.detail if isinstance(exc.detail, str) else "request refused"
    return _answer(request, exc.status_code, message, headers=getattr(exc, "headers", None))


async def on_invalid(request: Request, exc: RequestValidationError) -> Response:
    details = [{"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg", "")}
               for e in exc.errors()]
    return _answer(request, 422, "some parameters are not valid", details)


async def on_filter_error(request: Request, exc: FilterError) -> Response:
    return _answer(request, 422, "some parameters are not valid", [{"where": f"query.{exc.name}", "problem": str(exc)}])


async def on_unexpected(request: Request, exc: Exception) -> Response:
    # logged for the operator; the client learns only that it was not its fault
    log.error("internal error on %s %s: %s: %s", request.method, request.url.path, type(exc).__name__, exc)
    return _answer(request, 500, "internal error: the server's log says more")
