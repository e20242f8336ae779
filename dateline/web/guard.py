"""What stands between the network and the application: headers that keep a browser from
running anything the page did not ship, a body bounded in size and in time before the
application reads it, and errors that say what went wrong, in one shape, without ever
showing a traceback."""
from __future__ import annotations

import json
import logging
from typing import Any

import anyio
from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..settings import DEFAULT_BODY_TIMEOUT, Settings
from .pages import is_page
from ..store.queries import FilterError

log = logging.getLogger("dateline.web")


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
                                 b"script-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; "
                                 b"frame-ancestors 'none'; form-action 'self'"),
    *SECURITY_HEADERS[1:],
]


class _TooBig(Exception):
    pass


class Secured:
    """The outermost layer of the application (outside FastAPI's own error and body-limit
    middleware, so their answers get the headers too): security headers on every response;
    413 for a body whose declared length is over the limit, before any of it is read; and
    the whole body read here first, within `body_timeout` seconds and `max_body` bytes, so
    that a body sent a byte at a time is answered 408 instead of holding a connection and
    a task for as long as its sender likes."""

    def __init__(self, app: ASGIApp, max_body: int, body_timeout: float = DEFAULT_BODY_TIMEOUT):
        self.app = app
        self.max_body = max_body
        self.body_timeout = body_timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = DOCS_HEADERS if scope["path"] in DOCS_PATHS else SECURITY_HEADERS
        declared = dict(scope.get("headers") or []).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_body:
            await _refuse(send, 413, too_big(self.max_body), extra)
            return
        try:
            with anyio.fail_after(self.body_timeout):
                first = await self._body(receive)
        except TimeoutError:
            await _refuse(send, 408, f"the request's body did not arrive within {self.body_timeout:g} seconds "
                                     f"(DATELINE_BODY_TIMEOUT)", extra)
            return
        except _TooBig:  # sent without a length, and counted past the limit as it came
            await _refuse(send, 413, too_big(self.max_body), extra)
            return
        if first["type"] != "http.request":
            return  # the client left before its body was in: there is no one to answer
        given = False

        async def replay() -> Message:
            # the body read here, then whatever comes next (a disconnect) as it comes
            nonlocal given
            if not given:
                given = True
                return first
            return await receive()

        started = False

        async def with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        try:
            await self.app(scope, replay, with_headers)
        except Exception:
            # Starlette re-raises an error after its 500 has gone out; on_unexpected has
            # logged it on one line, so the server need not print the traceback too
            if not started or Settings.from_env().debug:
                raise

    async def _body(self, receive: Receive) -> Message:
        """The request's whole body as one message, or the disconnect that ended it."""
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return message
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                raise _TooBig
            chunks.append(chunk)
            if not message.get("more_body", False):
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}


async def _refuse(send: Send, status: int, message: str, headers: list[tuple[bytes, bytes]]) -> None:
    # connection: close, as the rest of the body, if any, is never read
    body = json.dumps({"error": {"status": status, "message": message}}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close"), *headers]})
    await send({"type": "http.response.body", "body": body})


def too_big(limit: int) -> str:
    return f"the request body is larger than {limit} bytes (DATELINE_MAX_BODY)"


def _answer(request: Request, status: int, message: str, details: list[Any] | None = None,
            headers: dict[str, str] | None = None) -> Response:
    if is_page(request.url.path):
        try:
            html = request.app.state.templates.get_template("error.html").render(
                status=status, message=message, details=details or [], request_path=request.url.path, query={})
            return HTMLResponse(html, status_code=status, headers=headers)
        except Exception as e:  # the error page itself failed: answer in JSON rather than not at all
            log.error("the error page failed: %s: %r", type(e).__name__, str(e))
    error: dict[str, Any] = {"status": status, "message": message}
    if details:
        error["details"] = details
    return JSONResponse({"error": error}, status_code=status, headers=headers)


async def on_http_error(request: Request, exc: HTTPException) -> Response:
    """FastAPI's and Starlette's own (no route: 404, wrong method: 405, a body counted over
    the limit: 413) and ours, all in one shape."""
    message = exc.detail if isinstance(exc.detail, str) else "request refused"
    if exc.status_code == 413:
        message = too_big(request.app.state.max_body)
    return _answer(request, exc.status_code, message, headers=getattr(exc, "headers", None))


async def on_invalid(request: Request, exc: RequestValidationError) -> Response:
    errors = exc.errors()
    details = [{"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg", "")} for e in errors]
    names = [str(e["loc"][-1]) for e in errors if e.get("loc")]
    return _answer(request, 422, not_valid(names), details)


async def on_filter_error(request: Request, exc: FilterError) -> Response:
    return _answer(request, 422, not_valid([exc.name]), [{"where": exc.where, "problem": str(exc)}])


def not_valid(names: list[str]) -> str:
    """The message of a 422, naming the parameters (the details say what is wrong with each)."""
    named = ", ".join(repr(n) for n in dict.fromkeys(names))
    return f"some parameters are not valid: {named}" if named else "some parameters are not valid"


async def on_unexpected(request: Request, exc: Exception) -> Response:
    # logged for the operator (repr: a message cannot forge log lines; DATELINE_DEBUG=1 for
    # the traceback); the client learns only that it was not its fault
    log.error("internal error on %s %r: %s: %r", request.method, request.url.path, type(exc).__name__, str(exc),
              exc_info=exc if Settings.from_env().debug else None)
    return _answer(request, 500, "internal error: the server's log says more")
