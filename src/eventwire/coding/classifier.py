"""The optional trained classifier: ACLED sub-event type from the whole text, beside the rules.

``train()`` fits TF-IDF word and character n-grams and a logistic regression (its probabilities
need no calibration fold of their own, so a dozen examples suffice) on a user's labelled JSONL,
keeps 10% aside (whole countries when the rows name them) to measure it and to tune when it may
overrule the rules, and saves ``model.joblib`` with a ``manifest.json``. The ``classify`` stage runs right after the rule
coder and does nothing unless a model is configured (``eventwire code --model DIR`` or
EVENTWIRE_MODEL). The ACLED event type follows from the sub-event type through the codebook's
hierarchy (data/coding/acled_to_plover.json); one model therefore decides both.
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from .. import settings
from ..model import CodedDocument, Event, Span

MODEL_FILE = "model.joblib"
MANIFEST_FILE = "manifest.json"
#: Share of the labelled rows kept aside to measure the model and tune its thresholds.
HOLDOUT = 0.1
#: The model only invents an event when it favours its label over all others together.
FILL_FLOOR = 0.5
CANDIDATE_THRESHOLDS = [round(0.05 * i, 2) for i in range(21)] + [1.01]  # 1.01: never


@functools.lru_cache(maxsize=1)
def hierarchy() -> dict[str, dict[str, Any]]:
    """ACLED sub-event type → {event_type, plover, mode}."""
    path = resources.files("eventwire") / "data" / "coding" / "acled_to_plover.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


@dataclass(frozen=True)
class Labelled:
    id: str
    text: str
    sub_event_type: str
    group: str | None = None  # the row's country, when given: the held-out part takes whole countries


def read_labelled(path: str | Path) -> tuple[list[Labelled], dict[str, int]]:
    """Rows with a text and a known ACLED sub-event type, and counts of the rows skipped and why."""
    known = hierarchy()
    rows: list[Labelled] = []
    skipped = {"no_text": 0, "no_sub_event_type": 0, "unknown_sub_event_type": 0}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except ValueError as exc:
                raise ValueError(f"{path}, line {n + 1}: not JSON ({exc})") from None
            if not isinstance(obj, dict):
                raise ValueError(f"{path}, line {n + 1}: not a JSON object")
            text, sub = obj.get("text"), obj.get("sub_event_type")
            if not isinstance(text, str) or not text.strip():
                skipped["no_text"] += 1
            elif not sub:  # legacy ACLED rows carry only the old event types
                skipped["no_sub_event_type"] += 1
            elif sub not in known:
                skipped["unknown_sub_event_type"] += 1
            else:
                rows.append(Labelled(str(obj.get("id", n)), text, sub, obj.get("country") or None))
    return rows, skipped


_DIGITS = re.compile(r"\d")


def normalise(text: str) -> str:
    """Lower case, digits folded to 0: dates and counts should not become features of their own."""
    return _DIGITS.sub("0", text.lower())


def build_model():
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline
    features = FeatureUnion([
        ("words", TfidfVectorizer(preprocessor=normalise, ngram_range=(1, 2), min_df=1, sublinear_tf=True,
                                  max_features=200_000)),
        ("chars", TfidfVectorizer(preprocessor=normalise, analyzer="char_wb", ngram_range=(2, 5), min_df=2,
                                  sublinear_tf=True, max_features=300_000)),
    ])
    # Balanced class weights: rare sub-event types matter, and in a test across countries they
    # raised accuracy too (dev/acled.jsonl halves: 0.79 against 0.76 unweighted).
    classes = LogisticRegression(C=20.0, max_iter=2000, class_weight="balanced")
    return Pipeline([("features", features), ("clf", classes)])


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


def holdout_split(rows: list[Labelled], share: float) -> tuple[list[Labelled], list[Labelled], str]:
    """Deterministic, whatever the order of the file: whole countries where every row names one (so the
    figures and thresholds are those of text from unseen places, where a model is least sure), else rows."""
    def rank(key: str) -> str:
        return hashlib.sha1(key.encode()).hexdigest()
    k = max(1, round(share * len(rows)))
    sizes: dict[str, int] = {}
    for r in rows:
        if r.group is not None:
            sizes[r.group] = sizes.get(r.group, 0) + 1
    if len(sizes) > 1 and all(r.group is not None for r in rows):
        held_groups: set[str] = set()
        total = 0
        for group in sorted(sizes, key=rank):
            if total + sizes[group] <= 1.5 * k:  # skip countries too big for the held-out part
                held_groups.add(group)
                total += sizes[group]
            if total >= k:
                break
        if total >= k // 2 and len(held_groups) < len(sizes):
            return ([r for r in rows if r.group not in held_groups], [r for r in rows if r.group in held_groups],
                    "country")
    ranked = sorted(rows, key=lambda r: rank(r.id))
    return ranked[k:], ranked[:k], "id"


def _rule_labels(rows: list[Labelled]) -> list[str | None]:
    """The rule coder's top sub-event type for each row (the stages up to and including "coder")."""
    from ..model import Document
    from ..pipeline import STAGES, Pipeline
    names = list(STAGES)
    run = Pipeline(stages=names[:names.index("coder") + 1])
    out: list[str | None] = []
    for r in rows:
        cd = run(Document(id=r.id, text=r.text))
        out.append(cd.events[0].acled_sub_event_type if cd.events else None)
    return out


