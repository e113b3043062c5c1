"""eventwire: news in, conflict events out, with the evidence for every field.

    import eventwire
    cd = eventwire.code(text, published="2020-06-02")   # one article
    for cd in eventwire.pipe(docs): ...                  # many (dicts of the JSONL contract)
"""
from .model import CodedDocument, Document
from .pipeline import code, pipe

__all__ = ["code", "pipe", "CodedDocument", "Document"]
__version__ = "0.1.0"
