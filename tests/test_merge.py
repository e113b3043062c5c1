"""Cross-report merging: one happening, many reports."""
from __future__ import annotations

from eventwire.merge import assign_incidents
from eventwire.model import CodedDocument, Document, Event, Place, Span, When


def report(ident: str, date: str, lat: float, lon: float, killed: int | None, acled="Battles") -> CodedDocument:
    cd = CodedDocument(doc=Document(id=ident, text="x" * 20))
    cd.events.append(Event(type="ASSAULT", evidence=Span(0, 20), trigger=Span(0, 1), rule="test",
                           acled_event_type=acled, when=When(date), fatalities=killed,
                           location=Place(Span(0, 1), "x", "x", lat, lon)))
    return cd


def incidents(*docs):
    return [cd.events[0].incident for cd in assign_incidents(list(docs))]


def test_same_day_same_place_same_toll_is_one_incident():
    a, b = incidents(report("a", "2017-07-03", 32.87, 13.18, 5), report("b", "2017-07-04", 32.90, 13.20, 5))
    assert a == b


def test_different_toll_place_type_or_week_are_different_incidents():
    base = report("a", "2017-07-03", 32.87, 13.18, 5)
    for other in (report("b", "2017-07-03", 32.87, 13.18, 12),          # another toll
                  report("c", "2017-07-03", 33.50, 13.18, 5),           # 70 km away
                  report("d", "2017-07-03", 32.87, 13.18, 5, "Riots"),  # another kind of event
                  report("e", "2017-07-09", 32.87, 13.18, 5)):          # six days later
        x, y = incidents(base, other)
        assert x != y, other.id


def test_events_of_one_document_are_not_merged_with_each_other():
    cd = report("a", "2017-07-03", 32.87, 13.18, 5)
    cd.events.append(report("a", "2017-07-03", 32.87, 13.18, 5).events[0])
    assign_incidents([cd])
    assert cd.events[0].incident != cd.events[1].incident


def test_a_single_death_needs_both_reports_placed():
    placed = report("a", "2017-03-08", 2.03, 45.34, 1)
    unplaced = report("b", "2017-03-08", 2.03, 45.34, 1)
    unplaced.events[0].location = None
    x, y = incidents(placed, unplaced)
    assert x != y
    bigger = report("c", "2017-03-08", 2.03, 45.34, 6)
    unplaced6 = report("d", "2017-03-09", 2.03, 45.34, 6)
    unplaced6.events[0].location = None
    x, y = incidents(bigger, unplaced6)
    assert x == y


def test_violence_coded_differently_by_two_writers_still_merges():
    a, b = incidents(report("a", "2017-08-07", -4.33, 15.31, 12, "Battles"),
                     report("b", "2017-08-07", -4.33, 15.32, 12, "Violence against civilians"))
    assert a == b
