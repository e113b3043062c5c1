"""The trigger lexicon: the words and phrases that signal an event, and how each is coded.

Read from ``data/coding/triggers/`` (one file a PLOVER type). A lexicon word is a lemma or a lower-case
word form; several words make a phrase, matched in order ("took full control of"). ``word/POS``
restricts a single word to one part of speech ("fire/VERB" is a trigger, the noun "fire" is not).
``...`` lets the next word stand anywhere later in the sentence if the parse links it to the word
before ("set ... ablaze": "set the district land office ablaze"). The coder matches these on parsed
sentences; the pre-parse pass looks for their word forms to decide what to parse.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from . import load, names
from .acled import acled_types, plover_modes

LINKED = "..."  # in a phrase: the next word is the previous word's head or dependent, at any distance
#: Inflections the tagger sometimes leaves unlemmatised ("burned tires" as an adjective, "raped" as "rap").
SUFFIXES = ("s", "es", "d", "ed", "ing")


@dataclass(frozen=True)
class Phrase:
    words: tuple[tuple[str, str | None], ...]  # (word, required POS or None)


@dataclass(frozen=True)
class Entry:
    """One trigger lexicon entry: the words that signal an event and how to code it."""

    id: str
    type: str  # PLOVER event type
    words: tuple[str, ...]
    pos: frozenset[str]
    mode: str | None
    acled: str | None  # ACLED sub-event type (the event type follows from it)
    weight: float  # how strongly the trigger marks the event a report is about
    family: str  # which refinements apply (refine.json)
    casualty: bool = False  # the trigger only reports harm ("killed", "wounded"), often of another event
    generic: bool = False  # the trigger names no weapon: weapon cues in its sentence may refine it
    unless: tuple[Phrase, ...] = ()  # phrases of the sentence that cancel the entry


def phrase(text: str) -> Phrase:
    parts = []
    for word in text.lower().split():
        word, _, pos = word.partition("/")
        parts.append((word, pos.upper() or None))
    return Phrase(tuple(parts))


@functools.lru_cache(maxsize=None)
def entries() -> tuple[Entry, ...]:
    """Every trigger entry, file by file in name order."""
    out = []
    for name in names("coding/triggers"):
        if not name.endswith(".json"):
            continue
        data = load(f"coding/triggers/{name}")
        for e in data["entries"]:
            out.append(Entry(id=e["id"], type=data["type"], words=tuple(e["words"]), pos=frozenset(e["pos"]),
                             mode=e.get("mode"), acled=e.get("acled"), weight=float(e["weight"]),
                             family=e.get("family", "fixed"), casualty=bool(e.get("casualty")),
                             generic=bool(e.get("generic")),
                             unless=tuple(phrase(u) for u in e.get("unless", ()))))
    _check(out)
    return tuple(out)


def _check(entries: list[Entry]) -> None:
    """Fail loudly on a lexicon that names a type, mode or sub-event outside the vocabularies."""
    modes, subs = plover_modes(), acled_types()
    for e in entries:
        if e.type not in modes:
            raise ValueError(f"{e.id}: unknown PLOVER type {e.type}")
        if e.mode and e.mode not in modes[e.type]:
            raise ValueError(f"{e.id}: mode {e.mode} is not a mode of {e.type}")
        if e.acled and e.acled not in subs:
            raise ValueError(f"{e.id}: unknown ACLED sub-event type {e.acled}")
