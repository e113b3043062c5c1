"""Counts of the events a filter keeps, made by the database: what the dashboard draws at any store size.

A timeline's period (day, week or month) follows the span of the dates, so that a day and twenty years
both give a readable number of bars; the map's cells follow the bounding box asked for.
"""
from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, func, select, union_all

from .filters import Box, EventFilter
from .schema import events

#: Longest span (days) drawn per day, then per week; longer spans are drawn per month.
DAYS_BY_DAY, DAYS_BY_WEEK = 120, 3 * 366
TOP = 25  # countries and actors listed
CELLS = 48  # map cells across the longer side of the box


def period(first: str | None, last: str | None) -> str:
    """"day", "week" or "month" for dates from ``first`` to ``last`` (ISO)."""
    if not first or not last:
        return "day"
    days = (date.fromisoformat(last[:10]) - date.fromisoformat(first[:10])).days
    return "day" if days <= DAYS_BY_DAY else "week" if days <= DAYS_BY_WEEK else "month"


def _monday(day: str) -> str:
    d = date.fromisoformat(day)
    return (d - timedelta(days=d.weekday())).isoformat()


def _timeline(conn: Connection, where: list, unit: str) -> list[dict[str, Any]]:
    """{period, type, events}, oldest first; a period is named by its first day (a week by its Monday)."""
    c = events.c
    key = func.substr(c.date, 1, 7) if unit == "month" else c.date
    rows = conn.execute(select(key.label("p"), c.type, func.count().label("n"))
                        .where(*where, c.date.is_not(None)).group_by(key, c.type))
    counts: Counter[tuple[str, str]] = Counter()
    for p, kind, n in rows:
        counts[(f"{p}-01" if unit == "month" else _monday(p) if unit == "week" else p), kind] += n
    return [{"period": p, "type": t, "events": n} for (p, t), n in sorted(counts.items())]


def _places(conn: Connection, where: list, box: Box | None) -> dict[str, Any]:
    """Events per map cell (rounded coordinates): centre, count, deaths and the counts per type; read from
    the index on (lat, lon, type, fatalities) alone."""
    c = events.c
    w, s, e, n = (box.west, box.south, box.east, box.north) if box else (-180, -90, 180, 90)
    width = (e - w) % 360 or 360
    cell = max(width, n - s) / CELLS
    # Small cells would split one town in two; below 0.01 degree (about 1 km) a cell is one place.
    cell = max(cell, 0.01)
    ky, kx = func.round(c.lat / cell), func.round(c.lon / cell)
    rows = conn.execute(select(ky, kx, c.type, func.count(), func.sum(c.fatalities), func.avg(c.lat), func.avg(c.lon))
                        .where(*where, c.lat.is_not(None), c.lon.is_not(None)).group_by(ky, kx, c.type))
    cells: dict[tuple, dict[str, Any]] = {}
    for y, x, kind, count, dead, lat, lon in rows:
        at = cells.setdefault((y, x), {"lat": 0.0, "lon": 0.0, "events": 0, "fatalities": 0, "types": {}})
        at["lat"] += lat * count
        at["lon"] += lon * count
        at["events"] += count
        at["fatalities"] += dead or 0
        at["types"][kind] = count
    out = [{**at, "lat": round(at["lat"] / at["events"], 4), "lon": round(at["lon"] / at["events"], 4),
            "type": max(at["types"], key=at["types"].get)} for at in cells.values()]
    return {"cell": cell, "cells": sorted(out, key=lambda a: -a["events"])}


def _actors(conn: Connection, where: list) -> list[dict[str, Any]]:
    """The parties (actors with an ACLED kind) named most often, as actor 1 or 2."""
    c = events.c
    named = union_all(*(select(c[f"actor{i}"].label("name")).where(*where, c[f"actor{i}_kind"].is_not(None))
                        for i in (1, 2))).subquery()
    n = func.count().label("events")
    return [dict(r._mapping) for r in conn.execute(select(named.c.name.label("actor"), n)
                                                   .group_by(named.c.name).order_by(n.desc()).limit(TOP))]


def stats(conn: Connection, f: EventFilter, top: int = TOP) -> dict[str, Any]:
    """Totals, the timeline, types, countries, actors and map cells of the events ``f`` keeps."""
    c = events.c
    where = f.conditions()
    total, first, last = conn.execute(select(func.count(), func.min(c.date), func.max(c.date)).where(*where)).one()
    unit = period(first, last)

    def counted(column) -> list[dict[str, Any]]:
        n = func.count().label("events")
        query = select(column, n).where(*where, column.is_not(None)).group_by(column).order_by(n.desc())
        return [dict(r._mapping) for r in conn.execute(query.limit(top))]

    return {"total": total, "first": first, "last": last, "unit": unit,
            "timeline": _timeline(conn, where, unit),
            "types": counted(c.type), "countries": counted(c.country), "actors": _actors(conn, where),
            "places": _places(conn, where, Box.parse(f.bbox) if f.bbox else None)}
