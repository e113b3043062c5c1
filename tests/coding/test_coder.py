"""The event coder on sentences written for these tests: roles from the syntax, ACLED families, PLOVER types."""
from __future__ import annotations

import pytest

from eventwire.model import CodedDocument

from conftest import coded


def top(text: str):
    cd = coded(text)
    assert cd.events, f"no event in {text!r}"
    return cd.events[0], cd


def words(cd: CodedDocument, span) -> str:
    return span.of(cd.text) if span else ""


def test_active_voice_reads_actor_and_target():
    ev, cd = top("Rebels attacked an army base in the north on Monday.")
    assert ev.type == "ASSAULT" and ev.rule.startswith("assault.attack")
    assert "Rebels" in ev.actor1.text
    assert "army base" in ev.actor2.text
    assert words(cd, ev.trigger) == "attacked"


def test_passive_voice_swaps_the_roles():
    ev, _ = top("The convoy was ambushed by militants near the border.")
    assert ev.type == "ASSAULT"
    assert "militants" in ev.actor1.text
    assert "convoy" in ev.actor2.text


def test_clashes_between_x_and_y():
    ev, _ = top("Heavy clashes between the army and the rebels lasted until dawn.")
    assert ev.acled_sub_event_type == "Armed clash"
    assert "army" in ev.actor1.text and "rebels" in ev.actor2.text


def test_clashed_with_names_the_second_party():
    ev, _ = top("Government troops clashed with insurgents near the river.")
    assert ev.acled_event_type == "Battles"
    assert "troops" in ev.actor1.text and "insurgents" in ev.actor2.text


@pytest.mark.parametrize("text, doer, event", [
    ("The ministry accused the rebels of shelling a hospital in the east.", "rebels", "shelling"),
    ("Police blamed a local gang for attacking the market.", "gang", "attacking"),
    ("The militia was accused of abducting six traders near the border.", "militia", "abducting"),
    ("The army retook the town after shelling rebel positions for a week.", "army", "shelling"),
])
def test_the_doer_of_a_gerund_after_a_preposition(text, doer, event):
    cd = coded(text)
    ev = next(e for e in cd.events if words(cd, e.trigger) == event)
    assert ev.actor1 is not None and doer in ev.actor1.text


def test_coordinated_verbs_share_their_subject_and_give_several_events():
    cd = coded("Gunmen stormed the village and kidnapped twelve farmers.")
    subs = {e.acled_sub_event_type for e in cd.events}
    assert "Abduction/forced disappearance" in subs
    abduction = next(e for e in cd.events if e.acled_sub_event_type == "Abduction/forced disappearance")
    assert "Gunmen" in abduction.actor1.text and "farmers" in abduction.actor2.text
    assert len([e for e in cd.events if e.type == "ASSAULT"]) >= 2


