"""Fetching a URL the user asked for, without letting a page steer us into their network.

A link in a feed or a redirect can point at 127.0.0.1, a router at 192.168.0.1 or a cloud
metadata address (169.254.169.254). Every host is resolved here, every address it
resolves to must be public, and the connection goes to the address that was checked (so a
second DNS answer cannot swap it); each redirect is checked the same way. Hosts on the
allow-list (a setting, for a test server or an intranet) skip the address check.
"""
from __future__ import annotations

import ipaddress
import os
import socket
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import certifi
import urllib3

from ..errors import FetchError

REDIRECTS = {301, 302, 303, 307, 308}


def _version() -> str:
    from .. import __version__

    return __version__


@dataclass(frozen=True)
class FetchPolicy:
    """How Dateline fetches.

    timeout: seconds for the whole fetch, redirects included.
    max_bytes: the most a body may hold (after decompression); larger pages are refused.
    allow: host names or addresses that may be private (env DATELINE_FETCH_ALLOW, comma-separated).
    """

    timeout: float = 20.0
    max_bytes: int = 20 * 2**20
    max_redirects: int = 5
    user_agent: str = field(default_factory=lambda: f"Dateline/{_version()} (news-to-data extractor)")
    allow: frozenset[str] = frozenset()

    @classmethod
    def from_env(cls, allow: list[str] | None = None, **overrides: object) -> "FetchPolicy":
        hosts = {h.strip().lower() for h in os.environ.get("DATELINE_FETCH_ALLOW", "").split(",") if h.strip()}
        hosts.update(h.strip().lower() for h in allow or [] if h.strip())
        return cls(allow=frozenset(hosts), **{k: v for k, v in overrides.items() if v is not None})


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content_type: str
    body: bytes


def is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def _resolve(host: str, port: int, policy: FetchPolicy) -> str:
    """The address to connect to, after checking every address the host resolves to."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as e:
        raise FetchError(f"cannot resolve {host}: {e.strerror}") from None
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    if host.lower() not in policy.allow:
        for address in addresses:
            if address.lower() not in policy.allow and not is_public(address):
                raise FetchError(f"refused {host}: it resolves to {address}, a private, loopback or link-local "
                                 f"address (allow it with DATELINE_FETCH_ALLOW or --allow-host)")
    return addresses[0]


def fetch(url: str, policy: FetchPolicy | None = None) -> Fetched:
    """GET the URL and return its body, following redirects; FetchError says why not."""
    policy = policy or FetchPolicy.from_env()
    deadline = time.monotonic() + policy.timeout
    for _ in range(policy.max_redirects + 1):
        response, pool = _get(url, policy, deadline)
        try:
            if response.status in REDIRECTS and response.headers.get("Location"):
                url = urljoin(url, response.headers["Location"])
                continue
            if response.status >= 400:
                raise FetchError(f"{url}: HTTP {response.status}")
            body = _read_capped(response, url, policy, deadline)
            return Fetched(url, response.headers.get("Content-Type", ""), body)
        finally:
            response.release_conn()
            pool.close()
    raise FetchError(f"{url}: more than {policy.max_redirects} redirects")


def _get(url: str, policy: FetchPolicy, deadline: float):
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"{url}: only http and https URLs are fetched")
    host = parts.hostname
    port = parts.port or (443 if parts.scheme == "https" else 80)
    address = _resolve(host, port, policy)
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise FetchError(f"{url}: timed out after {policy.timeout:g} s")
    timeout = urllib3.Timeout(connect=remaining, read=remaining)
    if parts.scheme == "https":
        pool = urllib3.HTTPSConnectionPool(address, port, timeout=timeout, retries=False, server_hostname=host,
                                           assert_hostname=host, cert_reqs="CERT_REQUIRED", ca_certs=certifi.where())
    else:
        pool = urllib3.HTTPConnectionPool(address, port, timeout=timeout, retries=False)
    netloc = host if parts.port is None else f"{host}:{parts.port}"
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    try:
        response = pool.urlopen("GET", path, headers={"Host": netloc, "User-Agent": policy.user_agent,
                                                      "Accept": "text/html, application/xhtml+xml, application/rss+xml, "
                                                                "application/atom+xml, text/xml, text/plain;q=0.8"},
                                redirect=False, preload_content=False)
    except urllib3.exceptions.HTTPError as e:
        pool.close()
        raise FetchError(f"{url}: {type(e).__name__}: {e}") from None
    return response, pool


def _read_capped(response, url: str, policy: FetchPolicy, deadline: float) -> bytes:
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > policy.max_bytes:
        raise FetchError(f"{url}: {int(declared)} bytes is more than the limit of {policy.max_bytes}")
    chunks, size = [], 0
    try:
        for chunk in response.stream(65536, decode_content=True):
            size += len(chunk)
            if size > policy.max_bytes:
                raise FetchError(f"{url}: more than the limit of {policy.max_bytes} bytes")
            if time.monotonic() > deadline:
                raise FetchError(f"{url}: timed out after {policy.timeout:g} s")
            chunks.append(chunk)
    except urllib3.exceptions.HTTPError as e:
        raise FetchError(f"{url}: {type(e).__name__}: {e}") from None
    return b"".join(chunks)
