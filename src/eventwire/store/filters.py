"""The filters of ``Store.events`` (and ``eventwire events``), turned into SQL conditions.

Values are checked here so that a typo gives a clear error instead of an empty result.
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import pycountry
from sqlalchemy import ColumnElement, and_, or_

from .. import lang
from ..model import STATUSES
from . import values
from .schema import events
from .search import WordMatch, words

_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def period(value: str, end: bool) -> str:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` → the first (or, with ``end``, last) ISO day of it."""
    m = _PERIOD.match(value.strip())
    if not m:
        raise ValueError(f"not a date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = int(m[1]), int(m[2] or (12 if end else 1)), m[3]
    if not 1 <= month <= 12:
        raise ValueError(f"not a date: {value!r}")
    last = calendar.monthrange(year, month)[1]
    day = int(day) if day else (last if end else 1)
    if not 1 <= day <= last:
        raise ValueError(f"not a date: {value!r}")
    return f"{year:04d}-{month:02d}-{day:02d}"


def country_code(value: str) -> str:
    """An ISO alpha-2 or alpha-3 code or a country name → the alpha-2 code locations are stored with."""
    v = value.strip()
    found = (pycountry.countries.get(alpha_2=v.upper()) if len(v) == 2 else
             pycountry.countries.get(alpha_3=v.upper()) if len(v) == 3 else None)
    if found is None:
        try:
            found = pycountry.countries.lookup(v)
        except LookupError:
            raise ValueError(f"unknown country: {value!r} (use an ISO code such as AF or AFG, or a name)") from None
    return found.alpha_2


def _values(value: str | Iterable[str] | None) -> list[str]:
    if value is None:
        return []
    return [values.text(v) for v in ([value] if isinstance(value, str) else value)]


def plover_types() -> list[str]:
    return sorted(t for t in lang.load("coding/plover.json") if not t.startswith("_"))


def acled_types() -> list[str]:
    """ACLED event types, then their sub-event types (either is a value of the ``acled`` filter)."""
    kinds = {k: v for k, v in lang.load("coding/acled.json").items() if not k.startswith("_")}
    return [*kinds, *(sub for subs in kinds.values() for sub in subs)]


def _known(name: str, given: list[str], valid: list[str], norm: Callable[[str], str]) -> list[str]:
    """``given`` normalised, or ValueError naming the values that are not ``valid`` and every valid one."""
    wanted = [norm(v.strip()) for v in given]
    allowed = {norm(v) for v in valid}
    if unknown := [g for g, w in zip(given, wanted) if w not in allowed]:
        raise ValueError(f"unknown {name}: {', '.join(map(repr, unknown))} (one of {', '.join(valid)})")
    return wanted


@dataclass(frozen=True)
class Box:
    """A bounding box in degrees; west > east crosses the antimeridian."""

    west: float
    south: float
    east: float
    north: float

    @classmethod
    def parse(cls, value: str) -> Box:
        """"west,south,east,north", as GeoJSON and most map tools write it."""
        try:
            w, s, e, n = (float(v) for v in value.split(","))
        except ValueError:
            raise ValueError(f"not a bounding box: {value!r} (use west,south,east,north in degrees, "
                             "e.g. -18,-35,52,38)") from None
        if not (-180 <= w <= 180 and -180 <= e <= 180 and -90 <= s <= n <= 90):
            raise ValueError(f"not a bounding box: {value!r} (longitudes -180..180, latitudes -90..90, "
                             "south before north)")
        return cls(w, s, e, n)


@dataclass
class EventFilter:
    """Every filter is optional; a list means any of its values; all given filters must hold."""

    since: str | None = None  # event date on or after (YYYY, YYYY-MM or YYYY-MM-DD)
    until: str | None = None  # event date on or before
    type: str | Iterable[str] | None = None  # PLOVER type
    acled: str | Iterable[str] | None = None  # ACLED event type or sub-event type
    actor: str | None = None  # words of actor 1's or actor 2's name (see search.py), any case
    country: str | Iterable[str] | None = None  # of the event's location
    status: str | Iterable[str] | None = None  # asserted, claimed, …
    q: str | None = None  # words of the evidence sentence, an actor's name or the location, any case
    bbox: str | None = None  # the location lies in west,south,east,north

    def __post_init__(self) -> None:
        self.actor = values.filter_text(self.actor, "actor") if self.actor else self.actor
        self.q = values.filter_text(self.q, "q") if self.q else self.q

    def conditions(self) -> list[ColumnElement[bool]]:
        """SQL conditions; ValueError (naming the valid values) for a value that matches nothing by its nature."""
        c = events.c
        out: list[ColumnElement[bool]] = []
        if self.since:
            out.append(c.date >= period(self.since, end=False))
        if self.until:
            out.append(c.date <= period(self.until, end=True))
        if types := _values(self.type):
            out.append(c.type.in_(_known("type", types, plover_types(), str.upper)))
        if acled := _values(self.acled):
            valid = acled_types()
            exact = {v.lower(): v for v in valid}
            wanted = [exact[w] for w in _known("ACLED type", acled, valid, str.lower)]
            out.append(or_(c.acled_event_type.in_(wanted), c.acled_sub_event_type.in_(wanted)))
        if self.actor is not None:
            out.append(WordMatch(words(self.actor), "actor"))
        if countries := _values(self.country):
            out.append(c.country.in_([country_code(v) for v in countries]))
        if statuses := _values(self.status):
            out.append(c.status.in_(_known("status", statuses, list(STATUSES), str.lower)))
        if self.q and self.q.strip():
            out.append(WordMatch(words(self.q)))
        if self.bbox:
            box = Box.parse(self.bbox)
            lon = (c.lon.between(box.west, box.east) if box.west <= box.east
                   else or_(c.lon >= box.west, c.lon <= box.east))
            out.append(and_(c.lat.between(box.south, box.north), lon))
        return out
