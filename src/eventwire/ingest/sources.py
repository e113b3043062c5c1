"""Turn paths (or standard input) into Documents, whatever their format; failures become Failed items."""
from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..model import Document, DocumentError
from .jsonl import document_from_dict

#: Larger inputs are refused for that document, not truncated silently.
MAX_BYTES = int(os.environ.get("EVENTWIRE_MAX_BYTES", 5_000_000))


@dataclass
class Failed:
    """An input that could not become a Document: reported, and the rest goes on."""

    id: str
    error: str


Item = Document | Failed


def decode(data: bytes, name: str) -> str:
    """Bytes → text: UTF-8 (with or without BOM), else a clear error; binary is refused."""
    if len(data) > MAX_BYTES:
        raise DocumentError(f"too large: {len(data):,} bytes (limit {MAX_BYTES:,}; set EVENTWIRE_MAX_BYTES)")
    if b"\x00" in data[:8192]:
        raise DocumentError("binary data, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(f"not valid UTF-8 (byte {exc.start}): convert it to UTF-8 first") from exc


def read_jsonl_lines(lines, origin: str) -> Iterator[Item]:
    for n, line in enumerate(lines, 1):
        if isinstance(line, bytes):
            try:
                line = line.decode("utf-8")
            except UnicodeDecodeError:
                yield Failed(f"{origin}:{n}", "line is not valid UTF-8")
                continue
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError as exc:
            yield Failed(f"{origin}:{n}", f"malformed JSON line: {exc}")
            continue
        try:
            doc = document_from_dict(obj)
        except DocumentError as exc:
            ident = obj.get("id") if isinstance(obj, dict) and obj.get("id") is not None else f"{origin}:{n}"
            yield Failed(str(ident), str(exc))
            continue
        if not doc.id:
            doc.id = f"{origin}:{n}"
        yield doc


def sniff(name: str, text: str) -> str:
    """The format of a file: jsonl, html, feed or text."""
    low = name.lower()
    head = text[:2000].lstrip().lower()
    if low.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if low.endswith((".rss", ".atom")) or head.startswith("<rss") or "<rss" in head[:300] or "<feed" in head[:300]:
        return "feed"
    if low.endswith((".html", ".htm", ".xhtml")) or head.startswith(("<!doctype html", "<html")):
        return "html"
    if low.endswith(".xml") and ("<rss" in head or "<feed" in head or "<rdf" in head):
        return "feed"
    return "text"


def read_text_document(name: str, text: str, fmt: str) -> Iterator[Item]:
    ident = Path(name).name
    try:
        if fmt == "html":
            from .html import document_from_html
            yield document_from_html(text, ident)
        elif fmt == "feed":
            from .feeds import documents_from_feed
            yield from documents_from_feed(text, ident)
        else:
            from .text import document_from_text
            yield document_from_text(text, ident)
    except DocumentError as exc:
        yield Failed(ident, str(exc))


def read_path(path: str) -> Iterator[Item]:
    """Documents from one path: a file of any supported format, or a folder (recursively)."""
    p = Path(path)
    if p.is_dir():
        for child in sorted(p.rglob("*")):
            if child.is_file() and not child.name.startswith("."):
                yield from read_path(str(child))
        return
    if not p.exists():
        raise FileNotFoundError(f"no such file: {path}")
    if p.name.lower().endswith((".jsonl", ".ndjson")):
        with open(p, "rb") as f:
            yield from read_jsonl_lines(f, p.name)
        return
    try:
        text = decode(p.read_bytes(), p.name)
    except DocumentError as exc:
        yield Failed(p.name, str(exc))
        return
    yield from read_text_document(p.name, text, sniff(p.name, text))


def read_stdin(jsonl: bool) -> Iterator[Item]:
    """Standard input: JSON Lines with ``jsonl``, else one document in any format."""
    if jsonl:
        yield from read_jsonl_lines(sys.stdin.buffer, "stdin")
        return
    try:
        text = decode(sys.stdin.buffer.read(), "stdin")
    except DocumentError as exc:
        yield Failed("stdin", str(exc))
        return
    yield from read_text_document("stdin", text, sniff("stdin", text))
