"""First-level divisions the gazetteer sources leave unnamed or name otherwise: named by the project's
aliases (Poltava, Jonglei, Jammu and Kashmir, Kyiv region). Sentences written for the project."""
from __future__ import annotations

import pytest
from test_geo import coded as geo_coded
from test_geo import gz  # noqa: F401 (the gazetteer fixture)
from test_geo import place as named


def _admin1(gz, name: str) -> set[str]:
    from eventwire.geo.fold import fold
    return {gz.entry(i).admin1 for i in gz.lookup(fold(name)) if gz.feature(i) == "admin1"}


@pytest.mark.parametrize("name, code", [
    ("Poltava", "UA.18"), ("Kirovohrad", "UA.10"), ("Chernivtsi", "UA.03"), ("Vinnytsia", "UA.23"),
    ("Kyiv", "UA.13"), ("Jammu and Kashmir", "IN.12"), ("J&K", "IN.12"), ("Jonglei", "SS.03"),
    ("South Darfur", "SD.49"), ("Ituri", "CD.17"), ("Oromia", "ET.51"), ("Lower Shabelle", "SO.14"),
])
def test_usual_english_names_of_divisions_are_keys(gz, name, code):
    assert code in _admin1(gz, name)


def test_a_division_without_named_places_is_named_by_its_alias(gz):
    e = gz.entry(next(i for i in gz.lookup("poltava") if gz.feature(i) == "admin1"))
    assert e.name == "Poltava" and e.country == "UA" and 49 < e.lat < 50.5 and 32 < e.lon < 35.5


def test_kyiv_after_a_town_and_alone_is_the_city():
    cd = geo_coded("On 5 May 2022, Russian shelling hit houses in Irpin, Kyiv, killing two people.", [("hit", "")])
    assert cd.events[0].location.name == "Irpin"
    assert 50.4 < cd.events[0].location.lat < 50.6 and 30.1 < cd.events[0].location.lon < 30.4
    cd = geo_coded("On 5 May 2022, students marched in Kyiv against the war.", [("marched", "")])
    assert cd.events[0].location.name == "Kyiv" and cd.events[0].location.feature == "city"


def test_a_town_in_poltava_region():
    cd = geo_coded("On 7 May 2022, a missile struck a refinery in Kremenchuk, Poltava, killing one worker.",
                   [("struck", "")])
    assert cd.events[0].location.name == "Kremenchuk"
    assert named(cd, "Poltava").feature == "admin1"
