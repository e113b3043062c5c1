"""One store, two databases: SQLite (a path) or PostgreSQL (a ``postgresql://`` URL), one interface.

Documents are kept once per content (sha256 of the normalised text) and each is written in its own
transaction, so a failure never loses or half-writes what is stored.
"""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import Connection, Engine, Table, create_engine, delete, event, func, insert, select, union_all
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, OperationalError

from .. import __version__
from ..model import CodedDocument
from ..serialize import document as serialize
from . import values
from .filters import EventFilter
from .migrations import StoreError, migrate
from . import incidents as incident_store
from .facts import figure_rows, relation_rows
from .rows import EVENT_COLUMNS, event_rows
from .schema import CHILDREN, actors, documents, events, figures, incident_reports, places, relations, times

DEFAULT = "eventwire.db"

_SPACE = re.compile(r"\s+")


def content_hash(text: str) -> str:
    """sha256 of the text with Unicode composed (NFC) and every run of white space made one space."""
    norm = _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def database_url(target: str) -> URL:
    """``--db`` → a SQLAlchemy URL: a path is a SQLite file; postgresql:// URLs use psycopg (v3)."""
    if "://" not in target:
        return URL.create("sqlite", database=str(Path(target).expanduser().resolve()))
    try:
        url = make_url(target)
    except ArgumentError as exc:
        raise StoreError(f"not a database URL: {target!r}") from exc
    if url.drivername in ("postgresql", "postgres"):
        return url.set(drivername="postgresql+psycopg")
    if url.drivername in ("sqlite", "postgresql+psycopg"):
        return url
    raise StoreError(f"unsupported database {url.drivername!r}: use a file path or a postgresql:// URL")


def _dumps(obj: Any) -> str:
    # default=str: metadata given through the Python API may hold dates and the like
    return json.dumps(obj, ensure_ascii=False, default=str)


def _lower(value: Any) -> Any:
    return value.lower() if isinstance(value, str) else value


def _sqlite_engine(url: URL) -> Engine:
    engine = create_engine(url, json_serializer=_dumps, connect_args={"timeout": 30})

    # pysqlite's own transaction handling skips DDL and begins late; let SQLAlchemy's BEGIN be the only one,
    # IMMEDIATE for writers so that two ingesting processes queue on the lock instead of failing.
    # WAL lets readers work during an ingest, and with synchronous=NORMAL a commit does not wait for the
    # disk (a power cut may lose the last commits, never the file; an ingest run again restores them).
    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _record) -> None:
        dbapi_conn.isolation_level = None
        dbapi_conn.execute("PRAGMA foreign_keys = ON")
        dbapi_conn.execute("PRAGMA journal_mode = WAL")
        dbapi_conn.execute("PRAGMA synchronous = NORMAL")
        # SQLite's lower() knows only ASCII; PostgreSQL's knows Unicode: filter the same way on both.
        dbapi_conn.create_function("lower", 1, _lower, deterministic=True)

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("writer") else "BEGIN")

    return engine


def open_store(target: str = DEFAULT, create: bool = True) -> Store:
    """Open (creating or upgrading its schema) the store at a path or ``postgresql://`` URL.
    With ``create=False`` a SQLite file that does not exist is an error, not a new empty store."""
    url = database_url(target)
    shown = url.render_as_string(hide_password=True)
    if url.get_backend_name() == "sqlite":
        path = Path(url.database or "")
        if url.database and url.database != ":memory:":
            if not create and not path.exists():
                raise StoreError(f"no store at {path}")
            if not path.parent.is_dir():
                raise StoreError(f"cannot create a store in {path.parent}: no such folder")
        engine = _sqlite_engine(url)
    else:
        engine = create_engine(url, json_serializer=_dumps)
    try:
        with engine.begin() as conn:
            migrate(conn, create)
    except OperationalError as exc:
        engine.dispose()
        raise StoreError(f"cannot open {shown}: {str(exc.orig).strip()}") from exc
    except StoreError as exc:
        engine.dispose()
        raise StoreError(f"{shown}: {exc}") from None
    return Store(engine, shown)


