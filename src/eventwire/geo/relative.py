"""Relative places: "about 50 kilometers (31 miles) south of the capital" becomes the point at that
distance and bearing from the resolved anchor, marked approximate (ACLED precision 2)."""
from __future__ import annotations

import math
from dataclasses import dataclass

from .. import lang
from ..model import Span

_PATTERNS = lang.patterns("geo/cues.json")
_WORDS = lang.wordsets("geo/cues.json")

_BEARINGS = _WORDS["bearings"]
_UNITS_KM = _WORDS["units_km"]
RELATIVE = _PATTERNS["relative"]


@dataclass(frozen=True)
class Relative:
    span: Span  # the whole phrase
    anchor: Span  # the anchor's words ("capital", "Tripoli")
    anchor_text: str
    km: float
    bearing: float  # degrees clockwise from north

    @property
    def to_capital(self) -> bool:
        return self.anchor_text.lower() in ("capital", "city")


def find(text: str) -> list[Relative]:
    """Distance-and-bearing phrases of the text."""
    out = []
    for m in RELATIVE.finditer(text):
        direction = m.group("dir").lower().replace("-", "")
        if direction not in _BEARINGS:
            continue
        unit = m.group("unit").lower().rstrip("s")
        factor = _UNITS_KM.get(unit) or _UNITS_KM.get(unit[:2], 1.0)
        out.append(Relative(Span(m.start(), m.end()), Span(m.start("anchor"), m.end("anchor")), m.group("anchor"),
                            float(m.group("dist")) * factor, _BEARINGS[direction]))
    return out


def destination(lat: float, lon: float, km: float, bearing: float) -> tuple[float, float]:
    """The point ``km`` away from (lat, lon) on the great circle at ``bearing`` degrees."""
    d = km / 6371.0088
    b = math.radians(bearing)
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2))
    return math.degrees(p2), (math.degrees(l2) + 540) % 360 - 180
