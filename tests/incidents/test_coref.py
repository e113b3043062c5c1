"""Within-article coreference: the sentences that tell of one happening make one event listing them all;
happenings of one kind that the text sets apart stay apart. Every article here is written for the tests."""
from eventwire.pipeline import code
from eventwire.serialize import document

ATTACK = ("MAIDUNA, Kelvoria (Wire) - Gunmen stormed a police post in the town of Kessaba on Tuesday, killing "
          "seven officers, a regional official said. The attack began shortly before dawn, when the assailants "
          "opened fire on the post from two pickup trucks. Seven officers died in the assault and four others "
          "were wounded, the official said. A local hospital said it had received the wounded. The Kelvorian "
          "interior minister condemned the attack in a statement on Wednesday. No group has claimed "
          "responsibility.")


def _assaults(cd):
    return [e for e in cd.events if e.type == "ASSAULT"]


def test_the_mentions_of_one_attack_are_one_event():
    cd = code(ATTACK, published="2031-03-05")
    attacks = _assaults(cd)
    assert len(attacks) == 1
    told = [m.of(cd.text) for m in attacks[0].mentions]
    assert len(told) >= 3 and told[0].startswith("MAIDUNA") and any(t.startswith("Seven officers") for t in told)
    assert attacks[0].evidence == attacks[0].mentions[0]  # the sentence that first tells of it


def test_a_field_the_first_mention_lacks_comes_from_another_mention():
    text = ("KORVATH (Wire) - Rebels overran an army outpost in the north, officials said. The fighters captured "
            "the outpost at Dunmere on Saturday after a two-hour battle, a military spokesman said.")
    cd = code(text, published="2031-05-12")
    taken = [e for e in cd.events if e.type == "ASSAULT"]
    assert len(taken) == 1
    ev = taken[0]
    assert ev.evidence.of(text).startswith("KORVATH")
    assert ev.when is not None and not ev.when.inferred and ev.when.date == "2031-05-10"
    assert ev.when.span is not None and text[ev.when.span.start:ev.when.span.end] == "Saturday"


def test_attacks_on_other_days_and_places_stay_apart():
    text = ("LUMBARA (Wire) - Militants attacked a village in the Sorro district on Monday, killing nine "
            "farmers, local officials said. On Friday, gunmen killed three traders on the road to Pelham, "
            "hundreds of kilometres to the south. In a separate attack last month, six soldiers were killed "
            "near the border.")
    cd = code(text, published="2031-09-20")
    assert len(_assaults(cd)) == 3


def test_another_announces_a_new_happening():
    text = ("VASK (Wire) - A car bomb exploded outside a market in the capital on Sunday, killing five people, "
            "police said. Another bomb went off in a bus station, wounding two passengers.")
    cd = code(text, published="2031-02-03")
    assert len(_assaults(cd)) == 2


def test_mentions_are_in_the_contract_output():
    cd = code(ATTACK, published="2031-03-05")
    out = document(cd)["events"]
    assault = next(e for e in out if e["type"] == "ASSAULT")
    assert len(assault["mentions"]) >= 3
    assert all(set(m) == {"start", "end"} for m in assault["mentions"])
    assert assault["evidence"] == assault["mentions"][0] and assault["gate"] == "passed"


def _told_with(cd, opening):
    """The events of ``cd`` one of whose mentions opens with ``opening``."""
    return [e for e in cd.events if any(m.of(cd.text).startswith(opening) for m in e.mentions)]


def test_a_day_of_its_own_past_the_lede_is_another_happening():
    text = ("DORU (Wire) - Gunmen killed four farmers in the village of Tamsa on Monday, officials said. The "
            "farmers had been working in their fields. The regional governor called for calm. Near the well, two "
            "herders were hacked to death with machetes. Last Friday, militants shot dead two traders on the road "
            "to the market, residents said.")
    cd = code(text, published="2031-04-10")
    friday = _told_with(cd, "Last Friday")
    assert len(friday) == 1 and [m.of(text)[:11] for m in friday[0].mentions] == ["Last Friday"]
    assert friday[0].when.date == "2031-04-04"
    assert len(_told_with(cd, "Near the well")) == 1


def test_later_announces_another_happening():
    text = ("DORU (Wire) - Gunmen killed four farmers in the village of Tamsa on Monday, officials said. A local "
            "chief said the gunmen burned two granaries and stole cattle. Three traders were later shot dead on "
            "the road to the market, residents said.")
    cd = code(text, published="2031-04-10")
    later = [e for e in _told_with(cd, "Three traders") if e.type == "ASSAULT"]
    assert len(later) == 1 and len(later[0].mentions) == 1


def test_a_toll_that_grew_is_the_same_attack_and_another_doers_toll_is_not():
    grew = ("SEVARO (Wire) - Rebels stormed an army camp in the north on Sunday, killing at least eight soldiers, "
            "officials said. The governor called for calm. Residents said rebels had killed at least 15 soldiers "
            "in the camp.")
    cd = code(grew, published="2031-04-10")
    assert len(_assaults(cd)) == 1 and len(_assaults(cd)[0].mentions) == 2
    other = ("SEVARO (Wire) - Rebels stormed an army camp in the north on Sunday, killing eight soldiers, officials "
             "said. The governor called for calm. Soldiers shot dead three villagers in the camp, residents said.")
    assert len(_assaults(code(other, published="2031-04-10"))) == 2
