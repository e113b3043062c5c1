"""Time expressions: what is found, and the TIMEX3 value each gets against the document date."""
from __future__ import annotations

import pytest

from eventwire.model import CodedDocument
from eventwire.timex.extract import find

from conftest import coded


def tagged(text: str, published: str | None = "2020-06-02") -> CodedDocument:
    """Run clean, nlp and times on a text (2020-06-02 is a Tuesday)."""
    return coded(text, "clean", "nlp", "times", published=published)


def values(text: str, published: str | None = "2020-06-02") -> dict[str, str]:
    return {t.text: t.value for t in tagged(text, published).times}


# --- absolute dates in the common news formats ---

@pytest.mark.parametrize("text,expr,value", [
    ("The accord was signed on Jan. 17, 2020, in Geneva.", "Jan. 17, 2020", "2020-01-17"),
    ("The accord was signed on 17 January 2020 in Geneva.", "17 January 2020", "2020-01-17"),
    ("The accord was signed on 2020-01-17 in Geneva.", "2020-01-17", "2020-01-17"),
    ("The accord was signed on Friday, January 17, 2020.", "Friday, January 17, 2020", "2020-01-17"),
    ("The accord was signed on 17/01/2020 in Geneva.", "17/01/2020", "2020-01-17"),
    ("Fighting resumed in March 2019 after a lull.", "March 2019", "2019-03"),
    ("The militia was founded in 1998 by former officers.", "1998", "1998"),
    ("Its leaders fled in the late 1970s.", "the late 1970s", "197"),
    ("It was the bloodiest war of the 20th century.", "the 20th century", "19"),
    ("Elections were last held in the winter of nineteen ninety-four.", "the winter of nineteen ninety-four", "1994-WI"),
])
def test_absolute_dates(text, expr, value):
    assert values(text)[expr] == value


def test_a_month_and_day_without_year_takes_the_nearest_fitting_year():
    # written on 2020-06-02: a past clause looks back, a deadline looks ahead
    v = values("Rebels seized the town on May 30. The truce expires Jan. 5, officials said.", "2020-06-02")
    assert v["May 30"] == "2020-05-30"
    v = values("Rebels seized the town on Dec. 28. Talks resume on Jan. 5.", "2021-01-02")
    assert v["Dec. 28"] == "2020-12-28"
    assert v["Jan. 5"] == "2021-01-05"


def test_a_weekday_given_with_a_date_decides_the_year():
    v = values("In an editorial on Saturday, June 6: the court erred.", "2020-06-05")
    assert v["Saturday, June 6"] == "2020-06-06"


# --- weekdays in the tense of their clause ---

def test_weekday_in_a_past_clause_is_the_last_such_day():
    v = values("Militants attacked a checkpoint on Sunday, police said late Monday.")
    assert v["Sunday"] == "2020-05-31"
    assert v["late Monday"] == "2020-06-01"


def test_weekday_in_a_future_clause_is_the_next_such_day():
    v = values("The two delegations will meet on Friday in Cairo.")
    assert v["Friday"] == "2020-06-05"
    v = values("The envoy plans to visit Tripoli on Thursday.")
    assert v["Thursday"] == "2020-06-04"


def test_the_documents_own_weekday_is_the_document_date():
    assert values("The army said Tuesday that it had retaken the airport.")["Tuesday"] == "2020-06-02"


def test_last_and_next_weekday():
    v = values("The talks collapsed last Wednesday and will resume next Monday.")
    assert v["last Wednesday"] == "2020-05-27"
    assert v["next Monday"] == "2020-06-08"


def test_a_deadline_looks_ahead():
    assert values("The rebels were given until Thursday to leave the city.")["Thursday"] == "2020-06-04"


def test_weekday_with_a_part_of_day():
    assert values("Shelling was heard Monday night in the capital.")["Monday night"] == "2020-06-01"


# --- relative days, weeks, months, years ---

@pytest.mark.parametrize("text,expr,value", [
    ("Two soldiers were killed yesterday.", "yesterday", "2020-06-01"),
    ("The ministry will publish the figures tomorrow.", "tomorrow", "2020-06-03"),
    ("Aid convoys arrived today.", "today", "2020-06-02"),
    ("Protesters gathered last month in the square.", "last month", "2020-05"),
    ("Protesters gathered earlier this month in the square.", "earlier this month", "2020-06"),
    ("Parliament will vote next month.", "next month", "2020-07"),
    ("The group was banned last year.", "last year", "2019"),
    ("The ceasefire held this week.", "this week", "2020-W23"),
    ("Clashes broke out last week.", "last week", "2020-W22"),
    ("The offensive began over the weekend.", "the weekend", "2020-W22-WE"),
    ("The party won the vote two weeks ago.", "two weeks ago", "2020-05-19"),
    ("The camp was set up five months ago.", "five months ago", "2020-01"),
    ("The unrest began last summer.", "last summer", "2019-SU"),
    ("Refugee numbers doubled in the first quarter.", "the first quarter", "2020-Q1"),
    ("The bill will pass by year-end.", "year-end", "2020-12-31"),
    ("Thousands died in the nineties.", "the nineties", "199"),
])
def test_relative_expressions(text, expr, value):
    assert values(text)[expr] == value


