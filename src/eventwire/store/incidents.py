"""Incidents in the store: reports of different documents that tell of one happening share an incident,
assigned in the transaction that stores a document (so ``ingest`` and ``watch`` keep them up to date) and
rebuilt from scratch by ``rebuild``. Both attach documents oldest first, so a rebuild gives the incidents
the updates gave (a document replaced by ``--replace`` comes last after it), and a second one changes nothing.

The rule is that of ``eventwire code --merge`` (incidents/merge.py, on each document's main event); a new
report is compared only with the stored main events of the days around its own and, when it names a town,
of the grid cells around it (``day``, ``cell`` indexed), never with every pair.

Reading an incident reconciles its reports as ACLED does: the most conservative credible death toll
with the range kept, the earliest date, the most precise place, and every account side by side with its
source and status.
"""
from __future__ import annotations

import math
from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import Connection, delete, func, insert, or_, select, text

from ..incidents.merge import MAX_DAYS, MAX_KM, located, main_event, same_incident
from ..model import Event, Place, Span, When
from .schema import documents, events, incident_reports

#: Grid cells of CELL_DEG degrees: a latitude band is ~27.8 km high, more than MAX_KM.
CELL_DEG = 0.25
_KM_PER_DEG = 111.2
#: Statuses of an account whose death toll counts toward the reconciled figure.
CREDIBLE = ("asserted", "claimed")


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / CELL_DEG), math.floor(lon / CELL_DEG)


def _neighbours(lat: float, lon: float) -> list[str]:
    """The cells any point within MAX_KM of (lat, lon) can lie in."""
    y, x = _cell(lat, lon)
    pole = min(89.0, abs(lat) + CELL_DEG)
    width = CELL_DEG * _KM_PER_DEG * max(math.cos(math.radians(pole)), 0.05)
    k = math.ceil(MAX_KM / width)
    return [f"{y + dy}:{x + dx}" for dy in (-1, 0, 1) for dx in range(-k, k + 1)]


def _place(e: dict[str, Any]) -> Place | None:
    loc = e.get("location")
    if not loc:
        return None
    return Place(span=Span(0, 0), text=loc.get("text") or "", name=loc["name"], lat=loc["lat"], lon=loc["lon"],
                 country=loc.get("country"), geonameid=loc.get("geonameid"), feature=loc.get("feature"),
                 precision=loc.get("precision") or 1, inferred=bool(loc.get("inferred")), rule=loc.get("rule"))


def _row(document: int, i: int, e: dict[str, Any], main: bool) -> dict[str, Any]:
    p = _place(e)
    day = _ordinal(e.get("date"))
    return {"document": document, "event": i, "incident": f"{document}-{i}", "main": main,
            "day": day if main else None,
            "cell": "{}:{}".format(*_cell(p.lat, p.lon)) if main and located(p) else None,
            "type": e["type"], "acled_event_type": e.get("acled_event_type"), "date": e.get("date"),
            "lat": p.lat if p else None, "lon": p.lon if p else None, "country": p.country if p else None,
            "feature": p.feature if p else None, "precision": p.precision if p else None,
            "place_inferred": p.inferred if p else None, "place_rule": p.rule if p else None,
            "fatalities": e.get("fatalities")}


def _ordinal(value: str | None) -> int | None:
    try:
        return date.fromisoformat(value).toordinal() if value else None
    except ValueError:
        return None


def _event(row: Any) -> Event:
    """The fields of a stored report that the merge rule reads, as an Event."""
    m = row._mapping if hasattr(row, "_mapping") else row
    place = None if m["lat"] is None else Place(
        span=Span(0, 0), text="", name="", lat=m["lat"], lon=m["lon"], country=m["country"], feature=m["feature"],
        precision=m["precision"] or 1, inferred=bool(m["place_inferred"]), rule=m["place_rule"])
    return Event(type=m["type"], evidence=Span(0, 0), trigger=Span(0, 0), rule="", acled_event_type=m["acled_event_type"],
                 when=When(date=m["date"]), location=place, fatalities=m["fatalities"])


def attach(conn: Connection, document: int, doc: dict[str, Any]) -> None:
    """Give every event of the stored document ``document`` (its serialised JSON ``doc``) an incident:
    its main event joins the first stored incident whose every report tells of the same happening."""
    found = doc.get("events") or []
    if not found:
        return
    if conn.dialect.name == "postgresql":  # two writers must not both open an incident for one happening
        conn.execute(text("SELECT pg_advisory_xact_lock(hashtext('eventwire.store.incidents'))"))
    main = main_event([Event(type=e["type"], evidence=Span(0, 0), trigger=Span(0, 0), rule="",
                             acled_event_type=e.get("acled_event_type"), confidence=e.get("confidence") or 0.0)
                       for e in found])
    rows = [_row(document, i, e, i == main) for i, e in enumerate(found)]
    new = rows[main]
    if new["day"] is not None:
        new["incident"] = _join(conn, new) or new["incident"]
    conn.execute(insert(incident_reports), rows)


