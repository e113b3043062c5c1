"""Cross-report merging: one happening, many reports."""
from __future__ import annotations

from eventwire.incidents.merge import assign_incidents
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
                  report("d", "2017-07-03", 32.87, 13.18, 5, "Protests"),  # another kind of event
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


def coarse(cd: CodedDocument, feature: str, country: str) -> CodedDocument:
    cd.events[0].location.feature, cd.events[0].location.country = feature, country
    cd.events[0].location.precision = 3
    return cd


def test_a_country_or_region_agrees_with_a_town_of_that_country_only():
    town = report("a", "2017-07-24", 31.13, 33.80, 7)
    town.events[0].location.country = "EG"
    same = coarse(report("b", "2017-07-24", 26.0, 30.0, 7), "country", "EG")
    assert len(set(incidents(town, same))) == 1
    town2 = report("c", "2017-07-24", 31.13, 33.80, 7)
    town2.events[0].location.country = "EG"
    other = coarse(report("d", "2017-07-24", 31.5, 34.45, 7), "admin1", "PS")
    assert len(set(incidents(town2, other))) == 2


def test_a_single_death_in_a_country_is_too_common_to_merge():
    town = report("a", "2017-02-28", 2.03, 45.34, 1)
    town.events[0].location.country = "SO"
    country = coarse(report("b", "2017-02-28", 6.0, 47.0, 1), "country", "SO")
    assert len(set(incidents(town, country))) == 2


def test_a_chain_of_daily_neighbours_is_not_one_incident():
    ids = incidents(report("mon", "2017-07-03", 32.87, 13.18, 5), report("tue", "2017-07-04", 32.87, 13.18, 5),
                    report("wed", "2017-07-05", 32.87, 13.18, 5))
    assert ids[0] == ids[1] != ids[2]


def test_counts_of_one_town_may_differ_a_little_but_not_elsewhere():
    a, b = incidents(report("a", "2017-07-17", 11.85, 13.16, 8), report("b", "2017-07-17", 11.85, 13.16, 10))
    assert a == b
    a, b = incidents(report("a", "2017-07-17", 11.85, 13.16, 8), report("b", "2017-07-17", 11.85, 13.16, 12))
    assert a != b  # more than a quarter apart
    unplaced = report("c", "2017-07-17", 11.85, 13.16, 10)
    unplaced.events[0].location = None
    a, b = incidents(report("d", "2017-07-17", 11.85, 13.16, 8), unplaced)
    assert a != b
    a, b = incidents(report("e", "2017-07-17", 11.85, 13.16, 2), report("f", "2017-07-17", 11.85, 13.16, 3))
    assert a != b  # small tolls must match exactly


def test_two_written_reports_of_one_bombing_share_an_incident():
    import eventwire
    first = eventwire.code("At least eight people were killed on Monday when a suicide bomber attacked a mosque "
                           "in Maiduguri, police said.", published="2017-07-18", doc_id="first")
    second = eventwire.code("A suicide bomber killed ten worshippers in a mosque in Maiduguri on Monday evening, "
                            "a local official said.", published="2017-07-18", doc_id="second")
    other = eventwire.code("A suicide bomber killed ten worshippers in a mosque in Kano on Monday evening, "
                           "a local official said.", published="2017-07-18", doc_id="other")
    ids = [max(cd.events, key=lambda e: e.confidence).incident for cd in assign_incidents([first, second, other])]
    assert ids[0] == ids[1] != ids[2]


def test_a_place_inferred_from_the_actors_does_not_part_reports():
    named = report("a", "2017-09-13", 11.16, 14.01, 5)
    named.events[0].location.country = "CM"
    guessed = coarse(report("b", "2017-09-13", 9.07, 7.49, 5), "country", "NG")
    guessed.events[0].location.inferred = True  # 'Boko Haram' alone put it in Nigeria
    assert len(set(incidents(named, guessed))) == 1


def test_a_deadly_riot_and_an_attack_with_one_toll_are_one_incident():
    """'46 dead as two communities clash' (mob violence) and '46 persons were killed' (an attack)."""
    a, b = incidents(report("a", "2017-03-08", 7.48, 4.56, 46, "Riots"),
                     report("b", "2017-03-08", 7.49, 4.56, 46, "Violence against civilians"))
    assert a == b
    c, d = incidents(report("c", "2017-03-08", 7.48, 4.56, 46, "Riots"),
                     report("d", "2017-03-08", 7.49, 4.56, 20, "Violence against civilians"))
    assert c != d


def _in_sentence(cd: CodedDocument) -> CodedDocument:
    loc = cd.events[0].location
    loc.inferred, loc.precision, loc.rule = True, 2, "spacy:GPE; exact; sentence"
    return cd


def test_a_town_named_in_the_events_sentence_lets_close_tolls_agree():
    """'Eight persons were killed in a suicide attack on a mosque in Maiduguri' (the town only in the
    sentence) and 'ten dead after a suicide attack against a Maiduguri mosque'."""
    a, b = incidents(report("a", "2017-07-17", 11.85, 13.16, 8), _in_sentence(report("b", "2017-07-17", 11.85, 13.16, 10)))
    assert a == b


def test_one_death_named_only_in_the_sentence_is_not_enough():
    """Two assassinations in Mogadishu on one evening: a town in the sentence does not tie a single death."""
    a, b = incidents(_in_sentence(report("a", "2017-06-10", 2.04, 45.34, 1)),
                     _in_sentence(report("b", "2017-06-10", 2.04, 45.34, 1)))
    assert a != b
