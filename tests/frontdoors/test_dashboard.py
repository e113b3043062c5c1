"""The dashboard in headless Chromium (driven over the DevTools pipe) against the real `eventwire serve`:
the map's countries and markers, a timeline over fifteen years, brushing and a click on the network."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from chromium import CHROMIUM, Page
from conftest import EXAMPLES, ROOT, log_text, server_log

pytestmark = pytest.mark.skipif(
    CHROMIUM is None and os.environ.get("CI") != "true",
    reason="Chromium is not installed (apt-get install chromium): the dashboard tests render pages in it")

SCREENSHOTS = ROOT / "screenshots"  # git-ignored

#: Reports of our own, fifteen years apart, so that the stored dates span them.
OLD = ("Gunmen attack police post in Kano\n\nKANO, Nigeria — Gunmen attacked a police station in Kano on Monday, "
       "killing three officers, police said.\n")
NEW = ("Protesters clash with police in Nairobi\n\nNAIROBI, Kenya — Police fired tear gas at protesters in Nairobi "
       "on Tuesday, witnesses said.\n")


def get(url: str):
    with urllib.request.urlopen(url, timeout=30) as res:
        return json.load(res)


def serve(db: Path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "eventwire", "serve", "--db", str(db), "--port", str(port)],
                            stdout=(log := server_log()), stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        if proc.poll() is not None:
            pytest.fail(f"eventwire serve exited: {log_text(log)}")
        try:
            get(f"{base}/api/health")
            return proc, base
        except OSError:
            time.sleep(0.1)
    proc.kill()
    pytest.fail("eventwire serve did not answer within 60 s")


def stop(proc) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def examples(tmp_path_factory):
    db = tmp_path_factory.mktemp("dash") / "examples.db"
    subprocess.run([sys.executable, "-m", "eventwire", "ingest", str(EXAMPLES), "--db", str(db)],
                   check=True, capture_output=True, timeout=600)
    proc, base = serve(db)
    yield base
    stop(proc)


@pytest.fixture(scope="module")
def fifteen_years(tmp_path_factory):
    import eventwire
    from eventwire.store import open_store
    db = tmp_path_factory.mktemp("dash") / "years.db"
    with open_store(str(db)) as store:
        store.add(eventwire.code(OLD, id="old", published="2009-03-03"))
        store.add(eventwire.code(NEW, id="new", published="2024-03-06"))
    proc, base = serve(db)
    yield base
    stop(proc)


@pytest.fixture
def page(tmp_path):
    p = Page(tmp_path / "profile")
    yield p
    p.close()


def placed(base: str, query: str = "") -> list[dict]:
    return [e for e in get(f"{base}/api/events?limit=1000&{query}")["events"] if e["lat"] is not None]


def test_map_draws_countries_and_every_placed_event_once(examples, page):
    page.goto(f"{examples}/")
    assert page.eval("document.querySelectorAll('#map path.country').length") > 150
    assert page.eval("[...document.querySelectorAll('#map path.country')].some(p => p.dataset.name === 'Kenya')")
    counts = page.eval("[...document.querySelectorAll('#map .marker')].map(m => Number(m.dataset.count))")
    events = placed(examples)
    assert sum(counts) == len(events) > 0
    assert len(counts) == len({(e["lat"], e["lon"]) for e in events}) < len(events)  # one marker per place
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(SCREENSHOTS / "dashboard-examples.png")
    assert (SCREENSHOTS / "dashboard-examples.png").stat().st_size > 10_000


def test_timeline_over_fifteen_years_keeps_every_bar_inside(fifteen_years, page):
    dates = sorted(e["date"] for e in get(f"{fifteen_years}/api/events")["events"] if e["date"])
    assert dates[0] < "2010" and dates[-1] > "2024"
    page.goto(f"{fifteen_years}/")
    bars = page.eval("[...document.querySelectorAll('#timeline .bar')].map(b => "
                     "[b.x.baseVal.value, b.width.baseVal.value, Number(b.dataset.count), b.dataset.period])")
    assert sum(count for _, _, count, _ in bars) == len(dates)
    assert all(40 <= x and x + w <= 590 for x, w, _, _ in bars)
    assert {p[:7] for _, _, _, p in bars} == {d[:7] for d in dates}  # per month over fifteen years
    assert "Events per month" in page.eval("document.getElementById('timeline-title').textContent")


def test_brushing_the_timeline_narrows_table_map_and_network(examples, page):
    page.goto(f"{examples}/")
    before = page.eval("document.querySelectorAll('#events tbody tr.event-row').length")
    page.scroll_to("#timeline")
    box = page.eval("(() => { const r = document.getElementById('timeline').getBoundingClientRect();"
                    " return [r.left, r.top, r.width, r.height]; })()")
    x, y, w, h = box
    # From the left edge of the bars to a third of the chart: the oldest periods only.
    page.drag(x + w * 45 / 600, y + h * 60 / 140, x + w * 200 / 600)
    hash_ = page.wait("document.body.dataset.loaded.includes('since') && document.body.dataset.loaded")
    params = urllib.parse.parse_qs(hash_)
    since, until = params["since"][0], params["until"][0]
    rows = page.eval("[...document.querySelectorAll('#events tbody tr.event-row a')].map(a => a.textContent)")
    assert 0 < len(rows) < before
    assert all(since <= d <= until for d in rows)
    wanted = get(f"{examples}/api/events?since={since}&until={until}")["total"]
    assert len(rows) == wanted
    counts = page.eval("[...document.querySelectorAll('#map .marker')].map(m => Number(m.dataset.count))")
    assert sum(counts) == len(placed(examples, f"since={since}&until={until}"))
    nodes = page.eval("[...document.querySelectorAll('#network g.node')].map(g => g.dataset.id)")
    assert set(nodes) == {n["id"] for n in get(f"{examples}/api/network?since={since}&until={until}")["nodes"]}


def test_a_click_on_a_network_node_filters_by_that_actor(examples, page):
    page.goto(f"{examples}/")
    name = "Protesters (Kenya)"
    assert page.eval(f"!!document.querySelector('#network g.node[data-id=\"{name}\"]')")
    page.click(f'#network g.node[data-id="{name}"]')
    page.wait("document.body.dataset.loaded.includes('actor=')")
    assert page.eval("document.getElementById('f-actor').value") == name
    ids = page.eval("[...document.querySelectorAll('#events tbody tr.event-row')].map(r => r.dataset.id)")
    rows = [get(f"{examples}/api/events/{i}") for i in ids]
    assert rows and all(name in ((r.get("actor1") or {}).get("name"), (r.get("actor2") or {}).get("name"))
                        for r in rows)
    assert page.eval(f"document.querySelector('#network g.node[data-id=\"{name}\"]').classList.contains('selected')")
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(SCREENSHOTS / "dashboard-actor.png")
