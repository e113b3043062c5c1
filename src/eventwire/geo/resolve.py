"""Toponym resolution with the whole article as context.

Each distinct name is resolved once (the same name resolves the same way within one article) by a
score that adds: the candidate's size (population, feature), exactness of the name match, the
story's countries (dateline, unambiguous places, actors), administrative context (the article names
the candidate's state or province: "Alexandria, La.", "Kano State") and closeness to the article's
other places.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from .distance import km
from .fold import ascii_fold, fold, similarity
from .frontlines import Frontline
from .gazetteer import Entry, Gazetteer, strip_admin_word
from .recognise import KIND_WORDS, Mention

# Prior weight of each feature: a bare name that is both a country and a town is the country.
_FEATURE_PRIOR = {"country": 4.0, "admin1": 2.5, "continent": 4.0, "admin2": 0.6, "city": 0.0}
STORY_WEIGHT = 4.0  # score for a candidate in the story's country, times that country's share
NAMED_ADMIN_BONUS = 2.5  # a town in a state or province the article names
FUZZY_MIN = 0.8  # edit similarity a fuzzy match needs, and only with a candidate in a story country
FUZZY_ALONE, FUZZY_ALONE_POP = 0.85, 5000  # a fuzzy match in a story without known places
FOREIGN_SMALL_POP = 50_000  # a town smaller than this abroad in a one-country story is doubted
CITY_PART_KM = 30.0  # a place written as part of a city lies within this distance of it
CITY_BOX_POP = 100_000  # a town named like a division contains places written before it only if this big
CAPITAL_PENALTY = 4.0  # for a division that shares its name with its country's capital
FRONT_BONUS = 3.0  # a town near a front line the article is tied to (frontlines.json)
DIVISION_NEAR_KM = 100.0  # a town this close to the centre or chief town of a division it is written with fits it
TOWN_IN_DISTRICT_KM = 50.0  # a district named like a town this close to its centre is read as the town
BIG_NAMER_POP = 300_000  # a name of a town this big does not name its namesake division for the bonus
LISTED_TOWN_SHARE = 0.2  # a listed division's chief town stays the town only with this share of its people
HOME_SHARE = 0.6  # share of the story's weight one country needs to make the story a one-country one


@dataclass
class Resolution:
    entry: Entry
    score: float
    rule: str  # exact, article, admin-word, fuzzy


@lru_cache(maxsize=None)
def iso2(iso3: str) -> str | None:
    """The ISO alpha-2 code of an alpha-3 one (actors carry alpha-3, places alpha-2)."""
    if not iso3 or len(iso3) != 3:
        return None
    import pycountry
    c = pycountry.countries.get(alpha_3=iso3)
    return c.alpha_2 if c else None


def _candidates(m: Mention, gz: Gazetteer, story: Counter) -> list[tuple[int, str]]:
    ids = gz.lookup(m.key)
    if ids:
        if m.admin_hint:  # "Kano State": only divisions
            ids = tuple(i for i in ids if gz.feature(i) in ("admin1", "admin2")) or ids
        return [(i, "admin-word" if m.admin_hint else "exact") for i in ids]
    return fuzzy_candidates(m.key, gz, story) if m.source in ("spacy:GPE", "spacy:LOC", "after-preposition") else []


def fuzzy_candidates(key: str, gz: Gazetteer, story: Counter) -> list[tuple[int, str]]:
    """Near spellings ("Asabaa" / "Asabia"): in the story's countries above FUZZY_MIN; without a story,
    only a near-identical spelling of a town of some size (FUZZY_ALONE, FUZZY_ALONE_POP)."""
    if len(key) < 5:
        return []
    out = []
    for k in gz.similar_keys(key):
        sim = similarity(k, key) if k[0] == key[0] else 0.0
        if sim < FUZZY_MIN:
            continue
        for i in gz.lookup(k):
            e = gz.entry(i)
            if e.country in story if story else (sim >= FUZZY_ALONE and e.population >= FUZZY_ALONE_POP):
                out.append((i, "fuzzy"))
    return out


def _prior(e: Entry, exact: bool) -> float:
    return math.log10(e.population + 10) + _FEATURE_PRIOR[e.feature] + (1.0 if exact else 0.0)


def story_countries(mentions: list[Mention], gz: Gazetteer, dateline_key: str | None,
                    actor_countries: list[str]) -> Counter:
    """Weights of the countries the story is about: dateline, places that can only be one country, actors."""
    story: Counter = Counter()
    if dateline_key:
        for cc in {gz.entry(i).country for i in gz.lookup(dateline_key)}:
            story[cc] += 1.5 / max(1, len(gz.lookup(dateline_key)))
    for m in mentions:
        ents = [gz.entry(i) for i in gz.lookup(m.key)]
        ccs = {e.country for e in ents if e.country}
        big = [e for e in ents if e.feature in ("country", "admin1")]
        if len(ccs) == 1:  # a demonym says less ("Russian forces" fight in Ukraine)
            story[ccs.pop()] += 0.3 if m.source == "demonym" else 1.0
            continue
        # A country or division written as such ("Lebanon", "Hiraan"), not a town's spelling ("Samarra": Samara).
        written = strip_admin_word(ascii_fold(_POSSESSIVE.sub("", m.text)))
        if any(e.feature == "city" and ascii_fold(e.name) == written for e in ents):
            big = [e for e in big if strip_admin_word(ascii_fold(e.name)) == written]
        if big:
            e = max(big, key=lambda e: e.population)
            story[e.country] += 1.0 if e.feature == "country" else 0.5
    for iso3 in actor_countries:
        cc = iso2(iso3)
        if cc:
            story[cc] += 0.5
    return story


_SMALL = ("city", "admin2")
_POSSESSIVE = re.compile("['\u2019]s$")
_OWNED = re.compile(r"(?: [a-z-]+){0,4} ")  # lower-case words between an owner and what it owns
WEAK_SOURCES = ("after-preposition", "spacy:PERSON-located", "institution", "spacy:ORG", "part", "resident",
                "party-home")
BODY_SOURCES = ("institution", "resident", "party-home")  # names of a town's bodies or people ("Danbury police")


def containers(mentions: list[Mention], text: str, gz: Gazetteer | None = None) -> dict[str, set[str]]:
    """Names written as the container of the name before them: "Kamianka, Donetsk", "Tieba (Bankass, Mopti)".
    Outside brackets a comma chain runs on only through names that can be divisions: in "Denver,
    Indianapolis, Louisville, Ky." the towns are a list and Kentucky holds Louisville alone; three or
    more divisions of one level in a row are a list too ("Michigan, Oregon, Ohio")."""
    out: dict[str, set[str]] = defaultdict(set)
    chain: list[Mention] = []
    bracket = False
    listed = _division_lists(mentions, text, gz) if gz is not None else set()
    for m in mentions:  # a name in a list of divisions is read as one ("Washington" the state)
        if id(m) in listed and m.hint is None:
            m.hint = "listed"
    for a, b in zip(mentions, mentions[1:]):
        if id(a) in listed and id(b) in listed:
            chain, bracket = [], False
            continue
        if _POSSESSIVE.search(a.text) and _OWNED.fullmatch(text[a.span.end:b.span.start]) and a.key != b.key:
            out[b.key].add(a.key)  # "Lebanon's second city Tripoli", "Sudan's West Kordofan state"
        gap = text[KIND_WORDS.match(text, a.span.end).end():b.span.start].strip()  # "Borova village, Kharkiv"
        if gap in (",", "(", ", (") and not (gz is not None and not bracket and "(" not in gap
                                             and _listed_town(text, b, gz)):
            bracket = bracket or "(" in gap
            if chain and not bracket and gz is not None and all(gz.feature(i) == "city" for i in gz.lookup(a.key)):
                chain = []
            chain.append(a)
            for m in chain:  # "Tieba (Bankass, Mopti)": Mopti contains Tieba too
                if m.key != b.key:
                    out[m.key].add(b.key)
        else:
            chain, bracket = [], False
    return out


_NEXT_IN_LIST = re.compile(r"(?P<sep>\s*,\s*(?P<and>(?:and|or)\s+)?|\s+(?P<and2>and|or)\s+)"
                           r"(?P<name>[A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]+)?)")


def _listed_town(text: str, b: Mention, gz: Gazetteer) -> bool:
    """Whether the name after a comma goes on as a list ("in Limbe, Santa, Kumbo and Ndop", "Ballari, Koppal
    and Bidar"): then it is the next place of the list, not the container of the name before it. A known
    place after "and" ends a list; one after a comma goes on with it if it can only be a town (not in
    "Donetsk, Ukraine")."""
    m = _NEXT_IN_LIST.match(text, b.span.end)
    ids = gz.lookup(fold(m.group("name"))) if m else ()
    return bool(ids) and (bool(m.group("and") or m.group("and2")) or all(gz.feature(i) == "city" for i in ids))


# What joins the names of a list: a comma or "and", with a count and "in" when the list counts cases
# ("nine in Ontario, six in Manitoba, and one in Quebec").
_LIST_JOIN = re.compile(r"(?:,|and|, and)(?:\s+(?:\d+|[a-z-]+)\s+in)?")


def _division_lists(mentions: list[Mention], text: str, gz: Gazetteer) -> set[int]:
    """Mentions (by id) in runs of three or more names, joined by commas or "and" (see _LIST_JOIN), that
    are all divisions of one level and, below countries, of one country ("Washington, Pennsylvania and
    California"; in "Long Island, New York, Pennsylvania" the Bahamas' Long Island is no part of the list)."""
    def level(m: Mention) -> set[tuple[str, str]]:
        ents = [gz.entry(i) for i in gz.lookup(m.key)]
        own = [e for e in ents if _is_division_named(e, m.key)]
        if len({e.feature for e in own}) != 1:
            return set()
        return {(e.feature, "" if e.feature == "country" else e.country) for e in own}
    out: set[int] = set()
    run: list[Mention] = []
    common: set[tuple[str, str]] = set()
    for m in [*mentions, None]:
        if (m is not None and run and _LIST_JOIN.fullmatch(text[run[-1].span.end:m.span.start].strip())
                and common & level(m)):
            run.append(m)
            common &= level(m)
            continue
        if len(run) >= 3 and common:
            out.update(id(x) for x in run)
        run, common = ([m], level(m)) if m is not None else ([], set())
    return out


def _fits(e: Entry, c: Entry) -> bool:
    """Whether place ``e`` lies in container ``c``."""
    if c.feature == "country":
        return e.country == c.country
    if c.feature == "admin1":
        return e.admin1 == c.admin1
    if c.feature == "admin2":
        return e.country == c.country and km(e.lat, e.lon, c.lat, c.lon) < 80
    if c.feature == "city":  # a quarter of a city: "Ermita, Manila", "Diliman, Quezon City"
        return e.country == c.country and km(e.lat, e.lon, c.lat, c.lon) < CITY_PART_KM
    return False


def _country_named(key: str, cands: dict[str, list[tuple[int, str]]], gz: Gazetteer) -> Entry | None:
    """The country ``key`` names, if its biggest candidate is a country and none is a division ("UK", not "Georgia")."""
    ents = [gz.entry(i) for i, _ in cands.get(key, ())]
    if not ents or any(e.feature == "admin1" for e in ents):
        return None
    top = max(ents, key=lambda e: e.population)
    return top if top.feature == "country" else None


def _contained(key: str, c: list[tuple[int, str]], within: set[str], cands, gz: Gazetteer, alone: bool = True):
    """Candidates of a town or district that lie in one of the containers written after it (a division,
    or a city for its quarters); None when a division is written but no candidate fits."""
    if not within:
        return c
    boxes = []
    for k in within:  # a division's name is the division or its chief town, not a small namesake town
        ents = [gz.entry(i) for i, _ in cands.get(k, ())]  # ("Santa Ana, California" vs "Pisky, Donetsk")
        big = any(e.feature != "city" for e in ents)
        own = any(_is_division_named(e, k) for e in ents)  # "Houston, Texas": the state, not Texas County
        boxes += [e for e in ents if (not big or e.feature != "city" or e.population >= CITY_BOX_POP)
                  and not (own and e.feature == "admin2")]
    if not boxes or all(b.feature == "country" for b in boxes) and any(
            gz.feature(i) == "country" and _is_division_named(gz.entry(i), key) for i, _ in c):
        return c  # "China, Japan and Britain", "Niger, Nigeria": a list of countries, not a container
    # "Guildford, Surrey, UK": containers written with a country's name lie in that country (not Surrey, B.C.).
    countries = {n.country for n in (_country_named(k, cands, gz) for k in within) if n}
    if countries:
        boxes = [b for b in boxes if b.country in countries]
    for level in ("city", "admin2", "admin1", "country"):  # the smallest container that some candidate fits
        fit = [(i, r) for i, r in c if any(_fits(gz.entry(i), b) for b in boxes if b.feature == level)]
        if fit:
            return fit
    # Division codes of small places are often off by one (a town on the border of its oblast, "Fastiv,
    # Kyiv" where "Kyiv" is the city's division): a candidate near a written division fits it too.
    near = [(i, r) for i, r in c if any(b.feature in ("admin1", "city") and km(gz.entry(i).lat, gz.entry(i).lon,
                                                                          b.lat, b.lon) < DIVISION_NEAR_KM
                                        for b in boxes)]
    if near:
        return near
    # A town the gazetteer lacks inside a named division: better unresolved than far. A container that
    # is only a town's name may be a namesake abroad ("Iquique (Tarapaca)"): then the name stands alone;
    # so does a name the article writes again and again (one misread container is no evidence against it).
    divisions = any(b.feature != "city" for b in boxes)
    return None if divisions and alone and all(gz.feature(i) in _SMALL for i, _ in c) else c


def resolve(mentions: list[Mention], gz: Gazetteer, dateline_key: str | None = None,
            actor_countries: list[str] | None = None,
            within: dict[str, set[str]] | None = None, fronts: list[Frontline] | None = None) -> dict[str, Resolution]:
    """The resolution of each distinct folded name among ``mentions``; ``within`` names the containers
    written after a name (see ``containers``); ``fronts`` the front lines the article is tied to."""
    fronts = fronts or []
    story = story_countries(mentions, gz, dateline_key, actor_countries or [])
    # The same by the article's places alone, not its peoples or actors ("Russian forces shelled X").
    placed = story_countries([m for m in mentions if m.source != "demonym"], gz, dateline_key, [])
    total = sum(story.values()) or 1.0
    by_key: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_key[m.key].append(m)
    cands: dict[str, list[tuple[int, str]]] = {}
    for key, ms in by_key.items():
        cands[key] = _candidates(ms[0], gz, story)
    for key in list(cands):
        cands[key] = _contained(key, cands[key], (within or {}).get(key, set()), cands, gz,
                                 len(by_key[key]) < 3) or []
        if story and all(m.source in WEAK_SOURCES for m in by_key[key]):
            # Names found only by weak cues ("in Morro do ...") must lie in a country of the story.
            cands[key] = [(i, r) for i, r in cands[key] if gz.entry(i).country in story]
    # Divisions the article names, by key of the division ("US.LA"), and by which names: a name is no
    # evidence for its own namesakes ("Illinois" does not put a town called Illinois in Illinois).
    # Nor is a big town's name ("New York") evidence for its division's small towns (Boston, N.Y.).
    naming: dict[str, set[str]] = defaultdict(set)
    for key, c in cands.items():
        if any(gz.feature(i) == "city" and gz.entry(i).population >= BIG_NAMER_POP for i, _ in c):
            continue
        for i, _ in c:
            e = gz.entry(i)
            if e.feature == "admin1":  # a division known by a town's name ("Menaka") still names it
                naming[e.admin1].add(key if _is_division_named(e, key) else "")
    named_admin = {key: {a for a, ks in naming.items() if ks - {key}} for key in cands}
    local = _local_support(cands, gz, _division_names(cands, gz))
    first: dict[str, Entry] = {}
    for key, c in cands.items():
        if c:
            first[key] = _best(key, by_key[key], c, gz, story, total, named_admin[key], {}, local, fronts)[0]
    # Second opinion on the story's countries: where the first pass put the article's names.
    for key, e in first.items():
        if e.country:
            story[e.country] += 0.5 * len(by_key[key]) ** 0.5
            if any(m.source != "demonym" for m in by_key[key]):
                placed[e.country] += 0.5 * len(by_key[key]) ** 0.5
    total = sum(story.values()) or 1.0
    out: dict[str, Resolution] = {}
    boxes = {k for ks in (within or {}).values() for k in ks}
    for key, c in cands.items():
        if not c:
            continue
        others = {k: e for k, e in first.items() if k != key and e.feature in ("city", "admin2")}
        if key in boxes:  # "Volta Redonda, Rio de Janeiro": a container is a division where one has the name
            c = [(i, r) for i, r in c if gz.feature(i) != "city"] or c
        e, score, rule = _best(key, by_key[key], c, gz, story, total, named_admin[key], others, local, fronts)
        home = _home_countries(key, by_key[key], first, story, gz, placed)
        if home and e.country not in home and e.feature in _SMALL and e.population < FOREIGN_SMALL_POP:
            # A small place abroad in a story of one country is a local name the gazetteer lacks
            # ("the El Filo sector" of a Venezuelan town is no Mexican village): a namesake at home, or none.
            c = [(i, r) for i, r in c if gz.entry(i).country in home]
            if not c:
                continue
            e, score, rule = _best(key, by_key[key], c, gz, story, total, named_admin[key], others, local, fronts)
        if key not in boxes:
            e = _city_of_same_name(e, c, by_key[key], gz)
        out[key] = Resolution(e, score, rule)
    return out


def _home_countries(key: str, ms: list[Mention], first: dict[str, Entry], story: Counter,
                    gz: Gazetteer, placed: Counter) -> set[str]:
    """The story's countries as the article's other names tell them, when one country leads clearly
    (HOME_SHARE of the weight); empty when the story is international, or when no other place but only
    peoples and actors (``story`` less ``placed``) tell it of a name written as a place: "Russian forces
    shelled X" does not put X in Russia."""
    def rest_of(weights: Counter) -> Counter:
        rest = weights.copy()
        rest.subtract(story_countries(ms, gz, None, []))
        if key in first and first[key].country:
            rest[first[key].country] -= 0.5 * len(ms) ** 0.5
        return Counter({cc: w for cc, w in rest.items() if w > 1e-9})
    rest = rest_of(story)
    total = sum(rest.values())
    if total < 1.0 or not rest_of(placed) and any(m.source not in BODY_SOURCES for m in ms):
        return set()
    lead, w = rest.most_common(1)[0]
    return {cc for cc, v in rest.items() if v >= 0.25 * w} if w >= HOME_SHARE * total else set()


def _city_of_same_name(e: Entry, cands: list[tuple[int, str]], ms: list[Mention], gz: Gazetteer) -> Entry:
    """A division named after its chief town ("Odessa", "Kano") is the town, unless the article wrote
    the administrative word ("Kano State")."""
    if e.feature != "admin1" or any(m.admin_hint for m in ms):
        return e
    towns = [gz.entry(i) for i, _ in cands if gz.feature(i) == "city"]
    # A town of (nearly) the division's name inside it, big enough to be its chief town; in a list of
    # divisions, big enough to be what the name means (Sao Paulo, not Quebec City).
    share = LISTED_TOWN_SHARE if any(m.hint == "listed" for m in ms) else 0.03
    towns = [t for t in towns if t.admin1 == e.admin1 and t.population >= share * e.population
             and similarity(fold(t.name), fold(e.name)) >= 0.85]
    return max(towns, key=lambda t: t.population) if towns else e


LOCAL_KM = 60.0  # places of a local story lie within this distance of one another
_LOCAL_TOP = 15  # candidates per name considered for local support (the most populous)


def _is_division_named(e: Entry, key: str) -> bool:
    """Whether ``e`` is a country or first-level division and ``key`` its own name."""
    return e.feature in ("country", "admin1") and strip_admin_word(fold(e.name)) == key


def _division_names(cands: dict[str, list[tuple[int, str]]], gz: Gazetteer) -> set[str]:
    """Names that are a country's or first-level division's own name ("Oregon", "Ohio"): in a list of
    states they are the states, and their namesake towns lend no support to one another."""
    return {key for key, c in cands.items() if any(_is_division_named(gz.entry(i), key) for i, _ in c)}


def _local_support(cands: dict[str, list[tuple[int, str]]], gz: Gazetteer,
                   divisions: set[str] = frozenset()) -> dict[int, int]:
    """For each town or district candidate: how many other names of the article have a candidate
    within LOCAL_KM of it (Alexandria, Brandon and Kensington together point to Minnesota); the names
    of ``divisions`` lend no support, nor does a place to itself under another name."""
    pts: dict[str, list[tuple[int, float, float]]] = {}
    for key, c in cands.items():
        ents = [gz.entry(i) for i, _ in c]
        ents = [e for e in ents if e.feature in ("city", "admin2")]
        ents.sort(key=lambda e: -e.population)
        pts[key] = [(e.index, e.lat, e.lon) for e in ents[:_LOCAL_TOP]]
    deg = LOCAL_KM / 111.0
    support: dict[int, int] = {}
    for key, mine in pts.items():
        for i, lat, lon in mine:
            n = 0
            wide = deg / max(0.2, math.cos(math.radians(lat)))
            for other, theirs in pts.items():
                if other != key and other not in divisions and any(j != i and abs(lat - a) < deg and abs(lon - b) < wide for j, a, b in theirs):
                    n += 1
            support[i] = n
    return support


def _best(key, ms, cands, gz, story, total, named_admin, others, local, fronts=()):
    texts = {ascii_fold(m.text) for m in ms}
    hint = next((m.hint for m in ms if m.hint), None)
    best = None
    # A division named like its country's capital yields to the capital ("Washington"), unless the name
    # is also a country's or the article lists it among divisions.
    capital_first = hint not in ("admin", "listed") and not any(gz.feature(i) == "country" for i, _ in cands)
    ids = {i for i, _ in cands}
    towns = [gz.entry(i) for i in ids if gz.feature(i) == "city"]
    # Where a candidate bears the name as written (bar an administrative word), a named state lends nothing
    # to other spellings' towns ("Pittsburgh" with "California" is no Pittsburg, Calif.).
    written = {strip_admin_word(fold(m.text)) for m in ms}
    as_written = {i for i in ids if strip_admin_word(fold(gz.entry(i).name)) in written}
    for i, rule in cands:
        e = gz.entry(i)
        exact = ascii_fold(e.name) in texts
        s = _prior(e, exact)
        if e.feature == "admin2" and not any(m.admin_hint for m in ms):
            if not exact:
                s -= 1.5  # "Albany" alone is the town more often than Albany County
            elif any(t.admin1 == e.admin1 and km(t.lat, t.lon, e.lat, e.lon) < TOWN_IN_DISTRICT_KM and
                     ascii_fold(t.name) == ascii_fold(e.name) for t in towns):
                s -= 1.5  # "Patna" alone is the town, not the district named after it
        # A bare name is the town that outnumbers its namesake division ("Hanover": no Jamaican parish).
        if (e.feature == "admin1" and hint is None and not any(m.admin_hint for m in ms)
                and any(t.population > e.population and ascii_fold(t.name) in texts for t in towns)):
            s -= _FEATURE_PRIOR["admin1"]
        if capital_first and e.feature in ("admin1", "admin2") and gz.capitals.get(e.country) in ids:
            s -= CAPITAL_PENALTY
        if hint == "town" and e.feature != "city":  # "the town of X"
            s -= 3.0
        elif hint in ("admin", "listed") and e.feature == "city":  # "X province"; "Ontario, Quebec and Alberta"
            s -= 1.0
        s += STORY_WEIGHT * story.get(e.country, 0.0) / total
        if e.feature in ("city", "admin2") and e.admin1 in named_admin and (i in as_written or not as_written):
            s += NAMED_ADMIN_BONUS
        if e.feature in ("city", "admin2") and others:
            near = min(km(e.lat, e.lon, o.lat, o.lon) for o in others.values())
            s += 1.5 if near < 50 else 0.8 if near < 200 else 0.0
        s += 1.2 * min(local.get(i, 0), 3)
        if e.feature in _SMALL and any(e.country in f.countries and f.near(e.lat, e.lon) for f in fronts):
            s += FRONT_BONUS
        if best is None or s > best[1]:
            best = (e, s, rule)
    return best
