"""Within-article event coreference: the sentences of one article that tell of one happening become one event.

A news story tells its main happening again and again: the attack, then its toll, the wounded, the damage,
the claim of responsibility, a witness's account, the caption. Each mention is coded as an event of its own
by the coder; here the mentions of one happening are folded into one event. Two mentions may be of one
happening when they are of one kind (PLOVER type) and nothing they read from the text sets them apart:
no two dates, places far apart, doers of two countries, two death tolls of two doers, and no word that announces
another happening ("another attack", "separate clashes", "three more were also killed": ``coref.json``).
They are of one happening when, besides, the later one refers back: a definite event noun ("the attack",
"the blast", "Saturday's assault"), a caption (it repeats the body), or the same place and day read from
the text, the same toll, or the same named parties on both sides. Mentions with nothing that links them stay apart: an
article often tells several happenings of one kind with no date or place of their own.

The event kept is the first mention of the body (a caption repeats the body; a story first tells what
happened, then adds to it; in a short note, the most confident reading), with the confidence of the most
confident mention; its
``mentions`` are the sentences of all of them, and each field it lacks (a date or place read from the text
rather than inferred, a toll, a party known by name rather than a generic one, the source) is taken from the
mention that reads it, with that mention's span; where the first mention tells neither day nor place, the
source is that of the mention that does.
A mention that dates itself, past the lede, is not folded into a happening told without a day ("Last
Friday, militants shot two traders" after an undated killing): a new day is a new happening.
A happening told by more sentences is more likely what the article is about: it gains confidence.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .. import lang
from ..geo.distance import km
from ..model import Actor, CodedDocument, Event, Place, Span, When
from .tokens import is_note, trigger_token

WINDOW = 5  # words before a trigger that may say it is another happening ("a second guard too was shot")
SAME_KM = 10.0  # one place, read twice
NEAR_KM = 50.0  # two towns within this distance may be where one happening took place
COARSE = ("admin1", "admin2", "country", "continent", "relative")  # a region, a country or "50 km from X" holds the town of another mention
LEDE_SENTENCES = 3  # the headline, the dateline and the story's first sentence
TOLD_AGAIN = 0.03  # confidence for each further sentence that tells of the happening …
TOLD_AGAIN_MAX = 0.09  # … up to this much


@dataclass
class Happening:
    """The mentions of one happening, the first told first."""

    events: list[Event] = field(default_factory=list)

    @property
    def head(self) -> Event:
        return self.events[0]


def _words(name: str) -> frozenset[str]:
    """A word list of ``coref.json``: "another" (words that announce another happening of the same kind),
    "definite" (determiners that make an event noun refer back), "elaborated" (the kinds of happening a
    story goes on telling of, sentence after sentence, without naming it again), "by_mode" (kinds whose
    modes are different happenings: a peaceful march and the riot after it)."""
    return frozenset(lang.load("incidents/coref.json")[name])


def _said(when: When | None) -> When | None:
    return when if when is not None and not when.inferred and when.date else None


def _read(place: Place | None) -> Place | None:
    return place if place is not None and not place.inferred else None


def _dates_agree(a: When | None, b: When | None) -> bool:
    """Two dates read from the text agree when the coarser one contains the finer one."""
    a, b = _said(a), _said(b)
    if a is None or b is None:
        return True
    width = {"day": 10, "month": 7, "year": 4}
    n = min(width.get(a.precision, 0), width.get(b.precision, 0))
    return n == 0 or a.date[:n] == b.date[:n]


def _places_agree(a: Place | None, b: Place | None) -> bool:
    """Two places read from the text agree when they are near one another or one is a region or country
    of the other's."""
    a, b = _read(a), _read(b)
    if a is None or b is None:
        return True
    if a.feature in COARSE or b.feature in COARSE:
        return a.country is None or b.country is None or a.country == b.country
    return km(a.lat, a.lon, b.lat, b.lon) <= NEAR_KM


def _announces_another(ev: Event, text: str) -> bool:
    """ "another attack", "in separate clashes", "an earlier raid", "came a day after rebels ambushed": the
    words just before the trigger say that this is not the happening already told."""
    before = text[max(ev.evidence.start, ev.trigger.start - 60):ev.trigger.start].lower().split()[-WINDOW:]
    if set(before) & _words("another"):
        return True
    units, links = _words("time_units"), _words("sequence")
    return any(a.strip(",") in units and b in links for a, b in zip(before, before[1:]))


