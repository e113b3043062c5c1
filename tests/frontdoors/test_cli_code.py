"""`eventwire code` through the real command line, in each output format."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from conftest import EXAMPLES


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "eventwire", *args], input=stdin, capture_output=True,
                          text=True, timeout=300)


@pytest.fixture(scope="module")
def contract_lines():
    docs = [{"id": p.name, "text": p.read_text(encoding="utf-8")} for p in sorted(EXAMPLES.glob("*.txt"))]
    docs.append({"id": "broken"})
    proc = run("code", "--jsonl", "-", stdin="".join(json.dumps(d) + "\n" for d in docs))
    assert proc.returncode == 0, proc.stderr
    return docs, [json.loads(line) for line in proc.stdout.splitlines()]


def test_jsonl_speaks_the_contract_line_for_line(contract_lines):
    docs, lines = contract_lines
    assert [line["id"] for line in lines] == [d["id"] for d in docs]
    assert lines[-1] == {"id": "broken", "error": "missing 'text' (a string)"}
    for line, doc in zip(lines[:-1], docs):
        assert {"events", "places", "times", "published"} <= line.keys()
        for e in line["events"]:
            assert {"type", "mode", "acled_event_type", "acled_sub_event_type", "actor1", "actor2", "date",
                    "location", "fatalities", "status", "attribution", "evidence", "confidence"} <= e.keys()
            assert doc["text"][e["evidence"]["start"]:e["evidence"]["end"]] == e["evidence_text"]
        confidences = [e["confidence"] for e in line["events"]]
        assert confidences == sorted(confidences, reverse=True)


def test_examples_yield_events(contract_lines):
    _, lines = contract_lines
    by_id = {line["id"]: line for line in lines}
    types = {e["type"] for e in by_id["battle-mali.txt"]["events"]}
    assert "ASSAULT" in types
    assert any(e["type"] == "AGREE" for e in by_id["ceasefire-sudan.txt"]["events"])


def test_csv_and_geojson_exports():
    proc = run("code", str(EXAMPLES), "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert rows and {"doc_id", "type", "actor1", "lat", "lon", "evidence_text"} <= rows[0].keys()
    assert {r["doc_id"] for r in rows} >= {"battle-mali.txt", "ceasefire-sudan.txt"}
    proc = run("code", str(EXAMPLES / "battle-mali.txt"), "--format", "geojson")
    gj = json.loads(proc.stdout)
    assert gj["type"] == "FeatureCollection" and gj["features"]
    lon, lat = gj["features"][0]["geometry"]["coordinates"]
    assert 10 < lat < 25 and -12 < lon < 5  # Mali


def test_missing_path_is_a_clear_error():
    proc = run("code", "no/such/file.txt")
    assert proc.returncode == 2 and "cannot read no/such/file.txt" in proc.stderr


def test_jsonl_lines_survive_characters_that_break_lines():
    text = "Police arrested 12 protesters in Nairobi.\u2028Soldiers clashed with rebels near Goma.\u0085"
    proc = run("code", "--jsonl", stdin=json.dumps({"id": "nel", "text": text}, ensure_ascii=False) + "\n")
    assert proc.returncode == 0, proc.stderr
    [line] = proc.stdout.splitlines()  # splitlines() breaks at U+2028 and U+0085: they must be escaped
    assert json.loads(line)["id"] == "nel"


def test_min_confidence_is_the_gate_stage_setting_that_every_front_door_shares():
    """The threshold leaves out the less confident events in `code` and in eventwire.code alike."""
    from eventwire import code as code_text
    from eventwire.incidents.gate import GateSettings

    text = ("Gunmen attacked a bus near Maiduguri on Tuesday, killing nine passengers, police said. "
            "Soldiers later arrested four suspects in a nearby village, the army said.")
    line = json.dumps({"id": "m", "text": text, "published": "2031-02-05"}) + "\n"
    def confidences(*flags: str) -> list[float]:
        out = run("code", "--jsonl", *flags, stdin=line)
        assert out.returncode == 0, out.stderr
        return [e["confidence"] for e in json.loads(out.stdout)["events"]]
    everything = confidences("--min-confidence", "0")
    assert len(everything) >= 2
    cut = sorted(everything)[-1]  # keep only the most confident
    assert confidences("--min-confidence", str(cut)) == [c for c in everything if c >= cut]
    assert confidences("--min-confidence", "1") == []
    in_python = code_text(text, published="2031-02-05", settings={"gate": GateSettings(min_confidence=cut)})
    assert [round(e.confidence, 3) for e in in_python.events] == [round(c, 3) for c in everything if c >= cut]
