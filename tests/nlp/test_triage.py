"""The cheap pass before the parser: which sentences need tags, lemmas and the parse."""
from __future__ import annotations

import pytest

from eventwire import nlp
from eventwire.nlp import NlpSettings
from eventwire.model import Document
from eventwire.pipeline import Pipeline
from eventwire.serialize import document
from eventwire.nlp.triage import sentences, triage

# A news story written for the tests: eight sentences, some holding events, times or names, some none.
STORY = (
    "The heat wave lingered over the region all week. "
    "Gunmen killed four villagers near Gusau on Monday, residents said. "
    "It was very hot and dry. "
    "Farmers in Bakura say the harvest was poor. "
    "The rains are late again this year. "
    "Police arrested two suspects after the attack. "
    "Most wells are nearly empty, one farmer added. "
    "Officials from Zamfara State visited the market."
)


def needs(text: str) -> list[tuple[str, str]]:
    doc = nlp.load().make_doc(text)
    return [(doc[p.start:p.end].text.strip(), p.need) for p in triage(doc)]


def need_of(text: str, sentence: str) -> str:
    """What the piece holding ``sentence`` needs."""
    at = text.index(sentence)
    doc = nlp.load().make_doc(text)
    return next(p.need for p in triage(doc) if doc[p.start].idx <= at < doc[p.end - 1].idx + len(doc[p.end - 1]))


def test_sentences_split_after_stops_before_capitals_and_keep_their_blanks():
    doc = nlp.load().make_doc("Troops left Goma.  They returned on Monday. Mr. Kabila, of the U.S. team, spoke.")
    got = [doc[a:b].text_with_ws for a, b in sentences(doc)]
    assert got == ["Troops left Goma.  ", "They returned on Monday. ", "Mr. Kabila, of the U.S. team, spoke."]


def test_event_time_and_name_sentences_get_what_they_need():
    assert need_of(STORY, "Gunmen killed four villagers near Gusau on Monday") == "parse"  # a trigger
    assert need_of(STORY, "Police arrested two suspects after the attack.") == "parse"
    assert need_of(STORY, "Farmers in Bakura say the harvest was poor.") == "rest"  # a place, no event
    assert need_of(STORY, "Officials from Zamfara State visited the market.") == "parse"  # 'visit': CONSULT
    assert need_of(STORY, "It was very hot and dry.") == "rest"
    assert need_of(STORY, "Most wells are nearly empty, one farmer added.") == "rest"


def test_consecutive_sentences_of_one_need_form_one_piece():
    pieces = needs(STORY)
    assert all(a[1] != b[1] for a, b in zip(pieces, pieces[1:]))
    assert "".join(nlp.load().make_doc(STORY)[p.start:p.end].text_with_ws for p in triage(nlp.load().make_doc(STORY))) \
        == STORY


def test_a_time_whose_value_the_tense_decides_needs_the_parse_an_absolute_one_does_not():
    filler = " ".join(f"The fields were dry in part {w}." for w in ("one", "two", "three", "four", "five", "six", "seven"))
    assert need_of(filler + " The weather was dry on Monday.", "on Monday") == "parse"
    assert need_of(filler + " The weather was dry in 2021.", "in 2021") == "rest"


def test_an_irregular_form_of_a_trigger_is_a_cue():
    filler = " ".join(f"The fields were dry in part {w}." for w in ("one", "two", "three", "four", "five", "six", "seven"))
    text = filler + " The rebels fought hard. The fields were dry."
    assert need_of(text, "fought") == "parse"  # 'fought' reads as the lemma 'fight'
    assert need_of(text.replace("fought", "worked"), "worked") == "rest"


def test_a_short_text_is_parsed_whole():
    assert needs("It was hot. Gunmen killed two men.") == [("It was hot. Gunmen killed two men.", "parse")]


def test_the_joined_doc_has_the_text_its_tokens_and_the_cheap_sentences():
    doc = nlp.parse_selectively([STORY])[0]
    full = nlp.load()(STORY)
    assert doc.text == STORY and [t.text for t in doc] == [t.text for t in full]
    assert [s.text.strip() for s in doc.sents] == [s.text.strip() for s in full.sents]
    skipped = next(t for t in doc if t.text == "wells")
    assert skipped.dep_ == "" and skipped.pos_ == ""  # no parse where nothing needs one
    # the recogniser reads every token, as in the whole pipeline: "Bakura" is found where nothing is parsed
    assert [(e.text, e.label_) for e in doc.ents] == [(e.text, e.label_) for e in full.ents]
    assert "Bakura" in [e.text for e in doc.ents]


def test_selective_parsing_codes_the_story_as_the_full_parse_does():
    doc = Document(id="s", text=STORY, published="2024-03-06")
    selective = document(Pipeline()(doc))
    full = document(Pipeline(settings={"nlp": NlpSettings(selective=False)})(doc))
    assert selective == full
    assert [e["type"] for e in selective["events"]][:1] == ["ASSAULT"]


@pytest.mark.parametrize("text", ["", "   ", "Gunmen"])
def test_tiny_texts_parse(text):
    assert nlp.parse_selectively([text])[0].text == text
