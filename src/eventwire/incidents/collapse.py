"""One event told twice by one sentence: two triggers of the same sentence ("an airstrike hit …") coded
alike become one event. An event equal to another of its sentence in every field a user sees, except that
it lacks the other side (actor2), is the same event less complete and goes too. And where a sentence tells
of a protest, the force used on its crowd ("police fired tear gas at protesters") is the protest's
intervention, told by the protest event: a violent event of that sentence coded as the protest itself, or
as a battle that a crowd fights, goes (ACLED's battles are between organised armed groups).

One event told again by another sentence of the article ("eastern-based forces retaking a key town" beside
"the Libyan Arab Armed Forces recaptured the town of al-Asabaa on Sunday") is one event too: the mention
whose place and date are only inferred goes into the one that reads them from the text."""
from __future__ import annotations

from collections import defaultdict

from ..model import CodedDocument, Event


def _name(actor) -> str | None:
    return actor.name if actor is not None else None


def key(ev: Event, with_target: bool = True) -> tuple:
    """What a user of the data sees of an event, its evidence sentence included."""
    where = ev.location
    return (ev.evidence, ev.type, ev.mode, ev.acled_event_type, ev.acled_sub_event_type, _name(ev.actor1),
            _name(ev.actor2) if with_target else None, where.name if where is not None else None,
            (ev.when.date, ev.when.precision) if ev.when else None, ev.fatalities, ev.status, ev.attribution)


CROWDS = ("protesters", "rioters")
DEMONSTRATIONS = ("Protests", "Riots")


def _intervention(ev: Event, protests: set) -> bool:
    """A violent event of a protest's sentence that only retells the protest or the force used on it."""
    if ev.type != "ASSAULT" or ev.evidence not in protests or ev.fatalities:
        return False
    crowd = any(a is not None and a.kind in CROWDS for a in (ev.actor1, ev.actor2))
    return ev.acled_event_type in DEMONSTRATIONS or (ev.acled_event_type == "Battles" and crowd)


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
    cd.events = _drop_retold(out)


FIRM = ("asserted", "claimed")


def _entity(actor) -> str | None:
    return actor.entity if actor is not None else None


def _retold(ev: Event, told: Event) -> bool:
    """Whether ``ev`` retells ``told`` from another sentence: one kind of event by one named party (a
    generic force may be many), with no other side, death count, place or date of its own that differs,
    and less specific: where ``told`` reads its place or date from the text, ``ev`` only infers it."""
    if ev.evidence == told.evidence or (ev.type, ev.mode, ev.acled_sub_event_type) != (
            told.type, told.mode, told.acled_sub_event_type) or ev.status not in FIRM or told.status not in FIRM:
        return False
    party = _entity(ev.actor1)
    if party is None or party.startswith("generic:") or party != _entity(told.actor1):
        return False
    if ev.actor2 is not None and told.actor2 is not None and _name(ev.actor2) != _name(told.actor2):
        return False
    if ev.fatalities is not None and told.fatalities is not None and ev.fatalities != told.fatalities:
        return False
    own_place, own_date = _own_place(ev), _own_date(ev)
    if own_place and (told.location is None or told.location.name != ev.location.name):
        return False
    if own_date and (told.when is None or (told.when.date, told.when.precision) != (ev.when.date, ev.when.precision)):
        return False
    return (not own_place and _own_place(told)) or (not own_date and _own_date(told))


def _kind(ev: Event) -> tuple:
    """What an event and its retelling share (see ``_retold``): only events of one kind are compared."""
    return ev.type, ev.mode, ev.acled_sub_event_type, _entity(ev.actor1)


def _own_place(ev: Event) -> bool:
    return ev.location is not None and not ev.location.inferred


def _own_date(ev: Event) -> bool:
    return ev.when is not None and not ev.when.inferred


def _drop_retold(events: list[Event]) -> list[Event]:
    """Fold each retelling into the event it retells, which keeps its own fields and takes the higher
    confidence. Only events ``_retold`` can accept are compared, found by what they must share: a
    retelling with its own date only retells an event of its kind with its own place and that date, one
    with its own place only an event with its own date and that place, so a long story costs no square."""
    by_kind: dict[tuple, list[Event]] = defaultdict(list)  # events with their own place or date
    by_date: dict[tuple, list[Event]] = defaultdict(list)  # with their own place, by kind and date
    by_place: dict[tuple, list[Event]] = defaultdict(list)  # with their own date, by kind and place
    for ev in events:
        if _own_place(ev) or _own_date(ev):
            by_kind[_kind(ev)].append(ev)
        if _own_place(ev) and ev.when is not None:
            by_date[_kind(ev), ev.when.date, ev.when.precision].append(ev)
        if _own_date(ev) and ev.location is not None:
            by_place[_kind(ev), ev.location.name].append(ev)
    out = []
    for ev in events:
        if _own_place(ev) and _own_date(ev):  # nothing is more specific than it
            out.append(ev)
            continue
        candidates = (by_date[_kind(ev), ev.when.date, ev.when.precision] if _own_date(ev) else
                      by_place[_kind(ev), ev.location.name] if _own_place(ev) else by_kind[_kind(ev)])
        told = next((t for t in candidates if t is not ev and _retold(ev, t)), None)
        if told is None:
            out.append(ev)
        else:
            told.confidence = max(told.confidence, ev.confidence)
    return out
