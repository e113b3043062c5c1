"""Who backs, arms or is allied with whom, as the text states it, with the evidence span of each edge.

"Hifter is backed by the UAE, Egypt and Russia" gives three edges UAE/Egypt/Russia -> Hifter;
"Turkish-backed militias", "militias allied with the government", "mercenaries aiding the LAAF" and
"Russia supplied drones to the LAAF" give one each.
"""
from __future__ import annotations

from typing import Any

from .. import actors
from ..model import CodedDocument, Relation, Span
from . import modality, roles
from .coder import evidence_span
from ..lang.words import relation_verbs


def _with_conjuncts(tok: Any) -> list[Any]:
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out.extend(_with_conjuncts(c))
    return out


def _nearest_conjunct(noun: Any, verb: Any) -> Any:
    """ "forces and militias allied with X": a participle after coordinated nouns describes the nearest
    one, though the parser may hang it on the first."""
    before = [c for c in noun.conjuncts if noun.i < c.i < verb.i]
    return max(before, key=lambda c: c.i) if before else noun


def _pairs(verb: Any) -> tuple[list[Any], Any, str] | None:
    """(sources, target, how) for one relation verb, or None."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if agent is not None:
        by = next((c for c in agent.children if c.dep_ == "pobj"), None)
        if patient is None and verb.dep_ in ("acl", "amod"):
            patient = _nearest_conjunct(verb.head, verb)
        if by is not None and patient is not None:
            return _with_conjuncts(by), patient, "passive"
    if verb.dep_ == "amod":  # "Turkish-backed militias", "Tripoli-allied forces"
        mod = next((c for c in verb.children if c.dep_ in ("npadvmod", "compound", "nmod")), None)
        if mod is not None:
            return [mod], verb.head, "compound"
    if verb.lemma_.lower() in ("ally", "align"):  # "militias allied with the government"
        with_ = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"), None)
        obj = next((c for c in with_.children if c.dep_ == "pobj"), None) if with_ is not None else None
        subj = _nearest_conjunct(verb.head, verb) if verb.dep_ in ("acl", "amod") else next(
            (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if obj is not None and subj is not None:
            return [obj], subj, "allied"
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None and verb.dep_ == "acl":  # "mercenaries aiding the LAAF"
        subj = verb.head
    to = next((c for c in verb.children if c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ == "to")), None)
    receiver = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    obj = receiver or next((c for c in verb.children if c.dep_ == "dobj"), None)  # "supplied drones to X": X
    if verb.pos_ == "VERB" and subj is not None and obj is not None:
        return _with_conjuncts(subj), obj, "active"
    return None


def _np(tok: Any) -> Any:
    span = roles._np(tok)
    return span if span is not None else tok.doc[tok.i:tok.i + 1]


def find(cd: CodedDocument) -> None:
    """Fill ``cd.relations`` from every segment."""
    verbs = relation_verbs()
    for seg in cd.segments:
        for tok in seg.doc:
            rel = verbs.get(tok.lemma_.lower())
            if rel is None or tok.pos_ not in ("VERB", "ADJ"):
                continue
            found = _pairs(tok)
            if found is None:
                continue
            sources, target, how = found
            evidence = evidence_span(tok.sent, seg.offset)
            target_actor = actors.resolve_span(_np(target), seg.offset)
            for src in sources:
                source_actor = actors.resolve_span(_np(src), seg.offset)
                parties = tuple(w for a in (source_actor, target_actor) for w in (a.name, a.text) if w)
                cd.relations.append(Relation(
                    relation=rel, source=source_actor, target=target_actor,
                    evidence=evidence, trigger=Span(seg.offset + tok.idx, seg.offset + tok.idx + len(tok)),
                    rule=f"relation:{tok.lemma_.lower()}:{how}", status=modality.assess(tok, tok.sent, parties).status))
