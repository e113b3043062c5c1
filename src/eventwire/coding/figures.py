"""Counts the text reports ("at least 168 people infected", "14 aircraft"), with the words they came from."""
from __future__ import annotations

from typing import Any

from .. import lang
from ..model import CodedDocument, Figure, Span
from .coder import evidence_span


def _data() -> dict[str, Any]:
    return lang.load("coding/figures.json")


def value(tok: Any) -> int | None:
    """The integer a number token stands for ("168", "1,500", "five", "dozens"), scaled by a following
    "hundred"/"thousand"/"million"; None when it is not a plain count."""
    data = _data()
    text = tok.lower_.replace(",", "")
    if text.isdigit():
        n = int(text)
    elif text in data["words"]:
        n = data["words"][text]
    else:
        return None
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ in data["scale"] and nxt.head.i in (tok.i, tok.head.i):
        n *= data["scale"][nxt.lower_]
    return n


def find(cd: CodedDocument) -> None:
    """Fill ``cd.figures``: every count whose noun or governing verb says what was counted."""
    what = _data()["what"]
    for seg in cd.segments:
        for tok in seg.doc:
            if tok.dep_ not in ("nummod", "dobj", "nsubj", "nsubjpass", "pobj") or not tok.like_num:
                continue
            if tok.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "ORDINAL"):
                continue
            n = value(tok)
            if n is None:
                continue
            noun = tok.head if tok.dep_ == "nummod" else tok
            label = what.get(noun.lemma_.lower())
            if label is None and noun.head.i != noun.i:
                label = what.get(noun.head.lemma_.lower())  # "infected ... 168 people", "168 people were killed"
            if label is None:
                for c in noun.children:  # "168 people infected"
                    if c.dep_ in ("acl", "amod") and c.lemma_.lower() in what:
                        label = what[c.lemma_.lower()]
            if label is None:
                continue
            start = min(t.left_edge.i for t in (tok,) if t.left_edge.i >= noun.left_edge.i)
            start = min(start, noun.left_edge.i) if noun.i != tok.i else start
            words = seg.doc[start:max(tok.i, noun.i) + 1]
            s = seg.offset + words.start_char
            cd.figures.append(Figure(value=n, what=label, text=words.text, span=Span(s, s + len(words.text)),
                                     evidence=evidence_span(tok.sent, seg.offset), rule=f"figure:{noun.lemma_.lower()}"))
