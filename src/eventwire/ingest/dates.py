"""Publication dates as sources write them (ISO 8601, RFC 822) → an ISO date, as the source's local day.

The local day, not the UTC one: "2020-06-02T01:30:00+03:00" was published on 2 June where it
was written, and the events it calls "yesterday" happened on 1 June there.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

_ISO = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}.*)?\s*")
_COMPACT = re.compile(r"\s*(\d{4})(\d{2})(\d{2})(?:T\d{4,6}.*)?\s*")


def iso_date(value: object) -> str | None:
    """The day of a date or timestamp string ("2020-06-02", "Tue, 02 Jun 2020 10:00 GMT"), else None."""
    if not isinstance(value, str) or not value.strip():
        return None
    m = _ISO.fullmatch(value) or _COMPACT.fullmatch(value)
    if m:
        return _checked(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    try:
        parsed = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    return _checked(parsed.year, parsed.month, parsed.day)


def _checked(year: int, month: int, day: int) -> str | None:
    try:
        d = date(year, month, day)
    except ValueError:
        return None
    if not 1900 <= d.year <= datetime.now().year + 1:  # a placeholder (0001-01-01) or a typo
        return None
    return d.isoformat()