def _refers_back(tok: Any) -> bool:
    """ "the attack", "this assault", "Saturday's blast", "its offensive": an event noun made definite."""
    if tok is None or tok.pos_ != "NOUN":
        return False
    definite = _words("definite")
    if any(c.tag_ == "JJS" for c in tok.children):
        return False  # "the deadliest attacks": a class of happenings compared, not one told before
    return any(c.dep_ == "det" and c.lower_ in definite or c.dep_ == "poss" for c in tok.children)


def _unanchored(events: list[Event]) -> bool:
    """None of these mentions reads a time or a place from the text."""
    return all(_said(e.when) is None and _read(e.location) is None for e in events)


def _same_scene(ev: Event, told: Event) -> bool:
    """Both read the same place and day from the text, or both name the same parties (known entities)."""
    a, b = _read(ev.location), _read(told.location)
    d, e = _said(ev.when), _said(told.when)
    if a is not None and b is not None and km(a.lat, a.lon, b.lat, b.lon) <= SAME_KM \
            and d is not None and e is not None and d.date == e.date:
        return True
    ents = [(x.actor1.entity if x.actor1 else None, x.actor2.entity if x.actor2 else None) for x in (ev, told)]
    return ents[0] == ents[1] and None not in ents[0] and not any(str(x).startswith("generic:") for x in ents[0])


def _next_sentence(ev: Event, h: Happening, text: str) -> bool:
    """The mention's sentence follows one of the happening's in the same paragraph."""
    return any(0 <= ev.evidence.start - m.evidence.end <= 3 and not text[m.evidence.end:ev.evidence.start].count("\n")
               for m in h.events)


def _dated_apart(ev: Event, h: Happening, lede: int) -> bool:
    """The mention gives a day of its own to a happening that told none, past the lede ("A guard was shot too.
    Last Friday, the insurgents shot two farmers"): a story that goes on telling a happening without its day
    does not suddenly date it; a new day is a new happening. The lede alone tells its happening undated and
    leaves the day to the story that follows."""
    return _said(ev.when) is not None and all(_said(m.when) is None for m in h.events) and h.head.evidence.start >= lede


def _linked(ev: Event, h: Happening, anaphor: bool, text: str, lede: int) -> bool:
    """Whether something in the text ties ``ev`` to the happening, beyond not contradicting it. ``lede``: where
    the story's lede ends."""
    if anaphor or ev.from_caption or any(told.evidence == ev.evidence for told in h.events):
        return True
    if _dated_apart(ev, h, lede):
        return False
    if ev.type in _words("elaborated") and (ev.mode == h.head.mode or ev.type not in _words("by_mode")) and (
            _unanchored([ev]) or _unanchored(h.events) or _next_sentence(ev, h, text)):
        return True  # violence told with no time or place of its own is the violence told before or after
    if ev.fatalities and any(told.fatalities == ev.fatalities for told in h.events):
        return True  # one toll, told twice
    return any(_same_scene(ev, told) for told in h.events)


def _compatible(ev: Event, h: Happening, text: str, borrowed: bool) -> bool:
    """Nothing the two read from the text sets them apart (one sentence may name each side's country).
    ``borrowed``: the mention is an anaphor whose date and place are its clause's ("condemned the attack on
    Wednesday"), not its own; they set nothing apart."""
    if ev.type != h.head.type or _announces_another(ev, text):
        return False
    for told in h.events:
        if not borrowed and not (_dates_agree(ev.when, told.when) and _places_agree(ev.location, told.location)):
            return False
        a, b = ev.actor1, told.actor1
        if a is not None and b is not None and told.evidence != ev.evidence and (
                a.country and b.country and a.country != b.country or _known(a) and _known(b) and a.entity != b.entity):
            return False
        if ev.fatalities is not None and told.fatalities is not None and ev.fatalities != told.fatalities \
                and _two_doers(a, b):
            return False  # two tolls of one doer are one happening told as the count grew ("at least 15")
    return True


def _two_doers(a: Actor | None, b: Actor | None) -> bool:
    """Both mentions name their doer, and not as the same party."""
    return a is not None and b is not None and a.entity != b.entity


