"""A long body is parsed in bounded pieces, so no cost of a parsed segment grows with the whole text.

Every stage reads segments (``Segment.offset`` maps a piece's offsets back to the input), so a body cut
into pieces is coded like a body and its captions. Pieces end at a paragraph break where one is near
the limit, else at a line break, else after a sentence's full stop, else at a space: a sentence is
never cut where the text gives any better place. A body within the limit (every ordinary article) is
one piece, exactly as before.
"""
from __future__ import annotations

import re

from ..settings import PIECE_CHARS

_BREAKS = (re.compile(r"\n[ \t\r\f\v]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"'”’)]*\s+"),
           re.compile(r"\s+"))


def pieces(text: str, limit: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """[start, end) spans covering ``text``, each at most ``limit`` characters."""
    out, start, n = [], 0, len(text)
    while n - start > limit:
        end = _cut(text, start, start + limit)
        out.append((start, end))
        start = end
    out.append((start, n))
    return out


def _cut(text: str, start: int, hard: int) -> int:
    """Where the piece that starts at ``start`` ends: the last good break in its second half."""
    floor = start + (hard - start) // 2
    for pattern in _BREAKS:
        last = None
        for m in pattern.finditer(text, floor, hard):
            last = m
        if last is not None:
            return last.end()
    return hard
