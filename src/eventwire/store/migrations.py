"""Schema versions: a fresh store is created at the latest version; an older one is brought up to it
by the migrations after its version, in order, in one transaction, when it is opened.

To change the schema: edit ``schema.py`` and append a ``Migration(n + 1, ...)`` whose function makes an
existing store look the same (``ALTER TABLE``, ``CREATE INDEX`` through ``conn``).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import Connection, func, insert, inspect, select, text

from .schema import metadata, schema_version

#: Version 1 is the schema as first released: the tables of schema.py.
BASE_VERSION = 1


class StoreError(RuntimeError):
    """The store cannot be opened or written: a clear message for the user, no traceback."""


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    apply: Callable[[Connection], None]


def _add_indexes(conn: Connection) -> None:
    from .indexes import install
    install(conn)


def _add_feeds(conn: Connection) -> None:
    from .schema import feeds
    feeds.create(conn, checkfirst=True)


def _add_figures_relations_incidents(conn: Connection) -> None:
    """The figures, relations and incident_reports tables, filled from the coded JSON of the documents
    stored already."""
    from .facts import figure_rows, relation_rows
    from .incidents import rebuild
    from .schema import documents, figures, incident_reports, relations
    for table in (figures, relations, incident_reports):
        table.create(conn, checkfirst=True)
    rebuild(conn)
    for doc in conn.execute(select(documents.c.id, documents.c.json, documents.c.text)
                            .where(documents.c.error.is_(None))):
        for table, rows in ((figures, figure_rows(doc.json, doc.text)), (relations, relation_rows(doc.json, doc.text))):
            rows = [{"document": doc.id, **row} for row in rows]
            if rows:
                conn.execute(insert(table), rows)


#: Changes after version 1, oldest first.
MIGRATIONS: list[Migration] = [
    Migration(2, "feeds: state of the feeds polled by eventwire watch", _add_feeds),
    Migration(3, "indexes for filtered pages, counts and word search (FTS5 / PostgreSQL full text)", _add_indexes),
    Migration(4, "figures, relations, incident_reports: counts, backers and incidents across reports",
              _add_figures_relations_incidents),
]


def latest() -> int:
    return MIGRATIONS[-1].version if MIGRATIONS else BASE_VERSION


def current(conn: Connection) -> int | None:
    """The version of the store on ``conn``; None when it has no eventwire tables yet."""
    if not inspect(conn).has_table(schema_version.name):
        return None
    return conn.scalar(select(func.max(schema_version.c.version)))


def _stamp(conn: Connection, version: int, description: str) -> None:
    conn.execute(insert(schema_version).values(version=version, description=description,
                                               applied_at=datetime.now(timezone.utc)))


def migrate(conn: Connection, create: bool = True) -> int:
    """Create (unless ``create`` is False) or upgrade the schema on ``conn``, inside its transaction;
    returns the version."""
    if conn.dialect.name == "postgresql":
        # Two processes opening one new database at once must not both create the tables.
        conn.execute(text("SELECT pg_advisory_xact_lock(hashtext('eventwire.store.migrate'))"))
    version = current(conn)
    if version is None:
        if inspect(conn).has_table("documents"):
            raise StoreError("the database has a 'documents' table but no schema_version: not an eventwire store")
        if not create:
            raise StoreError("no eventwire store there (ingest creates one)")
        metadata.create_all(conn)
        _add_indexes(conn)  # beyond schema.py's tables: full-text search is written per database
        _stamp(conn, latest(), "created")
        return latest()
    if version > latest():
        raise StoreError(f"the store has schema version {version}, newer than this eventwire knows ({latest()}): "
                         "upgrade eventwire")
    for m in MIGRATIONS:
        if m.version > version:
            m.apply(conn)
            _stamp(conn, m.version, m.description)
            version = m.version
    return version
