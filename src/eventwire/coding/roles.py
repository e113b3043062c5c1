"""Who acts and who is acted on, read from the dependency parse around a trigger.

Active and passive voice, "clashes between X and Y", "clashed with Y", "X and Y clashed", relative
clauses ("militants who attacked"), coordination of verbs ("attacked the village and killed two")
nominal triggers ("Hifter's offensive", "airstrikes by eastern forces", "carried out an attack on"),
gerunds after a preposition ("accused Russia of deploying", "retook the town after shelling"), aims
("launched airstrikes targeting LAAF forces"), what was taken from whom ("captured the town from the
army") and attacks undergone ("the convoy came under fire from militants").
The result is a pair of noun-phrase spans; the actors package names them.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..lang.words import nouns
from ..nlp.tree import NOT_ACTORS, child, prep_object

SUBJECTS = ("nsubj", "csubj")
TARGET_PREPS = ("against", "on", "upon", "at", "into", "with", "toward", "towards")
RELATIVE = ("who", "which", "that", "whom")
#: "accused X of", "blamed X for", "charged X with", "stopped X from": X does what follows.
CONTROL_PREPS = ("of", "for", "with", "from")
PLACE_ENTITIES = ("GPE", "LOC", "FAC")
#: Participles after an attack noun that name what it was aimed at ("an IED targeting a convoy").
AIM_VERBS = ("target", "hit", "strike", "attack")


@dataclass
class Roles:
    actor1: Any = None  # spaCy Span of the acting party's noun phrase
    actor2: Any = None  # spaCy Span of the party acted on
    target: Any = None  # head token of what was acted on, even when it is a place (for victim classes)
    how: str = ""  # which construction gave the roles ("active", "passive", "between", ...)


def find(trigger: Any, symmetric: bool = False) -> Roles:
    """The roles of the event whose trigger is ``trigger`` (a spaCy Token). ``symmetric`` events
    ("clashed") may take their second party from a coordinated subject ("X and Y clashed")."""
    if trigger.pos_ == "VERB" or trigger.dep_ == "ROOT":
        a1, a2, how = _verbal(trigger, symmetric)
    else:
        a1, a2, how = _nominal(trigger)
    a2_head = a2
    if a1 is not None and a2 is not None and a1.i == a2.i:
        a2 = None
    return Roles(_np(a1), _np(a2), a2_head, how)


def _first_conj(tok: Any) -> Any:
    return child(tok, "conj")


def _subject(verb: Any) -> tuple[Any, bool]:
    """The subject of a verb and whether the verb is passive; climbs coordination and control."""
    seen = 0
    tok = verb
    while tok is not None and seen < 4:
        subj = child(tok, *SUBJECTS)
        if subj is not None:
            if subj.lower_ in RELATIVE and tok.dep_ == "relcl":
                return tok.head, False
            return subj, False
        pas = child(tok, "nsubjpass")
        if pas is not None:
            if pas.lower_ in RELATIVE and tok.dep_ == "relcl":
                return tok.head, True
            return pas, tok.i == verb.i
        if tok.dep_ == "relcl" or (tok.dep_ == "acl" and tok.tag_ == "VBG"):
            return tok.head, False  # "militants who attacked", "forces retaking a town"
        if tok.dep_ == "pcomp" and tok.head.lower_ in CONTROL_PREPS and tok.head.head.dep_ == "dobj":
            return tok.head.head, False  # "blamed a gang for attacking", the preposition read as the noun's
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX"):
            governor = tok.head.head  # "accused Russia of deploying": Russia deploys
            obj = child(governor, "dobj")
            if tok.head.lower_ in CONTROL_PREPS and obj is not None:
                return obj, False
            tok = governor  # "recaptured the town after launching airstrikes": the recapturers launch
            seen += 1
            continue
        if tok.dep_ == "advcl" and tok.tag_ == "VBG" and (controlled := _controlled(tok.head)) is not None:
            return controlled, False  # "accused Russia of shelling Kharkiv, killing two": Russia kills
        if tok.dep_ in ("conj", "xcomp", "advcl", "acomp") and tok.head.i != tok.i:
            tok = tok.head
            seen += 1
            continue
        break
    return None, False


def _controlled(verb: Any) -> Any:
    """The object that does the gerund after ``verb`` ("accused Russia of shelling" → Russia), or None."""
    obj = child(verb, "dobj")
    if obj is None:
        return None
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in CONTROL_PREPS and any(g.dep_ == "pcomp" and g.tag_ == "VBG"
                                                                  for g in c.children):
            return obj
    return None


def _aimed(verb: Any) -> Any:
    """What a participle of aiming hanging on ``verb`` or on its object names ("..., targeting LAAF
    forces", "launched airstrikes targeting LAAF forces"), or None."""
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    for c in (c for h in heads for c in h.children):
        if c.dep_ in ("advcl", "xcomp", "acl", "conj") and c.tag_ == "VBG" and c.lemma_.lower() in AIM_VERBS:
            return _aim_target(c)
    return None


def _aim_target(participle: Any) -> Any:
    """The object of "targeting"; the parser sometimes hangs it on the verb before ("launched airstrikes
    targeting forces": "forces" as a second object of "launched")."""
    obj = child(participle, "dobj")
    if obj is not None:
        return obj
    governor = participle.head.head if participle.dep_ == "acl" else participle.head
    return next((t for t in governor.children if t.dep_ == "dobj" and t.i > participle.i), None)


def _verbal(verb: Any, symmetric: bool) -> tuple[Any, Any, str]:
    pas_subj = child(verb, "nsubjpass")
    if pas_subj is not None or (verb.dep_ == "acl" and verb.tag_ == "VBN"):
        patient = pas_subj if pas_subj is not None else verb.head
        if patient is not None and patient.lower_ in RELATIVE and verb.dep_ == "relcl":
            patient = verb.head
        agent = prep_object(verb, ("by",))
        return agent, patient, "passive"
    subj, passive = _subject(verb)
    obj = child(verb, "dobj")
    how = "active"
    if obj is not None and obj.lemma_.lower() in nouns()["weapons"]:
        # "fired mortars at X", "opened fire on X": the target is X
        obj, how = prep_object(obj, TARGET_PREPS), "active-weapon"
    if obj is None:
        obj = prep_object(verb, TARGET_PREPS)
    if obj is None or is_place(obj):
        aimed = _aimed(verb)  # "shelled the outskirts, targeting militia positions"
        if aimed is None and verb.lemma_.lower() in nouns()["taking_verbs"]:
            aimed = prep_object(verb, ("from",))  # "captured the town from the army"
        if aimed is not None:
            obj, how = aimed, "aimed"
    if obj is None:
        for c in verb.children:  # "tortured and killed three civilians": a shared object
            if c.dep_ == "conj" and c.pos_ == "VERB" and child(c, "dobj") is not None:
                obj, how = child(c, "dobj"), "shared-object"
                break
    if obj is None and symmetric and subj is not None and not passive:
        other = _first_conj(subj)  # "X and Y clashed"
        if other is not None:
            obj, how = other, "coordinated"
    if passive:
        return None, subj, "passive"
    return subj, obj, how


def _nominal(noun: Any) -> tuple[Any, Any, str]:
    between = prep_object(noun, ("between", "among"))
    if between is not None:
        other = _first_conj(between)
        if other is not None:
            return between, other, "between"
        split = _split_modifiers(between)  # "between Ukrainian and Russian forces"
        if split:
            return split[0], split[1], "between"
    a1 = prep_object(noun, ("by", "from"))
    if a1 is None:
        a1 = child(noun, "poss")
    if a1 is None:
        for c in noun.children:  # "Russian airstrikes", "Taliban attack"
            if c.dep_ in ("amod", "compound", "nmod") and c.ent_type_ in ("NORP", "ORG", "GPE"):
                a1 = c
                break
    a2 = prep_object(noun, TARGET_PREPS)
    if a2 is None:  # "an IED targeting an army convoy", "a blast hitting a market"
        acls = [c for c in noun.children if c.dep_ == "acl"]  # "an IED, buried by the road, targeting ..."
        aim = next((c for c in acls + [j for c in acls for j in c.children if j.dep_ == "conj"]
                    if c.tag_ == "VBG" and c.lemma_.lower() in AIM_VERBS), None)
        a2 = _aim_target(aim) if aim is not None else None
    how = "nominal"
    head = noun.head
    if noun.dep_ in ("dobj", "attr") and head.lemma_.lower() in nouns()["light_verbs"]:
        subj, passive = _subject(head)  # "militants carried out an attack on ..."
        if a1 is None and not passive:
            a1, how = subj, "light-verb"
        if a2 is None:
            a2 = _aimed(head)  # "launched airstrikes targeting LAAF forces"
    elif noun.dep_ == "pobj" and head.lower_ == "under" and head.head.lemma_.lower() in nouns()["exposure"]:
        # "the convoy came under fire from militants": the subject underwent the attack
        undergoer, _ = _subject(head.head)
        a1 = a1 or prep_object(head.head, ("from", "by"))
        a2, how = undergoer, "undergone"
    elif noun.dep_ == "nsubj" and head.pos_ == "VERB":
        if a2 is None:  # "an airstrike killed five civilians"
            a2, how = child(head, "dobj"), "nominal-subject"
    elif noun.dep_ == "pobj" and head.dep_ == "agent":
        a2, how = child(head.head, "nsubjpass"), "nominal-agent"  # "were killed in an attack"
    return a1, a2, how


def _split_modifiers(head: Any) -> tuple[Any, Any] | None:
    for c in head.children:
        if c.dep_ == "amod":
            other = _first_conj(c)
            if other is not None:
                return c, other
    return None


def _np(head: Any) -> Any:
    """The noun phrase of a head token: its left modifiers, the head, and 'of ...' / name complements."""
    if head is None or head.ent_type_ in NOT_ACTORS or head.pos_ in ("VERB", "AUX", "ADP", "SCONJ"):
        return None
    doc = head.doc
    if head.dep_ == "amod" and head.head.pos_ in ("NOUN", "PROPN"):  # split modifier: "Ukrainian" of "... forces"
        if head.i < head.head.i and not any(t.dep_ == "cc" for t in doc[head.i + 1:head.head.i]):
            return doc[head.i:head.head.i + 1]
        return doc[head.i:head.i + 1]
    start = head.i
    for t in head.lefts:
        if t.dep_ in ("cc", "conj", "punct", "prep", "relcl", "acl", "advmod", "nummod", "quantmod"):
            continue
        start = min(start, t.left_edge.i)
    end = head.i + 1
    for c in head.rights:
        if c.dep_ in ("compound", "flat", "nummod") or (c.dep_ == "prep" and c.lower_ == "of") or \
                (c.dep_ == "prep" and c.lower_ in ("in", "for") and head.pos_ == "PROPN"):
            end = max(end, c.right_edge.i + 1)
        else:
            break
    while start < end and (doc[start].is_punct or doc[start].dep_ == "cc"):
        start += 1
    while end > start and doc[end - 1].is_punct:
        end -= 1
    return doc[start:end] if end > start else None


def is_happening(head: Any) -> bool:
    """An event or a state of affairs named as if it acted: "the battle for Tripoli", "the new round of
    talks", "the 2011 uprising" (nouns.json: happenings, happening_measures)."""
    if head is None or head.pos_ != "NOUN":
        return False
    n = nouns()
    lemma = head.lemma_.lower()
    if lemma in n["happenings"] or head.lower_ in n["happenings"]:
        return True
    measured = prep_object(head, ("of",)) if lemma in n["happening_measures"] else None
    return measured is not None and is_happening(measured)


def is_equipment(head: Any) -> bool:
    """Machines and arms ("fighter planes", "14 aircraft", "weapons"), not a party."""
    lemma = head.lemma_.lower()
    return lemma in nouns()["equipment"] or lemma in nouns()["weapons"]


def is_place(head: Any) -> bool:
    """A participant that is a place, not a party ("shelled Severodonetsk", "captured the town")."""
    return head.ent_type_ in PLACE_ENTITIES or head.lemma_.lower() in nouns()["place_heads"]


def noun_class(head: Any) -> str | None:
    """'armed', 'civilian' or None for a participant's head word; proper names of armed groups count."""
    if head is None:
        return None
    lemma = head.lemma_.lower()
    words = {lemma, head.lower_}
    mods = [c for c in head.children if c.dep_ in ("compound", "amod")]
    mods += [g for c in mods for g in c.children if g.dep_ == "amod"]  # "a civilian school guard"
    modifiers = {c.lemma_.lower() for c in mods}
    words |= modifiers
    n = nouns()
    if modifiers & n["unarmed"]:  # "a civilian guard", "unarmed police"
        return "civilian"
    if words & n["armed"]:
        return "armed"
    if lemma in n["civilian"]:
        return "civilian"
    inside = {t.lemma_.lower() for t in head.subtree}  # "a bus station with civilians"
    if inside & n["armed"]:
        return None
    return "civilian" if inside & n["civilian"] - {"house", "home", "car", "vehicle", "building"} else None
