"""The event coder: trigger lexicons applied to the spaCy parse, roles from the syntax, ACLED refinement.

For every sentence of every segment: find the lexicon triggers, read actor1/actor2 from the parse,
refine the ACLED sub-event by cue words (weapons, victims, police intervention, territory), ask
modality for status and source and fatalities for deaths, and score a confidence that puts the
event the report is about first: strong triggers, main clauses and early sentences rank high; a
trigger governed by another ("agreed to *withdraw*", "accused Russia of *deploying*") ranks low.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .. import actors
from ..lang.acled import EXPLOSIONS, acled_types, plover_modes
from ..lang.triggers import Entry, phrase
from ..lang.words import nouns, relation_verbs
from ..model import Actor, CodedDocument, Event, Span
from ..nlp.tree import is_crowd, many_gather
from . import fatalities, modality, roles
from .lexicon import Hit, contains, headers, lexicon, rules

#: ACLED notes often open with a category label: "Interception: On 8 April ...".
HEADER = re.compile(r"\s*([A-Z][A-Za-z ,/\-]{2,50}):\s")
NOTE_SENTENCES = 4  # a segment this short is one report: cues anywhere in it refine its events
MORE_SENTENCES = 3  # how far after an event's figure "two more were killed" still adds to it
WILL = {"will", "would", "'ll", "shall"}
MUST = {"must", "should"}
READY = ("willing", "ready", "prepared", "offer", "promise", "pledge", "commit", "vow")
COOPERATIVE = ("AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT")
HOSTILE = ("ASSAULT", "COERCE", "SANCTION", "PROTEST", "REJECT", "MOBILIZE", "ACCUSE")
VIOLENT_TYPES = ("ASSAULT", "PROTEST", "COERCE")
VOICED = ("REQUEST", "ACCUSE", "REJECT", "SUPPORT")  # what a crowd says: a protest's content
DEPTH_BONUS = {0: 0.08, 1: 0.04, 2: 0.0}
DEEP = -0.04
GOVERNED = 0.14  # "agreed to *withdraw*": the governing trigger is the event the sentence reports
TOLL = "toll"  # marks a casualty trigger that reports another trigger's deaths
POLICED = 0.1  # a protest the police dispersed is the event, whatever the clause that tells it
EXISTENTIAL = 0.05  # "There was an armed clash in X": the sentence exists to state the event
BESIDE_FIGHTING = 0.2  # shelling a report tells beside ground fighting ranks below the fighting (ACLED: a battle)
LOW_STATUS = {"hypothetical": 0.25, "negated": 0.3, "denied": 0.15, "future": 0.1, "claimed": 0.0, "asserted": 0.0}


@dataclass
class Candidate:
    """An event in the making, before actors are named."""

    hit: Hit
    sent: Any
    sent_index: int
    segment: Any
    type: str
    mode: str | None
    acled: str | None
    rule: str
    roles: roles.Roles = field(default_factory=roles.Roles)
    weight: float = 0.5


def code_events(cd: CodedDocument) -> None:
    """Fill ``cd.events`` from every segment of the parsed document."""
    for seg in cd.segments:
        cd.events.extend(code_segment(seg, wire=cd.dateline is not None))


def code_segment(seg: Any, wire: bool = False) -> list[Event]:
    """The events of one segment. A short segment is read as one report (a monitor's note: a toll or a
    victim anywhere in it belongs to its events), unless it is a ``wire`` story (one with a dateline),
    whose sentences may each tell another incident."""
    sents = list(seg.doc.sents)
    note = seg.doc if len(sents) <= NOTE_SENTENCES and not wire else None
    label = _header(seg)
    per_sentence = []
    for si, sent in enumerate(sents):
        cands = [c for c in (_candidate(h, sent, si, seg) for h in lexicon().find(sent)) if c is not None]
        per_sentence.append(cands)
    if note is not None:  # a short report: victims named in any sentence tell what kind of violence it was
        _refine_victims([c for cands in per_sentence for c in cands], note)
    else:
        for sent, cands in zip(sents, per_sentence):
            _refine_victims(cands, sent)
    events: list[Event] = []
    fought = note is not None and any(_fight_told(c) for cands in per_sentence for c in cands)
    for si, (sent, cands) in enumerate(zip(sents, per_sentence)):
        cands.extend(_voiced_protests(cands))
        _policing_below_protest(cands)
        for c in cands:
            _refine(c, note)
            if fought and acled_types().get(c.acled or "") == EXPLOSIONS:
                c.weight -= BESIDE_FIGHTING
        cands.extend(_commitments(cands))
        if label is not None and si == label[2]:
            cands.insert(0, _labelled(label, sent, si, seg, cands))
        trigger_ids = {c.hit.trigger.i: c.type for c in cands}
        for c in cands:  # "staged a protest ... alleging": the light verb stands for its event noun
            t = c.hit.trigger
            if t.dep_ in ("dobj", "attr") and t.head.lemma_.lower() in nouns()["light_verbs"]:
                trigger_ids.setdefault(t.head.i, c.type)
        seen: set[tuple] = set()
        cands = _without_attacked_units(cands)
        _toll_below_its_event(cands, trigger_ids)
        _alleged_violence(cands, trigger_ids)
        _damage_below_its_cause(cands)
        made = [(c, _event(c, sents, si, trigger_ids, note is not None)) for c in cands]
        _share_deaths(made)
        for c, ev in made:
            key = (ev.type, ev.acled_sub_event_type, ev.actor1.name if ev.actor1 else None)
            if key in seen:
                continue
            seen.add(key)
            events.append(ev)
    return events


def _share_deaths(made: list[tuple[Candidate, Event]]) -> None:
    """ "A car bomb killed eleven people": the deaths counted at "killed" are the bombing's deaths."""
    counts = [ev.fatalities for c, ev in made if c.hit.entry.casualty and ev.fatalities is not None]
    if not counts:
        return
    for c, ev in made:
        if ev.fatalities is None and _violent(c):  # a peaceful protest does not inherit a remembered massacre
            ev.fatalities = min(counts)  # ACLED: the most conservative figure


