"""Actors: aliases, possessives, demonyms, generic forces by kind, foreign forces, unknown named groups,
and the context stage's ACLED conventions, on sentences written for these tests."""
from __future__ import annotations

from collections import Counter

import pytest

from eventwire.actors import contextualise, resolve, resolve_span
from eventwire.actors.context import doc_countries, settle
from eventwire.actors.normalise import singular, tokens
from eventwire.model import CodedDocument, Document, Event, Place, Segment, Span

from conftest import parse


def _event(actor1=None, actor2=None, type_="ASSAULT", acled=None, mode=None):
    return Event(type=type_, mode=mode, evidence=Span(0, 1), trigger=Span(0, 1), rule="test",
                 acled_event_type=acled, actor1=actor1, actor2=actor2)


@pytest.mark.parametrize("mention", ["east-based forces", "LAAF", "the Libyan National Army",
                                     "Hifter's forces", "Haftar's self-styled Libyan Arab Armed Forces",
                                     "forces loyal to Khalifa Hifter"])
def test_aliases_and_possessives_resolve_to_one_actor(mention):
    actor = resolve(mention)
    assert actor.entity == "lna", actor
    assert (actor.country, actor.sector, actor.kind) == ("LBY", "MIL", "state_forces")
    assert actor.rule == "kb:alias"


@pytest.mark.parametrize("mention,entity", [("the U.N.", "un"), ("UN", "un"), ("U.N. Mission in Libya", "unsmil"),
                                            ("AMISOM troops", "amisom"), ("al-Shabaab fighters", "shabaab"),
                                            ("Alshabaab militants", "shabaab"), ("the Houthis", "houthis")])
def test_organisations_and_groups(mention, entity):
    assert resolve(mention).entity == entity


def test_acronyms_match_only_in_capitals():
    assert resolve("IS militants").entity == "is"
    assert resolve("is").entity is None


def test_span_is_kept():
    actor = resolve("Russian soldiers", Span(10, 26))
    assert actor.span == Span(10, 26) and actor.text == "Russian soldiers"


@pytest.mark.parametrize("mention,country,sector", [("Russian soldiers", "RUS", "MIL"),
                                                    ("Nigerian policemen", "NGA", "COP"),
                                                    ("Somalia's security forces", "SOM", "MIL"),
                                                    ("military forces of Bhutan", "BTN", "MIL")])
def test_demonym_and_generic_force_compose(mention, country, sector):
    actor = resolve(mention)
    assert (actor.country, actor.sector, actor.kind) == (country, sector, "state_forces")
    assert actor.rule == "kb:generic"


@pytest.mark.parametrize("mention,kind", [
    ("police", "state_forces"), ("security forces", "state_forces"), ("troops", "state_forces"),
    ("unidentified armed men", "political_militia"), ("gunmen", "political_militia"),
    ("insurgents", "rebels"), ("separatists", "rebels"), ("protesters", "protesters"),
    ("demonstrators", "protesters"), ("a mob", "rioters"), ("rioters", "rioters"),
    ("civilians", "civilians"), ("refugees", "civilians"), ("clan militiamen", "identity_militia"),
    ("Fulani herdsmen", "identity_militia"), ("vigilantes", "identity_militia"),
])
def test_generic_agents_by_kind(mention, kind):
    assert resolve(mention).kind == kind


def test_backer_is_not_the_actor():
    actor = resolve("Turkish-backed militias")
    assert actor.country is None and actor.kind == "political_militia"
    assert resolve("pro-Russian separatists").entity == "naf"


def test_people_of_a_country_and_the_state():
    assert resolve("Russia").kind == "state_forces"
    people = resolve("the Palestinians")
    assert people.country == "PSE" and people.sector == "CVL" and people.kind is None


def test_community_named_as_people_is_not_a_militia():
    assert resolve("Dinka villagers").kind != "identity_militia"
    assert resolve("Dinka militiamen").kind == "identity_militia"


@pytest.mark.parametrize("mention,kind", [("the Kivu Patriotic Liberation Front", "rebels"),
                                          ("the Green Hawks Brigade", "political_militia"),
                                          ("Kaleb Tesfaye", None)])
def test_unknown_named_groups_get_a_kind_from_their_words(mention, kind):
    actor = resolve(mention)
    assert actor.entity is None and actor.rule == "unknown" and actor.kind == kind


def test_singular_forms():
    assert [singular(w) for w in ("policemen", "militias", "authorities", "forces", "congress")] == \
        ["policeman", "militia", "authority", "force", "congress"]
    assert [t.norm for t in tokens("U.N.'s peacekeepers")] == ["un", "peacekeeper"]


def test_foreign_state_forces_are_external():
    event = _event(resolve("Russian forces"), resolve("Ukrainian troops"), acled="Explosions/Remote violence")
    settle(event, "UKR")
    assert event.actor1.kind == "external" and event.actor2.kind == "state_forces"


def test_generic_forces_take_the_event_country():
    event = _event(resolve("security forces"), resolve("gunmen"), acled="Battles")
    settle(event, "NGA")
    assert event.actor1.country == "NGA" and event.actor1.name == "Military Forces of Nigeria"
    assert event.actor1.kind == "state_forces"
    assert event.actor2.name == "Unidentified Armed Group (Nigeria)"


def test_protest_without_actor_gets_protesters_of_the_country():
    event = _event(type_="PROTEST", acled="Protests")
    settle(event, "IND")
    assert event.actor1.name == "Protesters (India)" and event.actor1.kind == "protesters"


