"""Geocoding: recognise place mentions, resolve them against the offline gazetteer, place events.

``geocode(cd)`` fills ``cd.places`` with every resolved place mention and gives each event a
``location`` (see ``locate``). The gazetteer is built once into the cache (``eventwire gazetteer build``).
"""
from __future__ import annotations

from collections import Counter

from ..model import CodedDocument, Place, Span
from . import frontlines, gazetteer, relative
from .fold import fold
from .locate import at_seat, locate, precision_of
from .recognise import Mention, recognise
from .resolve import containers, iso2, resolve

__all__ = ["geocode"]


def _dateline_mention(cd: CodedDocument, gz: gazetteer.Gazetteer) -> Mention | None:
    """The dateline's place ("CAIRO –"): story context, a place mention, never an event location."""
    if cd.dateline is None:
        return None
    raw = cd.dateline.of(cd.text)
    name = raw.split("(")[0].split(",")[0].strip(" \u2013\u2014-:")
    if not name:
        return None
    key = fold(name)
    if key not in gz:
        return None
    start = cd.dateline.start + raw.index(name)
    return Mention(Span(start, start + len(name)), name, key, "dateline")


def geocode(cd: CodedDocument) -> None:
    """Fill ``cd.places`` and each event's ``location``."""
    gz = gazetteer.load()
    mentions = recognise(cd, gz)
    dl = _dateline_mention(cd, gz)
    if dl and not any(m.span.start < dl.span.end and dl.span.start < m.span.end for m in mentions):
        mentions.append(dl)
        mentions.sort(key=lambda m: m.span.start)
    actor_countries = [a.country for e in cd.events for a in (e.actor1, e.actor2) if a and a.country]
    resolved = resolve(mentions, gz, dl.key if dl else None, actor_countries, containers(mentions, cd.text, gz),
                       frontlines.active(cd.body))
    cd.places = []
    countries = Counter(r.entry.country for m in mentions if m.hint != "code" and (r := resolved.get(m.key)))
    for m in mentions:
        r = resolved.get(m.key)
        if r is None or (m.hint == "code" and not countries[r.entry.country]):
            continue  # "(AP)" is a news agency unless the story is in Andhra Pradesh's country
        e = r.entry
        cd.places.append(Place(span=m.span, text=m.text, name=e.name, lat=e.lat, lon=e.lon, country=e.country or None,
                               geonameid=e.geonameid, feature=e.feature, precision=precision_of(e.feature),
                               rule=f"{m.source}; {r.rule}"))
    if not cd.events:
        return
    story = _story_country(cd, gz, actor_countries)
    relatives = _relative_places(cd, gz, story)
    for ev in cd.events:
        loc = locate(cd, ev, relatives, story)
        ev.location = at_seat(loc, gz) if loc else None


def _story_country(cd: CodedDocument, gz: gazetteer.Gazetteer, actor_countries: list[str]) -> Place | None:
    """The country most of the article's places lie in (the dateline counts), as an inferred place; in a
    story without places, the one most of the peoples it names belong to, else most of its actors."""
    counts = Counter(p.country for p in cd.places if p.country and not (p.rule or "").startswith("demonym"))
    counts = counts or Counter(p.country for p in cd.places if p.country) or Counter(
        cc for iso3 in actor_countries if (cc := iso2(iso3)))
    if not counts:
        return None
    cc = counts.most_common(1)[0][0]
    i = gz.countries.get(cc)
    if i is None:
        return None
    e = gz.entry(i)
    return Place(span=Span(0, 0), text="", name=e.name, lat=e.lat, lon=e.lon, country=cc, geonameid=e.geonameid,
                 feature="country", precision=3, inferred=True, rule="story country")


def _relative_places(cd: CodedDocument, gz: gazetteer.Gazetteer, story: Place | None) -> list[Place]:
    """Points at a distance and bearing from a resolved anchor ("50 km south of the capital")."""
    out = []
    for rel in relative.find(cd.body):
        anchor = None
        if rel.to_capital:
            cap = gz.capitals.get(story.country) if story and story.country else None
            anchor = gz.entry(cap) if cap is not None else None
            name = anchor.name if anchor else None
        else:
            hit = next((p for p in cd.places if p.span.start == rel.anchor.start), None)
            anchor, name = hit, hit.name if hit else None
        if anchor is None:
            continue
        lat, lon = relative.destination(anchor.lat, anchor.lon, rel.km, rel.bearing)
        out.append(Place(span=rel.span, text=rel.span.of(cd.text), name=f"{rel.km:.0f} km from {name}", lat=lat,
                         lon=lon, country=getattr(anchor, "country", None), feature="relative", precision=2,
                         rule="relative"))
    return out
