"""The last stage: settle what an actor is from its event — the event's country, its type, its sentence.

ACLED conventions followed here (ACLED codebook 2019):
- state forces acting outside their own country are "external" (inter 8);
- the first actor of a protest is "Protesters (<country>)", of a riot "Rioters (<country>)", whoever the
  article names first (police dispersing a protest come second);
- people who are no organised force (residents, traders) and commit violence are rioters (mob violence),
  and so are a party's supporters fighting others (ACLED's riots between party activists);
  outside protests, riots and violence they are civilians;
- an unknown armed perpetrator is an "Unidentified Armed Group" (political militia), and militias of
  clans, families and communities are identity militias.

An event whose parse gave no actor (or a weapon, a place, a pronoun, a monitor) gets one from its
sentence and the sentences around it; failing that, a presumed one (``rule`` "context:presumed"), as
ACLED codes every event with an actor.
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import replace

from .. import lang
from ..lang.acled import BATTLES, EXPLOSIONS, PROTESTS, RIOTS, STRATEGIC_DEVELOPMENTS, VIOLENCE_AGAINST_CIVILIANS, VIOLENT
from ..lang.words import nouns, reporting_verbs, vague_counts
from ..model import Actor, CodedDocument, Event, Place, Span
from ..nlp.tree import NOT_ACTORS, many_gather
from . import kb
from .normalise import key
from ..geo.locate import in_party_words
from .resolver import resolve_words, weapon_owner

_PATTERNS = lang.patterns("actors/cues.json")
_WORDS = lang.wordsets("actors/cues.json")

_VIOLENT = frozenset({"ASSAULT", "COERCE"})
# Saying things in public: people doing so in an event report are mostly protesting.
_CLAIMS = frozenset({"REQUEST", "ACCUSE", "REJECT", "SUPPORT", "THREATEN"})
_ARMED_KINDS = frozenset({"state_forces", "rebels", "political_militia", "identity_militia", "external"})
_PEOPLE_ROLES = frozenset({"social", "victim"})
# A crowd in a violent event's sentence: state forces against it make a protest or a riot, the crowd first.
# "March" the month is no march: only the lower-case noun, or the capitalised verb and its people.
_CROWD_CUES = _PATTERNS["crowd_cues"]
# A crowd's own violence: what makes demonstrators rioters for ACLED (storming, arson, stones, looting,
# fights with the police, roads blocked with boulders or bonfires), or words that call them so.
_RIOT_CUES = _PATTERNS["riot_cues"]
# A clause telling what a crowd reacts to ("after the riots in the prisons", "force against rioters"):
# violence it names is not the crowd's own.
_CAUSE_CLAUSE = _PATTERNS["cause_clause"]
# Words of a sentence that make an unnamed militia a communal one ("militias from the X and Y clans").
_IDENTITY_CUES = _PATTERNS["identity_cues"]
# Arson and wrecking ("set fire to a bus", "vandalised the office"), and the weapons or armed men that make
# such an attack more than a mob's: without them, ACLED codes the unnamed attackers as rioters.
_ARSON = _PATTERNS["arson"]
# Unarmed people fighting as groups ("a clash between two groups", "a factional clash").
_GROUP_FIGHT = _PATTERNS["group_fight"]
_WEAPONS = _PATTERNS["weapons"]
# Explosives someone plants or throws ("a crude bomb exploded", "cocktails were exploded"), and the heavy
# weapons a state's forces fire: a blast with the first and none of the second is no shelling.
_PLANTED = _PATTERNS["planted"]
_FIRED = _PATTERNS["fired"]
# A report saying that no one knows who attacked ("perpetrators not known", "unknown actors").
_UNKNOWN_PERPETRATOR = _PATTERNS["unknown_perpetrator"]
# The next sentence naming who did it: "X are the suspected attackers", "X claimed responsibility".
_BLAME_NEXT = _PATTERNS["blame_next"]
_NAMING_VERBS = _WORDS["naming_verbs"]
# Verbs whose subject suffers the violence ("two soldiers died in a blast"): a victim, not the perpetrator.
_SUFFERING_VERBS = _WORDS["suffering_verbs"]
_PRONOUNS = _WORDS["pronouns"]
_PLURAL_PRONOUNS = _WORDS["plural_pronouns"]
_POSSESSIVES = _WORDS["possessives"]
#: How far before and after an event's sentence to look for its actor (characters).
_LOOK_BACK = 600
_LOOK_AHEAD = 300
# Heads of noun phrases that may carry their actor as a modifier ("a police raid"); other heads do not
# ("police cars", "the Police Station").
_ACTION_HEADS = _WORDS["action_heads"]


def crowd_kind(event: Event) -> str | None:
    """``protesters`` or ``rioters`` when the event is a protest or a riot, else None."""
    if event.acled_event_type == PROTESTS:
        return "protesters"
    if event.acled_event_type == RIOTS:
        return "rioters"
    if event.acled_event_type is None and event.type == "PROTEST":
        return "rioters" if event.mode == "riot" else "protesters"
    return None


def _is_violent(event: Event) -> bool:
    return event.type in _VIOLENT or event.acled_event_type in VIOLENT


def _attack(event: Event) -> bool:
    """Violence proper: not arrests, seizures or curfews."""
    return event.type == "ASSAULT" or event.acled_event_type in (
        BATTLES, EXPLOSIONS, VIOLENCE_AGAINST_CIVILIANS)


def _generic(actor: Actor | None) -> kb.Generic | None:
    return kb.generic_by_id().get(actor.entity or "") if actor else None


def _role(actor: Actor | None) -> str | None:
    g = _generic(actor)
    return g.role if g else None


def _note(actor: Actor, why: str) -> None:
    actor.rule = f"{actor.rule}+context:{why}"


def _from_generic(generic_id: str, country: str | None, why: str) -> Actor:
    g = kb.generic_by_id()[generic_id]
    return Actor(name=g.name(country), text="", country=country, sector=g.sector, kind=g.kind,
                 entity=g.id, rule=f"context:{why}")


def _is_observer(actor: Actor | None) -> bool:
    """Monitors and agencies (OSCE, UN agencies, NGOs) report violence; they are not its perpetrators."""
    return (actor is not None and actor.country in kb.NON_STATE_COUNTRIES and actor.sector != "MIL"
            and actor.entity is not None)


def _localise(actor: Actor, here: str | None, places: Counter) -> None:
    """Give an actor without a country the event's; flag state forces outside their country as external.
    A force counts as foreign only where the story names fewer places of its country than of the event's
    country (``places``: place mentions by country): one misplaced town must not turn a country's own
    army into a foreign one when a place of its own country is named too."""
    if actor.country is None:
        if here is not None:
            actor.country = here
            g = _generic(actor)
            if g is not None and g.role not in ("place", "instrument"):  # "a crowded market" stays its words
                actor.name = g.name(here)
            _note(actor, "country")
        return
    if (actor.kind == "state_forces" and actor.country not in kb.NON_STATE_COUNTRIES
            and here is not None and actor.country != here
            and (places[actor.country] < places[here] or not places)):
        actor.kind = "external"
        _note(actor, "foreign")


def settle(event: Event, here: str | None, places: Counter | None = None, sentence: str = "",
           monitored: bool = False, story_text: str = "") -> None:
    """Settle the actors of one event located in ``here`` (ISO3), in a story whose place mentions by
    country are ``places``; ``sentence`` is the event's evidence text, ``story_text`` the article's,
    ``monitored`` whether a ceasefire monitor reports the event."""
    places = places if places is not None else Counter()
    for actor in (event.actor1, event.actor2):
        if actor is not None:
            _localise(actor, here, places)
    crowd = crowd_kind(event)
    if crowd is not None:
        _settle_crowd(event, crowd, here, story_text or sentence)
        return
    if _crowd_against_force(event, here, sentence):
        return
    violent = _is_violent(event)
    if event.actor1 is None and violent:
        event.actor1 = _presumed(event, here, monitored, sentence, story_text)
        if event.actor1.rule == "context:presumed":  # a front line's party is of its country wherever geo put the place
            _localise(event.actor1, here, places)
    if event.actor1 is not None:
        _first_kind(event, event.actor1, violent, sentence)
        _unnamed_by_cues(event.actor1, violent, sentence)
    a2 = event.actor2
    if a2 is not None and (_role(a2) in _PEOPLE_ROLES or (a2.kind is None and a2.sector == "CVL")):
        a2.kind = "civilians"
        _note(a2, "civilians")


def _crowd_against_force(event: Event, here: str | None, sentence: str) -> bool:
    """A state's force attacking a crowd, or clashing with people: the crowd goes first (whether so)."""
    a1, a2 = event.actor1, event.actor2
    facing_crowd = _role(a2) == "crowd" or (
        (a2 is None or a2.kind is None or _role(a2) in ("social", "instrument")) and _CROWD_CUES.search(sentence))
    clash_with_people = event.acled_event_type == BATTLES and _role(a2) == "social"
    if not (_attack(event) and _role(a1) == "state" and (facing_crowd or clash_with_people)):
        return False
    # "police fired tear gas at stone-pelting demonstrators": ACLED codes the crowd first, as rioters
    # where it was violent, else as protesters met with force; "police and vendors clashed": ACLED
    # has no battles between forces and unarmed people, it is a riot
    crowd = "rioters" if clash_with_people or _RIOT_CUES.search(sentence) else "protesters"
    people = a2 if a2 is not None and _role(a2) in ("crowd", "social") else _from_generic(
        f"generic:{crowd[:-1]}", here, "crowd")
    people.kind = crowd
    _note(people, f"{crowd}-vs-force")
    event.actor1, event.actor2 = people, a1
    return True


