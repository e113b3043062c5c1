"""Property-based: the pipeline gives every document a result or an error, never an exception, on random
unicode, control characters, one huge sentence and HTML that is only scripts."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.model import Document
from eventwire.pipeline import Pipeline

RUN = Pipeline()
WORDS = st.sampled_from(["rebels", "killed", "Monday", "police", "the", "in", "Gao", "said", "42", "protest",
                         "were", "and", "attacked", "village", ",", "."])
HUGE = st.builds(lambda w, n: " ".join([w] * n), WORDS, st.integers(1_000, 12_000))
PROSE = st.lists(WORDS, min_size=1, max_size=80).map(" ".join)
SCRIPTS = st.lists(PROSE, min_size=1, max_size=5).map(lambda ps: "".join(f"<script>{p}</script>" for p in ps))
MIXED = st.lists(PROSE | st.text(max_size=60) | st.sampled_from(["\x00", "\x07", "\ufffd", "\u202e", "<p>", "&amp;"]),
                 max_size=12).map("".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(max_size=300) | MIXED | SCRIPTS | PROSE, min_size=1, max_size=4), st.one_of(st.none(), HUGE))
def test_every_document_gets_a_result_or_an_error(texts, huge):
    docs = [Document(id=f"d{i}", text=t) for i, t in enumerate(texts + ([huge] if huge else []))]
    out = list(RUN.pipe(docs))
    assert [cd.id for cd in out] == [d.id for d in docs]
    for cd in out:
        assert cd.error is None or isinstance(cd.error, str)
        if cd.error is None:
            assert all(0 <= e.evidence.start <= e.evidence.end <= len(cd.text) for e in cd.events)


@settings(max_examples=20, deadline=None)
@given(SCRIPTS)
def test_html_of_scripts_only_codes_no_event(page):
    (cd,) = RUN.pipe([Document(id="page", text="<html><body>" + page + "</body></html>")])
    assert cd.error == "HTML without visible text" and not cd.events