def _voiced_protests(cands: list[Candidate]) -> list[Candidate]:
    """What a protest says is its content: "workers gathered to demand wages", "protesters denounced
    the decision" report a protest (ACLED, PLOVER), and beside a protest trigger ("staged a protest
    alleging ...") the demand, accusation or refusal ranks below it."""
    protest = any(_protest_trigger(c) for c in cands)
    n = nouns()
    out = []
    for c in cands:
        if c.type not in VOICED:
            continue
        if protest:
            c.weight -= GOVERNED
            continue
        trig = c.hit.trigger
        gathering = _gathering_above(trig)
        agent = c.roles.actor1
        by_protesters = agent is not None and any(t.lemma_.lower() in n["protesters"] for t in agent)
        if gathering is None and not by_protesters:
            continue
        anchor = gathering if gathering is not None else trig
        entry = Entry(id="protest.voiced", type="PROTEST", words=(), pos=frozenset(), mode="demo",
                      acled="Peaceful protest", weight=c.weight + 0.04, family="protest")
        out.append(Candidate(hit=Hit(entry, (anchor,), anchor), sent=c.sent, sent_index=c.sent_index,
                             segment=c.segment, type="PROTEST", mode="demo", acled=entry.acled,
                             rule=f"protest.voiced:{c.rule}", roles=c.roles, weight=entry.weight))
        c.weight -= GOVERNED
    return out


def _gathering_above(trig: Any) -> Any:
    """The gathering whose purpose or sequel the voiced act is ("gathered to demand", "gathered ... and
    condemned", "gathered to file an appeal"): a verb of gathering, with no object, done by many."""
    n = nouns()
    tok, steps = trig, 0
    while tok.dep_ in ("advcl", "xcomp", "conj", "acl", "dobj") and tok.head.i != tok.i and steps < 3:
        tok, steps = tok.head, steps + 1
        if tok.pos_ == "VERB" and tok.lemma_.lower() in n["gathering"]:
            return tok if many_gather(tok) else None
    return None


