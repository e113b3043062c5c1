"""Bad input through the real command line: each bad document gets its own error, the rest go on.

Exit codes: 0 when any document was coded, 1 when none could be, 2 when an input cannot be
opened at all. Events are not asserted here (that is the coder's business): ids and errors are.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

GOOD = "Police arrested five protesters in Nairobi on Monday, a police spokesman said."


def run(*args: str, stdin: bytes | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "eventwire", *args], input=stdin, capture_output=True,
                          timeout=300, env={**os.environ, **(env or {})})


def lines(proc: subprocess.CompletedProcess) -> dict[str, dict]:
    out = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    return {d["id"]: d for d in out}


@pytest.fixture(scope="module")
def bad_folder(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("bad")
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_bytes(b"  \n\n \t\n")
    (d / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (d / "program.bin").write_bytes(bytes(range(256)) * 8)
    (d / "broken.txt").write_bytes("Rebels say".encode() + b"\xff\xfe\x81\x9d" + "x".encode() * 10)
    (d / "latin1.txt").write_bytes("Troops entered Bogotá’s southern districts on Tuesday, the army said.".encode("cp1252"))
    (d / "huge.txt").write_bytes(b"Soldiers patrolled the town. " * (50_000_000 // 29 + 1))  # 50 MB
    (d / "nobody.html").write_text("<!DOCTYPE html><html><head><title>Empty page</title></head></html>")
    (d / "page.html").write_text(
        "<!DOCTYPE html><html><head><title>Arrests in Nairobi</title>"
        "<meta property='article:published_time' content='2024-06-25T10:00:00+03:00'></head>"
        f"<body><article><p>{GOOD}</p></article></body></html>")
    (d / "broken.rss").write_text("<?xml version='1.0'?><rss><channel><title>Wire</title><item><title>Cl")
    (d / "cut.rss").write_text("<?xml version='1.0'?><rss><channel><title>Wire</title>")
    (d / "wire.xml").write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</title>"
        f"<item><guid>wire-1</guid><pubDate>Tue, 25 Jun 2024 10:00:00 +0300</pubDate><description>{GOOD}</description></item>"
        "<item><guid>wire-2</guid><description>&lt;p&gt;Troops withdrew from the border town.&lt;/p&gt;</description></item>"
        "</channel></rss>")
    (d / "french.txt").write_text("Le gouvernement a annoncé mardi que les négociations avec les rebelles "
                                  "reprendront la semaine prochaine à Genève.")
    (d / "good.txt").write_text(GOOD)
    (d / "mixed.jsonl").write_text(
        json.dumps({"id": "j1", "text": GOOD, "published": "2024-06-25"}) + "\n"
        + '{"id": "j2", "text": "unterminated\n'
        + "not json at all\n"
        + json.dumps({"id": "j4", "text": 42}) + "\n"
        + json.dumps({"id": "j5", "text": ""}) + "\n"
        + json.dumps({"id": "j6", "text": "Troops shelled the village of Kibumba overnight."}) + "\n"
        + '{"id": "j7", "text": "Rebels shelled the camp \\ud800 overnight."}\n')  # a lone surrogate
    with (d / "mixed.jsonl").open("ab") as f:
        f.write(b'{"id": "j8", "text": "Caf\xe9 owners protested in Tunis."}\n')  # Latin-1 inside a JSON line
    return d


@pytest.fixture(scope="module")
def folder_run(bad_folder):
    proc = run("code", "--jsonl", str(bad_folder))
    return proc, lines(proc)


def test_every_bad_document_has_its_own_error(folder_run):
    proc, out = folder_run
    errors = {ident: d.get("error") for ident, d in out.items()}
    assert errors["empty.txt"] == "empty document"
    assert errors["blank.txt"] == "empty document"
    assert errors["photo.png"] == "binary file (a PNG image), not text"
    assert errors["program.bin"].startswith("binary file")
    assert "not valid UTF-8" in errors["broken.txt"]
    assert errors["huge.txt"].startswith("too large: 50,000,")
    assert errors["nobody.html"] == "HTML page without a body"
    assert errors["broken.rss#1"].startswith("feed entry without text (the feed is malformed:")
    assert errors["cut.rss"].startswith("malformed feed:")
    assert errors["french.txt"] == "not English: looks like French"
    assert errors["j2"].startswith("malformed JSON line")
    assert errors["mixed.jsonl:3"].startswith("malformed JSON line")
    assert errors["j4"] == "missing 'text' (a string)"
    assert errors["j5"] == "empty document"
    assert errors["j8"].startswith("line is not valid UTF-8")


def test_good_documents_still_come_out(folder_run):
    proc, out = folder_run
    for ident in ("good.txt", "latin1.txt", "page.html", "j1", "j6", "j7", "wire-1", "wire-2"):
        assert "error" not in out[ident], out[ident]
        assert isinstance(out[ident]["events"], list)
    assert out["page.html"]["title"] == "Arrests in Nairobi"
    assert out["page.html"]["published"] == "2024-06-25"  # the page's own date, carried through
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]


def test_one_output_line_per_input_in_jsonl_order():
    stdin = (json.dumps({"id": "a", "text": GOOD}) + "\n" + "{oops\n" + json.dumps({"id": "c", "text": " "}) + "\n"
             + json.dumps({"id": "d", "text": GOOD}) + "\n").encode()
    proc = run("code", "--jsonl", stdin=stdin)
    ids = [json.loads(line)["id"] for line in proc.stdout.decode().splitlines()]
    assert ids == ["a", "stdin:2", "c", "d"]
    assert proc.returncode == 0


def test_errors_go_to_stderr_outside_jsonl(bad_folder):
    proc = run("code", str(bad_folder / "empty.txt"), str(bad_folder / "french.txt"), "--format", "json")
    assert json.loads(proc.stdout) == []
    err = proc.stderr.decode()
    assert "empty.txt" in err and "empty document" in err and "not English: looks like French" in err
    assert proc.returncode == 1  # nothing could be coded


def test_nothing_codable_exits_non_zero_but_still_reports(bad_folder):
    proc = run("code", "--jsonl", str(bad_folder / "photo.png"))
    assert lines(proc) == {"photo.png": {"id": "photo.png", "error": "binary file (a PNG image), not text"}}
    assert proc.returncode == 1


def test_missing_input_is_refused_before_anything_runs(tmp_path):
    proc = run("code", "--jsonl", str(tmp_path / "no-such-file.txt"))
    assert proc.returncode == 2 and proc.stdout == b""
    assert "no-such-file.txt" in proc.stderr.decode()


def test_oversized_standard_input_and_json_lines(tmp_path):
    env = {"EVENTWIRE_MAX_BYTES": "1000"}
    proc = run("code", "-", "--format", "json", stdin=b"Troops withdrew. " * 100, env=env)
    assert "too large" in proc.stderr.decode() and proc.returncode == 1
    big = json.dumps({"id": "big", "text": "Troops withdrew. " * 100})
    stdin = (big + "\n" + json.dumps({"id": "ok", "text": "   "}) + "\n").encode()
    out = lines(run("code", "--jsonl", stdin=stdin, env=env))
    assert out["big"]["error"].startswith("JSON line too large") and out["ok"]["error"] == "empty document"
