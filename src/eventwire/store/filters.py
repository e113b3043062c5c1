"""The filters of ``Store.events`` (and ``eventwire events``), turned into SQL conditions.

Values are checked here so that a typo gives a clear error instead of an empty result.
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass

import pycountry
from sqlalchemy import ColumnElement, func, or_

from ..model import STATUSES
from . import values
from .schema import events

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


@dataclass
class EventFilter:
    """Every filter is optional; a list means any of its values; all given filters must hold."""

    since: str | None = None  # event date on or after (YYYY, YYYY-MM or YYYY-MM-DD)
    until: str | None = None  # event date on or before
    type: str | Iterable[str] | None = None  # PLOVER type
    acled_type: str | Iterable[str] | None = None  # ACLED event type or sub-event type
    actor: str | None = None  # part of the name of actor 1 or 2, any case
    country: str | Iterable[str] | None = None  # of the event's location
    status: str | Iterable[str] | None = None  # asserted, claimed, …
    q: str | None = None  # part of the evidence sentence, an actor's name or the location, any case

    def __post_init__(self) -> None:
        self.actor = values.filter_text(self.actor, "actor") if self.actor else self.actor
        self.q = values.filter_text(self.q, "q") if self.q else self.q

    def conditions(self) -> list[ColumnElement[bool]]:
        c = events.c
        out: list[ColumnElement[bool]] = []
        if self.since:
            out.append(c.date >= period(self.since, end=False))
        if self.until:
            out.append(c.date <= period(self.until, end=True))
        if types := _values(self.type):
            out.append(c.type.in_([t.strip().upper() for t in types]))
        if acled := _values(self.acled_type):
            wanted = [a.strip().lower() for a in acled]
            out.append(or_(func.lower(c.acled_event_type).in_(wanted), func.lower(c.acled_sub_event_type).in_(wanted)))
        if self.actor:
            part = self.actor.strip().lower()
            out.append(or_(func.lower(c.actor1).contains(part, autoescape=True),
                           func.lower(c.actor2).contains(part, autoescape=True)))
        if countries := _values(self.country):
            out.append(c.country.in_([country_code(v) for v in countries]))
        if statuses := _values(self.status):
            wanted = [s.strip().lower() for s in statuses]
            if unknown := [s for s in wanted if s not in STATUSES]:
                raise ValueError(f"unknown status: {', '.join(unknown)} (one of {', '.join(STATUSES)})")
            out.append(c.status.in_(wanted))
        if self.q and self.q.strip():
            part = self.q.strip().lower()
            out.append(or_(*(func.lower(col).contains(part, autoescape=True)
                             for col in (c.evidence_text, c.actor1, c.actor2, c.location))))
        return out
