"""The publication date: given, from metadata, or inferred from the dates the text names."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..model import CodedDocument
from .calendar import add_months, parse_iso
from .extract import Mention, find

META_KEYS = ("published", "date_published", "datePublished", "article:published_time", "og:published_time",
             "pubdate", "publish_date", "date", "dc.date", "DC.date.issued", "sailthru.date")
#: a caption date in "FILE - In this Jan. 17, 2020, file photo" is the photo's, not the story's
FILE_PHOTO = re.compile(r"(?i)(?:\bin\s+this\b|\b(?:photo|picture|image)\b)[^.]{0,40}$")
FILE_AFTER = re.compile(r"(?i)^,?\s*(?:file|photo|handout)")


@dataclass
class Found:
    """A mention placed in the document: absolute offsets, caption or not, the tense of its clause."""

    mention: Mention
    start: int
    end: int
    caption: bool
    tense: str | None


@dataclass
class Published:
    value: str | None
    inferred: bool
    precision: str | None
    rule: str | None


def _from_string(value: str) -> tuple[str, str] | None:
    """ISO date (or datetime) or a written date -> (ISO date, precision)."""
    d = parse_iso(value)
    if d:
        return d.isoformat(), "day"
    m = re.match(r"\s*(\d{4})-(\d{2})\s*$", value)
    if m:
        return f"{m[1]}-{m[2]}-01", "month"
    m = re.match(r"\s*(\d{4})\s*$", value)
    if m:
        return f"{m[1]}-01-01", "year"
    for mention in find(value):
        f = mention.f
        if mention.kind in ("mdy", "dmy", "numeric", "iso") and f.get("year"):
            try:
                return date(f["year"], f["month"], f["day"]).isoformat(), "day"
            except ValueError:
                return None
    return None


def publication(cd: CodedDocument, found: list[Found]) -> Published:
    if cd.doc.published:
        got = _from_string(str(cd.doc.published))
        if got:
            return Published(got[0], False, got[1], "given")
    for key in META_KEYS:
        raw = cd.doc.meta.get(key) if cd.doc.meta else None
        got = _from_string(str(raw)) if raw else None
        if got:
            return Published(got[0], False, got[1], f"meta:{key}")
    return infer_from_text(cd.text, found)


def _is_file_date(text: str, f: Found) -> bool:
    return bool(FILE_PHOTO.search(text[max(0, f.start - 50):f.start]) or FILE_AFTER.match(text[f.end:f.end + 14]))


def infer_from_text(text: str, found: list[Found]) -> Published:
    """The latest date the text names as past or present, moved on by "last month" and weekday cues."""
    days: list[date] = []
    months: list[date] = []
    for f in found:
        fl = f.mention.f
        if f.tense == "future" or not fl.get("year") or _is_file_date(text, f):
            continue
        if f.mention.kind in ("mdy", "dmy", "numeric", "iso") and fl.get("day"):
            try:
                days.append(date(fl["year"], fl["month"], fl["day"]))
            except ValueError:
                pass
        elif f.mention.kind == "my":
            months.append(date(fl["year"], fl["month"], 1))
    if days:
        start, precision, rule = max(days), "day", "text:latest-date"
    elif months:
        start, precision, rule = max(months), "month", "text:latest-month"
    else:
        return Published(None, True, None, None)
    last_month = any(f.mention.kind == "relunit" and f.mention.f["unit"] == "month" and f.mention.f.get("rel") == "last"
                     for f in found)
    if last_month:  # the latest dated happening was "last month": the story is from the month after
        y, m = add_months(start.year, start.month, 1)
        start, precision, rule = date(y, m, 1), "month", rule + "+last-month"
    named = {f.mention.f["weekday"] for f in found
             if f.mention.kind == "weekday" and f.tense != "future" and f.mention.f.get("rel") is None}
    if named and precision in ("day", "month"):
        # a story names the days just gone: it is written on the first day after them
        d = start
        while d.weekday() in named and d - start < timedelta(days=6):
            d += timedelta(days=1)
        if d != start or precision == "month":
            start, precision, rule = d, "week", rule + "+weekdays"
    return Published(start.isoformat(), True, precision, rule)
