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