def _first_kind(event: Event, a1: Actor, violent: bool, sentence: str) -> None:
    """The kind of the first actor from its role and the event: people who attack are a mob (or
    communal militias, or an unidentified armed group), who demand are protesters, else civilians;
    demonstrators who attack are rioters; an unknown kind that fights is a militia; party supporters
    who fight without arms are rioters."""
    if _role(a1) in _PEOPLE_ROLES:
        # residents, traders, villagers: a mob when they attack, a crowd when they demand or denounce,
        # civilians otherwise (fleeing, returning, suffering)
        if violent and a1.kind != "civilians" and _IDENTITY_CUES.search(sentence):
            # "a communal clash between the Malinke and Abbey communities": communities that fight
            # as such are communal militias
            a1.kind = "identity_militia"
            a1.name = kb.generic_by_id()["generic:clan militia"].name(a1.country)
        elif violent and a1.kind == "civilians" and _attack(event):
            # "unidentified individuals shot an officer", "men set fire to a camp": people with no
            # group of their own who attack are ACLED's unidentified armed group
            a1.kind = "political_militia"
            a1.name = kb.generic_by_id()["generic:gunman"].name(a1.country)
        elif violent:
            a1.kind = "rioters" if a1.kind != "civilians" else "civilians"
        elif event.type in _CLAIMS and a1.kind != "civilians":
            a1.kind = "protesters"
        else:
            a1.kind = "civilians"
        _note(a1, a1.kind)
    elif _role(a1) == "crowd" and a1.kind == "protesters" and _attack(event):
        # "protestors attacked the students": demonstrators who attack are rioters
        a1.kind = "rioters"
        _note(a1, "rioters")
    elif a1.kind is None:
        a1.kind = "political_militia" if violent else None
        if a1.kind:
            _note(a1, "armed")
    elif a1.sector == "PTY" and a1.kind == "political_militia" and (
            event.acled_event_type == BATTLES or (
                event.acled_event_type in (VIOLENCE_AGAINST_CIVILIANS, STRATEGIC_DEVELOPMENTS)
                and not _WEAPONS.search(sentence) and not _WEAPONS.search(a1.text))):
        # "BNP and Awami League activists clashed", "party supporters beat a journalist": ACLED codes
        # party supporters who fight or wreck without guns or bombs as rioters
        a1.kind = "rioters"
        _note(a1, "party-clash")