class Store:
    """Coded documents in a database. Use ``open_store``; close it (or use ``with``) when done."""

    def __init__(self, engine: Engine, name: str):
        self.engine = engine
        self.name = name

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    def contains(self, text: str) -> bool:
        """Whether this text is stored and coded (a stored failure does not count: it is coded again)."""
        with self.engine.connect() as conn:
            return conn.scalar(select(documents.c.id).where(documents.c.hash == content_hash(text),
                                                           documents.c.error.is_(None))) is not None

    def add(self, cd: CodedDocument, replace: bool = False) -> bool:
        """Store a coded document; False when its text is stored already. A stored failure is replaced
        by the new coding, a stored coding only with ``replace``, and never by a failure."""
        digest = content_hash(cd.text)
        try:
            with self.engine.connect().execution_options(writer=True) as conn, conn.begin():
                old = conn.execute(select(documents.c.id, documents.c.error)
                                   .where(documents.c.hash == digest)).first()
                if old is not None:
                    if old.error is None and (cd.error or not replace):
                        return False
                    for table in CHILDREN:
                        conn.execute(delete(table).where(table.c.document == old.id))
                    conn.execute(delete(documents).where(documents.c.id == old.id))
                _insert(conn, cd, digest)
        except IntegrityError:
            # Another process stored the same text between our check and our insert.
            if self._has_hash(digest):
                return False
            raise
        return True

    def _has_hash(self, digest: str) -> bool:
        with self.engine.connect() as conn:
            return conn.scalar(select(documents.c.id).where(documents.c.hash == digest)) is not None

    def events(self, limit: int | None = None, offset: int = 0, keyed: bool = False,
               **filters: Any) -> list[dict[str, Any]]:
        """Event rows (rows.EVENT_COLUMNS, as ``rows.event_rows`` gives them), by date then document;
        ``filters`` are the fields of ``EventFilter``. With ``keyed`` each row also has the store id of its
        ``document`` and an ``id`` ("document-event") that ``event`` takes. Raises ValueError for a bad filter value."""
        columns = [events.c[name] for name in EVENT_COLUMNS]
        if keyed:
            columns.append(events.c.document)
        query = (select(*columns)
                 .where(*EventFilter(**filters).conditions())
                 .order_by(events.c.date.nulls_last(), events.c.document, events.c.event))
        if values.row_count(limit, "limit") is not None:
            query = query.limit(limit)
        if values.row_count(offset, "offset"):
            query = query.offset(offset)
        with self.engine.connect() as conn:
            rows = [dict(row._mapping) for row in conn.execute(query)]
        if keyed:
            for row in rows:
                row["id"] = f"{row['document']}-{row['event']}"
        return rows

    def event(self, key: str) -> dict[str, Any] | None:
        """One event's JSON (serialize.event) by its id ("document-event"), with ``id``, ``document``,
        ``doc_id`` and the document's ``text``; None when there is none (or the id is malformed)."""
        try:
            doc, ordinal = (int(part) for part in key.split("-"))
        except ValueError:
            return None
        coded = self.document(doc)
        found = (coded or {}).get("events") or []
        if not 0 <= ordinal < len(found):
            return None
        return {**found[ordinal], "id": key, "document": doc, "doc_id": coded["id"], "text": coded["text"]}

    def actor_pairs(self, top: int | None = None, **filters: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """How often each party is named (per ``name``, ``kind``, ``country``) and each actor1 → actor2 pair
        per event ``type`` (``source``, ``target``, ``type``), each with ``events``: counted by the database
        over the events ``filters`` keep; with ``top``, only the ``top`` parties named most and pairs of them.
        Parties are actors of an ACLED kind: a thing attacked ("a crowded market"), a place or an unresolved
        phrase ("the claims") is no node of the network."""
        c = events.c
        where = EventFilter(**filters).conditions()
        named = union_all(*(select(c[f"actor{i}"].label("name"), c[f"actor{i}_kind"].label("kind"),
                                   c[f"actor{i}_country"].label("country"))
                            .where(*where, c[f"actor{i}"].is_not(None), c[f"actor{i}_kind"].is_not(None))
                            for i in (1, 2))).subquery()
        actors_q = (select(named.c.name, named.c.kind, named.c.country, func.count().label("events"))
                    .group_by(named.c.name, named.c.kind, named.c.country))
        pairs_q = (select(c.actor1.label("source"), c.actor2.label("target"), c.type, func.count().label("events"))
                   .where(*where, c.actor1.is_not(None), c.actor2.is_not(None), c.actor1_kind.is_not(None),
                          c.actor2_kind.is_not(None)).group_by(c.actor1, c.actor2, c.type))
        with self.engine.connect() as conn:
            named_rows = [dict(r._mapping) for r in conn.execute(actors_q)]
            if top is not None:
                totals: dict[str, int] = {}
                for r in named_rows:
                    totals[r["name"]] = totals.get(r["name"], 0) + r["events"]
                kept = sorted(totals, key=lambda name: (-totals[name], name))[:top]
                named_rows = [r for r in named_rows if r["name"] in set(kept)]
                pairs_q = pairs_q.where(c.actor1.in_(kept), c.actor2.in_(kept))
            return named_rows, [dict(r._mapping) for r in conn.execute(pairs_q)]

    def relations(self, most: int | None = None, **filters: Any) -> list[dict[str, Any]]:
        """The relations (``backs`` …) of the stored documents, each with the store id of its ``document``;
        with ``filters``, of the documents with an event they keep; none when those are more than ``most``
        (the relations are read from each document's JSON)."""
        d = documents.c
        query = select(d.id, d.json).where(d.error.is_(None)).order_by(d.id)
        if filters:
            query = query.where(d.id.in_(select(events.c.document).where(*EventFilter(**filters).conditions())))
        with self.engine.connect() as conn:
            if most is not None and conn.scalar(select(func.count()).select_from(query.subquery())) > most:
                return []
            rows = conn.execute(query)
            return [{**rel, "document": row.id} for row in rows for rel in (row.json.get("relations") or [])]

    def stats(self, **filters: Any) -> dict[str, Any]:
        """Counts of the events ``filters`` keep, for charts: see ``stats.stats``."""
        from .stats import stats
        with self.engine.connect() as conn:
            return stats(conn, EventFilter(**filters))

    def figures(self, what: str | None = None) -> list[dict[str, Any]]:
        """The counts of every stored document (the ``figures`` table), by date then document; ``what``
        keeps one kind ("infected", "aircraft" …)."""
        query = select(*(c for c in figures.c if c.name != "document"), figures.c.document)
        if what:
            query = query.where(figures.c.what == what.strip().lower())
        query = query.order_by(figures.c.date.nulls_last(), figures.c.document, figures.c.ordinal)
        with self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(query)]

    def actor_mentions(self) -> list[dict[str, Any]]:
        """Each canonical actor's (``name``) words in the text (``text``), with its ``kind``, ``country``, the
        ``rule`` that resolved it and the number of ``events`` (distinct event rows) naming it so: counted by
        the database."""
        a = actors.c
        query = (select(a.name, a.text, a.kind, a.country, a.rule,
                        func.count(func.distinct(a.document * 100000 + a.event)).label("events"))
                 .group_by(a.name, a.text, a.kind, a.country, a.rule).order_by(a.name, a.text, a.rule))
        with self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(query)]

    def relation_rows(self) -> list[dict[str, Any]]:
        """The stored relations (the ``relations`` table), by date then document."""
        query = select(relations).order_by(relations.c.date.nulls_last(), relations.c.document, relations.c.ordinal)
        with self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(query)]

    def incidents(self, limit: int | None = None, offset: int = 0, reports: bool = False,
                  **filters: Any) -> list[dict[str, Any]]:
        """Incidents (store/incidents.py ``INCIDENT_COLUMNS``), in order of their first report, with their
        ``reports`` (as ``incident`` gives them) when asked; ``filters`` (those of ``EventFilter``) keep the
        incidents with a report that passes them."""
        conditions = EventFilter(**filters).conditions()
        with self.engine.connect() as conn:
            found = incident_store.reports(conn, incident_store.page(conn, conditions, limit, offset))
        return [{**incident_store.reconcile(k, accounts), **({"reports": accounts} if reports else {})}
                for k, accounts in found.items()]

    def incident(self, key: str) -> dict[str, Any] | None:
        """One incident with its ``reports``: every account side by side (source, date, status, deaths, evidence)."""
        with self.engine.connect() as conn:
            found = incident_store.reports(conn, [key])[key]
        return None if not found else {**incident_store.reconcile(key, found), "reports": found}

    def incident_of(self, key: str) -> dict[str, Any] | None:
        """The incident (as ``incident`` gives it) of the event ``key`` ("document-event"); None when none."""
        try:
            doc, ordinal = (int(part) for part in key.split("-"))
        except ValueError:
            return None
        r = incident_reports.c
        with self.engine.connect() as conn:
            found = conn.scalar(select(r.incident).where(r.document == doc, r.event == ordinal))
        return None if found is None else self.incident(found)

    def rebuild_incidents(self) -> int:
        """Assign every stored event's incident again from scratch; returns how many incidents there are."""
        with self.engine.connect().execution_options(writer=True) as conn, conn.begin():
            return incident_store.rebuild(conn)

    def documents(self) -> list[dict[str, Any]]:
        """One summary per stored document, oldest first, with its number of events."""
        n_events = (select(events.c.document, func.count().label("events"))
                    .group_by(events.c.document).subquery())
        d = documents.c
        query = (select(d.id, d.doc_id, d.title, d.url, d.source, d.published, d.published_inferred, d.error,
                        d.coded_at, d.coded_by, d.hash, func.coalesce(n_events.c.events, 0).label("events"))
                 .outerjoin_from(documents, n_events, n_events.c.document == d.id)
                 .order_by(d.id))
        with self.engine.connect() as conn:
            return [{**row._mapping, "coded_at": _utc(row.coded_at)} for row in conn.execute(query)]

    def document(self, key: int | str) -> dict[str, Any] | None:
        """The coded JSON of one document (serialize.document) plus its ``text``: by store id (int) or by
        the id it came with (str; the latest coded when several share it). None when there is none."""
        if isinstance(key, int) and not values.is_id(key):
            return None
        where = documents.c.id == key if isinstance(key, int) else documents.c.doc_id == values.text(key)
        with self.engine.connect() as conn:
            row = conn.execute(select(documents.c.json, documents.c.text).where(where)
                               .order_by(documents.c.id.desc()).limit(1)).first()
        return None if row is None else {**row.json, "text": row.text}

    def version(self) -> tuple[int, int]:
        """(how many documents, the newest's id): changes whenever a document is added or replaced."""
        with self.engine.connect() as conn:
            return tuple(conn.execute(select(func.count(), func.coalesce(func.max(documents.c.id), 0))
                                      .select_from(documents)).one())

    def count(self, what: Literal["documents", "events"] = "documents", **filters: Any) -> int:
        """How many documents or events; ``filters`` (those of ``EventFilter``) count only the events they keep."""
        table = {"documents": documents, "events": events}[what]
        if filters and what != "events":
            raise ValueError("only events can be filtered")
        query = select(func.count()).select_from(table)
        if filters:
            query = query.where(*EventFilter(**filters).conditions())
        with self.engine.connect() as conn:
            return conn.scalar(query)


