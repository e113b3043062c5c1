"""Mention words → comparable tokens: case, dots (U.N. → UN), possessives, hyphens and plurals.

The knowledge base's aliases and the article's mentions go through the same functions, so a rule
here only has to be consistent, not linguistically perfect ("Hamas" → "hama" on both sides is fine).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u2010": "-", "\u2011": "-",
                              "\u2013": "-", "\u2014": "-"})
_ACRONYM_DOTS = re.compile(r"\b(?:[A-Za-z]\.){2,}")
_POSSESSIVE = re.compile(r"(?<=[\w.])'s\b|(?<=s)'(?=\s|$)", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*|&")
# Word endings that look plural but are not (congress, campus, crisis, ISIS, ...).
_KEEP_S = ("ss", "us", "sis", "ous", "ics")


@dataclass(frozen=True)
class Token:
    norm: str  # lowercased, singular
    raw: str  # as written (dots of acronyms removed)
    start: int  # offset in the mention
    end: int

    @property
    def capitalised(self) -> bool:
        return self.raw[:1].isupper()

    @property
    def acronym(self) -> bool:
        return len(self.raw) >= 2 and self.raw.isupper()


def singular(word: str) -> str:
    """A light English singular: enough to make "policemen" meet "policeman" and "militias" "militia"."""
    if word == "men":
        return "man"
    if len(word) <= 3:
        return word
    if word.endswith("men") and len(word) > 4:
        return word[:-3] + "man"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(_KEEP_S):
        return word[:-1]
    return word


def _undot(match: re.Match) -> str:
    return match.group(0).replace(".", "")


def tokens(text: str) -> list[Token]:
    """The mention's words, hyphenated words split ("al-Shabaab" → al, shabaab), possessives dropped."""
    text = text.translate(_APOSTROPHES)
    # Same-length substitutions keep offsets: pad the removed dots and possessives with spaces.
    text = _POSSESSIVE.sub(lambda m: " " * len(m.group(0)), text)
    text = _ACRONYM_DOTS.sub(lambda m: _undot(m).ljust(len(m.group(0))), text)
    out = []
    for m in _WORD.finditer(text):
        raw = m.group(0)
        out.append(Token(singular(raw.lower()), raw, m.start(), m.end()))
    return out


def key(text: str) -> tuple[str, ...]:
    """The lookup key of an alias or term."""
    return tuple(t.norm for t in tokens(text))


def is_acronym_alias(alias: str) -> bool:
    """Short all-capital aliases (IS, AA, SNA) match only capitalised words, never "is" or "aa"."""
    compact = alias.replace(".", "")
    return compact.isalpha() and compact.isupper() and len(compact) <= 5
