"""Cross-report merging: events of different reports that tell of one happening share an incident id.

First version: two events are one incident when they are of the same ACLED event type (or PLOVER
type), dated within a day of each other, placed within 25 km, and their death counts agree.
Clusters are the connected components of that relation (union-find).
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from .geo.resolve import km
from .ingest.sources import Failed
from .model import CodedDocument, Event

MAX_DAYS = 1
MAX_KM = 25.0


def same_incident(a: Event, b: Event) -> bool:
    if (a.acled_event_type or a.type) != (b.acled_event_type or b.type):
        return False
    if not (a.when and b.when and a.when.date and b.when.date and a.location and b.location):
        return False
    try:
        days = abs((date.fromisoformat(a.when.date) - date.fromisoformat(b.when.date)).days)
    except ValueError:
        return False
    if days > MAX_DAYS:
        return False
    if km(a.location.lat, a.location.lon, b.location.lat, b.location.lon) > MAX_KM:
        return False
    return a.fatalities is None or b.fatalities is None or a.fatalities == b.fatalities


def assign_incidents(items: Sequence[CodedDocument | Failed]) -> list[CodedDocument | Failed]:
    """Give every event an ``incident`` id; events of different documents may share one."""
    events = [(i, e) for i, cd in enumerate(items) if isinstance(cd, CodedDocument) for e in cd.events]
    parent = list(range(len(events)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for x in range(len(events)):
        for y in range(x + 1, len(events)):
            if events[x][0] != events[y][0] and same_incident(events[x][1], events[y][1]):
                parent[find(x)] = find(y)
    for x, (_, e) in enumerate(events):
        e.incident = f"inc-{find(x)}"
    return list(items)
