"""Mentions -> TIMEX3 values, against the document date and in the tense of their clause.

The conventions are TimeML's (TimeBank): a weekday in a past clause is the last such day (the
document's own weekday is the document date), in a future clause the next one; "last month" is the
month (2020-05), "this week" the ISO week (2020-W23); "the quarter" is the quarter last named nearby,
else the last complete one. Without a document date relative expressions get no value.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .calendar import SEASON_ORDER, add_months, nth_weekday, parse_iso, quarter_of, safe_date, season_of, week
from .extract import Mention
from .lexicon import lexicon

PAST_RELS = {"last", "the past", "past", "the last", "the previous", "previous", "this past"}
NEXT_RELS = {"next", "this coming", "the coming", "coming", "the following"}

#: A quarter named this many characters before still governs "the quarter", "a year earlier".
QUARTER_REACH = 1200


@dataclass
class Context:
    """What the text named so far, for expressions that lean on it ("that quarter", "the following year")."""

    anchor: date | None
    quarter: tuple[int, int, int] | None = None  # (year, quarter, position)
    last_date: date | None = None
    last_year: int | None = None  # the year last named outright, for "that year", "the following year"

    def recent_quarter(self, pos: int) -> tuple[int, int] | None:
        if self.quarter and pos - self.quarter[2] <= QUARTER_REACH:
            return self.quarter[0], self.quarter[1]
        return None


def resolve(m: Mention, tense: str | None, ctx: Context) -> tuple[str, str] | None:
    """(value, type) for a mention, or None when it cannot be normalised."""
    handler = _HANDLERS.get(m.kind)
    return handler(m, tense, ctx) if handler else None


def _pick(cands: list[date], a: date, tense: str | None, reach: int) -> date:
    """Of the same day in neighbouring years, the one the tense points to (if within ``reach`` days), else the
    nearest, leaning to the past as news does."""
    past = [c for c in cands if c <= a]
    future = [c for c in cands if c >= a]
    last_past, next_future = max(past, default=None), min(future, default=None)
    if tense == "past" and last_past and (a - last_past).days <= reach:
        return last_past
    if tense == "future" and next_future and (next_future - a).days <= reach:
        return next_future
    return min(cands, key=lambda c: (c - a).days * (1 if c >= a else -0.6))


def _pick_year(month: int, day: int | None, a: date, tense: str | None, weekday: int | None = None) -> int:
    """The year of a month (and day) named without one; a weekday given with the date decides first."""
    cands = [d for d in (safe_date(y, month, day or 1) for y in (a.year - 1, a.year, a.year + 1)) if d]
    if weekday is not None:
        fitting = [c for c in cands if c.weekday() == weekday]
        if fitting:
            return min(fitting, key=lambda c: abs((c - a).days)).year
    if not day and month == a.month:
        return a.year
    return _pick(cands, a, tense, reach=280 if day else 335).year


def _ymd(m: Mention, tense, ctx) -> tuple[str, str] | None:
    f, a = m.f, ctx.anchor
    year = f.get("year")
    if year is not None:
        ctx.last_year = year
    if year is None:
        if a is None:
            return (f"XXXX-{f['month']:02d}-{f['day']:02d}" if f.get("day") else f"XXXX-{f['month']:02d}"), "DATE"
        year = _pick_year(f["month"], f.get("day"), a, tense, f.get("weekday"))
    if f.get("day"):
        d = safe_date(year, f["month"], f["day"])
        if d is None:
            return None
        ctx.last_date = d
        return d.isoformat(), "DATE"
    return f"{year}-{f['month']:02d}", "DATE"


def _weekof(m: Mention, tense, ctx) -> tuple[str, str] | None:
    """"the week of March 6": the ISO week holding that day."""
    got = _ymd(m, tense, ctx)
    d = parse_iso(got[0]) if got else None
    return (week(d), "DATE") if d else None


def _month(m: Mention, tense, ctx) -> tuple[str, str] | None:
    f, a = m.f, ctx.anchor
    month = f["month"]
    if a is None:
        return f"XXXX-{month:02d}", "DATE"
    rel, rely = f.get("rel"), f.get("rely")
    if rely:
        year = a.year + {"last": -1, "this": 0, "next": 1}[rely]
    elif rel in PAST_RELS:
        year = a.year if month < a.month else a.year - 1
    elif rel in NEXT_RELS:
        year = a.year if month > a.month else a.year + 1
    elif rel == "this":
        year = a.year
    else:
        year = _pick_year(month, None, a, tense)
    return f"{year}-{month:02d}", "DATE"


def _year(m: Mention, tense, ctx) -> tuple[str, str] | None:
    ctx.last_year = m.f["year"]
    return str(m.f["year"]), "DATE"


def _decade(m: Mention, tense, ctx) -> tuple[str, str] | None:
    if "decade" in m.f:
        return str(m.f["decade"]), "DATE"
    century = ctx.anchor.year // 100 if ctx.anchor else 19
    if ctx.anchor and century * 10 + m.f["decade_digit"] > ctx.anchor.year // 10:
        century -= 1  # "the nineties" written in 2005 are the 1990s
    return f"{century}{m.f['decade_digit']}", "DATE"


def _century(m: Mention, tense, ctx) -> tuple[str, str] | None:
    return f"{m.f['century'] - 1:02d}", "DATE"


def _season(m: Mention, tense, ctx) -> tuple[str, str] | None:
    f, a = m.f, ctx.anchor
    s = f["season"]
    if f.get("year"):
        return f"{f['year']}-{s}", "DATE"
    if a is None:
        return f"XXXX-{s}", "DATE"
    cur_year, cur = season_of(a)
    i, j = SEASON_ORDER.index(s), SEASON_ORDER.index(cur)
    rel = f.get("rel")
    if rel in PAST_RELS or (rel is None and tense == "past"):
        year = cur_year if i < j or (rel is None and i == j) else cur_year - 1
    elif rel in NEXT_RELS or (rel is None and tense == "future"):
        year = cur_year if i > j or (rel is None and i == j) else cur_year + 1
    else:
        year = cur_year
    return f"{year}-{s}", "DATE"


def _quarter(m: Mention, tense, ctx) -> tuple[str, str] | None:
    f, a = m.f, ctx.anchor
    if f.get("set"):
        return "P3M", "SET"
    if f.get("value"):
        return f["value"], "DATE"
    n, year, shift = f.get("n"), f.get("year"), f.get("shift", 0)
    if f["unit"] == "half":
        if year is None:
            if a is None:
                return f"XXXX-H{n}", "DATE"
            year = a.year + shift
        return f"{year}-H{n}", "DATE"
    if n is None:  # "the quarter", "the latest quarter", "the year-ago period": the one named nearby
        known = ctx.recent_quarter(m.start)
        if f.get("ended") and a is not None:
            month, day = f["ended"]
            qy, n = _pick_year(month, day, a, "past"), (month - 1) // 3 + 1
        elif f.get("current") and a is not None:
            qy, n = a.year, quarter_of(a)
        elif known and not f.get("latest"):
            qy, n = known
        elif a is not None:
            qy, n = (a.year, quarter_of(a) - 1) if quarter_of(a) > 1 else (a.year - 1, 4)
        else:
            return None
        if year is None:
            year = qy + shift
        elif shift:
            year += shift
        if not shift and (a is None or year == a.year):
            ctx.quarter = (year, n, m.start)
        return f"{year}-Q{n}", "DATE"
    if year is None:
        if a is None:
            return f"XXXX-Q{n}", "DATE"
        year = a.year + shift
        if not shift and tense == "past" and n > quarter_of(a):
            year -= 1
    if not shift and (a is None or year == a.year):  # "the third quarter of 1991" is a forecast, not the topic
        ctx.quarter = (year, n, m.start)
    return f"{year}-Q{n}", "DATE"


def _relday(m: Mention, tense, ctx) -> tuple[str, str] | None:
    a = ctx.anchor
    if a is None:
        return None
    d = a + timedelta(days=m.f["offset"])
    if m.f.get("time"):
        return f"{d.isoformat()}T{lexicon().parts_of_day[m.f['part']]}", "TIME"
    return d.isoformat(), "DATE"


def _narrday(m: Mention, tense, ctx) -> tuple[str, str] | None:
    """"that day", "the next day": counted from the day the story last named."""
    if ctx.last_date is None:
        return None
    d = ctx.last_date + timedelta(days=m.f["offset"])
    ctx.last_date = d
    return d.isoformat(), "DATE"


def _weekday(m: Mention, tense, ctx) -> tuple[str, str] | None:
    a = ctx.anchor
    wd = m.f["weekday"]
    if a is None:
        return f"XXXX-WXX-{wd + 1}", "DATE"
    rel = m.f.get("rel")
    back = (a.weekday() - wd) % 7  # days back to the last such weekday (0 = the anchor itself)
    ahead = (wd - a.weekday()) % 7
    if rel in ("last", "this past", "the previous", "previous"):
        d = a - timedelta(days=back or 7)
    elif rel in ("next", "this coming", "coming", "the following"):
        d = a + timedelta(days=ahead or 7)
    elif back == 0:
        d = a
    elif tense == "future" or (rel == "this" and tense != "past"):
        d = a + timedelta(days=ahead)
    else:
        d = a - timedelta(days=back)
    ctx.last_date = d
    return d.isoformat(), "DATE"


def _step(rel: str | None) -> int:
    if rel in PAST_RELS:
        return -1
    if rel in NEXT_RELS:
        return 1
    return 0


def _unit_value(unit: str, k: int, a: date, tense: str | None) -> str | None:
    if unit == "day":
        return (a + timedelta(days=k)).isoformat()
    if unit == "week":
        return week(a + timedelta(weeks=k))
    if unit == "weekend":
        if k == 0:  # "this weekend", "the weekend": the coming one in a future clause, else the one just gone
            if tense == "future":
                k = 0 if a.weekday() <= 5 else 1
            else:
                k = 0 if a.weekday() >= 5 else -1
        return week(a + timedelta(weeks=k)) + "-WE"
    if unit == "month":
        y, mo = add_months(a.year, a.month, k)
        return f"{y}-{mo:02d}"
    if unit == "year":
        return str(a.year + k)
    if unit == "decade":
        return str(a.year // 10 + k)
    if unit == "century":
        return f"{a.year // 100 + k:02d}"
    return None


def _relunit(m: Mention, tense, ctx) -> tuple[str, str] | None:
    a = ctx.anchor
    if a is None:
        return None
    rel, unit = m.f.get("rel"), m.f["unit"]
    base = a
    if rel in ("the previous", "the following"):  # narrative time: "the following year" after "in 1995"
        if unit == "year" and ctx.last_year:
            base = date(ctx.last_year, 6, 1)
        elif ctx.last_date:
            base = ctx.last_date
    value = _unit_value(unit, _step(rel), base, tense)
    return (value, "DATE") if value else None


def _theunit(m: Mention, tense, ctx) -> tuple[str, str] | None:
    a, rel = ctx.anchor, m.f.get("rel")
    if rel == "that":
        return (str(ctx.last_year), "DATE") if ctx.last_year else None
    if a is None:
        return None
    value = _unit_value(m.f["unit"], _step(rel), a, tense)
    return (value, "DATE") if value else None


def _yearend(m: Mention, tense, ctx) -> tuple[str, str] | None:
    a = ctx.anchor
    if a is None:
        return None
    if m.f["unit"] == "month":
        return f"{a.year}-{a.month:02d}", "DATE"
    return f"{a.year - 1 if tense == 'past' else a.year}-12-31", "DATE"


def _ago(m: Mention, tense, ctx) -> tuple[str, str] | None:
    f, a = m.f, ctx.anchor
    before = f["dir"] in ("ago", "earlier", "before")
    if f.get("vague"):
        return ("PAST_REF" if before else "FUTURE_REF"), "DATE"
    if a is None:
        return None
    k = -f["n"] if before else f["n"]
    unit = f["unit"]
    if unit == "Y" and f["n"] == 1 and before:
        known = ctx.recent_quarter(m.start)  # "a year earlier" in a quarterly report is the year-ago quarter
        if known:
            return f"{known[0] - 1}-Q{known[1]}", "DATE"
    base = a
    if f["dir"] != "ago" and unit in ("D", "W", "2W") and ctx.last_date:
        base = ctx.last_date  # "two days later": later than the day the story last named
    if unit == "D":
        return (base + timedelta(days=k)).isoformat(), "DATE"
    if unit == "W":
        d = base + timedelta(weeks=k)
        return (d.isoformat() if abs(k) <= 2 else week(d)), "DATE"
    if unit == "2W":
        return (base + timedelta(weeks=2 * k)).isoformat(), "DATE"
    if unit == "M":
        y, mo = add_months(a.year, a.month, k)
        return f"{y}-{mo:02d}", "DATE"
    if unit == "Y":
        return str(a.year + k), "DATE"
    if unit == "10Y":
        return str((a.year + 10 * k) // 10), "DATE"
    if unit == "100Y":
        return f"{(a.year + 100 * k) // 100:02d}", "DATE"
    return None


def _duration(m: Mention, tense, ctx) -> tuple[str, str] | None:
    f, a = m.f, ctx.anchor
    if f.get("in") and tense == "future" and a is not None and not f.get("vague") and float(f["n"]).is_integer():
        # "elections will be held in two weeks": a date that far ahead, not a length of time
        shifted = _ago(Mention(m.start, m.end, m.text, "ago", {**f, "dir": "from now"}), tense, ctx)
        if shifted:
            return shifted
    n = "X" if f.get("vague") else (int(f["n"]) if float(f["n"]).is_integer() else f["n"])
    unit = f["unit"]
    if unit in ("H", "MIN"):
        return f"PT{n}{'M' if unit == 'MIN' else 'H'}", "DURATION"
    if unit in ("10Y", "100Y", "2W"):
        mult = int(unit[:-1])
        return (f"P{n * mult if n != 'X' else 'X'}{unit[-1]}"), "DURATION"
    return f"P{n}{unit}", "DURATION"


def _ref(m: Mention, tense, ctx) -> tuple[str, str] | None:
    return m.f["value"], "DATE"


def _holiday(m: Mention, tense, ctx) -> tuple[str, str] | None:
    lex, a = lexicon(), ctx.anchor
    name, year = m.f["holiday"], m.f.get("year")

    def on(y: int) -> date:
        if name in lex.fixed_holidays:
            mo, d = lex.fixed_holidays[name]
            return date(y, mo, d)
        mo, wd, nth = lex.nth_holidays[name]
        return nth_weekday(y, mo, wd, nth)

    if year is None:
        if a is None:
            return None
        year = a.year
        if tense != "future" and on(year) > a:
            year -= 1
        elif tense == "future" and on(year) < a:
            year += 1
    return on(year).isoformat(), "DATE"


def _set(m: Mention, tense, ctx) -> tuple[str, str] | None:
    return m.f["value"], "SET"


def _clock(m: Mention, tense, ctx) -> tuple[str, str] | None:
    """A clock time, on the day named with it ("9 a.m. Tuesday") or else on the document date."""
    a = ctx.anchor
    if "weekday" in m.f:
        got = _weekday(m, tense, ctx)
        day = got[0] if got else "XXXX-XX-XX"
    elif a is not None:
        day = (a + timedelta(days=m.f.get("offset", 0))).isoformat()
    else:
        day = "XXXX-XX-XX"
    return f"{day}T{m.f['hour']:02d}:{m.f['minute']:02d}", "TIME"


_HANDLERS = {
    "weekof": _weekof, "iso": _ymd, "numeric": _ymd, "mdy": _ymd, "dmy": _ymd, "md": _ymd, "dm": _ymd, "my": _ymd,
    "month": _month, "year": _year, "yearwords": _year, "decade": _decade, "decadewords": _decade,
    "century": _century, "season": _season, "quarter": _quarter, "qcode": _quarter, "relday": _relday, "partday": _relday,
    "weekday": _weekday, "narrday": _narrday, "relunit": _relunit, "theunit": _theunit, "yearend": _yearend, "ago": _ago,
    "yearadj": _ago, "duration": _duration, "ref": _ref, "holiday": _holiday, "set": _set, "clock": _clock,
    "clockday": _clock, "dayclock": _clock,
}
