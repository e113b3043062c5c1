"""One event told by two triggers of a sentence, or again by another sentence, is stored once; others stay."""
from eventwire.incidents.collapse import key
from eventwire.pipeline import code


def test_two_triggers_of_one_strike_make_one_event():
    cd = code("An airstrike hit a crowded market in the town of Saada on Friday, killing four civilians.",
              published="2024-01-20")
    strikes = [e for e in cd.events if e.acled_sub_event_type == "Air/drone strike"]
    assert len(strikes) == 1 and strikes[0].fatalities == 4
    assert len({key(e) for e in cd.events}) == len(cd.events)


def test_different_events_of_one_sentence_are_kept():
    cd = code("Police arrested 12 protesters in Nairobi on Tuesday after demonstrators set fire to a police "
              "station.", published="2024-06-26")
    subs = {e.acled_sub_event_type for e in cd.events}
    assert "Arrests" in subs and len(subs) >= 2


def test_an_event_without_its_other_side_is_the_fuller_one_repeated():
    cd = code("NAIROBI, Kenya - Police fired tear gas and water cannon at thousands of protesters in central "
              "Nairobi on Tuesday as demonstrators marched against a proposed finance bill.",
              published="2024-06-25")
    fuller = {key(e, False) for e in cd.events if e.actor2 is not None}
    assert cd.events and not [e for e in cd.events if e.actor2 is None and key(e, False) in fuller]



def test_force_used_on_a_protest_is_its_intervention_not_a_battle():
    cd = code("Police fired tear gas at hundreds of traders in Kampala on Monday as they marched against new "
              "market fees.", published="2024-03-05")
    assert any(e.type == "PROTEST" for e in cd.events)
    assert not [e for e in cd.events if e.acled_event_type == "Battles"]
    assert not [e for e in cd.events if e.type == "ASSAULT" and e.acled_event_type == "Protests"]


def test_a_battle_beside_no_protest_and_deaths_at_a_protest_stay():
    cd = code("Soldiers fired on rebels near Bunia on Monday.", published="2024-03-05")
    assert any(e.acled_event_type == "Battles" for e in cd.events)
    cd = code("Police shot dead two protesters in Kampala on Monday as they marched against new market fees.",
              published="2024-03-05")
    assert any(e.type == "ASSAULT" and e.fatalities == 2 for e in cd.events)


def test_an_event_retold_without_its_place_and_date_is_one_event():
    text = ("Aid agencies warned of a new wave of displacement after Al Shabaab fighters overran a key town from "
            "government troops. Al Shabaab captured the town of Bulo Burde in Hiiraan region on Saturday, "
            "residents said.")
    cd = code(text, published="2024-03-04")
    taken = [e for e in cd.events if e.acled_sub_event_type == "Non-state actor overtakes territory"]
    assert len(taken) == 1 and taken[0].trigger.of(text) == "captured"
    assert not taken[0].location.inferred and not taken[0].when.inferred


def test_two_towns_taken_by_one_group_stay_two_events():
    text = ("Al Shabaab captured the town of Bulo Burde in Hiiraan region on Saturday. On Monday Al Shabaab "
            "fighters also captured the town of Jalalaqsi, 60 km to the north.")
    cd = code(text, published="2024-03-04")
    assert len([e for e in cd.events if e.acled_sub_event_type == "Non-state actor overtakes territory"]) == 2
