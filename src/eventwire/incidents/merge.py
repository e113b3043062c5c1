"""Cross-report merging: events of different reports that tell of one happening share an incident id.

Each report's main event (its most confident of an ACLED type) is compared with the main events of the other reports
dated within a day of it. Two are one incident when they are of one family (political violence:
battles, explosions and attacks on civilians, which different writers code differently, and deadly
riots; demonstrations; other developments), their places do not disagree (two towns named in the
event's sentence lie within 25 km; a country or region is only checked against the other report's
country) and their death counts agree. A death count is what tells an incident from its neighbours of
the same days and places: a report without one is not merged, a single death needs both reports tied
to the town by their words, and only reports of one town may differ a little in their counts. An incident is a group whose every two reports
agree (complete linkage), so a chain of neighbours (Monday's report like Tuesday's, Tuesday's like
Wednesday's) is not one incident. An event that is not a report's main event keeps an incident of
its own.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from ..geo.distance import km
from ..lang.acled import BATTLES, EXPLOSIONS, PROTESTS, RIOTS, VIOLENCE_AGAINST_CIVILIANS
from ..model import Failed
from ..model import CodedDocument, Event, Place

MAX_DAYS = 1
MAX_KM = 25.0
FAMILY = {BATTLES: "violence", EXPLOSIONS: "violence", VIOLENCE_AGAINST_CIVILIANS: "violence",
          PROTESTS: "demonstration", RIOTS: "demonstration"}
#: Places that name an area, not a town: they agree with any place of their country.
COARSE = frozenset({"admin1", "country", "continent"})


def _family(e: Event) -> str:
    return FAMILY.get(e.acled_event_type or "", e.acled_event_type or e.type)


def _kin(a: Event, b: Event) -> bool:
    """Of one family; a deadly riot and an attack are kin too (writers code a deadly communal clash as
    mob violence or as attacks; the death counts, which must then agree, tell them apart)."""
    fa, fb = _family(a), _family(b)
    if fa == fb:
        return True
    riot = {x.acled_event_type for x in (a, b)} & {RIOTS}
    return bool(riot) and {fa, fb} == {"violence", "demonstration"}


def _day(e: Event) -> int | None:
    try:
        return date.fromisoformat(e.when.date).toordinal() if e.when and e.when.date else None
    except ValueError:
        return None


def _coarse(p: Place) -> bool:
    return p.feature in COARSE or p.precision >= 3


def _told(p: Place) -> bool:
    """A place the report ties to the event, or names in the event's own sentence ("Eight were killed in
    a suicide attack on a mosque in Maiduguri"); not one taken from elsewhere in the story or its actors."""
    return not p.inferred or (p.rule or "").endswith("; sentence")


def located(p: Place | None) -> bool:
    """Whether the distance test decides for this place: a town told of the event, not an area
    (the store indexes such places by grid cell; any other place may agree with any report)."""
    return p is not None and _told(p) and not _coarse(p)


def places_agree(a: Place | None, b: Place | None, tied: bool = False) -> bool | None:
    """True when both are towns (or points near one) within MAX_KM, False when they disagree (towns
    further apart, or another country), None when one is missing, not told of the event (see ``_told``;
    with ``tied``, not tied to it by the words), or only a country or region."""
    told = (lambda p: not p.inferred) if tied else _told
    if a is None or b is None or not told(a) or not told(b):  # a place guessed from the story tells nothing
        return None
    if _coarse(a) or _coarse(b):
        return None if not (a.country and b.country) or a.country == b.country else False
    return km(a.lat, a.lon, b.lat, b.lon) <= MAX_KM


def same_incident(a: Event, b: Event) -> bool:
    da, db = _day(a), _day(b)
    if not _kin(a, b) or da is None or db is None or abs(da - db) > MAX_DAYS:
        return False
    placed = places_agree(a.location, b.location)
    if placed is False or not tolls_agree(a.fatalities, b.fatalities, near=placed is True):
        return False
    # one death in one town is common: only reports that tie the event to the same town agree on it
    return min(a.fatalities, b.fatalities) > 1 or places_agree(a.location, b.location, tied=True) is True


def tolls_agree(a: int | None, b: int | None, near: bool) -> bool:
    """Both reports give deaths, and the same number; for reports of one town (``near``), from five up,
    numbers within a quarter of the larger agree too: first reports and later counts of one attack
    differ ('at least eight' against ten)."""
    if not a or not b:
        return False
    return a == b or (near and min(a, b) >= 5 and abs(a - b) <= max(a, b) / 4)


def main_event(events: Sequence[Event]) -> int | None:
    """The index of the event a report is matched by: its most confident event of an ACLED type (a report
    that denies a killing is about the killing, not the denial), else its most confident; None when none."""
    if not events:
        return None
    typed = [i for i, e in enumerate(events) if e.acled_event_type] or range(len(events))
    return max(typed, key=lambda i: events[i].confidence)


def assign_incidents(items: Sequence[CodedDocument | Failed]) -> list[CodedDocument | Failed]:
    """Give every event an ``incident`` id; main events of different documents may share one."""
    docs = [cd for cd in items if isinstance(cd, CodedDocument)]
    main = [None if (m := main_event(cd.events)) is None else cd.events[m] for cd in docs]
    by_day: dict[int, list[int]] = defaultdict(list)
    for x, e in enumerate(main):
        if e is not None and _day(e) is not None:
            by_day[_day(e)].append(x)
    group = list(range(len(docs)))  # each report's incident: the index of its first report
    members = {x: [x] for x in range(len(docs))}
    for x, e in enumerate(main):
        if e is None or _day(e) is None:
            continue
        for d in range(_day(e) - MAX_DAYS, _day(e) + MAX_DAYS + 1):
            for y in by_day.get(d, ()):
                gx, gy = group[x], group[y]
                if y <= x or gx == gy or not same_incident(e, main[y]):
                    continue
                if all(same_incident(main[p], main[q]) for p in members[gx] for q in members[gy]):
                    for q in members.pop(gy):
                        group[q] = gx
                        members[gx].append(q)
    for x, cd in enumerate(docs):
        for n, e in enumerate(cd.events):
            e.incident = f"inc-{group[x]}" if e is main[x] else f"inc-{group[x]}.{n}"
    return list(items)