def _policing_below_protest(cands: list[Candidate]) -> None:
    """ "Police fired tear gas to disperse stone-pelting workers": the crowd's protest or riot is the
    event ACLED and PLOVER report, the policing is its intervention."""
    force = [c for c in cands if c.type == "ASSAULT"]
    if not force or not any(_protest_trigger(c) for c in cands):
        return
    control = next(r.cues for r in rules() if r.id == "protest.intervention")
    if not contains(cands[0].sent, control):
        return
    for c in cands:  # the policing is often the main clause, the crowd's act a relative clause
        if c.type == "ASSAULT":
            c.weight -= GOVERNED
        elif _protest_trigger(c):
            c.weight += POLICED


def _protest_trigger(c: Candidate) -> bool:
    """A protest or riot told by its own word, not violence recoded as a riot."""
    return c.type == "PROTEST" and c.hit.entry.family in ("protest", "riot")


def _toll_below_its_event(cands: list[Candidate], trigger_ids: dict[int, str]) -> None:
    """ "Two men were killed in a clash between farmer groups": the clash is the event, the deaths its
    toll; the casualty verb governs the clash in the parse, but no longer outranks it."""
    clashes = {c.hit.trigger.i for c in cands if c.hit.entry.id == "assault.clash"}
    for c in cands:
        if not c.hit.entry.casualty:
            continue
        trig = c.hit.trigger
        # only a two-sided fight: in "killed in a drive-by shooting" the victim tells the attack's kind
        inside = [o for p in trig.children if p.dep_ == "prep" and p.lower_ in ("in", "during")
                  for o in p.children if o.dep_ == "pobj" and o.i in clashes]
        if inside:
            c.weight -= GOVERNED
            trigger_ids[trig.i] = TOLL  # what it governs is not its own subordinate act


def _alleged_violence(cands: list[Candidate], trigger_ids: dict[int, str]) -> None:
    """ "Police are accused of assaulting a taxi driver": an accusation no one is named as making reports
    the violence, which ACLED codes (its doer from the passive subject); the accusation ranks below it."""
    for c in cands:
        trig = c.hit.trigger
        if c.type != "ACCUSE" or trig.pos_ != "VERB" or not any(k.dep_ == "nsubjpass" for k in trig.children) \
                or any(k.dep_ == "agent" for k in trig.children):
            continue
        acts = {g.i for p in trig.children if p.dep_ == "prep" and p.lower_ in ("of", "for")
                for g in p.children if g.dep_ == "pcomp"}
        if any(v.type == "ASSAULT" and v.hit.trigger.i in acts for v in cands):
            c.weight -= GOVERNED
            trigger_ids[trig.i] = TOLL  # what it governs is not its own subordinate act


def _damage_below_its_cause(cands: list[Candidate]) -> None:
    """ "Airstrikes damaged a factory", "houses were destroyed by the shelling": destruction done by an
    attack is the attack's effect; the attack is the event."""
    attacks = {c.hit.trigger.i for c in cands if c.hit.entry.family in ("violence", "blast")}
    for c in cands:
        if c.hit.entry.family == "property" and c.roles.actor1 is not None and c.roles.actor1.root.i in attacks:
            c.weight -= GOVERNED


def _without_attacked_units(cands: list[Candidate]) -> list[Candidate]:
    """ "Rebels ambushed a supply convoy", "an attack on a patrol": a unit on the move that is attacked is
    the attack's target, not a deployment of its own."""
    attacks = {c.hit.trigger.i for c in cands if c.type == "ASSAULT"}

    def attacked(t: Any) -> bool:
        head = t.head.head if t.dep_ == "pobj" and t.head.lower_ in ("on", "against", "upon") else t.head
        return t.dep_ in ("dobj", "nsubjpass", "pobj") and head.i != t.i and head.i in attacks

    return [c for c in cands if not (c.type == "MOBILIZE" and c.hit.trigger.pos_ == "NOUN"
                                     and attacked(c.hit.trigger))]


