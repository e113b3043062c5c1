"""Event coding: PLOVER type and mode, ACLED types, actors, status, attribution, fatalities.

The stage ``code_events`` fills ``cd.events`` (coder.py), ``cd.figures`` (figures.py) and
``cd.relations`` (relations.py) from the parsed segments.
"""
from __future__ import annotations

from ..model import CodedDocument
from . import coder, figures, relations


def code_events(cd: CodedDocument) -> None:
    """Fill ``cd.events``, ``cd.figures`` and ``cd.relations`` from ``cd.segments``."""
    coder.code_events(cd)
    figures.find(cd)
    relations.find(cd)
