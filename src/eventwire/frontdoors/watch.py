"""Keep a store fed from news feeds: poll each feed when due, code each new entry once, store it.

Conditional requests (ETag, Last-Modified) spare unchanged feeds; a feed that fails backs off
exponentially (its own delay doubles, up to a day) without holding up the others; every fetch is
bounded in size and time. An entry is new unless its link or its text is stored already.
"""
from __future__ import annotations

import re
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from .. import __version__
from ..ingest.encoding import decode
from ..model import Failed
from ..model import DocumentError
from ..store import Store
from ..store import feeds as feed_state
from ..store.feeds import FeedState

MAX_FEED_BYTES = 10_000_000
TIMEOUT_S = 20.0
MAX_BACKOFF = timedelta(days=1)
_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")


def parse_every(text: str) -> timedelta:
    """"15m", "30s", "2h", "1d" (a bare number is minutes) → a timedelta."""
    m = _EVERY.match(text)
    if not m or float(m[1]) <= 0:
        raise ValueError(f"not an interval: {text!r} (use e.g. 30s, 15m, 2h)")
    unit = {"s": "seconds", "m": "minutes", "": "minutes", "h": "hours", "d": "days"}[m[2]]
    return timedelta(**{unit: float(m[1])})


def read_feed_list(path: str) -> list[str]:
    """Feed URLs or file paths, one per line; blank lines and # comments are skipped."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


@dataclass
class Fetched:
    status: int  # 200, or 304 when not modified
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None


def fetch(url: str, state: FeedState, timeout: float = TIMEOUT_S, max_bytes: int = MAX_FEED_BYTES) -> Fetched:
    """GET a feed with the validators of its last fetch; a local path is read as a file."""
    if "://" not in url:
        data = Path(url).read_bytes()
        if len(data) > max_bytes:
            raise DocumentError(f"feed larger than {max_bytes:,} bytes")
        return Fetched(200, data)
    headers = {"User-Agent": f"eventwire/{__version__} (+feed watcher)", "Accept-Encoding": "identity"}
    if state.etag:
        headers["If-None-Match"] = state.etag
    if state.last_modified:
        headers["If-Modified-Since"] = state.last_modified
    request = urllib.request.Request(url, headers=headers)
    deadline = time.monotonic() + timeout
    try:
        with urllib.request.urlopen(request, timeout=timeout) as resp:
            chunks, size = [], 0
            while chunk := resp.read(65536):
                size += len(chunk)
                if size > max_bytes:
                    raise DocumentError(f"feed larger than {max_bytes:,} bytes")
                if time.monotonic() > deadline:
                    raise DocumentError(f"feed took longer than {timeout:g} s")
                chunks.append(chunk)
            return Fetched(resp.status, b"".join(chunks), resp.headers.get("ETag"),
                           resp.headers.get("Last-Modified"))
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return Fetched(304, etag=state.etag, last_modified=state.last_modified)
        raise DocumentError(f"HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise DocumentError(f"cannot fetch: {reason}") from None


@dataclass
class Polled:
    url: str
    status: str  # "stored", "not modified", "error"
    stored: int = 0
    seen: int = 0  # entries stored before (by link or text)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (entry id, error)
    error: str | None = None


def poll(store: Store, url: str, every: timedelta, code: Callable, now: datetime | None = None,
         timeout: float = TIMEOUT_S, max_bytes: int = MAX_FEED_BYTES) -> Polled:
    """Poll one feed once: fetch, code the entries not stored yet, store them, save the feed's state."""
    from ..ingest.feeds import documents_from_feed
    now = now or datetime.now(timezone.utc)
    state = feed_state.load(store, url)
    result = Polled(url, "stored")
    try:
        got = fetch(url, state, timeout, max_bytes)
        if got.status == 304:
            result.status = "not modified"
        else:
            for item in documents_from_feed(decode(got.body).text, Path(url).name or url):
                if isinstance(item, Failed):
                    result.failed.append((item.id, item.error))
                    continue
                link = item.url
                if (link and feed_state.has_url(store, link)) or store.contains(item.text):
                    result.seen += 1
                    continue
                cd = code(item)
                if cd.error:
                    result.failed.append((cd.id, cd.error))
                store.add(cd)  # a failure is kept too, and coded again when the entry comes back
                result.stored += not cd.error
            state.etag, state.last_modified = got.etag, got.last_modified
        state.failures = 0
        state.next_poll = now + every
        state.last_status = result.status if result.status != "stored" else f"stored {result.stored}"
    except DocumentError as exc:
        result.status, result.error = "error", str(exc)
        state.failures += 1
        state.next_poll = now + min(every * 2 ** state.failures, MAX_BACKOFF)
        state.last_status = f"error: {exc}"
    state.last_polled = now
    feed_state.save(store, state)
    return result


def due(store: Store, urls: list[str], now: datetime) -> list[str]:
    return [u for u in urls if (s := feed_state.load(store, u).next_poll) is None or s <= now]


def watch(store: Store, urls: list[str], every: timedelta, code: Callable, once: bool = False,
          report: Callable[[Polled], None] = lambda p: None, sleep: Callable[[float], None] = time.sleep) -> None:
    """Poll the feeds that are due, then sleep until the next one is; with ``once``, one round."""
    while True:
        now = datetime.now(timezone.utc)
        for url in due(store, urls, now):
            report(poll(store, url, every, code, now))
        if once:
            return
        upcoming = [s.next_poll for u in urls if (s := feed_state.load(store, u)).next_poll]
        wait = (min(upcoming) - datetime.now(timezone.utc)).total_seconds() if upcoming else every.total_seconds()
        sleep(max(1.0, wait))