def _fight_told(c: Candidate) -> bool:
    """An armed clash the report names by its word ("clashed", "fighting", "a battle"), not one inferred
    from fire or an attack."""
    return c.hit.entry.id == "assault.clash" and c.acled == "Armed clash" \
        and c.hit.trigger.lemma_.lower() in nouns()["combat"]


def _violent(c: Candidate) -> bool:
    """Armed violence, recoded as a riot or not: the events whose deaths a report counts. A protest's
    own word rarely carries deaths; those in its report are often what it protests against."""
    return c.type == "ASSAULT" or (c.mode == "riot" and c.hit.entry.family in ("violence", "blast"))


def _commitments(cands: list[Candidate]) -> list[Candidate]:
    """What PLOVER codes a stated action as: a promise ("will release", "is willing to withdraw") is
    AGREE, a menace ("would boycott", "ready to attack") THREATEN, "X must do" a REQUEST and a
    cooperative act refused ("will not accept") a REJECT. The action itself stays, ranked below."""
    out = []
    for c in cands:
        trig = c.hit.trigger
        if trig.pos_ != "VERB":
            continue
        aux = {a.lower_ for a in trig.children if a.dep_ == "aux"}
        negated = any(a.dep_ == "neg" for a in trig.children)
        ready = trig.dep_ == "xcomp" and trig.head.lemma_.lower() in READY
        if negated and c.type in COOPERATIVE:
            kind = "REJECT"  # "will not accept", "did not agree to meet"
        elif c.type in ("AGREE", "THREATEN", "REQUEST", "REJECT"):
            continue
        elif aux & MUST:
            kind = "REQUEST"  # "Iraq must cooperate": a demand on the one who must
        elif (aux & WILL or ready) and not negated:
            kind = "THREATEN" if c.type in HOSTILE else "AGREE"
        else:
            continue
        entry = Entry(id=f"{kind.lower()}.commitment", type=kind, words=(), pos=frozenset(), mode=None,
                      acled="Agreement" if kind == "AGREE" else None, weight=c.weight + 0.04, family="fixed")
        out.append(Candidate(hit=Hit(entry, c.hit.tokens, trig), sent=c.sent, sent_index=c.sent_index,
                             segment=c.segment, type=kind, mode=None, acled=entry.acled,
                             rule=f"{entry.id}:{c.rule}", roles=c.roles, weight=entry.weight))
    return out


def _header(seg: Any) -> tuple[dict, Span, int] | None:
    """The note's category label, as (coding, character span in the segment, sentence index)."""
    m = HEADER.match(seg.text)
    if not m:
        return None
    name = m.group(1).strip().lower()
    coding = headers().get(name)
    if coding is None:
        return None
    start, end = m.start(1), m.end(1)
    for si, sent in enumerate(seg.doc.sents):
        if sent.end_char > end:
            return coding, Span(start, end), si
    return None


def _candidate(hit: Hit, sent: Any, si: int, seg: Any) -> Candidate | None:
    e: Entry = hit.entry
    if _denied_existence(hit.trigger):
        return None
    if _idle_engage(hit.trigger) or _left_in_a_state(hit.trigger) or _intercepted_no_weapon(hit):
        return None
    if _backing_described(hit.trigger):
        return None
    r = roles.find(hit.trigger, symmetric=e.id == "assault.clash")
    if _happening_agent(hit.trigger, r) and e.type not in VIOLENT_TYPES and r.how != "passive":
        return None  # "the battle has threatened to plunge Libya into chaos": no one threatens
    c = Candidate(hit=hit, sent=sent, sent_index=si, segment=seg, type=e.type, mode=e.mode, acled=e.acled,
                  rule=e.id, roles=r, weight=e.weight)
    if e.family in ("violence", "blast", "territory") and r.actor2 is not None and roles.is_place(r.actor2.root):
        r.actor2 = None  # "shelled Severodonetsk": a place, located by geo, not a party
    if e.type not in VIOLENT_TYPES and r.actor2 is not None and roles.is_equipment(r.actor2.root):
        r.actor2 = None  # "deployed fighter planes": what is moved, no party (a downed jet stands for its force)
    if e.id == "assault.capture" and hit.trigger.lemma_.lower() == "capture" and r.target is not None \
            and r.target.ent_type_ not in ("PERSON", "ORG") and not roles.is_place(r.target):
        return None  # "captured soldiers", "captured weapons": not territory (a village may be tagged PERSON)
    return c


