"""The coder on the seed article (read from ../shared, never copied): the events the brief asks for."""
from __future__ import annotations

import pytest

from eventwire.model import CodedDocument

from conftest import coded, shared_file


@pytest.fixture(scope="module")
def seed_coded() -> CodedDocument:
    text = shared_file("seed", "libya-talks-ap-2020.txt").read_text(encoding="utf-8")
    return coded(text, id="seed")


def found(cd, type_, trigger=None, evidence=None):
    out = [e for e in cd.events if e.type == type_
           and (trigger is None or e.trigger.of(cd.text) == trigger)
           and (evidence is None or evidence in e.evidence.of(cd.text))]
    assert out, f"no {type_} {trigger or ''}: " + "; ".join(f"{e.type} {e.trigger.of(cd.text)!r}" for e in cd.events)
    return out


def test_recapture_of_the_town_is_a_battle(seed_coded):
    ev = found(seed_coded, "ASSAULT", "recaptured")[0]
    assert ev.acled_event_type == "Battles"
    assert ev.acled_sub_event_type in ("Government regains territory", "Non-state actor overtakes territory")
    assert "Armed Forces" in ev.actor1.text


def test_airstrikes_on_the_militias(seed_coded):
    ev = found(seed_coded, "ASSAULT", "airstrikes", evidence="launching airstrikes")[0]
    assert ev.mode == "aerial"
    assert ev.acled_sub_event_type == "Air/drone strike"


def test_agreement_to_resume_talks(seed_coded):
    ev = found(seed_coded, "AGREE", "agreed")[0]
    assert "factions" in ev.actor1.text


def test_us_military_accuses_russia_and_russia_rejects(seed_coded):
    accuse = [e for e in found(seed_coded, "ACCUSE", "accused") if not e.from_caption][0]
    assert accuse.actor1.country == "USA" and accuse.actor2.country == "RUS"
    reject = found(seed_coded, "REJECT", "dismissed")[0]
    assert reject.actor1.country == "RUS"


def test_speculation_is_not_asserted(seed_coded):
    for ev in seed_coded.events:
        if ev.trigger.of(seed_coded.text) in ("pull back", "escalation"):
            assert ev.status != "asserted"


def test_no_actor_is_recommended_videos(seed_coded):
    for ev in seed_coded.events:
        for a in (ev.actor1, ev.actor2):
            assert a is None or "Recommended" not in a.text


def test_figures_and_backers(seed_coded):
    assert any(f.value == 168 and f.what == "infected" for f in seed_coded.figures)
    backers = {r.source.country for r in seed_coded.relations if r.relation == "backs"}
    assert {"ARE", "EGY", "RUS"} <= backers
