"""Find time expressions in text: regular patterns over the words of data/time/, no parse needed.

``find(text)`` returns ``Mention`` objects: a span, a kind ("date", "weekday", "relunit" …) and the
fields read from the words (year, month, day, relation …). Turning them into TIMEX3 values against
an anchor date is ``resolve``'s job. Where patterns overlap the longest wins, as in HeidelTime.
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from .lexicon import Lexicon, lexicon


@dataclass
class Mention:
    start: int
    end: int
    text: str
    kind: str
    f: dict = field(default_factory=dict)  # fields read from the words


def _alt(words) -> str:
    """A regex alternation, longest first so that 'September' beats 'Sept'."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _caps(words) -> str:
    """Capitalised and upper-case forms: 'may' the verb is not 'May' the month."""
    return _alt([w.capitalize() for w in words] + [w.upper() for w in words])


B = r"(?<![\w'’-])"  # a word starts here
E = r"(?![\w’-])"  # a word ends here


@dataclass(frozen=True)
class _Pieces:
    """The parts many patterns share, built once from the lexicon's words."""

    month_any: str
    month_full: str
    weekday: str
    day: str
    dayword: str
    year4: str
    yearwords: str
    numwords: str
    mod: str
    rel: str
    part: str
    refs: str
    holidays: str

    @classmethod
    def of(cls, lex: Lexicon) -> _Pieces:
        full_months = [m for m in lex.months if len(m) > 4 or m in ("may", "june", "july")]
        abbr_months = [m for m in lex.months if m not in full_months]
        weekdays = [w for w in lex.weekdays if len(w) > 5]
        tens = _alt(lex.tens)
        teens = _alt(k for k, v in lex.numbers.items() if 1 <= v <= 19 and k not in ("a", "an"))
        ones = _alt(k for k, v in lex.numbers.items() if 1 <= v <= 9 and k not in ("a", "an"))
        ords = _alt(lex.ordinals)
        return cls(
            month_any=rf"(?:{_caps(full_months)}|(?:{_caps(abbr_months)})\.?)",
            month_full=rf"(?:{_caps(full_months)})",
            weekday=rf"(?:{_caps(weekdays)})",
            day=r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?",
            dayword=rf"(?i:(?:(?:twenty|thirty)[\s-])?(?:{ords}))",
            year4=r"(?:1[6-9]|20)\d\d",
            yearwords=(rf"(?i:nineteen[\s-]+(?:(?:{tens})(?:[\s-]+(?:{ones}))?|{teens}|hundred)"
                       rf"|two\s+thousand(?:(?:\s+and)?\s+(?:{teens}))?)"),
            numwords=rf"(?i:(?:{tens})(?:[\s-](?:{ones}))?|{teens})",
            mod=(r"(?P<mod>(?i:early|late)-|(?i:early|late|the\s+middle\s+of|middle\s+of|the\s+end\s+of|end\s+of"
                 r"|the\s+beginning\s+of|beginning\s+of|the\s+start\s+of|start\s+of)\s+|(?i:mid)-?\s*)"),
            rel=r"(?P<rel>(?i:last|this|next|this\s+past|this\s+coming|the\s+past|past|coming))",
            part=r"(?P<part>(?i:morning|afternoon|evening|night))",
            refs=_alt(lex.references),
            holidays=_alt(list(lex.fixed_holidays) + list(lex.nth_holidays)),
        )


