"""Incidents in the store: reports of one happening in different words become one incident with the
conservative death toll and every account kept; a neighbouring incident stays apart; the incidents are
kept up to date on every add and a rebuild gives the same; SQLite and PostgreSQL, CLI and HTTP."""
from __future__ import annotations

import json

import httpx
import pytest
from typer.testing import CliRunner

import eventwire
from eventwire.frontdoors.cli import app
from eventwire.store import open_store
from eventwire.store.incidents import INCIDENT_COLUMNS

from conftest import pg_schema, served

# Written for these tests: three reports of one attack (other numbers, a denial) and an attack on the
# next town the same day (Monguno lies ~30 km from Kukawa).
REPORTS = [
    ("police", "Gunmen killed 14 villagers in an attack on Kukawa in Borno state on Sunday, police said.", "2021-04-12"),
    ("residents", "At least 16 people died when suspected jihadists raided Kukawa village on Sunday, residents said.",
     "2021-04-12"),
    ("army", "The army denied that 14 civilians were killed by insurgents in Kukawa on Sunday.", "2021-04-13"),
    ("other", "Gunmen killed 9 people in an attack on Monguno on Sunday, police said.", "2021-04-12"),
]


def _fill(db: str) -> None:
    with open_store(db) as s:
        for ident, text, published in REPORTS:
            s.add(eventwire.code(text, id=ident, published=published, source=f"{ident} desk"))


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path):
    if request.param == "sqlite":
        target = str(tmp_path / "incidents.db")
        _fill(target)
        yield target
        return
    with pg_schema("ew_inc") as url:
        _fill(url)
        yield url


def _by_documents(found: list[dict]) -> dict[str, dict]:
    return {i["documents"]: i for i in found if i["acled_event_type"] == "Violence against civilians"}


def test_three_reports_become_one_incident_with_the_conservative_toll(db):
    with open_store(db) as s:
        found = _by_documents(s.incidents())
        one = found["police; residents; army"]
        assert (one["fatalities"], one["fatalities_min"], one["fatalities_max"]) == (14, 14, 16)
        assert one["reports"] == 3 and "denied" in one["statuses"] and "asserted" in one["statuses"]
        assert one["location"] == "Kukawa" and one["date"] == "2021-04-11"
        assert found["other"]["reports"] == 1 and found["other"]["location"] == "Monguno"
        detail = s.incident(one["incident"])
    accounts = {r["doc_id"]: (r["source"], r["status"], r["fatalities"]) for r in detail["reports"]}
    assert accounts == {"police": ("police desk", "asserted", 14), "residents": ("residents desk", "asserted", 16),
                        "army": ("army desk", "denied", 14)}
    assert all(r["evidence_text"] for r in detail["reports"])


def test_rebuild_gives_the_incidents_the_updates_gave_and_twice_changes_nothing(db):
    with open_store(db) as s:
        before = s.incidents()
        assert s.incidents(limit=2, offset=1) == before[1:3]  # paged by the database
        n = s.rebuild_incidents()
        assert s.incidents() == before and n == len(before)
        s.rebuild_incidents()
        assert s.incidents() == before


def test_the_incidents_command_lists_and_exports(db):
    run = CliRunner()
    table = run.invoke(app, ["incidents", "--db", db, "--rebuild"])
    assert table.exit_code == 0, table.output
    assert "14 (14-16)" in table.output
    out = run.invoke(app, ["incidents", "--db", db, "--format", "csv", "--country", "NG"])
    lines = out.output.splitlines()
    assert lines[0].split(",") == INCIDENT_COLUMNS
    assert any("police; residents; army" in line for line in lines[1:])
    as_json = json.loads(run.invoke(app, ["incidents", "--db", db, "-f", "json", "--since", "2030"]).output)
    assert as_json == []


def test_the_api_gives_incidents_and_an_incident_with_its_reports(db):
    with served(db) as base:
        page = httpx.get(f"{base}/api/incidents", params={"country": "NG"}, timeout=60).json()
        one = _by_documents(page["incidents"])["police; residents; army"]
        detail = httpx.get(f"{base}/api/incidents/{one['incident']}", timeout=60).json()
        assert [r["doc_id"] for r in detail["reports"]] == ["police", "residents", "army"]
        army = detail["reports"][2]["id"]  # an event's view: the other reports of its incident
        assert httpx.get(f"{base}/api/events/{army}/incident", timeout=60).json()["incident"] == one["incident"]
        assert httpx.get(f"{base}/api/events/999-0/incident", timeout=60).status_code == 404
        assert httpx.get(f"{base}/api/incidents/999-0", timeout=60).status_code == 404
        assert httpx.get(f"{base}/api/incidents", params={"since": "soon"}, timeout=60).status_code == 400