def _backing_described(trigger: Any) -> bool:
    """ "Turkish-backed militias", "militias allied with the government": a participle of backing that
    describes a party tells who stands behind it (a relation, relations.py), no event of the day."""
    return trigger.dep_ in ("amod", "acl") and trigger.tag_ == "VBN" and trigger.lemma_.lower() in relation_verbs()


def _happening_agent(trigger: Any, r: roles.Roles) -> bool:
    """A verb whose doer is an event or a state of affairs ("the new round of talks would allow", "the
    uprising that killed Gadhafi", "displaced by the conflict"): no party acts. Violence so told and what
    befell those it was done to ("displaced by") keep their event and take the party the words name ("the
    Boko Haram conflict"), else one from context; any other event with such a subject is none."""
    return trigger.pos_ == "VERB" and r.actor1 is not None and roles.is_happening(r.actor1.root)


def _idle_engage(trigger: Any) -> bool:
    """ "Workers engaged in mining": 'engage' reports fighting only with an opponent or a combat noun."""
    if trigger.lemma_.lower() != "engage" or any(c.dep_ == "dobj" for c in trigger.children):
        return False
    objs = [o for p in trigger.children if p.dep_ == "prep" and p.lower_ in ("in", "with")
            for o in p.children if o.dep_ == "pobj"]
    return not any(o.lemma_.lower() in nouns()["combat"] or _opponent(o) for o in objs)


def _left_in_a_state(trigger: Any) -> bool:
    """ "The clashes left 16 dead", "left two civilians injured": 'leave' tells what an event did to
    people, not a withdrawal."""
    if trigger.lemma_.lower() != "leave":
        return False
    near = [*trigger.children, *(g for c in trigger.children if c.dep_ == "dobj" for g in c.children)]
    return any(t.lemma_.lower() in nouns()["result_states"] or t.lower_ in nouns()["result_states"] for t in near)


def _intercepted_no_weapon(hit: Hit) -> bool:
    """ "Gunmen intercepted a vehicle": only a weapon intercepted (a missile, a drone, an arms shipment) is
    disrupted weapons use; a car or a convoy stopped on the road is the start of an attack."""
    trig = hit.trigger
    if hit.entry.family != "disrupt" or trig.lemma_.lower() != "intercept":
        return False
    objects = [o for o in trig.children if o.dep_ in ("dobj", "nsubjpass")]
    words = {t.lemma_.lower() for o in objects for t in (o, *o.children) if t.dep_ in ("dobj", "nsubjpass", "compound")}
    return bool(objects) and not words & nouns()["weapons"]


def _opponent(obj: Any) -> bool:
    """ "engaged with the militants": an opponent."""
    return obj.head.lower_ == "with" and obj.pos_ in ("NOUN", "PROPN")


