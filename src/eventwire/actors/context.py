"""The last stage: settle what an actor is from its event — the event's country, its type.

ACLED conventions followed here (ACLED codebook 2019): state forces acting outside their own country are
"external" (inter 8); the first actor of a protest is always "Protesters (<country>)", of a riot
"Rioters (<country>)", whoever the article names; people (students, villagers) outside protests and riots
are civilians; an unnamed or unknown armed perpetrator is an "Unidentified Armed Group" (political militia).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace

from ..model import Actor, CodedDocument, Event, Span
from . import kb
from .resolver import resolve_words

_VIOLENT = frozenset({"ASSAULT", "COERCE"})
_VIOLENT_ACLED = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
_ARMED_KINDS = frozenset({"state_forces", "rebels", "political_militia", "identity_militia", "external"})


def crowd_kind(event: Event) -> str | None:
    """``protesters`` or ``rioters`` when the event is a protest or a riot, else None."""
    if event.acled_event_type == "Protests":
        return "protesters"
    if event.acled_event_type == "Riots":
        return "rioters"
    if event.acled_event_type is None and event.type == "PROTEST":
        return "rioters" if event.mode == "riot" else "protesters"
    return None


def _doc_country(cd: CodedDocument) -> str | None:
    """The story's country: the one most of its resolved places are in."""
    counts = Counter(p.country for p in cd.places if p.country)
    return kb.iso3(counts.most_common(1)[0][0]) if counts else None


def _crowd_actor(kind: str, country: str | None) -> Actor:
    g = kb.generic_by_id()["generic:protester" if kind == "protesters" else "generic:rioter"]
    return Actor(name=g.name(country), text="", country=country, sector=g.sector, kind=kind,
                 entity=g.id, rule="context:crowd")


def _localise(actor: Actor, country: str | None) -> None:
    """Give an actor without a country the event's country; flag state forces abroad as external."""
    if country is None:
        return
    generic = kb.generic_by_id().get(actor.entity or "")
    if actor.country is None:
        actor.country = country
        if generic is not None:
            actor.name = generic.name(country)
        actor.rule = f"{actor.rule}+context:country"
    elif (actor.kind == "state_forces" and actor.country != country
          and actor.country not in kb.NON_STATE_COUNTRIES):
        actor.kind = "external"
        actor.rule = f"{actor.rule}+context:foreign"


def _role(actor: Actor | None) -> str | None:
    g = kb.generic_by_id().get(actor.entity or "") if actor else None
    return g.role if g else None


def settle(event: Event, country: str | None) -> None:
    """Settle the actors of one event whose location (ISO3) is ``country``."""
    for actor in (event.actor1, event.actor2):
        if actor is not None:
            _localise(actor, country)
    crowd = crowd_kind(event)
    if crowd is not None:
        a1, a2 = event.actor1, event.actor2
        if a1 is not None and a1.kind in _ARMED_KINDS and a1.kind != "identity_militia" and (
                a2 is None or a2.kind in (crowd, "protesters", "rioters", "civilians", None)):
            # "Police dispersed protesters": ACLED codes the crowd first and the force second.
            event.actor1, event.actor2 = (a2 if a2 is not None else _crowd_actor(crowd, country)), a1
        if event.actor1 is None:
            event.actor1 = _crowd_actor(crowd, country)
        if event.actor1.kind != crowd:
            event.actor1.kind = crowd
            event.actor1.rule = f"{event.actor1.rule}+context:{crowd}"
        return
    for actor in (event.actor1, event.actor2):
        if actor is None:
            continue
        if _role(actor) in ("social", "victim") or (actor.kind is None and actor.sector == "CVL"):
            # people outside a protest or a riot: victims, the displaced, bystanders
            actor.kind = "civilians"
            actor.rule = f"{actor.rule}+context:civilians"
        elif actor.kind is None and _is_violent(event):
            actor.kind = "political_militia"
            actor.rule = f"{actor.rule}+context:armed"
    if event.actor1 is None and _is_violent(event):
        event.actor1 = _presumed(event, country)


def _presumed(event: Event, country: str | None) -> Actor:
    """No actor in the text: fire exchanged or shells fired are presumed the state's forces (the most
    frequent party of ACLED battles and shelling); violence against civilians an unidentified armed group."""
    battle = (event.acled_event_type in ("Battles", "Explosions/Remote violence")
              or (event.acled_event_type is None and event.type == "ASSAULT"
                  and event.mode in ("heavy-weapons", "aerial", "drone", "firearms")))
    g = kb.generic_by_id()["generic:soldier" if battle else "generic:gunman"]
    return Actor(name=g.name(country), text="", country=country, sector=g.sector, kind=g.kind,
                 entity=g.id, rule="context:presumed")


def _is_observer(actor: Actor | None) -> bool:
    """Monitors and agencies (OSCE, UN agencies, NGOs) report violence; they are not its perpetrators."""
    return (actor is not None and actor.country in kb.NON_STATE_COUNTRIES and actor.sector != "MIL"
            and actor.entity is not None)


def _from_evidence(cd: CodedDocument, event: Event) -> Actor | None:
    """The first armed party named in the event's sentence, for an event whose actor the parse missed
    ("an IED planted by Al Shabaab exploded", "killed during a police raid")."""
    taken = {a.entity for a in (event.actor2,) if a is not None and a.entity}
    named, generic = None, None
    for seg in cd.segments:
        doc = seg.doc
        lo, hi = event.evidence.start - seg.offset, event.evidence.end - seg.offset
        if hi <= 0 or lo >= len(doc.text):
            continue
        spans = sorted([*doc.noun_chunks, *(e for e in doc.ents if e.label_ in ("ORG", "NORP"))],
                       key=lambda s: s.start_char)
        for chunk in spans:
            if chunk.start_char < lo or chunk.end_char > hi:
                continue
            start = seg.offset + chunk.start_char
            actor = resolve_words(chunk.text, Span(start, start + len(chunk.text)))
            if (actor.entity in taken or actor.kind not in _ARMED_KINDS or _is_observer(actor)
                    or actor.rule == "kb:country"):
                continue
            if actor.rule == "kb:alias" and named is None:
                named = actor
            elif generic is None or (_role(actor) == "state" and _role(generic) != "state"):
                # a force named by its trade ("a police raid") outranks loose words ("gang", "group")
                generic = actor
    found = named or generic
    if found is not None:
        found.rule = f"{found.rule}+context:evidence"
    return found


def _is_violent(event: Event) -> bool:
    return event.type in _VIOLENT or event.acled_event_type in _VIOLENT_ACLED


def contextualise(cd: CodedDocument) -> None:
    """Pipeline stage after geo and dates (see the module docstring)."""
    story = _doc_country(cd)
    for event in cd.events:
        here = kb.iso3(event.location.country) if event.location is not None else None
        # actors may be shared between events by the coder: settle copies, one per event
        event.actor1 = replace(event.actor1) if event.actor1 is not None else None
        event.actor2 = replace(event.actor2) if event.actor2 is not None else None
        if event.actor1 is None or (_is_observer(event.actor1) and _is_violent(event)):
            event.actor1 = _from_evidence(cd, event)
        settle(event, here or story)