def _join(conn: Connection, new: dict[str, Any]) -> str | None:
    r = incident_reports.c
    near = [r.main.is_(True), r.day.between(new["day"] - MAX_DAYS, new["day"] + MAX_DAYS)]
    if new["cell"] is not None:
        near.append(or_(r.cell.in_(_neighbours(new["lat"], new["lon"])), r.cell.is_(None)))
    candidates = set(conn.scalars(select(r.incident).where(*near).distinct()))
    if not candidates:
        return None
    members: dict[str, list[Any]] = defaultdict(list)
    for row in conn.execute(select(incident_reports).where(r.incident.in_(candidates), r.main.is_(True))):
        members[row.incident].append(row)
    event = _event(new)
    for incident in sorted(members, key=lambda k: min((m.document, m.event) for m in members[k])):
        if all(same_incident(event, _event(m)) for m in members[incident]):
            return incident
    return None


def rebuild(conn: Connection) -> int:
    """Assign every stored event's incident from scratch, documents in store order; returns how many
    incidents there are."""
    conn.execute(delete(incident_reports))
    for doc in conn.execute(select(documents.c.id, documents.c.json).where(documents.c.error.is_(None))
                            .order_by(documents.c.id)).all():
        attach(conn, doc.id, doc.json)
    return len(set(conn.scalars(select(incident_reports.c.incident))))


#: The flat columns of an incident (list, csv, jsonl exports).
INCIDENT_COLUMNS = ["incident", "date", "type", "acled_event_type", "acled_sub_event_type", "actor1", "actor2",
                    "location", "lat", "lon", "country", "geo_precision", "fatalities", "fatalities_min",
                    "fatalities_max", "statuses", "reports", "documents", "sources"]


def page(conn: Connection, conditions: list[Any], limit: int | None, offset: int) -> list[str]:
    """The incidents with a report that passes ``conditions`` (on the events table), in order of their
    first report, paged by the database."""
    e, r = events.c, incident_reports.c
    query = (select(r.incident)
             .join_from(incident_reports, events, (e.document == r.document) & (e.event == r.event))
             .where(*conditions).group_by(r.incident)
             .order_by(func.min(r.document), func.min(r.event), r.incident).offset(offset))
    if limit is not None:
        query = query.limit(limit)
    return list(conn.scalars(query))


def reports(conn: Connection, incidents: list[str]) -> dict[str, list[dict]]:
    """The reports of each of ``incidents`` (in that order), each an account: the event row with its
    document's source and publication date, first report first."""
    e, r, d = events.c, incident_reports.c, documents.c
    query = (select(r.incident, *(c for c in events.c if c.name != "incident"), d.source, d.published, d.title, d.url)
             .join_from(incident_reports, events, (e.document == r.document) & (e.event == r.event))
             .join(documents, d.id == e.document)
             .where(r.incident.in_(incidents))
             .order_by(r.document, r.event))
    out: dict[str, list[dict[str, Any]]] = {k: [] for k in incidents}
    for row in conn.execute(query):
        m = dict(row._mapping)
        m["id"] = f"{m['document']}-{m['event']}"
        out[m.pop("incident")].append(m)
    return out


def reconcile(incident: str, accounts: list[dict[str, Any]]) -> dict[str, Any]:
    """One incident from its accounts (first report first): ACLED's conservative reading."""
    first = accounts[0]
    counts = [a["fatalities"] for a in accounts if a["fatalities"] is not None]
    credible = [a["fatalities"] for a in accounts if a["fatalities"] is not None and a["status"] in CREDIBLE]
    placed = [a for a in accounts if a["location"] is not None]
    where = min(placed, key=lambda a: (a["geo_precision"] or 9, a["date_inferred"] is True)) if placed else first
    dates = sorted(a["date"] for a in accounts if a["date"])
    return {"incident": incident, "date": dates[0] if dates else None, "type": first["type"],
            "acled_event_type": first["acled_event_type"], "acled_sub_event_type": first["acled_sub_event_type"],
            "actor1": first["actor1"], "actor2": first["actor2"], "location": where["location"],
            "lat": where["lat"], "lon": where["lon"], "country": where["country"],
            "geo_precision": where["geo_precision"],
            "fatalities": min(credible) if credible else None,
            "fatalities_min": min(counts) if counts else None, "fatalities_max": max(counts) if counts else None,
            "statuses": "; ".join(sorted({a["status"] for a in accounts})), "reports": len(accounts),
            "documents": "; ".join(a["doc_id"] for a in accounts),
            "sources": "; ".join(sorted({a["source"] for a in accounts if a["source"]}))}
