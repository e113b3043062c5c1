"""Event dates: the time expression governing the event's clause, else the news peg or the publication date."""
from __future__ import annotations

from eventwire.model import CodedDocument, Event, Span

from conftest import coded, stage


def dated(text: str, triggers: list[str], published: str | None = "2020-06-02",
          captions: list[str] = ()) -> tuple[CodedDocument, dict[str, Event]]:
    """Code the time of a text with hand-placed events (one per trigger word, first occurrence)."""
    cd = coded(text, "clean", id="e", published=published)
    for cap in captions:
        start = text.index(cap)
        cd.captions.append(Span(start, start + len(cap)))
    stage("nlp")(cd)
    stage("times")(cd)
    events = {}
    for word in triggers:
        start = text.index(word)
        caption = any(c.start <= start < c.end for c in cd.captions)
        ev = Event(type="ASSAULT", evidence=Span(0, len(text)), trigger=Span(start, start + len(word)),
                   rule="test", from_caption=caption)
        cd.events.append(ev)
        events[word] = ev
    stage("dates")(cd)
    return cd, events


def test_the_time_of_the_events_own_clause():
    _, ev = dated("On Sunday, gunmen attacked a convoy near the border.", ["attacked"])
    w = ev["attacked"].when
    assert (w.date, w.precision, w.inferred) == ("2020-05-31", "day", False)
    assert w.span is not None


def test_a_time_governing_another_clause_does_not_win():
    # "Friday" dates the talks, not the shelling of the sentence's other clause
    _, ev = dated("Militias shelled the airport, and the envoys will meet on Friday in Cairo.", ["shelled", "meet"])
    assert ev["meet"].when.date == "2020-06-05"
    assert ev["shelled"].when.date != "2020-06-05"


def test_a_trigger_noun_takes_the_time_above_it():
    _, ev = dated("Two civilians died in the airstrike on Saturday, medics said.", ["airstrike"])
    assert ev["airstrike"].when.date == "2020-05-30"


def test_without_a_time_the_news_peg_is_taken_and_flagged():
    cd, ev = dated("Rebels and the army agreed to a truce. The announcement came late Monday, the UN said.",
                   ["agreed"])
    w = ev["agreed"].when
    assert (w.date, w.inferred) == ("2020-06-01", True)


def test_without_any_day_the_publication_date_is_taken_and_flagged():
    _, ev = dated("Rebels and the army agreed to a truce, the UN said.", ["agreed"])
    w = ev["agreed"].when
    assert (w.date, w.precision, w.inferred, w.span) == ("2020-06-02", "day", True, None)


def test_month_precision_is_kept():
    _, ev = dated("Last month, the army shelled the villages.", ["shelled"])
    assert (ev["shelled"].when.date, ev["shelled"].when.precision) == ("2020-05-01", "month")


def test_acled_style_note_without_publication_date():
    cd, ev = dated("On 9 May 2020, protesters rallied in the main square of the city. Police dispersed them.",
                   ["rallied", "dispersed"], published=None)
    assert cd.published == "2020-05-09" and cd.published_inferred
    assert ev["rallied"].when.date == "2020-05-09" and not ev["rallied"].when.inferred
    assert ev["dispersed"].when.date == "2020-05-09" and ev["dispersed"].when.inferred


def test_caption_events_take_their_dates_from_their_caption_only():
    caption = "In this March 3, 2019 photo, soldiers patrol a road near the town."
    text = caption + "\n\nOn Sunday, rebels attacked the town."
    cd, ev = dated(text, ["patrol", "attacked"], captions=[caption])
    assert ev["patrol"].when.date == "2019-03-03"
    assert ev["attacked"].when.date == "2020-05-31"
