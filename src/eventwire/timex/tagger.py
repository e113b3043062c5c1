"""The "times" stage: find every time expression, settle the publication date, normalise against it."""
from __future__ import annotations

from ..model import CodedDocument, Span, TimeExpr
from .calendar import parse_iso
from .extract import find
from .published import Found, publication
from .resolve import Context, resolve
from .tense import tense_at


def _segments(cd: CodedDocument) -> list[tuple[int, str, object | None, bool]]:
    """(offset, text, spaCy doc or None, is caption) for the body and each caption."""
    if cd.segments:
        return [(s.offset, s.text, s.doc, s.kind == "caption") for s in cd.segments]
    out = [(0, cd.body or cd.text, None, False)]
    out += [(c.start, c.of(cd.text), None, True) for c in cd.captions]
    return out


def find_all(cd: CodedDocument) -> list[Found]:
    seen: set[tuple[int, int]] = set()
    found: list[Found] = []
    for offset, text, doc, caption in _segments(cd):
        for m in find(text):
            key = (offset + m.start, offset + m.end)
            if key in seen:
                continue
            seen.add(key)
            in_caption = caption or any(c.start <= key[0] < c.end for c in cd.captions)
            tense = tense_at(doc, m.start, m.end) if doc is not None else None
            found.append(Found(m, key[0], key[1], in_caption, tense))
    found.sort(key=lambda f: f.start)
    return found


def tag(cd: CodedDocument) -> None:
    """Find and normalise time expressions; infer the publication date where none was given."""
    found = find_all(cd)
    pub = publication(cd, found)
    cd.published, cd.published_inferred = pub.value, pub.inferred
    cd.published_precision, cd.published_rule = pub.precision, pub.rule
    ctx = Context(anchor=parse_iso(pub.value))
    cd.times = []
    for f in found:
        got = resolve(f.mention, f.tense, ctx)
        if got is None:
            continue
        value, kind = got
        cd.times.append(TimeExpr(Span(f.start, f.end), cd.text[f.start:f.end], value, kind, f.mention.kind))
