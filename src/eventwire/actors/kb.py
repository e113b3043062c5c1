"""The actor knowledge base, read once from data/actors/: countries and demonyms, named actors
(armed groups, forces with names of their own, international organisations) and generic agents.

Named actors come from three tables read in order (the first to claim an alias keeps it): groups.tsv,
forces.tsv (state forces by country) and movements.tsv (armed groups, coalitions, operations). A row
may carry a period; an actor whose period excludes an event's date gives way to one that shares an
alias with it and whose period holds the date (``at``: the Taliban before and after 15 August 2021)."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import pycountry

from .. import lang
from .normalise import is_acronym_alias, key

NAMED_TABLES = ("actors/groups.tsv", "actors/forces.tsv", "actors/movements.tsv")
#: Actor countries that are not states: international, UN, European, non-governmental.
NON_STATE_COUNTRIES = frozenset({"IGO", "UNO", "EUR", "NGO"})


@dataclass(frozen=True)
class Named:
    """A named actor: an armed group, a state's own force, an international organisation."""

    id: str
    name: str
    country: str | None  # None: the country comes from the event (transnational groups)
    sector: str
    kind: str
    period: tuple[str, str] = ("", "")  # ISO dates or years, start and end; "" leaves the side open

    def holds(self, date: str | None) -> bool:
        """Whether the actor existed under this name and kind on ``date`` (YYYY-MM-DD); True without one."""
        start, end = self.period
        if not date:
            return True
        return (not start or date[:len(start)] >= start) and (not end or date[:len(end)] <= end)


@dataclass(frozen=True)
class Generic:
    """A generic agent ("police", "gunmen", "students"): kind by ACLED convention, country from context."""

    id: str
    sector: str
    kind: str
    role: str  # state, gov, armed, crowd, social, victim
    template: str  # "Police Forces of {country}"

    def name(self, country: str | None) -> str:
        if country is None:
            return self.template.replace(" of {country}", "").replace(" ({country})", "")
        return self.template.format(country=country_name(country))


@dataclass(frozen=True)
class Country:
    iso3: str
    plural_people: bool = False  # matched through a demonym ("Russians"), not a country name


@dataclass
class Index:
    """Token-sequence keys to entries; acronym aliases kept apart because they must match capitals."""

    words: dict[tuple[str, ...], object]
    acronyms: dict[str, object]
    longest: int


def _add(index: Index, alias: str, entry: object) -> None:
    alias = alias.strip()
    if not alias:
        return
    if is_acronym_alias(alias):
        index.acronyms.setdefault(alias.replace(".", ""), entry)
        return
    k = key(alias)
    if k:
        index.words.setdefault(k, entry)
        index.longest = max(index.longest, len(k))


def _period(text: str) -> tuple[str, str]:
    start, _, end = text.strip().partition("..")
    return start, end


@functools.lru_cache(maxsize=None)
def _named_rows() -> list[tuple[Named, list[str]]]:
    out = []
    for table in NAMED_TABLES:
        for row in lang.rows(table):
            ident, name, country, sector, kind, aliases = row[:6]
            entry = Named(ident, name, country or None, sector, kind, _period(row[6] if len(row) > 6 else ""))
            out.append((entry, [name.split(": ", 1)[-1], *aliases.split(";")]))
    return out


@functools.lru_cache(maxsize=None)
def named() -> Index:
    index = Index({}, {}, 0)
    for entry, aliases in _named_rows():
        for alias in aliases:
            _add(index, alias, entry)
    return index


@functools.lru_cache(maxsize=None)
def _rivals() -> dict[str, list[Named]]:
    """Actors that share an alias, by id: the candidates when a period rules one out."""
    by_alias: dict[object, list[Named]] = {}
    for entry, aliases in _named_rows():
        for alias in aliases:
            alias = alias.strip()
            if alias:
                k = alias.replace(".", "") if is_acronym_alias(alias) else key(alias)
                by_alias.setdefault(k, []).append(entry)
    rivals: dict[str, list[Named]] = {}
    for entries in by_alias.values():
        for entry in entries:
            known = rivals.setdefault(entry.id, [])
            known.extend(e for e in entries if e.id != entry.id and e not in known)
    return rivals