def test_police_dispersing_a_protest_come_second():
    event = _event(resolve("riot police"), resolve("students"), type_="PROTEST", acled="Protests")
    settle(event, "KEN")
    assert event.actor1.kind == "protesters" and event.actor1.sector == "EDU"
    assert event.actor2.kind == "state_forces"


def test_riot_actor_is_rioters():
    event = _event(resolve("workers"), resolve("police"), type_="PROTEST", mode="riot")
    settle(event, "BGD")
    assert event.actor1.kind == "rioters"


def test_people_outside_protests_are_civilians():
    event = _event(resolve("gunmen"), resolve("villagers"), acled="Violence against civilians")
    settle(event, "MLI")
    assert event.actor2.kind == "civilians"


def test_unknown_group_in_violence_is_a_militia_of_the_country():
    event = _event(resolve("Kaleb Tesfaye"), acled="Violence against civilians")
    settle(event, "ETH")
    assert event.actor1.kind == "political_militia" and event.actor1.country == "ETH"


def test_missing_perpetrator_of_violence_against_civilians():
    event = _event(acled="Violence against civilians")
    settle(event, "COL")
    assert event.actor1.name == "Unidentified Armed Group (Colombia)"
    assert event.actor1.rule == "context:presumed"


def test_resolve_span_uses_offsets_and_place_entities():
    text = "Yesterday, Tripoli militias shelled the airport."
    doc = parse(text)
    chunk = next(c for c in doc.noun_chunks if "militias" in c.text)
    actor = resolve_span(chunk, offset=100)
    assert actor.span == Span(100 + chunk.start_char, 100 + chunk.end_char)
    # a militia named after its town is the town's communal militia (ACLED: "Tripoli Communal Militia")
    assert actor.kind == "identity_militia" and actor.name == "Tripoli Communal Militia" and actor.inferred


def test_contextualise_finds_the_armed_party_in_the_sentence():
    text = "A roadside bomb planted by Al Shabaab killed four soldiers near Afgooye."
    doc = parse(text)
    event = _event(acled="Explosions/Remote violence")
    event.evidence = Span(0, len(text))
    event.location = Place(Span(64, 71), "Afgooye", "Afgooye", 2.14, 45.12, country="SO")
    cd = CodedDocument(doc=Document(id="t", text=text), events=[event], segments=[Segment(0, doc)])
    contextualise(cd)
    actor = cd.events[0].actor1
    assert actor.entity == "shabaab" and actor.kind == "rebels"
    assert actor.span is not None and actor.span.of(text).endswith("Al Shabaab")


def test_instruments_are_not_actors():
    assert resolve("a roadside bomb").kind is None and resolve("a roadside bomb").rule == "kb:instrument"
    assert resolve("Russian airstrikes").country == "RUS" and resolve("Russian airstrikes").kind == "state_forces"
    assert resolve("police fire").kind == "state_forces"


def test_members_of_an_unknown_group():
    actor = resolve("members of the Crimson Dawn")
    assert actor.rule == "unknown" and actor.name == "Crimson Dawn"


def test_one_misplaced_town_does_not_make_a_force_foreign():
    from collections import Counter
    event = _event(resolve("Ukrainian troops"), acled="Battles")
    settle(event, "RUS", Counter({"UKR": 2, "RUS": 1}))
    assert event.actor1.kind == "state_forces"
    event = _event(resolve("Russian troops"), acled="Battles")
    settle(event, "UKR", Counter({"UKR": 2}))
    assert event.actor1.kind == "external"


def test_mob_violence_by_residents_is_rioters():
    event = _event(resolve("angry residents"), resolve("a suspected thief"), acled="Violence against civilians")
    settle(event, "KEN")
    assert event.actor1.kind == "rioters"


def test_weapon_as_subject_finds_the_group_claiming_it():
    text = "A car bomb exploded at a checkpoint in Mogadishu. Al Shabaab claimed responsibility."
    doc = parse(text)
    event = _event(resolve("A car bomb", Span(0, 10)), acled="Explosions/Remote violence")
    event.evidence = Span(0, 49)
    cd = CodedDocument(doc=Document(id="t", text=text), events=[event], segments=[Segment(0, doc)])
    contextualise(cd)
    assert cd.events[0].actor1.entity == "shabaab"


@pytest.mark.parametrize("mention,country", [("Pakistanis", "PAK"), ("the Israelis", "ISR"), ("Somalis", "SOM")])
def test_plural_demonyms_ending_in_i(mention, country):
    assert resolve(mention).country == country


def test_plural_of_a_community_name():
    assert resolve("Fulanis").entity == "fulani"


def test_force_against_a_crowd_puts_the_crowd_first():
    sentence = "Police fired tear gas at demonstrators who pelted stones at them in Srinagar."
    event = _event(resolve("Police"), resolve("demonstrators"), acled="Battles")
    settle(event, "IND", sentence=sentence)
    assert event.actor1.kind == "rioters" and event.actor2.kind == "state_forces"
    event = _event(resolve("Police"), resolve("demonstrators"), acled="Violence against civilians")
    settle(event, "IND", sentence="Police beat demonstrators during a sit-in in Delhi.")
    assert event.actor1.kind == "protesters"


def test_police_beating_a_trader_stay_first():
    event = _event(resolve("police"), resolve("a trader"), acled="Violence against civilians")
    settle(event, "UGA", sentence="Police beat a trader at the market in Kampala.")
    assert event.actor1.kind == "state_forces" and event.actor2.kind == "civilians"


def test_first_of_coordinated_nationalities_leads():
    assert resolve("Burundian and Rwandan soldiers").country == "BDI"


