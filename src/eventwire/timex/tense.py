"""The tense of the clause a time expression belongs to, read from the spaCy parse."""
from __future__ import annotations

from typing import Any

#: Verbs whose present tense points forward ("plans to meet Friday", "is expected in December").
FORWARD_VERBS = frozenset("plan expect intend schedule hope aim prepare promise vow pledge propose due "
                          "await postpone delay adjourn".split())
FUTURE_AUX = frozenset({"will", "'ll", "ll", "shall", "wo"})


def governing_verb(doc: Any, start: int, end: int) -> tuple[Any | None, list[Any]]:
    """The verb a span of ``doc`` (character offsets) hangs from, and the tokens climbed through to reach it."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None, []
    tok, path = span.root, []
    for _ in range(12):
        path.append(tok)
        if tok.pos_ in ("VERB", "AUX") and not (span.start <= tok.i < span.end):
            return tok, path
        if tok.head is tok:
            break
        tok = tok.head
    return None, path


def verb_tense(v: Any, depth: int = 0) -> str | None:
    """'past', 'present' or 'future' for a verb token, from its tag, auxiliaries and meaning."""
    auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & FUTURE_AUX or v.lemma_ in FORWARD_VERBS:
        return "future"  # "will meet", and "planned a rally on Saturday" points forward too
    if v.lemma_ == "set" and v.tag_ == "VBN" and words & {"is", "are", "was", "were", "been"}:
        return "future"  # "the trial is set for 15 June"
    if v.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if words & {"has", "have", "'ve", "'s"} and (v.tag_ == "VBN" or "been" in words):
        return "past"
    if "could" in words:
        return None  # "could not be reached Wednesday": ability, often in the past
    if words & {"would", "'d", "may", "might", "should", "must", "can"}:
        return "past" if "have" in words else "future"
    if v.tag_ == "VB" and "to" in words:  # an infinitive takes its direction from the verb above it
        head = v.head if v.head is not v else None
        if head is not None and head.lemma_ in ("set", "slate", "poise", "due"):
            return "future"  # "set to resume Monday", "is slated to meet"
        if head is not None and depth < 2 and head.pos_ in ("VERB", "AUX"):
            return "future" if verb_tense(head, depth + 1) in ("present", "future") else None
        return None
    if v.tag_ == "VBG" and words & {"is", "are", "am", "'re", "'m"}:
        return "future"  # "is meeting on Friday"
    if v.tag_ in ("VBZ", "VBP") or words & {"is", "are", "am"}:
        return "present"
    return None


def tense_at(doc: Any, start: int, end: int) -> str | None:
    """The tense that orients a time expression: its preposition first ("since", "until"), then its verb."""
    span = doc.char_span(start, end, alignment_mode="expand")
    verb, _ = governing_verb(doc, start, end)
    tense = verb_tense(verb) if verb is not None else None
    if span is not None and span.start > 0:
        before = doc[span.start - 1].lower_
        if before == "since":
            return "past"
        if before in ("until", "till"):  # a deadline lies ahead, unless told from further back ("had not")
            had = verb is not None and any(c.lower_ == "had" for c in verb.children)
            return "past" if had else "future"
        if before == "by":
            return "past" if tense == "past" else "future"
        if span.start > 2 and before == "as" and doc[span.start - 2].lower_ in ("early", "soon"):
            return "future"  # "as early as Tuesday"
        if span.start > 2 and before == "of" and doc[span.start - 2].lower_ == "ahead":
            return "future"  # "ahead of the weekend"
    if span is not None and span.end < len(doc) and doc[span.end].tag_ == "POS":
        return None  # "Wednesday's ruling": a thing done, whatever the verb says
    return tense
