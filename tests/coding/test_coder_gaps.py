"""Reports the coder used to leave without an event or without a first actor: protest forms of South
Asian and North African reports, arson and thrown bombs, remote violence told in few words, bodies found."""
from __future__ import annotations

import pytest

import eventwire

from conftest import parse


def first(text: str):
    cd = eventwire.code(text, id="g")
    assert cd.error is None and cd.events, f"no event in {text!r}"
    return cd.events[0]


@pytest.mark.parametrize("text", [
    "Unemployed graduates staged a sit-in in front of the governorate offices in Gafsa.",
    "In Khulna, activists of the student front brought out a procession on the university campus on Sunday.",
    "Members of a teachers' association formed a human chain in front of the press club in Dhaka.",
    "The opposition alliance observed a dawn-to-dusk hartal in Sylhet district on Monday.",
    "Farmers staged a rasta roko on the national highway near Nashik, pressing for loan waivers.",
])
def test_protest_forms_are_protests_by_protesters(text):
    ev = first(text)
    assert ev.type == "PROTEST" and ev.acled_sub_event_type == "Peaceful protest", ev.rule
    assert ev.actor1 is not None and ev.actor1.kind == "protesters"


def test_a_procession_that_is_attacked_is_no_protest():
    ev = first("Gunmen opened fire on a funeral procession in Quetta on Friday, killing three mourners.")
    assert ev.type == "ASSAULT"


def test_set_ablaze_reaches_past_a_long_object():
    ev = first("In Rangpur, unidentified men set the district council's old land record office ablaze on Tuesday night.")
    assert ev.acled_sub_event_type == "Looting/property destruction" and ev.rule.startswith("assault.destroy")


def test_a_linked_phrase_needs_the_parse_link():
    """ "set ... ablaze" is one act only where 'ablaze' depends on 'set'."""
    from eventwire.coding.lexicon import match_at
    from eventwire.lang.triggers import phrase

    ph = phrase("set ... ablaze")
    linked = list(parse("Rioters set the old customs office ablaze."))
    assert match_at(linked, 1, ph) is not None
    apart = list(parse("The committee set a date, and by then the market was ablaze."))
    assert match_at(apart, 2, ph) is None


@pytest.mark.parametrize("text", [
    "Hartal supporters hurled at least three cocktail bombs in front of the bus depot in Comilla on Sunday.",
    "Residents of the township burnt tyres at the main intersection after a week without water.",
])
def test_thrown_cocktails_and_burnt_tyres_are_riots(text):
    ev = first(text)
    assert ev.type == "PROTEST" and ev.mode == "riot", ev.rule
    assert ev.actor1 is not None and ev.actor1.kind == "rioters"


@pytest.mark.parametrize("text, sub", [
    ("On 4 June, Russian forces conducted strikes on the outskirts of Lysychansk.", "Air/drone strike"),
    ("On 4 June, government forces launched an artillery strike on rebel positions near Kadugli.",
     "Shelling/artillery/missile attack"),
    ("On 4 June, army units downed a helicopter of the rebel forces near Kadugli.", "Shelling/artillery/missile attack"),
    ("Border guards resorted to firing of mortar bombs in the Samba sector on Sunday.",
     "Shelling/artillery/missile attack"),
])
def test_remote_violence_told_in_few_words(text, sub):
    ev = first(text)
    assert ev.type == "ASSAULT" and ev.acled_sub_event_type == sub, ev.rule


def test_a_strike_by_workers_is_no_air_strike():
    ev = first("Doctors at the district hospital launched an indefinite strike on Monday over unpaid salaries.")
    assert ev.type == "PROTEST"


def test_a_body_found_is_a_killing_by_an_unidentified_group():
    ev = first("On 12 March, the body of a shopkeeper was found in a ditch near Itabuna, Bahia, with two gunshot wounds.")
    assert ev.type == "ASSAULT" and ev.acled_sub_event_type == "Attack", ev.rule
    assert ev.actor1 is not None and ev.actor1.kind == "political_militia"


def test_a_body_found_after_a_drowning_is_no_attack():
    cd = eventwire.code("The body of a fisherman who drowned on Sunday was recovered from the lake.", id="g")
    assert not any(e.rule.startswith("assault.found-dead") for e in cd.events)


