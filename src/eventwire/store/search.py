"""Word search over events, by SQLite FTS5 or PostgreSQL full-text search behind one SQL condition.

A query's words are matched whole and in any case, the last one also as the beginning of a word ("tank"
finds "tanker"; an early short word such as "of" would otherwise read most of the index), all of them:
``q`` in the evidence, either actor's name or the location; ``actor`` within one actor's name. The index
behind it is made by ``indexes.install``; a substring scan would read every row of a large store.
"""
from __future__ import annotations

import re
from typing import Any, Literal

from sqlalchemy import ColumnElement, bindparam
from sqlalchemy.types import NullType
from sqlalchemy.ext.compiler import compiles

#: The FTS5 table of a SQLite store: its rowid is document * KEY + event (the events table has no stable rowid).
FTS_TABLE = "events_fts"
KEY = 65536
#: The columns searched by ``q``; ``actor`` searches the two actor columns one at a time.
COLUMNS = ("evidence_text", "actor1", "actor2", "location")

_WORD = re.compile(r"\w+")

Scope = Literal["any", "actor"]


def words(value: str) -> list[str]:
    """The words of a query, lower-cased; punctuation and operators are no part of them."""
    return _WORD.findall(value.lower())


def pg_document(*columns: str) -> str:
    """The text PostgreSQL indexes for ``columns``; the query repeats it word for word so the index is used."""
    joined = " || ' ' || ".join(f"coalesce({c}, '')" for c in columns)
    return f"to_tsvector('simple'::regconfig, {joined})"


class WordMatch(ColumnElement[bool]):
    """True for events whose words match ``terms`` (see the module's docstring)."""

    type = NullType()  # a Boolean would be compared "= 1" on SQLite, and that hides the condition from the planner
    inherit_cache = False

    def __init__(self, terms: list[str], scope: Scope = "any"):
        if not terms:
            raise ValueError("give at least one word to search for")
        self.terms = terms
        self.scope = scope


@compiles(WordMatch, "sqlite")
def _sqlite(match: WordMatch, compiler: Any, **kw: Any) -> str:
    every = " AND ".join(f'"{w}"' + ("*" if i == len(match.terms) - 1 else "") for i, w in enumerate(match.terms))
    query = every if match.scope == "any" else f"({{actor1}}: ({every})) OR ({{actor2}}: ({every}))"
    found = compiler.process(bindparam(None, query, unique=True), **kw)
    return (f"(events.document, events.event) IN (SELECT rowid / {KEY}, rowid % {KEY} FROM {FTS_TABLE} "
            f"WHERE {FTS_TABLE} MATCH {found})")


@compiles(WordMatch, "postgresql")
def _postgresql(match: WordMatch, compiler: Any, **kw: Any) -> str:
    terms = " & ".join(f"'{w}'" + (":*" if i == len(match.terms) - 1 else "") for i, w in enumerate(match.terms))
    query = compiler.process(bindparam(None, terms, unique=True), **kw)
    tsquery = f"to_tsquery('simple'::regconfig, {query})"
    if match.scope == "any":
        return f"{pg_document(*(f'events.{c}' for c in COLUMNS))} @@ {tsquery}"
    return f"({pg_document('events.actor1')} @@ {tsquery} OR {pg_document('events.actor2')} @@ {tsquery})"