def _borrowed(ev: Event, tok: Any) -> bool:
    """The date and place of an anaphor ("the attack") come from outside its own words."""
    lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
    base = ev.trigger.start - tok.idx
    spans = [s for s in ((ev.when.span if ev.when else None), (ev.location.span if _read(ev.location) else None)) if s]
    return all(not (base + lo <= s.start < base + hi) for s in spans)


def _known(a: Actor | None) -> bool:
    """A party the knowledge base names, not a generic one ("gunmen", "the government")."""
    return a is not None and a.entity is not None and not a.entity.startswith("generic:")


def _named(actor: Actor | None, others: list[Actor | None]) -> Actor | None:
    """The party as named best across the mentions: a known party ("the Libyan Arab Armed Forces") before a
    generic one of its country ("eastern-based forces"), any before none."""
    if _known(actor):
        return actor
    if actor is None:
        return next((a for a in others if _known(a)), next((a for a in others if a), None))
    return next((a for a in others if _known(a) and a.country == actor.country), actor)


def _fill(h: Happening) -> Event:
    """The head event, with each field it lacks taken from the mention that reads it from the text."""
    ev = h.head
    rest = h.events[1:]
    scene = next((m for m in rest if _said(m.when) is not None or _read(m.location) is not None), None)
    if scene is not None and _said(ev.when) is None and _read(ev.location) is None and scene.attribution:
        ev.attribution, ev.attribution_span = scene.attribution, scene.attribution_span  # who tells where and when
    if _said(ev.when) is None:
        ev.when = next((m.when for m in rest if _said(m.when) is not None), ev.when)
    if _read(ev.location) is None:
        ev.location = next((m.location for m in rest if _read(m.location) is not None), ev.location)
    if ev.fatalities is None:
        ev.fatalities = next((m.fatalities for m in rest if m.fatalities is not None), None)
    ev.actor1 = _named(ev.actor1, [m.actor1 for m in rest])
    ev.actor2 = _named(ev.actor2, [m.actor2 for m in rest])
    if ev.attribution is None:
        said = next((m for m in rest if m.attribution is not None), None)
        if said is not None:
            ev.attribution, ev.attribution_span = said.attribution, said.attribution_span
    told: list[Span] = sorted({m.evidence for m in h.events}, key=lambda s: s.start)
    ev.mentions = told
    best = max(m.confidence for m in h.events)
    ev.confidence = min(0.99, best + min(TOLD_AGAIN * (len(told) - 1), TOLD_AGAIN_MAX))
    return ev


def _lede_end(cd: CodedDocument) -> int:
    """Where the lede ends: the body's first sentences (the headline, the dateline, the story's first
    sentence), which tell the story's happening before any detail."""
    body = next((s for s in cd.segments if s.kind == "body"), None)
    sents = [s for s in body.doc.sents if s.text.strip()][:LEDE_SENTENCES] if body is not None else []
    return body.offset + sents[-1].end_char if sents else 0


def corefer(cd: CodedDocument, events: list[Event]) -> list[Event]:
    """One event per happening, read in the order of the text (the body before its captions): each mention
    joins the latest happening it is tied to, else starts one. The output keeps the order of ``events``."""
    order = {id(ev): i for i, ev in enumerate(events)}
    happenings: list[Happening] = []
    lede = _lede_end(cd)
    for ev in sorted(events, key=lambda e: (e.from_caption, e.evidence.start, -e.confidence)):
        tok = trigger_token(cd, ev)
        anaphor = _refers_back(tok)
        borrowed = anaphor and _borrowed(ev, tok)
        h = next((h for h in reversed(happenings)
                  if _compatible(ev, h, cd.text, borrowed) and _linked(ev, h, anaphor, cd.text, lede)), None)
        if h is None:
            happenings.append(Happening([ev]))
        else:
            h.events.append(ev)
    note = is_note(cd)  # a note's events are one report: its most confident reading stands for each
    for h in happenings:
        h.events.sort(key=lambda e: (e.from_caption, -e.confidence) if note else
                      (e.from_caption, e.evidence.start, -e.confidence))
    happenings.sort(key=lambda h: min(order[id(e)] for e in h.events))
    return [_fill(h) for h in happenings]
