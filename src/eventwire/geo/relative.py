"""Relative places: "about 50 kilometers (31 miles) south of the capital" becomes the point at that
distance and bearing from the resolved anchor, marked approximate (ACLED precision 2)."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..model import Span

_BEARINGS = {"north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180, "southwest": 225,
             "west": 270, "northwest": 315}
_UNITS_KM = {"km": 1.0, "kilometer": 1.0, "kilometre": 1.0, "mile": 1.609344, "mi": 1.609344}
RELATIVE = re.compile(
    r"(?:(?:about|some|around|nearly|roughly|approximately|almost|over|more than|less than|just)\s+)?"
    r"(?P<dist>\d+(?:\.\d+)?)(?:\s*|-)(?P<unit>kilomet(?:er|re)s?|kms?|miles?|mi)\b(?:\s*\([^)]{0,30}\))?\s+"
    r"\(?(?P<dir>(?:north|south)?-?(?:east|west)?|north|south)(?:ern)?\)?\s+of\s+(?:the\s+)?"
    r"(?:(?:city|town|village|port) of\s+)?(?P<anchor>capital|city(?!\s+of\b)|[A-Z][\w'\u2019-]+(?:\s[A-Z][\w'\u2019-]+)?)", re.I)


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