def _utc(moment: datetime) -> str:
    """ISO 8601 in UTC (SQLite gives the stored time back without its zone)."""
    return (moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)).isoformat()


#: Keys of the serialised places and times copied to their tables (offsets become start_char, end_char).
_PLACE_KEYS = ("text", "name", "lat", "lon", "country", "geonameid", "feature", "precision", "inferred", "rule")
_TIME_KEYS = ("text", "value", "type", "rule")


def _insert(conn: Connection, cd: CodedDocument, digest: str) -> None:
    """Write one document and its flat rows; everything comes from its serialised JSON."""
    d = values.deep(serialize(cd))
    key = conn.execute(insert(documents).values(**document_row(cd, d, digest))).inserted_primary_key[0]
    if cd.error:
        return
    for table, rows in child_rows(d, key, cd.text).items():
        _many(conn, table, rows)
    incident_store.attach(conn, key, d)


def document_row(cd: CodedDocument, d: dict[str, Any], digest: str) -> dict[str, Any]:
    """The ``documents`` row of a coded document ``cd`` serialised as ``d``."""
    doc = cd.doc  # every string as both databases can keep it (store/values.py)
    return dict(hash=digest, doc_id=d["id"], title=values.text(doc.title), url=values.text(doc.url),
                source=values.text(doc.source),
                published=d.get("published"), published_inferred=d.get("published_inferred"),
                published_precision=d.get("published_precision"),
                dateline=(d.get("dateline") or {}).get("text"), error=values.text(cd.error),
                coded_at=datetime.now(timezone.utc), coded_by=f"eventwire {__version__}", text=values.text(cd.text),
                meta=values.deep(doc.meta) or None, json=d)


