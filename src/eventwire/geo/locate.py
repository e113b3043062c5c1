"""Event location: the place tied to the event by a locative word ("in", "near", "outside", "the town
of"), else the most specific place of its sentence, else of the story, else the story's country.

Never the dateline, never a demonym, never a country named as a backer ("backed by Turkey").
Precision follows ACLED: 1 town, 2 near a town or part of a region, 3 region or country; an event
placed only in a region lies at the region's seat, and one placed only in a country at its capital, as ACLED
codes them (``at_seat``).
"""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from functools import lru_cache
from dataclasses import replace

from .. import lang
from ..model import CodedDocument, Event, Place
from .fold import fold
from . import gazetteer
from .gazetteer import Gazetteer
from .recognise import KIND_WORDS
from .distance import km

_PATTERNS = lang.patterns("geo/cues.json")

# A locative word right before the place, with optional "the town of" or "northern" between.
_TIED = _PATTERNS["tied"]
# "the (strategic) town of X" ties X to the verb before it even without a preposition.
_AREA_OF = _PATTERNS["area_of"]
# Where something was said is not where it happened ("a spokesman said in Cairo").
_SPEECH = _PATTERNS["speech"]
_NEAR = _PATTERNS["near"]
# Conflict-data notes name the place an event is coded to when it differs from the one written.
_CODED_TO = _PATTERNS["coded_to"]
AREA_KM = 250.0  # places of one story area lie within this distance of one another
_SPECIFIC = {"city": 0, "relative": 1, "admin2": 2, "admin1": 3, "country": 4, "continent": 5}


def precision_of(feature: str | None, near: bool = False) -> int:
    """ACLED geo precision of a place of this feature."""
    if feature in ("admin1", "country", "continent"):
        return 3
    if feature in ("admin2", "relative") or near:
        return 2
    return 1


def _tie(text: str, p: Place) -> tuple[bool, bool]:
    """(tied by a locative word, the word says "near")."""
    before = text[max(0, p.span.start - 60):p.span.start]
    if _SPEECH.search(before):
        return False, False
    m = _TIED.search(before) or _AREA_OF.search(before)
    if not m:
        return False, False
    return True, bool(_NEAR.search(before[m.start():])) or (p.rule or "").startswith("part")


def _inside_country(cd: CodedDocument, country: Place) -> Place | None:
    """A town or division of the story inside a country the event sentence names ("a prison in Brazil" in
    a story that names Manaus): reports name the country first and the town later."""
    inner = [p for p in cd.places if p.country == country.country and p.feature in ("city", "admin2", "admin1")
             and _usable(p, cd)]
    if not inner:
        return None
    p = min(inner, key=lambda q: (_SPECIFIC.get(q.feature, 5), q.span.start))
    return replace(p, precision=max(2, precision_of(p.feature)), inferred=True, rule=f"{p.rule}; inside {country.name}")


def _namesakes(text: str, inside: list[Place], story_country: Place | None) -> list[Place]:
    """Towns of the sentence that the resolver took by a near spelling, or abroad while the sentence's
    other places lie in the story's country, far from all of those ("Levoberezhny district in Mariupol,
    Donetsk" is no Russian village), or far from the town they are written near ("Hamirpur village near
    Rapar"): namesakes of a local place the gazetteer lacks."""
    local = [p for p in inside if p.feature in ("city", "admin2", "admin1")]
    home = story_country.country if story_country else None
    out = []
    for p in local:
        others = [q for q in local if q.name != p.name]
        if p.feature != "city" or not others:
            continue
        towns_home = [q for q in others if q.country == home and q.feature != "admin1" and "fuzzy" not in (q.rule or "")
                      and not _SPEECH.search(text, max(0, q.span.start - 60), q.span.start)]
        if ("fuzzy" in (p.rule or "") or home and p.country != home and towns_home) \
                and all(km(p.lat, p.lon, q.lat, q.lon) > AREA_KM for q in others):
            out.append(p)
        elif any(km(p.lat, p.lon, q.lat, q.lon) > AREA_KM for q in _near_what(text, p, others)):
            out.append(p)  # "in Hamirpur village near Rapar town": no Hamirpur far from Rapar
    return out


