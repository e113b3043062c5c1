"""The coder on sentences written for these tests: protests that voice demands, fights of unarmed
groups, deaths told apart from the trigger, evidence spans and relations of coordinated nouns."""
from __future__ import annotations

from eventwire.coding.fatalities import count_in

from conftest import coded, sentence


def top(text: str):
    cd = coded(text)
    assert cd.events, f"no event in {text!r}"
    return cd.events[0]


def test_a_gathering_to_demand_is_a_protest():
    ev = top("On 2 March 2021, nurses gathered outside the ministry in Lagos to demand unpaid salaries.")
    assert ev.type == "PROTEST" and ev.acled_sub_event_type == "Peaceful protest"
    assert ev.rule.startswith("protest.voiced")


def test_demands_beside_a_protest_rank_below_it():
    ev = top("Hundreds of traders staged a sit-in protest at the market, alleging extortion by tax officials.")
    assert ev.type == "PROTEST"


def test_protesters_who_demand_protest():
    ev = top("On 5 June 2021, protesters in Basra demanded the resignation of the governor.")
    assert ev.type == "PROTEST"


def test_a_demand_by_a_government_stays_a_request():
    ev = top("The government demanded the release of the detained diplomats.")
    assert ev.type == "REQUEST"


def test_villagers_fighting_each_other_riot():
    ev = top("Villagers clashed with residents of a neighbouring village over grazing land, injuring ten.")
    assert ev.type == "PROTEST" and ev.acled_sub_event_type == "Mob violence"


def test_workers_fighting_the_police_demonstrate_violently():
    ev = top("Striking factory workers clashed with police outside the plant on Monday.")
    assert ev.acled_sub_event_type == "Violent demonstration"


def test_armed_sides_keep_their_clash_despite_civilian_victims():
    ev = top("Soldiers clashed with rebel fighters near the town. A woman was wounded in the crossfire.")
    assert ev.acled_sub_event_type == "Armed clash"


def test_a_short_report_gives_its_deaths_to_the_attack():
    ev = top("Gunmen raided a farm near the border on Friday. Four people died.")
    assert ev.type == "ASSAULT" and ev.fatalities == 4


def test_a_year_is_not_a_death_count():
    sent = sentence("Survivors remembered the killings of 1994 at the church.")
    assert count_in(sent).killed is None


def test_evidence_leaves_out_blanked_text():
    text = "                    \n\nRebels shelled the airport on Monday."
    cd = coded(text)
    ev = cd.events[0]
    assert ev.evidence.of(text) == "Rebels shelled the airport on Monday."


def test_a_participle_after_coordinated_nouns_describes_the_nearest():
    cd = coded("Delegates of the army and of gangs allied with the mayor met on Monday.")
    allied = [r for r in cd.relations if r.relation == "allied with"]
    assert allied and all("army" not in r.target.text for r in allied)


def test_a_crowd_the_police_dispersed_is_the_event():
    ev = top("Police fired tear gas to disperse hundreds of traders, who had blocked the highway and pelted stones.")
    assert ev.type == "PROTEST" and ev.acled_event_type == "Riots"


def test_groups_with_nothing_armed_named_riot_but_armed_groups_clash():
    assert top("Two village groups clashed over a water well.").acled_sub_event_type == "Mob violence"
    assert top("Two armed groups clashed near the border.").acled_sub_event_type == "Armed clash"


def test_nationals_against_border_police_demonstrate_violently():
    ev = top("Bangladeshi nationals clashed with border police at the crossing.")
    assert ev.acled_event_type == "Riots"


def test_an_attack_answered_with_fire_is_a_clash():
    ev = top("Militants threw a grenade at a police checkpoint in the city. Police returned fire.")
    assert ev.acled_sub_event_type == "Armed clash"
    assert top("Militants threw a grenade at a police checkpoint in the city.").acled_sub_event_type == "Grenade"


def test_a_complaint_about_deadly_raids_stays_a_complaint():
    ev = top("Lebanon complained to the United Nations over Israeli air raids in which 20 people were wounded.")
    assert ev.type == "ACCUSE"


def test_engaged_in_work_is_no_fight():
    ev = top("Labourers engaged in road construction staged a protest in the town, demanding wages.")
    assert ev.type == "PROTEST" and ev.acled_sub_event_type == "Peaceful protest"
    assert top("Troops engaged in a gunfight with bandits near the river.").acled_sub_event_type == "Armed clash"


def test_torches_carried_and_damage_claimed_are_no_riot():
    ev = top("Hundreds of farmers staged a protest in the city, demanding compensation for damage to their crops.")
    assert ev.acled_sub_event_type == "Peaceful protest"
    ev = top("Protesters torched a police van and damaged shops in the city centre.")
    assert ev.acled_event_type == "Riots"


def test_an_off_duty_soldier_shot_is_a_civilian_victim():
    ev = top("Gunmen shot and killed an off-duty soldier outside his home in the town.")
    assert ev.acled_sub_event_type == "Attack"
    assert top("Gunmen shot and killed a soldier at a checkpoint in the town.").acled_sub_event_type == "Armed clash"


