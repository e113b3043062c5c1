"""The state of polled feeds (``eventwire watch``): validators for conditional requests and back-off."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import insert, select, update

from . import values
from .db import Store
from .schema import documents, feeds


@dataclass
class FeedState:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    failures: int = 0
    next_poll: datetime | None = None
    last_polled: datetime | None = None
    last_status: str | None = None


def _aware(moment: datetime | None) -> datetime | None:
    # SQLite gives naive datetimes back: they were written in UTC.
    return moment.replace(tzinfo=timezone.utc) if moment is not None and moment.tzinfo is None else moment


def load(store: Store, url: str) -> FeedState:
    with store.engine.connect() as conn:
        row = conn.execute(select(feeds).where(feeds.c.url == values.text(url))).first()
    if row is None:
        return FeedState(url)
    m = row._mapping
    return FeedState(url, m["etag"], m["last_modified"], m["failures"], _aware(m["next_poll"]),
                     _aware(m["last_polled"]), m["last_status"])


def save(store: Store, state: FeedState) -> None:
    row = values.deep({"etag": state.etag, "last_modified": state.last_modified, "failures": state.failures,
                       "next_poll": state.next_poll, "last_polled": state.last_polled,
                       "last_status": state.last_status})
    url = values.text(state.url)
    with store.engine.connect().execution_options(writer=True) as conn, conn.begin():
        done = conn.execute(update(feeds).where(feeds.c.url == url).values(**row)).rowcount
        if not done:
            conn.execute(insert(feeds).values(url=url, **row))


def has_url(store: Store, url: str) -> bool:
    """Whether a coded document with this link is stored (an entry seen before, even if edited since)."""
    with store.engine.connect() as conn:
        return conn.scalar(select(documents.c.id).where(documents.c.url == values.text(url),
                                                        documents.c.error.is_(None)).limit(1)) is not None
