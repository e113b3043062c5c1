"""Territorial control from stored events: a place's timeline (``eventwire control PLACE``,
``/api/places/{id}/control``) and who holds what in a country on a day, on SQLite and PostgreSQL."""
from __future__ import annotations

import json

import httpx
import pytest
from typer.testing import CliRunner

import eventwire
from eventwire.frontdoors.cli import app
from eventwire.store import open_store
from eventwire.store.control import changes, holdings

from conftest import pg_schema, served

# Written for these tests: a town taken, then left; another taken the same week.
TAKEN = "Government forces recaptured the town of Gharyan on Sunday, the army said."
LEFT = "Government forces withdrew from Gharyan on Friday after days of shelling."
OTHER = "Rebels took control of Tarhuna on Wednesday."
SEIZED = "Militiamen seized the town of Bani Walid on Thursday. Police seized weapons in Sirte on Thursday."


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path):
    if request.param == "sqlite":
        target = str(tmp_path / "control.db")
        _fill(target)
        yield target
        return
    with pg_schema("ew_control") as url:
        _fill(url)
        yield url


def _fill(db: str) -> None:
    with open_store(db) as s:
        for i, (t, published) in enumerate(((TAKEN, "2020-06-02"), (OTHER, "2020-06-05"), (LEFT, "2020-06-13"),
                                            (SEIZED, "2020-06-20"))):
            s.add(eventwire.code(t, id=f"doc{i}", published=published))


def test_a_place_has_a_timeline_of_gains_and_losses(db):
    with open_store(db) as s:
        timeline = changes(s, place="Gharyan")
    assert [(c.date, c.change, c.holder, c.loser) for c in timeline] == [
        ("2020-05-31", "gain", "Military Forces of Libya", None),
        ("2020-06-12", "loss", None, "Military Forces of Libya")]
    assert timeline[0].status == "asserted" and "recaptured" in timeline[0].evidence_text


def test_a_place_seized_is_a_gain_and_seized_weapons_are_not(db):
    with open_store(db) as s:
        taken = changes(s, place="Bani Walid")
        assert not changes(s, place="Sirte")
    assert [(c.change, c.loser, c.date) for c in taken] == [("gain", None, "2020-06-18")]


def test_who_holds_what_on_a_day(db):
    with open_store(db) as s:
        early = {h["place"]: h["holder"] for h in holdings(s, "LY", "2020-06-05")}
        late = {h["place"]: h["holder"] for h in holdings(s, "Libya", "2020-06-30")}
    assert early == {"Gharyan": "Military Forces of Libya", "Tarhuna": late["Tarhuna"]}
    assert late["Gharyan"] is None and late["Tarhuna"]


def test_the_control_command(db):
    run = CliRunner()
    out = run.invoke(app, ["control", "gharyan", "--db", db, "--format", "json"])
    assert out.exit_code == 0, out.output
    assert [r["change"] for r in json.loads(out.output)] == ["gain", "loss"]
    table = run.invoke(app, ["control", "--db", db, "--country", "LY", "--date", "2020-06-05"])
    assert table.exit_code == 0 and "Gharyan" in table.output and "Tarhuna" in table.output
    assert run.invoke(app, ["control", "--db", db, "--country", "LY"]).exit_code == 2


def test_the_api_gives_a_place_control_timeline(db):
    with served(db) as base:
        with open_store(db) as s:
            gid = changes(s, place="Gharyan")[0].geonameid
        got = httpx.get(f"{base}/api/places/{gid}/control", timeout=60)
        assert got.status_code == 200 and [r["change"] for r in got.json()] == ["gain", "loss"]
        assert httpx.get(f"{base}/api/places/Nowhere/control", timeout=60).status_code == 404


def test_seed_al_asabaa_taken_by_the_laaf(seed, tmp_path):
    with open_store(str(tmp_path / "seed.db")) as s:
        s.add(seed)
        timeline = changes(s, place="al-Asabaa")
    assert [(c.date, c.change, c.holder) for c in timeline] == [("2020-05-31", "gain", "Libyan Arab Armed Forces")]
