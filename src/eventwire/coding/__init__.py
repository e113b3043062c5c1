"""Event coding: PLOVER type and mode, ACLED types, actors, status, attribution, fatalities."""
from __future__ import annotations

from ..model import CodedDocument


def code_events(cd: CodedDocument) -> None:
    """Fill ``cd.events``. (first version: stub)"""