def test_planted_bomb_without_actor_is_an_unidentified_group():
    event = _event(acled="Explosions/Remote violence", mode="explosives")
    settle(event, "IRQ")
    assert event.actor1.kind == "political_militia"
    event = _event(acled="Explosions/Remote violence", mode="heavy-weapons")
    settle(event, "UKR")
    assert event.actor1.kind == "state_forces"


def _coded(text, event):
    return CodedDocument(doc=Document(id="t", text=text), events=[event], segments=[Segment(0, parse(text))])


def test_pronoun_takes_its_antecedent():
    text = "Garment workers staged a demonstration on the highway. They torched two buses."
    start = text.index("They")
    event = _event(resolve("They", Span(start, start + 4)), acled="Violence against civilians")
    event.evidence = Span(start, len(text))
    cd = _coded(text, event)
    contextualise(cd)
    assert cd.events[0].actor1.entity == "generic:worker" and cd.events[0].actor1.kind == "rioters"


def test_mob_named_only_in_the_sentence():
    text = "A suspected thief was beaten to death by a mob in the market."
    event = _event(acled="Violence against civilians")
    event.evidence = Span(0, len(text))
    cd = _coded(text, event)
    contextualise(cd)
    assert cd.events[0].actor1.kind == "rioters"


def test_unknown_clan_militia_is_an_identity_militia():
    actor = resolve("Hirdhaale clan militia")
    assert actor.kind == "identity_militia" and actor.name == "Hirdhaale clan militia"


def test_militias_of_two_villages_are_communal():
    event = _event(resolve("Militias"), acled="Battles")
    settle(event, "NGA", sentence="Militias from two villages clashed over farmland near Takum.")
    assert event.actor1.kind == "identity_militia"


def test_places_are_not_parties():
    assert resolve("Cedeno municipality").rule == "kb:place"
    assert resolve("the police station").rule == "kb:place" and resolve("an army vehicle").rule == "kb:place"
    assert resolve("police fire").kind == "state_forces"
    assert resolve("residents of Al Safha village").entity == "generic:crowd"


def test_people_making_demands_are_protesters():
    event = _event(resolve("bus drivers"), type_="REQUEST")
    settle(event, "BRA")
    assert event.actor1.kind == "protesters"
    event = _event(resolve("villagers"), type_="RETREAT")
    settle(event, "MMR")
    assert event.actor1.kind == "civilians"


def test_shoot_out_without_actor_is_an_unidentified_group_unless_a_monitor_reports_it():
    event = _event(acled="Battles", mode="firearms")
    settle(event, "BRA")
    assert event.actor1.kind == "political_militia"
    text = "The OSCE monitoring mission recorded 40 bursts of small-arms fire near Avdiivka."
    event = _event(acled="Battles", mode="firearms")
    event.evidence = Span(0, len(text))
    cd = _coded(text, event)
    contextualise(cd)
    assert cd.events[0].actor1.kind == "state_forces" and cd.events[0].actor1.rule == "context:presumed"


def test_monitored_fire_comes_from_across_the_front_line():
    near_held = "The monitors recorded 12 explosions near Horlivka."
    event = _event(acled="Explosions/Remote violence", mode="heavy-weapons")
    settle(event, "UKR", sentence=near_held, monitored=True)
    assert event.actor1.kind == "state_forces" and event.actor1.country == "UKR"
    event = _event(acled="Battles", mode="firearms")
    settle(event, "UKR", sentence="The monitors recorded 30 shots near Avdiivka.", monitored=True)
    assert event.actor1.entity == "naf" and event.actor1.kind == "rebels"


def test_acronym_the_parser_left_out_joins_the_phrase():
    text = "IS militants killed a soldier near Kirkuk."
    doc = parse(text)
    militants = next(t for t in doc if t.text == "militants")
    assert resolve_span(doc[militants.i:militants.i + 1]).entity == "is"


def test_generic_militants_take_the_group_named_in_the_sentence():
    text = "Two soldiers were killed by militants (suspected TTP) in an attack on a check post in Bajaur."
    start = text.index("militants")
    event = _event(resolve("militants", Span(start, start + 9)), acled="Battles")
    event.evidence = Span(0, len(text))
    cd = _coded(text, event)
    contextualise(cd)
    assert cd.events[0].actor1.entity == "ttp" and cd.events[0].actor1.kind == "rebels"


def test_armed_people_are_an_armed_group():
    assert resolve("armed inmates").kind == "political_militia"
    assert resolve("MS-13 members").entity == "ms13"


def test_members_from_a_named_group():
    text = "In El Paisnal, members from the Mara Salvatrucha shot and killed a rival."
    start = text.index("members")
    event = _event(resolve("members", Span(start, start + 7)), acled="Violence against civilians")
    event.evidence = Span(0, len(text))
    cd = _coded(text, event)
    contextualise(cd)
    assert cd.events[0].actor1.entity == "ms13"


def test_country_named_in_the_actor_is_no_place_of_the_story():
    text = "Military forces of Armenia fired on positions near Tovuz."
    event = _event(resolve("Military forces of Armenia", Span(0, 26)), acled="Battles")
    event.evidence = Span(0, len(text))
    event.location = Place(Span(51, 56), "Tovuz", "Tovuz", 40.99, 45.63, country="AZ")
    cd = _coded(text, event)
    cd.places = [Place(Span(19, 26), "Armenia", "Armenia", 40.0, 45.0, country="AM", feature="country"),
                 event.location]
    contextualise(cd)
    assert cd.events[0].actor1.kind == "external"


@pytest.mark.parametrize("text", [
    "On 13 April 2022, Russian forces abducted the mayor of Skadovsk, Kherson.",
    "On 29 March 2022, Russian forces kidnapped the head of Novi Borovychi village, Chernihiv.",
])
def test_a_town_in_the_words_of_a_party_is_a_place_of_the_story(text):
    """A town in a victim's title tells where the story is; the force of another country is external."""
    from eventwire.pipeline import code
    a1 = code(text).events[0].actor1
    assert a1.country == "RUS" and a1.kind == "external"


