"""Stored event rows as a readable terminal table (the other formats are export.write_rows)."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.table import Table

#: (heading, row key) of the columns shown; the full rows are in the csv, json and jsonl exports.
COLUMNS = (("date", "date"), ("type", "type"), ("ACLED", "acled_sub_event_type"), ("actor1", "actor1"),
           ("actor2", "actor2"), ("location", "location"), ("cc", "country"), ("dead", "fatalities"),
           ("status", "status"), ("document", "doc_id"))


def events_table(rows: Iterable[dict[str, Any]], title: str | None = None) -> Table:
    t = Table(title=title, title_justify="left")
    for heading, _ in COLUMNS:
        t.add_column(heading, overflow="fold")
    for row in rows:
        cells = ["" if row.get(key) is None else str(row[key]) for _, key in COLUMNS]
        if row.get("date_inferred"):
            cells[0] += "*"  # the date was taken from the publication date
        t.add_row(*cells)
    return t
