"""Incidents in the formats analysts already use: ACLED's own export layout (one row per incident, its
sources joined; columns and value sets from data/export/acled.json, the codebook's) and POLECAT-style
PLOVER records (type, mode, context, actors with their PLOVER sector and country)."""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timezone
from typing import IO, Any

import pycountry

from . import lang

FORMATS = ("acled", "plover")


def _codebook() -> dict[str, Any]:
    return lang.load("export/acled.json")


def _country(alpha2: str | None) -> Any:
    return pycountry.countries.get(alpha_2=alpha2) if alpha2 else None


def interaction(inter1: int, inter2: int) -> int:
    """ACLED's two-digit interaction code: the lower inter code first; a sole actor's code then 0 ("10")."""
    if not inter2:
        return inter1 * 10
    return int("".join(map(str, sorted((inter1, inter2)))))


def acled_row(incident: dict[str, Any]) -> dict[str, Any]:
    """One ACLED row for an incident (with its ``reports``, first report first). Left empty: the associated
    actors, admin1-3 and source_scale (not coded), and tags."""
    book = _codebook()
    first = incident["reports"][0]
    disorder = {sub: d for d, subs in book["disorder_type"].items() for sub in subs}
    region = {cc: r for r, ccs in book["regions"].items() for cc in ccs}
    country = _country(incident["country"])
    inter1 = book["inter"].get(first["actor1_kind"] or "", 0)
    inter2 = book["inter"].get(first["actor2_kind"] or "", 0)
    document, event = (int(x) for x in incident["incident"].split("-"))
    published = max((r["published"] for r in incident["reports"] if r["published"]), default=None)
    day = incident["date"]
    notes = " ".join(r["evidence_text"] for r in incident["reports"][:1])
    if incident["reports"][1:]:
        accounts = "; ".join(f"{r['source'] or r['doc_id']}: {r['status']}"
                             + (f", {r['fatalities']} dead" if r["fatalities"] is not None else "")
                             for r in incident["reports"])
        notes += f" [{len(incident['reports'])} reports: {accounts}]"
    return {
        "event_id_cnty": f"{country.alpha_3 if country else 'XXX'}{document}{event:03d}",
        "event_date": day, "year": int(day[:4]) if day else None,
        "time_precision": book["time_precision"].get(first["date_precision"] or "day", 3),
        "disorder_type": disorder.get(incident["acled_sub_event_type"] or "", ""),
        "event_type": incident["acled_event_type"] or "", "sub_event_type": incident["acled_sub_event_type"] or "",
        "actor1": incident["actor1"] or "", "assoc_actor_1": "", "inter1": inter1,
        "actor2": incident["actor2"] or "", "assoc_actor_2": "", "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": book["civilian_targeting"] if first["actor2_kind"] == "civilians" else "",
        "iso": int(country.numeric) if country else 0, "region": region.get(incident["country"] or "", ""),
        "country": country.name if country else "", "admin1": "", "admin2": "", "admin3": "",
        "location": incident["location"] or "", "latitude": incident["lat"], "longitude": incident["lon"],
        "geo_precision": incident["geo_precision"] or 3, "source": incident["sources"] or incident["documents"],
        "source_scale": "",
        "notes": notes, "fatalities": incident["fatalities"] or 0, "tags": "",
        "timestamp": int(datetime.combine(date.fromisoformat(published), datetime.min.time(), timezone.utc).timestamp())
        if published else 0,
    }


def plover_record(incident: dict[str, Any]) -> dict[str, Any]:
    """A POLECAT-style record: PLOVER type, mode and context, the actors with PLOVER sector and country."""
    first = incident["reports"][0]

    def actor(i: int) -> dict[str, Any] | None:
        name = first[f"actor{i}"]
        return None if name is None else {"name": name, "sector": first[f"actor{i}_sector"],
                                          "country": first[f"actor{i}_country"]}

    return {"event_id": incident["incident"], "event_date": incident["date"], "event_type": first["type"],
            "mode": first["mode"], "context": [], "source_actor": actor(1), "target_actor": actor(2),
            "location": {"name": incident["location"], "lat": incident["lat"], "lon": incident["lon"],
                         "country": incident["country"], "geo_precision": incident["geo_precision"]},
            "fatalities": incident["fatalities"], "statuses": incident["statuses"].split("; "),
            "sources": [{"doc_id": r["doc_id"], "source": r["source"], "published": r["published"],
                         "status": r["status"], "evidence": r["evidence_text"]} for r in incident["reports"]]}


def write(incidents: Iterable[dict[str, Any]], fmt: str, stream: IO[str]) -> int:
    """ACLED rows as CSV, or PLOVER records as JSON Lines; returns how many were written."""
    n = 0
    if fmt == "acled":  # ACLED codes only what has an ACLED type: a statement or an accusation is no row
        w = csv.DictWriter(stream, fieldnames=_codebook()["columns"])
        w.writeheader()
        rows: Iterator[dict[str, Any]] = map(acled_row, (i for i in incidents if i["acled_event_type"]))
        for row in rows:
            w.writerow(row)
            n += 1
    elif fmt == "plover":
        for rec in map(plover_record, incidents):
            stream.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return n