def at(entry: Named, date: str | None) -> Named:
    """The actor a name stands for on ``date``: ``entry`` itself unless its period excludes the date and
    an actor sharing one of its aliases was in place then."""
    if entry.holds(date):
        return entry
    return next((r for r in _rivals().get(entry.id, ()) if r.period != ("", "") and r.holds(date)), entry)


@functools.lru_cache(maxsize=None)
def generics() -> Index:
    index = Index({}, {}, 0)
    for row in lang.rows("actors/generic.tsv"):
        terms, sector, kind, role, template = row[:5]
        names = [t for t in terms.split(";") if t.strip()]
        entry = Generic(f"generic:{names[0]}", sector, kind, role, template)
        for term in names:
            _add(index, term, entry)
    return index


@functools.lru_cache(maxsize=None)
def generic_by_id() -> dict[str, Generic]:
    return {g.id: g for g in generics().words.values()}  # type: ignore[union-attr]


@functools.lru_cache(maxsize=None)
def countries() -> Index:
    """Country names (pycountry plus countries.tsv) and demonyms; a demonym marks ``plural_people``."""
    index = Index({}, {}, 0)
    extra = {row[0]: row for row in lang.rows("actors/countries.tsv")}
    for iso3, row in extra.items():
        for alias in row[1].split(";"):
            _add(index, alias, Country(iso3))
        for demonym in (row[2].split(";") if len(row) > 2 else []):
            _add(index, demonym, Country(iso3, plural_people=True))
    for c in pycountry.countries:
        for name in {c.name, getattr(c, "common_name", c.name), getattr(c, "official_name", c.name)}:
            _add(index, name, Country(c.alpha_3))
    return index


@functools.lru_cache(maxsize=None)
def country_name(iso3: str) -> str:
    """ACLED-style short country name ("Democratic Republic of Congo", "Russia")."""
    for row in lang.rows("actors/countries.tsv"):
        if row[0] == iso3 and row[1]:
            names = row[1].split(";")
            return next((n for n in names if not n.replace(".", "").isupper()), names[0])
    c = pycountry.countries.get(alpha_3=iso3)
    return getattr(c, "common_name", None) or (c.name if c else iso3)


def iso3(iso2: str | None) -> str | None:
    """ISO 3166 alpha-3 for an alpha-2 code as GeoNames gives it (XK → XKX for Kosovo)."""
    if not iso2:
        return None
    if iso2.upper() == "XK":
        return "XKX"
    c = pycountry.countries.get(alpha_2=iso2.upper())
    return c.alpha_3 if c else None


@dataclass(frozen=True)
class Frontline:
    """The places a non-state party holds along a front line in one country (``held`` in geo/frontlines.json)."""

    country: str
    holder: str  # groups.tsv id
    places: re.Pattern
    monitors: re.Pattern | None  # the missions that watch this line ("SMM")


def _alternatives(names: list[str], flags: int = 0) -> re.Pattern | None:
    alternatives = "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b", flags) if alternatives else None


@functools.lru_cache(maxsize=None)
def frontlines() -> dict[str, Frontline]:
    """Front lines with a side held by a non-state party, by country (ISO alpha-3)."""
    out = {}
    for name, line in lang.load("geo/frontlines.json").items():
        if name.startswith("_") or "held" not in line:
            continue
        held = line["held"]
        places = _alternatives(held["places"], re.IGNORECASE)
        assert places is not None, f"frontlines.json: no places held along {name}"
        out[held["country"]] = Frontline(held["country"], held["by"], places, _alternatives(held.get("monitors", [])))
    return out


@functools.lru_cache(maxsize=None)
def named_by_id() -> dict[str, Named]:
    return {entry.id: entry for entry, _ in _named_rows()}
