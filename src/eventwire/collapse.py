"""One event told twice by one sentence: two triggers of the same sentence ("an airstrike hit …") that
were coded alike in every field a user sees become one event, the more confident one."""
from __future__ import annotations

from .model import CodedDocument, Event


def _name(actor) -> str | None:
    return actor.name if actor is not None else None


def key(ev: Event) -> tuple:
    """What a user of the data sees of an event, its evidence sentence included."""
    where = ev.location
    return (ev.evidence, ev.type, ev.mode, ev.acled_event_type, ev.acled_sub_event_type, _name(ev.actor1),
            _name(ev.actor2), where.name if where is not None else None, (ev.when.date, ev.when.precision) if ev.when else None,
            ev.fatalities, ev.status, ev.attribution)


def collapse(cd: CodedDocument) -> None:
    """Drop the events that repeat an earlier one's key, keeping the most confident of each."""
    best: dict[tuple, Event] = {}
    for ev in cd.events:
        k = key(ev)
        if k not in best or ev.confidence > best[k].confidence:
            best[k] = ev
    kept = {id(ev) for ev in best.values()}
    cd.events = [ev for ev in cd.events if id(ev) in kept]
