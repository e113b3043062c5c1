"""The shape of the store's event rows: one flat row per event, the table the store keeps and the exports
(CSV, JSON, JSON Lines, GeoJSON; Parquet in batch) write."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

#: One row per event: the columns of the store's event table (after ``document``), and so of every export.
EVENT_COLUMNS = ["doc_id", "event", "type", "mode", "acled_event_type", "acled_sub_event_type",
                 "actor1", "actor1_country", "actor1_sector", "actor1_kind",
                 "actor2", "actor2_country", "actor2_sector", "actor2_kind",
                 "date", "date_precision", "date_inferred", "location", "lat", "lon", "country", "geonameid",
                 "geo_precision", "fatalities", "status", "attribution", "confidence", "rule",
                 "evidence_start", "evidence_end", "evidence_text", "incident"]


def event_rows(doc: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Flatten one contract document (serialize.document) into event rows (EVENT_COLUMNS)."""
    for i, e in enumerate(doc.get("events") or []):
        a1, a2, loc = e.get("actor1") or {}, e.get("actor2") or {}, e.get("location") or {}
        ev = e.get("evidence") or {}
        yield {
            "doc_id": doc["id"], "event": i, "type": e["type"], "mode": e.get("mode"),
            "acled_event_type": e.get("acled_event_type"), "acled_sub_event_type": e.get("acled_sub_event_type"),
            "actor1": a1.get("name"), "actor1_country": a1.get("country"), "actor1_sector": a1.get("sector"),
            "actor1_kind": a1.get("kind"),
            "actor2": a2.get("name"), "actor2_country": a2.get("country"), "actor2_sector": a2.get("sector"),
            "actor2_kind": a2.get("kind"),
            "date": e.get("date"), "date_precision": e.get("date_precision"), "date_inferred": e.get("date_inferred"),
            "location": loc.get("name"), "lat": loc.get("lat"), "lon": loc.get("lon"), "country": loc.get("country"),
            "geonameid": loc.get("geonameid"), "geo_precision": loc.get("precision"),
            "fatalities": e.get("fatalities"), "status": e.get("status"), "attribution": e.get("attribution"),
            "confidence": e.get("confidence"), "rule": e.get("rule"),
            "evidence_start": ev.get("start"), "evidence_end": ev.get("end"),
            "evidence_text": e.get("evidence_text"), "incident": e.get("incident"),
        }
