"""Ingest: read items → skip texts already stored (before the costly coding) → code → store.

One document's failure (unreadable, uncodable, unstorable) is reported for it and the rest go on.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from sqlalchemy.exc import DataError, IntegrityError

from ..model import Failed
from ..model import CodedDocument, Document
from .db import Store

Outcome = Literal["stored", "skipped", "failed"]


@dataclass
class Ingested:
    id: str
    outcome: Outcome  # "skipped": the same text is stored already
    events: int = 0
    error: str | None = None


def ingest(store: Store, items: Iterable[Document | Failed], code: Callable[[Document], CodedDocument],
           replace: bool = False) -> Iterator[Ingested]:
    """Store each item; with ``replace`` a stored text is coded again and its old coding replaced."""
    for item in items:
        if isinstance(item, Failed):
            yield Ingested(item.id, "failed", error=item.error)
            continue
        if not replace and store.contains(item.text):
            yield Ingested(item.id, "skipped")
            continue
        cd = code(item)
        try:
            added = store.add(cd, replace=replace)
        except (DataError, IntegrityError) as exc:  # a value the database refuses: this document only
            yield Ingested(cd.id, "failed", error=f"not stored: {str(exc.orig).strip()}")
            continue
        if cd.error:  # kept in the store with its error, and coded again next time
            yield Ingested(cd.id, "failed", error=cd.error)
        else:
            yield Ingested(cd.id, "stored" if added else "skipped", events=len(cd.events))
