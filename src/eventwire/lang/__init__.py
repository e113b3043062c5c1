"""Language knowledge every stage may read: word lists, cues, patterns and vocabularies kept as data.

One cached loader over ``src/eventwire/data/``: ``load("coding/nouns.json")`` parses a JSON file once,
``rows("actors/groups.tsv")`` reads a tab-separated table once. This package imports no stage, so any
stage (and any other package) may import it without a circle.
"""
from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

__all__ = ["load", "names", "rows", "text"]


@functools.lru_cache(maxsize=None)
def text(name: str) -> str:
    """The text of the data file ``data/<name>`` (UTF-8)."""
    return resources.files("eventwire").joinpath("data", *name.split("/")).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=None)
def load(name: str) -> Any:
    """The JSON data file ``data/<name>``, parsed once (callers must not change it)."""
    return json.loads(text(name))


@functools.lru_cache(maxsize=None)
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of the tab-separated data file ``data/<name>``: blank lines and ``#`` comments left out."""
    return tuple(tuple(line.split("\t")) for line in text(name).splitlines()
                 if line.strip() and not line.lstrip().startswith("#"))


@functools.lru_cache(maxsize=None)
def names(folder: str) -> tuple[str, ...]:
    """The names of the files in ``data/<folder>``, sorted (a data set kept as one file a part)."""
    path = resources.files("eventwire").joinpath("data", *folder.split("/"))
    return tuple(sorted(p.name for p in path.iterdir() if p.is_file()))
