"""Language knowledge every stage may read: word lists, cues, patterns and vocabularies kept as data.

One cached loader over ``src/eventwire/data/``: ``load("coding/nouns.json")`` parses a JSON file once,
``rows("actors/groups.tsv")`` reads a tab-separated table once; ``patterns`` and ``wordsets`` give the
regular expressions and word sets of a cue file, compiled once, here and nowhere else. This package imports no stage, so any
stage (and any other package) may import it without a circle.
"""
from __future__ import annotations

import functools
import json
import re
from importlib import resources
from typing import Any

__all__ = ["load", "names", "patterns", "rows", "text", "wordsets"]


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


_PART = re.compile(r"\{\{(\w+)\}\}")


def _expand(regex: str, parts: dict[str, str]) -> str:
    """A regex with each ``{{part}}`` replaced by that part (itself expanded): shared word alternations
    written once."""
    return _PART.sub(lambda m: _expand(parts[m[1]], parts), regex)


@functools.lru_cache(maxsize=None)
def patterns(name: str) -> dict[str, re.Pattern[str]]:
    """The regular expressions of the cue file ``data/<name>``, compiled once: its ``patterns`` (key ->
    ``{"regex": ..., "flags": ["IGNORECASE", ...]}``) with the ``{{part}}`` references of its ``parts``."""
    data = load(name)
    parts = data.get("parts", {})
    return {k: re.compile(_expand(p["regex"], parts), functools.reduce(
        lambda a, f: a | re.RegexFlag[f], p.get("flags", ()), re.RegexFlag(0))) for k, p in data["patterns"].items()}


@functools.lru_cache(maxsize=None)
def wordsets(name: str) -> dict[str, Any]:
    """The word sets of the cue file ``data/<name>`` (key -> frozenset; a table of words stays a dict)."""
    return {k: v if isinstance(v, dict) else frozenset(v) for k, v in load(name).get("words", {}).items()}