def test_clash_between_police_and_vendors_is_a_riot():
    event = _event(resolve("Police"), resolve("newspaper vendors"), acled="Battles")
    settle(event, "ZWE", sentence="Police and newspaper vendors clashed in Gweru.")
    assert event.actor1.kind == "rioters" and event.actor2.kind == "state_forces"


def test_buses_torched_during_a_strike_without_actor():
    event = _event(acled="Strategic developments", mode="destroy")
    settle(event, "BGD", sentence="Two buses were torched during the hartal in Dhaka.")
    assert event.actor1.kind == "rioters"
    event = _event(acled="Strategic developments", type_="COERCE", mode="arrest")
    settle(event, "BGD", sentence="Three men were arrested in Dhaka.")
    assert event.actor1.kind == "state_forces"


def test_party_before_a_coordination_leads():
    assert resolve("TMF fighters in cooperation with Iraqi forces").entity == "tmf"
    assert resolve("U.N. Mission in Libya").entity == "unsmil"


def test_unidentified_gunmen_who_attack_police_lead_their_clash():
    # ACLED's battles of an unidentified armed group with state forces mostly lead with the group
    event = _event(resolve("armed men"), resolve("military police officers"), acled="Battles")
    settle(event, "BRA")
    assert event.actor1.kind == "political_militia" and event.actor2.kind == "state_forces"
    event = _event(resolve("Al Shabaab fighters"), resolve("Somali troops"), acled="Battles")
    settle(event, "SOM")
    assert event.actor1.kind == "rebels"


def test_backed_organisation_is_not_the_actor():
    assert resolve("the U.N.-supported government").entity == "gna"
    assert resolve("UN-backed forces").entity != "un"


def test_people_evacuated_are_the_civilians_of_a_displacement():
    text = "On 3 June, 140 people were evacuated from Kreminna."
    event = _event(type_="AID", acled="Strategic developments")
    event.evidence = Span(0, len(text))
    cd = _coded(text, event)
    contextualise(cd)
    assert cd.events[0].actor1.kind == "civilians" and "context:displaced" in cd.events[0].actor1.rule


def test_first_of_coordinated_nationalities_owns_the_shared_head():
    # "Ukrainian forces" is an alias of its own, but here "Russian" leads the coordination
    assert resolve("the Russian and Ukrainian forces").country == "RUS"
    assert resolve("Ukrainian and Russian military forces").country == "UKR"
    assert resolve("Ukrainian forces").entity == "ukr_mil"


def test_monitored_fire_near_a_village_the_non_state_side_holds_is_the_states():
    event = _event(acled="Battles", mode="firearms")
    settle(event, "UKR", sentence="The OSCE SMM observed 14 shots near Molodizhne.", monitored=True)
    assert event.actor1.kind == "state_forces" and event.actor1.country == "UKR"


def test_a_monitoring_mission_tells_its_front_line_when_no_place_was_found():
    event = _event(acled="Explosions/Remote violence", mode="explosives")
    settle(event, None, sentence="The OSCE SMM observed 3 explosions near Nowhereville.", monitored=True)
    assert event.actor1.entity == "naf"
    event = _event(acled="Explosions/Remote violence", mode="explosives")
    settle(event, None, sentence="Monitors observed 3 explosions near Nowhereville.", monitored=True)
    assert event.actor1.kind == "state_forces" and event.actor1.entity == "generic:soldier"


def test_the_month_of_march_is_no_crowd():
    bombed = "On 2 March 2022, Russian air forces bombed the village. Four civilians were killed."
    event = _event(resolve("Russian air forces"), acled="Explosions/Remote violence", mode="aerial")
    settle(event, "UKR", sentence=bombed)
    assert event.actor1.kind == "external"
    marched = "Traders marched to the market and police fired on them."
    event = _event(resolve("police"), acled="Violence against civilians")
    settle(event, "KEN", sentence=marched)
    assert event.actor1.kind == "protesters"


def test_forces_lead_a_clash_whose_other_side_is_unnamed():
    text = "Six soldiers were killed in clashes near the town."
    event = _event(acled="Battles", mode="firearms")
    event.evidence = Span(0, len(text))
    cd = _coded(text, event)
    contextualise(cd)
    assert cd.events[0].actor1.kind == "state_forces" and cd.events[0].actor1.rule.endswith("target-first")
    assert cd.events[0].actor2.kind == "political_militia"


def test_a_bomb_that_hits_forces_keeps_the_unknown_bomber_first():
    text = "Four soldiers were wounded when their vehicle hit a roadside bomb."
    event = _event(acled="Explosions/Remote violence", mode="explosives")
    event.evidence = Span(0, len(text))
    cd = _coded(text, event)
    contextualise(cd)
    assert cd.events[0].actor1.kind == "political_militia"


def test_shelling_by_no_one_known_is_an_unidentified_group():
    event = _event(acled="Explosions/Remote violence", mode="heavy-weapons")
    settle(event, "SOM", sentence="A mortar shell landed near the market. Perpetrators not known.")
    assert event.actor1.kind == "political_militia"
    event = _event(acled="Explosions/Remote violence", mode="heavy-weapons")
    settle(event, "SOM", sentence="A mortar shell landed near the market, wounding two children.")
    assert event.actor1.kind == "state_forces"


