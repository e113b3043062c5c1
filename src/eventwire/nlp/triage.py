"""The cheap pass before the parser: which sentences of a tokenised text need tags, lemmas and the parse.

A sentence that can hold an event (a trigger phrase of the lexicon, a word that reports deaths, a
count worth keeping, a backer verb) or a time expression whose value the tense of its clause decides
needs them: "parse". The rest ("rest") keep their tokens and the entities the recogniser finds (it
reads the words alone, so ``nlp`` runs it on every token for places and names). Words are matched
in every form the lemmatizer could read as the lexicon's lemma (its suffix rules and exceptions,
inverted), so the pass never misses what the coder would find; it may keep a sentence the coder
then finds nothing in. A text of few sentences (a short report, whose cues count anywhere) is
parsed whole.
"""
from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Literal

from .. import lang
from ..lang import triggers
from ..lang.words import relation_verbs
from ..timex.extract import find as find_times
from ..timex.resolve import Context as TimeContext
from ..timex.resolve import resolve as resolve_time
from .loader import load

Need = Literal["parse", "rest"]
#: A text of at most this many sentences is parsed whole (the coder reads a note of four as one report).
SHORT = 6
_ENDS = frozenset({".", "!", "?", "...", "…"})
_CLOSERS = frozenset({'"', "'", "”", "’", ")", "]"})
_TENSES = (None, "past", "present", "future")
_ANCHORS = tuple(date(2021, m, d) for m, d in ((1, 4), (3, 31), (6, 16), (9, 30), (12, 27)))


@dataclass(frozen=True)
class Piece:
    """Tokens [start, end) of a text: consecutive sentences that need the same work."""

    start: int
    end: int
    need: Need


@dataclass(frozen=True)
class Cues:
    """The word forms that make a sentence worth parsing."""

    phrases: dict[str, list[tuple[frozenset[str], ...]]]  # first word form -> the other words' forms
    numbers: frozenset[str]  # number words; a count needs one of ``counted`` beside it
    counted: frozenset[str]


def sentences(doc: Any) -> list[tuple[int, int]]:
    """Token ranges of the sentences of an unparsed doc: after a final stop (and closing quotes) before
    a capital, digit or quote, and at line breaks; the blanks after a sentence stay with it."""
    bounds, start, n = [], 0, len(doc)
    i = 0
    while i < n:
        tok = doc[i]
        end = None
        if tok.text in _ENDS or (tok.is_space and "\n" in tok.text):
            j = i + 1
            while j < n and doc[j].text in _CLOSERS:
                j += 1
            k = j
            while k < n and doc[k].is_space:
                k += 1
            if k < n and (tok.is_space or k > j or doc[k].text[:1].isupper() or doc[k].text[:1].isdigit()
                          or doc[k].text in _CLOSERS):
                end = k  # the next sentence opens at k; blanks and closers stay with this one
                if not tok.is_space and k == j and not (doc[j - 1].whitespace_ or doc[k].text in _CLOSERS):
                    end = None  # "U.S.A": no blank after the stop, no new sentence
        if end is not None and end > start:
            bounds.append((start, end))
            start = end
            i = end
        else:
            i += 1
    if start < n:
        bounds.append((start, n))
    return bounds


def triage(doc: Any) -> list[Piece]:
    """The pieces of an unparsed doc (from ``nlp.make_doc``) in order, covering every token."""
    sents = sentences(doc)
    if len(sents) <= SHORT:
        return [Piece(0, len(doc), "parse")] if len(doc) else []
    timed = _timed_sentences(doc, sents)
    pieces: list[Piece] = []
    for k, (a, b) in enumerate(sents):
        need: Need = "parse" if k in timed or _has_cue(doc[a:b]) else "rest"
        if pieces and pieces[-1].need == need:
            pieces[-1] = Piece(pieces[-1].start, b, need)
        else:
            pieces.append(Piece(a, b, need))
    return pieces


