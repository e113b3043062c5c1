"""JSON Lines input: one contract document per line."""
from __future__ import annotations

from typing import Any

from ..model import Document, DocumentError


def document_from_dict(obj: Any) -> Document:
    if not isinstance(obj, dict):
        raise DocumentError("a JSON line must be an object")
    if "text" not in obj or not isinstance(obj["text"], str):
        raise DocumentError("missing 'text' (a string)")
    known = {"id", "text", "published", "title", "url", "source"}
    return Document(id=str(obj.get("id", "")), text=obj["text"], published=obj.get("published") or None,
                    title=obj.get("title"), url=obj.get("url"), source=obj.get("source"),
                    meta={k: v for k, v in obj.items() if k not in known})