@pytest.mark.parametrize("text,kind", [
    ("Residents protested the eviction and stormed the district office.", "rioters"),
    ("Students demonstrated and clashed with police near the campus.", "rioters"),
    ("Villagers blocked the highway with boulders to protest power cuts.", "rioters"),
    ("Fishermen protested at the port and manhandled a customs officer.", "rioters"),
    ("Nurses rallied at the hospital and tried to force their way into the director's office.", "rioters"),
    ("Party members demonstrated in the square; there was a physical confrontation with councillors.", "rioters"),
    ("Residents stoned the mayor's car during the demonstration.", "rioters"),
    ("Clerks protested outside the office in Kindu and lit a fire at the gate.", "rioters"),
    ("Villagers blocked the road to the mine with tyres and logs to protest the layoffs.", "rioters"),
    ("Students demonstrated and attempted to enter the parliament grounds.", "rioters"),
    ("Patients stormed out of the ward and protested in the yard, demanding to go home.", "protesters"),
    ("Teachers protested outside the ministry, demanding the return of looted funds.", "protesters"),
    ("Farmers marched to the governor's office and burnt an effigy of the minister.", "protesters"),
])
def test_demonstrators_who_turn_violent_are_rioters(text, kind):
    event = _event(resolve("residents"), type_="PROTEST", acled="Protests")
    settle(event, "NGA", sentence=text)
    assert event.actor1.kind == kind


def test_arson_without_arms_is_a_mobs():
    event = _event(resolve("assailants"), acled="Violence against civilians")
    settle(event, "BGD", sentence="Assailants set fire to a bus near the bus stand.")
    assert event.actor1.kind == "rioters" and event.actor1.name == "Rioters (Bangladesh)"
    event = _event(resolve("gunmen"), acled="Violence against civilians")
    settle(event, "BGD", sentence="Gunmen shot the driver and set fire to his bus.")
    assert event.actor1.kind == "political_militia"


def test_rival_groups_fighting_over_land_are_communal_militias():
    event = _event(acled="Violence against civilians", mode="targeted")
    settle(event, "BGD", sentence="A man was killed in a clash between two rival groups over a land-related dispute.")
    assert event.actor1.kind == "identity_militia"
    # an unknown group is not made communal by its victim, a clan elder
    event = _event(resolve("an unidentified group"), acled="Violence against civilians")
    settle(event, "SOM", sentence="An unidentified group killed a clan elder.")
    assert event.actor1.kind == "political_militia"


def test_first_conjunct_leads_a_shared_head():
    assert resolve("government and SPLA-IO forces").kind == "state_forces"
    assert resolve("SPLA-IO and government forces").entity == "spla_io"
    assert resolve("Somali and AMISOM forces").country == "SOM"
    assert resolve("police and Al Shabaab fighters").entity == "generic:police"
    # a backer is no conjunct
    assert resolve("Government-backed militia").kind == "political_militia"


@pytest.mark.parametrize("mention,entity", [("SNAF", "sna"), ("the Pak Army", "pak_mil"),
                                            ("Bunyan Marsous forces", "gna"), ("Verkhovna Rada", "ukr_leg"),
                                            ("the EOD team", "generic:police"), ("Opposition forces", "generic:rebel")])
def test_forces_by_their_own_names(mention, entity):
    assert resolve(mention).entity == entity


def test_the_government_that_regains_territory_leads():
    text = "Ukrainian forces clashed with Russian forces in Irpin. The town was liberated from Russian forces."
    second = text.index("The town")
    at = text.index("Irpin")
    event = _event(acled="Battles")
    event.acled_sub_event_type = "Government regains territory"
    event.evidence = Span(second, len(text))
    event.location = Place(Span(at, at + 5), "Irpin", "Irpin", 50.52, 30.25, country="UA")
    cd = _coded(text, event)
    cd.places = [event.location]
    contextualise(cd)
    assert cd.events[0].actor1.country == "UKR" and cd.events[0].actor1.kind == "state_forces"
    assert cd.events[0].actor2.kind == "external"


def test_communities_fighting_as_such_are_communal_militias():
    event = _event(resolve("villagers"), acled="Battles")
    settle(event, "CIV", sentence="Villagers of two rival communities clashed over farmland, leaving one dead.")
    assert event.actor1.kind == "identity_militia"
    event = _event(resolve("villagers"), acled="Violence against civilians")
    settle(event, "CIV", sentence="Villagers beat a suspected thief to death.")
    assert event.actor1.kind == "rioters"


def test_a_weapons_nationality_names_the_state_that_fired():
    event = _event(acled="Explosions/Remote violence", mode="heavy-weapons")
    settle(event, "UKR", Counter({"UKR": 2}), sentence="On 30 March, Russian shelling resumed on the village.")
    assert event.actor1.country == "RUS" and event.actor1.kind == "external"
    assert resolve("Russian shelling").name == "Military Forces of Russia"
    assert resolve("Russian unmanned aerial vehicles").kind == "state_forces"


def test_one_place_of_another_country_does_not_move_the_scene():
    text = "Russian forces fired artillery at a hospital in Levoberezhny neighbourhood of Mariupol, Donetsk."
    event = _event(resolve("Russian forces", Span(0, 14)), acled="Explosions/Remote violence")
    event.evidence = Span(0, len(text))
    at = text.index("Levoberezhny")
    event.location = Place(Span(at, at + 12), "Levoberezhny", "Levoberezhnyy", 55.8, 37.4, country="RU")
    cd = _coded(text, event)
    cd.places = [event.location, Place(Span(text.index("Mariupol"), text.index("Mariupol") + 8), "Mariupol",
                                       "Mariupol", 47.1, 37.5, country="UA"),
                 Place(Span(text.index("Donetsk"), text.index("Donetsk") + 7), "Donetsk", "Donetsk", 48.0, 37.8,
                       country="UA")]
    contextualise(cd)
    assert cd.events[0].actor1.kind == "external"