def _timed_sentences(doc: Any, sents: list[tuple[int, int]]) -> set[int]:
    """The sentences a time expression starts in whose value the tense of its clause may change
    ("on Monday", "in March"; not "on 3 March 2021" or "yesterday"). The times stage finds the same
    expressions in the same text."""
    starts = [doc[a].idx for a, _ in sents]
    out, k = set(), 0
    for m in find_times(doc.text):
        while k + 1 < len(starts) and starts[k + 1] <= m.start:
            k += 1
        if k not in out and _tense_bound(m):
            out.add(k)
    return out


def _tense_bound(m: Any) -> bool:
    """Whether some tense gives the expression another value, against document dates around the year."""
    try:
        for anchor in _ANCHORS:
            values = {resolve_time(replace(m, f=dict(m.f)), tense, TimeContext(anchor=anchor)) for tense in _TENSES}
            if len(values) > 1:
                return True
    except Exception:  # an expression the resolver cannot take without its context: parse to be safe
        return True
    return False


def _has_cue(sent: Any) -> bool:
    cues = _cues()
    words = {t.lower_ for t in sent}
    if words & cues.numbers or any(t.like_num for t in sent):
        if words & cues.counted:
            return True
    for w in words:
        for rest in cues.phrases.get(w, ()):
            if all(forms & words for forms in rest):
                return True
    return False


@functools.lru_cache(maxsize=None)
def _cues() -> Cues:
    inflect = _inflections()
    phrases: dict[str, list[tuple[frozenset[str], ...]]] = defaultdict(list)
    for entry in triggers.entries():
        for text in entry.words:
            words = [inflect(w) for w, _ in triggers.phrase(text).words if w != triggers.LINKED]
            for form in words[0]:
                phrases[form].append(tuple(words[1:]))
    deaths = lang.load("coding/fatality_cues.json")  # the words that report deaths, in the sentences after an event
    words = {w for key in ("verbs", "intransitive_verbs", "nouns", "zero_only_nouns") for w in deaths[key]}
    for lemma in words | {"dead"} | set(relation_verbs()):
        for form in inflect(lemma):
            phrases[form].append(())
    counts = lang.load("coding/figures.json")
    counted = frozenset(f for lemma in counts["what"] for f in inflect(lemma))
    return Cues(dict(phrases), frozenset(counts["words"]), counted)


def _inflections():
    """lemma -> every lower-case form the lemmatizer (suffix rules, exceptions, attribute rules) or the
    lexicon's own suffix match could read as that lemma."""
    pipe = load()
    tables = pipe.get_pipe("lemmatizer").lookups
    rules = [(old, new) for pairs in tables.get_table("lemma_rules").values() for old, new in pairs]
    exceptions: dict[str, set[str]] = defaultdict(set)
    for table in tables.get_table("lemma_exc").values():
        for form, lemmas in table.items():
            for lemma in lemmas:
                exceptions[lemma.lower()].add(form.lower())
    for pattern in pipe.get_pipe("attribute_ruler").patterns:
        lemma = pattern["attrs"].get("LEMMA")
        if lemma:
            for tok in pattern["patterns"][0]:
                low = tok.get("LOWER")
                for form in (low.get("IN", ()) if isinstance(low, dict) else [low] if low else ()):
                    exceptions[lemma.lower()].add(form.lower())

    @functools.lru_cache(maxsize=None)
    def forms(lemma: str) -> frozenset[str]:
        out = {lemma, *(lemma + s for s in triggers.SUFFIXES), *exceptions.get(lemma, ())}
        out.update(lemma[:len(lemma) - len(new)] + old for old, new in rules if lemma.endswith(new))
        return frozenset(out)

    return forms


def needs(pieces: Iterable[Piece], need: Need) -> int:
    """How many tokens of ``pieces`` need ``need`` (for the benchmark and the tests)."""
    return sum(p.end - p.start for p in pieces if p.need == need)
