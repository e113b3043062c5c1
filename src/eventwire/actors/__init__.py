"""Actors: a knowledge base kept as data (names, aliases, country, sector, ACLED kind) and a resolver."""
from __future__ import annotations

from typing import Any

from ..model import Actor, CodedDocument, Span


def resolve(text: str, span: Span | None = None) -> Actor:
    """The canonical actor for a mention's words. (first version: the mention itself, unknown)"""
    return Actor(name=text, text=text, span=span, rule="unknown")


def resolve_span(mention: Any, offset: int = 0) -> Actor:
    """The canonical actor for a spaCy Span (a noun phrase picked by the coder); ``offset`` turns the
    span's character offsets into offsets of the input text (the segment's offset)."""
    start = offset + mention.start_char
    return resolve(mention.text, Span(start, start + len(mention.text)))


def contextualise(cd: CodedDocument) -> None:
    """Pipeline stage after geo and dates: settle kinds that depend on the event (foreign state forces
    are ``external``; unknown actors take a kind from context). (first version: nothing to settle)"""