def test_a_readiness_is_a_promise_now_and_the_act_open():
    cd = coded("The rebels are willing to release the hostages.")
    agree = next(e for e in cd.events if e.type == "AGREE")
    release = next(e for e in cd.events if e.type == "RETREAT")
    assert agree.status == "asserted" and release.status == "hypothetical"
    assert cd.events[0] is agree


def test_deaths_in_a_clash_report_the_clash():
    cd = coded("Two herders were killed in a clash between soldiers and rebels near the river.")
    ev = cd.events[0]
    assert ev.trigger.of(cd.text) == "clash" and ev.fatalities == 2


def test_a_riot_voicing_a_demand_is_a_violent_demonstration():
    ev = top("On 6 May 2021, inmates rioted at the district jail, demanding better food.")
    assert ev.acled_sub_event_type == "Violent demonstration", ev.rule


def test_a_riot_with_no_demonstration_is_mob_violence():
    ev = top("On 6 May 2021, a mob rioted in the market after a quarrel between two traders.")
    assert ev.acled_sub_event_type == "Mob violence", ev.rule


def test_crowd_violence_told_with_a_demonstration_is_a_violent_demonstration():
    ev = top("On 6 May 2021, residents burned a bus in the town centre to demonstrate against the closure of "
             "the clinic.")
    assert ev.acled_sub_event_type == "Violent demonstration", ev.rule


def test_the_month_of_march_is_no_demonstration():
    ev = top("On 3 March 2022, villagers burned the house of a suspected thief in the hamlet.")
    assert ev.acled_sub_event_type == "Mob violence", ev.rule


def test_what_a_gathering_goes_on_to_say_is_its_protest():
    ev = top("On 4 May 2021, teachers gathered outside the education office, held up banners and condemned the "
             "delay of their salaries.")
    assert ev.type == "PROTEST" and ev.acled_sub_event_type == "Peaceful protest", ev.rule
    ev = top("On 4 May 2021, a group of farmers gathered at the district office to submit a petition and to press "
             "the governor for compensation.")
    assert ev.type == "PROTEST", ev.rule


def test_one_official_who_came_and_criticised_is_no_protest():
    ev = top("The minister came to the capital on Monday and criticised the new tariffs.")
    assert ev.type == "ACCUSE", ev.rule


def test_a_strike_by_workers_is_a_protest():
    ev = top("Dock workers began a three-day strike at the port of Tema over unpaid allowances.")
    assert ev.type == "PROTEST" and ev.mode == "strike" and ev.acled_sub_event_type == "Peaceful protest"
    ev = top("A strike on a rebel convoy killed six fighters near the river.")
    assert ev.type == "ASSAULT"


def test_workers_striking_protest_and_aircraft_striking_attack():
    ev = top("Bus drivers in Lusaka are striking over unpaid overtime.")
    assert ev.type == "PROTEST" and ev.mode == "strike"
    ev = top("Nurses began to strike again on Monday, saying their allowances had not been paid.")
    assert ev.type == "PROTEST" and ev.mode == "strike"
    ev = top("Government aircraft have been striking rebel positions near the river.")
    assert ev.type == "ASSAULT"


def test_teachers_who_hit_the_streets_protest():
    ev = top("Teachers from several unions hit the streets of Jaipur demanding permanent posts.")
    assert ev.type == "PROTEST" and ev.acled_sub_event_type == "Peaceful protest"


def test_burning_an_effigy_is_a_peaceful_protest():
    ev = top("Party workers staged a protest in Patna and burnt an effigy of the chief minister.")
    assert ev.acled_sub_event_type == "Peaceful protest"
    ev = top("Party workers staged a protest in Patna and burnt two buses.")
    assert ev.acled_sub_event_type == "Violent demonstration"


def test_workers_who_occupy_their_factory_protest():
    ev = top("Workers of a textile company occupied the factory in Rosario to demand unpaid wages.")
    assert ev.type == "PROTEST" and ev.acled_sub_event_type == "Peaceful protest"
    ev = top("Rebels occupied the town of Kalemie after the army withdrew.")
    assert ev.acled_sub_event_type == "Non-state actor overtakes territory"


def test_damage_a_crowd_seeks_compensation_for_is_not_its_violence():
    ev = top("Farmers held a protest in Multan, demanding compensation after their crops were damaged by hail.")
    assert ev.acled_sub_event_type == "Peaceful protest"
    ev = top("Teachers marched in Beirut, demanding the recovery of looted funds.")
    assert ev.acled_sub_event_type == "Peaceful protest"
    ev = top("Farmers held a protest in Multan and damaged two police vehicles.")
    assert ev.acled_sub_event_type == "Violent demonstration"


def test_a_vehicle_set_afire_and_a_man_axed_to_death():
    ev = top("On Sunday a minibus was set afire at the bus stand in Bogura.")
    assert ev.mode == "destroy"
    ev = top("A village council member was axed to death inside his office in Anantapur district.")
    assert ev.type == "ASSAULT" and ev.acled_sub_event_type == "Attack"
