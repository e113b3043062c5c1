"""CodedDocument → the JSON of the coding contract (CONTRACT.md), plus eventwire's extra evidence keys."""
from __future__ import annotations

from typing import Any

from .model import Actor, CodedDocument, Event, Figure, Place, Relation, Span


def _span(span: Span | None) -> dict[str, int] | None:
    return {"start": span.start, "end": span.end} if span else None


def actor(a: Actor | None) -> dict[str, Any] | None:
    if a is None:
        return None
    return {"name": a.name, "text": a.text, "country": a.country, "sector": a.sector, "kind": a.kind,
            "entity": a.entity, "span": _span(a.span), "rule": a.rule, "inferred": a.inferred}


def place(p: Place | None, with_span: bool = True) -> dict[str, Any] | None:
    if p is None:
        return None
    out: dict[str, Any] = {}
    if with_span:
        out.update({"start": p.span.start, "end": p.span.end, "text": p.text})
    out.update({"name": p.name, "lat": round(p.lat, 5), "lon": round(p.lon, 5), "country": p.country,
                "geonameid": p.geonameid, "feature": p.feature, "precision": p.precision})
    if not with_span:
        out.update({"text": p.text, "span": _span(p.span)})
    out.update({"inferred": p.inferred, "rule": p.rule})
    return out


def figure(f: Figure) -> dict[str, Any]:
    return {"value": f.value, "what": f.what, "text": f.text, "span": _span(f.span), "evidence": _span(f.evidence),
            "rule": f.rule}


def relation(r: Relation) -> dict[str, Any]:
    return {"relation": r.relation, "source": actor(r.source), "target": actor(r.target),
            "evidence": _span(r.evidence), "trigger": _span(r.trigger), "rule": r.rule, "status": r.status}


def event(e: Event) -> dict[str, Any]:
    when = e.when
    return {
        "type": e.type,
        "mode": e.mode,
        "acled_event_type": e.acled_event_type,
        "acled_sub_event_type": e.acled_sub_event_type,
        "actor1": actor(e.actor1),
        "actor2": actor(e.actor2),
        "date": when.date if when else None,
        "date_precision": when.precision if when else None,
        "date_inferred": when.inferred if when else None,
        "date_span": _span(when.span) if when else None,
        "location": place(e.location, with_span=False),
        "fatalities": e.fatalities,
        "status": e.status,
        "attribution": e.attribution,
        "attribution_span": _span(e.attribution_span),
        "evidence": _span(e.evidence),
        "evidence_text": None,  # filled by document() where the text is at hand
        "trigger": _span(e.trigger),
        "rule": e.rule,
        "gate": e.gate,
        "mentions": [_span(m) for m in e.mentions],
        "decided_by": e.decided_by,
        "confidence": round(e.confidence, 3),
        "from_caption": e.from_caption,
        **({"incident": e.incident} if e.incident is not None else {}),
    }


def document(cd: CodedDocument) -> dict[str, Any]:
    """The contract's output line for one document."""
    if cd.error:
        return {"id": cd.id, "error": cd.error}
    events = []
    for e in cd.events:
        d = event(e)
        d["evidence_text"] = e.evidence.of(cd.text)
        events.append(d)
    return {
        "id": cd.id,
        "published": cd.published,
        "published_inferred": cd.published_inferred,
        "published_precision": cd.published_precision,
        "published_rule": cd.published_rule,
        "title": cd.doc.title,
        "url": cd.doc.url,
        "source": cd.doc.source,
        "dateline": ({"start": cd.dateline.start, "end": cd.dateline.end, "text": cd.dateline.of(cd.text)}
                     if cd.dateline else None),
        "captions": [{"start": c.start, "end": c.end, "text": c.of(cd.text)} for c in cd.captions],
        "events": events,
        "places": [place(p) for p in cd.places],
        "times": [{"start": t.span.start, "end": t.span.end, "text": t.text, "value": t.value,
                   "type": t.type, "rule": t.rule} for t in cd.times],
        "figures": [figure(f) for f in cd.figures],
        "relations": [relation(r) for r in cd.relations],
    }
