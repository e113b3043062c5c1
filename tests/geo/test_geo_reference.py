"""Where the gazetteer puts countries and divisions, the sources' local administrative spellings, and
resolution of names that are both a division and a town, on sentences written for the project."""
from __future__ import annotations

from eventwire.geo.fold import fold
from eventwire.geo.gazetteer import area_centre, strip_admin_word
from eventwire.geo.distance import km

from conftest import geocoded, place


def _division(gz, name: str, cc: str):
    hits = [gz.entry(i) for i in gz.lookup(fold(name)) if gz.feature(i) in ("admin1", "admin2")]
    hits = [e for e in hits if e.country == cc]
    assert hits, f"{name} is no division of {cc}"
    return hits[0]


def test_local_administrative_words_are_dropped():
    assert strip_admin_word("anhui sheng") == "anhui"
    assert strip_admin_word("guangxi zhuangzu zizhiqu") == "guangxi"
    assert strip_admin_word("tibet autonomous region") == "tibet"
    assert strip_admin_word("departement de la somme") == "somme"
    assert strip_admin_word("kano state") == "kano"
    assert strip_admin_word("shi") == "shi"  # a name that is only the word stays


def test_divisions_are_found_without_their_local_administrative_word(gz):
    assert _division(gz, "Anhui", "CN").feature == "admin1"
    assert _division(gz, "Shandong", "CN").feature == "admin1"
    assert _division(gz, "Somme", "FR").feature == "admin2"


def test_countries_lie_near_their_reference_points(gz):
    from eventwire.geo.gazetteer import MAX_SHIFT_KM
    for cc, lat, lon in (("CN", 35.0, 105.0), ("NG", 10.0, 8.0), ("AF", 33.0, 65.0), ("US", 39.8, -98.5)):
        e = gz.entry(gz.countries[cc])
        assert km(e.lat, e.lon, lat, lon) <= MAX_SHIFT_KM + 5, cc


def test_a_division_is_centred_on_its_area_not_on_its_crowded_south():
    south = [(43.0 + 0.01 * i, -80.0 + 0.01 * i) for i in range(200)]  # many towns in a small south
    north = [(43.0 + lat, -80.0) for lat in range(1, 9)]  # few towns over a wide north
    lat, lon = area_centre(south + north)
    assert 46.0 < lat < 48.0 and abs(lon + 80.0) < 1.0


def test_an_area_across_the_antimeridian_is_centred_on_it():
    lat, lon = area_centre([(60.0, 175.0 + 0.5 * i) for i in range(20)] + [(60.0, -179.0 + 0.5 * i) for i in range(20)])
    assert abs(lon) > 175.0


def test_a_list_of_states_is_states():
    cd = geocoded("Cases of the illness were reported in Michigan, Oregon, New Mexico, Ohio, Kansas, Colorado "
                  "and Missouri, health officials said.")
    for name in ("Oregon", "Ohio", "Kansas", "Colorado", "Missouri"):
        assert place(cd, name).feature == "admin1", name


def test_a_state_name_is_no_evidence_for_its_namesake_towns():
    cd = geocoded("Farmers in Illinois lost most of their corn this year. Officials in Springfield and Chicago "
                  "asked for help.")
    assert place(cd, "Illinois").feature == "admin1"
    assert place(cd, "Springfield").country == "US"


def test_a_list_of_towns_before_a_state_is_no_chain_of_containers():
    cd = geocoded("The other finalists were Denver, Indianapolis, Louisville, Ky., and Fargo, N.D.")
    assert place(cd, "Indianapolis").country == "US"
    assert place(cd, "Denver").country == "US"
    assert place(cd, "Louisville").name == "Louisville"


def test_a_name_written_often_survives_one_misread_container():
    cd = geocoded("She moved to Arlington in 1975. In Arlington, Nadia said, the family opened a shop. "
                  "Arlington was home for thirty years.")
    assert all(p.country == "US" for p in cd.places if p.text == "Arlington")
    assert sum(p.text == "Arlington" for p in cd.places) == 3


def test_towns_named_for_their_people_and_bodies():
    cd = geocoded("A Gainesville man was arrested on Friday. Danbury police said the Columbia-based firm was "
                  "not involved.")
    for name in ("Gainesville", "Danbury", "Columbia"):
        assert place(cd, name).country == "US", name


def test_a_legislators_home_town_is_a_place():
    cd = geocoded("The bill was backed by Rep. Nick Rahall, D-Beckley, and Sen. Jane Roe, R-Charleston, in Ohio.")
    assert place(cd, "Beckley").country == "US"
    assert place(cd, "Charleston").country == "US"


def test_people_named_like_towns_before_resident_words_are_not_towns():
    cd = geocoded("Police said John Danbury family members were questioned in Houston.")
    assert "Danbury" not in {p.text for p in cd.places}


def test_a_part_named_by_its_direction_is_the_place():
    cd = geocoded("Two men were shot in South Philadelphia on Sunday, police said.")
    assert place(cd, "Philadelphia").country == "US"


def test_a_direction_before_a_word_that_is_no_name_finds_nothing():
    cd = geocoded("Prisoners rioted in the prison of Freetown (Western Area Urban, Western) on Tuesday.")
    assert "Area" not in {p.text for p in cd.places}


def test_state_agencies_name_their_state():
    cd = geocoded("Free trees will be handed out by the Texas Forest Service at the civic center on Saturday.")
    assert place(cd, "Texas").feature == "admin1"


def test_a_town_named_like_a_foreign_division_lies_in_the_state_written_after_it():
    cd = geocoded("Parents met at an elementary school in Santa Ana, California, to discuss the leukemia cases.")
    assert place(cd, "Santa Ana").country == "US"


def test_a_division_named_like_its_countrys_capital_yields_to_the_capital():
    cd = geocoded("Lawmakers in Washington passed the bill on Tuesday.")
    assert place(cd, "Washington").feature == "city"


def test_a_capitals_name_in_a_list_of_states_is_the_state():
    cd = geocoded("Officials are investigating cases in Washington, Pennsylvania and California.")
    assert place(cd, "Washington").feature == "admin1"


def test_names_sharing_a_plural_administrative_word_are_divisions():
    cd = geocoded("The population of Douglas, Sarpy and Lancaster counties grew again, the census said.")
    for name in ("Sarpy", "Lancaster"):
        assert place(cd, name).feature == "admin2", name


def test_a_capital_written_with_its_name_leaves_the_country_its_own_mention():
    cd = geocoded("Cholera broke out in a slum in Kenya's capital Nairobi on Saturday.")
    assert place(cd, "Kenya's").feature == "country"
    assert place(cd, "Nairobi").feature == "city"
