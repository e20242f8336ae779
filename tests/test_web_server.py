"""`dateline serve` against slow and idle clients: a request's head and body must arrive
within their time or the connection is answered 408 and closed, connections that send
nothing are closed, and their number is bounded, so that a few sockets cannot hold the
server. Each test talks to the real server, started as the command line starts it, over
raw sockets; the timeouts are set small through the environment."""
from __future__ import annotations

import os
import re
import select
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dateline.errors import SettingsError
from dateline.settings import Settings

from .conftest import ROOT

IDLE, BODY, MAX_CONNECTIONS = 1, 1, 8
SLACK = 4  # seconds beyond a timeout that a busy two-core machine may take to act on it


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def health(port: int) -> bytes:
    """A normal request's answer, on a connection of its own."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
        s.sendall(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        return read_until_closed(s, 5)[0]


def read_until_closed(s: socket.socket, within: float) -> tuple[bytes, bool]:
    """What the server sends within `within` seconds, and whether it has closed the connection."""
    received, deadline = b"", time.monotonic() + within
    while (left := deadline - time.monotonic()) > 0:
        if not select.select([s], [], [], left)[0]:
            break
        try:
            chunk = s.recv(4096)
        except (ConnectionResetError, BrokenPipeError):
            return received, True
        if not chunk:
            return received, True
        received += chunk
    return received, False


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> int:
    from dateline.store import Store

    db = tmp_path_factory.mktemp("serve") / "empty.db"
    Store(db).close()
    port = free_port()
    env = {**os.environ, "DATELINE_IDLE_TIMEOUT": str(IDLE), "DATELINE_BODY_TIMEOUT": str(BODY),
           "DATELINE_MAX_CONNECTIONS": str(MAX_CONNECTIONS)}
    log = tmp_path_factory.mktemp("serve") / "server.log"
    with open(log, "wb") as err:
        proc = subprocess.Popen([sys.executable, "-m", "dateline", "serve", "--db", str(db), "--port", str(port)],
                                cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=err)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if health(port).startswith(b"HTTP/1.1 200"):
                    break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the server did not start: {Path(log).read_text(errors='replace')}")
            time.sleep(0.2)
        yield port
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def trickle(port: int, head: bytes, gap: float | None, within: float) -> tuple[bytes, bool, float]:
    """Send `head`, then one byte every `gap` seconds (None: nothing more); what the server
    answered, whether it closed, and after how many seconds."""
    start = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
        s.sendall(head)
        received = b""
        while time.monotonic() - start < within:
            if gap is not None:
                try:
                    s.sendall(b"x")
                except OSError:  # closed by the server: what did it say?
                    got, closed = read_until_closed(s, 1)
                    return received + got, True, time.monotonic() - start
            got, closed = read_until_closed(s, gap if gap is not None else 0.2)
            received += got
            if closed:
                return received, True, time.monotonic() - start
        return received, False, time.monotonic() - start


# a byte every quarter second never leaves the connection idle for a second, so an idle
# timer alone would wait forever: the whole head or body must arrive in time
@pytest.mark.parametrize("gap", [0.25, None], ids=["a byte at a time", "stalled"])
def test_a_slow_body_is_answered_408_and_closed(server, gap):
    head = (b"POST /extract HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b"Content-Length: 1000\r\n\r\n{\"text\": \"")
    received, closed, after = trickle(server, head, gap, BODY + SLACK + 5)
    assert closed and after < BODY + SLACK, (received, after)
    assert received.startswith(b"HTTP/1.1 408 "), received
    assert b"DATELINE_BODY_TIMEOUT" in received


@pytest.mark.parametrize("gap", [0.25, None], ids=["a byte at a time", "stalled"])
def test_a_slow_head_is_answered_408_and_closed(server, gap):
    received, closed, after = trickle(server, b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ", gap,
                                      IDLE + SLACK + 5)
    assert closed and after < IDLE + SLACK, (received, after)
    assert received.startswith(b"HTTP/1.1 408 ") and b"DATELINE_IDLE_TIMEOUT" in received, received


def test_connections_that_send_nothing_are_bounded_then_closed(server):
    idle = []
    try:
        for _ in range(MAX_CONNECTIONS + 5):
            idle.append(socket.create_connection(("127.0.0.1", server), timeout=5))
            time.sleep(0.02)  # accepted one by one, so that it is the last five that are too many
        # the excess is refused at once with 503, not held
        refused = [read_until_closed(s, 2) for s in idle[MAX_CONNECTIONS:]]
        assert all(closed for _, closed in refused), refused
        assert all(got == b"" or got.startswith(b"HTTP/1.1 503 ") for got, _ in refused), refused
        # the others are closed once they have sent nothing for DATELINE_IDLE_TIMEOUT
        start = time.monotonic()
        kept = [read_until_closed(s, IDLE + SLACK) for s in idle[:MAX_CONNECTIONS]]
        assert all(closed for _, closed in kept) and time.monotonic() - start < IDLE + SLACK, kept
        assert all(got == b"" for got, _ in kept), kept  # nothing begun: closed without an answer
        # and a normal request is answered again
        assert health(server).startswith(b"HTTP/1.1 200 ")
    finally:
        for s in idle:
            s.close()


def one_answer(s: socket.socket) -> bytes:
    """One whole answer (head and Content-Length bytes of body), read as soon as it is there."""
    received = b""
    while b"\r\n\r\n" not in received or len(received.split(b"\r\n\r\n", 1)[1]) < int(
            re.search(rb"(?i)content-length: *([0-9]+)", received.split(b"\r\n\r\n", 1)[0])[1]):
        chunk = s.recv(4096)
        if not chunk:
            break
        received += chunk
    return received


def test_a_connection_kept_alive_serves_requests_then_is_closed_when_idle(server):
    with socket.create_connection(("127.0.0.1", server), timeout=5) as s:
        for _ in range(2):
            s.sendall(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            assert one_answer(s).startswith(b"HTTP/1.1 200 ")
        start = time.monotonic()
        received, closed = read_until_closed(s, IDLE + SLACK)
        assert received == b"" and closed and time.monotonic() - start < IDLE + SLACK


@pytest.mark.parametrize("env, message", [
    ({"DATELINE_IDLE_TIMEOUT": "0"}, "DATELINE_IDLE_TIMEOUT"),
    ({"DATELINE_IDLE_TIMEOUT": "soon"}, "DATELINE_IDLE_TIMEOUT"),
    ({"DATELINE_BODY_TIMEOUT": "-1"}, "DATELINE_BODY_TIMEOUT"),
    ({"DATELINE_BODY_TIMEOUT": "inf"}, "DATELINE_BODY_TIMEOUT"),
    ({"DATELINE_MAX_CONNECTIONS": "0"}, "DATELINE_MAX_CONNECTIONS"),
    ({"DATELINE_MAX_CONNECTIONS": "2.5"}, "DATELINE_MAX_CONNECTIONS"),
])
def test_limits_that_cannot_work_are_refused(env, message):
    with pytest.raises(SettingsError, match=message):
        Settings.from_env(env)


def test_limits_are_read_from_the_environment():
    settings = Settings.from_env({"DATELINE_IDLE_TIMEOUT": "2.5", "DATELINE_BODY_TIMEOUT": "90",
                                  "DATELINE_MAX_CONNECTIONS": "300"})
    assert (settings.idle_timeout, settings.body_timeout, settings.max_connections) == (2.5, 90, 300)
