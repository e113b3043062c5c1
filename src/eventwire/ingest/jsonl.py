"""JSON Lines input: one contract document per line."""
from __future__ import annotations

import json
import re
from typing import Any

from ..model import Document, DocumentError
from .dates import iso_date

_SURROGATE = re.compile("[\ud800-\udfff]")
_KNOWN = {"id", "text", "published", "title", "url", "source"}


def loads(text: str) -> Any:
    """``json.loads``, with nesting too deep for the parser (a RecursionError) reported as a ValueError,
    like any other malformed JSON: one hostile input must fail alone."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError("nested too deeply") from None


def document_from_dict(obj: Any) -> Document:
    """A contract line → Document. ``published`` is kept as its ISO day ("2020-06-02T10:00" → "2020-06-02");
    one that is not a date is set aside in ``meta["published_invalid"]`` rather than failing the document."""
    if not isinstance(obj, dict):
        raise DocumentError("a JSON line must be an object")
    if "text" not in obj or not isinstance(obj["text"], str):
        raise DocumentError("missing 'text' (a string)")
    meta = {k: v for k, v in obj.items() if k not in _KNOWN}
    raw = obj.get("published")
    published = iso_date(raw)
    if published:
        meta["published_source"] = "input"
        if raw != published:
            meta["published_raw"] = raw  # a timestamp: the time of day is kept here
    elif raw not in (None, ""):
        meta["published_invalid"] = raw
    ident = obj.get("id")
    return Document(id="" if ident is None else _unicode(str(ident)), text=_unicode(obj["text"]),
                    published=published, title=_str(obj.get("title")), url=_str(obj.get("url")),
                    source=_str(obj.get("source")), meta=meta)


def _str(value: Any) -> str | None:
    return _unicode(value) if isinstance(value, str) and value else None


def _unicode(value: str) -> str:
    """JSON may carry lone surrogates ("\\ud800"), which no UTF-8 output can hold: each becomes U+FFFD,
    one character for one, so offsets into the text stay right."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", value)
    return value
