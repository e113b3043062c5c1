"""The actor knowledge base beyond the dev conflicts: state forces by country, de facto authorities,
federal states' regional forces, movements, coalitions and foreign operations, periods, and what an
unknown name still tells. Sentences and mentions written for the project."""
from __future__ import annotations

import pytest

from eventwire import lang
from eventwire.actors import kb, resolve


@pytest.mark.parametrize("table", ["forces.tsv", "movements.tsv"])
def test_every_row_has_a_kind_a_period_column_and_a_source(table):
    kinds = {"state_forces", "rebels", "political_militia", "identity_militia", "external"}
    for row in lang.rows(f"actors/{table}"):
        assert len(row) == 8, row[0]
        ident, name, country, sector, kind, aliases, period, source = row
        assert kind in kinds, ident
        assert source.strip(), f"{ident} has no source"
        assert period == "" or ".." in period, ident
        assert aliases.strip(), ident


@pytest.mark.parametrize("mention,name,country", [
    ("FAMa soldiers", "Military Forces of Mali", "MLI"),
    ("the Carabineros", "Police Forces of Chile", "CHL"),
    ("GSU officers", "Police Forces of Kenya", "KEN"),
    ("FACA troops", "Military Forces of Central African Republic", "CAF"),
    ("the Zimbabwe Republic Police", "Police Forces of Zimbabwe", "ZWE"),
    ("ESMAD agents", "Police Forces of Colombia", "COL"),
])
def test_named_state_forces_carry_their_country(mention, name, country):
    actor = resolve(mention)
    assert (actor.name, actor.country, actor.kind) == (name, country, "state_forces")


@pytest.mark.parametrize("mention,country", [
    ("the Liyu police", "ETH"),             # a federal region's special police
    ("Amhara special forces", "ETH"),
    ("Hirshabelle forces", "SOM"),          # a federal member state's forces
    ("Kataib Hezbollah", "IRQ"),            # a unit of a force the state made its own by law
])
def test_regional_and_incorporated_forces_are_state_forces(mention, country):
    actor = resolve(mention)
    assert (actor.kind, actor.country) == ("state_forces", country)


def test_a_period_decides_which_actor_a_name_stands_for():
    taliban = resolve("Taliban fighters")
    assert taliban.kind == "rebels"
    named = kb.named_by_id()[taliban.entity]
    assert kb.at(named, "2019-06-01") is named
    ruling = kb.at(named, "2022-03-10")  # after the fall of Kabul: a de facto government's forces
    assert ruling.kind == "state_forces" and ruling.name.startswith("Military Forces of Afghanistan")
    assert kb.at(ruling, "2019-06-01") is named


@pytest.mark.parametrize("mention,kind", [
    ("the Multinational Joint Task Force", "external"),   # a multinational operation
    ("MNJTF troops", "external"),
    ("the Africa Corps", "external"),
    ("Popular Resistance fighters", "political_militia"),  # a named resistance allied with a government
    ("the National Resistance Forces", "political_militia"),
    ("Katiba Macina militants", "rebels"),
    ("Habar Gidir militiamen", "identity_militia"),        # a clan's militia
    ("Yan Sakai vigilantes", "identity_militia"),
])
def test_movements_coalitions_and_operations_have_their_kind(mention, kind):
    assert resolve(mention).kind == kind


@pytest.mark.parametrize("mention", ["KNDF", "the Karenni Nationalities Defense Force", "KNDF fighters",
                                     "Karenni Army"])
def test_aliases_and_abbreviations_resolve_to_one_actor(mention):
    assert resolve(mention).entity == "mmr_karenni"


def test_backers_and_owners_in_the_words_do_not_replace_the_actor():
    backed = resolve("Wagner-backed FAMa units")
    assert backed.entity == "fama"
    owned = resolve("Hemedti's forces")
    assert owned.entity == "rsf"


def test_an_unknown_name_is_inferred_from_its_words():
    rebels = resolve("the Lake Kivu Liberation Front")
    assert (rebels.kind, rebels.inferred) == ("rebels", True)
    clan = resolve("Hirdhaale clan militia")
    assert (clan.kind, clan.inferred) == ("identity_militia", True)
    police = resolve("the Karamoja Border Customs Unit")
    assert (police.kind, police.sector, police.inferred) == ("state_forces", "COP", True)
    known = resolve("FAMa soldiers")
    assert known.inferred is False
