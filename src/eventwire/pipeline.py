"""One pipeline, many front doors: ``code()`` and ``pipe()`` serve the CLI, the API, batch and tests.

The stages: clean → nlp → times → coder → classify → geo → dates → actors → collapse → gate. Each is a component
registered by name (as spaCy's are): a factory that makes the stage ``stage(cd: CodedDocument) -> None``
from the stage's own settings (a frozen dataclass; ``NoSettings`` for a stage with nothing to set). A
stage adds its part and never reaches back into an earlier one; a component may also have a batch form
that ``Pipeline.pipe`` uses for many documents at once. A stage that raises leaves its document with an
``error``; the other documents go on.

    Pipeline(settings={"classify": ClassifySettings(model=Path("my-model"))})
    eventwire.code(text, settings={"classify": ClassifySettings(model=folder)})
"""
from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import islice
from typing import Any

from . import actors, coding, geo, nlp, timex
from .coding import classifier
from .incidents.collapse import collapse
from .incidents.gate import Gate, GateSettings
from .ingest import clean
from .ingest.jsonl import document_from_dict
from .model import CodedDocument, Document, DocumentError

log = logging.getLogger(__name__)

Stage = Callable[[CodedDocument], None]
#: The settings of each stage by name; a stage not named keeps its defaults.
Settings = Mapping[str, Any]


@dataclass(frozen=True)
class NoSettings:
    """The settings of a stage with nothing to set."""


@dataclass(frozen=True)
class Component:
    """A stage as registered: how to make it from its settings. A made stage with a ``many`` method (the
    same work for a list of documents at once) is run through it on batches."""

    make: Callable[[Any], Stage]
    settings: type = NoSettings

    @classmethod
    def plain(cls, stage: Stage) -> Component:
        """A stage with nothing to set."""
        return cls(make=lambda _settings: stage)


#: The registered components by name, in pipeline order. ``Pipeline(stages=[...])`` picks a subset or another
#: order; a new stage registers itself here under its name.
COMPONENTS: dict[str, Component] = {
    "clean": Component.plain(clean.clean),
    "nlp": Component(make=nlp.Parser, settings=nlp.NlpSettings),
    "times": Component.plain(timex.tag),
    "coder": Component.plain(coding.code_events),
    # a no-op unless its settings name a trained model (code --model)
    "classify": Component(make=classifier.stage, settings=classifier.ClassifySettings),
    "geo": Component.plain(geo.geocode),
    "dates": Component.plain(timex.date_events),
    "actors": Component.plain(actors.contextualise),
    "collapse": Component.plain(collapse),  # the mentions of one happening are one event (incidents/coref.py)
    "gate": Component(make=Gate, settings=GateSettings),  # background, conventions, metaphors, plans: no happening to publish
}

BATCH_SIZE = 32


class Pipeline:
    def __init__(self, stages: Iterable[str] | None = None, settings: Settings | None = None):
        names = list(stages) if stages is not None else list(COMPONENTS)
        settings = dict(settings or {})
        unknown = [n for n in [*names, *settings] if n not in COMPONENTS]
        if unknown:
            raise ValueError(f"unknown stages: {', '.join(unknown)}")
        self.stages: list[tuple[str, Stage, Callable[[list[CodedDocument]], None] | None]] = []
        for name in names:
            component = COMPONENTS[name]
            given = settings.get(name, component.settings())
            if not isinstance(given, component.settings):
                raise TypeError(f"the settings of stage {name} are a {component.settings.__name__}, "
                                f"not a {type(given).__name__}")
            stage = component.make(given)
            self.stages.append((name, stage, getattr(stage, "many", None)))

    def __call__(self, doc: Document) -> CodedDocument:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Document], batch_size: int = BATCH_SIZE) -> Iterator[CodedDocument]:
        """Code documents in batches (order kept); each document's failure stays its own."""
        it = iter(docs)
        while batch := list(islice(it, batch_size)):
            cds = [CodedDocument(doc=d) for d in batch]
            for name, stage, many in self.stages:
                live = [cd for cd in cds if not cd.error]
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


def shared(settings: Settings | None = None) -> Pipeline:
    """The whole pipeline with these settings, made once per process (models load once)."""
    return _shared(tuple(sorted((settings or {}).items())))


@functools.lru_cache(maxsize=4)
def _shared(settings: tuple[tuple[str, Any], ...]) -> Pipeline:
    return Pipeline(settings=dict(settings))


def code(text: str, published: str | None = None, *, settings: Settings | None = None, **meta) -> CodedDocument:
    """Code one text. ``meta`` may hold id, title, url, source and any other metadata."""
    doc = Document(id=str(meta.pop("id", "doc")), text=text, published=published,
                   title=meta.pop("title", None), url=meta.pop("url", None),
                   source=meta.pop("source", None), meta=meta)
    return shared(settings)(doc)


def pipe(docs: Iterable[Document | dict], *, settings: Settings | None = None) -> Iterator[CodedDocument]:
    """Code many documents (Document objects or contract dicts), in order."""
    yield from shared(settings).pipe(d if isinstance(d, Document) else document_from_dict(d) for d in docs)
