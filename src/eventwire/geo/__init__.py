"""Geocoding: recognise place mentions, resolve them against the offline gazetteer, place events."""
from __future__ import annotations

from ..model import CodedDocument


def geocode(cd: CodedDocument) -> None:
    """Fill ``cd.places`` and each event's ``location``. (first version: stub)"""
