"""Parsing: spaCy loaded once (``loader``), every body and caption parsed, selectively after the pre-parse pass."""
from __future__ import annotations

import functools
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, NORM, POS, SENT_START, TAG
from spacy.tokens import Doc

from .. import settings
from ..model import CodedDocument, Segment
from .loader import load
from .pieces import pieces
from .ruler import Ruler
from .triage import sentences, triage

BATCH = 64
#: Most characters given to spaCy in one batch: its activations for a batch grow with the batch's text,
#: so the pieces of a long document go through a few at a time (peak memory bounded, not growing with it).
BATCH_CHARS = 200_000
#: What the tagger, parser, attribute ruler and lemmatizer write on a token.
_PARSE = [TAG, POS, MORPH, LEMMA, DEP, HEAD]


@dataclass(frozen=True)
class NlpSettings:
    """The nlp stage's settings; the defaults come from the environment (``settings.py``)."""

    #: parse only the sentences the cheap pass (``triage``) finds need it; False: the whole pipeline everywhere
    selective: bool = field(default_factory=lambda: settings.SELECTIVE_PARSE)


class Parser:
    """The nlp stage made from its settings: ``parser(cd)`` for one document, ``parser.many(cds)`` for a batch."""

    def __init__(self, config: NlpSettings):
        self.config = config

    def __call__(self, cd: CodedDocument) -> None:
        parse_many([cd], self.config)

    def many(self, cds: list[CodedDocument]) -> None:
        parse_many(cds, self.config)


_ENTS = "eventwire:ents"


def entities(doc: Doc) -> tuple[Any, ...]:
    """``doc.ents``, made once per doc: spaCy builds every entity Span anew on each access, a cost in the
    length of the doc that stages asking once per token or per phrase would pay over and over."""
    return _entity_index(doc)[0]


def entities_in(span: Any) -> list[Any]:
    """``span.ents`` as spaCy gives them (the entities from the span's start that end within it)."""
    ents, starts = _entity_index(span.doc)
    out = []
    for ent in ents[bisect_left(starts, span.start):]:
        if ent.end > span.end:
            break
        out.append(ent)
    return out


def entity_at(doc: Doc, i: int) -> Any | None:
    """The entity that token ``i`` is part of, if any."""
    ents, starts = _entity_index(doc)
    k = bisect_right(starts, i) - 1
    return ents[k] if k >= 0 and ents[k].start <= i < ents[k].end else None


def _entity_index(doc: Doc) -> tuple[tuple[Any, ...], list[int]]:
    found = doc.user_data.get(_ENTS)
    if found is None:
        ents = tuple(doc.ents)
        found = doc.user_data[_ENTS] = (ents, [e.start for e in ents])
    return found


def parse(cd: CodedDocument) -> None:
    """Parse the body (boilerplate blanked, offsets unchanged), in bounded pieces, and each caption on its own."""
    parse_many([cd])


def parse_many(cds: list[CodedDocument], config: NlpSettings | None = None) -> None:
    """``parse`` for a batch: one ``nlp.pipe`` over every body and caption, several times faster
    than one call per text on short news."""
    config = config or NlpSettings()
    texts: list[str] = []
    owners: list[tuple[CodedDocument, int, str]] = []
    for cd in cds:
        cd.segments = []
        for start, end in pieces(cd.body):
            texts.append(cd.body[start:end])
            owners.append((cd, start, "body"))
        for cap in cd.captions:
            texts.append(cap.of(cd.text))
            owners.append((cd, cap.start, "caption"))
    batch = max(1, min(BATCH, BATCH_CHARS // max(map(len, texts), default=1)))
    docs = parse_selectively(texts, batch) if config.selective else load().pipe(texts, batch_size=batch)
    for (cd, offset, kind), doc, text in zip(owners, docs, texts):
        cd.segments.append(Segment(offset, doc, kind, text))


def parse_selectively(texts: list[str], batch: int = BATCH) -> list[Any]:
    """One Doc per text, as the whole pipeline makes it, but with tags, lemmas and the parse only where
    the cheap pass (``triage``) finds a sentence that needs them; the entity recogniser, which reads
    the words alone, still runs on every token. Every text is tokenised once; what the parser gives
    each piece is written back onto the text's own tokens."""
    nlp = load()
    bare = [nlp.make_doc(t) for t in texts]
    plans = [triage(d) for d in bare]
    out: list[Any] = list(bare)
    # a short text, or one that needs the parse all through, is parsed whole
    whole = [i for i, plan in enumerate(plans) if all(p.need == "parse" for p in plan)]
    for i, doc in zip(whole, _pipe((bare[i] for i in whole), batch=batch)):
        out[i] = doc
    split = [i for i in range(len(bare)) if i not in set(whole)]
    jobs = [(i, p, _piece(bare[i], p.start, p.end)) for i in split for p in plans[i] if p.need == "parse"]
    parses = {i: numpy.zeros((len(bare[i]), len(_PARSE)), dtype="uint64") for i in split}
    for (i, p, _), doc in zip(jobs, _pipe((d for _, _, d in jobs), skip=("ner",), batch=batch)):
        parses[i][p.start:p.end] = doc.to_array(_PARSE)  # heads are relative: they stay within the piece
    for i in split:
        bare[i].from_array(_PARSE, parses[i])
        _mark_sentences(bare[i], plans[i])
    others = [n for n in nlp.pipe_names if n != "ner"]
    for i, doc in zip(split, nlp.pipe((out[i] for i in split), batch_size=batch, disable=others)):
        out[i] = doc
    return out


def _pipe(docs: Iterable[Any], skip: tuple[str, ...] = (), batch: int = BATCH) -> Iterator[Any]:
    """``nlp.pipe`` over tokenised docs without the components in ``skip``, the attribute ruler's rules
    applied by ``ruler.Ruler`` (the same values, several times faster)."""
    nlp = load()
    for name, proc in nlp.pipeline:
        if name in skip:
            continue
        docs = map(_ruler(), docs) if name == "attribute_ruler" else proc.pipe(docs, batch_size=batch)
    return iter(docs)


@functools.lru_cache(maxsize=None)
def _ruler() -> Ruler:
    return Ruler(load().get_pipe("attribute_ruler"))


def _piece(doc: Any, start: int, end: int) -> Any:
    """Tokens [start, end) of an unparsed doc as a doc of their own (``Span.as_doc`` without its copies
    of the whole doc's arrays): the words, the blanks after them, and the norms the tokenizer's
    exceptions gave ("n't" -> "not")."""
    words = doc[start:end]
    piece = Doc(doc.vocab, words=[t.text for t in words], spaces=[bool(t.whitespace_) for t in words])
    piece.from_array([NORM], doc.to_array([NORM])[start:end])
    return piece


def _mark_sentences(doc: Any, plan: list[Any]) -> None:
    """Sentence starts in the pieces the parser did not see, as the cheap pass split them (the parsed
    pieces have theirs from the parse)."""
    starts = doc.to_array([SENT_START])
    for a, _ in sentences(doc):
        if next(p for p in plan if p.start <= a < p.end).need != "parse":
            starts[a] = 1
    doc.from_array([SENT_START], starts)
