"""One event told twice by one sentence: two triggers of the same sentence ("an airstrike hit …") coded
alike become one event. An event equal to another of its sentence in every field a user sees, except that
it lacks the other side (actor2), is the same event less complete and goes too. And where a sentence tells
of a protest, the force used on its crowd ("police fired tear gas at protesters") is the protest's
intervention, told by the protest event: a violent event of that sentence coded as the protest itself, or
as a battle that a crowd fights, goes (ACLED's battles are between organised armed groups).

One happening told again by other sentences of the article (its toll, its claim, a witness, the caption) is
one event too: ``coref.corefer`` folds the mentions of each happening into one event that lists them all."""
from __future__ import annotations

from ..lang.acled import BATTLES, DEMONSTRATIONS
from ..model import CodedDocument, Event
from .coref import corefer


def _name(actor) -> str | None:
    return actor.name if actor is not None else None


def key(ev: Event, with_target: bool = True) -> tuple:
    """What a user of the data sees of an event, its evidence sentence included."""
    where = ev.location
    return (ev.evidence, ev.type, ev.mode, ev.acled_event_type, ev.acled_sub_event_type, _name(ev.actor1),
            _name(ev.actor2) if with_target else None, where.name if where is not None else None,
            (ev.when.date, ev.when.precision) if ev.when else None, ev.fatalities, ev.status, ev.attribution)


CROWDS = ("protesters", "rioters")


def _intervention(ev: Event, protests: set) -> bool:
    """A violent event of a protest's sentence that only retells the protest or the force used on it."""
    if ev.type != "ASSAULT" or ev.evidence not in protests or ev.fatalities:
        return False
    crowd = any(a is not None and a.kind in CROWDS for a in (ev.actor1, ev.actor2))
    return ev.acled_event_type in DEMONSTRATIONS or (ev.acled_event_type == BATTLES and crowd)


def collapse(cd: CodedDocument) -> None:
    """Keep one event of each group of repeats: the most confident one with the fullest fields, at the
    place of the group's first event in the list and with the group's highest confidence."""
    protests = {ev.evidence for ev in cd.events if ev.type == "PROTEST" and ev.acled_event_type in DEMONSTRATIONS}
    cd.events = [ev for ev in cd.events if not _intervention(ev, protests)]
    best: dict[tuple, Event] = {}
    for ev in cd.events:
        k = key(ev)
        if k not in best or ev.confidence > best[k].confidence:
            best[k] = ev
    fuller = {key(ev, False): ev for ev in sorted(best.values(), key=lambda e: e.confidence)
              if ev.actor2 is not None}

    def rep(ev: Event) -> Event:
        chosen = best[key(ev)]
        return fuller.get(key(ev, False), chosen) if chosen.actor2 is None else chosen

    out: list[Event] = []
    seen: set[int] = set()
    for ev in cd.events:
        r = rep(ev)
        r.confidence = max(r.confidence, ev.confidence)
        if id(r) not in seen:
            seen.add(id(r))
            out.append(r)
    cd.events = corefer(cd, out)