def _hybrid_accuracy(gold, rules, preds, probs, t_override: float, t_fill: float) -> float:
    hits = 0
    for g, r, p, q in zip(gold, rules, preds, probs):
        decided = r
        if r is None and q >= t_fill or r is not None and r != p and q >= t_override:
            decided = p
        hits += decided == g
    return hits / len(gold) if gold else 0.0


def _tune(gold, rules, preds, probs) -> dict[str, float]:
    """Thresholds that maximise the held-out accuracy of rules + model; ties go to the stricter one."""
    best = (-1.0, 0.0, 0.0)
    for t_fill in [t for t in CANDIDATE_THRESHOLDS if t >= FILL_FLOOR]:
        for t_override in CANDIDATE_THRESHOLDS:
            acc = _hybrid_accuracy(gold, rules, preds, probs, t_override, t_fill)
            if (acc, t_override + t_fill) > (best[0], best[1] + best[2]):
                best = (acc, t_override, t_fill)
    return {"override": best[1], "fill": best[2]}


def _macro_f1(gold: list[str], pred: list[str | None]) -> float:
    f1s = []
    for label in set(gold):
        tp = sum(g == label and p == label for g, p in zip(gold, pred))
        fp = sum(g != label and p == label for g, p in zip(gold, pred))
        fn = sum(g == label and p != label for g, p in zip(gold, pred))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f1s) / len(f1s) if f1s else 0.0


def train(rows: list[Labelled], out: str | Path, *, against_rules: bool = True,
          skipped: dict[str, int] | None = None) -> Manifest:
    """Fit, measure on a held-out 10%, tune the thresholds, save to ``out``; returns the manifest."""
    import joblib
    import sklearn
    from .. import __version__
    if len({r.sub_event_type for r in rows}) < 2:
        raise ValueError("training needs labelled rows of at least two sub-event types")
    fit_rows, held, holdout_by = holdout_split(rows, HOLDOUT)
    model = build_model()
    model.fit([r.text for r in fit_rows], [r.sub_event_type for r in fit_rows])
    probs_all = model.predict_proba([r.text for r in held])
    classes = list(model.classes_)
    preds = [classes[i] for i in probs_all.argmax(axis=1)]
    probs = [float(p) for p in probs_all.max(axis=1)]
    gold = [r.sub_event_type for r in held]
    rules = _rule_labels(held) if against_rules else [None] * len(held)
    thresholds = _tune(gold, rules, preds, probs)
    events = hierarchy()
    decided = [p if (r is None and q >= thresholds["fill"]) or (r is not None and r != p and q >= thresholds["override"])
               else r for r, p, q in zip(rules, preds, probs)]
    metrics = {
        "sub_event_accuracy": round(sum(p == g for p, g in zip(preds, gold)) / len(gold), 4),
        "sub_event_macro_f1": round(_macro_f1(gold, preds), 4),
        "event_type_accuracy": round(sum(events[p]["event_type"] == events[g]["event_type"]
                                         for p, g in zip(preds, gold)) / len(gold), 4),
        "rules_sub_event_accuracy": round(sum(r == g for r, g in zip(rules, gold)) / len(gold), 4),
        "rules_plus_model_sub_event_accuracy": round(sum(d == g for d, g in zip(decided, gold)) / len(gold), 4),
    }
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, folder / MODEL_FILE, compress=3)
    manifest = Manifest(name=folder.resolve().name, labels=classes, n_train=len(fit_rows), n_holdout=len(held),
                        trained=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                        eventwire_version=__version__, sklearn_version=sklearn.__version__,
                        thresholds=thresholds, metrics=metrics, skipped=skipped or {},
                        tuned_against_rules=against_rules, holdout_by=holdout_by)
    (folder / MANIFEST_FILE).write_text(json.dumps(asdict(manifest), indent=2) + "\n", encoding="utf-8")
    return manifest


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


def classify(cd: CodedDocument) -> None:
    """The "classify" stage: let a confident model fill in for or overrule the rules' ACLED sub-event."""
    folder = settings.model_dir()
    if folder is None:
        return
    clf = load(str(folder))
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
