"""The event's place in short conflict reports: names spaCy tags as organisations or products after a
verb of attack or a locative word, towns written before their division ("Irpin, Kyiv"), and money
named after a country. Sentences written for the project."""
from __future__ import annotations

from eventwire.geo.distance import km
from eventwire.geo.recognise import before_divisions
from eventwire.model import CodedDocument

from conftest import geocoded, place


def coded(text: str, trigger: str) -> CodedDocument:
    return geocoded(text, [(trigger, "")])


def near(loc, lat: float, lon: float, limit: float = 25.0) -> bool:
    return loc is not None and km(loc.lat, loc.lon, lat, lon) < limit


def test_a_town_before_its_division_is_the_place_whatever_spacy_tagged_it():
    cd = coded("On 2 May 2022, Ukrainian troops shelled Makiivka, Donetsk. Casualties unknown.", "shelled")
    loc = cd.events[0].location
    assert loc.name in ("Makiivka", "Makiyivka") and loc.feature == "city"


def test_a_town_written_with_the_capital_as_its_division_lies_near_it():
    # Obukhiv lies in the region around Kyiv, whose division code differs from the capital's.
    cd = coded("On 5 March 2022, Russian forces shelled houses in Obukhiv, Kyiv. Two people were hurt.", "shelled")
    loc = cd.events[0].location
    assert loc.name == "Obukhiv" and near(loc, 50.11, 30.62)


def test_a_division_after_a_comma_is_found_without_the_town():
    cd = coded("On 11 May 2022, the Ukrainian Forces fired grenade launchers at the positions of the Donbass People's "
               "Militia near Staryi Zaitseve, Donetsk. Casualties unknown.", "fired")
    loc = cd.events[0].location
    assert loc is not None and loc.name == "Donetsk" and loc.country == "UA"


def test_a_list_of_towns_is_no_town_and_its_division(gz):
    assert not before_divisions("Rallies were held in Lome, Sokode, Kara, Kpalime and Bafilo.", gz, set(), {})
    found = before_divisions("Gunmen attacked a bus near Kidal, Mali.", gz, set(), {})
    assert [m.text for m in found] == ["Kidal"]


def test_money_named_after_a_country_is_no_place():
    cd = coded("Traders in Mombasa protested against the falling value of the shilling against the US dollar.",
               "protested")
    assert "US" not in [p.text for p in cd.places]
    assert cd.events[0].location.name == "Mombasa"


def test_a_unit_named_after_its_town_is_placed_at_the_town():
    cd = coded("Herdsmen killed four farmers in Oju Local Government Area of Benue State on Sunday.", "killed")
    loc = cd.events[0].location
    assert loc.name == "Oju" and loc.country == "NG"


def test_an_event_in_a_region_lies_at_its_seat_with_the_region_s_precision():
    cd = coded("Militants attacked an army patrol in the Hiiraan region on Tuesday, residents said.", "attacked")
    loc = cd.events[0].location
    assert loc.name == "Hiiraan" and loc.precision == 3
    assert near(loc, 4.74, 45.20)  # Beledweyne, not the middle of the region


def test_a_quarter_matched_by_a_near_spelling_far_from_its_city_yields_the_city():
    cd = coded("Police dispersed a crowd in El Manshia and Sidi Gaber, two quarters of Alexandria, Egypt.", "dispersed")
    assert cd.events[0].location.name == "Alexandria"


def test_a_town_far_from_the_sentence_s_other_place_stays_when_both_are_exact():
    cd = coded("Protesters marched from Lagos to Abuja on Monday.", "marched")
    assert cd.events[0].location.name in ("Lagos", "Abuja")


def test_a_division_named_with_its_admin_word_after_on_is_a_place():
    cd = coded("On 24 March 2022, warships fired five shells on Odesa region from the sea. No casualties.", "fired")
    assert [p for p in cd.places if p.text == "Odesa"], [p.text for p in cd.places]
    assert cd.events[0].location is not None and cd.events[0].location.country == "UA"


def test_a_town_abroad_of_the_attackers_country_stays_where_the_gazetteer_has_it():
    import eventwire  # the whole pipeline: the attackers' country comes from the actors
    cd = eventwire.code("On 9 June 2022, Russian forces fired heavy artillery at Novi Petrivtsi. Two houses burned.")
    loc = cd.events[0].location
    assert loc is not None and loc.country == "UA" and near(loc, 50.63, 30.44)


def test_a_division_after_a_village_word_chooses_among_namesakes():
    cd = coded("On 2 June 2022, artillery hit a school near Borova village, Kharkiv. Three people were hurt.", "hit")
    assert near(cd.events[0].location, 49.38, 37.62)  # Borova of Kharkiv oblast, not the one near Kyiv


def test_a_sector_area_takes_the_district_written_after_it():
    cd = coded("On 3 June 2020, troops exchanged fire at Shahpur sector area (Poonch district, J&K).", "exchanged")
    assert near(cd.events[0].location, 33.77, 74.09)


