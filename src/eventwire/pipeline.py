"""One pipeline, many front doors: ``code()`` and ``pipe()`` serve the CLI, the API, batch and tests.

The stages: clean → nlp → times → coder → classify → geo → dates → actors → collapse → gate. Each stage is a function
``stage(cd: CodedDocument) -> None`` that adds its part and never reaches back into an earlier one;
a stage may also have a batch form (``BATCHED``) that ``Pipeline.pipe`` uses for many documents at
once. A stage that raises leaves its document with an ``error``; the other documents go on.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from . import actors, coding, geo, nlp, timex
from .incidents.collapse import collapse
from .incidents.gate import gate
from .coding import classifier
from .ingest import clean
from .model import CodedDocument, Document, DocumentError

log = logging.getLogger(__name__)

Stage = Callable[[CodedDocument], None]

#: The stages by name, in order. ``Pipeline(stages=[...])`` picks a subset or another order.
STAGES: dict[str, Stage] = {
    "clean": clean.clean,
    "nlp": nlp.parse,
    "times": timex.tag,
    "coder": coding.code_events,
    "classify": classifier.classify,  # a no-op unless a trained model is configured (code --model)
    "geo": geo.geocode,
    "dates": timex.date_events,
    "actors": actors.contextualise,
    "collapse": collapse,  # the mentions of one happening are one event (incidents/coref.py)
    "gate": gate,  # background, conventions, metaphors, plans: no happening to publish
}


#: Batch forms of stages: the same work for a list of documents at once.
BATCHED: dict[Stage, Callable[[list[CodedDocument]], None]] = {nlp.parse: nlp.parse_many}

BATCH_SIZE = 32


class Pipeline:
    def __init__(self, stages: Iterable[str] | None = None):
        names = list(stages) if stages is not None else list(STAGES)
        unknown = [n for n in names if n not in STAGES]
        if unknown:
            raise ValueError(f"unknown stages: {', '.join(unknown)}")
        self.stages = [(n, STAGES[n]) for n in names]

    def __call__(self, doc: Document) -> CodedDocument:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Document], batch_size: int = BATCH_SIZE) -> Iterator[CodedDocument]:
        """Code documents in batches (order kept); each document's failure stays its own."""
        it = iter(docs)
        while batch := list(islice(it, batch_size)):
            cds = [CodedDocument(doc=d) for d in batch]
            for name, stage in self.stages:
                live = [cd for cd in cds if not cd.error]
                many = BATCHED.get(stage)
                if many is not None and len(live) > 1:
                    try:
                        many(live)
                        continue
                    except Exception:  # find the document that broke the batch: one at a time
                        log.warning("stage %s failed on a batch; retrying one document at a time", name)
                for cd in live:
                    _run(name, stage, cd)
            for cd in cds:
                if not cd.error:
                    cd.events.sort(key=lambda e: -e.confidence)
                cd.segments = []  # spaCy docs are large: do not keep them past coding
            yield from cds


def _run(name: str, stage: Stage, cd: CodedDocument) -> None:
    try:
        stage(cd)
    except DocumentError as exc:
        cd.error = str(exc)
    except Exception as exc:  # one document's failure must not stop the batch
        log.exception("stage %s failed on %s", name, cd.id)
        cd.error = f"{name}: {type(exc).__name__}: {exc}"


_default: Pipeline | None = None


def _pipeline() -> Pipeline:
    global _default
    if _default is None:
        _default = Pipeline()
    return _default


def code(text: str, published: str | None = None, **meta) -> CodedDocument:
    """Code one text. ``meta`` may hold id, title, url, source and any other metadata."""
    doc = Document(id=str(meta.pop("id", "doc")), text=text, published=published,
                   title=meta.pop("title", None), url=meta.pop("url", None),
                   source=meta.pop("source", None), meta=meta)
    return _pipeline()(doc)


def pipe(docs: Iterable[Document | dict]) -> Iterator[CodedDocument]:
    """Code many documents (Document objects or contract dicts), in order."""
    from .ingest.jsonl import document_from_dict
    yield from _pipeline().pipe(d if isinstance(d, Document) else document_from_dict(d) for d in docs)
