"""The HTTP API through a real server (`eventwire serve`) on a store filled by `eventwire ingest`."""
from __future__ import annotations

import httpx
import pytest

from conftest import cli, free_port


def test_health_counts_the_store(api):
    body = api.get("/api/health").json()
    assert body["status"] == "ok" and body["documents"] == 6 and body["events"] > 10


def test_events_page_with_total_ids_and_offset(api):
    everything = api.get("/api/events", params={"limit": 1000}).json()
    assert everything["total"] == len(everything["events"]) == api.get("/api/health").json()["events"]
    row = everything["events"][0]
    for key in ("id", "document", "doc_id", "date", "type", "mode", "acled_event_type", "actor1", "actor2_kind",
                "location", "lat", "lon", "country", "geo_precision", "fatalities", "status", "attribution",
                "confidence", "incident", "evidence_text"):
        assert key in row
    page = api.get("/api/events", params={"limit": 2, "offset": 3}).json()
    assert page["total"] == everything["total"]
    assert [r["id"] for r in page["events"]] == [r["id"] for r in everything["events"][3:5]]


def test_events_filters(api):
    mali = api.get("/api/events", params={"country": "Mali"}).json()
    assert mali["total"] > 0 and {r["country"] for r in mali["events"]} == {"ML"}
    assert api.get("/api/events", params={"country": "MLI"}).json()["total"] == mali["total"]
    several = api.get("/api/events", params=[("country", "ML"), ("country", "KE")]).json()
    assert {r["country"] for r in several["events"]} == {"ML", "KE"}
    assaults = api.get("/api/events", params={"type": "assault"}).json()
    assert assaults["total"] > 0 and {r["type"] for r in assaults["events"]} == {"ASSAULT"}
    battles = api.get("/api/events", params={"acled": "Armed clash"}).json()
    assert battles["total"] > 0 and {r["acled_sub_event_type"] for r in battles["events"]} == {"Armed clash"}
    dated = api.get("/api/events", params={"since": "2023-05", "until": "2023-05"}).json()
    assert dated["total"] > 0 and all(r["date"].startswith("2023-05") for r in dated["events"])


def test_q_searches_evidence_actors_and_places(api):
    tanker = api.get("/api/events", params={"q": "TANKER"}).json()
    assert tanker["total"] >= 1 and all("tanker" in (r["evidence_text"] or "").lower() for r in tanker["events"])
    houthis = api.get("/api/events", params={"q": "houthis"}).json()
    assert any("Houthis" in (r["actor2"] or "") for r in houthis["events"])
    assert api.get("/api/events", params={"q": "no such words anywhere"}).json() == {"total": 0, "events": []}


@pytest.mark.parametrize("params, words", [
    ({"country": "Atlantis"}, "unknown country"), ({"since": "2023-13"}, "not a date"),
    ({"limit": "-1"}, "limit"), ({"limit": "many"}, "limit"), ({"status": "rumoured"}, "unknown status"),
])
def test_bad_filters_are_400_with_the_reason(api, params, words):
    answer = api.get("/api/events", params=params)
    assert answer.status_code == 400 and words in answer.json()["detail"]


def test_event_with_evidence_and_relative_spans(api):
    row = api.get("/api/events", params={"q": "tanker"}).json()["events"][0]
    e = api.get(f"/api/events/{row['id']}").json()
    assert e["id"] == row["id"] and e["type"] == row["type"] and e["doc_id"] == "backing.txt"
    assert "tanker" in e["evidence_text"] and "text" not in e
    assert e["spans"]["trigger"]["text"].startswith("fired")
    for span in e["spans"].values():
        assert e["evidence_text"][span["start"]:span["end"]] == span["text"]
    assert [m["text"] for m in e["mentions"]] == [e["evidence_text"]]  # told by one sentence of its document


@pytest.mark.parametrize("key", ["999-0", "1-999", "nonsense", "1-x"])
def test_missing_event_is_404(api, key):
    assert api.get(f"/api/events/{key}").status_code == 404


def test_documents_by_store_id_and_by_name(api):
    row = api.get("/api/events", params={"country": "ML"}).json()["events"][0]
    doc = api.get(f"/api/documents/{row['document']}").json()
    assert doc["id"] == row["doc_id"] and doc["events"] and "text" in doc
    assert api.get(f"/api/documents/{row['doc_id']}").json()["id"] == row["doc_id"]
    assert api.get("/api/documents/9999").status_code == 404
    assert api.get("/api/documents/nothing.txt").status_code == 404


def test_network_has_event_and_relation_edges(api):
    net = api.get("/api/network").json()
    names = {n["id"]: n for n in net["nodes"]}
    assert names["Iran"]["country"] == "IRN" and names["Iran"]["events"] >= 1
    assert {"source": "Iran", "target": "Ansar Allah (Houthis)", "type": "backs"} in [
        {k: e[k] for k in ("source", "target", "type")} for e in net["edges"]]
    assert all(e["source"] in names and e["target"] in names and e["events"] >= 1 for e in net["edges"])
    assert any(e["type"] == "ASSAULT" for e in net["edges"])
    assert "a crowded market" not in names  # the airstrike example's target is a thing, not a party


def test_code_returns_the_contract_without_storing(api):
    before = api.get("/api/health").json()
    answer = api.post("/api/code", json={"text": "Rebels attacked an army base near Gao on Tuesday, killing five "
                                                 "soldiers, a local official said.", "published": "2024-03-06"})
    assert answer.status_code == 200
    coded = answer.json()
    assert coded["published"] == "2024-03-06" and coded["events"][0]["type"] == "ASSAULT"
    assert coded["events"][0]["date"] == "2024-03-05"
    assert api.get("/api/health").json() == before


@pytest.mark.parametrize("body, status", [
    ({"text": "   "}, 400), ({"published": "2024-01-01"}, 400), ({"text": 5}, 400),
    ({"text": "word " * 50_000}, 413),
])
def test_code_refuses_bad_input(api, body, status):
    assert api.post("/api/code", json=body).status_code == status


def test_serve_refuses_a_missing_store(tmp_path):
    done = cli("serve", "--db", str(tmp_path / "none.db"), "--port", str(free_port()))
    assert done.returncode == 2 and "no store" in done.stderr


def test_root_serves_the_dashboard_folder_beside_the_api(tmp_path):
    import asyncio

    from eventwire.frontdoors.api import create_app
    from eventwire.store import open_store
    web = tmp_path / "web"
    web.mkdir()
    (web / "index.html").write_text("<h1>events</h1>", encoding="utf-8")

    async def get(app, path: str) -> httpx.Response:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://eventwire") as c:
            return await c.get(path)

    with open_store(str(tmp_path / "events.db")) as store:
        app = create_app(store, web=web)
        assert asyncio.run(get(app, "/")).text == "<h1>events</h1>"
        assert asyncio.run(get(app, "/api/health")).json() == {"status": "ok", "documents": 0, "events": 0}
        assert asyncio.run(get(app, "/api/events/1-0")).status_code == 404
        assert asyncio.run(get(create_app(store, web=tmp_path / "none"), "/")).status_code == 404
