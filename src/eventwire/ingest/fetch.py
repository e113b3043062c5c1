"""Fetching from the open web without letting a URL reach what it should not, or hold a run for long.

- http and https only: ``file:``, ``ftp:`` and the rest are refused, also as a redirect's target.
- Every address a host name resolves to must be public: private, loopback, link-local, reserved,
  multicast and shared (carrier-grade NAT) addresses are refused unless the operator allows them
  (``FetchRules.allow_private``: ``--allow-private`` or EVENTWIRE_ALLOW_PRIVATE=1). The connection goes
  to the address that was checked, so a second DNS answer cannot swap in another one.
- Redirects are followed by hand, at most ``max_redirects``, each target checked like the first URL.
- ``timeout`` holds for the whole fetch, redirects included: a watchdog shuts the socket down when it
  runs out, so a server trickling a byte at a time cannot hold a fetch.
- At most ``max_bytes`` of body are read.
Every failure is a ``FetchError`` (a DocumentError) with a message for the operator; nothing else escapes.
"""
from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from .. import __version__
from ..model import DocumentError
from ..settings import ALLOW_PRIVATE, FETCH_MAX_BYTES, FETCH_MAX_REDIRECTS, FETCH_TIMEOUT_S

_REDIRECTS = (301, 302, 303, 307, 308)


class FetchError(DocumentError):
    """A fetch that was refused or failed: reported for its URL, never fatal."""


@dataclass(frozen=True)
class FetchRules:
    allow_private: bool = ALLOW_PRIVATE
    timeout: float = FETCH_TIMEOUT_S  # seconds for the whole fetch
    max_bytes: int = FETCH_MAX_BYTES
    max_redirects: int = FETCH_MAX_REDIRECTS


@dataclass
class Response:
    status: int  # 200 (any 2xx), or 304 when not modified
    body: bytes
    url: str  # after redirects
    headers: dict[str, str] = field(default_factory=dict)  # names in lower case


def is_url(text: str) -> bool:
    """Whether an input names a network resource (anything with a scheme) rather than a local path."""
    return "://" in text


def fetch(url: str, headers: dict[str, str] | None = None, rules: FetchRules = FetchRules()) -> Response:
    """GET ``url`` under ``rules``; a 4xx/5xx answer, a refused address or a broken server is a FetchError."""
    deadline = time.monotonic() + rules.timeout
    sent = {"User-Agent": f"eventwire/{__version__}", "Accept-Encoding": "identity", **(headers or {})}
    for _ in range(rules.max_redirects + 1):
        status, got, location = _get(url, sent, rules, deadline)
        if status in _REDIRECTS and location:
            url = urljoin(url, location)
            continue
        if status == 304 or 200 <= status < 300:
            return Response(status, got.pop("body", b""), url, got)
        raise FetchError(f"HTTP {status} {got.get('reason', '')}".rstrip())
    raise FetchError(f"more than {rules.max_redirects} redirects")


def _get(url: str, headers: dict[str, str], rules: FetchRules, deadline: float) -> tuple[int, dict, str | None]:
    try:
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError as exc:
        raise FetchError(f"not a valid URL: {url[:200]!r} ({exc})") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(f"refused: {url[:200]!r} is not an http or https URL")
    host = parts.hostname
    if not host:
        raise FetchError(f"not a valid URL: {url[:200]!r} (no host)")
    address = _checked_address(host, port, rules.allow_private)
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise FetchError(f"took longer than {rules.timeout:g} s")
    kind = http.client.HTTPSConnection if parts.scheme.lower() == "https" else http.client.HTTPConnection
    extra = {"context": ssl.create_default_context()} if kind is http.client.HTTPSConnection else {}
    conn = kind(host, port, timeout=remaining, **extra)
    # connect to the address that was checked, not to whatever the name resolves to next
    conn._create_connection = lambda _addr, timeout, source: socket.create_connection(  # type: ignore[attr-defined]
        (address, port), timeout, source)
    expired = threading.Event()
    watchdog = threading.Timer(remaining, _shut, (conn, expired))
    watchdog.daemon = True
    watchdog.start()
    try:
        conn.request("GET", parts.path + (f"?{parts.query}" if parts.query else "") or "/", headers=headers)
        resp = conn.getresponse()
        got = {k.lower(): v for k, v in resp.getheaders()}
        got["reason"] = resp.reason
        if 200 <= resp.status < 300:
            body = resp.read(rules.max_bytes + 1)
            if expired.is_set():  # the socket was shut down: what was read is a truncated body
                raise FetchError(f"took longer than {rules.timeout:g} s")
            if len(body) > rules.max_bytes:
                raise FetchError(f"larger than {rules.max_bytes:,} bytes")
            got["body"] = body
        return resp.status, got, got.get("location")
    except FetchError:
        raise
    except (OSError, http.client.HTTPException, ValueError) as exc:
        if expired.is_set() or isinstance(exc, TimeoutError):  # the watchdog, or the socket's own timeout
            raise FetchError(f"took longer than {rules.timeout:g} s") from None
        raise FetchError(f"cannot fetch: {type(exc).__name__}: {str(exc)[:200]}") from None
    finally:
        watchdog.cancel()
        conn.close()


def _shut(conn: http.client.HTTPConnection, expired: threading.Event) -> None:
    """The deadline passed: end the socket's reads and writes, which ends the fetch."""
    expired.set()
    sock = conn.sock
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def _checked_address(host: str, port: int, allow_private: bool) -> str:
    """The first address of ``host``, once every address it resolves to is allowed."""
    try:
        answers = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise FetchError(f"cannot resolve {host[:200]!r}: {exc}") from None
    addresses = [info[4][0] for info in answers]
    if not addresses:
        raise FetchError(f"cannot resolve {host[:200]!r}")
    if not allow_private:
        for address in addresses:
            if not public(address):
                raise FetchError(f"refused: {host[:200]} is at {address}, a private, loopback, link-local or "
                                 "reserved address (allow with --allow-private or EVENTWIRE_ALLOW_PRIVATE=1)")
    return addresses[0]


def public(address: str) -> bool:
    """Whether an IP address is on the public internet (an IPv4-mapped IPv6 address is judged as IPv4)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast
