"""A mention's words → an Actor: a named actor by alias, else a generic agent with the nationality the
mention gives, else an unknown group whose kind the head noun tells (and the event settles later)."""
from __future__ import annotations

import functools
from dataclasses import dataclass, replace

from .. import lang
from ..model import Actor, Span
from . import kb
from .normalise import Token, key, tokens

# A nationality followed by one of these words names a backer, not the actor ("Turkish-backed militias").
_BACKER_WORDS = frozenset({"backed", "supported", "sponsored", "allied", "aligned", "funded", "trained",
                           "armed", "affiliated", "linked", "loyal", "friendly", "leaning", "inspired"})
_BACKER_BEFORE = frozenset({"pro", "anti"})
# Capitalised words that do not make a name one of its own ("National Army", "Special Forces").
_COMMON_CAPS = frozenset(t.norm for t in tokens(
    "The A An Of For And In National Armed Special Security Police Army Forces Force Military Air Naval "
    "Navy Border Federal State Government Presidential People Popular Republican Guard Joint Task Rapid "
    "Intervention Counter Terrorism Department Regional Central Reserve Interior Ministry Defence Defense "
    "Unit Command Brigade Battalion Division Regiment Corps Elite Local Provincial District Municipal "
    "Islamic Islamist Unknown Unidentified Suspected Alleged Armed Men Several Some Many Two Three Four "
    "Dozens Hundreds Thousands"))
# Words that may open a mention and say nothing about who acts.
_LEADING = frozenset({"the", "a", "an", "some", "several", "many", "few", "dozen", "hundred", "thousand",
                      "suspected", "alleged", "unknown", "unidentified", "about", "around", "over", "least",
                      "at", "more", "than", "nearly", "almost", "two", "three", "four", "five", "group",
                      "number", "of", "other", "another", "his", "her", "their", "its"})
# Words after which a phrase names a second party ("TMF in cooperation with Iraqi forces").
_COORDINATORS = frozenset({"and", "with", "alongside", "along", "together", "or", "including", "backed",
                           "supported", "aided", "assisted", "helped"})
# Generic roles of a first conjunct that leads its phrase ("government and SPLA-IO forces").
_LEAD_ROLES = frozenset({"state", "gov", "armed"})
# Generic roles of words that name no party: weapons and blasts, places.
_NOT_PARTIES = frozenset({"instrument", "place"})


@functools.lru_cache(maxsize=None)
def _cues(name: str) -> frozenset[tuple[str, ...]]:
    """A word list of actors/unknown.json as normalised keys (one or more words each)."""
    return frozenset(key(w) for w in lang.load("actors/unknown.json")[name])


def _has(toks: list[Token], name: str) -> bool:
    """Whether the tokens hold a word (or words) of the list ``name``."""
    norms = tuple(t.norm for t in toks)
    return any(norms[i:i + len(k)] == k for k in _cues(name) for i in range(len(norms) - len(k) + 1))


@dataclass
class _Hit:
    entry: object
    start: int  # token index
    end: int

    @property
    def size(self) -> int:
        return self.end - self.start


def _find(index: kb.Index, toks: list[Token], place_tokens: frozenset[int] = frozenset()) -> list[_Hit]:
    """All alias matches in the tokens: word sequences, and acronyms that are written in capitals."""
    hits = []
    norms = [t.norm for t in toks]
    for i in range(len(toks)):
        if toks[i].acronym and toks[i].raw in index.acronyms:
            hits.append(_Hit(index.acronyms[toks[i].raw], i, i + 1))
        for j in range(i + 1, min(len(toks), i + index.longest) + 1):
            entry = index.words.get(tuple(norms[i:j]))
            if entry is not None and not (place_tokens and set(range(i, j)) <= place_tokens
                                          and isinstance(entry, kb.Named)):
                hits.append(_Hit(entry, i, j))
    return hits


def _best(hits: list[_Hit]) -> _Hit | None:
    """The longest match; the rightmost among equals (the head of an English noun phrase comes last);
    a party before an instrument or a place ("police fire", "sniper fire", "police station")."""
    return max(hits, key=lambda h: (getattr(h.entry, "role", "") not in _NOT_PARTIES, h.size, h.end), default=None)


def _backer(toks: list[Token], hit: _Hit) -> bool:
    after = toks[hit.end].norm if hit.end < len(toks) else ""
    before = toks[hit.start - 1].norm if hit.start > 0 else ""
    return after in _BACKER_WORDS or before in _BACKER_BEFORE


def _nationality(toks: list[Token], hits: list[_Hit]) -> _Hit | None:
    """The country the mention gives its actor, skipping backers ("Russian-backed", "pro-Turkish")."""
    owners = [h for h in hits if not _backer(toks, h)]
    # the first of coordinated nationalities leads ("Burundian and Rwandan soldiers clashed")
    return max(owners, key=lambda h: (h.size, -h.start), default=None)


