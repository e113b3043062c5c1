"""``eventwire incidents --format acled`` and ``--format plover`` read back: every ACLED column in the
codebook's order with values from its value sets, one row per incident with its sources joined; PLOVER
records with PLOVER types, modes and sectors. SQLite and PostgreSQL."""
from __future__ import annotations

import csv
import io
import json
import re

import pycountry
import pytest
from typer.testing import CliRunner

import eventwire
from eventwire import lang
from eventwire.frontdoors.cli import app
from eventwire.lang.acled import acled_types, plover_modes
from eventwire.store import open_store

from conftest import pg_schema

# Written for these tests: two reports of one bombing, a protest, and an arrest.
TEXTS = [
    ("wire", "A car bomb killed 7 people at a market in Mogadishu on Monday, police said.", "2022-03-08"),
    ("radio", "Seven people died when a car bomb exploded at a Mogadishu market on Monday, witnesses said.",
     "2022-03-08"),
    ("daily", "Hundreds of teachers protested over unpaid wages in Nairobi on Tuesday.", "2022-03-09"),
    ("paper", "Police arrested 12 opposition activists in Kampala on Wednesday.", "2022-03-10"),
]
COLUMNS = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
           "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
           "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
           "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp"]
DISORDER = {"Political violence", "Demonstrations", "Political violence; Demonstrations", "Strategic developments"}


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path):
    def fill(target: str) -> str:
        with open_store(target) as s:
            for ident, text, published in TEXTS:
                s.add(eventwire.code(text, id=ident, published=published, source=f"The {ident.title()}"))
        return target
    if request.param == "sqlite":
        yield fill(str(tmp_path / "formats.db"))
        return
    with pg_schema("ew_fmt") as url:
        yield fill(url)


def test_acled_format_has_the_codebook_columns_and_value_sets(db):
    out = CliRunner().invoke(app, ["incidents", "--db", db, "--format", "acled"])
    assert out.exit_code == 0, out.output
    reader = csv.DictReader(io.StringIO(out.output))
    assert reader.fieldnames == COLUMNS
    rows = list(reader)
    subs = acled_types()
    regions = set(lang.load("export/acled.json")["regions"])
    for r in rows:
        assert re.fullmatch(r"[A-Z]{3}\d+", r["event_id_cnty"])
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["event_date"]) and r["year"] == r["event_date"][:4]
        assert r["time_precision"] in {"1", "2", "3"} and r["geo_precision"] in {"1", "2", "3"}
        assert r["disorder_type"] in DISORDER
        assert subs[r["sub_event_type"]] == r["event_type"]
        inter1, inter2 = int(r["inter1"]), int(r["inter2"])
        assert 1 <= inter1 <= 8 and 0 <= inter2 <= 8
        expected = inter1 * 10 if not inter2 else int("".join(sorted((r["inter1"], r["inter2"]))))
        assert int(r["interaction"]) == expected
        assert r["civilian_targeting"] in {"", "Civilian targeting"}
        country = pycountry.countries.get(numeric=f"{int(r['iso']):03d}")
        assert country.name == r["country"] and r["region"] in regions
        assert -90 <= float(r["latitude"]) <= 90 and -180 <= float(r["longitude"]) <= 180
        assert int(r["fatalities"]) >= 0 and int(r["timestamp"]) > 0
        assert r["notes"] and r["source"]
    bombing = [r for r in rows if r["location"] == "Mogadishu" and r["event_type"] == "Explosions/Remote violence"]
    assert len(bombing) == 1  # one row per incident, its sources joined
    assert bombing[0]["source"] == "The Radio; The Wire" and bombing[0]["fatalities"] == "7"
    assert bombing[0]["region"] == "Eastern Africa" and bombing[0]["iso"] == "706"
    protest = next(r for r in rows if r["location"] == "Nairobi")
    assert (protest["disorder_type"], protest["inter1"], protest["interaction"]) == ("Demonstrations", "6", "60")


def test_plover_format_gives_polecat_style_records(db):
    out = CliRunner().invoke(app, ["incidents", "--db", db, "--format", "plover"])
    assert out.exit_code == 0, out.output
    records = [json.loads(line) for line in out.output.splitlines()]
    modes = plover_modes()
    sectors = {"GOV", "MIL", "COP", "REB", "OPP", "PTY", "CVL", "UAF", "BUS", "MED", "EDU", "HLH", "REL", "IGO",
               "NGO", "JUD", "LEG", "LAB", "AGR", "REF", "ELI", "SPY", "CRM", "ETH", "UNK", "SET", "ACT", "DEV"}
    for rec in records:
        assert rec["event_type"] in modes and (rec["mode"] is None or rec["mode"] in modes[rec["event_type"]])
        assert isinstance(rec["context"], list) and rec["sources"]
        for side in ("source_actor", "target_actor"):
            actor = rec[side]
            assert actor is None or (actor["sector"] in sectors or actor["sector"] is None)
    bombing = [r for r in records if r["location"]["name"] == "Mogadishu" and r["event_type"] == "ASSAULT"]
    assert len(bombing) == 1 and {s["doc_id"] for s in bombing[0]["sources"]} == {"wire", "radio"}
