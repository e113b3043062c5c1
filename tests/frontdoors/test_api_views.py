"""The API's formats, counts, word search, area filter and refusals, through a real `eventwire serve` on
SQLite and on PostgreSQL (the ``api`` fixture of test_api); the CLI's matching messages and help."""
from __future__ import annotations

import csv
import io
import socket
import subprocess
import sys

import pytest

from eventwire.store.rows import EVENT_COLUMNS
from conftest import cli


def test_formats_json_csv_geojson_give_the_same_page(api):
    page = api.get("/api/events", params={"limit": 7, "offset": 2}).json()
    assert page["total"] > 9 and len(page["events"]) == 7
    answer = api.get("/api/events", params={"limit": 7, "offset": 2, "format": "csv"})
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/csv")
    assert answer.headers["x-total-count"] == str(page["total"])
    rows = list(csv.DictReader(io.StringIO(answer.text)))
    assert list(rows[0]) == EVENT_COLUMNS
    assert [(r["doc_id"], int(r["event"])) for r in rows] == [(e["doc_id"], e["event"]) for e in page["events"]]
    answer = api.get("/api/events", params={"limit": 7, "offset": 2, "format": "geojson"})
    assert answer.headers["content-type"].startswith("application/geo+json")
    geo = answer.json()
    placed = [e for e in page["events"] if e["lat"] is not None]
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == len(placed)
    for feature, e in zip(geo["features"], placed):
        assert feature["geometry"] == {"type": "Point", "coordinates": [e["lon"], e["lat"]]}
        assert feature["properties"]["id"] == e["id"]


BAD = [
    ({"type": "FOO"}, ["unknown type", "'FOO'", "ASSAULT", "PROTEST"]),
    ({"acled": "Battle"}, ["unknown ACLED type", "Battles", "Armed clash"]),
    ({"status": "rumoured"}, ["unknown status", "asserted", "claimed"]),
    ({"country": "Atlantis"}, ["unknown country", "Atlantis"]),
    ({"since": "June"}, ["not a date", "YYYY-MM-DD"]),
    ({"until": "2023-13"}, ["not a date"]),
    ({"bbox": "1,2,3"}, ["not a bounding box", "west,south,east,north"]),
    ({"bbox": "0,50,10,40"}, ["not a bounding box", "south before north"]),
    ({"actor": "%"}, ["at least one word"]),
    ({"q": "()"}, ["at least one word"]),
]


@pytest.mark.parametrize("path", ["/api/events", "/api/stats", "/api/network"])
@pytest.mark.parametrize("params, words", BAD)
def test_every_bad_filter_is_400_naming_the_valid_values(api, path, params, words):
    answer = api.get(path, params=params)
    assert answer.status_code == 400
    assert all(w in answer.json()["detail"] for w in words), answer.json()


@pytest.mark.parametrize("params, words", [({"format": "xml"}, ["unknown format", "json", "geojson", "csv"]),
                                           ({"limit": "-1"}, ["limit"]), ({"offset": "-5"}, ["offset"])])
def test_bad_page_values_are_400(api, params, words):
    answer = api.get("/api/events", params=params)
    assert answer.status_code == 400 and all(w in answer.json()["detail"] for w in words)


def test_stats_count_what_events_keep(api):
    every = api.get("/api/events", params={"limit": 1000}).json()["events"]
    stats = api.get("/api/stats").json()
    assert stats["total"] == len(every)
    assert sum(t["events"] for t in stats["types"]) == len(every)
    dated = [e for e in every if e["date"]]
    assert sum(r["events"] for r in stats["timeline"]) == len(dated)
    assert stats["unit"] == "week" and stats["first"] == min(e["date"] for e in dated)
    assert all(r["period"] <= e for r in stats["timeline"][:1] for e in [stats["first"]])
    assert {c["country"]: c["events"] for c in stats["countries"]}["ML"] == sum(e["country"] == "ML" for e in every)
    cells = stats["places"]["cells"]
    assert sum(c["events"] for c in cells) == sum(e["lat"] is not None for e in every)
    assert all(sum(c["types"].values()) == c["events"] and c["type"] in c["types"] for c in cells)
    parties = {a["actor"]: a["events"] for a in stats["actors"]}
    assert parties["Rebels (Mali)"] == sum("Rebels (Mali)" in (e["actor1"], e["actor2"]) for e in every)
    assaults = api.get("/api/stats", params={"type": "ASSAULT", "country": "ML"}).json()
    assert assaults["total"] == sum(e["type"] == "ASSAULT" and e["country"] == "ML" for e in every) > 0
    assert [t["type"] for t in assaults["types"]] == ["ASSAULT"]