def _unnamed_by_cues(a1: Actor, violent: bool, sentence: str) -> None:
    """An unnamed (generic) militia the sentence tells more of: communal where it names clans or
    communities, a mob where it tells of arson or a group fight without arms."""
    generic = a1.entity is not None and a1.entity.startswith("generic:")
    if (generic and (a1.kind == "political_militia" or (
            a1.kind == "state_forces" and a1.rule.startswith("context:presumed")))
            and _IDENTITY_CUES.search(sentence)):
        # "a clash between two rival groups over land"
        a1.kind = "identity_militia"
        a1.name = kb.generic_by_id()["generic:clan militia"].name(a1.country)
        _note(a1, "communal")
    elif ((generic or a1.entity is None) and a1.kind == "political_militia" and violent
          and (_ARSON.search(sentence) or _GROUP_FIGHT.search(sentence)) and not _WEAPONS.search(sentence)):
        # "assailants set fire to a bus", "a clash between two groups": without arms, a mob's (not
        # "warring factions have agreed to resume talks")
        a1.kind = "rioters"
        if generic:
            a1.name = kb.generic_by_id()["generic:rioter"].name(a1.country)
        _note(a1, "mob")


# A story's text is searched for cues once, not once per event: the answers are kept for the last texts.
@functools.lru_cache(maxsize=8)
def _told(pattern: re.Pattern, text: str) -> bool:
    return pattern.search(text) is not None


@functools.lru_cache(maxsize=4)
def _riot_told(text: str) -> bool:
    """Violence told of the crowd, outside clauses that give a cause ("after police fired at them")."""
    return _RIOT_CUES.search(_CAUSE_CLAUSE.sub(" ", text)) is not None


def _settle_crowd(event: Event, crowd: str, here: str | None, text: str = "") -> None:
    """The crowd leads a protest or a riot; demonstrators whose report tells of their violence
    (``text``: "stormed the office", "clashed with police") are rioters, as ACLED codes them; people
    of a riot the report tells as communal ("communal violence broke out in Ogoja") are communal militias."""
    if crowd == "protesters" and _riot_told(text):
        crowd = "rioters"
    a1, a2 = event.actor1, event.actor2
    if a1 is not None and a1.kind in _ARMED_KINDS and a1.kind != "identity_militia" and (
            a2 is None or a2.kind in ("protesters", "rioters", "civilians", None)):
        # "Police dispersed protesters": ACLED codes the crowd first and the force second.
        event.actor1, event.actor2 = (a2 if a2 is not None else _from_generic(
            "generic:protester" if crowd == "protesters" else "generic:rioter", here, "crowd")), a1
    if event.actor1 is None:
        event.actor1 = _from_generic("generic:protester" if crowd == "protesters" else "generic:rioter",
                                     here, "crowd")
    a1 = event.actor1
    if (event.acled_event_type == RIOTS and a1.entity != "generic:rioter" and _role(a1) != "crowd"
            and _told(_IDENTITY_CUES, text)):
        # "a communal clash between two villages", "people were killed over a land dispute"
        a1.kind = "identity_militia"
        a1.name = kb.generic_by_id()["generic:clan militia"].name(a1.country or here)
        _note(a1, "communal")
        return
    # a protest whose crowd the article calls rioters or a mob was a riot
    explicit_rioters = crowd == "protesters" and a1.entity == "generic:rioter"
    if a1.kind != crowd and not explicit_rioters:
        a1.kind = crowd
        _note(a1, crowd)


def _presumed(event: Event, country: str | None, monitored: bool = False, sentence: str = "",
              story_text: str = "") -> Actor:
    """No actor in the text: arrests and seizures are presumed the police's; fire and blasts that a
    ceasefire monitor records the party's across the front line; shelling and air strikes the state's
    forces (the most frequent party of ACLED shelling) unless the report says no one knows who fired;
    shoot-outs, bombs planted and violence against civilians an unidentified armed group."""
    if event.type == "COERCE" or (event.acled_event_type == STRATEGIC_DEVELOPMENTS and event.type != "ASSAULT"):
        return _from_generic("generic:police", country, "presumed")
    if event.mode in ("destroy", "vandalize") and _told(_CROWD_CUES, story_text or sentence):
        return _from_generic("generic:rioter", country, "presumed")  # buses torched during a strike
    planted = event.acled_sub_event_type in ("Remote explosive/landmine/IED", "Suicide bomb", "Grenade") or (
        event.acled_sub_event_type is None and event.mode in ("explosives", "suicide-attack")) or (
        event.mode == "explosives" and _PLANTED.search(sentence) and not _FIRED.search(sentence))
    heavy = event.mode in ("heavy-weapons", "aerial", "drone") or event.acled_sub_event_type in (
        "Shelling/artillery/missile attack", "Air/drone strike")
    if not (planted or heavy or monitored) and _CROWD_CUES.search(sentence) \
            and _riot_told(story_text or sentence):
        # "a man was shot during a protest by residents who blocked the road with burning tyres"
        return _from_generic("generic:rioter", country, "presumed")
    front = event.acled_event_type in (BATTLES, EXPLOSIONS)
    if monitored and front:
        return _across_the_line(sentence, country)
    if heavy and not planted and not _told(_UNKNOWN_PERPETRATOR, story_text or sentence):
        # "Russian shelling resumed on the village": the weapon's nationality names the state
        return _from_generic("generic:soldier", weapon_owner(sentence) or country, "presumed")
    return _from_generic("generic:gunman", country, "presumed")


