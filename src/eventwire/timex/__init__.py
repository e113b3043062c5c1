"""Time: time expressions (TIMEX3), the publication date, and the date of each event.

``tag`` runs after nlp and fills ``cd.times`` and the publication date; ``date_events`` runs after
the coder and gives each event the date of the time expression that governs it.
"""
from __future__ import annotations

from .events import date_events
from .tagger import tag

__all__ = ["tag", "date_events"]
