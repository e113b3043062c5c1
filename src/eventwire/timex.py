"""Time: time expressions (TIMEX3), publication date inference, event dates. (first version: stub)"""
from __future__ import annotations

from .model import CodedDocument


def tag(cd: CodedDocument) -> None:
    """Find and normalise time expressions; infer the publication date where none was given."""
    cd.published = cd.doc.published


def date_events(cd: CodedDocument) -> None:
    """Give each event the date of the time expression governing it, else the publication date."""