def _across_the_line(sentence: str, country: str | None) -> Actor:
    """Fire a monitor records without naming who fired comes from across the front line: the state's
    near a place a non-state party holds, that party's elsewhere along the line (geo/frontlines.json), also
    when no place was found but the mission that watches the line reports it; the state's where no front
    line is known."""
    for line in kb.frontlines().values():
        if line.places.search(sentence):
            return _from_generic("generic:soldier", line.country, "presumed-frontline")
    # no place found: the line the reporting mission watches ("the OSCE SMM observed ...")
    line = kb.frontlines().get(country or "") or next(
        (f for f in kb.frontlines().values() if country is None and f.monitors and f.monitors.search(sentence)),
        None)
    if line is None:
        return _from_generic("generic:soldier", country, "presumed")
    holder = kb.named_by_id()[line.holder]
    return Actor(name=holder.name, text="", country=holder.country or country, sector=holder.sector,
                 kind=holder.kind, entity=holder.id, rule="context:presumed-frontline")


def _no_scene(place: Place | None) -> bool:
    """Whether a place says nothing of where the event happened: a nationality the geoparser took for a
    place ("Russian" forces), or a location geo inferred from the story (this stage weighs the story's
    places itself)."""
    if place is None:
        return True
    if place.inferred:
        return True
    hits = kb.countries().words.get(key(place.text))
    return isinstance(hits, kb.Country) and hits.plural_people


def doc_countries(cd: CodedDocument) -> tuple[str | None, Counter]:
    """The story's country (the one most of its places are in) and its place mentions by country; a
    country named inside a party's words ("military forces of Armenia") is no place of the story, but
    a town there is ("abducted the mayor of Skadovsk, Kherson"), and so are places in the words of what
    no party names ("shelled Oleksandropil, Donetsk")."""
    counts = Counter(kb.iso3(p.country) for p in cd.places
                     if p.country and not _no_scene(p) and not in_party_words(cd, p))
    counts.pop(None, None)
    return (counts.most_common(1)[0][0] if counts else None), counts


def _other_side(cd: CodedDocument, event: Event) -> str | None:
    """Where a state's force acts when the story names no place: the one other country whose people the
    story names ("American drones struck ISIS in the Libyan desert", "Egyptian soldiers abducted Sudanese
    miners"), when the force attacks people or a non-state armed group of no such country; else None
    ("Ukrainian forces downed a Russian jet": either may be abroad)."""
    actor, other = event.actor1, event.actor2
    if actor is None or actor.kind != "state_forces" or actor.country is None or not _attack(event):
        return None
    if other is not None and (other.kind in ("state_forces", "external") or _role(other) == "state"):
        return None
    armed = other is not None and other.kind in ("rebels", "political_militia", "identity_militia")
    parties = {other.country} if armed else set()
    others = set()
    for p in cd.places:
        hits = kb.countries().words.get(key(p.text))
        if isinstance(hits, kb.Country) and hits.plural_people and hits.iso3 != actor.country \
                and not _of_people(cd.text, p.span.end):
            others.add(hits.iso3)
    return others.pop() if len(others) == 1 and not others & parties else None


_NEXT_WORDS = re.compile(r"(?:[\s-]+[\w'-]+){1,3}")


def _of_people(text: str, end: int) -> bool:
    """Whether a nationality at ``end`` qualifies people ("Italian journalists", "Malian refugees"), who may
    be abroad, rather than a land, its things or its forces ("Libyan cities", "the Pakistani army")."""
    m = _NEXT_WORDS.match(text, end)
    words = m.group(0).split() if m else []
    return any(_role(resolve_words(w)) in (*_PEOPLE_ROLES, "crowd") for w in words)


# Entities never taken for the party acted on: dates and figures, and places ("evacuated from Kupiansk");
# a place name stands for a party only when it names a state ("fired rockets at Russia").
_NO_PATIENTS = (*NOT_ACTORS, "LOC", "FAC")


def _candidates(cd: CodedDocument, lo: int, hi: int, agents_only: bool = True,
                speakers: bool = True, number: str | None = None, patients_only: bool = False) -> list[Actor]:
    """Actors named in noun phrases and organisation names inside [lo, hi) of the input text; with
    ``agents_only``, none that stands where the acted-on stand, with ``patients_only`` only those; without
    ``speakers``, none that only speaks there ("the U.S. military accused Russia of ..."); with ``number``
    ("singular", "plural"), none whose head noun is of the other number (a name may be either)."""
    found = []
    for seg in cd.segments:
        doc = seg.doc
        a, b = lo - seg.offset, hi - seg.offset
        if b <= 0 or a >= len(seg.text):
            continue
        phrases, starts = _phrases(doc)
        for chunk in phrases[bisect_left(starts, a):]:
            if chunk.start_char >= b:
                break
            if chunk.end_char <= b and _names_a_party(chunk) \
                    and not (agents_only and _patient(chunk.root)) \
                    and (not patients_only or (_patient(chunk.root) and chunk.root.ent_type_ not in _NO_PATIENTS)) \
                    and (speakers or not _speaker(chunk.root)) \
                    and (number is None or _number(chunk.root) in (None, number)):
                start = seg.offset + chunk.start_char
                actor = resolve_words(chunk.text, Span(start, start + len(chunk.text)))
                if patients_only and chunk.root.ent_type_ == "GPE" and actor.rule != "kb:country":
                    continue
                found.append(actor)
    return found


