"""Plans, pledges and purposes in a news article are coded as what they are (a promise, a threat) or not at
all, never as the action done. Articles written for the tests."""
from eventwire.pipeline import code

TAIL = (" The region has seen rising tension this year. Residents say food prices have doubled. Schools in "
        "the area remain closed. Many families now depend on relatives abroad.")


def test_a_purpose_is_not_the_action_done():
    text = ("Militiamen came to the market in Dosso on Saturday to detain a trader, residents said. The trader "
            "escaped through a back door." + TAIL)
    cd = code(text, published="2031-04-10")
    assert not [e for e in cd.events if e.type == "COERCE" and e.status in ("asserted", "claimed")]


def test_a_pledge_to_free_detainees_is_a_promise_not_a_release():
    text = ("The junta promised on Friday to free 50 detainees by next week, a government spokesman said." + TAIL)
    cd = code(text, published="2031-04-10")
    assert "AGREE" in {e.type for e in cd.events}
    assert not [e for e in cd.events if e.type == "RETREAT" and e.status in ("asserted", "claimed")]


def test_a_threat_is_kept_as_a_threat():
    text = ("The rebel commander warned on Sunday that his fighters would attack the capital if the talks "
            "failed, in a video posted online." + TAIL)
    cd = code(text, published="2031-04-10")
    types = {e.type for e in cd.events}
    assert "THREATEN" in types
    assert not [e for e in cd.events if e.type == "ASSAULT" and e.status in ("asserted", "claimed")]
