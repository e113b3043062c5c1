"""The store's tables (SQLAlchemy Core): plain tables with readable column names, the same on SQLite
and PostgreSQL, so that any tool (sqlite3, Datasette, psql) can read them without eventwire.

``documents`` holds one row per distinct text with the whole coded JSON; ``events``, ``actors``,
``places`` and ``times`` are flat views of that JSON for querying. Changing a table here means
adding a migration in ``migrations.py`` that brings existing stores to the same shape.
"""
from __future__ import annotations

from sqlalchemy import (JSON, Boolean, Column, DateTime, Float, ForeignKey, Index, Integer, MetaData, String,
                        Table, Text)

metadata = MetaData()

schema_version = Table(
    "schema_version", metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("description", Text, nullable=False),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)

documents = Table(
    "documents", metadata,
    Column("id", Integer, primary_key=True),
    Column("hash", String(64), nullable=False, unique=True, comment="sha256 of the normalised text"),
    Column("doc_id", Text, nullable=False, comment="the id the document came with (file name, JSONL id)"),
    Column("title", Text),
    Column("url", Text),
    Column("source", Text),
    Column("published", Text),
    Column("published_inferred", Boolean),
    Column("published_precision", Text),
    Column("dateline", Text),
    Column("error", Text, comment="why coding failed; such a document is coded again when ingested again"),
    Column("coded_at", DateTime(timezone=True), nullable=False),
    Column("coded_by", Text, nullable=False, comment="the eventwire version that coded it"),
    Column("text", Text, nullable=False),
    Column("meta", JSON, comment="input keys beyond the contract's"),
    Column("json", JSON, nullable=False, comment="the coded document (serialize.document)"),
    Index("ix_documents_doc_id", "doc_id"),
)


def _document_fk() -> Column:
    return Column("document", Integer, ForeignKey("documents.id"), primary_key=True)