def _words(cd: CodedDocument, span: Span) -> list[Actor]:
    """Single nouns inside ``span`` read as actors, for when the parser made no phrase of them
    ("civilians evacuated from X": "civilians" taken for a modifier)."""
    found = []
    for seg in cd.segments:
        if span.end <= seg.offset or span.start >= seg.offset + len(seg.text):
            continue
        for tok in seg.doc:
            start = seg.offset + tok.idx
            if span.start <= start < span.end and tok.is_alpha and not tok.is_stop:
                actor = resolve_words(tok.text, Span(start, start + len(tok)))
                if actor.entity is not None:
                    found.append(actor)
    return found


def _phrases(doc) -> tuple[list, list[int]]:
    """The noun phrases, organisation and nationality names and known acronyms of a parsed segment, in
    text order, and their start offsets; computed once per segment (the stage asks for many windows of
    the same text)."""
    cached = doc.user_data.get("eventwire.actor_phrases")
    if cached is None:
        # acronyms too: the parser often takes "IS" or "ADF" for something else than a name
        acronyms = [doc[t.i:t.i + 1] for t in doc if t.text.isupper() and t.text in kb.named().acronyms]
        spans = sorted([*doc.noun_chunks, *(e for e in doc.ents if e.label_ in ("ORG", "NORP")), *acronyms],
                       key=lambda s: s.start_char)
        cached = doc.user_data["eventwire.actor_phrases"] = (spans, [s.start_char for s in spans])
    return cached


def _names_a_party(chunk) -> bool:
    """Whether a phrase's head names a party ("police officers") or an action a modifier may own ("a
    police raid"), not a thing ("police cars")."""
    if chunk.root.lower_ in _ACTION_HEADS or chunk.label_ in ("ORG", "NORP") or chunk.root.pos_ == "PROPN" \
            or chunk.root.text.isupper():
        return True
    head = resolve_words(chunk.root.text)
    return head.entity is not None and head.rule not in ("kb:instrument", "kb:place")


def _patient(token) -> bool:
    """Whether a phrase stands where the acted-on stand: an object, a passive subject, the subject of a
    verb of suffering ("soldiers died"), or after "from", "of", "among" ("civilians from the Fulani
    community", "killed two Al Shabaab fighters")."""
    while token.dep_ in ("conj", "compound", "amod", "nmod") and token.head is not token:
        token = token.head
    if token.dep_ == "dobj" and token.head.lemma_ in _NAMING_VERBS:
        return False  # "militants (suspected TTP)": the object names the party
    if token.dep_ in ("dobj", "nsubjpass", "attr", "appos"):
        return True
    if token.dep_ == "nsubj" and token.head.lemma_ in _SUFFERING_VERBS:
        return True  # "a soldier died as he stepped on a landmine"
    if token.dep_ == "pobj" and token.head.lower_ in ("from", "of"):
        holder = resolve_words(token.head.head.text)
        if _role(holder) == "armed" or holder.entity == "generic:member" or (
                _count(token.head.head) and not _patient(token.head.head)):
            # "members from the Mara Salvatrucha", "fighters of the ADF", "hundreds of activists": they act
            return False
    return token.dep_ == "pobj" and token.head.lower_ in ("from", "of", "among", "including", "against", "on", "at")


def _count(token) -> bool:
    """A figure or a vague count ("300", "hundreds", "dozens")."""
    return token.tag_ == "CD" or token.lower_ in vague_counts()


def _number(token) -> str | None:
    """ "plural" ("forces"), "singular" ("the military") or None (a name: "Hamas" may be "they"; a
    collective: "Dinka youth ... they attacked")."""
    if token.lemma_.lower() in nouns()["collectives"]:
        return None
    return {"NNS": "plural", "NN": "singular"}.get(token.tag_)


def _speaker(token) -> bool:
    """Whether a phrase stands where a source stands: the subject of a verb of saying, claiming or
    denying ("the army said", "the U.S. military accused Russia"), or after "according to"."""
    while token.dep_ in ("conj", "compound", "amod", "nmod", "appos") and token.head is not token:
        token = token.head
    if token.dep_ == "nsubj":
        return token.head.lemma_.lower() in reporting_verbs()
    return token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ == "according"


def _armed(actor: Actor, taken: set[str | None]) -> bool:
    return (actor.kind in _ARMED_KINDS and actor.entity not in taken and not _is_observer(actor)
            and actor.rule != "kb:country")


def _people(actor: Actor, taken: set[str | None]) -> bool:
    """A mob or people who may have formed one ("beaten by locals", "a clash between two farmer groups")."""
    return actor.entity not in taken and (actor.entity == "generic:rioter" or _role(actor) in ("social", "crowd"))