def test_bbox_keeps_events_located_inside(api):
    every = api.get("/api/events", params={"limit": 1000}).json()["events"]
    sahel = api.get("/api/events", params={"bbox": "-12,10,5,25", "limit": 1000}).json()["events"]
    inside = [e for e in every if e["lat"] is not None and -12 <= e["lon"] <= 5 and 10 <= e["lat"] <= 25]
    assert [e["id"] for e in sahel] == [e["id"] for e in inside] and {e["country"] for e in sahel} == {"ML"}
    # West greater than east crosses the antimeridian: from Mali's longitudes round the back of the world.
    around = api.get("/api/events", params={"bbox": "170,-90,-100,90", "limit": 1000}).json()["events"]
    assert around == [e for e in every if e["lon"] is not None and (e["lon"] >= 170 or e["lon"] <= -100)]


def test_word_search_matches_beginnings_of_words_all_of_them(api):
    tank = api.get("/api/events", params={"q": "TANK"}).json()
    assert tank["total"] >= 1 and all("tanker" in e["evidence_text"].lower() for e in tank["events"])
    both = api.get("/api/events", params={"q": "tanker missiles"}).json()["total"]
    assert both >= 1 and api.get("/api/events", params={"q": "tanker ceasefirezzz"}).json()["total"] == 0


def test_network_follows_the_filters_and_holds_parties_only(api):
    every = api.get("/api/network").json()
    assert all(n["kind"] for n in every["nodes"])  # no places, no things: parties only
    kenya = api.get("/api/network", params={"country": "KE"}).json()
    assert kenya["nodes"] and {n["id"] for n in kenya["nodes"]} < {n["id"] for n in every["nodes"]}
    assert all("Kenya" in n["id"] for n in kenya["nodes"])
    one = api.get("/api/network", params={"nodes": 2}).json()
    assert len(one["nodes"]) == 2 and all(e["source"] in {n["id"] for n in one["nodes"]} for e in one["edges"])


def test_docs_are_served_from_the_package(api):
    page = api.get("/docs").text
    assert "swagger-ui-bundle.js" in page and "cdn" not in page.lower() and "https://" not in page
    assert api.get("/docs-assets/swagger-ui-bundle.js").status_code == 200
    assert api.get("/docs-assets/swagger-ui.css").status_code == 200
    assert "/api/stats" in api.get("/openapi.json").json()["paths"]


def test_cli_names_the_valid_values_and_takes_the_same_filter_names(tmp_path):
    db = tmp_path / "events.db"
    (tmp_path / "a.txt").write_text("Rebels attacked an army post near Gao on Tuesday, the army said.\n")
    assert cli("ingest", str(tmp_path / "a.txt"), "--db", str(db)).returncode == 0
    bad = cli("events", "--db", str(db), "--type", "FOO")
    assert bad.returncode == 2 and "unknown type: 'FOO'" in bad.stderr and "ASSAULT" in bad.stderr
    bad = cli("events", "--db", str(db), "--acled", "Battle")
    assert bad.returncode == 2 and "Battles" in " ".join(bad.stderr.split())
    same = [cli("events", "--db", str(db), flag, "Battles", "--format", "jsonl").stdout
            for flag in ("--acled", "--acled-type")]
    assert same[0] == same[1] and same[0].count("\n") >= 1
    assert cli("events", "--db", str(db), "--bbox", "-12,10,5,25", "--format", "jsonl").stdout == same[0]


def test_cli_version_and_help_without_python_types():
    from eventwire import __version__
    assert cli("--version").stdout.strip() == f"eventwire {__version__}"
    for command in ("--help", "code --help", "events --help", "serve --help", "ingest --help"):
        shown = cli(*command.split()).stdout
        assert "Usage" in shown and "<bool>" not in shown and "<list[str]>" not in shown and "<str>" not in shown


def test_serve_prints_its_address_and_logs_requests(tmp_path):
    from eventwire.store import open_store
    open_store(str(tmp_path / "e.db")).close()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "eventwire", "serve", "--db", str(tmp_path / "e.db"),
                             "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        first = proc.stdout.readline()
        assert f"http://127.0.0.1:{port}/" in first and "/docs" in first
        while "Uvicorn running" not in proc.stdout.readline():
            pass
        import httpx
        assert httpx.get(f"http://127.0.0.1:{port}/api/health?x=1").status_code == 200
        while "/api/health" not in (logged := proc.stdout.readline()) and logged:
            pass
        assert '"GET /api/health?x=1 HTTP/1.1" 200' in logged
    finally:
        proc.terminate()
        proc.wait(10)
