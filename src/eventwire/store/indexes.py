"""Indexes for the analyst's queries on a large store: filtered pages in date order, word search, counts.

``install`` is run when a store is created and by the migration that brought them to existing stores; it
is idempotent. Which query each index serves, and what it measured at a million events, is in
bench/bigstore.py's notes (the README's "Scale" section).
"""
from __future__ import annotations

from sqlalchemy import Connection, text

from .search import COLUMNS, FTS_TABLE, KEY, pg_document

#: name → columns, on both databases. A page is ordered by (date, document, event): with a filtered
#: column in front, the database walks the index in that order and stops after one page.
BTREE = {
    "ix_events_order": "date, document, event",
    "ix_events_type_date": "type, date",
    "ix_events_country_date": "country, date",
    "ix_events_acled_date": "acled_event_type, date",
    "ix_events_sub_event_date": "acled_sub_event_type, date",
    "ix_events_status_date": "status, date",
    "ix_events_date_type": "date, type",  # the timeline's counts per period and type, from the index alone
    "ix_events_actor1": "actor1, actor1_kind",
    "ix_events_actor2": "actor2, actor2_kind",
    "ix_events_place": "lat, lon, type, fatalities",  # the map's cells, from the index alone
}

_VALUES = ", ".join(COLUMNS)


def _sqlite_search(conn: Connection) -> None:
    """A contentless FTS5 table kept by triggers (the store's insert path stays one and the same)."""
    new = ", ".join(f"new.{c}" for c in COLUMNS)
    old = ", ".join(f"old.{c}" for c in COLUMNS)
    exists = conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = ?", (FTS_TABLE,)).first()
    conn.exec_driver_sql(f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5({_VALUES}, content='', "
                         "detail='column')")
    forget = (f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {_VALUES}) "
              f"VALUES ('delete', old.document * {KEY} + old.event, {old});")
    learn = f"INSERT INTO {FTS_TABLE}(rowid, {_VALUES}) VALUES (new.document * {KEY} + new.event, {new});"
    conn.exec_driver_sql(f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_insert AFTER INSERT ON events BEGIN {learn} END")
    conn.exec_driver_sql(f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_delete AFTER DELETE ON events BEGIN {forget} END")
    conn.exec_driver_sql(f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_update AFTER UPDATE ON events "
                         f"BEGIN {forget} {learn} END")
    if not exists:
        conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}(rowid, {_VALUES}) "
                             f"SELECT document * {KEY} + event, {_VALUES} FROM events")


def _postgresql_search(conn: Connection) -> None:
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_events_words ON events USING gin "
                      f"(({pg_document(*COLUMNS)}))"))
    for actor in ("actor1", "actor2"):
        conn.execute(text(f"CREATE INDEX IF NOT EXISTS ix_events_{actor}_words ON events USING gin "
                          f"(({pg_document(actor)}))"))


def install(conn: Connection) -> None:
    for name, columns in BTREE.items():
        conn.execute(text(f"CREATE INDEX IF NOT EXISTS {name} ON events ({columns})"))
    if conn.dialect.name == "sqlite":
        _sqlite_search(conn)
    else:
        _postgresql_search(conn)
