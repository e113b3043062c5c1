"""Figures and relations in the store (migration 4) and the ``figures`` and ``actors`` commands, on SQLite
and PostgreSQL, from articles written for these tests and from the seed article."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

import eventwire
from eventwire.actorgraph import graph
from eventwire.frontdoors.cli import app
from eventwire.store import open_store

from conftest import pg_schema

OUTBREAK = ("Health officials in Misrata said on Tuesday that 52 people were infected with cholera in the city. "
            "Separately, the coast guard said it had seized 9 boats.")
BACKERS = ("The Sahel Defence Front is backed by Chad, Niger and Mali, diplomats said. "
           "Russian mercenaries aiding the Libyan National Army were seen near Sirte. "
           "Last week Egypt supplied drones to the Libyan National Army.")


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path):
    if request.param == "sqlite":
        yield str(tmp_path / "facts.db")
        return
    with pg_schema("ew_facts") as url:
        yield url


def _store(db: str, *texts: str) -> None:
    with open_store(db) as s:
        for i, t in enumerate(texts):
            s.add(eventwire.code(t, id=f"doc{i}", published="2021-03-09"))


def test_figures_are_stored_with_their_place_and_date_and_never_as_deaths(db):
    _store(db, OUTBREAK)
    with open_store(db) as s:
        infected = s.figures(what="infected")
        fatalities = [e["fatalities"] for e in s.events()]
    assert [(r["value"], r["what"], r["place"], r["country"]) for r in infected] == [(52, "infected", "Misratah", "LY")]
    assert infected[0]["date"] == "2021-03-09" and infected[0]["date_inferred"] is False  # "on Tuesday"
    assert "cholera" in infected[0]["evidence_text"]
    assert 52 not in fatalities


def test_relations_are_stored_as_support_and_aid_between_canonical_actors(db):
    _store(db, BACKERS)
    with open_store(db) as s:
        rows = s.relation_rows()
    edges = {(r["source"], r["kind"], r["target"]) for r in rows}
    assert {("Chad", "SUPPORT"), ("Niger", "SUPPORT"), ("Mali", "SUPPORT")} <= {(a, k) for a, k, _ in edges}
    assert ("Egypt", "AID", "Libyan Arab Armed Forces") in edges  # "supplied drones to"
    wagner = [r for r in rows if r["source_text"] == "Russian mercenaries"]
    assert wagner and wagner[0]["source_inferred"] is True and wagner[0]["target_inferred"] is False
    assert all(r["date"] == "2021-03-09" and r["evidence_text"] for r in rows)


def test_the_actors_command_lists_actors_and_exports_the_graph_as_json_and_graphml(db, tmp_path):
    _store(db, BACKERS, OUTBREAK)
    run = CliRunner()
    table = run.invoke(app, ["actors", "--db", db])
    assert table.exit_code == 0, table.output
    assert "Libyan National Army" in table.output and "(inferred)" in table.output
    as_json = run.invoke(app, ["actors", "--db", db, "--format", "json"])
    g = json.loads(as_json.output)
    laaf = next(n for n in g["nodes"] if n["id"] == "Libyan Arab Armed Forces")
    assert "the Libyan National Army" in laaf["aliases"] and laaf["inferred"] is False
    wagner = next(n for n in g["nodes"] if n["id"] == "Wagner Group")  # "Russian mercenaries": read, not named
    assert wagner["inferred"] is True and wagner["aliases"] == ["Russian mercenaries"]
    egypt = next(e for e in g["edges"] if e["source"] == "Egypt")
    assert egypt["kind"] == "AID" and egypt["first"] == "2021-03-09" and egypt["evidence"][0]["doc_id"] == "doc0"
    out = tmp_path / "actors.graphml"
    assert run.invoke(app, ["actors", "--db", db, "-f", "graphml", "-o", str(out)]).exit_code == 0
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.parse(out).getroot()
    assert {n.get("id") for n in root.iterfind(".//g:node", ns)} == {n["id"] for n in g["nodes"]}
    assert len(root.findall(".//g:edge", ns)) == len(g["edges"])
    with open_store(db) as s:
        assert graph(s) == g  # the same store, the same graph


def test_the_figures_command_exports_csv(db):
    _store(db, OUTBREAK)
    out = CliRunner().invoke(app, ["figures", "--db", db, "--format", "csv", "--what", "infected"])
    assert out.exit_code == 0, out.output
    header, row = out.output.splitlines()[:2]
    assert {"value", "what", "place", "date", "date_inferred", "evidence_text"} <= set(header.split(","))
    assert ",52,infected," in row


def test_migration_4_fills_figures_and_relations_of_documents_stored_before_it(db):
    _store(db, BACKERS, OUTBREAK)
    with open_store(db) as s:
        before = (s.figures(), s.relation_rows())
        with s.engine.begin() as conn:  # back to version 3: no figures or relations tables
            conn.execute(text("DROP TABLE figures"))
            conn.execute(text("DROP TABLE relations"))
            conn.execute(text("DELETE FROM schema_version WHERE version >= 3"))
            conn.execute(text("INSERT INTO schema_version VALUES (3, 'indexes', CURRENT_TIMESTAMP)"))
    with open_store(db) as s:
        assert (s.figures(), s.relation_rows()) == before and before[0] and before[1]


def test_seed_backers_and_figures(seed, tmp_path):
    db = str(tmp_path / "seed.db")
    with open_store(db) as s:
        s.add(seed)
        rels = s.relation_rows()
        figs = {(f["value"], f["what"]) for f in s.figures()}
    backers = {(r["source"], r["target"]) for r in rels if r["kind"] == "SUPPORT"}
    for country in ("United Arab Emirates", "Egypt", "Russia"):
        assert (country, "Libyan Arab Armed Forces") in backers
    tripoli_side = {r["source"] for r in rels if "militia" in (r["target_text"] or "")}
    assert {"Turkey", "Qatar", "Italy"} <= tripoli_side
    assert {(168, "infected"), (14, "aircraft")} <= figs


def test_a_relation_keeps_the_status_of_its_telling(db):
    _store(db, "The LAAF claimed that Turkey armed the militias. Officials said Qatar backs the militias too.")
    with open_store(db) as s:
        status = {r["source"]: (r["kind"], r["status"]) for r in s.relation_rows()}
        edges = graph(s)["edges"]
    assert status == {"Turkey": ("AID", "claimed"), "Qatar": ("SUPPORT", "asserted")}
    assert next(e for e in edges if e["source"] == "Turkey")["statuses"] == ["claimed"]
