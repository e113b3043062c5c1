"""`eventwire train` and `eventwire code --model`: the optional classifier beside the rules."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.coding import classifier
from eventwire.coding.classifier import ClassifySettings
from eventwire.frontdoors import train
from eventwire.model import CodedDocument, Document, Event, Span
from eventwire.pipeline import Pipeline

# Sentences written for these tests: three ACLED sub-event types, four of each.
LABELLED = [
    ("p1", "Hundreds of nurses marched peacefully through the capital demanding higher wages.", "Peaceful protest"),
    ("p2", "Students held a peaceful rally outside the ministry to demand lower tuition fees.", "Peaceful protest"),
    ("p3", "Farmers gathered with banners in the main square, protesting against new taxes.", "Peaceful protest"),
    ("p4", "Teachers staged a sit-in at the town hall, demanding unpaid salaries.", "Peaceful protest"),
    ("c1", "Soldiers clashed with rebel fighters near the border village; gunfire lasted hours.", "Armed clash"),
    ("c2", "Militants and army troops exchanged fire on the outskirts of the town.", "Armed clash"),
    ("c3", "Rebels attacked an army checkpoint and fought soldiers with rifles until dawn.", "Armed clash"),
    ("c4", "Government forces battled insurgents in the hills, exchanging heavy gunfire.", "Armed clash"),
    ("a1", "Warplanes bombed a rebel camp in the north, the air force said.", "Air/drone strike"),
    ("a2", "A drone strike hit a vehicle carrying militants on the highway.", "Air/drone strike"),
    ("a3", "Fighter jets carried out airstrikes on positions held by the insurgents.", "Air/drone strike"),
    ("a4", "An air raid by military aircraft destroyed a weapons depot of the militia.", "Air/drone strike"),
]
EVENT_TYPE = {"Peaceful protest": "Protests", "Armed clash": "Battles", "Air/drone strike": "Explosions/Remote violence"}


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "eventwire", *args], input=stdin, capture_output=True,
                          text=True, timeout=300)


def said(proc: subprocess.CompletedProcess) -> str:
    """Standard error with the console's line wrapping undone."""
    return " ".join(proc.stderr.split())


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("train")
    data = folder / "labelled.jsonl"
    lines = [{"id": i, "text": t, "published": None, "event_type": EVENT_TYPE[s], "sub_event_type": s}
             for i, t, s in LABELLED]
    lines.append({"id": "legacy", "text": "Riots broke out.", "event_type": "Riots/Protests"})  # no sub-event type
    data.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    proc = run("train", str(data), "--out", str(folder / "demo-model"))
    assert proc.returncode == 0, proc.stderr
    assert "12 labelled rows (skipped: 1 no sub event type)" in said(proc)
    return folder / "demo-model"


def test_manifest_describes_the_model(model_dir):
    manifest = json.loads((model_dir / "manifest.json").read_text())
    assert (model_dir / "model.joblib").stat().st_size > 0
    assert manifest["name"] == "demo-model"
    assert manifest["labels"] == sorted(EVENT_TYPE)
    assert manifest["n_train"] + manifest["n_holdout"] == 12 and manifest["n_holdout"] >= 1
    assert manifest["skipped"]["no_sub_event_type"] == 1
    assert manifest["holdout_by"] == "id"  # the rows name no country
    assert set(manifest["thresholds"]) == {"override", "fill"}
    assert manifest["thresholds"]["fill"] >= train.FILL_FLOOR
    assert 0.0 <= manifest["metrics"]["sub_event_accuracy"] <= 1.0
    assert manifest["eventwire_version"] and manifest["sklearn_version"] and manifest["trained"]


def test_model_predicts_unseen_sentences(model_dir):
    clf = classifier.Classifier(model_dir)
    preds = clf.predict(["Thousands of workers marched peacefully demanding better wages.",
                         "Warplanes bombed the militia camp and a drone strike hit a truck."])
    assert [label for label, _ in preds] == ["Peaceful protest", "Air/drone strike"]
    assert all(0.0 < p <= 1.0 for _, p in preds)


def eager_copy(model_dir: Path, folder: Path) -> Path:
    """The trained model with both thresholds at zero: it decides whenever rules and it differ."""
    folder.mkdir()
    (folder / "model.joblib").write_bytes((model_dir / "model.joblib").read_bytes())
    manifest = json.loads((model_dir / "manifest.json").read_text())
    manifest.update(name=folder.name, thresholds={"override": 0.0, "fill": 0.0})
    (folder / "manifest.json").write_text(json.dumps(manifest))
    return folder


@pytest.fixture
def always_decides(model_dir, tmp_path) -> Path:
    return eager_copy(model_dir, tmp_path / "eager")


