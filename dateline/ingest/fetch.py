"""Fetching a URL the user asked for, without letting a page steer us into their network.

A link in a feed or a redirect can point at 127.0.0.1, a router at 192.168.0.1 or a cloud
metadata address (169.254.169.254). Every host is resolved here, every address it
resolves to must be public, and the connection goes to the address that was checked (so a
second DNS answer cannot swap it); each redirect is checked the same way. Hosts on the
allow-list (a setting, for a test server or an intranet) skip the address check.
"""
from __future__ import annotations

import ipaddress
import socket
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import certifi
import urllib3

from ..errors import FetchError
from ..settings import Settings

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
        """The policy of the settings (DATELINE_FETCH_ALLOW), with more hosts allowed and overrides."""
        hosts = set(Settings.from_env().fetch_allow)
        hosts.update(h.strip().lower() for h in allow or [] if h.strip())
        return cls(allow=frozenset(hosts), **{k: v for k, v in overrides.items() if v is not None})


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content_type: str
    body: bytes


NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
# what Python's is_global lets through but no public web server lives on
ALSO_PRIVATE = (ipaddress.ip_network("192.0.0.0/24"),)


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one carries (mapped, compatible, NAT64, 6to4, Teredo), which
    is where a packet to it may end up."""
    if ip.ipv4_mapped:
        return ip.ipv4_mapped
    if ip.sixtofour:
        return ip.sixtofour
    if ip.teredo:
        return ip.teredo[1]
    if any(ip in net for net in NAT64) or (int(ip) >> 32 == 0 and int(ip) > 1):
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address):
        inner = _embedded_ipv4(ip)
        if inner is not None:
            return is_public(str(inner))
    return ip.is_global and not ip.is_multicast and not any(ip in net for net in ALSO_PRIVATE)


def _resolve(host: str, port: int, policy: FetchPolicy) -> str:
    """The address to connect to, after checking every address the host resolves to."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as e:
        raise FetchError(f"cannot resolve {host}: {e.strerror}") from None
    except (UnicodeError, ValueError) as e:
        raise FetchError(f"cannot resolve {host!r}: {e}") from None
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
                try:
                    url = urljoin(url, response.headers["Location"])
                except ValueError as e:
                    raise FetchError(f"{url}: the redirect goes nowhere valid ({e})") from None
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
    try:
        parts = urlsplit(url)
        host, port = parts.hostname, parts.port
    except ValueError as e:  # a port out of range, an unclosed [ ...
        raise FetchError(f"{url!r} is not a valid URL ({e})") from None
    if parts.scheme not in ("http", "https") or not host:
        raise FetchError(f"{url}: only http and https URLs are fetched")
    port = port or (443 if parts.scheme == "https" else 80)
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
    name = f"[{host}]" if ":" in host else host  # an IPv6 literal
    netloc = name if parts.port is None else f"{name}:{parts.port}"
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
    # a server that trickles bytes never trips a per-read timeout: at the deadline the
    # connection is shut from outside, and the read in progress ends
    watchdog = threading.Timer(max(0.0, deadline - time.monotonic()), response.shutdown)
    watchdog.daemon = True
    watchdog.start()
    try:
        while True:
            chunk = response.read1(65536)
            if not chunk:
                break
            size += len(chunk)
            if size > policy.max_bytes:
                raise FetchError(f"{url}: more than the limit of {policy.max_bytes} bytes")
            chunks.append(chunk)
    except (urllib3.exceptions.HTTPError, OSError, ValueError) as e:
        if time.monotonic() >= deadline:
            raise FetchError(f"{url}: timed out after {policy.timeout:g} s") from None
        raise FetchError(f"{url}: {type(e).__name__}: {e}") from None
    finally:
        watchdog.cancel()
    if time.monotonic() >= deadline:
        raise FetchError(f"{url}: timed out after {policy.timeout:g} s")
    return b"".join(chunks)
