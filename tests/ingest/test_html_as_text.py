"""HTML given as text (a JSON line) is coded on its visible words, like the same page given as a file;
offsets still point into the text as given."""
from __future__ import annotations

import json
import subprocess
import sys

from eventwire.ingest.markup import looks_like_html, visible

PAGE = ("<!DOCTYPE html><html><head><title>Market news</title>"
        "<script>var teaser = 'Gunmen killed 40 people in an attack on a village on Sunday';</script>"
        "<style>p { color: red }</style></head><body><h1>Fish prices rise</h1>"
        "<p>Fish prices rose at the harbour market on Monday, traders said.</p>"
        "<p>Police arrested two men in the port city on Tuesday &amp; seized their boat.</p></body></html>")


def code_lines(*docs: dict) -> dict[str, dict]:
    stdin = "\n".join(json.dumps(d) for d in docs).encode()
    proc = subprocess.run([sys.executable, "-m", "eventwire", "code", "--jsonl"], input=stdin, capture_output=True,
                          timeout=300)
    assert "Traceback" not in proc.stderr.decode(), proc.stderr.decode()
    return {d["id"]: d for d in map(json.loads, proc.stdout.decode().splitlines())}


def test_script_contents_are_not_coded_and_the_visible_text_is():
    out = code_lines({"id": "page", "text": PAGE},
                     {"id": "scripts", "text": "<script>document.write('Rebels killed 12 soldiers')</script>"})
    page = out["page"]
    assert "error" not in page
    assert all(e["fatalities"] in (None, 0) for e in page["events"])  # the 40 dead live in a script only
    assert not any("Gunmen" in PAGE[e["evidence"]["start"]:e["evidence"]["end"]] for e in page["events"])
    # the visible sentence is coded (the arrest and the seizure of one police operation are one event),
    # with offsets into the text as given
    visible_events = [e for e in page["events"] if PAGE[e["evidence"]["start"]:e["evidence"]["end"]]
                      .startswith("Police arrested two men")]
    assert visible_events and visible_events[0]["type"] == "COERCE", page["events"]
    assert out["scripts"]["error"] == "HTML without visible text"


def test_visible_text_keeps_length_and_offsets():
    shown = visible(PAGE)
    assert len(shown) == len(PAGE)
    start = PAGE.index("Police arrested")
    assert shown[start:start + 15] == "Police arrested"
    assert "Gunmen" not in shown and "color" not in shown and "Market news" not in shown
    assert "Tuesday &     seized" in shown
    assert "Fish prices rise" in [line.strip() for line in shown.splitlines()]  # the headline is its own line


def test_plain_text_is_not_taken_for_html():
    assert not looks_like_html("Police said fewer than 3 < 4 people died in <the> clashes.")
    assert looks_like_html("Text <script>x()</script>") and looks_like_html("<p>One paragraph.</p>")


def test_unclosed_markup_is_read_in_linear_time():
    hostile = "<script>" * 50_000 + "<!--" * 50_000 + "<a" * 50_000
    assert len(visible(hostile)) == len(hostile)
