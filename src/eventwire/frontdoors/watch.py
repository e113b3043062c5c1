"""Keep a store fed from news feeds: poll each feed when due, code each new entry once, store it.

Conditional requests (ETag, Last-Modified) spare unchanged feeds; a feed that fails backs off
exponentially (its own delay doubles, up to a day) without holding up the others; every fetch is
bounded in size and time and may reach public addresses only (``ingest.fetch``); feeds are fetched
concurrently, so a slow one stalls no other. An entry is new unless its link or its text is stored already.
"""
from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from .. import __version__
from ..ingest.encoding import decode
from ..ingest.fetch import FetchRules, is_url
from ..ingest.fetch import fetch as get
from ..model import DocumentError, Failed
from ..settings import FEED_WORKERS
from ..store import Store
from ..store import feeds as feed_state
from ..store.feeds import FeedState

log = logging.getLogger(__name__)

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


def fetch(url: str, state: FeedState, rules: FetchRules = FetchRules()) -> Fetched:
    """GET a feed with the validators of its last fetch (under ``rules``: see ``ingest.fetch``); a feed
    the operator listed as a local path is read as a file, with the same size limit."""
    if not is_url(url):
        try:
            with open(url, "rb") as f:
                data = f.read(rules.max_bytes + 1)
        except OSError as exc:
            raise DocumentError(f"cannot read: {exc.strerror or exc}") from None
        if len(data) > rules.max_bytes:
            raise DocumentError(f"feed larger than {rules.max_bytes:,} bytes")
        return Fetched(200, data)
    headers = {"User-Agent": f"eventwire/{__version__} (+feed watcher)"}
    if state.etag:
        headers["If-None-Match"] = state.etag
    if state.last_modified:
        headers["If-Modified-Since"] = state.last_modified
    got = get(url, headers, rules)
    if got.status == 304:
        return Fetched(304, etag=state.etag, last_modified=state.last_modified)
    return Fetched(got.status, got.body, got.headers.get("etag"), got.headers.get("last-modified"))


def _fetch_safely(url: str, state: FeedState, rules: FetchRules) -> Fetched | str:
    """``fetch``, with any failure as its message: run in a thread pool, so nothing may escape."""
    try:
        return fetch(url, state, rules)
    except DocumentError as exc:
        return str(exc)
    except Exception as exc:  # a fetch's bug on one feed must not stop the others
        log.exception("fetching %s failed", url)
        return f"cannot fetch: {type(exc).__name__}: {exc}"


@dataclass
class Polled:
    url: str
    status: str  # "stored", "not modified", "error"
    stored: int = 0
    seen: int = 0  # entries stored before (by link or text)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (entry id, error)
    error: str | None = None


def poll(store: Store, url: str, every: timedelta, code: Callable, now: datetime | None = None,
         rules: FetchRules = FetchRules()) -> Polled:
    """Poll one feed once: fetch, code the entries not stored yet, store them, save the feed's state."""
    return _record(store, url, _fetch_safely(url, feed_state.load(store, url), rules), every, code, now)


def _record(store: Store, url: str, got: Fetched | str, every: timedelta, code: Callable,
            now: datetime | None = None) -> Polled:
    """Code and store what one fetch brought (or record its failure), then save the feed's state."""
    now = now or datetime.now(timezone.utc)
    state = feed_state.load(store, url)
    result = Polled(url, "stored")
    try:
        if isinstance(got, str):
            raise DocumentError(got)
        if got.status == 304:
            result.status = "not modified"
        else:
            _store_entries(store, url, got.body, code, result)
            state.etag, state.last_modified = got.etag, got.last_modified
        state.failures = 0
        state.next_poll = now + every
        state.last_status = result.status if result.status != "stored" else f"stored {result.stored}"
    except Exception as exc:  # the feed fails (and backs off); the other feeds go on
        if not isinstance(exc, DocumentError):
            log.exception("reading the feed %s failed", url)
        message = str(exc) if isinstance(exc, DocumentError) else f"{type(exc).__name__}: {exc}"
        result.status, result.error = "error", message
        state.failures += 1
        state.next_poll = now + min(every * 2 ** state.failures, MAX_BACKOFF)
        state.last_status = f"error: {message}"
    state.last_polled = now
    feed_state.save(store, state)
    return result


def _store_entries(store: Store, url: str, body: bytes, code: Callable, result: Polled) -> None:
    from ..ingest.feeds import documents_from_feed
    for item in documents_from_feed(decode(body).text, Path(url).name or url):
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


def due(store: Store, urls: list[str], now: datetime) -> list[str]:
    return [u for u in urls if (s := feed_state.load(store, u).next_poll) is None or s <= now]


def watch(store: Store, urls: list[str], every: timedelta, code: Callable, once: bool = False,
          report: Callable[[Polled], None] = lambda p: None, sleep: Callable[[float], None] = time.sleep,
          rules: FetchRules = FetchRules(), workers: int = FEED_WORKERS) -> None:
    """Poll the feeds that are due, then sleep until the next one is; with ``once``, one round.
    Up to ``workers`` feeds are fetched at once, so a slow feed holds up no other; what they bring is
    coded and stored here, one feed at a time, as each fetch ends."""
    with ThreadPoolExecutor(max(1, workers), thread_name_prefix="feed") as pool:
        while True:
            now = datetime.now(timezone.utc)
            fetching = {pool.submit(_fetch_safely, url, feed_state.load(store, url), rules): url
                        for url in due(store, urls, now)}
            for done in as_completed(fetching):
                report(_record(store, fetching[done], done.result(), every, code, now))
            if once:
                return
            upcoming = [s.next_poll for u in urls if (s := feed_state.load(store, u)).next_poll]
            wait = (min(upcoming) - datetime.now(timezone.utc)).total_seconds() if upcoming else every.total_seconds()
            sleep(max(1.0, wait))
