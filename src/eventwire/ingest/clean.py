"""The clean stage: blank boilerplate, find the headline, the dateline and the photo captions.

``cd.body`` is ``cd.text`` with every removed stretch replaced by spaces (newlines kept), so an
offset into the body is an offset into the input. ``cd.removed`` says what was blanked and why
(boilerplate reasons, plus "title", "dateline", "caption"). Decisions:

- The headline (a short first line without a full stop, or the line equal to ``doc.title``) is
  kept out of the body: it restates the lead and would code every event twice.
- The dateline ("CAIRO –", "WASHINGTON, June 2 (Reuters) -") is where the story was filed, not
  where the events happened: it is blanked and kept as ``cd.dateline``.
- Captions are blanked from the body and listed in ``cd.captions``; the nlp stage parses each on
  its own, so events found there are marked as from a caption, with the caption's own dates.
- Timestamp lines ("Published On 2 Jun 2024", "June 2, 2024 3:45 PM UTC") are recognised but stay
  in the body: they are the best evidence of the publication date, which the time stage infers
  from the text.
- HTML given as text (a JSON line, an API request) is cleaned on its visible text (``ingest.markup``):
  markup, scripts and styles are blanked in place, so offsets still point into the text as given.
- A one-line text (the eval's notes, an API call with one sentence) is never touched by the line
  rules: only a dateline at its start is taken out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import CodedDocument, DocumentError, Span
from .boilerplate import CaptionParts, caption_parts, dateline, normalise, reason_for
from .encoding import control_share
from .language import check_english
from .markup import looks_like_html, visible

_NOT_NEWLINE = re.compile(r"[^\n\r\u2028\u2029]")
_LINE = re.compile(r"[^\n\r\u2028\u2029]+")  # old Mac files end lines with CR alone
_TITLE_MAX_CHARS = 160
_TITLE_MAX_WORDS = 14  # headlines run 6–12 words; a longer first line is a lead that lost its full stop
_SENTENCE_BREAK = re.compile(r"[a-z0-9][.!?][\"”’]?\s+[A-Z]")


@dataclass
class _Line:
    start: int  # offsets of the stripped line in the text
    end: int
    text: str
    taken: bool = False  # classified already (boilerplate, caption, title): not a story line


def clean(cd: CodedDocument) -> None:
    text = cd.text
    if not text.strip():
        raise DocumentError("empty document")
    if looks_like_html(text):  # HTML given as text: its visible words, at their offsets
        text = visible(text)
        if not text.strip():
            raise DocumentError("HTML without visible text")
    if control_share(text) > 0.01:
        raise DocumentError("binary data or control characters, not text")
    check_english(text)
    lines = _lines(text)
    if len(lines) > 1:
        _boilerplate(cd, lines)
        _title(cd, lines)
    _dateline(cd, lines)
    cd.removed.sort(key=lambda r: r[0].start)
    cd.body = _blank(text, [span for span, _ in cd.removed])
    if not cd.body.strip() and not cd.captions:
        raise DocumentError("no article text: every line is boilerplate")


def _lines(text: str) -> list[_Line]:
    out = []
    for m in _LINE.finditer(text):
        raw = m.group()
        stripped = raw.strip()
        if stripped:
            start = m.start() + len(raw) - len(raw.lstrip())
            out.append(_Line(start, start + len(stripped), stripped))
    return out


def _boilerplate(cd: CodedDocument, lines: list[_Line]) -> None:
    given = [Span(a, b) for a, b in cd.doc.meta.get("caption_spans", ())]  # an HTML page's <figcaption>s
    for line in lines:
        is_caption = any(g.start <= line.start and line.end <= g.end for g in given)
        reason = None if is_caption else reason_for(line.text)
        if reason == "timestamp":  # kept in the body for the time stage: see the module's docstring
            line.taken = True
            continue
        if reason:
            cd.removed.append((Span(line.start, line.end), reason))
            line.taken = True
            continue
        parts = caption_parts(line.text)
        if parts is None and is_caption:
            parts = CaptionParts(None, (0, len(line.text)), None)
        if parts is None:
            continue
        line.taken = True
        if parts.caption is None:  # a credit or a marker with no caption text: all of it goes
            cd.removed.append((Span(line.start, line.end), "photo credit"))
            continue
        for piece, why in ((parts.marker, "caption marker"), (parts.caption, "caption"), (parts.credit, "photo credit")):
            if piece:
                span = Span(line.start + piece[0], line.start + piece[1])
                cd.removed.append((span, why))
                if why == "caption":
                    cd.captions.append(span)


def _title(cd: CodedDocument, lines: list[_Line]) -> None:
    """The first remaining line, when it reads as a headline and a story follows it."""
    kept = [line for line in lines if not line.taken]
    if len(kept) < 2 or kept[1].text[0].islower():  # a sentence broken over two lines
        return
    first = kept[0]
    given = cd.doc.title and normalise(cd.doc.title) == normalise(first.text)
    if not given and not _headline_like(first.text):
        return
    cd.title_span = Span(first.start, first.end)
    cd.removed.append((cd.title_span, "title"))
    first.taken = True


def _headline_like(line: str) -> bool:
    """Short, capitalised, one clause, no full stop at the end: how headlines are written."""
    words = line.split()
    bare = line.rstrip("\"'”’")
    return (len(line) <= _TITLE_MAX_CHARS and 3 <= len(words) <= _TITLE_MAX_WORDS and not line[0].islower()
            and not bare.endswith((".", ",", ";", ":", "-", "–", "—", "_"))
            and not _SENTENCE_BREAK.search(line) and dateline(line) is None)


def _dateline(cd: CodedDocument, lines: list[_Line]) -> None:
    """A dateline at the start of the first line of the story. Its date ("June 2") stays in the body:
    it is the filing date, and the time stage may read it."""
    first = next((line for line in lines if not line.taken), None)
    found = dateline(first.text) if first else None
    if found is None:
        return
    end, date = found
    cd.dateline = Span(first.start, first.start + len(first.text[:end].rstrip()))
    pieces = [(0, date[0]), (date[1], end)] if date else [(0, end)]
    for a, b in pieces:
        piece = first.text[a:b]
        a, b = a + len(piece) - len(piece.lstrip()), b - len(piece) + len(piece.rstrip())
        if b > a:
            cd.removed.append((Span(first.start + a, first.start + b), "dateline"))


def _blank(text: str, spans: list[Span]) -> str:
    """``text`` with each span replaced by spaces of the same length (newlines kept)."""
    if not spans:
        return text
    parts, pos = [], 0
    for span in spans:
        if span.start < pos:  # overlapping spans: blank the rest only
            span = Span(pos, max(pos, span.end))
        parts.append(text[pos:span.start])
        parts.append(_NOT_NEWLINE.sub(" ", text[span.start:span.end]))
        pos = span.end
    parts.append(text[pos:])
    return "".join(parts)
