"""Reading the dependency tree: a token's child by relation, its prepositional object, and whether a
phrase tells of a crowd. Shared by the coder (who acts) and the actors stage (who the crowd is)."""
from __future__ import annotations

from typing import Any

from ..lang.words import nouns

#: Entities that stand after a preposition without being a party ("on 16 March", "for 3 hours").
NOT_ACTORS = ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY")


def child(tok: Any, *deps: str) -> Any:
    """The first child of ``tok`` attached by one of ``deps``, or None."""
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def prep_object(tok: Any, preps: tuple[str, ...]) -> Any:
    """The object of a preposition of ``preps`` hanging on ``tok`` ("attacked by [militants]"), or None."""
    for c in tok.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in preps:
            obj = child(c, "pobj")
            if obj is not None and obj.ent_type_ not in NOT_ACTORS:  # not "on 16 March"
                return obj
    return None


def is_crowd(head: Any) -> bool:
    """A crowd of unorganised people ("villagers", "a mob", "a group of youths"), whose violence ACLED
    counts as riots."""
    if head is None:
        return False
    if head.lemma_.lower() in ("group", "member", "band", "gang"):
        head = prep_object(head, ("of",))  # "a group of youths": the youths tell who
        if head is None:
            return False
    return head.lemma_.lower() in nouns()["crowd"] and head.tag_ in ("NNS", "NN") \
        and (head.tag_ == "NNS" or head.lemma_.lower() in ("mob", "crowd", "community"))


def many_gather(verb: Any) -> bool:
    """ "Residents gathered", "hundreds came": people gather; "the minister came", "police gathered evidence"
    tell of no crowd."""
    if any(o.dep_ == "dobj" for o in verb.children):
        return False
    subject = next((s for s in verb.children if s.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return True
    people = nouns()["civilian"] | nouns()["crowd"] | nouns()["protesters"]
    return subject.tag_ in ("NNS", "NNPS", "CD") or is_crowd(subject) or subject.lemma_.lower() in people