@pytest.mark.parametrize("text, sub", [
    ("A farmer was strangled near his field in Gitega province.", "Attack"),
    ("Infighting broke out between two army units at a checkpoint outside Afgooye.", "Armed clash"),
    ("Small arms fire was reported near the airbase on Tuesday night.", "Armed clash"),
    ("Suspected rebels held four traders captive overnight near the river crossing.", "Abduction/forced disappearance"),
    ("A bomb went off near a mosque in the old town on Friday evening.", "Remote explosive/landmine/IED"),
    ("Soldiers found a cache of explosives in an abandoned house outside the town.", "Disrupted weapons use"),
])
def test_violence_in_words_the_lexicon_lacked(text, sub):
    assert first(text).acled_sub_event_type == sub


def test_blocking_a_road_past_its_long_name():
    ev = first("Angry residents blocked the busy Mombasa-Nairobi highway near Voi with rocks on Monday.")
    assert ev.type == "PROTEST" and ev.rule.startswith("protest.obstruct")


def test_violence_someone_is_accused_of_is_the_event_and_its_doer_the_accused():
    ev = first("On 3 June, soldiers in Kasese were accused of beating a boda-boda rider for breaking the curfew.")
    assert ev.type == "ASSAULT" and ev.actor1 is not None and ev.actor1.kind == "state_forces", ev.rule


def test_an_accusation_by_a_named_accuser_stays_an_accusation():
    cd = eventwire.code("The ministry accused the rebels of shelling a hospital in the east.", id="g")
    assert cd.events[0].type == "ACCUSE"


def test_a_hijacking_is_looting_below_the_killing_told_with_it():
    ev = first("Three gunmen hijacked a minibus on the Nyala road on Tuesday.")
    assert ev.acled_sub_event_type == "Looting/property destruction" and ev.actor1.kind == "political_militia"
    ev = first("Armed men hijacked a lorry and shot the driver dead near Nyala.")
    assert ev.acled_sub_event_type == "Attack"


@pytest.mark.parametrize("text", [
    "On 12 May, rebel fighters took the town of Kafr Nabl after a night of fighting.",
    "On 12 May, militants claimed to gain the territory of two villages near the lake.",
])
def test_territory_taken_in_plain_words(text):
    ev = first(text)
    assert ev.acled_sub_event_type == "Non-state actor overtakes territory", ev.rule


def test_troops_taking_up_positions_take_no_territory():
    cd = eventwire.code("Troops took up positions around the parliament on Monday.", id="g")
    assert not any(e.rule.startswith("assault.capture") for e in cd.events)


@pytest.mark.parametrize("text", [
    "Displacement: On 3 June 2022, civilians evacuated from Kupiansk to Kharkiv with their own cars.",
    "On 2 June 2022, about 300 children were evacuated to Ternopil region from Kramatorsk.",
    "On 5 June 2022, around 900 people were evacuated through a humanitarian corridor from Lysychansk.",
])
def test_people_moved_lead_their_displacement_as_civilians(text):
    # the parse may make no phrase of "civilians", take the evacuated for the acted-on, or a town for the
    # actor: the displaced people are ACLED's first actor all the same
    ev = first(text)
    assert ev.actor1 is not None and ev.actor1.kind == "civilians", (ev.type, ev.actor1, ev.actor2)
    assert ev.actor2 is None


@pytest.mark.parametrize("text", [
    "On 12 March 2021, in Arequipa, a group of taxi drivers gathered in front of the regional government "
    "offices. They asked the authorities to lower fuel prices.",
    "On 3 April 2021, residents gathered in Tunis to mark the anniversary of the uprising. The participants "
    "accused the government of ignoring the families of the victims.",
])
def test_a_gatherings_demand_told_by_a_loose_word_is_the_protesters(text):
    ev = first(text)
    assert ev.actor1 is not None and ev.actor1.kind == "protesters", (ev.type, ev.actor1)


def test_a_demand_with_no_gathering_makes_no_protesters():
    ev = first("The minister came to Arequipa on Monday. He asked the authorities to lower fuel prices.")
    assert ev.actor1 is None or ev.actor1.kind != "protesters"


@pytest.mark.parametrize("text", [
    "Hundreds of activists of the youth movement went down in the streets of Lome to demand lower fuel prices.",
    "Dozens of demonstrators of the teachers' union marched through Bamako to demand the payment of bonuses.",
])
def test_a_count_of_people_who_demand_are_the_protesters(text):
    # "hundreds of activists": the activists act, not the count; a crowd's word names people who may lead
    ev = first(text)
    assert ev.actor1 is not None and ev.actor1.kind == "protesters", (ev.type, ev.actor1, ev.actor2)


def test_a_count_of_people_arrested_stays_acted_on():
    ev = first("An unconfirmed report said that dozens of shopkeepers were arrested for refusing to trade in the "
               "old notes.")
    assert ev.actor1 is not None and ev.actor1.kind == "state_forces", ev.actor1
