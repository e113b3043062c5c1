"""The coder's lexicon at work: trigger phrases and refinement cues matched on parsed sentences.

The words themselves are data (``eventwire.lang.triggers`` and ``data/coding``); this module finds
them in a sentence, with up to ``MAX_GAP`` other words between a phrase's words.
"""
from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from .. import lang
from ..lang.triggers import LINKED, SUFFIXES, Entry, Phrase, entries, phrase

MAX_GAP = 2
#: Tokens inside these named entities are names, not triggers ("Rally for Democracy", "Air Force One").
NAME_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "WORK_OF_ART", "LAW", "PRODUCT", "NORP"})


@dataclass(frozen=True)
class Rule:
    id: str
    families: frozenset[str]
    cues: tuple[Phrase, ...]
    unless: tuple[Phrase, ...]
    acled: str
    mode: str | None
    scope: str
    when_sub: frozenset[str] | None
    type: str | None = None


@dataclass(frozen=True)
class Hit:
    """A lexicon phrase found in a sentence: the tokens it covers and the one that is the trigger."""

    entry: Entry
    tokens: tuple[Any, ...]
    trigger: Any


def _word_matches(token: Any, word: str, pos: str | None) -> bool:
    if pos and token.pos_ != pos:
        return False
    low = token.lower_
    if word == low or word == token.lemma_.lower():
        return True
    return low.startswith(word) and low[len(word):] in SUFFIXES


def match_at(tokens: Any, i: int, ph: Phrase) -> list[Any] | None:
    """The tokens of ``ph`` starting at index ``i`` of ``tokens`` (a sentence), or None."""
    word, pos = ph.words[0]
    if not _word_matches(tokens[i], word, pos):
        return None
    found = [tokens[i]]
    linked = False
    for word, pos in ph.words[1:]:
        if word == LINKED:
            linked = True
            continue
        j = found[-1].i - tokens[0].i + 1
        nxt = _linked_match(tokens, found[-1], j, word, pos) if linked else _next_match(tokens, j, word, pos)
        if nxt is None:
            return None
        found.append(nxt)
        linked = False
    return found


def _linked_match(tokens: Any, prev: Any, j: int, word: str, pos: str | None) -> Any:
    """The first token from index ``j`` matching ``word`` that is ``prev``'s head or dependent."""
    for tok in tokens[j:]:
        if (tok.head.i == prev.i or prev.head.i == tok.i) and _word_matches(tok, word, pos):
            return tok
    return None


def _next_match(tokens: Any, j: int, word: str, pos: str | None) -> Any:
    """The token matching ``word`` within MAX_GAP words from index ``j``, not across punctuation."""
    for k in range(j, min(j + MAX_GAP + 1, len(tokens))):
        if _word_matches(tokens[k], word, pos):
            return tokens[k]
        if tokens[k].is_punct and tokens[k].text != "-":
            return None
    return None


def contains(tokens: Any, phrases: tuple[Phrase, ...]) -> Phrase | None:
    """The first of ``phrases`` that occurs in ``tokens``, or None."""
    if not phrases:
        return None
    # each token's keys once, not once per phrase ("Oktiabr Mine" is a place, not a landmine)
    keys = [None if tok.pos_ == "PROPN" and tok.ent_type_ in NAME_ENTITIES else _keys(tok) for tok in tokens]
    present = set().union(*(k for k in keys if k is not None))
    for ph in phrases:
        first = ph.words[0][0]
        if first not in present:
            continue
        for i, k in enumerate(keys):
            if k is not None and first in k and match_at(tokens, i, ph):
                return ph
    return None


class Lexicon:
    """All trigger entries, indexed by their first word."""

    def __init__(self, entries: list[Entry]):
        self.entries = entries
        self.index: dict[str, list[tuple[Phrase, Entry]]] = defaultdict(list)
        for e in entries:
            for w in e.words:
                ph = phrase(w)
                self.index[ph.words[0][0]].append((ph, e))

    def find(self, sent: Any) -> list[Hit]:
        """Trigger hits in a sentence; overlapping hits keep the longest phrase, then the heaviest entry."""
        tokens = list(sent)
        hits: list[Hit] = []
        if not any(t.pos for t in tokens):  # no tags (the cheap pass left it unparsed): no trigger can be a POS
            return hits
        for i, tok in enumerate(tokens):
            if tok.ent_type_ in NAME_ENTITIES or tok.is_punct:
                continue
            for key in _keys(tok):
                for ph, entry in self.index.get(key, ()):
                    found = match_at(tokens, i, ph)
                    if not found or any(t.ent_type_ in NAME_ENTITIES for t in found):
                        continue
                    trigger = _trigger_of(found)
                    if trigger.pos_ not in entry.pos or (entry.unless and contains(tokens, entry.unless)):
                        continue
                    hits.append(Hit(entry, tuple(found), trigger))
        hits.sort(key=lambda h: (-len(h.tokens), -h.entry.weight))
        kept: list[Hit] = []
        taken: set[int] = set()
        for h in hits:
            idx = {t.i for t in h.tokens}
            if idx & taken:
                continue
            taken |= idx
            kept.append(h)
        kept.sort(key=lambda h: h.trigger.i)
        return kept


def _keys(tok: Any) -> tuple[str, ...]:
    """The words a token may stand for in a lexicon phrase's first place, sorted."""
    return _word_keys(tok.lower_, tok.lemma_)


@functools.lru_cache(maxsize=100_000)
def _word_keys(low: str, lemma: str) -> tuple[str, ...]:
    keys = {low, lemma.lower()}
    keys.update(low[:-len(suf)] for suf in SUFFIXES if low.endswith(suf) and len(low) > len(suf) + 2)
    return tuple(sorted(keys))  # sorted: the same hits whatever the hash seed


def _trigger_of(tokens: list[Any]) -> Any:
    """The word that stands for a phrase in the parse: its verb, else its last noun ("air strike")."""
    for t in tokens:
        if t.pos_ == "VERB":
            return t
    nouns = [t for t in tokens if t.pos_ in ("NOUN", "PROPN")]
    return nouns[-1] if nouns else tokens[-1]


@functools.lru_cache(maxsize=None)
def lexicon() -> Lexicon:
    return Lexicon(list(entries()))


@functools.lru_cache(maxsize=None)
def rules() -> tuple[Rule, ...]:
    out = []
    for r in lang.load("coding/refine.json")["rules"]:
        out.append(Rule(id=r["id"], families=frozenset(r["families"]), cues=tuple(phrase(c) for c in r["cues"]),
                        unless=tuple(phrase(c) for c in r.get("unless", ())), acled=r["acled"], mode=r.get("mode"),
                        scope=r.get("scope", "sentence"),
                        when_sub=frozenset(r["when_sub"]) if r.get("when_sub") else None, type=r.get("type")))
    return tuple(out)


@functools.lru_cache(maxsize=None)
def headers() -> dict[str, dict[str, Any]]:
    """Note category labels ("Interception:") -> {type, mode, acled}."""
    return {k: v for k, v in lang.load("coding/headers.json").items() if not k.startswith("_")}
