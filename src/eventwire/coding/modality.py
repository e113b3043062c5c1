"""Status (asserted, claimed, denied, negated, hypothetical, future) and attribution of an event."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class Modality:
    status: str = "asserted"
    attribution: str | None = None  # who says so ("Ahmed al-Mosmari"), or None
    attribution_span: Any = None  # the spaCy Span of the source's words, or None
    cue: str | None = None  # the words that decided the status ("according to", "did not", "denied")


def assess(trigger: Any, sent: Any) -> Modality:
    """Status and source of the event whose trigger is the spaCy Token ``trigger`` in sentence ``sent``.
    (first version: asserted, no source)"""
    return Modality()