def _from_text(cd: CodedDocument, event: Event, named_only: bool) -> Actor | None:
    """The armed party named in the event's sentence ("an IED planted by Al Shabaab exploded"), else,
    unless ``named_only``, one named just after it ("... Al Shabaab claimed responsibility") or the
    nearest one named in the sentences just before it ("Police raided a house. Three men were arrested.")."""
    taken = {event.actor2.entity} if event.actor2 is not None and event.actor2.entity else set()
    here = [a for a in _candidates(cd, event.evidence.start, event.evidence.end) if _armed(a, taken)]
    named = [a for a in here if a.rule == "kb:alias"]
    if named:
        return _mark(named[0], "evidence")
    if named_only:
        return None
    after = [a for a in _candidates(cd, event.evidence.end, event.evidence.end + _LOOK_AHEAD)
             if _armed(a, taken) and a.rule == "kb:alias"]
    if after:
        return _mark(after[0], "after")
    state = [a for a in here if _role(a) == "state"]
    if _attack(event):
        # an official who only tells of violence is the source, not the doer ("an airstrike hit a market ...,
        # a local health official said"); a force or a group may tell of its own ("..., police said")
        quiet = [a for a in _candidates(cd, event.evidence.start, event.evidence.end, speakers=False)
                 if _armed(a, taken)]
        here = [a for a in here if _role(a) != "gov" or a in quiet]
    if state or here:
        # a force named by its trade ("a police raid") outranks loose words ("gang", "group")
        return _mark((state or here)[0], "evidence")
    people = [a for a in _candidates(cd, event.evidence.start, event.evidence.end) if _people(a, taken)]
    if _WEAPONS.search(event.evidence.of(cd.text)):
        # where guns or bombs did the harm, people named ("a woman", "the driver") are its victims; a mob acts
        people = [a for a in people if a.entity == "generic:rioter"]
    if people:
        return _mark(people[0], "evidence")
    # a party only quoted there did not act ("the U.S. military accused Russia ... given the fighting")
    before = [a for a in _candidates(cd, max(0, event.evidence.start - _LOOK_BACK), event.evidence.start,
                                     speakers=False) if _armed(a, taken)]
    return _mark(before[-1], "before") if before else None


def _blamed_next(cd: CodedDocument, event: Event) -> Actor | None:
    """The named armed party the sentence right after the event's blames ("Dyck Advisory Group are the
    suspected attackers"), when the event itself names only a generic force or a weapon."""
    m = _BLAME_NEXT.match(cd.text, event.evidence.end)
    if m is None:
        return None
    taken = {event.actor2.entity} if event.actor2 is not None and event.actor2.entity else set()
    named = [a for a in _candidates(cd, m.start(1), m.end(1)) if _armed(a, taken) and a.rule == "kb:alias"]
    return _mark(named[0], "blamed") if named else None


def _mark(actor: Actor, why: str) -> Actor:
    _note(actor, why)
    return actor


def _antecedent(cd: CodedDocument, event: Event, pronoun: str | None = None) -> Actor | None:
    """What "they" or "he" (``pronoun``, else the actor's words) stands for: the last party named before
    the pronoun that agrees with it in number (the subject of the sentence before, as a rule). A possessive
    may also stand for a party acted on: in "mercenaries aiding east-based forces in their offensive",
    "their" is the forces."""
    pronoun = pronoun or event.actor1.text.lower()
    start = event.actor1.span.start if event.actor1 is not None and event.actor1.span else event.evidence.start
    if pronoun in _POSSESSIVES and (owner := _clause_subject(cd, start, pronoun)) is not None:
        return _mark(owner, "antecedent")
    before = [a for a in _candidates(cd, max(0, start - _LOOK_BACK), start, agents_only=pronoun not in _POSSESSIVES,
                                     number="plural" if pronoun in _PLURAL_PRONOUNS else "singular")
              if a.entity is not None and a.rule not in ("kb:instrument", "kb:place", "kb:country")]
    # a name inside a longer phrase ("Defense Ministry" of "Russia's Defense Ministry") is that phrase
    before = [a for a in before if not any(_inside(a.span, b.span) for b in before)]
    return _mark(before[-1], "antecedent") if before else None


def _inside(span: Span | None, other: Span | None) -> bool:
    return span is not None and other is not None and span != other \
        and other.start <= span.start and span.end <= other.end


def _owned_force(actor: Actor) -> bool:
    """ "Their troops", "its forces": a generic force of no country of its own words, owned by a pronoun."""
    words = actor.text.split()
    return len(words) > 1 and words[0].lower() in _POSSESSIVES and actor.country is None \
        and _role(actor) in ("state", "armed")


def _owner(cd: CodedDocument, event: Event) -> Actor:
    """The force a possessive pronoun's antecedent owns: a named armed party is its own troops ("the LAAF
    ... Their troops"), a state or a state's body gives its country ("Russia's Defense Ministry ... its
    forces")."""
    actor = event.actor1
    owner = _antecedent(cd, event, actor.text.split()[0].lower())
    if owner is None:
        return actor
    if owner.kind in _ARMED_KINDS and owner.entity is not None and not owner.entity.startswith("generic:") \
            and owner.rule != "kb:country":
        owner.text, owner.span = actor.text, actor.span
        return owner
    if owner.country is not None and owner.kind == "state_forces":
        actor.country = owner.country
        actor.name = kb.generic_by_id()[actor.entity].name(owner.country)
        _note(actor, "owner")
    return actor


def _clause_subject(cd: CodedDocument, start: int, pronoun: str) -> Actor | None:
    """The subject of the verb whose object a possessive pronoun qualifies, when it is a party and agrees
    with it ("Turkey escalated its air support": Turkey's), a country's name included."""
    for seg in cd.segments:
        if not seg.offset <= start < seg.offset + len(seg.text):
            continue
        tok = next((t for t in seg.doc if t.idx == start - seg.offset), None)
        # what the subject does to its own ("escalated its air support"); not "helped Y in their offensive"
        verb = tok.head.head if tok is not None and tok.dep_ == "poss" and tok.head.dep_ == "dobj" else None
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
        wanted = "plural" if pronoun in _PLURAL_PRONOUNS else "singular"
        if subj is None or subj.i > tok.i or _number(subj) not in (None, wanted):
            return None
        np = seg.doc[subj.left_edge.i:subj.i + 1]
        actor = resolve_words(np.text, Span(seg.offset + np.start_char, seg.offset + np.end_char))
        return actor if actor.entity is not None and actor.rule not in ("kb:instrument", "kb:place") else None
    return None


def _displacement(event: Event) -> bool:
    """An event of people moving or being moved (evacuations, flight, returns), as ACLED's strategic
    developments record them."""
    return not _is_violent(event) and crowd_kind(event) is None and (
        event.acled_event_type == STRATEGIC_DEVELOPMENTS or event.type in ("AID", "RETREAT"))


