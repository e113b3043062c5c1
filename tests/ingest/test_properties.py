"""Property-based: whatever bytes or JSON come in, every input line gets a document or an error under an
id, and nothing raises."""
from __future__ import annotations

import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.ingest.jsonl import document_from_dict
from eventwire.ingest.sources import read_jsonl_stream, read_text_document, sniff
from eventwire.model import Document, DocumentError, Failed

JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                    max_leaves=20)
FIELDS = st.fixed_dictionaries({}, optional={"id": JSON, "text": JSON | st.text(), "published": JSON,
                                             "title": JSON, "url": JSON, "source": JSON})


def deep(depth: int, opener: str) -> str:
    closer = {"[": "]", "{": "}"}[opener]
    inner = '{"a": ' if opener == "{" else "["
    return (inner * depth) + "1" + (closer * depth)


LINE = (st.binary(max_size=300) | FIELDS.map(json.dumps).map(str.encode)
        | st.builds(deep, st.integers(500, 120_000), st.sampled_from("[{")).map(lambda s: ('{"text": ' + s + "}").encode())
        | st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=50).map(lambda s: s.encode()))


def blank(line: bytes) -> bool:
    try:
        return not line.decode("utf-8").strip()
    except UnicodeDecodeError:
        return False


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(LINE, max_size=8))
def test_every_jsonl_line_gets_a_document_or_an_error(lines):
    lines = [line.replace(b"\n", b" ").replace(b"\r", b" ") for line in lines]
    out = list(read_jsonl_stream(io.BytesIO(b"\n".join(lines)), "in"))
    assert len(out) == sum(1 for line in lines if not blank(line))  # one result per line that is not blank
    for item in out:
        assert isinstance(item, (Document, Failed)) and isinstance(item.id, str) and item.id
        if isinstance(item, Failed):
            assert item.error


@settings(max_examples=300, deadline=None)
@given(FIELDS)
def test_wrong_types_are_a_document_error_or_a_document(obj):
    try:
        doc = document_from_dict(obj)
    except DocumentError:
        return
    assert isinstance(doc.text, str) and isinstance(doc.id, str)
    doc.text.encode("utf-8")  # no lone surrogates pass into the pipeline


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400) | st.builds(deep, st.integers(500, 50_000), st.sampled_from("[{")),
       st.sampled_from(["x.txt", "x.json", "x.html", "x.rss", "x"]))
def test_any_text_in_any_format_is_read_without_raising(text, name):
    for item in read_text_document(name, text, sniff(name, text)):
        assert isinstance(item, (Document, Failed))
