"""Publication date: given, from metadata, or inferred from the text (and then flagged inferred)."""
from __future__ import annotations

from eventwire.model import CodedDocument

from conftest import coded


def tagged(text: str, published: str | None = None, meta: dict | None = None) -> CodedDocument:
    return coded(text, "clean", "nlp", "times", id="p", published=published, meta=meta or {})


def test_a_given_date_is_used_as_given():
    cd = tagged("Police said on Sunday that two men were held.", published="2021-03-09T14:05:00Z")
    assert (cd.published, cd.published_inferred, cd.published_precision, cd.published_rule) == \
        ("2021-03-09", False, "day", "given")
    assert {t.text: t.value for t in cd.times}["Sunday"] == "2021-03-07"


def test_metadata_comes_before_the_text():
    cd = tagged("The siege ended on 4 April 2019.", meta={"published": "2019-04-06"})
    assert cd.published == "2019-04-06" and cd.published_rule == "meta:published"


def test_the_latest_date_named_in_the_past():
    cd = tagged("On 9 May 2020, protesters gathered in the square. A first rally was held on 2 May 2020. "
                "A court will rule on 15 June 2020.")
    assert cd.published == "2020-05-09"
    assert cd.published_inferred is True and cd.published_precision == "day"


def test_last_month_moves_the_date_into_the_next_month():
    cd = tagged("The army said on Tuesday, March 3, 2020 that it had shot down a drone. "
                "Last month, the army shot down a drone near the border.")
    assert cd.published.startswith("2020-04")
    assert cd.published_inferred is True
    assert {t.text: t.value for t in cd.times}["Last month"] == "2020-03"


def test_weekday_cues_move_the_date_past_the_days_named():
    # 2020-05-09 is a Saturday: a story that also tells of Saturday and Sunday is from Monday at the earliest
    cd = tagged("Clashes erupted on 9 May 2020. Fighting went on through Saturday, and on Sunday the army withdrew.")
    assert cd.published == "2020-05-11"
    assert cd.published_precision == "week"


def test_a_file_photo_date_is_not_the_story_date():
    cd = tagged("FILE - In this Aug. 2, 2021, file photo, troops patrol a road. Rebels attacked a base on 3 March 2019.")
    assert cd.published == "2019-03-03"


def test_no_date_no_guess():
    cd = tagged("Rebels attacked a base near the river, residents said.")
    assert cd.published is None and cd.published_precision is None


def test_a_given_month_or_year_keeps_its_precision():
    assert (tagged("Rebels attacked.", published="2020-06").published_precision,
            tagged("Rebels attacked.", published="2020").published_precision) == ("month", "year")


def test_a_photo_taken_on_an_old_date_is_not_the_story_date():
    cd = tagged("In this photo taken on Aug. 2, 2021, troops patrol a road. Rebels attacked a base on 3 March 2019.")
    assert cd.published == "2019-03-03"