def _denied_existence(trigger: Any) -> bool:
    """ "No fighting took place", "taken without fighting": the text says the event did not happen."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in trigger.children):
        return True
    return trigger.dep_ == "pobj" and trigger.head.lower_ in ("without", "whether")


def _refine_victims(cands: list[Candidate], scope: Any) -> None:
    """Armed violence against civilians is an ACLED Attack; between armed parties a clash; by crowds, riots."""
    classes = [roles.noun_class(c.roles.target) for c in cands if c.hit.entry.family in ("violence", "blast")]
    if contains(scope, _off_duty()):
        classes = ["civilian" if k == "armed" else k for k in classes]  # ACLED: off-duty forces are civilians
    civilian = "civilian" in classes and "armed" not in classes
    armed = "armed" in classes
    for c in cands:
        agent = c.roles.actor1.root if c.roles.actor1 is not None else None
        if c.acled == "Non-state actor overtakes territory" and is_crowd(agent) \
                and roles.noun_class(agent) != "armed":
            # "workers occupied the factory": people who occupy a place to press a demand protest (a sit-in)
            c.acled, c.type, c.mode = "Peaceful protest", "PROTEST", "demo"
            c.rule += "+agent:crowd"
            continue
        if c.hit.entry.family not in ("violence", "blast", "property"):
            continue
        if c.hit.entry.id == "assault.clash" and c.acled == "Armed clash" and _unarmed_clash(c):
            continue
        own = roles.noun_class(c.roles.target)
        if c.acled == "Armed clash" and civilian and (c.hit.entry.id != "assault.clash" or own == "civilian"):
            # a clash is fought between armed sides: only its own civilian opponent makes it an attack
            c.acled, c.rule = "Attack", c.rule + "+victim:civilian"
        elif c.acled == "Attack" and armed:
            c.acled, c.rule = "Armed clash", c.rule + "+victim:armed"
        if c.acled in ("Armed clash", "Attack", "Looting/property destruction") and is_crowd(agent) \
                and roles.noun_class(agent) != "armed":
            c.acled, c.type, c.mode = "Mob violence", "PROTEST", "riot"
            c.rule += "+agent:crowd"


def _unarmed_clash(c: Candidate) -> bool:
    """ACLED counts fights of unorganised people as riots: villagers or party youths against each other
    are mob violence, a crowd against the police a violent demonstration."""
    sides = [s.root for s in (c.roles.actor1, c.roles.actor2) if s is not None]
    # a common noun of no known class is a thing ("threw acid"), no side; a name may be an armed group
    classes = [k for h in sides if (k := _side_class(h)) is not None or h.pos_ == "PROPN" or h.ent_type_]
    if "armed" in classes and "people" in classes:  # "Palestinians clashed with Israeli forces"
        classes = ["crowd" if k == "people" else k for k in classes]
    if "crowd" not in classes and "civilian" not in classes:
        return False
    if "armed" in classes:
        c.acled, c.rule = "Violent demonstration", c.rule + "+sides:crowd-armed"
    elif None not in classes:  # a named armed group ("Imbonerakure") is no crowd
        c.acled, c.rule = "Mob violence", c.rule + "+sides:unarmed"
    else:
        return False
    c.type, c.mode = "PROTEST", "riot"
    return True


def _side_class(head: Any) -> str | None:
    """A clash side as 'crowd', 'armed', 'civilian', 'people' (a people or nationals, a crowd only
    against armed forces) or None (a named group)."""
    lemma = head.lemma_.lower()
    if is_crowd(head) or lemma in nouns()["protesters"]:
        return "crowd"
    kind = roles.noun_class(head)
    if kind is None and lemma == "group" and head.tag_ == "NNS" and not any(
            c.lower_ in ("armed", "militant", "rebel", "terrorist") for c in head.children):
        return "crowd"  # "two village groups clashed": groups with no arms named
    if kind is None and (head.ent_type_ == "NORP" and head.tag_ == "NNPS" or lemma == "national"):
        return "people"
    return kind


def _off_duty() -> tuple:
    return tuple(phrase(w) for w in sorted(nouns()["off_duty"]))


def _refine(c: Candidate, note: Any) -> None:
    """The first cue rule of refine.json that applies to the candidate's family and current sub-event."""
    family = c.hit.entry.family
    for rule in rules():
        if family not in rule.families or (rule.when_sub is not None and c.acled not in rule.when_sub):
            continue
        scope = note if (rule.scope in ("note", "report") and note is not None) else c.sent
        if rule.acled == c.acled:
            if rule.scope == "report" and contains(scope, rule.cues) and not contains(scope, rule.unless):
                return  # the report settles it: no weapon cue may change it
            continue
        if rule.scope != "report" and not c.hit.entry.generic and family in ("violence", "blast"):
            # a specific trigger ("shelled", "airstrikes") keeps its weapon unless its own actor names
            # another ("the air force shelled"): cues elsewhere in the sentence belong to other events
            scope = c.roles.actor1
            if scope is None:
                continue
        if contains(scope, rule.cues) and not contains(scope, rule.unless):
            c.acled = rule.acled
            if rule.type:
                c.type = rule.type
            if rule.mode in plover_modes()[c.type]:
                c.mode = rule.mode
            c.rule += f"+{rule.id}"
            return