def resolve_words(text: str, span: Span | None = None,
                  place_tokens: frozenset[int] = frozenset()) -> Actor:
    """Resolve a mention. ``place_tokens``: indexes of tokens that the parser tagged as place names
    (so "Tripoli militias" is a militia of a place, not a group called Tripoli). The blanks the clean
    stage leaves where a title or dateline was are no part of the mention."""
    words = text.strip()
    if span is not None and words != text:
        start = span.start + len(text) - len(text.lstrip())
        span = Span(start, start + len(words))
    return replace(_resolve(words, place_tokens), span=span)  # a copy: callers change what they get


@functools.lru_cache(maxsize=1 << 16)
def _resolve(text: str, place_tokens: frozenset[int], span: None = None) -> Actor:
    """``resolve_words`` without the span: the same words resolve the same way, so once per process."""
    toks = tokens(text)
    if not toks:
        return Actor(name=text, text=text, span=span, rule="unknown", inferred=True)
    # "the U.N.-supported government", "Russian-backed separatists": a backer is not the actor
    named_hits = [h for h in _find(kb.named(), toks, place_tokens) if not _backer(toks, h)]
    generic_hits = _find(kb.generics(), toks)
    # the head noun ends the phrase, or comes before its "of" ("residents of Al Safha village")
    head_end = next((i for i, t in enumerate(toks) if t.norm == "of" and i > 0), len(toks))
    thing = next((h for h in generic_hits if h.end == head_end and h.entry.role == "place"  # type: ignore[attr-defined]
                  and not any(n.end == head_end for n in named_hits)
                  and not any(o.start < h.start and o.end == h.end for o in generic_hits)), None)
    if thing is not None:
        # "an army vehicle", "Manpur Police Station": the head is a thing; its modifiers do not act
        return Actor(name=text, text=text, span=span, sector="UNK", entity=thing.entry.id,  # type: ignore[attr-defined]
                     rule="kb:place")
    cut = next((i for i, t in enumerate(toks) if t.norm in _COORDINATORS), len(toks))
    country_hits = _find(kb.countries(), toks)
    lead_generic = [g for g in generic_hits if g.end <= cut and g.entry.role in _LEAD_ROLES  # type: ignore[attr-defined]
                    and not _backer(toks, g)]
    if cut < len(toks) and not any(h.end <= cut for h in named_hits) and (
            lead_generic or any(c.end <= cut and not _backer(toks, c) for c in country_hits)):
        # "the Russian and Ukrainian forces", "government and SPLA-IO forces": the first conjunct leads;
        # what the second names with the shared head ("Ukrainian forces", "SPLA-IO") does not
        named_hits = []
        generic_hits = lead_generic or generic_hits
    # "TMF in cooperation with Iraqi forces": the party named before the coordination leads
    named = _best([h for h in named_hits if h.end <= cut]) or _best(named_hits)
    generic = _best(generic_hits)
    nation = _nationality(toks, country_hits)
    nation_iso = nation.entry.iso3 if nation else None  # type: ignore[union-attr]

    if named is not None:
        entry: kb.Named = named.entry  # type: ignore[assignment]
        # "Fulani villagers", "Hausa traders": a community named as the people, not as fighters.
        if (generic is not None and generic.start >= named.end and entry.kind == "identity_militia"
                and kb.generic_by_id()[generic.entry.id].role in ("social", "victim")):  # type: ignore[attr-defined]
            return _generic(text, span, generic.entry, entry.country or nation_iso)  # type: ignore[arg-type]
        return Actor(name=entry.name, text=text, span=span, country=entry.country, sector=entry.sector,
                     kind=entry.kind, entity=entry.id, rule="kb:alias")

    if generic is not None:
        g: kb.Generic = generic.entry  # type: ignore[assignment]
        if g.role in _NOT_PARTIES:
            if nation is not None and g.role == "instrument":
                # "Russian airstrikes", "Russian shelling": the state's forces acted
                return _generic(text, span, kb.generic_by_id()["generic:soldier"], nation_iso)
            # "an IED", "Cedeno municipality": no party in the words; the context stage looks around
            return Actor(name=text, text=text, span=span, sector="UNK", entity=g.id, rule=f"kb:{g.role}")
        unknown = _unknown_name(text, toks, country_hits, generic, place_tokens)
        if unknown and nation is None and generic.end == len(toks) and (toks[-1].norm,) in _cues("group_heads"):
            named_group = _unknown_group(text, span, toks)
            if g.role == "armed":  # "Biyamaal clan militia": the generic term knows the kind
                named_group.kind, named_group.sector = g.kind, g.sector
            return named_group
        if unknown and nation is None and g.id == "generic:member" and generic.end < len(toks) \
                and toks[generic.end].norm == "of":
            # "members of National Corps": the members of a group the knowledge base lacks
            return _unknown_group(text, span, toks[generic.end + 1:])
        if g.role == "armed" and (toks[generic.end - 1].norm,) in _cues("place_militias") \
                and any(i < generic.start and not _backer(toks, _Hit(None, i, i + 1)) for i in place_tokens) \
                and not any(c.end <= generic.start for c in country_hits) \
                and not any(h.end <= generic.start for h in _find(kb.named(), toks)):
            return _communal(text, span, toks, place_tokens, nation_iso)  # "the Gharyan militia"
        if g.role in ("social", "victim") and generic.start > 0 and toks[generic.start - 1].norm == "armed":
            g = kb.generic_by_id()["generic:gunman"]  # "armed inmates", "armed people": an armed group
        return _generic(text, span, g, nation_iso)

    if nation is not None and nation.size == len(toks) - _leading(toks):
        entry_c: kb.Country = nation.entry  # type: ignore[assignment]
        if entry_c.plural_people and toks[-1].raw.lower().endswith("s"):
            # "the Palestinians", "Russians": the people of a country, who protest or suffer
            return Actor(name=f"Civilians ({kb.country_name(entry_c.iso3)})", text=text, span=span,
                         country=entry_c.iso3, sector="CVL", kind=None, entity="generic:civilian",
                         rule="kb:demonym")
        return _country(text, span, entry_c.iso3)

    if any(t.capitalised for t in toks[_leading(toks):]):
        return _unknown_group(text, span, toks, nation_iso)
    return Actor(name=text, text=text, span=span, country=nation_iso, rule="unknown", inferred=True)


