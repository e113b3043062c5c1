"""Word classes several stages read: noun classes, reporting verbs, vague counts, backer verbs."""
from __future__ import annotations

import functools

from . import load


@functools.lru_cache(maxsize=None)
def nouns() -> dict[str, frozenset[str]]:
    """Noun (and verb) classes by name ("crowd", "weapons", "gathering", "collectives", ...)."""
    return {k: frozenset(v) for k, v in load("coding/nouns.json").items() if not k.startswith("_")}


@functools.lru_cache(maxsize=None)
def reporting_verbs() -> frozenset[str]:
    """Verbs whose subject speaks: says, claims, accuses or denies ("said", "accused", "dismissed")."""
    d = load("coding/modality.json")
    return frozenset(d["speech_verbs"]) | frozenset(d["claim_verbs"]) | frozenset(d["denial_verbs"])


@functools.lru_cache(maxsize=None)
def vague_counts() -> dict[str, int]:
    """Words that count without a figure -> the figure ACLED reads them as ("dozens" = 12)."""
    return load("coding/numbers.json")["vague"]


@functools.lru_cache(maxsize=None)
def relation_verbs() -> dict[str, str]:
    """Verbs (lemmas) that state who stands behind whom -> the relation ("back" -> "backs")."""
    return load("coding/relations.json")["verbs"]


def relation_kinds() -> dict[str, str]:
    """Relation -> the PLOVER type it is a case of ("backs" -> "SUPPORT", "arms" -> "AID")."""
    return load("coding/relations.json")["kinds"]
