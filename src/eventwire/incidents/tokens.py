"""The parsed token of an event's trigger, for the stages after coding that read the parse (coreference,
the precision gate). The parse is there until the pipeline drops it after the last stage."""
from __future__ import annotations

from typing import Any

from ..model import CodedDocument, Event


def trigger_token(cd: CodedDocument, ev: Event) -> Any:
    """The head token of the event's trigger, or None where the document was not parsed."""
    kind = "caption" if ev.from_caption else "body"
    for seg in cd.segments:
        if seg.kind != kind or not (seg.offset <= ev.trigger.start < seg.offset + len(seg.text)):
            continue
        span = seg.doc.char_span(ev.trigger.start - seg.offset, ev.trigger.end - seg.offset, alignment_mode="expand")
        if span is not None and len(span):
            return span.root
    return None