def _labelled(label: tuple[dict, Span, int], sent: Any, si: int, seg: Any, cands: list[Candidate]) -> Candidate:
    """The event a note's category label names; its roles come from the sentence's strongest trigger."""
    coding, span, _ = label
    doc = seg.doc
    tok = doc.char_span(span.start, span.end, alignment_mode="expand")
    trigger = tok.root if tok is not None else sent.root
    best = max(cands, key=lambda c: c.weight, default=None)
    entry = Entry(id="header", type=coding["type"], words=(), pos=frozenset(), mode=coding.get("mode"),
                  acled=coding.get("acled"), weight=0.95, family="fixed")
    hit = Hit(entry, (trigger,), best.hit.trigger if best else sent.root)
    c = Candidate(hit=hit, sent=sent, sent_index=si, segment=seg, type=entry.type, mode=entry.mode,
                  acled=entry.acled, rule=f"header:{span.of(doc.text).lower()}", weight=0.95)
    c.roles = best.roles if best else roles.Roles()
    return c


def _event(c: Candidate, sents: list[Any], si: int, trigger_ids: dict[int, str], note: bool = False) -> Event:
    seg, sent, trig = c.segment, c.sent, c.hit.trigger
    off = seg.offset
    actor1, actor2 = _actor(c.roles.actor1, off), _actor(c.roles.actor2, off)
    if actor1 is not None and actor1.entity is None and _happening_agent(trig, c.roles):
        actor1 = None  # "the 2011 uprising that killed ...", not "the Boko Haram conflict"
    parties = [w for a in (actor1, actor2) if a is not None for w in (a.name, a.text) if w]
    mod = modality.assess(trig, sent, parties)
    status = mod.status or "asserted"
    if ".commitment" in c.rule and (status in ("future", "negated") or (
            status == "hypothetical" and (mod.cue or "").lower() in READY)):
        status = "asserted"  # the promise (or refusal) is made now; the action is what lies ahead or not
    killed = None
    if c.type in VIOLENT_TYPES:
        killed = _fatalities(trig, sent, sents, si)
        if killed is None and _violent(c) and note:
            # a short report tells one incident: a figure anywhere in it is this event's toll
            killed = fatalities.first_in(sents).killed
    tokens = c.hit.tokens
    t_start = min(t.idx for t in tokens)
    t_end = max(t.idx + len(t) for t in tokens)
    acled = c.acled
    ev = Event(
        type=c.type, mode=c.mode,
        evidence=evidence_span(sent, off),
        trigger=Span(off + t_start, off + t_end),
        rule=c.rule,
        acled_event_type=acled_types().get(acled) if acled else None,
        acled_sub_event_type=acled,
        actor1=actor1,
        actor2=actor2,
        fatalities=killed,
        status=status,  # type: ignore[arg-type]
        attribution=mod.attribution,
        attribution_span=_span(mod.attribution_span, off),
        from_caption=seg.kind == "caption",
    )
    if c.hit.entry.family == "territory":
        _territory_by_kind(ev)
    ev.confidence = _confidence(c, status, trigger_ids)
    return ev


