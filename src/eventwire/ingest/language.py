"""A cheap 'is this English?' check: the script of the letters, then the share of function words.

English news has one function word in three or four; a French or Indonesian text has almost
none of the English ones and plenty of its own. Too short a text (a headline, a one-line note
full of names) is never refused: the check only says no when the evidence is clear.
"""
from __future__ import annotations

import functools
import re
import unicodedata

from ..lang import load
from ..model import DocumentError

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
SAMPLE = 5000       # characters looked at: the start of a long article decides
MIN_WORDS = 8       # fewer words than this are never refused
ENGLISH_MIN = 0.12  # at or above this share of English function words a text is English, whatever else it has


@functools.lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], dict[str, frozenset[str]], dict, dict]:
    data = load("ingest/languages.json")
    english = frozenset(data["english"])
    others = {lang: frozenset(w for w in words if w not in english) for lang, words in data["others"].items()}
    return english, others, data["scripts"], data["script_hints"]


def guess_foreign(text: str) -> str | None:
    """The language a text looks like when it is clearly not English, else None."""
    sample = text[:SAMPLE]
    english, others, scripts, hints = _lexicon()
    if not sample.isascii():
        foreign = _script(sample, scripts, hints)
        if foreign:
            return foreign
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < MIN_WORDS:
        return None
    en = sum(w in english for w in words)
    if en >= ENGLISH_MIN * len(words):
        return None
    best, hits = max(((lang, sum(w in vocab for w in words)) for lang, vocab in others.items()),
                     key=lambda x: x[1])
    if hits >= max(4, 3 * en) and hits >= 0.2 * len(words):
        return best
    if len(words) >= 40 and en < 0.03 * len(words):
        return "another language (almost no English function words)"
    return None


def _script(sample: str, scripts: dict[str, str], hints: dict[str, dict[str, str]]) -> str | None:
    """The language of the dominant non-Latin script, when most letters are in one."""
    counts: dict[str, int] = {}
    letters = 0
    for ch in sample:
        if not ch.isalpha():
            continue
        letters += 1
        if ch.isascii():
            continue
        script = unicodedata.name(ch, "?").split(" ")[0]
        counts[script] = counts.get(script, 0) + 1
    if letters < 20 or not counts:
        return None
    script, n = max(counts.items(), key=lambda x: x[1])
    if script == "LATIN" or n < 0.5 * letters:
        return None
    for lang, marks in hints.get(script, {}).items():
        if any(m in sample for m in marks):
            return lang
    return scripts.get(script, f"a language in {script.title()} script")


def check_english(text: str) -> None:
    """Raise DocumentError("not English: looks like …") for a text that is clearly not English."""
    foreign = guess_foreign(text)
    if foreign:
        raise DocumentError(f"not English: looks like {foreign}")