class Patterns:
    """The compiled patterns and the handlers that read their groups."""

    def __init__(self, lex: Lexicon):
        self.lex = lex
        self.table: list[tuple[str, re.Pattern, Callable]] = []
        p = _Pieces.of(lex)
        # The order is the table's: where two patterns match the same stretch the first wins.
        self._add_dates(p)
        self._add_quarters(p)
        self._add_relative(p)
        self._add_clock(p)

    def _add(self, name: str, regex: str, handler: Callable, flags: int = 0) -> None:
        self.table.append((name, re.compile(regex, flags), handler))

    def _add_dates(self, p: _Pieces) -> None:
        """Calendar dates and periods: ISO, numeric, day-month-year in any order, months, years, decades,
        centuries, seasons."""
        wd = rf"(?:(?P<wd>{p.weekday}),?\s+)?"
        self._add("iso", B + r"(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:T[\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?(?![\d])",
            self._ymd)
        self._add("numeric", B + r"(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:1[6-9]|20)\d\d|\d\d)(?![\d/]|\.\d)",
            self._numeric)
        self._add("mdy", B + wd + rf"(?P<mon>{p.month_any})\s+(?P<d>{p.day}|{p.dayword}),?\s+(?P<y>{p.year4}|{p.yearwords}){E}", self._ymd)
        self._add("dmy", B + wd + rf"(?:(?i:the)\s+)?(?P<d>{p.day}|{p.dayword})\s+(?:(?i:of)\s+)?(?P<mon>{p.month_any}),?\s+(?P<y>{p.year4}){E}",
            self._ymd)
        self._add("md", B + wd + rf"(?P<mon>{p.month_any})\s+(?P<d>{p.day}|{p.dayword}){E}(?!,\d|\.\d|\s*%)", self._ymd)
        self._add("dm", B + wd + rf"(?:(?i:the)\s+)?(?P<d>{p.day}|{p.dayword})\s+(?:(?i:of)\s+)?(?P<mon>{p.month_any}){E}", self._ymd)
        self._add("weekof", B + rf"(?i:the\s+week\s+of)\s+(?P<mon>{p.month_any})\s+(?P<d>{p.day}){E}", self._ymd)
        self._add("my", B + rf"{p.mod}?(?P<mon>{p.month_any}),?\s+(?:(?i:of)\s+)?(?P<y>{p.year4}|{p.yearwords}){E}", self._ymd)
        self._add("month", B + rf"{p.mod}?(?:{p.rel}\s+)?(?P<mon>{p.month_full})(?:\s+(?P<rely>(?i:last|this|next))\s+(?i:year))?{E}",
            self._month)
        self._add("year", B + rf"{p.mod}?(?P<pre>(?i:fiscal|calendar|fy|the\s+year)\s*)?(?P<y>{p.year4}){E}", self._year)
        self._add("yearwords", B + rf"(?P<pre>(?i:the\s+year)\s+)?(?P<y>{p.yearwords}){E}", self._year)
        self._add("decade", B + r"(?:(?i:the)\s+)?(?:(?P<mod>(?i:early|late|mid))[\s-]*)?(?P<dec>(?:1[6-9]|20)\d0|'\d0)'?s" + E,
            self._decade)
        self._add("decadewords", B + r"(?i:the)\s+(?:(?P<mod>(?i:early|late|mid))[\s-]+)?"
            r"(?P<dec>(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))" + E, self._decade)
        self._add("century", B + rf"(?:(?i:the)\s+)?(?P<c>\d{{1,2}}(?:st|nd|rd|th)|{p.dayword})[\s-](?i:century){E}", self._century)
        self._add("season", B + rf"{p.mod}?(?:{p.rel}\s+|(?i:the)\s+)?(?P<s>(?i:spring|summer|fall|autumn|winter))"
            rf"(?:\s+(?:(?i:of)\s+)?(?P<y>{p.year4}|{p.yearwords}))?{E}", self._season)

    def _add_quarters(self, p: _Pieces) -> None:
        """Quarters and halves of a (fiscal) year, and the "ended March 31" that may follow one."""
        qmods = (rf"(?:(?:(?i:year-ago|year-earlier|year\s+ago|year\s+earlier|comparable|latest|current|previous|prior"
                 rf"|past|recent|same|fiscal|flat|(?:this|last|next)\s+year's)|{p.year4}(?:'s)?)[\s-]+)*")
        self._add("quarter", B + rf"(?:(?P<det>(?i:the|its|their|that|this|a|each|every))\s+)?(?P<mods>{qmods})"
            r"(?:(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th))[\s-](?:(?i:fiscal)\s+)?)?"
            rf"(?P<unit>(?i:quarters?|half|period))(?:\s+(?i:of)\s+(?P<qy>{p.year4}))?{E}", self._quarter)
        self.ended = re.compile(rf",?\s+(?i:that\s+|which\s+)?(?i:ended|ending|ends|through)\s+(?P<mon>{p.month_any})\s+(?P<d>{p.day}){E}")
        self._add("qcode", B + rf"(?P<q>[QH])(?P<n>[1-4])(?:\s+(?P<y>{p.year4}))?" + E, self._qcode)

    def _add_relative(self, p: _Pieces) -> None:
        """Dates relative to the anchor: today, that day, last Tuesday, next month, two weeks ago, holidays,
        durations and sets."""
        self._add("relday", B + r"(?:(?P<mod>(?i:early|late|earlier|later))\s+)?(?P<w>(?i:today|yesterday|tomorrow|tonight))"
            rf"(?:\s+{p.part})?{E}", self._relday)
        self._add("partday", B + r"(?:(?P<mod>(?i:early|late|earlier|later))\s+)?(?P<w>(?i:this|last))\s+" + p.part + E,
            self._relday)
        self._add("narrday", B + r"(?P<w>(?i:(?:earlier|later)\s+)?(?:that(?:\s+same)?|the\s+same)\s+day"
            r"|(?i:the\s+(?:next|following|previous)\s+(?:day|morning|afternoon|evening|night))"
            r"|(?i:the\s+day\s+(?:before|after))(?=\s*[,.;]))" + E, self._narrday)
        self._add("weekday", B + r"(?:(?P<mod>(?i:early|late|earlier|later))\s+)?(?:(?P<rel>(?i:last|this|next|this\s+coming"
            rf"|this\s+past|the\s+previous|the\s+following|previous|coming))\s+)?(?P<wd>{p.weekday})(?:\s+{p.part})?{E}",
            self._weekday)
        self._add("relunit", B + r"(?:(?P<mod>(?i:early|late|earlier|later|the\s+end\s+of|end\s+of|the\s+beginning\s+of"
            r"|the\s+start\s+of|the\s+middle\s+of))\s+)?(?P<rel>(?i:last|this|next|the\s+past|the\s+last|past|the\s+coming"
            r"|this\s+coming|this\s+past|the\s+current|the\s+previous|the\s+following))\s+"
            r"(?P<unit>(?i:week|month|year|weekend|decade|century))" + E + r"(?!-)", self._relunit)
        self._add("theunit", B + r"(?:(?P<mod>(?i:the\s+end\s+of|end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of))\s+"
            r"|(?P<lead>(?i:for|over|during|through|throughout|of|earlier\s+in|later\s+in)\s+))?(?P<det>(?i:the|that))\s+"
            r"(?:(?P<adj>(?i:full|current|latest|past|fiscal|current\s+fiscal|latest\s+fiscal|same))\s+)?"
            r"(?P<unit>(?i:weekend|week|month|year|day))" + E + r"(?!-)", self._theunit)
        self._add("yearend", B + r"(?:(?i:the)\s+)?(?P<unit>(?i:year|month))(?:[\s-]|'s\s+)(?i:end)" + E, self._yearend)
        self._add("ago", B + r"(?:(?P<approx>(?i:nearly|almost|about|some|more\s+than|less\s+than|just|roughly|around|over|only))\s+)?"
            rf"(?P<n>{p.numwords}|\d+|(?i:a|an|one|a\s+few|few|several|a\s+couple\s+of))\s+"
            r"(?P<unit>(?i:days?|weeks?|months?|years?|decades?|centuries|century|fortnight))\s+(?:(?i:or\s+so)\s+)?"
            r"(?P<dir>(?i:ago|earlier|later|before|from\s+now|hence))" + E, self._ago)
        self._add("yearadj", B + r"(?P<w>(?i:year-earlier|year-ago|year\s+earlier|year\s+ago))" + E, self._yearadj)
        self._add("ref", B + rf"(?P<w>{p.refs})" + E, self._ref, re.IGNORECASE)
        self._add("duration", B + r"(?:(?P<rel>(?i:the\s+past|the\s+last|the\s+next|the\s+coming|the\s+first|past|last|next))\s+)?"
            rf"(?P<n>{p.numwords}|\d+(?:\.\d+)?|(?i:a\s+few|several|a\s+couple\s+of))[\s-]+"
            r"(?P<unit>(?i:hours?|days?|weeks?|months?|years?|decades?|centuries))" + E + r"(?![\s-]+(?i:old|ago)\b)",
            self._duration)
        self._add("holiday", B + rf"(?P<h>{p.holidays})(?:,?\s+(?P<y>{p.year4}))?" + E, self._holiday, re.IGNORECASE)
        self._add("set", B + r"(?:(?i:each|every)\s+(?:(?i:other)\s+)?(?P<unit>(?i:day|week|month|year|quarter))"
            r"|(?P<adv>(?i:daily|weekly|monthly|annually|yearly|hourly)))" + E, self._set)

    def _add_clock(self, p: _Pieces) -> None:
        """Times of day, alone or with their day."""
        clock = (r"(?:(?P<h>[01]?\d)(?::(?P<mi>[0-5]\d))?\s*(?P<ap>(?i:a\.m\.|p\.m\.|a\.m|p\.m|am|pm))(?![\w])"
                 r"|(?P<noon>(?i:noon|midnight))" + E + ")")
        tz = r"(?:\s*\(?(?:[ECMP][SD]T|GMT|UTC)\)?)?"
        day_word = rf"(?:(?P<wd>{p.weekday})|(?P<rd>(?i:today|yesterday|tomorrow)))"
        self._add("clock", B + clock, self._clock)
        self._add("clockday", B + clock + tz + rf",?\s+(?:(?i:on)\s+)?{day_word}{E}", self._clock)
        self._add("dayclock", B + day_word + rf"\s+(?:(?i:at)\s+)?{clock}{tz}", self._clock)

    # --- handlers: match -> fields (or None to drop the match) ---

    def _month_no(self, word: str) -> int | None:
        return self.lex.months.get(word.rstrip(".").lower())

    def _day_no(self, word: str) -> int | None:
        return int(re.sub(r"\D", "", word)) if word[0].isdigit() else self.lex.ordinal(word)

    def _year_no(self, word: str) -> int | None:
        if word.isdigit():
            return int(word)
        w = word.lower().replace("-", " ").split()
        if w[:2] == ["two", "thousand"]:
            return 2000 + (self.lex.number(" ".join(x for x in w[2:] if x != "and")) or 0)
        if w[0] == "nineteen":
            if w[1:] == ["hundred"]:
                return 1900
            rest = self.lex.number(" ".join(w[1:]))
            return 1900 + rest if rest is not None and rest < 100 else None
        return None

    def _ymd(self, m: re.Match, text: str) -> dict | None:
        g = m.groupdict()
        month = int(g["m"]) if g.get("m") else self._month_no(g["mon"])
        day = self._day_no(g["d"]) if g.get("d") else None
        year = self._year_no(g["y"]) if g.get("y") else None
        if not month or not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
            return None
        if g.get("mon") and g["mon"].rstrip(".").lower() == "may" and day is None and year is None:
            return None
        out = {"year": year, "month": month, "day": day}
        if g.get("wd"):
            out["weekday"] = self.lex.weekdays[g["wd"].lower()]
        if g.get("mod"):
            out["mod"] = g["mod"]
        return out

    def _numeric(self, m: re.Match, text: str) -> dict | None:
        a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
        if y < 100:
            y += 2000 if y < 50 else 1900
        if b > 12:
            month, day = a, b  # only the American order fits: 01/17/2020
        else:
            day, month = a, b  # day first, as most of the world writes 17/01/2020 and 03.04.2021
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        return {"year": y, "month": month, "day": day}

    def _month(self, m: re.Match, text: str) -> dict | None:
        month = self._month_no(m["mon"])
        if not (m["mod"] or m["rel"] or m["rely"]) and m["mon"].lower() in ("may", "march"):
            # the verbs: only a month after a word that introduces a time
            before = text[max(0, m.start() - 12):m.start()].lower().split()
            if not before or before[-1] not in ("in", "by", "since", "until", "till", "through", "during", "of",
                                                "from", "before", "after", "between", "and", "to", "early", "late"):
                return None
        return {"month": month, "rel": _norm(m["rel"]), "rely": _norm(m["rely"]), "mod": m["mod"]}

    def _year(self, m: re.Match, text: str) -> dict | None:
        year = self._year_no(m["y"])
        if year is None:
            return None
        if m["y"].isdigit():
            ys = m.start("y")
            before, after = text[max(0, ys - 2):ys], text[m.end():m.end() + 24]
            if re.search(r"[$#€£¥]\s?$|\d[.,:]?$", before) or re.match(r"\s*(%|,\d|\.\d|:\d|-\d|\s?(?i:percent|per\s+cent))", after):
                return None
            nxt = re.match(r"\s+([A-Za-z]+)", after)
            if nxt and nxt.group(1).lower() in self.lex.year_blockers:
                return None
            if re.search(r"(?i)(no\.|number|resolution|route|flight|room|page|article|section|code|unit)\s*$",
                         text[max(0, ys - 12):ys]):
                return None
        elif not m["pre"] and not re.match(r"(?i)nineteen\s", m["y"]):
            return None
        return {"year": year, "mod": m.groupdict().get("mod")}

    def _decade(self, m: re.Match, text: str) -> dict | None:
        dec = m["dec"].lower()
        words = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}
        if dec in words:
            return {"decade_digit": words[dec], "mod": m["mod"]}
        if dec.startswith("'"):
            return {"decade_digit": int(dec[1]), "mod": m["mod"]}
        return {"decade": int(dec[:3]), "mod": m["mod"]}

    def _century(self, m: re.Match, text: str) -> dict | None:
        n = self._day_no(m["c"])
        return {"century": n} if n and 1 <= n <= 22 else None

    def _season(self, m: re.Match, text: str) -> dict | None:
        season = self.lex.seasons[m["s"].lower()]
        if not (m["mod"] or m["rel"] or m["y"]):
            before = text[max(0, m.start() - 12):m.start()].lower().split()
            if before and before[-1] == "the" and len(before) > 1:
                before = before[:-1]
            if m["s"].lower() == "fall" or not before or before[-1] not in ("in", "by", "since", "until", "through",
                                                                              "during", "over", "this", "last", "next",
                                                                              "into", "the"):
                return None
        return {"season": season, "rel": _norm(m["rel"]), "mod": m["mod"],
                "year": self._year_no(m["y"]) if m["y"] else None}

    def _quarter(self, m: re.Match, text: str) -> dict | None:
        det, unit = (m["det"] or "").lower(), m["unit"].lower()
        mods = _norm(m["mods"]) or ""
        ordinal = self.lex.quarters.get(m["ord"].lower()) if m["ord"] else None
        if det in ("each", "every"):
            return {"set": True, "unit": unit} if unit == "quarter" else None
        if unit == "quarters":
            return {"value": "FUTURE_REF"} if re.search(r"coming|future", mods + det) else None
        if not ordinal and re.match(r"\s+of\b", text[m.end():m.end() + 4]):
            return None  # "a quarter of the vote"
        if unit == "period" and not re.search(r"latest|year|comparable|\d", mods):
            return None
        if unit == "half" and not ordinal:
            return None
        if unit == "quarter" and not ordinal and not mods and det not in ("the", "that", "its", "their"):
            return None
        if det == "a" and not ordinal:
            return None
        year = None
        ym = re.search(r"\d{4}", mods) or (m["qy"] and re.search(r"\d{4}", m["qy"]))
        if ym:
            year = int(ym.group())
        shift = 0
        if re.search(r"year[\s-](ago|earlier)|last year's", mods):
            shift = -1
        elif "next year's" in mods:
            shift = 1
        out = {"unit": "half" if unit == "half" else "quarter", "n": ordinal, "year": year, "shift": shift,
               "latest": bool(re.search(r"latest|previous|prior|past|recent", mods)), "current": "current" in mods}
        ended = self.ended.match(text, m.end())
        if ended:  # "the quarter ended Sept. 30": the quarter holding that day
            out["ended"] = (self._month_no(ended["mon"]), self._day_no(ended["d"]))
        return out

    def _qcode(self, m: re.Match, text: str) -> dict | None:
        """'Q3 2013', 'H1': quarters and halves as analysts write them."""
        n = int(m["n"])
        if m["q"] == "H" and n > 2:
            return None
        return {"unit": "quarter" if m["q"] == "Q" else "half", "n": n, "year": int(m["y"]) if m["y"] else None,
                "shift": 0, "latest": False, "current": False}

    def _relday(self, m: re.Match, text: str) -> dict | None:
        w = m["w"].lower()
        offset = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "last": -1, "tomorrow": 1}[w]
        part = m["part"].lower() if m["part"] else ("night" if w == "tonight" else None)
        if w == "last" and part != "night":
            return None
        return {"offset": offset, "part": part, "mod": _norm(m["mod"]), "time": w in ("this", "last")}

    def _narrday(self, m: re.Match, text: str) -> dict | None:
        w = m["w"].lower()
        offset = 1 if re.search(r"next|following|after", w) else -1 if re.search(r"previous|before", w) else 0
        return {"offset": offset}

    def _weekday(self, m: re.Match, text: str) -> dict | None:
        return {"weekday": self.lex.weekdays[m["wd"].lower()], "rel": _norm(m["rel"]), "mod": _norm(m["mod"]),
                "part": m["part"].lower() if m["part"] else None}

    def _relunit(self, m: re.Match, text: str) -> dict | None:
        return {"rel": _norm(m["rel"]), "unit": m["unit"].lower(), "mod": _norm(m["mod"])}

    def _theunit(self, m: re.Match, text: str) -> dict | None:
        unit = m["unit"].lower()
        if unit == "weekend" or m["mod"]:
            return {"rel": "the", "unit": unit, "mod": _norm(m["mod"]), "lead_len": len(m["lead"] or "")}
        adj = _norm(m["adj"]) or ""
        lead = _norm(m["lead"]) or ""
        if unit == "day" and lead in ("earlier in", "later in") and not adj:
            return {"rel": "this", "unit": unit, "mod": None}  # "later in the day": the day of the story
        if unit != "year":
            return None
        if m["det"].lower() == "that" or adj == "same":
            return {"rel": "that", "unit": unit, "mod": None}  # the year last named
        if re.search(r"latest|past", adj):
            return {"rel": "last", "unit": unit, "mod": None}
        if adj or lead in ("for", "of", "earlier in", "later in"):
            return {"rel": "this", "unit": unit, "mod": None, "lead_len": len(m["lead"] or "")}
        return None

    def _yearend(self, m: re.Match, text: str) -> dict | None:
        return {"unit": m["unit"].lower()}

    def _ago(self, m: re.Match, text: str) -> dict | None:
        direction = re.sub(r"\s+", " ", m["dir"].lower())
        if direction == "before" and not re.match(r"\s*[.,;:)]", text[m.end():m.end() + 2]):
            return None
        n = self.lex.number(m["n"])
        vague = n is None or m["n"].lower().strip() in ("a few", "few", "several", "a couple of")
        if vague and m["n"].lower().strip() == "a couple of":
            n, vague = 2, False
        return {"n": n, "vague": vague, "unit": _unit(self.lex, m["unit"]), "dir": direction,
                "approx": bool(m["approx"])}

    def _yearadj(self, m: re.Match, text: str) -> dict | None:
        return {"n": 1, "vague": False, "unit": "Y", "dir": "ago", "approx": False, "adjective": True}

    def _duration(self, m: re.Match, text: str) -> dict | None:
        raw = m["n"].lower()
        n = self.lex.vague.get(raw) if raw in self.lex.vague else (
            float(raw) if re.fullmatch(r"\d+\.\d+", raw) else self.lex.number(raw))
        if n is None:
            return None
        ahead = (not m["rel"] and re.search(r"(?i)\bin\s+$", text[max(0, m.start() - 4):m.start()])
                 and not re.match(r"\s+(?i:of)\b", text[m.end():m.end() + 4]))
        return {"n": n, "unit": _unit(self.lex, m["unit"]), "vague": raw in self.lex.vague, "in": bool(ahead)}

    def _ref(self, m: re.Match, text: str) -> dict | None:
        w = re.sub(r"\s+", " ", m["w"].lower())
        after = text[m.end():m.end() + 12].lower()
        if w == "current" and re.match(r"\s+(account|affairs|events|flow|of)\b", after):
            return None
        if w in ("one day", "someday") and not re.search(r"(?i)\b(will|would|could|may|might|shall)\s+$",
                                                       text[max(0, m.start() - 8):m.start()]):
            return None  # "for one day" is a length; "will one day be" a vague future
        if w == "earlier" and re.match(r"\s+(this|that|than|in|on|the|today|yesterday)\b", after):
            return None
        return {"value": self.lex.references[w]}

    def _holiday(self, m: re.Match, text: str) -> dict | None:
        if not m["h"][0].isupper():
            return None
        return {"holiday": m["h"].lower(), "year": int(m["y"]) if m["y"] else None}

    def _set(self, m: re.Match, text: str) -> dict | None:
        unit = (m["unit"] or m["adv"]).lower()
        code = {"day": "P1D", "daily": "P1D", "week": "P1W", "weekly": "P1W", "month": "P1M", "monthly": "P1M",
                "year": "P1Y", "annually": "P1Y", "yearly": "P1Y", "quarter": "P3M", "hourly": "PT1H"}[unit]
        return {"value": code}

    def _clock(self, m: re.Match, text: str) -> dict | None:
        g = m.groupdict()
        day = {}
        if g.get("wd"):
            day = {"weekday": self.lex.weekdays[g["wd"].lower()], "rel": None}
        elif g.get("rd"):
            day = {"offset": {"today": 0, "yesterday": -1, "tomorrow": 1}[g["rd"].lower()]}
        if m["noon"]:
            return {"hour": 12 if m["noon"].lower() == "noon" else 24, "minute": 0, **day}
        hour, ap = int(m["h"]), m["ap"].lower()
        if not 1 <= hour <= 12:
            return None
        if ap.startswith("p") and hour != 12:
            hour += 12
        elif ap.startswith("a") and hour == 12:
            hour = 0
        return {"hour": hour, "minute": int(m["mi"] or 0), **day}

    # --- scanning ---

    def scan(self, text: str) -> Iterator[Mention]:
        for name, regex, handler in self.table:
            for m in regex.finditer(text):
                if m.end() == m.start():
                    continue
                fields = handler(m, text)
                if fields is None:
                    continue
                start = m.start()
                if fields.pop("lead_len", 0):
                    start = m.start("det")
                yield Mention(start, m.end(), text[start:m.end()], name, fields)


