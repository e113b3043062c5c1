"""The pipeline as a whole: one code() call, stages by name, per-document errors."""
from __future__ import annotations

import pytest

import eventwire
from eventwire.model import Document
from eventwire.pipeline import COMPONENTS, Component, Pipeline


def test_code_returns_a_coded_document_with_offsets_into_the_input():
    text = "Police arrested 12 protesters in Nairobi on Tuesday, the interior ministry said."
    cd = eventwire.code(text, published="2024-06-26", id="n1")
    assert cd.error is None and cd.id == "n1" and cd.published == "2024-06-26"
    assert len(cd.body) == len(text)
    for e in cd.events:
        assert e.evidence.of(text) in text


def test_pipe_keeps_order_and_isolates_bad_documents():
    docs = [{"id": "a", "text": "Gunmen killed two villagers in Zamfara state on Monday."},
            {"id": "b", "text": "   "},
            {"id": "c", "text": "Troops shelled the town of Bakhmut overnight."}]
    out = list(eventwire.pipe(docs))
    assert [cd.id for cd in out] == ["a", "b", "c"]
    assert out[1].error == "empty document"
    assert out[0].error is None and out[2].error is None


def test_a_failing_stage_marks_only_its_document(monkeypatch):
    def explode(cd):
        if "boom" in cd.text:
            raise RuntimeError("stage exploded")
    monkeypatch.setitem(COMPONENTS, "coder", Component.plain(explode))
    run = Pipeline()
    bad = run(Document(id="x", text="boom goes the coder"))
    good = run(Document(id="y", text="Soldiers clashed with rebels near Goma."))
    assert bad.error == "coder: RuntimeError: stage exploded" and bad.events == []
    assert good.error is None


def test_unknown_stage_names_are_refused():
    with pytest.raises(ValueError, match="unknown stages: parse"):
        Pipeline(["clean", "parse"])


def test_stages_can_be_chosen_by_name():
    cd = Pipeline(["clean"])(Document(id="z", text="Rebels seized the town."))
    assert cd.body and cd.segments == [] and cd.events == []


def test_a_batch_codes_as_one_document_at_a_time_does():
    from eventwire.serialize import document
    texts = ["Gunmen killed two villagers in Zamfara state on Monday.",
             "Troops shelled the town of Bakhmut overnight, killing three civilians.",
             "Thousands of teachers marched in Nairobi on Tuesday to demand higher pay."]
    docs = [Document(id=str(i), text=t, published="2024-03-05") for i, t in enumerate(texts)]
    run = Pipeline()
    assert [document(cd) for cd in run.pipe(docs)] == [document(run(d)) for d in docs]


def test_a_batch_stage_that_breaks_falls_back_to_one_document_at_a_time(monkeypatch):
    from eventwire import nlp

    class ParseOrFail:
        """Parses one document unless it says "boom"; its batch form always fails."""

        def __call__(self, cd):
            if "boom" in cd.text:
                raise RuntimeError("parser exploded")
            nlp.parse(cd)

        def many(self, cds):
            raise RuntimeError("batch exploded")

    monkeypatch.setitem(COMPONENTS, "nlp", Component(make=lambda _settings: ParseOrFail()))
    out = list(Pipeline().pipe([Document(id="a", text="Rebels seized the town."),
                                Document(id="b", text="boom"),
                                Document(id="c", text="Police arrested 12 protesters.")]))
    assert [cd.error for cd in out] == [None, "nlp: RuntimeError: parser exploded", None]
    assert out[0].events and out[2].events


def test_cached_lookups_hand_out_copies_a_caller_may_change():
    from eventwire.actors import resolve
    from eventwire.model import Span
    from eventwire.timex.extract import find

    first = resolve("Kenyan police", Span(0, 13))
    first.kind, first.name = "rioters", "changed"
    again = resolve("Kenyan police", Span(40, 53))
    assert again.kind == "state_forces" and again.name != "changed" and again.span == Span(40, 53)
    text = "Talks resumed on Monday, 3 March."
    found = find(text)
    found[0].f["year"] = 1900
    assert all(m.f.get("year") != 1900 for m in find(text))


def test_settings_go_to_their_stage_by_name_and_type():
    from eventwire.coding.classifier import ClassifySettings
    with pytest.raises(ValueError, match="unknown stages: classifier"):
        Pipeline(settings={"classifier": ClassifySettings()})
    with pytest.raises(TypeError, match="settings of stage coder are a NoSettings, not a ClassifySettings"):
        Pipeline(settings={"coder": ClassifySettings()})
    cd = Pipeline(["clean", "nlp", "classify"], settings={"classify": ClassifySettings(model=None)})(
        Document(id="m", text="Rebels seized the town."))
    assert cd.error is None and cd.events == []
