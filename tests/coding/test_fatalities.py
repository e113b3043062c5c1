"""Fatalities read from real parses of sentences written for the project (ACLED's counting rules)."""
from __future__ import annotations

import pytest

from eventwire.coding.fatalities import Fatalities, count, count_in

from conftest import parse, sentence


def _trigger(sent, word: str):
    return next(t for t in sent if t.text == word)


@pytest.mark.parametrize("text, killed", [
    # digits, words, hyphenated words
    ("Gunmen killed 14 villagers near the market on Tuesday.", 14),
    ("Five people were killed when a bomb went off in the square.", 5),
    ("Twenty-three soldiers died in the ambush.", 23),
    ("The war killed 2,300 people in the north.", 2300),
    ("An estimated 1.5 million people died in the famine.", 1500000),
    # ACLED's most conservative figure
    ("At least nine civilians were killed in the shelling.", 9),
    ("Between 5 and 10 herders were killed in the raid.", 5),
    ("The attackers killed five or six farmers.", 5),
    # the wounded are not dead
    ("A roadside bomb killed three policemen and wounded eleven others.", 3),
    ("Four soldiers were injured in the attack.", None),
    # coordinated groups add up; "including" names a part, not more
    ("Three soldiers and two civilians were killed in the crossfire.", 5),
    ("At least 12 people, including four children, were killed in the strike.", 12),
    # one person
    ("A taxi driver was shot dead at the checkpoint.", 1),
    ("Militants beheaded a village chief in the district.", 1),
    ("A 35-year-old teacher was stabbed to death in the town.", 1),
    # "leaving N dead", "N dead", nouns of death, tolls
    ("The clashes left seven people dead.", 7),
    ("The raid led to the death of eight fishermen.", 8),
    ("Police recovered the bodies of four men from the river.", 4),
    ("The death toll from the attack rose to 31 on Sunday.", 31),
    ("The fighting claimed 19 lives in two days.", 19),
    # vague words: ACLED's conventions
    ("Dozens of fighters were killed in the offensive.", 12),
    ("Several protesters were killed by the police.", 10),
    ("Hundreds of people died in the massacre.", 100),
    ("The rebels suffered heavy losses in the battle.", 10),
    # none reported = 0
    ("No one was killed in the explosion.", 0),
    ("The shelling caused no casualties.", 0),
    # a sentence about something else
    ("The two sides signed a ceasefire in the capital.", None),
])
def test_count_in(text, killed):
    assert count_in(sentence(text)).killed == killed


def test_figure_keeps_its_words():
    found = count_in(sentence("Gunmen killed at least seventeen worshippers at the mosque."))
    assert found.killed == 17
    assert "seventeen" in found.span.text
    assert found.cue == "killed"


def test_deaths_another_act_is_about_are_not_counted():
    sent = sentence("Hundreds of students protested over the killing of two classmates by the police.")
    assert count(_trigger(sent, "protested"), sent).killed is None
    # the killing itself, coded as its own event, keeps its dead
    assert count(_trigger(sent, "killing"), sent).killed == 2


def test_count_keeps_to_the_trigger_clause():
    sent = sentence("Militants stormed the base, killing four guards, and the army arrested two suspects.")
    assert count(_trigger(sent, "stormed"), sent).killed == 4
    assert count(_trigger(sent, "arrested"), sent).killed is None


def test_deaths_governing_a_nominal_trigger():
    sent = sentence("Six farmers were killed in an attack on the village.")
    assert count(_trigger(sent, "attack"), sent) == Fatalities(6, sent[0:1], "killed")


def test_dead_of_an_event_mentioned_in_passing_are_not_counted():
    sent = sentence("The siege threatened to turn into a war on the scale of the revolt that killed 300 people.")
    assert count(_trigger(sent, "siege"), sent).killed is None


@pytest.mark.parametrize("text, killed", [
    # a toll is the running total, not one more group
    ("The death toll rose to nine after another villager was killed on Monday.", 9),
    # two reports of one figure: the lower
    ("Police said four people were killed, but residents said 11 died.", 4),
    # an age is not a count
    ("A 62-year-old farmer was hacked to death by herdsmen.", 1),
    # no official toll is not zero dead
    ("No official death toll was given.", None),
    # part of a figure already counted
    ("Fifteen bodies, including those of two soldiers killed in the ambush, were recovered.", 15),
])
def test_figures_that_must_not_add_up(text, killed):
    assert count_in(sentence(text)).killed == killed


@pytest.mark.parametrize("text, killed", [
    # the victims come before the verb group when the parse hangs them elsewhere
    ("On 3 June 2021, in Porto Velho, Rondonia, a farmer and his nephew were killed by gunmen.", 2),
    ("On 3 June 2021, in Porto Velho, Rondonia, a shopkeeper was beaten to death by a mob.", 1),
    # "after" tells what came before: another event's dead, unless the same actors did it
    ("Students marched in the city after police shot dead two protesters.", None),
    ("Gunmen burned the market after killing 13 traders.", 13),
    # a preposition's own noun is another act's subject, a clause hanging off it is not
    ("Herders clashed with farmers over a plot of land, leaving four dead.", 4),
    ("Gunmen shot a local judge along with his bodyguard.", None),
    ("Gunmen killed a local judge along with his bodyguard.", 2),
    ("Gunmen killed a Dutch national working for a charity.", 1),
])
def test_word_order_and_earlier_events(text, killed):
    sent = sentence(text)
    trigger = next(t for t in sent if t.dep_ == "ROOT")
    assert count(trigger, sent).killed == killed


