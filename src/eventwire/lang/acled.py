"""The event vocabularies: ACLED sub-event types under their event types, PLOVER types and their modes."""
from __future__ import annotations

import functools

from . import load


@functools.lru_cache(maxsize=None)
def acled_types() -> dict[str, str]:
    """ACLED sub-event type -> event type."""
    return {sub: etype for etype, subs in load("coding/acled.json").items() if not etype.startswith("_") for sub in subs}


@functools.lru_cache(maxsize=None)
def plover_modes() -> dict[str, frozenset[str]]:
    """PLOVER event type -> its modes."""
    return {t: frozenset(m) for t, m in load("coding/plover.json").items() if not t.startswith("_")}


# ACLED's six event types, as the stages test for them (the sub-event types under each are data: acled.json).
BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC_DEVELOPMENTS = "Strategic developments"
#: The types of political violence (the rest are demonstrations and strategic developments).
VIOLENT = frozenset({BATTLES, EXPLOSIONS, VIOLENCE_AGAINST_CIVILIANS, RIOTS})
#: Demonstrations: a crowd's protest, peaceful or not.
DEMONSTRATIONS = (PROTESTS, RIOTS)