def _fatalities(trig: Any, sent: Any, sents: list[Any], si: int) -> int | None:
    """Deaths in the trigger's sentence, else in the next sentences that only report harm ("3 died."),
    with those the sentences after add to them ("Two more died later.")."""
    found = fatalities.count(trig, sent).killed
    for nxt in sents[si + 1:si + 3]:
        if found is not None:
            break
        hits = lexicon().find(nxt)
        if any(not h.entry.casualty for h in hits):
            break
        found = fatalities.count(hits[0].trigger if hits else nxt.root, nxt).killed
        si += 1
    return found + fatalities.more_in(sents[si + 1:si + 1 + MORE_SENTENCES]) if found else found


def _territory_by_kind(ev: Event) -> None:
    """ACLED: territory regained by government forces vs taken by a non-state (or foreign) actor.
    The verb decides by default ("recaptured" -> government); a known non-state actor overrides it."""
    kind = ev.actor1.kind if ev.actor1 else None
    if ev.acled_sub_event_type == "Government regains territory" and kind in (
            "rebels", "political_militia", "identity_militia", "external"):
        ev.acled_sub_event_type = "Non-state actor overtakes territory"
        ev.rule += "+actor:non-state"


def _confidence(c: Candidate, status: str, triggers: dict[int, str]) -> float:
    trig = c.hit.trigger
    score = c.weight
    carried = _carried_noun(trig)
    depth, governor = 0, None
    tok = trig
    while tok.head.i != tok.i and depth < 8:
        # a light verb above its event noun is the noun's own verb, no other event governing it
        if tok.dep_ != "conj" and tok.head.i in triggers and governor is None and not (carried and tok.i == trig.i):
            governor = triggers[tok.head.i]
        tok = tok.head
        depth += 1
    if carried:  # "carried out an attack", "there was a clash": the noun is as deep as its verb
        depth -= 1
    if _existential(trig):
        score += EXISTENTIAL
    territory = c.hit.entry.family == "territory"
    # the main clause carries the reported event; a change of territory is news wherever it is said
    score += max(DEPTH_BONUS.get(depth, DEEP), 0.0) if territory else DEPTH_BONUS.get(depth, DEEP)
    if territory:
        score += 0.05  # ACLED: a change of territory is what a report of fighting and gains is about
    if governor not in (None, TOLL) and not c.rule.startswith("header") and not (territory and governor == "ASSAULT"):
        score -= GOVERNED
    if trig.pos_ not in ("VERB",) and not carried:
        score -= 0.03
    score -= min(0.05 * c.sent_index, 0.2)
    score -= LOW_STATUS.get(status, 0.0)
    if c.segment.kind == "caption":
        score -= 0.1
    return max(0.05, min(0.99, score))


def _carried_noun(trig: Any) -> bool:
    """An event noun whose verb only carries it: "carried out an attack", "staged a protest", "there was a
    clash" (the object or attribute of a light verb, or the subject of an existential "there be")."""
    head = trig.head
    if head.i == trig.i:
        return False
    return trig.dep_ in ("dobj", "attr") and head.lemma_.lower() in nouns()["light_verbs"] or _existential(trig)


def _existential(trig: Any) -> bool:
    """ "There was an armed clash", "there were explosions": the sentence exists to state the event."""
    head = trig.head
    return trig.dep_ in ("attr", "nsubj") and head.i != trig.i and head.lemma_ == "be" \
        and any(c.dep_ == "expl" for c in head.children)


def _actor(span: Any, offset: int) -> Actor | None:
    if span is None or not span.text.strip():
        return None
    return actors.resolve_span(span, offset)


def evidence_span(sent: Any, offset: int) -> Span:
    """The sentence's characters without the blanks around it: the clean stage blanks boilerplate
    in place and spaCy keeps leading whitespace in the sentence that follows."""
    text = sent.text
    start = sent.start_char + len(text) - len(text.lstrip())
    end = sent.start_char + len(text.rstrip())
    return Span(offset + start, offset + max(end, start))


def _span(span: Any, offset: int) -> Span | None:
    if span is None:
        return None
    return Span(offset + span.start_char, offset + span.end_char)