def test_first_figure_of_a_report():
    from eventwire.coding.fatalities import first_in
    doc = parse("Gunmen stormed a village near the border on Sunday. Seven people died and four were "
                "wounded. Two of the dead were children.")
    found = first_in(doc.sents)
    assert found.killed == 7 and found.span.text == "Seven"
    assert first_in(parse("Talks resumed in Geneva.").sents).killed is None


def test_a_place_the_parser_makes_a_subject_is_no_victim():
    sent = sentence("On 7 May 2020, in Alagoinha, Pernambuco, a man was killed in a drive-by shooting by two armed men.")
    assert count(_trigger(sent, "killed"), sent).killed == 1


def test_the_wounded_beside_a_toll_are_not_dead():
    sent = sentence("The toll from the riots has reached at least nine dead and some 150 injured since Monday.")
    assert count_in(sent).killed == 9


@pytest.mark.parametrize("text, added", [
    ("Two more people were killed in a second blast near the mosque.", 2),
    ("Three further passengers were also killed in the attack.", 3),
    ("His bodyguard was also killed.", 1),
    ("Later, another bomb went off near the cemetery, killing three mourners.", 3),
    ("Two rockets also hit homes north of the town, killing four people.", 4),
    ("The bomb went off near the cemetery, killing three mourners.", 0),
    ("A fourth man died later in hospital.", 1),
    ("Eleven others were killed in the fighting around the airport.", 11),
    # the same dead told again, or a total: nothing to add
    ("The victims were farmers from the village.", 0),
    ("Four people were killed in the ambush.", 0),
    ("The death toll rose to 14 on Tuesday.", 0),
    # a figure split up: "another" marks the second part of a breakdown, not more dead
    ("Six died in the market while another three were killed at the school.", 0),
])
def test_what_later_sentences_add(text, added):
    from eventwire.coding.fatalities import more_in
    assert more_in(parse(text).sents) == added


def test_a_report_adds_the_dead_told_as_more():
    from eventwire.coding.fatalities import first_in
    doc = parse("Gunmen stormed a village on Sunday. Seven people died. Two more villagers were found "
                "dead on Monday.")
    assert first_in(doc.sents).killed == 9


@pytest.mark.parametrize("text, killed", [
    # a relative pronoun stands for the noun it hangs on
    ("The group named seven villagers who had been killed in the raid.", 7),
    # 'slain' read as an adjective counts like 'dead'
    ("Six displaced women were slain, and four others sustained injuries.", 6),
    # a participle with its own subject is a past tense: the victims follow it
    ("The two clans signed a truce after their fighting killed at least 24 since Friday.", 24),
    # 'them' counts the object of the verb it is coordinated with
    ("Soldiers rounded up twelve men and shot them dead.", 12),
    # coordinated verbs share their object, unless the other verb only wounds
    ("Bandits shot dead or burned alive eight villagers near the river.", 8),
    ("Gunmen killed and wounded 20 people in the market.", None),
    # the 'of' of a noun of death hung on a date between them
    ("Police found the bodies on Sunday of five young men near the river.", 5),
    # a body is one dead; a killing named with 'a' is the event, not one more victim
    ("A decapitated body was found near the bridge.", 1),
    ("A farmer was shot dead in what police called a revenge killing.", 1),
    # groups the parser splits into two subjects, or hangs on a name in apposition, still add up
    ("Three aid workers and at least five civilians were killed by mortar fire during a food distribution.", 8),
    ("The district commissioner Ahmed Nur and his driver were today killed in the capital by gunmen.", 2),
    ("The victims, a man and his son, were killed at home.", 2),
    # an apposition that splits a count, or gives one man two titles, adds no one
    ("Nine people, two children and seven women, were killed in the air raid.", 9),
    ("Five soldiers, two policemen and three civilians were killed.", 10),
    ("Bombings near two markets killed seven people", 7),  # the victims end the text
    ("Lawyer Tahir Ozan, head of the local bar and a leading rights defender, was killed on Saturday.", 1),
    # a list of kin the parser reads as an apposition
    ("Attackers killed a judge, his mother, his wife and three daughters near the border.", 6),
    # a number glued to a stray escaped quote
    ('\\Nine people were killed by a car bomb in the market.', 9),
    # an attempt kills no one
    ("Two gunmen attempted to assassinate a hospital driver in the market area.", None),
    ("Gunmen failed to kill the mayor.", None),
    ("Soldiers managed to kill five militants.", 5),
    # 'five of them': a part of the figure already counted
    ("The attack led to the death of eight people, five of them farmers and three herders who were killed in revenge.", 8),
])
def test_victims_the_parse_hides(text, killed):
    assert count_in(sentence(text)).killed == killed
