"""Fatalities of an event by ACLED's rules: the most conservative figure; none reported = 0."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class Fatalities:
    killed: int | None  # None when the text says nothing about deaths
    span: Any = None  # the spaCy Span of the figure's words ("five people", "dozens")
    cue: str | None = None


def count(trigger: Any, sent: Any) -> Fatalities:
    """Deaths reported for the event whose trigger is the spaCy Token ``trigger`` in sentence ``sent``.
    (first version: nothing found)"""
    return Fatalities(None)
