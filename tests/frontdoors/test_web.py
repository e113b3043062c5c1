"""The dashboard (src/eventwire/frontdoors/web/) rendered by headless Chromium against the real server (`eventwire serve`)."""
from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import EXAMPLES, free_port, log_text, server_log

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)

pytestmark = pytest.mark.skipif(
    CHROMIUM is None and os.environ.get("CI") != "true",
    reason="Chromium is not installed (apt-get install chromium): the dashboard test renders pages in it")

#: A report of our own, so that one event's evidence is known word for word.
RAID = """Gunmen raid police post in northern Nigeria

KANO, Nigeria (AP) — Gunmen attacked a police station in Kano on Monday, March 4, 2024, killing three officers, police said.

The attack lasted about an hour before the gunmen fled on motorbikes, a police spokesman said.
"""


def get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as res:
        return json.load(res)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("web")
    news = folder / "news"
    shutil.copytree(EXAMPLES, news)
    (news / "raid-nigeria.txt").write_text(RAID, encoding="utf-8")
    db = folder / "tmp.db"
    subprocess.run([sys.executable, "-m", "eventwire", "ingest", str(news), "--db", str(db)],
                   check=True, capture_output=True, timeout=300)
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "eventwire", "serve", "--db", str(db), "--port", str(port)],
                            stdout=(log := server_log()), stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            if proc.poll() is not None:
                pytest.fail(f"eventwire serve exited: {log_text(log)}")
            try:
                get(f"{base}/api/health")
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("eventwire serve did not answer within 30 s")
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


def render(url: str, tmp_path: Path) -> str:
    """The page's DOM once its scripts have run."""
    if CHROMIUM is None:
        pytest.fail("Chromium is required under CI (.ci/run installs it)")
    out = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                          f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=5000", "--dump-dom", url],
                         capture_output=True, text=True, timeout=120)
    assert "<html" in out.stdout, out.stderr[-2000:]
    return out.stdout


def count(dom: str, pattern: str) -> int:
    return len(re.findall(pattern, dom))


def marked(dom: str) -> int:
    """How many events the map's markers stand for."""
    return sum(map(int, re.findall(r'<g class="marker" data-count="(\d+)"', dom)))


def test_dashboard_shows_the_stored_events(server, tmp_path):
    health = get(f"{server}/api/health")
    dom = render(f"{server}/", tmp_path)
    placed = [e for e in get(f"{server}/api/events?limit=1000")["events"] if e["lat"] is not None]
    assert f"{health['documents']} documents, {health['events']} events stored" in dom
    assert count(dom, r'<tr [^>]*class="event-row') == health["events"]
    assert marked(dom) == len(placed) > 0  # one marker per place, with its count
    dated = [e for e in get(f"{server}/api/events?limit=1000")["events"] if e["date"]]
    assert sum(map(int, re.findall(r'class="bar" data-period="[^"]+" data-type="[^"]+" data-count="(\d+)"', dom))) == len(dated)
    nodes = get(f"{server}/api/network")["nodes"]
    assert count(dom, r'<g class="node"') == len(nodes) > 2
    raid = get(f"{server}/api/events?q=police%20station")["events"][0]
    assert f"<td>{html.escape(raid['actor1'], quote=False)}</td><td>{raid['actor2']}</td><td>Kano</td>" in dom
    assert 'id="error" role="alert" hidden' in dom


def test_event_url_shows_its_evidence_highlighted(server, tmp_path):
    rows = get(f"{server}/api/events?q=police%20station&limit=10")["events"]
    raid = next(e for e in rows if e["doc_id"] == "raid-nigeria.txt" and e["type"] == "ASSAULT")
    detail = get(f"{server}/api/events/{raid['id']}")
    dom = render(f"{server}/index.html#event={raid['id']}", tmp_path)
    evidence = dom[dom.index('id="evidence"'):dom.index('id="timeline-panel"')]
    marks = {role: html.unescape(re.sub(r"<[^>]+>", "", inner))
             for role, inner in re.findall(r'<mark [^>]*data-role="(\w+)"[^>]*>(.*?)<span class="span-label">', evidence)}
    sentence = re.sub(r'<span class="span-label">\w[\w ]*</span>', "", evidence)
    assert "Gunmen attacked a police station in Kano on Monday" in html.unescape(re.sub(r"<[^>]+>", "", sentence))
    assert marks["trigger"] == "attacked"
    assert marks["actor1"] == "Gunmen"
    assert {role: s["text"] for role, s in detail["spans"].items()} == marks
    # the other sentence that tells of the raid is listed with it
    told = [m["text"] for m in detail["mentions"]]
    assert any(t.startswith("The attack lasted about an hour") for t in told)
    listed = evidence[evidence.index('id="evidence-mentions"'):]
    assert "Also told in 1 other sentence of the article" in listed
    assert "<q>The attack lasted about an hour before the gunmen fled on motorbikes, a police spokesman said.</q>" \
        in html.unescape(listed)
    assert 'class="span-label">trigger<' in evidence and 'class="span-label">actor 1<' in evidence
    said = {"claimed": "Claimed by", "denied": "Denied by"}.get(detail["status"], "According to")
    assert f"{said} <q>police</q>" in evidence
    assert '<tr data-id="%s" class="event-row selected">' % raid["id"] in dom


def test_claimed_and_inferred_values_are_marked(server, tmp_path):
    rows = get(f"{server}/api/events?limit=1000")["events"]
    claimed = next(e for e in rows if e["status"] == "claimed" and e["attribution"])
    dom = render(f"{server}/index.html#event={claimed['id']}", tmp_path)
    evidence = dom[dom.index('id="evidence"'):dom.index('id="timeline-panel"')]
    assert f"Claimed by <q>{html.escape(claimed['attribution'], quote=False)}</q>" in evidence
    assert '<span class="status status-claimed">claimed</span>' in evidence
    inferred = next(e for e in rows if e["date_inferred"])
    dom = render(f"{server}/index.html#event={inferred['id']}", tmp_path)
    evidence = dom[dom.index('id="evidence"'):dom.index('id="timeline-panel"')]
    assert re.search(r"<dt>Date</dt><dd>[^<]*<span class=\"inferred\"> \(inferred\)</span>", evidence)


def test_filters_in_the_url_narrow_every_view(server, tmp_path):
    wanted = get(f"{server}/api/events?country=NG&type=ASSAULT&limit=1000")["events"]
    assert wanted and all(e["country"] == "NG" for e in wanted)
    dom = render(f"{server}/index.html#country=NG&type=ASSAULT", tmp_path)
    assert '<option value="NG">NG</option>' in dom and '<option value="ASSAULT">ASSAULT</option>' in dom
    assert sorted(re.findall(r'<tr data-id="([^"]+)" class="event-row', dom)) == sorted(e["id"] for e in wanted)
    assert marked(dom) == len([e for e in wanted if e["lat"] is not None])
    assert f"{len(wanted)} events match" in dom
    dom = render(f"{server}/index.html#q=no%20such%20words%20anywhere", tmp_path)
    assert "0 events match" in dom and "No events." in dom


def test_a_bad_filter_is_shown_as_an_error(server, tmp_path):
    dom = render(f"{server}/index.html#country=Atlantis", tmp_path)
    error = re.search(r'<p id="error" role="alert">([^<]*)</p>', dom)
    assert error and "unknown country" in html.unescape(error[1]) and "Atlantis" in html.unescape(error[1])
    assert "No events." in dom
