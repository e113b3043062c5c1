"""The optional trained classifier: ACLED sub-event type from the whole text, beside the rules.

A model is trained by ``eventwire train`` (frontdoors/train.py) on a user's labelled JSONL. The ``classify``
stage runs right after the rule coder and does nothing unless its settings name a model folder
(``ClassifySettings(model=DIR)``; ``eventwire code --model DIR``). The ACLED event type follows from the
sub-event type through the codebook's hierarchy (data/coding/acled_to_plover.json); one model therefore
decides both.
"""
from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import lang
from ..model import CodedDocument, Event, Span

MODEL_FILE = "model.joblib"
MANIFEST_FILE = "manifest.json"


@functools.lru_cache(maxsize=1)
def hierarchy() -> dict[str, dict[str, Any]]:
    """ACLED sub-event type → {event_type, plover, mode}."""
    return {k: v for k, v in lang.load("coding/acled_to_plover.json").items() if not k.startswith("_")}


_DIGITS = re.compile(r"\d")


def normalise(text: str) -> str:
    """Lower case, digits folded to 0: dates and counts should not become features of their own."""
    return _DIGITS.sub("0", text.lower())


@dataclass
class Manifest:
    name: str
    labels: list[str]
    n_train: int
    n_holdout: int
    trained: str
    eventwire_version: str
    sklearn_version: str
    thresholds: dict[str, float]  # "override": overrule a rule event's sub-event; "fill": create an event
    metrics: dict[str, Any]  # on the held-out part
    skipped: dict[str, int] = field(default_factory=dict)
    tuned_against_rules: bool = True
    holdout_by: str = "id"  # "country": the held-out rows come from countries the model was not fitted on

    @classmethod
    def load(cls, folder: Path) -> Manifest:
        return cls(**json.loads((folder / MANIFEST_FILE).read_text(encoding="utf-8")))


class Classifier:
    """A trained model and its manifest, loaded from a folder written by ``train``."""

    def __init__(self, folder: str | Path):
        import joblib
        folder = Path(folder)
        if not (folder / MANIFEST_FILE).exists() or not (folder / MODEL_FILE).exists():
            raise FileNotFoundError(f"{folder} holds no trained model ({MANIFEST_FILE} and {MODEL_FILE})")
        self.manifest = Manifest.load(folder)
        self.model = joblib.load(folder / MODEL_FILE)
        self.rule = f"model:{self.manifest.name}"

    def predict(self, texts: Iterable[str]) -> list[tuple[str, float]]:
        """The most probable sub-event type of each text, with its probability."""
        probs = self.model.predict_proba(list(texts))
        classes = self.model.classes_
        return [(str(classes[i]), float(p[i])) for p, i in zip(probs, probs.argmax(axis=1))]


@functools.lru_cache(maxsize=4)
def load(folder: str) -> Classifier:
    """Loaded once per process and folder."""
    return Classifier(folder)


@dataclass(frozen=True)
class ClassifySettings:
    """The "classify" stage's settings: the folder of a model trained with ``eventwire train``, or None
    (the stage then does nothing)."""

    model: Path | None = None


def stage(settings: ClassifySettings) -> Callable[[CodedDocument], None]:
    """The "classify" stage for these settings; the model loads here, once, not per document."""
    if settings.model is None:
        return _rules_only
    return functools.partial(classify, clf=load(str(Path(settings.model).resolve())))


def _rules_only(cd: CodedDocument) -> None:
    """Without a model the rules' ACLED types stand."""


def classify(cd: CodedDocument, clf: Classifier) -> None:
    """Let a confident model fill in for or overrule the rules' ACLED sub-event."""
    label, prob = clf.predict([cd.body or cd.text])[0]
    kind = hierarchy()[label]
    thresholds = clf.manifest.thresholds
    top = max(cd.events, key=lambda e: e.confidence) if cd.events else None
    current = top.acled_sub_event_type if top else None
    # The same two cases as in tuning: the rules gave no ACLED type (fill), or another one (override).
    if label == current or prob < thresholds["fill" if current is None else "override"]:
        return
    if top is None:
        cd.events.append(_event_from_model(cd, label, kind, prob, clf.rule))
    else:
        top.acled_event_type, top.acled_sub_event_type = kind["event_type"], label
        top.decided_by = clf.rule


def _event_from_model(cd: CodedDocument, label: str, kind: dict[str, Any], prob: float, rule: str) -> Event:
    """An event the rules did not see: evidence the first sentence, trigger its root word."""
    evidence, trigger = _first_sentence(cd)
    return Event(type=kind["plover"], mode=kind["mode"], evidence=evidence, trigger=trigger, rule=rule,
                 acled_event_type=kind["event_type"], acled_sub_event_type=label, confidence=prob,
                 decided_by=rule)


def _first_sentence(cd: CodedDocument) -> tuple[Span, Span]:
    for seg in cd.segments:
        for sent in seg.doc.sents:
            words = [t for t in sent if not t.is_space]
            if words:
                root = sent.root
                return (Span(seg.offset + words[0].idx, seg.offset + words[-1].idx + len(words[-1].text)),
                        Span(seg.offset + root.idx, seg.offset + root.idx + len(root.text)))
    text = cd.body or cd.text
    start = len(text) - len(text.lstrip())
    return Span(start, len(text.rstrip())), Span(start, start)