#: One row per event; the columns after ``document`` are rows.EVENT_COLUMNS ("event" is the ordinal).
events = Table(
    "events", metadata,
    _document_fk(),
    Column("doc_id", Text, nullable=False),
    Column("event", Integer, primary_key=True, autoincrement=False),
    Column("type", Text, nullable=False),
    Column("mode", Text),
    Column("acled_event_type", Text),
    Column("acled_sub_event_type", Text),
    Column("actor1", Text),
    Column("actor1_country", Text),
    Column("actor1_sector", Text),
    Column("actor1_kind", Text),
    Column("actor2", Text),
    Column("actor2_country", Text),
    Column("actor2_sector", Text),
    Column("actor2_kind", Text),
    Column("date", Text),
    Column("date_precision", Text),
    Column("date_inferred", Boolean),
    Column("location", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("country", Text, comment="ISO 3166 alpha-2 of the location"),
    Column("geonameid", Integer),
    Column("geo_precision", Integer),
    Column("fatalities", Integer),
    Column("status", Text),
    Column("attribution", Text),
    Column("confidence", Float),
    Column("rule", Text),
    Column("evidence_start", Integer),
    Column("evidence_end", Integer),
    Column("evidence_text", Text),
    Column("incident", Text),
    Index("ix_events_date", "date"),
    Index("ix_events_type", "type"),
    Index("ix_events_acled_event_type", "acled_event_type"),
    Index("ix_events_country", "country"),
)

#: The actors of each event (role 1 or 2), with the words and offsets they were read from.
actors = Table(
    "actors", metadata,
    _document_fk(),
    Column("event", Integer, primary_key=True, autoincrement=False),
    Column("role", Integer, primary_key=True, autoincrement=False),
    Column("name", Text, nullable=False),
    Column("text", Text),
    Column("start_char", Integer),
    Column("end_char", Integer),
    Column("country", Text),
    Column("sector", Text),
    Column("kind", Text),
    Column("entity", Text),
    Column("rule", Text),
    Index("ix_actors_name", "name"),
)

#: Every place mention resolved in a document, whether or not an event uses it.
places = Table(
    "places", metadata,
    _document_fk(),
    Column("ordinal", Integer, primary_key=True, autoincrement=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("lat", Float, nullable=False),
    Column("lon", Float, nullable=False),
    Column("country", Text),
    Column("geonameid", Integer),
    Column("feature", Text),
    Column("precision", Integer),
    Column("inferred", Boolean),
    Column("rule", Text),
)

#: Every normalised time expression of a document.
times = Table(
    "times", metadata,
    _document_fk(),
    Column("ordinal", Integer, primary_key=True, autoincrement=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("value", Text, nullable=False),
    Column("type", Text),
    Column("rule", Text),
)

#: The news feeds polled by ``eventwire watch``: conditional-request validators and back-off state.
feeds = Table(
    "feeds", metadata,
    Column("url", Text, primary_key=True, comment="the feed's URL or file path, as listed"),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("failures", Integer, nullable=False, default=0, comment="errors in a row; sets the back-off"),
    Column("next_poll", DateTime(timezone=True), comment="not polled again before this"),
    Column("last_polled", DateTime(timezone=True)),
    Column("last_status", Text, comment="stored N / not modified / the error"),
)

#: Every count a document reports ("168 people infected", "14 aircraft"): never a death toll. Placed and
#: dated by the place and time mentions of its sentence, else dated by the publication (``date_inferred``).
figures = Table(
    "figures", metadata,
    _document_fk(),
    Column("ordinal", Integer, primary_key=True, autoincrement=False),
    Column("doc_id", Text, nullable=False),
    Column("value", Integer, nullable=False),
    Column("what", Text, nullable=False, comment="what was counted (data/coding/figures.json)"),
    Column("text", Text, nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("place", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("country", Text),
    Column("geonameid", Integer),
    Column("date", Text),
    Column("date_inferred", Boolean),
    Column("evidence_text", Text),
    Column("rule", Text),
    Index("ix_figures_what", "what"),
)

#: Who backs whom ("A-backed militias", "supplied drones to"): one row per stated edge, dated by the
#: publication; ``*_inferred`` marks a party read from the knowledge base rather than named.
relations = Table(
    "relations", metadata,
    _document_fk(),
    Column("ordinal", Integer, primary_key=True, autoincrement=False),
    Column("doc_id", Text, nullable=False),
    Column("relation", Text, nullable=False, comment="backs, arms, allied with ..."),
    Column("kind", Text, nullable=False, comment="SUPPORT or AID (PLOVER)"),
    Column("source", Text, nullable=False),
    Column("source_text", Text, comment="the words of the text"),
    Column("source_kind", Text),
    Column("source_country", Text),
    Column("source_inferred", Boolean),
    Column("target", Text, nullable=False),
    Column("target_text", Text, comment="the words of the text"),
    Column("target_kind", Text),
    Column("target_country", Text),
    Column("target_inferred", Boolean),
    Column("date", Text),
    Column("status", Text, comment="asserted, claimed, denied ... as the text tells it"),
    Column("evidence_start", Integer),
    Column("evidence_end", Integer),
    Column("evidence_text", Text),
    Column("rule", Text),
    Index("ix_relations_source", "source"),
    Index("ix_relations_target", "target"),
)

#: Every stored event's incident: reports of other documents that tell of one happening share ``incident``
#: (the "document-event" id of its first report). Only a document's main event is matched (incidents/merge.py);
#: ``day`` (ISO ordinal) and ``cell`` (a grid square of the place, NULL when no town is told) index the
#: candidates of a new report. The place and count fields are those the match needs.
incident_reports = Table(
    "incident_reports", metadata,
    _document_fk(),
    Column("event", Integer, primary_key=True, autoincrement=False),
    Column("incident", Text, nullable=False),
    Column("main", Boolean, nullable=False),
    Column("day", Integer),
    Column("cell", Text),
    Column("type", Text),
    Column("acled_event_type", Text),
    Column("date", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("country", Text),
    Column("feature", Text),
    Column("precision", Integer),
    Column("place_inferred", Boolean),
    Column("place_rule", Text),
    Column("fatalities", Integer),
    Index("ix_incident_reports_candidates", "day", "cell"),
    Index("ix_incident_reports_incident", "incident"),
)

#: Tables that hang off a document: written and deleted with it, in one transaction.
CHILDREN = (events, actors, places, times, figures, relations, incident_reports)