@pytest.mark.parametrize("mention", ["an ambulance", "a tractor", "the minibus"])
def test_vehicles_are_things_not_parties(mention):
    assert resolve(mention).rule == "kb:place"


def test_a_possessive_pronoun_takes_its_antecedent():
    text = "The US Defense Department said it had launched its first drone strike in the city."
    start = text.index("its")
    event = _event(resolve("its", Span(start, start + 3)), acled="Explosions/Remote violence", mode="drone")
    event.evidence = Span(text.index("it had"), len(text))
    cd = _coded(text, event)
    contextualise(cd)
    assert cd.events[0].actor1.country == "USA"


@pytest.mark.parametrize("mention,entity", [("The FRPI", "frpi"), ("Hasm militants", "hasam"),
                                            ("the Dabbashi brigade", "dabbashi")])
def test_more_named_groups(mention, entity):
    assert resolve(mention).entity == entity


def test_monitored_fire_near_the_held_city_of_donetsk_is_the_states():
    event = _event(acled="Explosions/Remote violence", mode="explosives")
    settle(event, "UKR", sentence="The OSCE SMM observed 13 explosions near Donetsk - Central Railway Station.",
           monitored=True)
    assert event.actor1.entity == "generic:soldier" and event.actor1.country == "UKR"


def test_places_in_a_target_phrase_are_the_story_s():
    """The shelled village's oblast is a place of the story; a country in a named force's words is not."""
    text = "Belarusian troops shelled Hrabivka, Chernihiv. Military forces of Belarus said nothing."
    def at(word, country, inferred=False, feature="city"):
        start = text.index(word)
        return Place(Span(start, start + len(word)), word, word, 51.5, 31.3, country=country, inferred=inferred,
                     feature=feature)
    target = resolve("Hrabivka, Chernihiv", Span(text.index("Hrabivka"), text.index(".")))
    assert target.entity is None
    force_start = text.index("Military")
    named = resolve("Military forces of Belarus", Span(force_start, force_start + 26))
    event = _event(resolve("Belarusian troops", Span(0, 17)), target, acled="Explosions/Remote violence")
    event.evidence = Span(0, text.index(".") + 1)
    event.location = at("Chernihiv", "UA", inferred=True)
    other = _event(named, type_="CONSULT")
    cd = CodedDocument(doc=Document(id="t", text=text), events=[event, other],
                       places=[at("Chernihiv", "UA"), at("Belarus", "BY", feature="country")])
    assert doc_countries(cd) == ("UKR", Counter({"UKR": 1}))


def test_forces_that_died_in_a_blast_are_its_victims():
    text = "Two Nigerian soldiers died when their truck drove over a landmine near Damboa."
    event = _event(acled="Explosions/Remote violence")
    event.acled_sub_event_type = "Remote explosive/landmine/IED"
    event.evidence = Span(0, len(text))
    cd = _coded(text, event)
    contextualise(cd)
    assert cd.events[0].actor1.kind == "political_militia"
    assert cd.events[0].actor1.rule == "context:presumed"


def test_party_activists_who_clash_are_rioters():
    event = _event(resolve("BNP activists"), resolve("police"), acled="Battles")
    settle(event, "BGD")
    assert event.actor1.kind == "rioters" and event.actor1.entity == "bnp"


def test_air_defences_are_the_military():
    actor = resolve("Syrian air defence")
    assert actor.country == "SYR" and actor.kind == "state_forces" and actor.sector == "MIL"


def test_violence_a_protest_answers_is_not_the_crowd_s():
    story = ("Shopkeepers marched through Mombasa on Friday. They rallied after last week's riots in the "
             "port, and against the police's force against rioters.")
    event = _event(type_="PROTEST", acled="Protests")
    settle(event, "KEN", sentence=story.split(".")[0], story_text=story)
    assert event.actor1.kind == "protesters"
    story = "Shopkeepers marched through Mombasa on Friday. They set fire to tyres on the main road."
    event = _event(type_="PROTEST", acled="Protests")
    settle(event, "KEN", sentence=story.split(".")[0], story_text=story)
    assert event.actor1.kind == "rioters"


@pytest.mark.parametrize("sentence", [
    "Gunmen killed a shopkeeper near Kalehe over a customary conflict.",
    "Two groups of villagers fought with machetes near Sylhet.",
    "Gunmen attacked a farmer in a dispute over the family land near Baidoa.",
])
def test_communal_conflicts_make_unnamed_gunmen_communal_militias(sentence):
    event = _event(resolve("gunmen"), acled="Violence against civilians")
    settle(event, "COD", sentence=sentence)
    assert event.actor1.kind == "identity_militia"


def test_a_fight_between_police_and_people_is_the_people_s_riot():
    text = "Fighting broke out between police and traders at the Kariakoo market on Monday."
    event = _event(resolve("police", Span(text.index("police"), text.index("police") + 6)), acled="Battles")
    event.evidence = Span(0, len(text))
    cd = _coded(text, event)
    contextualise(cd)
    assert cd.events[0].actor1.kind == "rioters" and cd.events[0].actor2.kind == "state_forces"
    text = "Fighting broke out between police and gunmen near the Kariakoo market, killing two traders."
    event = _event(resolve("police", Span(text.index("police"), text.index("police") + 6)), acled="Battles")
    event.evidence = Span(0, len(text))
    cd = _coded(text, event)
    contextualise(cd)
    assert cd.events[0].actor1.kind == "state_forces"


