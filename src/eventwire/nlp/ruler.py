"""spaCy's attribute ruler (tag → POS and morphology, pronoun lemmas, ...), its own rules applied the same
way at a fraction of the cost.

The small model's ruler runs a ``Matcher`` of some 180 patterns over every token: about an eighth of the
whole pipeline's time. Nearly all its patterns test one token's tag, lower-case form, dependency label or
whitespace, so which of them hold for a token follows from a few dictionary look-ups, cached; the few
patterns of several tokens stay with a ``Matcher`` of their own. A token then gets, attribute by
attribute, the value of the last pattern that holds for it, as the ruler's own sort by pattern order
gives it.
"""
from __future__ import annotations

import re
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.matcher import Matcher
from spacy.tokens._retokenize import set_token_attrs

#: The token attributes single-token patterns may test here, and their columns in ``to_array``.
_TESTED = ("TAG", "LOWER", "DEP", "IS_SPACE")
_NONE = object()
_CACHE = 200_000  # tokens kinds remembered


class Ruler:
    """The rules of a spaCy ``AttributeRuler``; call it on a tagged and parsed ``Doc``."""

    def __init__(self, ruler: Any):
        self.vocab = ruler.vocab
        self.attrs: list[dict] = list(ruler.attrs)
        self.indices: list[int] = list(ruler.indices)
        self.single: list[tuple[int, dict[str, Any]]] = []  # (rule, predicates) of one-token patterns
        self.several = Matcher(ruler.vocab)
        for rule, spec in enumerate(ruler.patterns):
            for pattern in spec["patterns"]:
                if len(pattern) == 1 and set(pattern[0]) <= set(_TESTED) and self.indices[rule] in (0, -1):
                    self.single.append((rule, pattern[0]))
                else:
                    self.several.add(str(rule), [pattern])
        self._strings: dict[int, str] = {0: ""}
        self._by_value: dict[tuple[str, int], frozenset[int]] = {}  # (attribute, value) -> patterns it satisfies
        self._tests = {name: self._index(name) for name in _TESTED}
        self._token_attrs: dict[tuple, dict | None] = {}  # (tag, lower, dep, space) -> what the rules set

    def __call__(self, doc: Any) -> Any:
        extra: dict[int, list[int]] = {}  # token -> rules of several tokens that set it
        for key, start, end in self.several(doc, allow_missing=True):
            rule = int(self.vocab.strings[key])
            index = self.indices[rule]
            extra.setdefault(start + index if index >= 0 else end + index, []).append(rule)
        rows = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()
        cache = self._token_attrs
        for i, row in enumerate(rows):
            row = tuple(row)
            attrs = cache.get(row, False)
            if attrs is False:
                if len(cache) > _CACHE:
                    cache.clear()
                attrs = cache[row] = self._compose({self.single[p][0] for p in self._held_all(row)})
            if i in extra:
                attrs = self._compose({self.single[p][0] for p in self._held_all(row)} | set(extra[i]))
            if attrs:
                set_token_attrs(doc[i], attrs)
        return doc

    def _held_all(self, row: tuple) -> frozenset[int]:
        """The one-token patterns that hold for a token's (tag, lower, dep, space)."""
        return frozenset.intersection(*(self._held(name, value) for name, value in zip(_TESTED, row)))

    def _held(self, name: str, value: int) -> frozenset[int]:
        """The one-token patterns (indices into ``single``) whose test of attribute ``name`` holds for
        ``value`` (patterns that do not test it hold)."""
        found = self._by_value.get((name, value))
        if found is None:
            untested, listed, other = self._tests[name]
            text = bool(value) if name == "IS_SPACE" else self._string(value)
            found = self._by_value[(name, value)] = untested | listed.get(text, frozenset()) | frozenset(
                p for p, test in other if _holds(test, text))
        return found

    def _index(self, name: str) -> tuple[frozenset[int], dict[Any, frozenset[int]], list[tuple[int, Any]]]:
        """The patterns that do not test attribute ``name``; value -> the patterns whose test is that
        value or a list holding it; the other tests (NOT_IN, REGEX), to evaluate."""
        untested, listed, other = set(), {}, []
        for p, (_, pred) in enumerate(self.single):
            test = pred.get(name, _NONE)
            if test is _NONE:
                untested.add(p)
            elif not isinstance(test, dict) or set(test) == {"IN"}:
                for v in (test["IN"] if isinstance(test, dict) else [test]):
                    listed.setdefault(v, set()).add(p)
            else:
                other.append((p, test))
        return frozenset(untested), {v: frozenset(ps) for v, ps in listed.items()}, other

    def _string(self, value: int) -> str:
        s = self._strings.get(value)
        if s is None:
            s = self._strings[value] = self.vocab.strings[value]
        return s

    def _compose(self, rules: set[int]) -> dict | None:
        """What the rules set, each attribute from the last rule that sets it."""
        out: dict = {}
        for rule in sorted(rules):
            out.update(self.attrs[rule])
        return out or None


def _holds(test: Any, value: Any) -> bool:
    """A Matcher token test (a value, or {"IN": [...]}, {"NOT_IN": [...]}, {"REGEX": ...}) on one value."""
    if not isinstance(test, dict):
        return value == test
    (op, arg), = test.items()
    if op == "IN":
        return value in arg
    if op == "NOT_IN":
        return value not in arg
    if op == "REGEX":
        return bool(re.search(arg, value))
    raise ValueError(f"attribute ruler: unsupported test {test!r}")
