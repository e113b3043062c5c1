"""Events of whole wire-style articles (title, dateline, several sentences), coded end to end.
Sentences written for the project."""
from __future__ import annotations

from eventwire.pipeline import code


def test_an_actor_after_a_dateline_carries_no_blanks():
    text = ("Ukraine says Russia shelled Kharkiv\n\n"
            "KYIV, Ukraine – Ukraine's military accused Russian forces on Sunday of shelling Kharkiv.\n")
    cd = code(text)
    accuse = [e for e in cd.events if e.type == "ACCUSE"][0]
    assert accuse.actor1.text == "Ukraine's military"
    assert cd.text[accuse.actor1.span.start:accuse.actor1.span.end] == "Ukraine's military"


MALI = ("Mali army says it repelled rebel attack\n\n"
        "BAMAKO, Mali – Malian soldiers clashed with separatist rebels near the town of Anefis on Tuesday, "
        "killing at least seven fighters, the army said.\n\n"
        "The clashes came a day after rebels ambushed a supply convoy on the road between Gao and Kidal.\n")


def test_a_wire_storys_toll_stays_with_its_incident():
    """A story with a dateline is no monitor's note: the toll of the clash is not the ambush's."""
    cd = code(MALI)
    clash = [e for e in cd.events if e.trigger.of(cd.text) == "clashed"][0]
    ambush = [e for e in cd.events if e.trigger.of(cd.text) == "ambushed"][0]
    assert clash.fatalities == 7 and ambush.fatalities is None


def test_an_attacked_convoy_is_no_deployment():
    cd = code(MALI)
    assert not [e for e in cd.events if e.type == "MOBILIZE"]


YEMEN = ("Airstrike hits market in Yemen\n\n"
         "SANAA, Yemen – An airstrike hit a crowded market in Yemen's northern province of Saada on Friday, "
         "killing four civilians and wounding 11 others, a local health official said.\n\n"
         "The strike struck the market about 30 kilometers (19 miles) west of the city of Saada, the official "
         "said.\n")


def test_the_official_who_tells_of_an_airstrike_did_not_strike():
    cd = code(YEMEN)
    strike = [e for e in cd.events if e.acled_sub_event_type == "Air/drone strike"][0]
    assert strike.actor1 is None or "official" not in strike.actor1.text


def test_a_strike_that_struck_a_market_is_no_labour_strike():
    assert not [e for e in code(YEMEN).events if e.type == "PROTEST"]


def test_what_follows_an_accusation_is_done_by_the_accused():
    cd = code("Ukraine accuses Russia\n\nKYIV, Ukraine – Ukraine's military accused Russian forces on Sunday "
              "of shelling residential areas of Kharkiv overnight, killing two people and damaging a school.\n")
    violent = [e for e in cd.events if e.type == "ASSAULT"]
    assert violent and all(e.actor1.country == "RUS" for e in violent)


def test_what_an_explosive_targets_is_its_target():
    cd = code("An IED, buried alongside the road, targeting a police convoy, exploded near the market on Monday.")
    ied = [e for e in cd.events if e.acled_sub_event_type == "Remote explosive/landmine/IED"][0]
    assert ied.actor2 is not None and ied.actor2.text == "a police convoy"


def test_an_actor_found_in_an_earlier_sentence_carries_no_blanks():
    cd = code("Sudan's sides agree to a truce\n\n"
              "JEDDAH, Saudi Arabia – Sudan's army and the Rapid Support Forces agreed on Saturday to a seven-day "
              "cease-fire, mediators said.\n\nThe truce will take effect on Monday evening, the statement said.\n")
    for e in cd.events:
        for a in (e.actor1, e.actor2):
            if a is not None and a.span is not None:
                assert a.text == a.text.strip() and cd.text[a.span.start:a.span.end] == a.text


def test_a_possessive_stands_for_the_subject_of_its_clause():
    cd = code("The government had been struggling to fend off a siege of the capital by rebel forces when "
              "Turkey escalated its air support.")
    support = [e for e in cd.events if e.type == "SUPPORT"][0]
    assert support.actor1.country == "TUR"


def test_a_thing_attacked_keeps_its_words_as_its_name():
    cd = code("An airstrike hit a crowded market in Yemen's northern province of Saada on Friday, killing four.")
    strike = [e for e in cd.events if e.type == "ASSAULT"][0]
    assert strike.actor2.name == "a crowded market" and strike.actor2.country == "YEM"


def test_a_country_in_a_partys_words_is_not_where_it_struck():
    cd = code("Ukraine accuses Russia\n\nKYIV, Ukraine – Ukraine's military accused Russian forces on Sunday of "
              "shelling residential areas of Kharkiv overnight.\n\nRussia's Defense Ministry denied targeting "
              "civilians and said its forces had struck only military sites.\n")
    struck = [e for e in cd.events if any("struck" in m.of(cd.text) for m in e.mentions)][0]  # one with the shelling
    assert struck.location is not None and struck.location.country == "UA"
