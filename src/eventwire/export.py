"""Writing coded documents: a readable table, JSON, JSON Lines (the contract), CSV and GeoJSON."""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Any

from rich.console import Console
from rich.table import Table

from .model import CodedDocument, Failed
from .serialize import document
from .store.rows import EVENT_COLUMNS, event_rows

FORMATS = ("table", "json", "jsonl", "csv", "geojson")

# JSON leaves these unescaped, yet Python's splitlines() and some JSON Lines readers break lines at them.
_LINE_BREAKS = str.maketrans({"\u0085": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def json_line(obj: Any) -> str:
    """One line of JSON Lines: non-ASCII text kept readable, every line-breaking character escaped."""
    return json.dumps(obj, ensure_ascii=False).translate(_LINE_BREAKS) + "\n"


def geojson_feature(row: dict[str, Any]) -> dict[str, Any] | None:
    if row.get("lat") is None or row.get("lon") is None:
        return None
    props = {k: v for k, v in row.items() if k not in ("lat", "lon")}
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
            "properties": props}


def write_rows(rows: Iterable[dict[str, Any]], fmt: str, stream: IO[str],
               columns: Sequence[str] = EVENT_COLUMNS) -> int:
    """Write rows (event rows unless other CSV ``columns`` are given) as csv, jsonl, json or geojson;
    returns how many were written."""
    n = 0
    if fmt == "csv":
        w = csv.DictWriter(stream, fieldnames=columns, extrasaction="ignore")
        w.writeheader()
        for row in rows:
            w.writerow(row)
            n += 1
    elif fmt == "jsonl":
        for row in rows:
            stream.write(json_line(row))
            n += 1
    elif fmt == "json":
        rows = list(rows)
        json.dump(rows, stream, ensure_ascii=False, indent=1)
        n = len(rows)
    elif fmt == "geojson":
        feats = [f for f in map(geojson_feature, rows) if f]
        json.dump({"type": "FeatureCollection", "features": feats}, stream, ensure_ascii=False)
        n = len(feats)
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return n


def write(items: Iterable[CodedDocument | Failed], fmt: str, stream: IO[str], err: Console) -> Iterator[Any]:
    """Write coded documents in ``fmt``; yields each item once written. Errors go to stderr,
    or into the stream as ``{"id", "error"}`` lines for jsonl (the contract)."""
    csv_writer = None
    json_docs: list[dict] = []
    features: list[dict] = []
    table_out = Console(file=stream, width=160) if fmt == "table" else None
    for item in items:
        d = {"id": item.id, "error": item.error} if isinstance(item, Failed) else document(item)
        if "error" in d and d["error"]:
            if fmt == "jsonl":
                stream.write(json_line(d))
                stream.flush()
            else:
                err.print(f"[red]{d['id']}:[/] {d['error']}", highlight=False)
            yield item
            continue
        if fmt == "jsonl":
            stream.write(json_line(d))
            stream.flush()
        elif fmt == "json":
            json_docs.append(d)
        elif fmt == "csv":
            if csv_writer is None:
                csv_writer = csv.DictWriter(stream, fieldnames=EVENT_COLUMNS, extrasaction="ignore")
                csv_writer.writeheader()
            csv_writer.writerows(event_rows(d))
        elif fmt == "geojson":
            features.extend(f for f in map(geojson_feature, event_rows(d)) if f)
        else:
            table_out.print(_table(d))
        yield item
    if fmt == "json":
        json.dump(json_docs, stream, ensure_ascii=False, indent=1)
        stream.write("\n")
    elif fmt == "geojson":
        json.dump({"type": "FeatureCollection", "features": features}, stream, ensure_ascii=False)
        stream.write("\n")


def _table(d: dict[str, Any]) -> Table:
    pub = d.get("published") or "?"
    if d.get("published_inferred"):
        pub += " (inferred)"
    t = Table(title=f"{d['id']} — published {pub}", title_justify="left", show_lines=False)
    for col in ("type", "mode", "ACLED", "actor1", "actor2", "date", "location", "dead", "status", "source"):
        t.add_column(col, overflow="fold")
    for e in d["events"]:
        loc = e.get("location") or {}
        t.add_row(e["type"], e.get("mode") or "", e.get("acled_sub_event_type") or "",
                  (e.get("actor1") or {}).get("name") or "", (e.get("actor2") or {}).get("name") or "",
                  (e.get("date") or "") + ("*" if e.get("date_inferred") else ""), loc.get("name") or "",
                  "" if e.get("fatalities") is None else str(e["fatalities"]), e["status"],
                  e.get("attribution") or "")
    return t
