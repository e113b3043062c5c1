"""Values both databases take alike: what SQLite would store and PostgreSQL refuse is made the same on both.

- NUL: PostgreSQL refuses it in text and JSON, SQLite stores it. Every NUL in a stored or looked-up
  string becomes U+FFFD (one character for one, so offsets into a text stay right).
- Integers: ids are 32-bit columns on PostgreSQL and SQLite's are 64-bit; an id past the column's
  range names no row, and a row count past 64 bits is refused as a bad value, not a database error.
- Filter text: SQLite refuses LIKE patterns over 50,000 bytes; filters are held far below that.
"""
from __future__ import annotations

from typing import Any

MAX_ID = 2**31 - 1  # the largest value of an Integer column on PostgreSQL
MAX_ROWS = 2**63 - 1  # the largest LIMIT or OFFSET either database takes
MAX_FILTER_CHARS = 1000


def text(value: str | None) -> str | None:
    return value.replace("\x00", "\ufffd") if value and "\x00" in value else value


def deep(value: Any) -> Any:
    """``text`` through every string (keys too) of JSON-like data."""
    if isinstance(value, str):
        return text(value)
    if isinstance(value, dict):
        return {deep(k): deep(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [deep(v) for v in value]
    return value


def is_id(value: int) -> bool:
    """Whether an integer can be a row id at all (outside the range it names no row on either database)."""
    return 0 < value <= MAX_ID


def row_count(value: int | None, name: str) -> int | None:
    if value is not None and not 0 <= value <= MAX_ROWS:
        raise ValueError(f"{name} must be between 0 and {MAX_ROWS:,}")
    return value


def filter_text(value: str, name: str) -> str:
    if len(value) > MAX_FILTER_CHARS:
        raise ValueError(f"{name} longer than {MAX_FILTER_CHARS:,} characters")
    return text(value)
