"""Actors: a knowledge base kept as data (names, aliases, country, sector, ACLED kind) and a resolver.

``resolve`` and ``resolve_span`` turn a mention into an Actor as far as its words allow; ``contextualise``
(the last pipeline stage) settles what depends on the event: its country and its type.
"""
from __future__ import annotations

from typing import Any

from ..model import Actor, Span
from ..nlp import entities_in
from .context import contextualise
from .resolver import resolve_words

__all__ = ["resolve", "resolve_span", "contextualise"]

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def _named_acronym(word: str) -> bool:
    from .kb import named

    return len(word) >= 2 and word.isupper() and word in named().acronyms


def resolve(text: str, span: Span | None = None) -> Actor:
    """The canonical actor for a mention's words."""
    return resolve_words(text, span)


def resolve_span(mention: Any, offset: int = 0) -> Actor:
    """The canonical actor for a spaCy Span (a noun phrase picked by the coder); ``offset`` turns the
    span's character offsets into offsets of the input text (the segment's offset). The parser's place
    entities inside the phrase tell place modifiers ("Tripoli militias") from group names."""
    from .normalise import tokens

    doc = getattr(mention, "doc", None)
    if doc is not None and mention.start > 0 and _named_acronym(doc[mention.start - 1].text):
        # "IS militants": the parser often takes "IS" for a verb and leaves it out of the phrase
        mention = doc[mention.start - 1:mention.end]
    start = offset + mention.start_char
    text = mention.text
    places = [(e.start_char - mention.start_char, e.end_char - mention.start_char)
              for e in (entities_in(mention) if doc is not None else ()) if e.label_ in _PLACE_LABELS]
    place_tokens = frozenset(i for i, t in enumerate(tokens(text))
                             if any(s <= t.start and t.end <= e for s, e in places))
    return resolve_words(text, Span(start, start + len(text)), place_tokens)
