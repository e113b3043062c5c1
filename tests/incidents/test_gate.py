"""The precision gate: sentences of a news article that only look like a happening are not published.
Every article here is written for the tests; each ends with sentences of no event so that it reads as an
article, not as a monitor's short note (whose events pass as the coder reads them)."""
from eventwire.incidents.gate import verdict
from eventwire.pipeline import COMPONENTS, code

from conftest import coded

TAIL = (" The region has seen rising tension this year. Residents say food prices have doubled. Schools in "
        "the area remain closed. Many families now depend on relatives abroad.")


def _types(cd):
    return sorted(e.type for e in cd.events)


def test_a_running_total_and_a_habit_are_no_new_attack():
    text = ("Fighters of a rebel group ambushed an army convoy near the town of Tirma on Monday, killing five "
            "soldiers, the army said. The insurgency has killed some 12,000 people since 2017, according to a "
            "local monitoring group. The rebels regularly attack convoys on the road." + TAIL)
    cd = code(text, published="2031-04-10")
    assert _types(cd) == ["ASSAULT"] and cd.events[0].fatalities == 5


def test_reporting_conventions_are_no_requests():
    text = ("Soldiers arrested a local chief in the village of Amuri on Monday, his family said. An army officer, "
            "who asked not to be named because he was not authorised to brief reporters, said the chief was "
            "suspected of helping the rebels. The army did not respond to a request for comment." + TAIL)
    cd = code(text, published="2031-04-10")
    assert _types(cd) == ["COERCE"]


def test_a_dispute_that_exploded_is_no_explosion():
    text = ("Police detained two opposition leaders in the capital on Thursday, their lawyers said. The dispute "
            "over the election results exploded last month into open confrontation between the parties." + TAIL)
    cd = code(text, published="2031-04-10")
    assert _types(cd) == ["COERCE"]


def test_people_fleeing_an_attack_are_part_of_it_not_aid():
    text = ("Soldiers shelled the village of Bora on Saturday, killing two people, and hundreds of residents "
            "fled their homes." + TAIL)
    cd = code(text, published="2031-04-10")
    assert _types(cd) == ["ASSAULT"]


def test_every_event_names_the_gate_it_passed_and_a_dropped_one_why():
    text = ("Soldiers shelled the village of Bora on Saturday, killing two people. The conflict has killed more "
            "than 4,000 people since 2019, the United Nations says." + TAIL)
    assert all(e.gate == "passed" for e in code(text, published="2031-04-10").events)
    # stage by stage up to the gate: the pipeline drops the parse the gate reads
    cd = coded(text, *[name for name in COMPONENTS if name != "gate"], published="2031-04-10")
    why = {cd.text[e.trigger.start:e.trigger.end]: verdict(cd, e) for e in cd.events}
    assert why["shelled"] == "passed" and why["killed"] == "aggregate"


def test_a_short_note_passes_as_the_coder_reads_it():
    cd = code("On 3 May, residents of Amuri fled to the district town after clashes nearby.", published="2031-05-04")
    assert cd.events and all(e.gate == "note" for e in cd.events)


def test_talking_to_the_press_and_an_armed_arrival_are_no_consultations():
    text = ("TARNO (Wire) - Gunmen killed six villagers in the district of Losa on Monday, officials said. The "
            "attackers arrived on motorbikes shortly after midnight. Army reinforcements arrived at dawn. \"Six "
            "people died,\" a local official told Reuters by phone. The regional governor was talking to reporters "
            "when the army arrived. The interior minister said at a news conference that an inquiry had begun. On "
            "Tuesday, the foreign minister of Kelvoria arrived in the capital for talks with the president.")
    cd = code(text, published="2031-04-10")
    consults = [e.evidence.of(text) for e in cd.events if e.type == "CONSULT"]
    assert consults == ["On Tuesday, the foreign minister of Kelvoria arrived in the capital for talks with the president."]


def test_what_a_war_did_is_its_background_and_prisoners_of_war_are_still_released():
    text = ("NAROSSA (Wire) - The president signed a peace agreement with rebel leaders in the capital on Wednesday "
            "to end a civil war that has killed tens of thousands of people. The rebels said the deal was final. "
            "The uprising that toppled and killed the old king in 1990 is still remembered in the north. On "
            "Thursday, prisoners of war held by the rebels were released, the army said.")
    cd = code(text, published="2031-04-10")
    assert _types(cd) == ["AGREE", "RETREAT"]


def test_a_simple_present_passive_tells_what_happens_as_a_rule():
    text = ("KAMBA (Wire) - Rebels ambushed a police patrol near the town of Duro on Friday, killing four officers, "
            "the police said. Farmers in the area are also killed by roadside bombs planted on the tracks." + TAIL)
    cd = code(text, published="2031-04-10")
    assert _types(cd) == ["ASSAULT"] and cd.events[0].evidence.of(text).startswith("KAMBA")


def test_protests_that_erupt_are_protests_not_a_figure_of_speech():
    cd = code("Protests erupted in the capital Lusaka on Friday after the arrest of an opposition leader." + TAIL,
              published="2031-04-10")
    assert _types(cd) == ["COERCE", "PROTEST"]


def test_knowing_who_did_it_is_no_state_of_affairs():
    cd = code("Police said they know who carried out the attack on the market in Bora on Sunday that killed four "
              "people." + TAIL, published="2031-04-10")
    assert _types(cd) == ["ASSAULT"]


def test_clashes_told_only_as_what_something_followed_in_the_wake_of_are_background():
    text = "Traders in Bora shut their shops on Monday in the wake of clashes between herders and farmers."
    cd = coded(text + TAIL, *[name for name in COMPONENTS if name != "gate"], published="2031-04-10")
    clash = next(e for e in cd.events if cd.text[e.trigger.start:e.trigger.end] == "clashes")
    assert verdict(cd, clash) == "background"
    assert code(text + TAIL, published="2031-04-10").events == []