@pytest.mark.parametrize("text, sub", [
    ("Artillery units shelled the outskirts of the city overnight.", "Shelling/artillery/missile attack"),
    ("Soldiers fired mortars at rebel positions near the airport.", "Shelling/artillery/missile attack"),
    ("Warplanes bombed a fuel depot outside the town.", "Air/drone strike"),
    ("A drone struck a truck on the highway.", "Air/drone strike"),
    ("A roadside bomb exploded under a police vehicle.", "Remote explosive/landmine/IED"),
    ("Unknown men threw a hand grenade at a police checkpoint.", "Grenade"),
    ("A suicide bomber blew himself up at a crowded market.", "Suicide bomb"),
    ("Soldiers recaptured the town from the insurgents.", "Government regains territory"),
    ("Insurgents captured the town after a week of fighting.", "Non-state actor overtakes territory"),
    ("Troops retook the village. No fighting took place.", "Non-violent transfer of territory"),
    ("Soldiers shot dead two farmers in their fields.", "Attack"),
    ("Militiamen raped two women in the village.", "Sexual violence"),
    ("Gunmen abducted a teacher on his way home.", "Abduction/forced disappearance"),
    ("Hundreds of students protested outside the ministry.", "Peaceful protest"),
    ("Workers marched to parliament. Police fired tear gas to disperse them.", "Protest with intervention"),
    ("Demonstrators burned tyres and pelted the police with stones during the rally.", "Violent demonstration"),
    ("Villagers pelted a police patrol with stones after a quarrel.", "Mob violence"),
    ("A mob lynched a suspected thief in the market.", "Mob violence"),
    ("Police arrested five journalists in the capital.", "Arrests"),
    ("Soldiers looted shops in the market.", "Looting/property destruction"),
    ("Army engineers defused two landmines near the bridge.", "Disrupted weapons use"),
    ("Interception: On 3 June, air defence units shot down a cruise missile over the port.", "Disrupted weapons use"),
    ("The two sides signed a ceasefire agreement in the capital.", "Agreement"),
    ("Soldiers fired mortars and small arms at rebel positions near the airport.", "Armed clash"),
    ("Gunmen fired grenade launchers at an army post.", "Shelling/artillery/missile attack"),
    ("Air defence units shot down a fighter jet over the lake.", "Shelling/artillery/missile attack"),
    ("Air defence units shot down two drones over the lake.", "Disrupted weapons use"),
    ("Monitors recorded 25 explosions involving unknown weapons near the village.", "Shelling/artillery/missile attack"),
    ("Monitors recorded 40 explosions and bursts of heavy machine-gun fire near the village.",
     "Shelling/artillery/missile attack"),
    ("Monitors recorded 25 explosions and bursts of small-arms fire near the village.", "Armed clash"),
    ("Monitors recorded 12 explosions in both directions of the contact line.", "Armed clash"),
    ("Rebels fired heavy machine guns at army positions near the bridge.", "Shelling/artillery/missile attack"),
    ("Rebels fired mortars at army positions near the bridge. Soldiers there also reported sniper fire.", "Armed clash"),
    ("The army destroyed three rebel tanks near the border.", "Shelling/artillery/missile attack"),
    ("Soldiers destroyed a weapons cache in the forest.", "Disrupted weapons use"),
    ("Air defence units intercepted three missiles over the port.", "Disrupted weapons use"),
    ("Armed men intercepted a minibus and shot the driver.", "Attack"),
    ("On Monday, airstrikes damaged a flour mill and two houses in the village.", "Air/drone strike"),
    ("Gunmen shot dead a civilian security guard outside the bank.", "Attack"),
    ("The army launched an offensive operation against the rebels near the lake.", "Armed clash"),
    ("Rebel fighters tried to break through the army's defences near the ridge.", "Armed clash"),
    ("Soldiers repelled a rebel assault on the outpost.", "Armed clash"),
    ("Troops eliminated a group of insurgents in the valley.", "Armed clash"),
    ("Police carried out an operation against a gang in the slum. A gunfight broke out and a man was killed.",
     "Armed clash"),
    ("Traders marched to the town hall. Soldiers opened fire on the protesters, killing one.",
     "Excessive force against protesters"),
    ("Police clashed with demonstrators outside the parliament.", "Violent demonstration"),
])
def test_acled_sub_event_families(text, sub):
    ev, _ = top(text)
    assert ev.acled_sub_event_type == sub, [(e.acled_sub_event_type, e.rule) for e in coded(text).events]
    assert ev.rule  # every event names the lexicon entry or rule that made it


def test_acled_event_type_follows_the_sub_event_type():
    ev, _ = top("A roadside bomb exploded under a police vehicle.")
    assert ev.acled_event_type == "Explosions/Remote violence"
    assert ev.mode == "explosives"


@pytest.mark.parametrize("text, sub", [
    ("There was an armed clash between soldiers and rebels near the dam. Rebels shelled the town later.",
     "Armed clash"),
    ("Rebel forces shelled the village and clashed with army troops near the bridge.", "Armed clash"),
    ("Rebel artillery shelled the town on Monday. Fighting went on at its outskirts all day.", "Armed clash"),
    ("Government troops fired mortars during the battle for the airport.", "Armed clash"),
    ("Rebels carried out an attack on an army base near the river. Soldiers later arrested two suspects.",
     "Armed clash"),
])
def test_the_stated_event_leads_its_details(text, sub):
    """ "There was a clash", "carried out an attack": the event noun of the lead clause is the report's event;
    shelling beside ground fighting is part of the battle (ACLED)."""
    ev, _ = top(text)
    assert ev.acled_sub_event_type == sub, [(e.acled_sub_event_type, e.rule, round(e.confidence, 2))
                                            for e in coded(text).events]


def test_said_not_to_have_happened_gives_no_clash():
    cd = coded("No fighting took place in the district.")
    assert not [e for e in cd.events if e.acled_sub_event_type == "Armed clash"]


@pytest.mark.parametrize("text, type_", [
    ("The ministry accused the rebels of violating the truce.", "ACCUSE"),
    ("The government rejected the proposal on Tuesday.", "REJECT"),
    ("The rebels said they will release the hostages next week.", "AGREE"),
    ("The president threatened to expel the ambassador.", "THREATEN"),
    ("The foreign minister visited Cairo for talks.", "CONSULT"),
    ("The union demanded higher wages.", "REQUEST"),
    ("The minister said the militia must hand over its weapons.", "REQUEST"),
    ("The government said it would not accept the mediator.", "REJECT"),
])
def test_plover_type_of_the_main_clause(text, type_):
    ev, _ = top(text)
    assert ev.type == type_, [(e.type, e.rule, round(e.confidence, 2)) for e in coded(text).events]


