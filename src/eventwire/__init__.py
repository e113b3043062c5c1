"""eventwire: news in, conflict events out, with the evidence for every field.

    import eventwire
    cd = eventwire.code(text, published="2020-06-02")   # one article
    for cd in eventwire.pipe(docs): ...                  # many (dicts of the JSONL contract)
"""
from typing import Any

from .model import CodedDocument, Document

__all__ = ["code", "pipe", "CodedDocument", "Document"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    # The pipeline (spaCy, gazetteer) loads on first use, so that store-only commands start at once.
    if name in ("code", "pipe"):
        from . import pipeline
        return getattr(pipeline, name)
    raise AttributeError(f"module 'eventwire' has no attribute {name!r}")
