"""RSS and Atom feeds (feedparser): one document per entry.

An entry's text is its full content when the feed carries it, else its summary, else its title
(``meta["text_from"]`` says which). Its publication date is the entry's ``published`` date, else
``updated``, as the feed's local day (``meta["published_source"]`` = "feed:published" /
"feed:updated"). An entry without any text fails alone; a feed that cannot be read fails whole.
"""
from __future__ import annotations

import io
import logging
import re
import time
from collections.abc import Iterator

from ..model import Document, DocumentError
from .dates import iso_date
from .html import fragment_text
from ..model import Failed, Item

log = logging.getLogger(__name__)

#: The XML declaration, looked for in the first _PROLOG characters only: a pattern free to scan a whole
#: feed is quadratic on "<?xml" followed by a megabyte of spaces.
_PROLOG = 1000
_XML_DECL = re.compile(r"\s*<\?xml[^>]*>")
_ENCODING = re.compile(r"""\s+encoding\s*=\s*["'][^"']*["']""")


def documents_from_feed(text: str, ident: str) -> Iterator[Item]:
    import feedparser
    # The text is decoded already: drop the prolog's encoding so feedparser reads the UTF-8 we give it,
    # and hand it a stream so it never takes the text for a URL or a file name.
    data = _without_encoding(text).encode("utf-8")
    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.entries:
        if parsed.bozo:
            raise DocumentError(f"malformed feed: {parsed.bozo_exception}")
        raise DocumentError("feed without entries")
    if parsed.bozo:
        log.warning("%s: feed is not well-formed (%s); reading its %d entries anyway",
                    ident, parsed.bozo_exception, len(parsed.entries))
    source = parsed.feed.get("title") or None
    for n, entry in enumerate(parsed.entries, 1):
        ident_n = entry.get("id") or entry.get("link") or f"{ident}#{n}"
        try:
            yield _document(entry, ident_n, ident, source)
        except DocumentError as exc:
            why = f" (the feed is malformed: {parsed.bozo_exception})" if parsed.bozo else ""
            yield Failed(ident_n, f"{exc}{why}")
        except Exception as exc:  # one strange entry must not lose the others
            log.exception("%s: entry %s failed", ident, ident_n)
            yield Failed(ident_n, f"cannot read this feed entry: {type(exc).__name__}: {exc}")


def _without_encoding(text: str) -> str:
    """The feed with its XML declaration's encoding attribute taken out."""
    decl = _XML_DECL.match(text[:_PROLOG])
    if not decl:
        return text
    return _ENCODING.sub("", decl.group(), count=1) + text[decl.end():]


def _document(entry, ident: str, feed: str, source: str | None) -> Document:
    title = " ".join((entry.get("title") or "").split()) or None
    text, text_from = "", None
    contents = sorted(entry.get("content") or [], key=lambda c: len(c.get("value") or ""), reverse=True)
    for origin, value in (("content", contents[0].get("value") if contents else None),
                          ("summary", entry.get("summary"))):
        text = fragment_text(value or "")
        if text:
            text_from = origin
            break
    if not text and title:
        text, text_from = title, "title"
    if not text:
        raise DocumentError("feed entry without text")
    meta = {"format": "feed", "feed": feed, "text_from": text_from}
    published = None
    for key in ("published", "updated"):
        published = iso_date(entry.get(key)) or _struct_date(entry.get(f"{key}_parsed"))
        if published:
            meta["published_source"] = f"feed:{key}"
            break
    return Document(id=str(ident), text=text, published=published, title=title, url=entry.get("link"),
                    source=source, meta=meta)


def _struct_date(value: time.struct_time | None) -> str | None:
    """feedparser's parsed date (UTC): used only when the date as written is not ISO or RFC 822."""
    return iso_date(time.strftime("%Y-%m-%d", value)) if value else None