def child_rows(d: dict[str, Any], key: int, text: str) -> dict[Table, list[dict[str, Any]]]:
    """The flat rows (events, actors, places, times, figures, relations) of the serialised document ``d``
    (of the input ``text``) stored as ``key``."""
    return {
        events: [{"document": key, **row} for row in event_rows(d)],
        actors: [{"document": key, "event": i, "role": role, "name": a["name"], "text": a.get("text"),
                  "start_char": (a.get("span") or {}).get("start"), "end_char": (a.get("span") or {}).get("end"),
                  "country": a.get("country"), "sector": a.get("sector"), "kind": a.get("kind"),
                  "entity": a.get("entity"), "rule": a.get("rule")}
                 for i, e in enumerate(d["events"]) for role, a in ((1, e.get("actor1")), (2, e.get("actor2"))) if a],
        places: [{"document": key, "ordinal": i, **_offsets(p), **{k: p[k] for k in _PLACE_KEYS}}
                 for i, p in enumerate(d["places"])],
        times: [{"document": key, "ordinal": i, **_offsets(t), **{k: t[k] for k in _TIME_KEYS}}
                for i, t in enumerate(d["times"])],
        figures: [{"document": key, **row} for row in figure_rows(d, text)],
        relations: [{"document": key, **row} for row in relation_rows(d, text)],
    }


def _offsets(item: dict[str, Any]) -> dict[str, int]:
    return {"start_char": item["start"], "end_char": item["end"]}


def _many(conn: Connection, table: Table, rows: Iterable[dict[str, Any]]) -> None:
    rows = list(rows)
    if rows:
        conn.execute(insert(table), rows)