# "X village near Y": the place written right after a "near" that follows a place.
_NEAR_AFTER = _PATTERNS["near_after"]


def _near_what(text: str, p: Place, others: list[Place]) -> list[Place]:
    """The place of ``others`` that ``p`` is written near, if any."""
    m = _NEAR_AFTER.match(text, KIND_WORDS.match(text, p.span.end).end())
    return [q for q in others if m and q.span.start == m.end()]


def _in_caption(cd: CodedDocument, p: Place) -> bool:
    return any(c.start <= p.span.start < c.end for c in cd.captions)


# A capital written as the owner of an aim or a policy stands for its government ("part of Moscow's longer
# term goal", "Washington's position"): it says nothing of where anything happened. Its police, mayor
# or youth ("Benghazi's police") are local, and so still place the event.
_STANDS_FOR_GOVERNMENT = _PATTERNS["stands_for_government"]


def in_party_words(cd: CodedDocument, p: Place) -> bool:
    """A country named in a party's words ("Russia's Defense Ministry", "military forces of Armenia"):
    whose the party is, not where anything happened."""
    return p.feature == "country" and any(
        a is not None and a.span and a.entity is not None and a.span.start <= p.span.start and p.span.end <= a.span.end
        for e in cd.events for a in (e.actor1, e.actor2))


def _stands_for_government(text: str, p: Place) -> bool:
    """A country's capital written as the owner of an aim or a policy ("Moscow's goal")."""
    if p.geonameid is None or p.geonameid not in _capital_ids():
        return False
    start = p.span.end - 2 if p.text.endswith(("'s", "\u2019s")) else p.span.end
    return bool(_STANDS_FOR_GOVERNMENT.match(text, start))


@lru_cache(maxsize=1)
def _capital_ids() -> frozenset[int]:
    gz = gazetteer.load()
    return frozenset(gz.entry(i).geonameid for i in gz.capitals.values() if gz.entry(i).geonameid)


def _usable(p: Place, cd: CodedDocument) -> bool:
    if p.rule and p.rule.startswith("demonym") or _stands_for_government(cd.text, p):
        return False
    d = cd.dateline
    return not (d and d.start <= p.span.start < d.end)


# One-slot caches for the document being located (each slot holds one tuple, read once: thread-safe).
_index: list = [None]  # (the places list last indexed, its length, its places by start, their starts)
_area: list = [None]  # (the places list last asked about, its length, its main area)


def _starting_in(places: list[Place], start: int, end: int) -> list[Place]:
    """The places that start in [start, end), in their order in ``places``: by a sorted index kept for the
    last list asked about (every event of a document asks), so a long story costs no square."""
    cached = _index[0]
    if cached is None or cached[0] is not places or cached[1] != len(places):
        ordered = sorted(enumerate(places), key=lambda ip: ip[1].span.start)
        cached = _index[0] = (places, len(places), ordered, [p.span.start for _, p in ordered])
    _, _, ordered, starts = cached
    hits = ordered[bisect_left(starts, start):bisect_left(starts, end)]
    return [p for _, p in sorted(hits, key=lambda ip: ip[0])]


def _main_area(cd: CodedDocument) -> Place | None:
    """The story's main area: the most named town or region, among those near the story's other places.
    The same for every event of a document: found once per places list (a long story costs no square)."""
    cached = _area[0]
    if cached is not None and cached[0] is cd.places and cached[1] == len(cd.places):
        return cached[2]
    usable = [p for p in cd.places if _usable(p, cd) and p.feature in ("city", "admin2", "admin1")]
    found = None
    if usable:
        counts = Counter(p.name for p in usable)
        names = {p.name: p for p in usable}
        near = {n: sum(km(p.lat, p.lon, q.lat, q.lon) < AREA_KM for m, q in names.items() if m != n)
                for n, p in names.items()}
        found = min(usable, key=lambda q: (-counts[q.name], -min(near[q.name], 1), _SPECIFIC.get(q.feature, 5),
                                           q.span.start))
    _area[0] = (cd.places, len(cd.places), found)
    return found


