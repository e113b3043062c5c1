"""Figures and relations of a coded document (its serialised JSON) as the flat rows of the store's
``figures`` and ``relations`` tables.

A count is placed and dated by the place and time mentions of its own sentence (the nearest one), else
dated by the publication and marked ``date_inferred``; a relation is dated by the publication, since the
text states it as standing at that time.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..lang.words import relation_kinds

#: TIMEX3 values that name a calendar period ("2020-05-31", "2020-05", "2020"), not "PAST_REF" and the like.
_CALENDAR = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _within(item: dict[str, Any], evidence: dict[str, int]) -> bool:
    return evidence["start"] <= item["start"] and item["end"] <= evidence["end"]


def _nearest(items: list[dict[str, Any]], span: dict[str, int]) -> dict[str, Any] | None:
    return min(items, key=lambda i: min(abs(i["start"] - span["end"]), abs(span["start"] - i["end"])), default=None)


def figure_rows(doc: dict[str, Any], text: str) -> Iterator[dict[str, Any]]:
    """One row per figure of ``doc`` (serialize.document of ``text``), without the store's ``document`` key.
    A figure coded before figures kept their sentence is placed by nothing but its own words."""
    for i, f in enumerate(doc.get("figures") or []):
        span = f["span"]
        ev = f.get("evidence") or span
        place = _nearest([p for p in doc.get("places") or [] if _within(p, ev)], span) or {}
        time = _nearest([t for t in doc.get("times") or [] if _within(t, ev) and _CALENDAR.match(t["value"])], span)
        yield {"ordinal": i, "doc_id": doc["id"], "value": f["value"], "what": f["what"], "text": f["text"],
               "start_char": span["start"], "end_char": span["end"],
               "place": place.get("name"), "lat": place.get("lat"), "lon": place.get("lon"),
               "country": place.get("country"), "geonameid": place.get("geonameid"),
               "date": time["value"] if time else doc.get("published"), "date_inferred": time is None,
               "evidence_text": text[ev["start"]:ev["end"]], "rule": f["rule"]}


def inferred(actor: dict[str, Any]) -> bool:
    """Whether the knowledge base named this party from a description ("Russian mercenaries" → a company,
    "the U.N.-supported government" → the GNA) rather than the text naming it ("Hifter", "the LAAF"): an
    alias match whose head word is a common noun."""
    words = (actor.get("text") or "").split()
    return actor.get("rule") == "kb:alias" and bool(words) and words[-1][:1].islower()


def relation_rows(doc: dict[str, Any], text: str) -> Iterator[dict[str, Any]]:
    """One row per relation of ``doc`` (serialize.document of ``text``), without the store's ``document`` key."""
    kinds = relation_kinds()
    for i, r in enumerate(doc.get("relations") or []):
        ev = r.get("evidence") or {}
        row = {"ordinal": i, "doc_id": doc["id"], "relation": r["relation"], "kind": kinds[r["relation"]],
               "date": doc.get("published"), "status": r.get("status") or "asserted", "evidence_start": ev.get("start"), "evidence_end": ev.get("end"),
               "evidence_text": text[ev["start"]:ev["end"]] if ev else None,
               "rule": r["rule"]}
        for side in ("source", "target"):
            a = r[side]
            row.update({side: a["name"], f"{side}_text": a.get("text"), f"{side}_kind": a.get("kind"), f"{side}_country": a.get("country"),
                        f"{side}_inferred": inferred(a)})
        yield row