def _leading(toks: list[Token]) -> int:
    n = 0
    while n < len(toks) - 1 and (toks[n].norm in _LEADING or toks[n].raw.isdigit()):
        n += 1
    return n


def _unknown_name(text: str, toks: list[Token], country_hits: list[_Hit], generic: _Hit,
                  place_tokens: frozenset[int]) -> bool:
    """Whether capitalised words outside the generic term, countries, places and backers ("Tripoli-allied
    forces") name something."""
    covered = set(range(generic.start, generic.end)) | set(place_tokens)
    for h in country_hits:
        covered |= set(range(h.start, h.end))
    covered |= {i for i in range(len(toks) - 1) if toks[i + 1].norm in _BACKER_WORDS
                and toks[i + 1].start == toks[i].end + 1 and text[toks[i].end] in "-\u2010\u2011"}
    return any(t.capitalised and t.norm not in _COMMON_CAPS and i not in covered
               for i, t in enumerate(toks) if i >= _leading(toks))


def _country(text: str, span: Span | None, iso3: str) -> Actor:
    """"Russia", "Ukraine's": the state acting."""
    return Actor(name=kb.country_name(iso3), text=text, span=span, country=iso3, sector="GOV",
                 kind="state_forces", entity=f"country:{iso3}", rule="kb:country")


def _generic(text: str, span: Span | None, g: kb.Generic, country: str | None) -> Actor:
    return Actor(name=g.name(country), text=text, span=span, country=country, sector=g.sector,
                 kind=g.kind, entity=g.id, rule="kb:generic")


def _unknown_group(text: str, span: Span | None, toks: list[Token], country: str | None = None) -> Actor:
    """A named group the knowledge base lacks: its kind from its words (actors/unknown.json), its
    country from a nationality in them or later from the event; flagged as inferred."""
    name = text[toks[_leading(toks)].start:toks[-1].end].strip()
    if _has(toks, "rebel_words"):
        sector, kind = "REB", "rebels"
    elif _has(toks, "state_words"):
        sector, kind = ("COP" if _has(toks, "police_words") else "MIL"), "state_forces"
    elif _has(toks, "identity_words"):
        sector, kind = "UAF", "identity_militia"
    elif any(t.norm == "party" for t in toks):
        sector, kind = "PTY", "political_militia"
    elif _has(toks, "group_heads"):
        sector, kind = "UAF", "political_militia"
    else:
        # a capitalised name with no telling head: a person or an organisation; the event decides
        sector, kind = "UNK", None
    return Actor(name=name, text=text, span=span, country=country, sector=sector, kind=kind, rule="unknown",
                 inferred=True)


def _communal(text: str, span: Span | None, toks: list[Token], place_tokens: frozenset[int],
              country: str | None) -> Actor:
    """A militia named after its place ("the Gharyan militia"): the place's communal militia."""
    places = sorted(i for i in place_tokens if i < len(toks))
    place = text[toks[places[0]].start:toks[places[-1]].end]
    return Actor(name=f"{place} Communal Militia", text=text, span=span, country=country, sector="UAF",
                 kind="identity_militia", rule="unknown:communal", inferred=True)


def weapon_owner(text: str) -> str | None:
    """The country whose nationality a weapon or a strike carries in the text ("Russian shelling resumed",
    "a Turkish drone strike"), as ISO3; None when no weapon has one."""
    toks = tokens(text)
    norms = [t.norm for t in toks]
    countries, generics = kb.countries(), kb.generics()
    for i in range(len(toks)):
        for k in range(i + 1, min(len(toks), i + countries.longest) + 1):
            country = countries.words.get(tuple(norms[i:k]))
            if not isinstance(country, kb.Country):
                continue
            for m in range(k + 1, min(len(toks), k + generics.longest) + 1):
                weapon = generics.words.get(tuple(norms[k:m]))
                if isinstance(weapon, kb.Generic) and weapon.role == "instrument":
                    return country.iso3
    return None

