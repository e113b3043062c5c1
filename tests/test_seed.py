"""The seed article (a scraped AP story, read from ../shared) is the first acceptance test."""
from __future__ import annotations

import math

import pytest

from eventwire.serialize import document


def km(a, b):
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b[1] - a[1]) / 2) ** 2)
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def events_of(seed, type_, words=None):
    found = [e for e in seed.events if e.type == type_
             and (words is None or words in e.evidence.of(seed.text))]
    assert found, f"no {type_} event{' with ' + repr(words) if words else ''}: " + \
        "; ".join(f"{e.type} {e.trigger.of(seed.text)!r}" for e in seed.events)
    return found


def test_publication_date_is_inferred_in_june_2020(seed):
    assert seed.error is None
    assert seed.published and seed.published.startswith("2020-06")
    assert seed.published_inferred is True


def test_laaf_takes_al_asabaa_on_31_may(seed):
    # told first by the lede ("retaking a key town"), then by the al-Asabaa sentence: one event, both mentions
    [ev] = [e for e in events_of(seed, "ASSAULT") if any("al-Asabaa" in m.of(seed.text) for m in e.mentions)]
    assert ev.acled_event_type == "Battles"
    assert ev.actor1 is not None and ev.actor1.name == "Libyan Arab Armed Forces"
    assert ev.actor1.country == "LBY"
    assert ev.location is not None
    assert km((ev.location.lat, ev.location.lon), (32.03, 12.87)) <= 10
    assert ev.when is not None and ev.when.date == "2020-05-31"
    assert ev.attribution and "Mosmari" in ev.attribution
    assert ev.status in ("claimed", "asserted")


def test_airstrikes_on_the_militias(seed):
    # the airstrikes were how al-Asabaa was retaken: one happening (issue 12), told by the sentences of both
    [taken] = [e for e in events_of(seed, "ASSAULT") if any("al-Asabaa" in m.of(seed.text) for m in e.mentions)]
    told = " ".join(m.of(seed.text) for m in taken.mentions)
    assert "airstrikes" in told and "shelling" in told


def test_agreement_to_resume_talks_announced_1_june(seed):
    agree = events_of(seed, "AGREE")
    assert any(e.when and e.when.date == "2020-06-01" for e in agree), \
        [(e.trigger.of(seed.text), e.when) for e in agree]


def test_us_accuses_russia_and_russia_rejects(seed):
    accuse = [e for e in events_of(seed, "ACCUSE")
              if e.actor1 and e.actor1.country == "USA" and e.actor2 and e.actor2.country == "RUS"]
    assert accuse, "no ACCUSE USA→RUS"
    reject = events_of(seed, "REJECT")
    assert any(e.actor1 and e.actor1.country == "RUS" for e in reject)


def test_speculation_is_not_asserted(seed):
    for e in seed.events:
        if "pull back" in e.evidence.of(seed.text) and e.trigger.of(seed.text).startswith(("pull", "prefer")):
            assert e.status == "hypothetical"


def test_boilerplate_is_neither_actor_nor_date(seed):
    out = document(seed)
    for e in out["events"]:
        for role in ("actor1", "actor2"):
            assert not (e[role] and "Recommended" in (e[role]["text"] or ""))
    assert not any(t["text"].strip() in ("1 / 2", "1/2") for t in out["times"])
    assert "Full Screen" not in seed.body and "Recommended Videos" not in seed.body


def test_every_event_carries_its_evidence(seed):
    assert len(seed.events) >= 5
    for e in seed.events:
        assert 0 <= e.evidence.start <= e.trigger.start < e.trigger.end <= e.evidence.end <= len(seed.text)
        assert e.rule


@pytest.mark.parametrize("name", ["Gharyan", "Tarhuna"])
def test_towns_resolve_in_libya(seed, name):
    places = [p for p in seed.places if p.text == name]
    assert places and all(p.country == "LY" for p in places)


def test_coronavirus_cases_are_a_figure_not_an_event(seed):
    assert any(f.value == 168 for f in seed.figures), seed.figures
    assert not any("168" in e.evidence.of(seed.text) and e.type == "ASSAULT" for e in seed.events)


def test_backers_form_a_relation_graph(seed):
    def words(actor):
        return f"{actor.name} | {actor.text}"
    edges = [(r.relation, words(r.source), words(r.target)) for r in seed.relations]
    backs = [(s, t) for rel, s, t in edges if rel == "backs"]
    hifter = {s.split(" | ")[0] for s, t in backs if "Hifter" in t or "Libyan Arab Armed Forces" in t}
    assert {"United Arab Emirates", "Egypt", "Russia"} <= hifter, edges
    tripoli = {s.split(" | ")[0] for s, t in backs if "Tripoli" in t}
    assert {"Turkey", "Qatar", "Italy"} <= tripoli, edges
    # the militias are allied with the U.N.-supported government, and both are Hifter's rivals
    for rel, s, t in edges:
        if rel == "allied with":
            assert not ("U.N." in s and "Hifter" in t or "Hifter" in s and "U.N." in t), (s, t)
