"""Actors: a knowledge base kept as data (names, aliases, country, sector, ACLED kind) and a resolver."""
from __future__ import annotations

from ..model import Actor, Span


def resolve(text: str, span: Span | None = None, context: str | None = None) -> Actor:
    """The canonical actor for a mention. (first version: the mention itself, unknown)"""
    return Actor(name=text, text=text, span=span, rule="unknown")
