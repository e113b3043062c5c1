"""Territorial control read from the stored events: each event that moves a place from one hand to
another (data/incidents/control.json: territory sub-event types, and seizures of a place) is a control change, with the status of its telling ("claimed" when
only one side says so), so that a place has a timeline and a country a "who holds what" table at a date."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import and_, exists, func, or_, select

from .. import lang
from .db import Store
from .filters import country_code, period
from .schema import actors, events, places


@dataclass
class Change:
    """One control change of a place: ``holder`` takes it (None: ``loser`` left, holder unknown)."""

    place: str
    geonameid: int | None
    country: str | None
    date: str | None
    change: str  # "gain" or "loss"
    holder: str | None
    loser: str | None
    status: str
    event: str  # the store id of the event ("document-event")
    doc_id: str
    evidence_text: str


def _kinds() -> dict[str, str]:
    data = lang.load("incidents/control.json")
    return {sub: kind for kind in ("gain", "loss") for sub in data[kind]}


def _place_taken() -> Any:
    """Events of a seizing rule whose actor2 (what was seized) is a place mention: a gain."""
    a, p = actors.c, places.c
    named = exists().where(a.document == events.c.document, a.event == events.c.event, a.role == 2,
                           p.document == a.document, p.start_char >= a.start_char, p.end_char <= a.end_char)
    rules = lang.load("incidents/control.json")["seize"]  # a rule may carry refinements: "coerce.seize+..."
    return and_(or_(*(cond for r in rules for cond in (events.c.rule == r, events.c.rule.startswith(r + "+")))), named)


def changes(store: Store, place: str | None = None, country: str | None = None,
            until: str | None = None) -> list[Change]:
    """Control changes, oldest first; ``place`` is a place name (any case) or a GeoNames id."""
    kinds = _kinds()
    c = events.c
    query = select(c.document, c.event, c.doc_id, c.location, c.geonameid, c.country, c.date, c.acled_sub_event_type,
                   c.actor1, c.actor2, c.status, c.evidence_text).where(
        or_(c.acled_sub_event_type.in_(list(kinds)), _place_taken()), c.location.is_not(None))
    if place is not None:  # a GeoNames id, the gazetteer's name, or the words a text used ("al-Asabaa")
        word = place.strip().lower()
        named = select(places.c.geonameid).where(or_(func.lower(places.c.text) == word,
                                                     func.lower(places.c.name) == word))
        query = query.where(c.geonameid == int(word)) if word.isdigit() else \
            query.where(or_(func.lower(c.location) == word, c.geonameid.in_(named)))
    if country:
        query = query.where(c.country == country_code(country))
    if until:
        query = query.where(c.date <= period(until, end=True))
    query = query.order_by(c.date.nulls_last(), c.document, c.event)
    with store.engine.connect() as conn:
        rows = conn.execute(query).all()
    out = []
    for r in rows:
        kind = kinds.get(r.acled_sub_event_type, "gain")  # else a place seized
        if kind == "gain":  # a party taking a place from itself, or the place itself, is no loser
            holder, loser = r.actor1, r.actor2 if r.actor2 not in (r.actor1, r.location) and \
                r.acled_sub_event_type in kinds else None
        else:
            holder, loser = None, r.actor1
        out.append(Change(place=r.location, geonameid=r.geonameid, country=r.country, date=r.date, change=kind,
                          holder=holder, loser=loser,
                          status=r.status, event=f"{r.document}-{r.event}", doc_id=r.doc_id,
                          evidence_text=r.evidence_text))
    return out


def holdings(store: Store, country: str, date: str) -> list[dict[str, Any]]:
    """Who holds what in ``country`` on ``date``: the latest change of each place up to that day (its holder,
    since when, and how that was told), places by name."""
    latest: dict[tuple[str, int | None], Change] = {}
    for ch in changes(store, country=country, until=date):
        latest[ch.place, ch.geonameid] = ch
    return [{"place": ch.place, "geonameid": ch.geonameid, "holder": ch.holder, "since": ch.date,
             "change": ch.change, "status": ch.status, "event": ch.event}
            for _, ch in sorted(latest.items(), key=lambda kv: (kv[0][0], kv[0][1] or 0))]


def as_dict(ch: Change) -> dict[str, Any]:
    return asdict(ch)