def _nobody(actor: Actor | None) -> bool:
    """No party: none, or words that resolve to nothing or to a place ("... evacuated from Sumy")."""
    return actor is None or actor.rule.startswith("kb:place") or (actor.entity is None and actor.kind is None)


def _displaced(cd: CodedDocument, event: Event) -> Actor | None:
    """The people of a displacement ("140 people were evacuated", "civilians evacuated from X"): ACLED's
    first actor, as civilians; the parse may have taken them for the acted-on, or for no phrase at all."""
    if _role(event.actor2) in _PEOPLE_ROLES:
        return _mark(event.actor2, "displaced")
    people = [a for a in _candidates(cd, event.evidence.start, event.evidence.end, agents_only=False)
              if _role(a) in _PEOPLE_ROLES] or [a for a in _words(cd, event.evidence) if _role(a) in _PEOPLE_ROLES]
    if not people:
        return None
    actor = people[0]
    actor.kind = "civilians"
    return _mark(actor, "displaced")


def _gathered(cd: CodedDocument) -> bool:
    """Whether the story tells of a crowd: its word ("protesters", "a rally") or many gathering ("people
    gathered in Kyiv", "drivers assembled")."""
    def many(verb) -> bool:  # "a group of merchants gathered": the many are the group's members
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        return many_gather(verb) or (subj is not None and not any(c.dep_ == "dobj" for c in verb.children)
                                      and any(p.lower_ == "of" and any(o.tag_ == "NNS" for o in p.children)
                                              for p in subj.children))

    return _told(_CROWD_CUES, cd.text or "") or any(
        t.pos_ == "VERB" and t.lemma_.lower() in nouns()["gathering"] and many(t)
        for seg in cd.segments for t in seg.doc)


def _gatherers(actor: Actor, country: str | None) -> Actor:
    """The crowd that a gathering's demand or accusation is told of by a pronoun or a loose word ("They
    asked ...", "The participants accused ..."): ACLED's protesters."""
    crowd = _from_generic("generic:protester", country, "gathering")
    crowd.text, crowd.span = actor.text, actor.span
    return crowd


def _force(actor: Actor | None) -> bool:
    """A state's armed or police force (not its civil government)."""
    return actor is not None and actor.kind == "state_forces" and actor.sector in ("MIL", "COP", "SPY") \
        and actor.rule != "kb:country"


def _target_first(cd: CodedDocument, event: Event, here: str | None, sentence: str) -> None:
    """A fight with a state's forces whose other side no one names ("six soldiers were killed in
    clashes"): ACLED codes the forces first and an unidentified armed group second, unless heavy weapons
    point to another state's forces. (Bombs that hit forces keep the unidentified bomber first.)"""
    target = event.actor2 if _force(event.actor2) else next(
        (a for a in _candidates(cd, event.evidence.start, event.evidence.end, agents_only=False) if _force(a)),
        None)
    if target is None or _presumed(event, here, sentence=sentence).kind != "political_militia":
        return
    event.actor1 = _mark(target, "target-first")
    if event.actor2 is None or event.actor2 is target or event.actor2.kind is None:
        event.actor2 = _from_generic("generic:gunman", here, "presumed")


def _state_against_rebels(cd: CodedDocument, event: Event, here: str | None) -> None:
    """A fight whose only side named is an insurgency ("six rebels were killed in fighting outside
    Misrata"): the other side is the state's forces, whom insurgents fight; ACLED codes them first and
    the rebels second."""
    rebels = next((a for a in _candidates(cd, event.evidence.start, event.evidence.end, agents_only=False)
                   if a.kind == "rebels" and not _is_observer(a)), None)
    if rebels is None or here is None:
        return
    event.actor1 = _from_generic("generic:soldier", here, "against-rebels")
    if event.actor2 is None or event.actor2.kind is None:
        event.actor2 = _mark(rebels, "fought")


def _government_first(cd: CodedDocument, event: Event, here: str | None) -> None:
    """The government that regains territory is ACLED's first actor ("Ukrainian forces clashed with
    Russian forces. The village was liberated."): its own forces, named in the event's sentence or just
    before it, lead whoever the text names first."""
    a1 = event.actor1
    if a1 is None or here is None or (a1.kind == "state_forces" and a1.country == here):
        return
    own = event.actor2 if event.actor2 is not None and event.actor2.kind == "state_forces" \
        and event.actor2.country == here else next(
            (a for a in _candidates(cd, max(0, event.evidence.start - _LOOK_BACK), event.evidence.end,
                                    agents_only=False)
             if _force(a) and a.country == here), None)
    if own is not None:
        event.actor1, event.actor2 = _mark(own, "government-first"), a1


def _people_facing(cd: CodedDocument, event: Event) -> None:
    """A state's force in a fight whose only other party its sentence names is people ("a clash between
    police and miners"): the people are the other side (``settle`` makes it a riot)."""
    found = [a for a in _candidates(cd, event.evidence.start, event.evidence.end, agents_only=False)
             if a.entity != event.actor1.entity]
    if found and all(_role(a) == "social" or a.kind is None for a in found):
        people = next((a for a in found if _role(a) == "social"), None)
        if people is not None:
            event.actor2 = _mark(people, "facing")


def _weak(actor: Actor | None, event: Event) -> bool:
    """An actor1 worth replacing by a named armed party of the same sentence: a loose word ("members",
    "militants", "a group") in a violent event."""
    if actor is None or not _is_violent(event) or crowd_kind(event) is not None:
        return False
    if actor.entity is None:
        return True
    return _role(actor) in ("armed", "social", "victim", "crowd") and actor.entity != "generic:rioter"


