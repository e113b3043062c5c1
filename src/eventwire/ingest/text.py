"""Plain or scraped text: one document; cleaning happens in the pipeline's clean stage."""
from __future__ import annotations

from ..model import Document, DocumentError


def document_from_text(text: str, ident: str) -> Document:
    if not text.strip():
        raise DocumentError("empty document")
    return Document(id=ident, text=text, meta={"format": "text"})
