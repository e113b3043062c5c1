"""HTML given as text (a JSON line's ``text``, an API request): its visible words, at their own offsets.

A page given as a file is read by ``ingest.html`` into a new text. A text given in the contract must keep
its offsets (every span of the output points into it), so here the markup is blanked in place instead:
tags, comments and the contents of elements never shown (script, style …) become spaces, a block tag
becomes a line break (so a headline stays its own line), and an entity becomes its character followed by
spaces. The result has the input's length; the clean stage works on it. One pass with ``str.find``:
linear in the text, whatever unclosed tags it holds.
"""
from __future__ import annotations

import functools
import html
import re

from ..lang import load

_TAG_NAME = re.compile(r"/?([A-Za-z][A-Za-z0-9-]*)")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _words() -> dict[str, frozenset[str]]:
    data = load("ingest/html_elements.json")
    return {key: frozenset(data[key]) for key in ("hidden", "block", "signals")}


def looks_like_html(text: str) -> bool:
    """A page or a fragment: it starts with markup that names an HTML element, or it holds a hidden
    element (a script or a style) anywhere."""
    words = _words()
    head = text[:2000].lstrip().lower()
    if head.startswith(("<!doctype html", "<html")):
        return True
    if head.startswith("<") and any(f"<{name}" in head for name in words["signals"]):
        return True
    return _hidden_tag(tuple(sorted(words["hidden"]))).search(text) is not None


def visible(text: str) -> str:
    """``text`` with its markup blanked (see the module's docstring); same length, same offsets."""
    words = _words()
    out: list[str] = []
    pos = 0  # text[:pos] is in ``out``
    n = len(text)
    while (lt := text.find("<", pos)) != -1:
        out.append(_entities(text[pos:lt]))
        if text.startswith("<!--", lt):
            end = text.find("-->", lt + 4)
            end = n if end == -1 else end + 3
            out.append(_blank(text[lt:end]))
            pos = end
            continue
        name = _TAG_NAME.match(text, lt + 1)
        if name is None and not text.startswith(("<!", "<?"), lt):
            out.append("<")  # a bare "<" in prose ("a < b")
            pos = lt + 1
            continue
        gt = text.find(">", lt + 1)
        end = n if gt == -1 else gt + 1
        tag = name.group(1).lower() if name else ""
        closing = name is not None and name.group(0).startswith("/")
        if tag in words["hidden"] and not closing:  # the element's contents go too, up to its end tag
            close = _end_tag(tag).search(text, end)
            end = n if close is None else (n if (gt2 := text.find(">", close.start())) == -1 else gt2 + 1)
        piece = _blank(text[lt:end])
        if tag in words["block"] and piece and piece[0] == " ":
            piece = "\n" + piece[1:]
        out.append(piece)
        pos = end
    out.append(_entities(text[pos:]))
    return "".join(out)


@functools.lru_cache(maxsize=None)
def _hidden_tag(names: tuple[str, ...]) -> re.Pattern:
    return re.compile(f"<(?:{'|'.join(names)})[\\s>]", re.IGNORECASE)


@functools.lru_cache(maxsize=None)
def _end_tag(tag: str) -> re.Pattern:
    return re.compile(f"</{tag}", re.IGNORECASE)


def _blank(piece: str) -> str:
    return "".join(c if c in "\n\r" else " " for c in piece)


def _entities(piece: str) -> str:
    """Each character reference as its character padded with spaces to the reference's length."""
    if "&" not in piece:
        return piece

    def one(m: re.Match) -> str:
        char = html.unescape(m.group())
        return char + " " * (len(m.group()) - 1) if len(char) == 1 and char != m.group() else m.group()

    return _ENTITY.sub(one, piece)
