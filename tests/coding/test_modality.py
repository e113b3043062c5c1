"""Status and attribution on real parses of sentences written for the project."""
from __future__ import annotations

import pytest

from eventwire.coding.modality import assess
from eventwire.model import STATUSES

from conftest import sentence


def _assess(text: str, word: str):
    sent = sentence(text)
    trigger = next(t for t in sent if t.text == word)
    return assess(trigger, sent)


@pytest.mark.parametrize("text, trigger, status", [
    ("Rebels attacked the village on Monday.", "attacked", "asserted"),
    # negation
    ("The rebels did not attack the village.", "attack", "negated"),
    ("No attack took place in the district.", "attack", "negated"),
    ("The police failed to arrest the suspects.", "arrest", "negated"),
    # modals, threats, plans, conditions
    ("The militia threatened to attack the town.", "attack", "hypothetical"),
    ("The army could strike the camp within days.", "strike", "hypothetical"),
    ("The government may prefer to negotiate with the rebels.", "negotiate", "hypothetical"),
    ("The group plans to stage a protest outside parliament.", "protest", "hypothetical"),
    ("If the rebels attack the town, the army will respond.", "attack", "hypothetical"),
    ("The UN called for a ceasefire in the region.", "ceasefire", "hypothetical"),
    ("The government has not decided whether to send troops.", "send", "hypothetical"),
    # future
    ("The two sides will hold talks in Geneva.", "talks", "future"),
    ("The talks are set to resume next week.", "resume", "future"),
    ("The two leaders are to meet in Cairo.", "meet", "future"),
    # what a verb lets happen takes that verb's tense
    ("The truce will take effect on Monday and will allow aid to reach civilians in Khartoum.", "aid", "future"),
    ("The army allowed aid to reach the besieged town on Monday.", "aid", "asserted"),
    ("Talks are expected to take place next week.", "Talks", "future"),
    # denials: a complement clause, a noun, a party's own "did not"
    ("The group denied attacking the convoy.", "attacking", "denied"),
    ("The army dismissed the claims as stupidity.", "claims", "denied"),
    ("Officials rejected reports that troops had fired on civilians.", "fired", "denied"),
    ("The army said it had not shelled the market.", "shelled", "denied"),
    # claims: a party's own statement
    ("The army said it killed 20 militants in the raid.", "killed", "claimed"),
    ("Hamas said its fighters fired rockets at the city.", "fired", "claimed"),
    ("The Islamic State claimed responsibility for the bombing.", "bombing", "claimed"),
    ("Militants allegedly abducted two teachers.", "abducted", "claimed"),
    # neutral reporting stays asserted
    ("Witnesses said soldiers fired on the crowd.", "fired", "asserted"),
    ("According to Reuters, troops fired on protesters.", "fired", "asserted"),
    ("Gunmen killed five people, police said.", "killed", "asserted"),
])
def test_status(text, trigger, status):
    assert status in STATUSES
    assert _assess(text, trigger).status == status



@pytest.mark.parametrize("text, trigger, attribution, status", [
    ("Ahmed al-Mosmari, a spokesman for the LNA, said LNA forces struck the airport.", "struck",
     "Ahmed al-Mosmari", "claimed"),
    ("Two Tripoli officials admitted that their forces shelled the port.", "shelled",
     "Two Tripoli officials", "claimed"),
    ("A spokesman for the Taliban, Zabihullah Mujahid, said its fighters attacked a checkpoint.", "attacked",
     "Zabihullah Mujahid", "claimed"),
    ("According to Reuters, troops fired on protesters.", "fired", "Reuters", "asserted"),
    ("Gunmen killed five people, police said.", "killed", "police", "asserted"),
    ("Russia denied that its forces had shelled the hospital.", "shelled", "Russia", "denied"),
])
def test_attribution(text, trigger, attribution, status):
    found = _assess(text, trigger)
    assert (found.attribution, found.status) == (attribution, status)
    assert found.attribution_span.text == attribution


def test_no_source_no_attribution():
    found = _assess("Rebels attacked the village on Monday.", "attacked")
    assert found.attribution is None and found.attribution_span is None
    # a pronoun is not a source anyone can audit
    assert _assess("He said gunmen killed the driver.", "killed").attribution is None


def test_modality_stays_in_the_trigger_clause():
    # the relative clause's "will" is about the gunmen, not the killing
    assert _assess("Gunmen who will face trial killed three villagers.", "killed").status == "asserted"
    # the cue says why
    assert _assess("The rebels did not attack the village.", "attack").cue == "not attack"


@pytest.mark.parametrize("text, trigger", [
    # what is said is not who says it
    ("Eleven people were killed and 29 injuries were reported.", "killed"),
    # a statement that caused the event is not its source
    ("Students protested after the minister said he would close the university.", "protested"),
    # a toll, not a statement
    ("The uprising claimed the lives of 56 prisoners.", "uprising"),
])
def test_no_false_source(text, trigger):
    found = _assess(text, trigger)
    assert found.attribution is None and found.status == "asserted"


def test_resolved_actors_mark_a_party():
    sent = sentence("Militants killed two soldiers near the border, the Taliban said.")
    trigger = next(t for t in sent if t.text == "killed")
    assert assess(trigger, sent).status == "asserted"  # the words alone do not tie the Taliban to the militants
    found = assess(trigger, sent, parties=["Taliban", "Military Forces of Afghanistan"])
    assert (found.status, found.attribution) == ("claimed", "the Taliban")
