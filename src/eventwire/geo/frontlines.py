"""Front lines (data/geo/frontlines.json): a report tied to one by its words ("the OSCE SMM observed
explosions near Viktorivka") means the namesake village near that line, not the largest one."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from .. import lang


@dataclass(frozen=True)
class Frontline:
    name: str
    countries: frozenset[str]  # ISO alpha-2
    cues: re.Pattern
    km: float  # how far from the line a place still counts as on it
    line: tuple[tuple[float, float], ...]

    def near(self, lat: float, lon: float) -> bool:
        return any(_segment_km(lat, lon, a, b) <= self.km for a, b in zip(self.line, self.line[1:]))


def _segment_km(lat: float, lon: float, a: tuple[float, float], b: tuple[float, float]) -> float:
    """Distance from a point to a segment, on a local flat projection (lines are a few hundred km long)."""
    k = math.cos(math.radians(lat))
    px, py = lon * k * 111.2, lat * 111.2
    ax, ay, bx, by = a[1] * k * 111.2, a[0] * 111.2, b[1] * k * 111.2, b[0] * 111.2
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy or 1.0)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


@lru_cache(maxsize=1)
def _all() -> tuple[Frontline, ...]:
    data = lang.load("geo/frontlines.json")
    out = []
    for name, d in data.items():
        if name.startswith("_"):
            continue
        # Cues are matched as words; upper-case ones ("NAF", "LoC") keep their case.
        words = "|".join(re.escape(c) for c in d["cues"])
        out.append(Frontline(name, frozenset(d["countries"]), re.compile(rf"(?<!\w)(?:{words})(?!\w)"), float(d["km"]),
                             tuple((float(a), float(b)) for a, b in d["line"])))
    return tuple(out)


def active(text: str) -> list[Frontline]:
    """The front lines a text's words tie it to."""
    return [f for f in _all() if f.cues.search(text)]
