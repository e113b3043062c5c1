"""The lexical side of time: month, weekday, season, number and reference words, read from data/time/."""
from __future__ import annotations

import functools
from dataclasses import dataclass

from .. import lang


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    quarters: dict[str, int]
    units: dict[str, str]
    year_blockers: frozenset[str]
    numbers: dict[str, int]  # cardinal words (units and tens); compounds are parsed by ``number``
    tens: dict[str, int]
    ordinals: dict[str, int]
    vague: dict[str, int]
    references: dict[str, str]  # phrase -> PRESENT_REF / PAST_REF / FUTURE_REF
    fixed_holidays: dict[str, tuple[int, int]]
    nth_holidays: dict[str, tuple[int, int, int]]

    def number(self, words: str) -> int | None:
        """'twenty four' / 'twenty-four' / '24' / 'a' -> int; None when not a number."""
        w = words.lower().replace("-", " ").split()
        if not w:
            return None
        if len(w) == 1 and w[0].isdigit():
            return int(w[0])
        total = 0
        for part in w:
            if part in self.tens:
                total += self.tens[part]
            elif part in self.numbers:
                total += self.numbers[part]
            else:
                return None
        return total

    def ordinal(self, words: str) -> int | None:
        """'eighth' / 'twenty-first' / '8th' -> int."""
        w = words.lower().replace("-", " ").split()
        if len(w) == 1 and w[0][:-2].isdigit():
            return int(w[0][:-2])
        if len(w) == 1:
            return self.ordinals.get(w[0])
        if len(w) == 2 and w[0] in self.tens and w[1] in self.ordinals:
            return self.tens[w[0]] + self.ordinals[w[1]]
        return None


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    cal, num, refs, hol = (lang.load(f"time/{n}") for n in ("calendar.json", "numbers.json", "references.json", "holidays.json"))
    references = {phrase: kind for kind in ("PRESENT_REF", "PAST_REF", "FUTURE_REF") for phrase in refs[kind]}
    return Lexicon(
        months=cal["months"], weekdays=cal["weekdays"], seasons=cal["seasons"], parts_of_day=cal["parts_of_day"],
        quarters=cal["quarters"], units=cal["units"], year_blockers=frozenset(cal["year_blockers"]),
        numbers=num["units"], tens=num["tens"], ordinals=num["ordinals"], vague=num["vague"],
        references=references,
        fixed_holidays={k: tuple(v) for k, v in hol["fixed"].items()},
        nth_holidays={k: tuple(v) for k, v in hol["nth_weekday"].items()},
    )
