"""Hostile input through the real command line: each bad input fails alone, under its own id."""
from __future__ import annotations

import json
import os
import subprocess
import sys

GOOD_A = "Gunmen killed three villagers in a northern district on Monday, police said."
GOOD_B = "Soldiers clashed with rebels near the border on Wednesday, the army said."
DEEP = "[" * 100_000 + "]" * 100_000


def run(*args: str, stdin: bytes | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "eventwire", *args], input=stdin, capture_output=True,
                          timeout=300, env={**os.environ, **(env or {})})


def out_lines(proc: subprocess.CompletedProcess) -> list[dict]:
    return [json.loads(line) for line in proc.stdout.decode().splitlines()]


def test_deeply_nested_json_line_fails_alone():
    lines = [json.dumps({"id": "a", "text": GOOD_A}), '{"id": "deep", "text": ' + DEEP + "}",
             json.dumps({"id": "b", "text": GOOD_B})]
    proc = run("code", "--jsonl", stdin="\n".join(lines).encode())
    assert "Traceback" not in proc.stderr.decode()
    out = out_lines(proc)
    assert [d["id"] for d in out] == ["a", "deep", "b"]
    assert "nested too deeply" in out[1]["error"]
    assert "error" not in out[0] and "error" not in out[2]


def test_deeply_nested_json_file_fails_alone_and_the_next_file_is_read(tmp_path):
    (tmp_path / "a_deep.json").write_text(DEEP)
    (tmp_path / "c_good.txt").write_text(GOOD_B)
    page = ('<html><head><script type="application/ld+json">' + DEEP + "</script></head>"
            f"<body><article><p>{GOOD_A}</p></article></body></html>")
    (tmp_path / "d_page.html").write_text(page)
    proc = run("code", "--format", "jsonl", str(tmp_path))
    assert "Traceback" not in proc.stderr.decode()
    out = {d["id"]: d for d in out_lines(proc)}
    assert "nested too deeply" in out["a_deep.json"]["error"]
    assert "error" not in out["c_good.txt"] and "error" not in out["d_page.html"]


def test_oversized_json_line_is_answered_under_its_own_id():
    big = json.dumps({"id": "report-7", "text": "Troops withdrew. " * 200})
    proc = run("code", "--jsonl", stdin=(big + "\n" + json.dumps({"id": "ok", "text": GOOD_A})).encode(),
               env={"EVENTWIRE_MAX_BYTES": "1000"})
    out = out_lines(proc)
    assert [d["id"] for d in out] == ["report-7", "ok"]
    assert out[0]["error"].startswith("JSON line too large")
