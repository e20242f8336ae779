"""How `dateline serve` runs the application: uvicorn's HTTP/1.1, with the bounds on slow
and idle connections that uvicorn lacks.

uvicorn closes a connection only when it stays silent after an answer (its keep-alive
timeout), and its `limit_concurrency` refuses a request only once the request's head has
arrived. A client that opens connections and sends nothing, or sends its head a byte at a
time, would hold them forever. Here a connection must deliver each request's head within
DATELINE_IDLE_TIMEOUT of opening or of its last answer, and no more than
DATELINE_MAX_CONNECTIONS are open at once; a body's own deadline (DATELINE_BODY_TIMEOUT) is
kept by `guard.Secured`, which reads it before the application does.
"""
from __future__ import annotations

import asyncio
import json
from http import HTTPStatus
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from ..settings import Settings
from .guard import SECURITY_HEADERS


def plain_answer(status: int, message: str, headers: list[tuple[bytes, bytes]] | None = None) -> bytes:
    """A whole HTTP/1.1 answer in the API's error shape, for the moments when there is no
    request the application could answer (its head never came, or one connection too many)."""
    body = json.dumps({"error": {"status": status, "message": message}}).encode()
    lines = [f"HTTP/1.1 {status} {HTTPStatus(status).phrase}".encode(), b"content-type: application/json",
             b"content-length: " + str(len(body)).encode(), b"connection: close",
             *(name + b": " + value for name, value in [*(headers or []), *SECURITY_HEADERS])]
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


class BoundedProtocol(H11Protocol):
    """uvicorn's h11 protocol with a deadline for each request's head and a bound on open
    connections (`bounded_protocol` sets both from the settings)."""

    idle_timeout: float = Settings.idle_timeout
    max_connections: int = Settings.max_connections

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._head_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        # counted as the connection opens, before it has sent anything: the ones that never
        # send are those that must not crowd out the rest
        if len(self.connections) > self.max_connections:
            transport.write(plain_answer(503, f"the server has {self.max_connections} connections open, its most "
                                              f"(DATELINE_MAX_CONNECTIONS): try again shortly",
                                         [(b"retry-after", b"5")]))
            transport.close()
            return
        self._await_head()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._await_head()

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_head_timer()
        super().connection_lost(exc)

    def _await_head(self) -> None:
        # unlike uvicorn's keep-alive timer this one is not put off by each byte that
        # arrives, only stopped by a whole head: a byte a second cannot keep it waiting
        self._stop_head_timer()
        self._head_timer = self.loop.call_later(self.idle_timeout, self._head_overdue)

    def _stop_head_timer(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_overdue(self) -> None:
        self._head_timer = None
        if self.transport.is_closing() or self.conn.their_state is not h11.IDLE:
            return  # a request is under way: its body has its own deadline, and its answer takes what it takes
        if self.conn.trailing_data[0]:  # a head was begun: say why it goes unanswered
            self.transport.write(plain_answer(408, f"the request's head did not arrive within {self.idle_timeout:g} "
                                                   f"seconds (DATELINE_IDLE_TIMEOUT)"))
        try:
            self.conn.send(h11.ConnectionClosed())
        except h11.LocalProtocolError:
            pass
        self.transport.close()


def bounded_protocol(settings: Settings) -> type[BoundedProtocol]:
    """The protocol class uvicorn is given, with the settings' bounds (uvicorn makes one
    instance per connection and passes it no arguments of ours)."""
    return type("BoundedProtocol", (BoundedProtocol,), {"idle_timeout": settings.idle_timeout,
                                                        "max_connections": settings.max_connections})


def serve(app: Any, host: str, port: int, settings: Settings, *, access_log: bool = False) -> None:
    """Serve `app` until interrupted."""
    import uvicorn

    # http= a class: uvicorn's own choice ("auto") would take httptools when it is
    # installed, without these bounds. limit_concurrency is left unset: it counts only
    # requests whose head has arrived, and the bound at connect time covers it.
    uvicorn.run(app, host=host, port=port, http=bounded_protocol(settings), timeout_keep_alive=settings.idle_timeout,
                log_level="warning", access_log=access_log, server_header=False)
