"""The "dates" stage: each event takes the date of the time expression governing its clause.

Governing means: the time expression hangs (in the dependency parse) from the event's trigger or from
a verb the trigger hangs from. A time expression of another clause, governing another verb, does not
date the event. Without one the event takes the story's news peg (the first recent day the body
names, as in "the U.N. said in the announcement late Monday"), else the publication date; both are
marked inferred.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from ..model import CodedDocument, Event, Segment, TimeExpr, When
from .calendar import parse_iso, value_to_date
from .tense import governing_verb


def _segment_of(cd: CodedDocument, pos: int, caption: bool) -> Segment | None:
    best = None
    for s in cd.segments:
        if (s.kind == "caption") != caption:
            continue
        if s.offset <= pos < s.offset + len(s.text):
            best = s
    return best


def _when(t: TimeExpr) -> When | None:
    got = value_to_date(t.value)
    if got is None:
        return None
    d, precision = got
    return When(d.isoformat(), precision, False, t.span)


def _chain(tok: Any) -> list[Any]:
    """The token and the tokens above it, up to the root."""
    out = [tok]
    while out[-1].head is not out[-1] and len(out) < 30:
        out.append(out[-1].head)
    return out


def governing_time(seg: Segment, trigger_start: int, times: list[TimeExpr]) -> TimeExpr | None:
    doc = seg.doc
    span = doc.char_span(trigger_start - seg.offset, trigger_start - seg.offset + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span[0]
    sent = tok.sent
    lo, hi = seg.offset + sent.start_char, seg.offset + sent.end_char
    chain = _chain(tok)
    ranked: list[tuple[int, int, TimeExpr]] = []
    for t in times:
        if not (lo <= t.span.start < hi):
            continue
        verb, path = governing_verb(doc, t.span.start - seg.offset, t.span.end - seg.offset)
        distance = abs(t.span.start - trigger_start)
        if tok in path:
            ranked.append((-1, distance, t))  # "the Sunday attack": the timex hangs from the trigger itself
        elif verb is not None and verb in chain:
            ranked.append((chain.index(verb), distance, t))
        elif verb is None:
            ranked.append((len(chain) + 1, distance, t))  # verbless: only the nearest, and only if nothing governs
    return min(ranked, key=lambda r: (r[0], r[1]))[2] if ranked else None


def _nearest_in_evidence(ev: Event, times: list[TimeExpr]) -> TimeExpr | None:
    inside = [t for t in times if ev.evidence.start <= t.span.start < ev.evidence.end]
    return min(inside, key=lambda t: abs(t.span.start - ev.trigger.start), default=None)


def news_peg(body_times: list[TimeExpr], published: date | None) -> TimeExpr | None:
    """The first day the body names that lies in the week up to publication (any day, if none is known)."""
    for t in sorted(body_times, key=lambda t: t.span.start):
        got = value_to_date(t.value)
        if got is None or got[1] != "day":
            continue
        if published is None or published - timedelta(days=7) <= got[0] <= published:
            return t
    return None


def date_events(cd: CodedDocument) -> None:
    """Give each event the date of the time expression governing it, else the publication date."""
    dated = [t for t in cd.times if t.type in ("DATE", "TIME") and value_to_date(t.value)]
    pub = parse_iso(cd.published)
    body = [t for t in dated if not any(c.start <= t.span.start < c.end for c in cd.captions)]
    peg = news_peg(body, pub)
    for ev in cd.events:
        if ev.from_caption:
            cap = next((c for c in cd.captions if c.start <= ev.trigger.start < c.end), None)
            pool = [t for t in dated if cap and cap.start <= t.span.start < cap.end]
        else:
            pool = body
        seg = _segment_of(cd, ev.trigger.start, ev.from_caption) if cd.segments else None
        t = governing_time(seg, ev.trigger.start, pool) if seg is not None else _nearest_in_evidence(ev, pool)
        when = _when(t) if t is not None else None
        if when is None and peg is not None and not ev.from_caption:
            when = _when(peg)
            when.inferred = True
        if when is None and pub is not None and not ev.from_caption:
            when = When(pub.isoformat(), cd.published_precision or "day", True, None)
        ev.when = when