def test_references_to_the_present_past_and_future():
    v = values("The town is now calm; it had recently changed hands and the future is unclear.")
    assert v["now"] == "PRESENT_REF"
    assert v["recently"] == "PAST_REF"
    assert v["the future"] == "FUTURE_REF"
    assert values("Fighting had intensified in recent weeks.")["recent weeks"] == "PAST_REF"
    assert values("The council is currently divided.")["currently"] == "PRESENT_REF"


def test_quarters_follow_the_one_named_nearby():
    v = values("Net income in the third quarter rose 5%. A year earlier, the firm lost money. "
               "Sales in the quarter fell.", "1989-10-30")
    assert v["the third quarter"] == "1989-Q3"
    assert v["A year earlier"] == "1988-Q3"
    assert v["the quarter"] == "1989-Q3"
    assert values("Profit for the quarter ended June 30 was flat.", "1989-10-30")["the quarter"] == "1989-Q2"


def test_durations_and_sets_are_not_dates():
    cd = tagged("In the past three months the siege cut supplies; convoys run daily.")
    kinds = {t.text: t.type for t in cd.times}
    assert kinds["the past three months"] == "DURATION"
    assert kinds["daily"] == "SET"
    assert all(t.type != "DATE" for t in cd.times)


def test_without_a_document_date_relative_expressions_keep_what_is_known():
    cd = tagged("Fighting resumed on Sunday after the accord of 12 March.", published=None)
    v = {t.text: t.value for t in cd.times}
    assert v["12 March"] == "XXXX-03-12"
    assert cd.published is None


# --- no false hits ---

@pytest.mark.parametrize("text", [
    "Photo 1 / 2 of the gallery",
    "Officials may extend the curfew, and troops may march on the city.",
    "The team won 3-2 in an away match.",
    "Police arrested 2000 protesters and seized 1500 rifles.",
    "He paid $1998 for the rifle.",
    "Security Council Resolution 2254 calls for elections.",
    "Turnout fell to 1999 voters, a quarter of the electorate.",
])
def test_no_false_dates(text):
    assert [m.text for m in find(text)] == []


def test_the_fall_of_a_city_is_not_autumn():
    assert not [m for m in find("After the fall of Kabul, many fled.") if m.kind == "season"]


def test_a_clock_time_joins_the_day_it_is_given_with():
    cd = tagged("The rebels were given until 9 a.m. EST Tuesday to leave; the vote is at noon tomorrow.",
                "2020-06-01")
    got = {t.text: (t.value, t.type) for t in cd.times}
    assert got["9 a.m. EST Tuesday"] == ("2020-06-02T09:00", "TIME")
    assert got["noon tomorrow"] == ("2020-06-02T12:00", "TIME")


def test_a_scheduled_date_is_not_the_publication_date():
    cd = tagged("Rebels seized the port on 2 May 2020. The trial is set for 15 June 2020.", published=None)
    assert cd.published == "2020-05-02"


def test_numeric_dates_read_day_first_unless_only_the_american_order_fits():
    v = values("Curfews began on 03/04/2021 and were lifted on 01/17/2022.")
    assert v["03/04/2021"] == "2021-04-03"
    assert v["01/17/2022"] == "2022-01-17"


def test_a_range_lends_its_year_to_its_first_end():
    v = values("The report covers the period from 1 January to 31 May 2019.")
    assert v["1 January"] == "2019-01-01"


def test_days_later_count_from_the_day_last_named():
    v = values("Rebels took the base on 9 May 2019. Two days later, the army retook it.")
    assert v["Two days later"] == "2019-05-11"


def test_a_modified_year_at_the_start_of_a_sentence():
    assert values("Talks stalled. Early 2019 saw new protests.")["Early 2019"] == "2019"


def test_in_n_units_ahead_is_a_date_but_of_fighting_a_duration():
    cd = tagged("Elections will be held in two weeks. In three weeks of fighting, 40 people died.")
    got = {t.text: (t.value, t.type) for t in cd.times}
    assert got["two weeks"] == ("2020-06-16", "DATE")
    assert got["three weeks"] == ("P3W", "DURATION")


def test_that_day_and_the_next_day_follow_the_story():
    v = values("Gunmen stormed the prison on 4 March 2019. The next day, troops retook it. "
               "Earlier that day, guards had fled.")
    assert v["The next day"] == "2019-03-05"
    assert v["Earlier that day"] == "2019-03-05"
    assert "that day" not in values("Nobody knows what happened that day.")  # no day named before


def test_years_in_a_list():
    v = values("Attacks peaked in 1994, 1995 and 1997.")
    assert (v["1994"], v["1995"], v["1997"]) == ("1994", "1995", "1997")


def test_one_day_is_a_length_unless_it_is_a_vague_future():
    cd = tagged("The strike lasted for one day. Peace will one day return.")
    got = [(t.text, t.value) for t in cd.times]
    assert ("one day", "P1D") in got and ("one day", "FUTURE_REF") in got


def test_the_week_of_a_date():
    assert values("A hearing is set for the week of March 6.", "2000-02-24")["the week of March 6"] == "2000-W10"
