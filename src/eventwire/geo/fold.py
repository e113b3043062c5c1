"""Name folding: one key for the spellings of a place name that transliteration scatters.

"Al-Asabaa", "el Asábaa" and "Asabaa" fold alike; so do "Misrata"/"Misratah" and
"Tarhuna"/"Tarhunah". The folded key is what the gazetteer index is keyed by.
"""
from __future__ import annotations

import re
import unicodedata

# Apostrophes, ayn/hamza marks and backticks vanish inside names ("Sana'a", "Al Aşābi‘ah").
_MARKS = re.compile("['\u2018\u2019\u02bb\u02bc\u02be\u02bf\u00b4`\u02b9\u02c8]")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
# Arabic definite articles, written joined ("al-", "ad-") or apart ("al ", "el ").
_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|adh|ath) (?=\w)")
# Final "ah"/"eh" of Arabic transliterations is often written "a"/"e".
_FINAL_H = re.compile(r"(?<=[ae])h\b")
# Doubled letters ("Asabaa", "Sanaa") are often written single.
_DOUBLE = re.compile(r"([a-z])\1")
_POSSESSIVE = re.compile(r"(?:'s|\u2019s|s')$")


def ascii_fold(text: str) -> str:
    """Lower case, accents stripped, marks dropped; hyphens and punctuation become single spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _MARKS.sub("", text.lower())
    return _NON_ALNUM.sub(" ", text).strip()


def fold(name: str, strip_article: bool = True) -> str:
    """The index key of a name: ascii-folded, final-h and doubled letters merged, by default article-free."""
    name = _POSSESSIVE.sub("", name.strip())
    key = ascii_fold(name)
    if strip_article:
        key = _ARTICLE.sub("", key)
    key = _FINAL_H.sub("", key)
    return _DOUBLE.sub(r"\1", key)


def is_latin(name: str) -> bool:
    """True when the name is written in Latin script (other scripts never appear in English text)."""
    return all(ord(c) < 0x250 or unicodedata.combining(c) or c in "\u2018\u2019\u02bb\u02bc\u02be\u02bf"
               for c in name)


def similarity(a: str, b: str) -> float:
    """Edit similarity in [0, 1] of two folded keys (1 - Levenshtein distance / longer length)."""
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return 1.0 - prev[-1] / max(len(a), len(b))


def skeleton(key: str) -> str:
    """A coarse key for fuzzy candidates: first letter plus consonants ("asabia" -> "asb")."""
    if not key:
        return key
    return key[0] + re.sub(r"[aeiouy ]", "", key[1:])