def test_evidence_is_the_sentence_and_offsets_hold():
    text = "Calm returned on Sunday. Rebels attacked an army base in the north."
    ev, cd = top(text)
    assert words(cd, ev.evidence) == "Rebels attacked an army base in the north."
    assert 0 < ev.confidence < 1


def test_figures_keep_the_count_and_what_it_counts():
    cd = coded("The virus has infected at least 40 people in the province.")
    fig = next(f for f in cd.figures if f.what == "infected")
    assert fig.value == 40
    assert "40 people" in fig.span.of(cd.text)


def test_relations_from_passive_backing():
    cd = coded("The militia is backed by Iran and Syria.")
    sources = {r.source.text for r in cd.relations if r.relation == "backs"}
    assert {"Iran", "Syria"} <= sources
    assert all("militia" in r.target.text for r in cd.relations)


def test_place_names_do_not_give_weapon_cues():
    ev, _ = top("Observers recorded 12 explosions near the Oktiabr Mine in Donetsk.")
    assert ev.acled_sub_event_type != "Remote explosive/landmine/IED"


def test_territory_outranks_the_clash_that_won_it():
    ev, _ = top("Government troops clashed with rebels near the hills. After the clash the town was recaptured.")
    assert ev.acled_sub_event_type == "Government regains territory"


@pytest.mark.parametrize("text, killed", [
    ("Clashes between two clans in the district have left 16 people dead.", 16),
    ("A battle between rival gangs in the prison left six inmates dead and another six wounded.", 6),
])
def test_left_dead_is_a_toll_not_a_withdrawal(text, killed):
    events = coded(text).events
    assert "RETREAT" not in {ev.type for ev in events} and events[0].fatalities == killed


def test_the_dead_a_later_sentence_adds_to_the_event():
    ev = coded("A roadside bomb killed two soldiers near the base on Monday. A passing motorist was also "
               "killed in the blast.").events[0]
    assert ev.fatalities == 3


@pytest.mark.parametrize("text, type_, coded_", [
    ("The governor demanded the release of the kidnapped students.", "REQUEST", True),
    ("A spokesman for the governor did not respond to requests for comment.", "REQUEST", False),
    ("The two parties agreed on a truce in the north.", "AGREE", True),
    ("Fighting resumed after previous agreements between the clans collapsed.", "AGREE", False),
])
def test_stock_phrases_of_reporting_are_not_events(text, type_, coded_):
    assert any(e.type == type_ for e in coded(text).events) == coded_


@pytest.mark.parametrize("text, type_", [
    ("The war in the north has threatened to drag the whole region into famine.", "THREATEN"),
    ("Officials hope the latest round of negotiations will allow farmers to return to their fields.", "CONCEDE"),
])
def test_an_event_named_as_the_doer_is_no_event(text, type_):
    assert type_ not in {e.type for e in coded(text).events}


def test_violence_done_by_an_event_noun_keeps_its_event_but_no_actor():
    cd = coded("The unrest that swept the province in 1998 killed the provincial governor.")
    ev = next(e for e in cd.events if e.type == "ASSAULT" and words(cd, e.trigger) == "killed")
    assert ev.actor1 is None and "governor" in ev.actor2.text


def test_a_party_named_in_the_event_noun_stays_the_doer():
    cd = coded("Thousands of families displaced by the Al Shabaab insurgency returned home.")
    assert any(e.actor1 is not None and "Al Shabaab" in e.actor1.text for e in cd.events)


@pytest.mark.parametrize("text, backer", [
    ("Last week Iranian-backed rebels drove the army out of two villages near the coast.", "Iranian"),
    ("Fighters supported by the central government have held the port since March.", "the central government"),
])
def test_a_backer_that_describes_a_party_is_a_relation_not_an_event(text, backer):
    cd = coded(text)
    assert not {"SUPPORT", "COOPERATE", "AID"} & {e.type for e in cd.events}
    assert any(backer in r.source.text for r in cd.relations)


@pytest.mark.parametrize("text", [
    "Officials said the neighbouring state had deployed fighter planes and two warships to the coast.",
    "The army deployed 12 armoured vehicles and three helicopters to the northern province on Friday.",
])
def test_equipment_moved_is_no_party(text):
    cd = coded(text)
    ev = next(e for e in cd.events if e.type in ("MOBILIZE", "AID"))
    assert ev.actor2 is None, ev.actor2


def test_a_jet_shot_down_still_stands_for_its_force():
    ev, _ = top("Rebels shot down an air force jet over the valley.")
    assert ev.type == "ASSAULT" and ev.actor2 is not None and "jet" in ev.actor2.text
