"""Calendar arithmetic and TIMEX3 value strings."""
from __future__ import annotations

import re
from datetime import date, timedelta

SEASON_ORDER = ("SP", "SU", "FA", "WI")
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def add_months(year: int, month: int, k: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + k
    return n // 12, n % 12 + 1


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def season_of(d: date) -> tuple[int, str]:
    """(season year, code): January and February belong to the winter that began the December before."""
    if d.month in (1, 2):
        return d.year - 1, "WI"
    return d.year, SEASON_ORDER[(d.month - 3) // 3]


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The nth (1-based; -1 = last) given weekday (0 = Monday) of a month."""
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    y, m = add_months(year, month, 1)
    last = date(y, m, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def parse_iso(value: str | None) -> date | None:
    """The date at the start of an ISO date or datetime string ('2020-06-02', '2020-06-02T10:00:00Z')."""
    if not value:
        return None
    m = re.match(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})", value)
    return safe_date(int(m[1]), int(m[2]), int(m[3])) if m else None


_VALUE = re.compile(r"^(\d{4})(?:-(?:(\d\d)(?:-(\d\d))?|W(\d\d)(-WE)?|Q([1-4])|H([12])|(SP|SU|FA|WI)))?(?:T.*)?$")


def value_to_date(value: str) -> tuple[date, str] | None:
    """A calendar TIMEX3 value -> (first day of the period, precision); None for references and durations."""
    m = _VALUE.match(value or "")
    if not m:
        return None
    year = int(m[1])
    if m[3]:
        d = safe_date(year, int(m[2]), int(m[3]))
        return (d, "day") if d else None
    if m[2]:
        return (date(year, int(m[2]), 1), "month") if 1 <= int(m[2]) <= 12 else None
    if m[4]:
        try:
            d = date.fromisocalendar(year, int(m[4]), 6 if m[5] else 1)
        except ValueError:
            return None
        return d, "week"
    if m[6]:
        return date(year, 3 * int(m[6]) - 2, 1), "quarter"
    if m[7]:
        return date(year, 1 if m[7] == "1" else 7, 1), "year"
    if m[8]:
        return date(year, SEASON_START[m[8]], 1), "season"
    return date(year, 1, 1), "year"