def locate(cd: CodedDocument, ev: Event, relatives: list[Place], story_country: Place | None) -> Place | None:
    """The location of one event (a copy of a place of ``cd.places``, or a relative or inferred place)."""
    text = cd.text
    ev_span = ev.evidence if ev.evidence.end > ev.evidence.start else ev.trigger
    # A photo caption tells of its own scene: its places serve only events read from it.
    inside = [p for p in _starting_in(cd.places, ev_span.start, ev_span.end) if _usable(p, cd)
              and _in_caption(cd, p) == ev.from_caption and not in_party_words(cd, p)]
    doubtful = {id(p) for p in _namesakes(text, inside, story_country)}
    inside = [p for p in inside if id(p) not in doubtful]
    coded = [p for p in inside if _CODED_TO.search(text, max(0, p.span.start - 20), p.span.start)]
    if coded:  # the note says where it is coded: "marched in Kypseli [coded to Athens-Central Athens]"
        return replace(coded[0], precision=precision_of(coded[0].feature), inferred=False)
    tied = []
    for p in inside:
        ok, near = _tie(text, p)
        if ok:
            tied.append((p, near))
    for rel in relatives:
        if ev_span.start <= rel.span.start < ev_span.end:
            tied.append((rel, True))
    if tied:
        # The most specific place, then the nearest to the trigger.
        p, near = min(tied, key=lambda t: (_SPECIFIC.get(t[0].feature, 5) > 2,
                                           abs(t[0].span.start - ev.trigger.start)))
        inner = _inside_country(cd, p) if p.feature == "country" else None
        if inner is not None:
            return inner
        if p.feature != "relative":
            # A town with a relative phrase right after it ("al-Asabaa, about 50 km south of ...") stays the town.
            return replace(p, precision=precision_of(p.feature, near), inferred=False)
        return p
    if inside:
        p = min(inside, key=lambda q: (_SPECIFIC.get(q.feature, 5), q.span.start))
        inner = _inside_country(cd, p) if p.feature == "country" else None
        if inner is not None:  # "Police forces of Chile dispersed them" after "in Iquique (Tarapaca)"
            return inner
        return replace(p, precision=max(2, precision_of(p.feature)) if p.feature == "city" else precision_of(p.feature),
                       inferred=True, rule=f"{p.rule}; sentence")
    p = _main_area(cd)
    if p is not None:
        return replace(p, precision=max(2, precision_of(p.feature)), inferred=True, rule=f"{p.rule}; document")
    if story_country is not None:
        return replace(story_country, precision=3, inferred=True, rule="story country")
    return None


def at_seat(p: Place, gz: Gazetteer) -> Place:
    """A region-wide location at the region's chief town (ACLED codes "in Donetsk region" to its capital),
    a country-wide one at the country's capital (ACLED codes national events there), still with the
    region's or country's name and precision 3."""
    if p.feature == "country":
        cap = gz.capitals.get(p.country) if p.country else None
        if cap is None:
            return p
        town = gz.entry(cap)
        return replace(p, lat=town.lat, lon=town.lon, rule=f"{p.rule}; at its capital {town.name}")
    if p.feature != "admin1":
        return p
    division = next((gz.entry(i) for i in gz.lookup(fold(p.name)) if gz.feature(i) == "admin1"
                     and (gz.entry(i).lat, gz.entry(i).lon) == (p.lat, p.lon)), None)
    seat = gz.chief_towns.get(division.admin1) if division else None
    if seat is None:
        return p
    town = gz.entry(seat)
    return replace(p, lat=town.lat, lon=town.lon, rule=f"{p.rule}; at its seat {town.name}")