def _dated(actor: Actor | None, date: str | None) -> None:
    """A named actor whose period excludes the event's date becomes the actor its name stood for then
    (the Taliban after 15 August 2021 are the forces of Afghanistan's de facto government)."""
    named = kb.named_by_id().get(actor.entity or "") if actor is not None else None
    if named is None:
        return
    then = kb.at(named, date)
    if then is not named:
        actor.name, actor.kind, actor.sector, actor.entity = then.name, then.kind, then.sector, then.id
        actor.country = then.country or actor.country
        _note(actor, "period")


def _owner_of_target(actor: Actor, here: str | None) -> Actor:
    """A thing of a state's force attacked ("a military base", "an army convoy", "a police station"): the
    force is the party attacked, as ACLED codes it; any other thing or place is left as it is."""
    if not (actor.rule or "").startswith("kb:place"):
        return actor
    for word in actor.text.split()[:-1]:
        owner = resolve_words(word)
        if _role(owner) == "state" and owner.entity is not None:
            force = _from_generic(owner.entity, owner.country or actor.country or here, "target-owner")
            force.text, force.span = actor.text, actor.span  # the words that name it stay the evidence
            return force
    return actor


def _acted_on(cd: CodedDocument, event: Event, here: str | None) -> None:
    """Fill actor2 where the event's sentence names the party acted on but the syntax around the trigger
    gave none: the first party in an object or passive-subject position other than actor1 ("three
    members of a self-defence force were killed", "ministers were arrested"), people being civilians."""
    if event.actor1 is None or event.actor2 is not None or not cd.text or _displacement(event):
        return  # people who flee or are moved are the first actor and the only one
    a1 = event.actor1
    for cand in _candidates(cd, event.evidence.start, event.evidence.end, agents_only=False, patients_only=True):
        if (cand.entity == a1.entity and cand.name == a1.name) or cand.span == a1.span or _inside(cand.span, a1.span):
            continue
        if (cand.rule or "").startswith(("kb:instrument", "kb:place")) or (cand.entity is None and cand.kind is None) \
                or (cand.rule == "kb:country" and not _is_violent(event)):
            # a weapon, a thing, a bare name the parser did not tag (towns more often than parties: "captured
            # Bulo Burde"), or a land named as a place ("talks in Libreville, the capital of Gabon")
            continue
        _localise(cand, here, Counter())
        if _role(cand) in _PEOPLE_ROLES and _is_violent(event):
            cand.kind = "civilians"
        event.actor2 = _mark(cand, "acted-on")
        return


def contextualise(cd: CodedDocument) -> None:
    """Pipeline stage after geo and dates (see the module docstring)."""
    story, countries = doc_countries(cd)
    gathered = functools.cache(functools.partial(_gathered, cd))  # a scan of the whole story: once
    for event in cd.events:
        loc = event.location
        here = kb.iso3(loc.country) if loc is not None and not _no_scene(loc) else None
        if here is not None and story is not None and countries[here] < countries[story]:
            # one place of another country among the story's ("Levoberezhny" read as a Russian town in a
            # report of Mariupol, Donetsk): the story's country is the scene
            here = story
        # actors may be shared between events by the coder: settle copies, one per event
        event.actor1 = replace(event.actor1) if event.actor1 is not None else None
        event.actor2 = replace(event.actor2) if event.actor2 is not None else None
        monitored = _is_observer(event.actor1) or any(
            _is_observer(a) for a in _candidates(cd, event.evidence.start, event.evidence.end))
        if event.actor1 is None or event.actor1.rule in ("kb:instrument", "kb:place") or (
                _is_observer(event.actor1) and _is_violent(event)):
            event.actor1 = _from_text(cd, event, named_only=False)
        elif event.actor1.text.lower() in _PRONOUNS:
            event.actor1 = _antecedent(cd, event) or event.actor1
        elif _owned_force(event.actor1):
            event.actor1 = _owner(cd, event)
        elif _weak(event.actor1, event):
            event.actor1 = _from_text(cd, event, named_only=True) or event.actor1
        if (event.actor1 is not None and event.actor1.entity is not None and event.actor1.entity.startswith("generic:")
                and _is_violent(event) and cd.text):
            event.actor1 = _blamed_next(cd, event) or event.actor1
        if _nobody(event.actor1) and _displacement(event) and (
                _nobody(event.actor2) or _role(event.actor2) in _PEOPLE_ROLES):
            if (people := _displaced(cd, event)) is not None:
                event.actor1, event.actor2 = people, None if people is event.actor2 else event.actor2
        if event.type in _CLAIMS and crowd_kind(event) is None and not _is_violent(event) \
                and event.actor1 is not None and event.actor1.entity is None and event.actor1.kind is None \
                and gathered():
            event.actor1 = _gatherers(event.actor1, here or story)
        sentence = event.evidence.of(cd.text) if cd.text else ""
        if event.acled_event_type == BATTLES and _force(event.actor1) and event.actor2 is None:
            _people_facing(cd, event)
        if event.actor1 is None and event.acled_event_type == BATTLES and not monitored:
            _target_first(cd, event, here or story, sentence)
        if event.actor1 is None and event.acled_event_type == BATTLES and not monitored:
            _state_against_rebels(cd, event, here or story)
        if here is None and story is None:
            here = _other_side(cd, event)
        date = event.when.date if event.when is not None else None
        _dated(event.actor1, date)
        _dated(event.actor2, date)
        settle(event, here or story, countries, sentence, monitored, cd.body or cd.text)
        if event.acled_sub_event_type == "Government regains territory":
            _government_first(cd, event, here or story)
        if event.actor2 is not None and _is_violent(event):
            event.actor2 = _owner_of_target(event.actor2, here or story)
        _acted_on(cd, event, here or story)