@pytest.mark.parametrize("sentence,kind", [
    ("Nine students were hurt in a factional clash at a hostel in Rangpur.", "rioters"),
    ("Four men were hurt in a scuffle between two groups at the bus stand in Kollam.", "rioters"),
    ("A clash took place between two groups at the bus stand in Sukkur; they beat each other with sticks.", "rioters"),
    ("Four men were shot dead in a clash between two groups at the bus stand in Kollam.", "political_militia"),
])
def test_unarmed_groups_that_fight_are_a_mob(sentence, kind):
    event = _event(acled="Battles")
    settle(event, "IND", sentence=sentence)
    assert event.actor1.kind == kind


@pytest.mark.parametrize("story", [
    "Traders marched to the town hall in Kumasi. When they tried to storm the building, guards fired in the air.",
    "Nurses protested unpaid wages in Enugu. There were clashes between police and nurses near the ministry.",
    "Farmers rallied in Tamale. They lit bon fires across the main road.",
    "Violence erupted in a village near Meerut after the count, and police used batons.",
])
def test_a_crowd_s_own_violence_makes_it_rioters(story):
    event = _event(type_="PROTEST", acled="Protests")
    settle(event, "GHA", sentence=story.split(".")[0], story_text=story)
    assert event.actor1.kind == "rioters"


@pytest.mark.parametrize("mention,entity", [("ISAF troops", "isaf"), ("Resolute Support", "isaf"),
                                            ("Operation Inherent Resolve", "daesh_coalition"),
                                            ("Dyck Advisory Group helicopters", "dyck"),
                                            ("Russian mercenaries", "wagner")])
def test_foreign_missions_and_contractors_are_external(mention, entity):
    actor = resolve(mention)
    assert (actor.entity, actor.kind) == (entity, "external")


@pytest.mark.parametrize("blame,entity", [
    ("Dyck Advisory Group are the suspected attackers.", "dyck"),
    ("Al Shabaab claimed responsibility.", "shabaab"),
    ("Three people were wounded.", "generic:soldier")])
def test_next_sentence_blaming_a_named_party_replaces_a_generic_attacker(blame, entity):
    first = "Helicopter gunships struck insurgent camps near the river."
    text = f"{first} {blame}"
    event = _event(resolve("Helicopter gunships", Span(0, 19)), acled="Explosions/Remote violence")
    event.evidence = Span(0, len(first))
    cd = _coded(text, event)
    contextualise(cd)
    assert cd.events[0].actor1.entity == entity


@pytest.mark.parametrize("text,target,kind", [
    ("American drones struck Islamic State fighters in the Libyan desert.", "Islamic State fighters", "external"),
    ("American drones shot down a Libyan jet over the desert.", "a Libyan jet", "state_forces")])
def test_without_a_place_a_force_against_rebels_is_abroad_in_the_other_country_named(text, target, kind):
    cd = _placeless(text, "American drones", target, "Explosions/Remote violence", ("American", "Libyan"))
    assert cd.events[0].actor1.kind == kind


def _placeless(text, actor, target, acled, peoples):
    """``text`` coded as one event of ``actor`` on ``target`` with no place found, the ``peoples`` words
    read as naming their countries (a two-letter code from the word), then contextualised."""
    start = text.index(target)
    event = _event(resolve(actor, Span(0, len(actor))), resolve(target, Span(start, start + len(target))),
                   acled=acled)
    event.evidence = Span(0, len(text))
    cd = _coded(text, event)
    for word in peoples:
        at = text.index(word)
        cd.places.append(Place(Span(at, at + len(word)), word, word, 0.0, 0.0, country=word[:2].upper()))
    contextualise(cd)
    return cd


@pytest.mark.parametrize("sentence,kind", [
    ("Five people died in communal violence near Bauchi.", "identity_militia"),
    ("Two men were killed over a land dispute between two villages near Bor.", "identity_militia"),
    ("Five people were hurt when a crowd looted shops near Bauchi.", "rioters"),
])
def test_people_of_a_communal_riot_are_communal_militias(sentence, kind):
    event = _event(resolve("people"), acled="Riots")
    settle(event, "NGA", sentence=sentence)
    assert event.actor1.kind == kind


@pytest.mark.parametrize("sentence,kind", [
    ("A man was shot during a protest by residents who blocked the road with burning tyres.", "rioters"),
    ("A man was shot dead during a protest in the town.", "political_militia"),
])
def test_violence_at_a_crowd_s_riot_without_a_named_actor_is_the_rioters(sentence, kind):
    event = _event(acled="Violence against civilians")
    settle(event, "ZAF", sentence=sentence)
    assert event.actor1.kind == kind


def test_people_with_no_group_who_attack_are_an_unidentified_armed_group():
    event = _event(resolve("unidentified individuals"), resolve("a customs officer"),
                   acled="Violence against civilians")
    settle(event, "TGO", sentence="Unidentified individuals shot and killed a customs officer in his office.")
    assert event.actor1.kind == "political_militia" and event.actor1.name == "Unidentified Armed Group (Togo)"
    # people who flee are civilians still
    event = _event(resolve("two men"), type_="RETREAT", acled="Strategic developments")
    settle(event, "TGO", sentence="Two men fled the village after the raid.")
    assert event.actor1.kind == "civilians"


@pytest.mark.parametrize("sentence,kind", [
    ("A crude bomb exploded near the bus terminal, wounding two passers-by.", "political_militia"),
    ("An explosion hit the village after artillery fire from across the river.", "state_forces"),
])
def test_a_blast_of_a_bomb_with_no_actor_is_an_unidentified_group_s(sentence, kind):
    event = _event(acled="Explosions/Remote violence", mode="explosives")
    event.acled_sub_event_type = "Shelling/artillery/missile attack"
    settle(event, "BGD", sentence=sentence)
    assert event.actor1.kind == kind


