"""Cross-report merging: events of different reports that tell of one happening share an incident id.

Each report's main event (its most confident) is compared with the main events of the other
reports; two are one incident when they are of one family (political violence: battles,
explosions and attacks on civilians, which different writers code differently; demonstrations;
other developments), dated within a day of each other, and their death counts agree where both
give one; they must also lie within 25 km where both are placed, and where a death count is
missing the places must agree. Clusters are the connected components (union-find); an event that
is not a report's main event keeps an incident of its own.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from .geo.distance import km
from .ingest.sources import Failed
from .model import CodedDocument, Event

MAX_DAYS = 1
MAX_KM = 25.0
FAMILY = {"Battles": "violence", "Explosions/Remote violence": "violence", "Violence against civilians": "violence",
          "Protests": "demonstration", "Riots": "demonstration"}


def _family(e: Event) -> str:
    return FAMILY.get(e.acled_event_type or "", e.acled_event_type or e.type)


def same_incident(a: Event, b: Event) -> bool:
    if _family(a) != _family(b) or not (a.when and b.when and a.when.date and b.when.date):
        return False
    try:
        days = abs((date.fromisoformat(a.when.date) - date.fromisoformat(b.when.date)).days)
    except ValueError:
        return False
    if days > MAX_DAYS:
        return False
    placed = a.location is not None and b.location is not None
    if placed and km(a.location.lat, a.location.lon, b.location.lat, b.location.lon) > MAX_KM:
        return False
    # The death toll is what tells an incident from its neighbours of the same days and places; a
    # single death is too common a toll to match reports that cannot be placed.
    if a.fatalities is None or a.fatalities != b.fatalities or a.fatalities == 0:
        return False
    return placed or a.fatalities > 1


def assign_incidents(items: Sequence[CodedDocument | Failed]) -> list[CodedDocument | Failed]:
    """Give every event an ``incident`` id; main events of different documents may share one."""
    docs = [cd for cd in items if isinstance(cd, CodedDocument)]
    main = [max(cd.events, key=lambda e: e.confidence) if cd.events else None for cd in docs]
    parent = list(range(len(docs)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for x in range(len(docs)):
        for y in range(x + 1, len(docs)):
            if main[x] is not None and main[y] is not None and same_incident(main[x], main[y]):
                parent[find(x)] = find(y)
    for x, cd in enumerate(docs):
        for n, e in enumerate(cd.events):
            e.incident = f"inc-{find(x)}" if e is main[x] else f"inc-{find(x)}.{n}"
    return list(items)