def test_model_creates_an_event_where_rules_found_none(always_decides):
    text = "Warplanes bombed a militia camp near the river. Residents fled."
    pipeline = Pipeline(stages=["clean", "nlp", "classify"], settings={"classify": ClassifySettings(model=always_decides)})
    cd = pipeline(Document(id="x", text=text))
    [event] = cd.events
    assert (event.acled_event_type, event.acled_sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")
    assert (event.type, event.mode) == ("ASSAULT", "aerial")
    assert event.rule == event.decided_by == "model:eager"
    assert event.evidence.of(text) == "Warplanes bombed a militia camp near the river."
    assert event.trigger.of(text) == "bombed"


def test_model_overrules_a_disagreeing_rule_event(always_decides):
    text = "Hundreds of nurses marched peacefully through the city demanding higher wages."
    cd = CodedDocument(doc=Document(id="y", text=text), body=text)
    cd.events.append(Event(type="ASSAULT", evidence=Span(0, len(text)), trigger=Span(22, 29), rule="test",
                           acled_event_type="Battles", acled_sub_event_type="Armed clash", confidence=0.9))
    classifier.classify(cd, classifier.load(str(always_decides)))
    [event] = cd.events
    assert (event.acled_event_type, event.acled_sub_event_type) == ("Protests", "Peaceful protest")
    assert event.decided_by == "model:eager" and event.rule == "test" and event.type == "ASSAULT"


def test_without_a_model_the_stage_does_nothing():
    text = "Warplanes bombed a militia camp near the river."
    cd = Pipeline(stages=["clean", "nlp", "classify"])(Document(id="z", text=text))
    assert cd.events == []


def test_code_with_model_through_the_cli(model_dir, tmp_path):
    eager = eager_copy(model_dir, tmp_path / "eager")
    docs = [{"id": "strike", "text": "On Monday, fighter jets carried out airstrikes on insurgent positions "
                                     "near the town of Kalo, the army said."},
            {"id": "march", "text": "Thousands of teachers marched peacefully in the capital on Friday, "
                                    "demanding unpaid salaries."}]
    stdin = "".join(json.dumps(d) + "\n" for d in docs)
    proc = run("code", "--jsonl", "--model", str(eager), "-", stdin=stdin)
    assert proc.returncode == 0, proc.stderr
    lines = {x["id"]: x for x in map(json.loads, proc.stdout.splitlines())}
    for doc in docs:
        top = lines[doc["id"]]["events"][0]
        assert top["decided_by"] in ("rules", "model:eager")
        if top["decided_by"] != "rules":
            assert top["acled_event_type"] == EVENT_TYPE[top["acled_sub_event_type"]]
    assert lines["strike"]["events"][0]["acled_sub_event_type"] == "Air/drone strike"
    assert lines["march"]["events"][0]["acled_sub_event_type"] == "Peaceful protest"


def test_code_with_a_folder_that_holds_no_model(tmp_path):
    proc = run("code", "--jsonl", "--model", str(tmp_path), "-", stdin='{"id": "a", "text": "Nothing."}\n')
    assert proc.returncode == 2 and "holds no trained model" in said(proc)


def test_training_needs_two_labels(tmp_path):
    data = tmp_path / "one.jsonl"
    data.write_text("".join(json.dumps({"id": i, "text": t, "sub_event_type": "Armed clash"}) + "\n"
                            for i, t, s in LABELLED if s == "Armed clash"))
    proc = run("train", str(data), "--out", str(tmp_path / "m"))
    assert proc.returncode == 2 and "at least two sub-event types" in said(proc)


def test_held_out_part_takes_whole_countries():
    rows = [train.Labelled(f"{c}{i}", f"text {i}", "Armed clash", c) for c in "ABCDEFGHIJ" for i in range(10)]
    fit, held, by = train.holdout_split(rows, 0.1)
    assert by == "country" and len(held) == 10 and len(fit) == 90
    assert not {r.group for r in held} & {r.group for r in fit}
    no_country = [train.Labelled(r.id, r.text, r.sub_event_type) for r in rows]
    fit, held, by = train.holdout_split(no_country, 0.1)
    assert by == "id" and len(held) == 10 and held == train.holdout_split(no_country[::-1], 0.1)[1]


def test_training_names_a_line_that_is_not_json(tmp_path):
    data = tmp_path / "bad.jsonl"
    data.write_text(json.dumps({"id": "1", "text": "Rebels clashed with soldiers.", "sub_event_type": "Armed clash"})
                    + "\n{not json\n")
    proc = run("train", str(data), "--out", str(tmp_path / "m"))
    assert proc.returncode == 2 and "line 2: not JSON" in said(proc)


def test_trained_alone_the_model_never_overrules(tmp_path):
    rows = [train.Labelled(i, t, s) for i, t, s in LABELLED]
    manifest = train.train(rows, tmp_path / "alone", against_rules=False)
    assert manifest.tuned_against_rules is False and manifest.metrics["rules_sub_event_accuracy"] == 0.0
    assert manifest.thresholds["override"] > 1.0 and manifest.thresholds["fill"] >= train.FILL_FLOOR
    assert classifier.Manifest.load(tmp_path / "alone") == manifest
