"""The fast attribute ruler gives every token what spaCy's own attribute ruler gives it."""
from __future__ import annotations

from eventwire import nlp
from eventwire.nlp.ruler import Ruler

# Written for the test: pronouns, auxiliaries, contractions, rules of two tokens ("gonna", "y'all",
# "Let's", "There is"), a determiner used as a pronoun, and runs of blanks.
TEXT = ("I told them we ain't gonna leave, y'all.  Let's see: there is nothing here, and that was it.\\n\\n"
        "She'd said he has been there; they got what they needed.   Those who did not vote gets no say.")


def _annotations(doc):
    return [(t.text, t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in doc]


def test_the_fast_ruler_sets_what_spacys_ruler_sets():
    pipe = nlp.load()
    spacy_ruler = pipe.get_pipe("attribute_ruler")
    before = [pipe.make_doc(TEXT) for _ in range(2)]
    for doc in before:
        for name, proc in pipe.pipeline:
            if name in ("tok2vec", "tagger", "parser"):
                proc(doc)
    ours, theirs = Ruler(spacy_ruler)(before[0]), spacy_ruler(before[1])
    assert _annotations(ours) == _annotations(theirs)
    assert {t.lemma_ for t in ours if t.lower_ in ("them", "we")} == {"they", "we"}  # the ruler did act
    assert any(t.pos_ == "SPACE" for t in ours)
