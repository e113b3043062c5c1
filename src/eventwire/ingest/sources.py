"""Turn paths (or standard input) into Documents, whatever their format; failures become Failed items.

Every failure is one input's (a file, a JSON line, a feed entry) and is reported under its id;
the rest go on. Oversized inputs are refused before they are read into memory.
"""
from __future__ import annotations

import json
import logging
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..model import Document, DocumentError, Failed, Item
from .encoding import decode
from .jsonl import document_from_dict, loads

log = logging.getLogger(__name__)

#: Larger inputs (a file, a JSON line, standard input) are refused for that input, never truncated.
MAX_BYTES = int(os.environ.get("EVENTWIRE_MAX_BYTES", 5_000_000))
_CHUNK = 1 << 20
_HTML_TAG = re.compile(r"<(?:p|div|article|body|head|meta|title|section|span|br|h[1-6])\b")
_ID = re.compile(r'^\s*\{\s*"id"\s*:\s*"((?:[^"\\]|\\.)*)"')
_ID_HEAD = 4096  # where an oversized line's id is looked for


def too_large(size: int) -> str:
    return f"too large: {size:,} bytes (the limit is {MAX_BYTES:,}; set EVENTWIRE_MAX_BYTES to change it)"


def read_jsonl_lines(lines: Iterable[bytes | str | Failed], origin: str) -> Iterator[Item]:
    """Contract documents, one per line; a bad line fails alone under its id (or origin:line)."""
    for n, line in enumerate(lines, 1):
        if isinstance(line, Failed):  # refused while reading (too long)
            yield line
            continue
        if isinstance(line, bytes):
            try:
                line = line.decode("utf-8-sig" if n == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                ident = _salvaged_id(line.decode("utf-8", "replace")) or f"{origin}:{n}"
                yield Failed(ident, f"line is not valid UTF-8 (byte {exc.start})")
                continue
        if not line.strip():
            continue
        try:
            obj = loads(line)
        except ValueError as exc:
            yield Failed(_salvaged_id(line) or f"{origin}:{n}", f"malformed JSON line: {exc}")
            continue
        try:
            doc = document_from_dict(obj)
        except DocumentError as exc:
            ident = obj.get("id") if isinstance(obj, dict) and obj.get("id") not in (None, "") else f"{origin}:{n}"
            yield Failed(str(ident), str(exc))
            continue
        if not doc.id:
            doc.id = f"{origin}:{n}"
        yield doc


def _salvaged_id(line: str) -> str | None:
    """The id of a broken JSON line, when it starts well enough to read it: the error goes under that id."""
    found = _ID.search(line)
    if not found:
        return None
    try:
        return json.loads(f'"{found.group(1)}"')
    except ValueError:
        return None


def _bounded_lines(stream: BinaryIO, origin: str) -> Iterator[bytes | Failed]:
    """Lines of a binary stream, each at most MAX_BYTES; a longer line becomes a Failed and is skipped."""
    n = 0
    while True:
        line = stream.readline(MAX_BYTES + 1)
        if not line:
            return
        n += 1
        if len(line) > MAX_BYTES and not line.endswith(b"\n"):
            ident = _salvaged_id(line[:_ID_HEAD].decode("utf-8", "replace")) or f"{origin}:{n}"
            size = len(line)
            while line and not line.endswith(b"\n"):  # skip the rest of the line without keeping it
                line = stream.readline(_CHUNK)
                size += len(line)
            yield Failed(ident, "JSON line " + too_large(size))
            continue
        yield line


def read_jsonl_stream(stream: BinaryIO, origin: str) -> Iterator[Item]:
    yield from read_jsonl_lines(_bounded_lines(stream, origin), origin)


def sniff(name: str, text: str) -> str:
    """The format of an input: jsonl, json, html, feed, xml (not readable) or text (by extension, then content)."""
    low = name.lower()
    head = text[:2000].lstrip().lower()
    if low.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if low.endswith((".rss", ".atom")) or any(tag in head[:500] for tag in ("<rss", "<feed", "<rdf:rdf")):
        return "feed"
    if low.endswith((".html", ".htm", ".xhtml")) or head.startswith(("<!doctype html", "<html")):
        return "html"
    if low.endswith(".json"):
        return "json"
    if head.startswith("{") and _is_contract_line(text.lstrip().split("\n", 1)[0]):
        return "jsonl"
    if head.startswith(("{", "[")) and _is_json(text):
        return "json"
    if head.startswith("<") and _HTML_TAG.search(head):
        return "html"  # a fragment saved without <html>
    if head.startswith("<?xml"):
        return "xml"
    return "text"


def _is_json(text: str) -> bool:
    try:
        loads(text)
    except ValueError:
        return False
    return True


def _is_contract_line(line: str) -> bool:
    try:
        obj = loads(line)
    except ValueError:
        return False
    return isinstance(obj, dict) and "text" in obj


def read_text_document(name: str, text: str, fmt: str, encoding: str = "utf-8") -> Iterator[Item]:
    ident = Path(name).name
    try:
        if fmt == "jsonl":
            yield from read_jsonl_lines(text.splitlines(), ident)
            return
        if fmt == "json":
            yield from _json_documents(text, ident)
            return
        if fmt == "xml":
            raise DocumentError("XML that is neither an RSS/Atom feed nor an HTML page")
        if fmt == "html":
            from .html import document_from_html
            docs: Iterable[Item] = [document_from_html(text, ident)]
        elif fmt == "feed":
            from .feeds import documents_from_feed
            docs = documents_from_feed(text, ident)
        else:
            from .text import document_from_text
            docs = [document_from_text(text, ident)]
        for doc in docs:
            if isinstance(doc, Document) and encoding not in ("utf-8", "ascii"):
                doc.meta["encoding"] = encoding  # decoded from a legacy encoding: say so
            yield doc
    except DocumentError as exc:
        yield Failed(ident, str(exc))
    except Exception as exc:  # a parser's bug on one strange file must not stop the batch
        log.exception("reading %s failed", ident)
        yield Failed(ident, f"cannot read this {fmt}: {type(exc).__name__}: {exc}")


def _json_documents(text: str, ident: str) -> Iterator[Item]:
    """A JSON file: one contract document (an object) or a list of them."""
    try:
        data = loads(text)
    except ValueError as exc:
        raise DocumentError(f"malformed JSON: {exc}") from exc
    for n, obj in enumerate(data if isinstance(data, list) else [data], 1):
        try:
            doc = document_from_dict(obj)
        except DocumentError as exc:
            yield Failed(str(obj["id"]) if isinstance(obj, dict) and obj.get("id") is not None else f"{ident}#{n}",
                         str(exc))
            continue
        doc.id = doc.id or (ident if not isinstance(data, list) else f"{ident}#{n}")
        yield doc


def read_path(path: str) -> Iterator[Item]:
    """Documents from one path: a file of any supported format, or a folder (recursively)."""
    p = Path(path)
    if p.is_dir():
        for child in sorted(p.rglob("*")):
            if child.is_file() and not any(part.startswith(".") for part in child.relative_to(p).parts):
                yield from read_path(str(child))
        return
    try:
        size = p.stat().st_size
        if p.name.lower().endswith((".jsonl", ".ndjson")):
            with open(p, "rb") as f:
                yield from read_jsonl_stream(f, p.name)
            return
        if size > MAX_BYTES:
            yield Failed(p.name, too_large(size))
            return
        data = p.read_bytes()
    except OSError as exc:
        yield Failed(p.name, f"cannot read: {exc.strerror or exc}")
        return
    yield from _from_bytes(data, p.name)


def read_url(url: str, allow_private: bool = False) -> Iterator[Item]:
    """A page or feed fetched under the network rules (``ingest.fetch``) with the input limit; a refused
    or failed fetch fails alone."""
    from .fetch import FetchError, FetchRules, fetch
    try:
        got = fetch(url, rules=FetchRules(allow_private=allow_private, max_bytes=MAX_BYTES))
    except FetchError as exc:
        yield Failed(url, str(exc))
        return
    yield from _from_bytes(got.body, url)


def read_stdin(jsonl: bool) -> Iterator[Item]:
    """Standard input: JSON Lines with ``jsonl``, else one document in any format."""
    if jsonl:
        yield from read_jsonl_stream(sys.stdin.buffer, "stdin")
        return
    data = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        yield Failed("stdin", too_large(len(data)) + " (or more)")
        return
    yield from _from_bytes(data, "stdin")


def _from_bytes(data: bytes, name: str) -> Iterator[Item]:
    if not data.strip():
        yield Failed(Path(name).name, "empty document")
        return
    try:
        decoded = decode(data)
    except DocumentError as exc:
        yield Failed(Path(name).name, str(exc))
        return
    yield from read_text_document(name, decoded.text, sniff(name, decoded.text), decoded.encoding)