@pytest.mark.parametrize("text,target,kind", [
    ("Indian troops fired across the border and destroyed two Pakistani villages.", "two Pakistani villages", "external"),
    ("Burundian soldiers beat several Congolese refugees at the camp.", "several Congolese refugees", "state_forces")])
def test_without_a_place_a_force_attacking_another_country_s_land_is_abroad(text, target, kind):
    first = text.split()[0] + " " + text.split()[1]
    cd = _placeless(text, first, target, "Violence against civilians", (text.split()[0], target.split()[-2]))
    assert cd.events[0].actor1.kind == kind


@pytest.mark.parametrize("text,kind", [
    ("Shots were fired at a house in Tigre while the whole family was inside.", "political_militia"),
    ("A bomb exploded near a mosque in Derna, wounding between twelve and seventeen people.", "political_militia"),
    ("A shopkeeper was beaten by villagers near the market in Sabha.", "rioters"),
])
def test_people_a_gun_or_bomb_harmed_are_no_mob(text, kind):
    event = _event(acled="Violence against civilians")
    event.evidence = Span(0, len(text))
    cd = _coded(text, event)
    contextualise(cd)
    assert cd.events[0].actor1.kind == kind


def test_demonstrators_who_attack_are_rioters():
    event = _event(resolve("protesters"), resolve("teachers"), acled="Violence against civilians")
    settle(event, "NPL", sentence="Protesters attacked teachers at a college that opened during the strike.")
    assert event.actor1.kind == "rioters"


@pytest.mark.parametrize("sentence,kind", [
    ("BNP activists beat a journalist outside the press club in Bogura.", "rioters"),
    ("BNP activists threw a crude bomb at a bus in Bogura.", "political_militia"),
])
def test_party_supporters_who_attack_without_arms_are_rioters(sentence, kind):
    event = _event(resolve("BNP activists"), resolve("a journalist"), acled="Violence against civilians")
    settle(event, "BGD", sentence=sentence)
    assert event.actor1.kind == kind


def test_a_party_only_quoted_before_does_not_fight_later():
    text = ("The army accused the rebels of looting two warehouses in the port. Aid deliveries remain "
            "difficult given the continued fighting.")
    start = text.index("Aid")
    event = _event(acled="Battles")
    event.evidence = Span(start, len(text))
    cd = _coded(text, event)
    contextualise(cd)
    assert cd.events[0].actor1.entity != "generic:soldier", cd.events[0].actor1


def test_a_party_that_acted_before_still_fights_later():
    text = "The army shelled rebel positions near the port. Aid deliveries remain difficult given the fighting."
    start = text.index("Aid")
    event = _event(acled="Battles")
    event.evidence = Span(start, len(text))
    cd = _coded(text, event)
    contextualise(cd)
    assert cd.events[0].actor1.entity == "generic:soldier", cd.events[0].actor1


def test_a_possessive_pronoun_agrees_in_number_with_its_antecedent():
    text = "The navy said foreign mercenaries were helping rebel fighters in their offensive on the port."
    start = text.index("their")
    event = _event(resolve("their", Span(start, start + 5)), acled="Battles")
    event.evidence = Span(0, len(text))
    cd = _coded(text, event)
    contextualise(cd)
    assert "rebel fighters" in cd.events[0].actor1.text, cd.events[0].actor1


def test_they_may_stand_for_a_collective_noun():
    text = "Armed youth from the hills raided a cattle camp on Monday. On the second day they burned the market."
    start = text.index("they")
    event = _event(resolve("they", Span(start, start + 4)), acled="Violence against civilians")
    event.evidence = Span(text.index("On the second"), len(text))
    cd = _coded(text, event)
    contextualise(cd)
    assert "youth" in cd.events[0].actor1.text, cd.events[0].actor1


@pytest.mark.parametrize("mention", ["the 2011 uprising", "an armed rebellion", "the revolt"])
def test_an_uprising_named_as_the_doer_is_rebels(mention):
    assert resolve(mention).kind == "rebels"


@pytest.mark.parametrize("mention, entity", [("the Misrata-allied forces", "generic:soldier"),
                                             ("Benghazi-backed militias", "generic:gunman")])
def test_a_town_that_backs_names_no_group(mention, entity):
    assert resolve(mention).entity == entity


def test_a_force_owned_by_a_pronoun_is_its_owner_s():
    text = "Belarus's Defence Ministry denied the report and said its troops had only shelled empty positions."
    start = text.index("its troops")
    event = _event(resolve("its troops", Span(start, start + 10)), acled="Explosions/Remote violence")
    event.evidence = Span(0, len(text))
    cd = _coded(text, event)
    contextualise(cd)
    assert cd.events[0].actor1.country == "BLR", cd.events[0].actor1


def test_troops_owned_by_a_named_group_are_the_group():
    text = "Al Shabaab fighters overran the base at dawn. Their troops then looted the market."
    start = text.index("Their")
    event = _event(resolve("Their troops", Span(start, start + 12)), acled="Violence against civilians")
    event.evidence = Span(start, len(text))
    cd = _coded(text, event)
    contextualise(cd)
    assert cd.events[0].actor1.entity == "shabaab", cd.events[0].actor1


def test_factions_that_agree_are_no_mob():
    event = _event(resolve("Yemen's warring factions"), type_="AGREE", acled="Strategic developments")
    settle(event, "YEM", sentence="The envoy said Yemen's warring factions have agreed to a truce.")
    assert event.actor1.kind != "rioters"