def _norm(s: str | None) -> str | None:
    return re.sub(r"\s+", " ", s.strip().lower()) if s else None


def _unit(lex: Lexicon, word: str) -> str:
    return lex.units[word.lower()]


_patterns: Patterns | None = None


def patterns() -> Patterns:
    global _patterns
    if _patterns is None:
        _patterns = Patterns(lexicon())
    return _patterns


def find(text: str) -> list[Mention]:
    """Every time expression in ``text``, longest first where candidates overlap, in text order."""
    return [replace(m, f=dict(m.f)) for m in _find(text)]  # copies: a caller may change what it gets


@functools.lru_cache(maxsize=256)
def _find(text: str) -> tuple[Mention, ...]:
    """``find``, kept for the texts of the last batch or so: the parser's cheap pass and the times stage
    scan the same texts."""
    cands = sorted(patterns().scan(text), key=lambda c: (-(c.end - c.start), c.start))
    taken: list[Mention] = []
    starts: list[int] = []  # of the taken, which never overlap: sorted by start, their ends are sorted too
    ends: list[int] = []
    for c in cands:
        k = bisect_left(starts, c.end)  # the taken starting before c ends: only the last can reach into c
        if k and ends[k - 1] > c.start:
            continue
        taken.append(c)
        starts.insert(k, c.start)
        ends.insert(k, c.end)
    taken.sort(key=lambda c: c.start)
    for a, b in zip(taken, taken[1:]):
        # "from 1 January to 31 May 2020", "April 24 and 25, 1999": the first end takes the year of the second
        if (a.kind in ("md", "dm") and a.f.get("year") is None and b.f.get("year") and b.f.get("month")
                and RANGE_GLUE.fullmatch(text[a.end:b.start])):
            a.f["year"] = b.f["year"]
    return tuple(taken)


RANGE_GLUE = re.compile(r"\s*(?:-|–|—|to|until|till|through|and)\s*", re.IGNORECASE)
