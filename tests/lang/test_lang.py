"""The language knowledge below the stages: what the loader reads and what the accessors promise."""
import re

from eventwire import lang
from eventwire.lang import acled, triggers, words


def test_acled_constants_are_the_event_types_of_the_data():
    types = set(acled.acled_types().values())
    named = {acled.BATTLES, acled.EXPLOSIONS, acled.VIOLENCE_AGAINST_CIVILIANS, acled.PROTESTS, acled.RIOTS,
             acled.STRATEGIC_DEVELOPMENTS}
    assert named == types
    assert acled.VIOLENT | set(acled.DEMONSTRATIONS) | {acled.STRATEGIC_DEVELOPMENTS} == types
    assert acled.acled_types()["Mob violence"] == acled.RIOTS


def test_a_pattern_part_is_written_once_and_expanded_where_referenced():
    cues = lang.load("geo/cues.json")
    assert "{{compass_adjectives}}" in cues["parts"]["part"]
    near_northern = lang.patterns("geo/cues.json")["after_prep"]
    assert near_northern.search("fighting near northern Kidal").group(1) == "Kidal"
    assert "{{" not in near_northern.pattern


def test_flags_named_in_the_data_are_applied():
    crowd = lang.patterns("actors/cues.json")["crowd_cues"]
    assert crowd.flags & re.IGNORECASE
    assert crowd.search("PROTESTERS gathered") and not crowd.search("on 3 March the army")


def test_word_sets_are_frozen_and_tables_stay_tables():
    sets = lang.wordsets("geo/cues.json")
    assert "village" in sets["town_words"] and isinstance(sets["town_words"], frozenset)
    assert sets["singular"]["counties"] == "county"


def test_reporting_verbs_hold_speech_claim_and_denial():
    verbs = words.reporting_verbs()
    assert {"say", "accuse", "deny"} <= verbs


def test_trigger_entries_are_checked_against_the_vocabularies():
    entries = triggers.entries()
    assert entries and all(e.type in acled.plover_modes() for e in entries)
    assert triggers.phrase("fire/VERB").words == (("fire", "VERB"),)


def test_names_lists_a_data_folder_in_order():
    names = lang.names("coding/triggers")
    assert list(names) == sorted(names) and "assault.json" in names
