"""ACLED's actor conventions the actors stage applies in context, through the whole pipeline; sentences
written for the project."""
from __future__ import annotations

from eventwire import pipeline


def first(text: str):
    cd = pipeline.code(text)
    assert cd.events, f"no event in {text!r}"
    return cd.events[0]


def test_a_movement_that_took_the_capital_is_the_state_from_then_on():
    before = first("On 3 March 2019, Taliban fighters attacked a police checkpoint in Kandahar.")
    assert before.actor1.kind == "rebels" and before.actor1.name == "Taliban"
    after = first("On 3 March 2022, Taliban fighters attacked a checkpoint of the National Resistance Front "
                  "in Panjshir.")
    assert after.actor1.kind == "state_forces"
    assert after.actor1.name == "Military Forces of Afghanistan (2021-)" and after.actor1.country == "AFG"
    assert "period" in after.actor1.rule


def test_a_thing_of_a_force_attacked_stands_for_the_force():
    event = first("On 6 May 2024, Al Shabaab militants attacked a military base near Baidoa.")
    assert event.actor1.name == "Al Shabaab"
    assert event.actor2.name == "Military Forces of Somalia" and event.actor2.kind == "state_forces"
    assert event.actor2.text == "a military base"  # the words stay the evidence


def test_the_acted_on_party_named_away_from_the_trigger_fills_actor2():
    event = first("On 12 May 2024, ISWAP fighters opened fire in Monguno, and four soldiers were killed.")
    assert event.actor1.name == "Islamic State (West Africa)"
    assert event.actor2 is not None and event.actor2.name == "Military Forces of Nigeria"
    assert "acted-on" in event.actor2.rule


def test_a_date_or_a_place_is_never_the_party_acted_on():
    event = first("An IED exploded near the market in Mogadishu on Monday 6 May 2024.")
    assert event.actor2 is None or (event.actor2.kind is not None and event.actor2.text not in ("Monday", "Mogadishu"))


def test_insurgents_named_alone_in_a_fight_fought_the_state():
    event = first("On 4 June 2019, four Al Shabaab fighters were killed in a clash near Jowhar.")
    assert event.acled_event_type == "Battles"
    assert (event.actor1.name, event.actor1.kind) == ("Military Forces of Somalia", "state_forces")
    assert event.actor2.name == "Al Shabaab"


def test_a_fight_with_no_side_named_keeps_an_unidentified_group():
    event = first("On 4 June 2019, heavy fighting was reported near Sirte.")
    assert event.actor1.kind == "political_militia"