def test_a_name_with_a_village_word_is_the_village():
    assert place(geocoded("Two houses burned in Myliach village, officials said."), "Myliach village").name == "Myliach"


def test_a_village_far_from_the_town_it_is_near_is_a_namesake():
    cd = coded("Two farmers were stabbed in Hamirpur village near Rapar town (Kachchh, Gujarat) on Sunday.", "stabbed")
    assert cd.events[0].location.name == "Rāpar"


def test_a_name_tagged_with_its_bracketed_division_is_the_name():
    cd = coded("On 6 June 2020, nurses from the regional hospital protested in front of the Court of Appeal in "
               "Gabes (Gabes) to demand the release of a colleague.", "protested")
    assert near(cd.events[0].location, 33.88, 10.10)


def test_towns_in_a_list_are_not_one_another_s_containers():
    cd = coded("Riots broke out on Friday in Limbe, Santa, Kumbo and Ndop after the arrest of a chief.", "Riots")
    assert near(cd.events[0].location, 4.02, 9.21)  # Limbe, though Santa is also a Peruvian province
    cd = coded("Farmers staged a sit-in in Ballari, Koppal and Bidar on Monday.", "sit-in")
    assert near(cd.events[0].location, 15.14, 76.92)


def test_an_event_placed_only_in_a_country_lies_at_its_capital_with_the_country_s_precision():
    cd = coded("Teachers across Senegal began a week-long strike over unpaid allowances.", "strike")
    loc = cd.events[0].location
    assert loc.name == "Senegal" and loc.precision == 3 and near(loc, 14.69, -17.44)  # Dakar, not mid-Senegal


def test_a_story_without_places_lies_in_the_country_of_the_peoples_it_names():
    cd = coded("A Somali police officer was shot dead by unknown gunmen on Tuesday night.", "shot")
    loc = cd.events[0].location
    assert loc is not None and loc.inferred and loc.country == "SO" and near(loc, 2.04, 45.34)


def test_a_story_without_places_or_peoples_lies_in_its_actors_country():
    import eventwire  # the whole pipeline: the actors' countries come from the coder
    cd = eventwire.code("Al Shabaab fighters ambushed a convoy on Tuesday, killing four soldiers.")
    loc = cd.events[0].location
    assert loc is not None and loc.inferred and loc.precision == 3 and loc.country == "SO"


def test_a_town_after_a_verb_of_attack_and_its_weapons_is_the_place():
    cd = coded("On 4 June 2022, artillery units shelled, including with rocket launchers, Vuhledar, Donetsk. One man "
               "was hurt.", "shelled")
    assert near(cd.events[0].location, 47.78, 37.25)


def test_a_known_town_tagged_as_a_person_before_its_division_is_the_place():
    cd = coded("On 6 June 2022, Ukrainian troops fought a Russian column on the road to Staryi Saltiv, Kharkiv. Two "
               "tanks were hit.", "fought")
    assert near(cd.events[0].location, 50.07, 36.79)


def test_number_words_are_no_places():
    cd = coded("One man was hurt and two women were killed when gunmen fired on a bus.", "fired")
    assert not [p.text for p in cd.places], [p.text for p in cd.places]


def test_an_unknown_spelling_tagged_as_an_organisation_after_at_is_matched_in_the_story_s_country():
    cd = coded("Students staged a peaceful demonstration at Lasanod in support of the President of Somalia's visit "
               "to Garowe.", "demonstration")
    assert near(cd.events[0].location, 8.48, 47.36)  # Laascaanood, not Garowe


def test_an_unknown_spelling_is_matched_without_its_administrative_word():
    cd = coded("Militias clashed in the Tajoura District on Sunday, Libyan officials said.", "clashed")
    assert near(cd.events[0].location, 32.88, 13.35, limit=5.0)  # Tajura, not Tripoli next to it


def test_a_town_named_before_a_press_club_or_a_radio_is_the_place():
    cd = coded("Teachers held a protest outside the Multan Press Club over unpaid salaries.", "protest")
    assert near(cd.events[0].location, 30.20, 71.48)


def test_the_first_of_the_towns_of_a_list_is_tied_to_the_event():
    cd = coded("On 3 June 2020, in the cities of Mandaguari and Perola, Parana, police seized two tons of cocaine.",
               "seized")
    assert near(cd.events[0].location, -23.52, -51.68)  # Mandaguari, not the state's seat


def test_the_head_of_an_unknown_area_name_must_lie_in_the_story_s_country():
    cd = coded("Two soldiers were killed in clashes in Sidi Ekhrebish area, Benghazi, on Friday.", "killed")
    assert near(cd.events[0].location, 32.12, 20.07)  # Benghazi, not an Indian town called Sidhi


def test_a_capital_named_after_its_country_s_capital_phrase_is_a_place_even_if_spacy_missed_it():
    cd = coded("Saudi-led warplanes struck a wedding hall in the Yemeni capital Sanaa, residents said on Saturday.",
               "struck")
    assert near(cd.events[0].location, 15.35, 44.21)
