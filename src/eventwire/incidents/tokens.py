"""What the stages after coding (coreference, the precision gate) read of the parse: an event trigger's
token, and whether the document is a short note or a news article. The parse is there until the pipeline
drops it after the last stage."""
from __future__ import annotations

from typing import Any

from ..coding.coder import NOTE_SENTENCES
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


def is_note(cd: CodedDocument) -> bool:
    """A monitor's short note (a few sentences, no dateline) is one report, coded as the coder reads it
    (coding.coder: a toll anywhere in it is its event's); an article tells many things, some of them no
    happening, and the same happening many times."""
    body = [s for s in cd.segments if s.kind == "body"]
    return cd.dateline is None and sum(len(list(s.doc.sents)) for s in body) <= NOTE_SENTENCES
