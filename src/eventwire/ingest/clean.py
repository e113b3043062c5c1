"""Cleaning scraped text: blank boilerplate, find the dateline and captions. (first version: stub)"""
from __future__ import annotations

from ..model import CodedDocument, DocumentError


def clean(cd: CodedDocument) -> None:
    if not cd.text.strip():
        raise DocumentError("empty document")
    cd.body = cd.text
